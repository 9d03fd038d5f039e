import { useTranslation } from "react-i18next";
import { PROJECT_STAGES, type TProjectStage } from "@jiaofu/contracts";
import { InputField, SelectField, TextareaField } from "../../ui";
import type { FieldErrors } from "../../lib/api-errors";
import { isOneOf } from "../../lib/is-one-of";
import type { DraftSetter } from "../../lib/use-draft";

/** A project's own fields as its forms hold them: text as typed, "" for an empty date or no manager. */
export type ProjectDraft = {
  code: string;
  name: string;
  stage: TProjectStage;
  startDate: string;
  endDate: string;
  managerId: string;
  description: string;
};

/** The draft as the create and update requests send it: the code in capitals, empty dates and manager as null. */
export function projectValuesOf(draft: ProjectDraft) {
  return {
    code: draft.code.trim().toUpperCase(),
    name: draft.name,
    stage: draft.stage,
    startDate: draft.startDate || null,
    endDate: draft.endDate || null,
    managerId: draft.managerId || null,
    description: draft.description,
  };
}

type ProjectFieldProps = { draft: ProjectDraft; onChange: DraftSetter<ProjectDraft>; errors: FieldErrors };

/** The project code, typed in capitals. `creating`: the new-project form, which explains the format and starts here. */
export function ProjectCodeField({ draft, onChange, errors, creating = false }: ProjectFieldProps & { creating?: boolean }) {
  const { t } = useTranslation();
  return (
    <InputField
      label={t("projects.fields.code")}
      value={draft.code}
      onChange={(event) => onChange("code", event.target.value.toUpperCase())}
      hint={creating ? t("projects.fields.codeHint") : undefined}
      error={errors.code}
      autoComplete={creating ? "off" : undefined}
      autoCapitalize={creating ? "characters" : undefined}
      spellCheck={false}
      maxLength={20}
      data-autofocus={creating || undefined}
    />
  );
}

export function ProjectNameField({ draft, onChange, errors }: ProjectFieldProps) {
  const { t } = useTranslation();
  return <InputField label={t("projects.fields.name")} value={draft.name} onChange={(event) => onChange("name", event.target.value)} error={errors.name} />;
}

export function ProjectStageField({ draft, onChange, errors }: ProjectFieldProps) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t("projects.fields.stage")}
      value={draft.stage}
      options={PROJECT_STAGES.map((value) => ({ value, label: t(`stage.${value}`) }))}
      onChange={(event) => {
        if (isOneOf(PROJECT_STAGES, event.target.value)) onChange("stage", event.target.value);
      }}
      error={errors.stage}
    />
  );
}

/** Start and end date, side by side; the end date cannot be picked before the start. */
export function ProjectDateFields({ draft, onChange, errors }: ProjectFieldProps) {
  const { t } = useTranslation();
  return (
    <>
      <InputField
        label={t("projects.fields.startDate")}
        type="date"
        optional
        value={draft.startDate}
        onChange={(event) => onChange("startDate", event.target.value)}
        error={errors.startDate}
      />
      <InputField
        label={t("projects.fields.endDate")}
        type="date"
        optional
        value={draft.endDate}
        min={draft.startDate || undefined}
        onChange={(event) => onChange("endDate", event.target.value)}
        error={errors.endDate}
      />
    </>
  );
}

/** The Markdown description, across the whole form grid. */
export function ProjectDescriptionField({ draft, onChange, errors, rows }: ProjectFieldProps & { rows?: number }) {
  const { t } = useTranslation();
  return (
    <TextareaField
      fieldClassName="span-2"
      label={t("projects.fields.description")}
      optional
      rows={rows}
      value={draft.description}
      onChange={(event) => onChange("description", event.target.value)}
      error={errors.description}
      hint={t("ui.markdownHint")}
    />
  );
}
