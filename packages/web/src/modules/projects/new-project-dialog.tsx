import { useState } from "react";
import { useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { PROJECT_STAGES, type TProjectStage } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, Dialog, InputField, SelectField, TextareaField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { useClientOptions } from "../clients/clients.queries";
import { useStaffOptions } from "../people/users.queries";
import { projectKeys } from "./projects.queries";

export type NewProjectDialogProps = {
  open: boolean;
  onClose: () => void;
  /** Pre-selects a client (when opened from a client's page). */
  clientId?: string;
};

type Draft = {
  code: string;
  name: string;
  clientId: string;
  stage: TProjectStage;
  startDate: string;
  endDate: string;
  managerId: string;
  description: string;
};

function isStage(value: string): value is TProjectStage {
  return (PROJECT_STAGES as readonly string[]).includes(value);
}

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
  const [draft, setDraft] = useState<Draft>({
    code: "",
    name: "",
    clientId: clientId ?? "",
    stage: "requirements",
    startDate: "",
    endDate: "",
    managerId: "",
    description: "",
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const create = useMutation({
    mutationFn: () =>
      api.projects.create({
        code: draft.code.trim().toUpperCase(),
        name: draft.name,
        clientId: draft.clientId,
        stage: draft.stage,
        startDate: draft.startDate || null,
        endDate: draft.endDate || null,
        managerId: draft.managerId || null,
        description: draft.description,
      }),
    onSuccess: async (project) => {
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["clients"] });
      toast.show(t("projects.created", { code: project.code }), "success");
      onClose();
      await navigate(`/projects/${project.id}`);
    },
  });

  const errors = fieldErrorsOf(create.error);
  const hasFieldErrors = Object.keys(errors).length > 0;
  const message = create.isError ? (apiMessageOf(create.error) ?? t("errors.network")) : undefined;

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      {message && !hasFieldErrors ? <Banner tone="error">{message}</Banner> : null}
      <div className="form-grid">
        <InputField
          label={t("projects.fields.code")}
          value={draft.code}
          onChange={(event) => set("code", event.target.value.toUpperCase())}
          hint={t("projects.fields.codeHint")}
          error={errors.code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          data-autofocus
        />
        <InputField label={t("projects.fields.name")} value={draft.name} onChange={(event) => set("name", event.target.value)} error={errors.name} />
        <SelectField
          label={t("projects.fields.client")}
          value={draft.clientId}
          placeholder={clients.isPending ? t("ui.loading") : t("ui.choose")}
          options={(clients.data ?? []).map((client) => ({ value: client.id, label: client.name }))}
          onChange={(event) => set("clientId", event.target.value)}
          error={errors.clientId}
        />
        <SelectField
          label={t("projects.fields.stage")}
          value={draft.stage}
          options={PROJECT_STAGES.map((value) => ({ value, label: t(`stage.${value}`) }))}
          onChange={(event) => {
            if (isStage(event.target.value)) set("stage", event.target.value);
          }}
          error={errors.stage}
        />
        <InputField
          label={t("projects.fields.startDate")}
          type="date"
          optional
          value={draft.startDate}
          onChange={(event) => set("startDate", event.target.value)}
          error={errors.startDate}
        />
        <InputField
          label={t("projects.fields.endDate")}
          type="date"
          optional
          value={draft.endDate}
          min={draft.startDate || undefined}
          onChange={(event) => set("endDate", event.target.value)}
          error={errors.endDate}
        />
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
        <TextareaField
          fieldClassName="span-2"
          label={t("projects.fields.description")}
          optional
          value={draft.description}
          onChange={(event) => set("description", event.target.value)}
          error={errors.description}
          hint={t("ui.markdownHint")}
        />
      </div>
      <div className="form-actions">
        <Button variant="secondary" onClick={onClose}>
          {t("ui.cancel")}
        </Button>
        <Button type="submit" variant="primary" loading={create.isPending}>
          {t("projects.create")}
        </Button>
      </div>
    </form>
  );
}
