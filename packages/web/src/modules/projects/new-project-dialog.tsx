import { useState } from "react";
import { useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Dialog, SelectField, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useDraft } from "../../lib/use-draft";
import { DialogForm } from "../common/dialog-form";
import { useClientOptions } from "../clients/clients.queries";
import { useStaffOptions } from "../people/users.queries";
import {
  ProjectCodeField,
  ProjectDateFields,
  ProjectDescriptionField,
  ProjectNameField,
  ProjectStageField,
  projectValuesOf,
  type ProjectDraft,
} from "./project-fields";
import { projectKeys } from "./projects.queries";

export type NewProjectDialogProps = {
  open: boolean;
  onClose: () => void;
  /** Pre-selects a client (when opened from a client's page). */
  clientId?: string;
};

/** Creates a project (POST /api/v1/projects) and opens it. */
export function NewProjectDialog({ open, onClose, clientId }: NewProjectDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("projects.newTitle")} description={t("projects.newDescription")} wide testId="new-project-dialog">
      <NewProjectForm onClose={onClose} clientId={clientId} />
    </Dialog>
  );
}

function NewProjectForm({ onClose, clientId }: { onClose: () => void; clientId: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const clients = useClientOptions();
  const staff = useStaffOptions();
  const [chosenClientId, setChosenClientId] = useState(clientId ?? "");
  const { draft, set } = useDraft<ProjectDraft>({
    code: "",
    name: "",
    stage: "requirements",
    startDate: "",
    endDate: "",
    managerId: "",
    description: "",
  });

  const create = useMutation({
    mutationFn: () => api.projects.create({ ...projectValuesOf(draft), clientId: chosenClientId }),
    onSuccess: async (project) => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["clients"] });
      toast.show(t("projects.created", { code: project.code }), "success");
      onClose();
      await navigate(`/projects/${project.id}`);
    },
  });

  const errors = fieldErrorsOf(create.error);
  const fields = { draft, onChange: set, errors };

  return (
    <DialogForm onSubmit={() => create.mutate()} onCancel={onClose} submitLabel={t("projects.create")} submitting={create.isPending} error={create.error}>
      <div className="form-grid">
        <ProjectCodeField {...fields} creating />
        <ProjectNameField {...fields} />
        <SelectField
          label={t("projects.fields.client")}
          value={chosenClientId}
          placeholder={clients.isPending ? t("ui.loading") : t("ui.choose")}
          options={(clients.data ?? []).map((client) => ({ value: client.id, label: client.name }))}
          onChange={(event) => setChosenClientId(event.target.value)}
          error={errors.clientId}
        />
        <ProjectStageField {...fields} />
        <ProjectDateFields {...fields} />
        <SelectField
          fieldClassName="span-2"
          label={t("projects.fields.manager")}
          optional
          value={draft.managerId}
          placeholder={t("projects.noManager")}
          options={(staff.data ?? []).map((user) => ({ value: user.id, label: user.title ? `${user.name} · ${user.title}` : user.name }))}
          onChange={(event) => set("managerId", event.target.value)}
          error={errors.managerId}
          hint={staff.isError ? t("projects.fields.managerUnavailable") : undefined}
        />
        <ProjectDescriptionField {...fields} />
      </div>
    </DialogForm>
  );
}
