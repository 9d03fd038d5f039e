import { useTranslation } from "react-i18next";
import { LOCALES, type TLocale } from "@jiaofu/contracts";
import { LOCALE_LABELS, currentLocale, isLocale } from "../../i18n";
import { InputField, SelectField } from "../../ui";
import type { FieldErrors } from "../../lib/api-errors";
import type { DraftSetter } from "../../lib/use-draft";

/**
 * What every new account needs, a colleague's or a client contact's: who the person is and how they first sign in.
 * The forms place these fields differently around the role and client, so each field is its own component.
 */
export type NewAccountDraft = { name: string; email: string; title: string; password: string; locale: TLocale };

/** An empty account in the language the UI is shown in now. */
export function emptyNewAccount(): NewAccountDraft {
  return { name: "", email: "", title: "", password: "", locale: currentLocale() };
}

/** The account's part of the create-user request (the address without stray spaces). */
export function newAccountValuesOf(draft: NewAccountDraft): NewAccountDraft {
  return { ...draft, email: draft.email.trim() };
}

export type NewAccountFieldProps = {
  draft: NewAccountDraft;
  onChange: DraftSetter<NewAccountDraft>;
  errors: FieldErrors;
  fieldClassName?: string;
};

/** The person's name: the first field of the form. */
export function AccountNameField({ draft, onChange, errors }: NewAccountFieldProps) {
  const { t } = useTranslation();
  return (
    <InputField
      label={t("people.fields.name")}
      value={draft.name}
      onChange={(event) => onChange("name", event.target.value)}
      error={errors.name}
      autoComplete="off"
      data-autofocus
    />
  );
}

export function AccountEmailField({ draft, onChange, errors, fieldClassName }: NewAccountFieldProps) {
  const { t } = useTranslation();
  return (
    <InputField
      fieldClassName={fieldClassName}
      label={t("people.fields.email")}
      type="email"
      inputMode="email"
      autoComplete="off"
      value={draft.email}
      onChange={(event) => onChange("email", event.target.value)}
      error={errors.email}
    />
  );
}

export function AccountTitleField({ draft, onChange, errors, fieldClassName }: NewAccountFieldProps) {
  const { t } = useTranslation();
  return (
    <InputField
      fieldClassName={fieldClassName}
      label={t("people.fields.title")}
      optional
      value={draft.title}
      onChange={(event) => onChange("title", event.target.value)}
      error={errors.title}
    />
  );
}

/** The initial password (passed on by whoever creates the account) and the account's language, side by side. */
export function InitialPasswordAndLocaleFields({ draft, onChange, errors }: NewAccountFieldProps) {
  const { t } = useTranslation();
  return (
    <>
      <InputField
        label={t("people.fields.initialPassword")}
        type="password"
        autoComplete="new-password"
        value={draft.password}
        onChange={(event) => onChange("password", event.target.value)}
        error={errors.password}
        hint={t("people.fields.initialPasswordHint")}
      />
      <SelectField
        label={t("people.fields.locale")}
        value={draft.locale}
        options={LOCALES.map((value) => ({ value, label: LOCALE_LABELS[value] }))}
        onChange={(event) => {
          if (isLocale(event.target.value)) onChange("locale", event.target.value);
        }}
        error={errors.locale}
      />
    </>
  );
}
