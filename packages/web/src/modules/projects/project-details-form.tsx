import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TProject } from "@jiaofu/contracts";
import { api } from "../../api";
import { SelectField, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useRecordDraft } from "../../lib/use-draft";
import { RecordEditForm } from "../common/record-edit-form";
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

function draftOf(project: TProject): ProjectDraft {
  return {
    code: project.code,
    name: project.name,
    stage: project.stage,
    startDate: project.startDate ?? "",
    endDate: project.endDate ?? "",
    managerId: project.managerId ?? "",
    description: project.description,
  };
}

export type ProjectDetailsFormProps = {
  project: TProject;
  /** Called after a save or a reload; the parent remounts the form with the fresh project. */
  onReset: () => void;
};

/**
 * Edits a project with optimistic concurrency: the save names the version the form was opened on, and a 409 offers
 * to reload the newer version instead of silently overwriting someone else's change.
 */
export function ProjectDetailsForm({ project, onReset }: ProjectDetailsFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const staff = useStaffOptions();
  const { draft, set, changes, dirty, version, discard } = useRecordDraft(project, draftOf, projectValuesOf);

  const save = useMutation({
    mutationFn: () => api.projects.update(project.id, { ...changes, version }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(projectKeys.detail(project.id), updated);
      await queryClient.invalidateQueries({ queryKey: ["projects", "list"] });
      toast.show(t("ui.saved"), "success");
      onReset();
    },
  });

  const errors = fieldErrorsOf(save.error);
  const fields = { draft, onChange: set, errors };
  const managerOptions = (staff.data ?? []).map((user) => ({ value: user.id, label: user.name }));
  if (project.managerId && project.managerName && !managerOptions.some((option) => option.value === project.managerId)) {
    managerOptions.unshift({ value: project.managerId, label: project.managerName });
  }

  return (
    <RecordEditForm
      dirty={dirty}
      onSave={() => save.mutate()}
      onDiscard={discard}
      saving={save.isPending}
      error={save.error}
      recordQueryKey={projectKeys.detail(project.id)}
      onReset={onReset}
    >
      <div className="form-grid">
        <ProjectCodeField {...fields} />
        <ProjectNameField {...fields} />
        <ProjectStageField {...fields} />
        <SelectField
          label={t("projects.fields.manager")}
          value={draft.managerId}
          placeholder={t("projects.noManager")}
          options={managerOptions}
          onChange={(event) => set("managerId", event.target.value)}
          error={errors.managerId}
        />
        <ProjectDateFields {...fields} />
        <ProjectDescriptionField {...fields} rows={5} />
      </div>
    </RecordEditForm>
  );
}
