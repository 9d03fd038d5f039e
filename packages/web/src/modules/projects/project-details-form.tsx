import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { PROJECT_STAGES, type TProject, type TProjectStage, type TUpdateProjectRequest } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, InputField, SelectField, TextareaField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf, isVersionConflict } from "../../lib/api-errors";
import { VersionConflictBanner } from "../common/version-conflict-banner";
import { useStaffOptions } from "../people/users.queries";
import { projectKeys } from "./projects.queries";

type Draft = {
  code: string;
  name: string;
  stage: TProjectStage;
  startDate: string;
  endDate: string;
  managerId: string;
  description: string;
};

function draftOf(project: TProject): Draft {
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

/** Only what changed, so a save never overwrites a field the person did not touch. */
function changesOf(base: Draft, draft: Draft): Omit<TUpdateProjectRequest, "version"> {
  const changes: Omit<TUpdateProjectRequest, "version"> = {};
  if (draft.code !== base.code) changes.code = draft.code.trim().toUpperCase();
  if (draft.name !== base.name) changes.name = draft.name;
  if (draft.stage !== base.stage) changes.stage = draft.stage;
  if (draft.startDate !== base.startDate) changes.startDate = draft.startDate || null;
  if (draft.endDate !== base.endDate) changes.endDate = draft.endDate || null;
  if (draft.managerId !== base.managerId) changes.managerId = draft.managerId || null;
  if (draft.description !== base.description) changes.description = draft.description;
  return changes;
}

function isStage(value: string): value is TProjectStage {
  return (PROJECT_STAGES as readonly string[]).includes(value);
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
  const [base] = useState(() => ({ draft: draftOf(project), version: project.version }));
  const [draft, setDraft] = useState<Draft>(base.draft);
  const [reloading, setReloading] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const changes = changesOf(base.draft, draft);
  const dirty = Object.keys(changes).length > 0;

  const save = useMutation({
    mutationFn: () => api.projects.update(project.id, { ...changes, version: base.version }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(projectKeys.detail(project.id), updated);
      await queryClient.invalidateQueries({ queryKey: ["projects", "list"] });
      toast.show(t("ui.saved"), "success");
      onReset();
    },
  });

  async function handleReload() {
    setReloading(true);
    try {
      await queryClient.refetchQueries({ queryKey: projectKeys.detail(project.id), exact: true });
    } finally {
      setReloading(false);
    }
    onReset();
  }

  const conflict = isVersionConflict(save.error);
  const errors = fieldErrorsOf(save.error);
  const message = save.isError && !conflict && Object.keys(errors).length === 0 ? (apiMessageOf(save.error) ?? t("errors.network")) : undefined;
  const managerOptions = (staff.data ?? []).map((user) => ({ value: user.id, label: user.name }));
  if (project.managerId && project.managerName && !managerOptions.some((option) => option.value === project.managerId)) {
    managerOptions.unshift({ value: project.managerId, label: project.managerName });
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (dirty) save.mutate();
      }}
    >
      {conflict ? <VersionConflictBanner onReload={() => void handleReload()} reloading={reloading} /> : null}
      {message ? <Banner tone="error">{message}</Banner> : null}
      <div className="form-grid">
        <InputField
          label={t("projects.fields.code")}
          value={draft.code}
          onChange={(event) => set("code", event.target.value.toUpperCase())}
          error={errors.code}
          spellCheck={false}
          maxLength={20}
        />
        <InputField label={t("projects.fields.name")} value={draft.name} onChange={(event) => set("name", event.target.value)} error={errors.name} />
        <SelectField
          label={t("projects.fields.stage")}
          value={draft.stage}
          options={PROJECT_STAGES.map((value) => ({ value, label: t(`stage.${value}`) }))}
          onChange={(event) => {
            if (isStage(event.target.value)) set("stage", event.target.value);
          }}
          error={errors.stage}
        />
        <SelectField
          label={t("projects.fields.manager")}
          value={draft.managerId}
          placeholder={t("projects.noManager")}
          options={managerOptions}
          onChange={(event) => set("managerId", event.target.value)}
          error={errors.managerId}
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
        <TextareaField
          fieldClassName="span-2"
          label={t("projects.fields.description")}
          optional
          rows={5}
          value={draft.description}
          onChange={(event) => set("description", event.target.value)}
          error={errors.description}
          hint={t("ui.markdownHint")}
        />
      </div>
      <div className="form-actions">
        <span className="subtle form-status" aria-live="polite">
          {dirty ? t("ui.unsavedChanges") : ""}
        </span>
        <Button variant="ghost" disabled={!dirty || save.isPending} onClick={() => setDraft(base.draft)}>
          {t("ui.discard")}
        </Button>
        <Button type="submit" variant="primary" disabled={!dirty} loading={save.isPending}>
          {t("ui.saveChanges")}
        </Button>
      </div>
    </form>
  );
}
