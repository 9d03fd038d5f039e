import { useTranslation } from "react-i18next";
import { InputField, TextareaField } from "../../ui";
import type { FieldErrors } from "../../lib/api-errors";
import type { DraftSetter } from "../../lib/use-draft";

/** A client organisation as its forms edit it (the create request has the same shape). */
export type ClientDraft = { name: string; industry: string; website: string; notes: string };

export type ClientFieldsProps = {
  draft: ClientDraft;
  onChange: DraftSetter<ClientDraft>;
  errors: FieldErrors;
  /** The new-client dialog: the name takes the focus and the website shows an example; the notes keep their default height. */
  creating?: boolean;
};

/** Name, industry, website and notes of a client organisation. */
export function ClientFields({ draft, onChange, errors, creating = false }: ClientFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <InputField
        label={t("clients.fields.name")}
        value={draft.name}
        onChange={(event) => onChange("name", event.target.value)}
        error={errors.name}
        data-autofocus={creating || undefined}
      />
      <div className="form-grid">
        <InputField
          label={t("clients.fields.industry")}
          optional
          value={draft.industry}
          onChange={(event) => onChange("industry", event.target.value)}
          error={errors.industry}
        />
        <InputField
          label={t("clients.fields.website")}
          optional
          type="url"
          inputMode="url"
          placeholder={creating ? t("clients.fields.websitePlaceholder") : undefined}
          value={draft.website}
          onChange={(event) => onChange("website", event.target.value)}
          error={errors.website}
        />
      </div>
      <TextareaField
        label={t("clients.fields.notes")}
        optional
        rows={creating ? undefined : 4}
        value={draft.notes}
        onChange={(event) => onChange("notes", event.target.value)}
        error={errors.notes}
      />
    </>
  );
}
