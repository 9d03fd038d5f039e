import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { REQUIREMENT_TYPES, type TRequirementRef, type TRequirementType } from "@jiaofu/contracts";
import { Dialog, InputField, SelectField, TextareaField } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { isOneOf } from "../../lib/is-one-of";
import { useDraft } from "../../lib/use-draft";
import { DialogForm } from "../common/dialog-form";

/** The requirement's own fields, as the "from a source" endpoints take them. */
export type RequirementFromSourceFields = { title: string; description: string; type: TRequirementType };

export type RequirementFromSourceDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  /** The text the requirement comes from, shown above the fields. */
  excerpt: string;
  initial: RequirementFromSourceFields;
  /** Calls the API; the dialog shows its errors (field errors beside the fields, a 409 with Reload). */
  create: (fields: RequirementFromSourceFields) => Promise<TRequirementRef>;
  onCreated: (requirement: TRequirementRef) => Promise<void> | void;
  /** After a 409 (the source changed since it was read): refetch it; the dialog closes. */
  onReload?: () => Promise<void>;
};

/** Makes a requirement from a passage of session notes or a free-text answer, keeping the link to it. */
export function RequirementFromSourceDialog(props: RequirementFromSourceDialogProps) {
  return (
    <Dialog open={props.open} onClose={props.onClose} title={props.title} wide testId="requirement-from-source-dialog">
      <RequirementFromSourceForm {...props} />
    </Dialog>
  );
}

function RequirementFromSourceForm({ onClose, excerpt, initial, create, onCreated, onReload }: RequirementFromSourceDialogProps) {
  const { t } = useTranslation();
  const { draft, set } = useDraft<RequirementFromSourceFields>(initial);
  const submit = useMutation({
    mutationFn: () => create({ ...draft, title: draft.title.trim() }),
    onSuccess: async (requirement) => {
      await onCreated(requirement);
      onClose();
    },
  });
  const reload = useMutation({
    mutationFn: async () => {
      await onReload?.();
      onClose();
    },
  });
  const errors = fieldErrorsOf(submit.error);
  // Offsets that no longer fit the notes come back on `start`/`end`: they are about the selection, not a field here.
  const rangeError = errors.start ?? errors.end;

  return (
    <DialogForm
      onSubmit={() => submit.mutate()}
      onCancel={onClose}
      submitLabel={t("elicitation.fromSource.create")}
      submitting={submit.isPending}
      error={submit.error}
      onReload={onReload ? () => reload.mutate() : undefined}
      reloading={reload.isPending}
    >
      <figure className="from-source-excerpt">
        <figcaption className="subheading">{t("elicitation.fromSource.excerpt")}</figcaption>
        <blockquote className="pre-wrap" data-testid="source-excerpt">
          {excerpt}
        </blockquote>
        {rangeError ? <p className="field-error">{rangeError}</p> : null}
      </figure>
      <div className="form-grid">
        <InputField
          fieldClassName="span-2"
          label={t("elicitation.fromSource.title")}
          value={draft.title}
          onChange={(event) => set("title", event.target.value)}
          error={errors.title}
          maxLength={200}
          data-autofocus
          data-testid="requirement-title"
        />
        <SelectField
          label={t("elicitation.fromSource.type")}
          value={draft.type}
          options={REQUIREMENT_TYPES.map((value) => ({ value, label: t(`elicitation.requirementTypes.${value}`) }))}
          onChange={(event) => {
            if (isOneOf(REQUIREMENT_TYPES, event.target.value)) set("type", event.target.value);
          }}
          error={errors.type}
        />
        <TextareaField
          fieldClassName="span-2"
          label={t("elicitation.fromSource.description")}
          rows={6}
          value={draft.description}
          onChange={(event) => set("description", event.target.value)}
          error={errors.description}
          hint={t("ui.markdownHint")}
        />
      </div>
    </DialogForm>
  );
}
