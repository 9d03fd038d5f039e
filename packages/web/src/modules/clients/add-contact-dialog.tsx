import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LOCALES, type TClient, type TLocale } from "@jiaofu/contracts";
import { api } from "../../api";
import { LOCALE_LABELS, currentLocale, isLocale } from "../../i18n";
import { Banner, Button, Dialog, InputField, SelectField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { userKeys } from "../people/users.queries";
import { clientKeys } from "./clients.queries";

export type AddContactDialogProps = { open: boolean; onClose: () => void; client: TClient };

/** Creates a client contact account (POST /api/v1/users, role "client") for this organisation. */
export function AddContactDialog({ open, onClose, client }: AddContactDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("contacts.addTitle")} description={t("contacts.addDescription", { client: client.name })}>
      <AddContactForm client={client} onClose={onClose} />
    </Dialog>
  );
}

function AddContactForm({ client, onClose }: { client: TClient; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [title, setTitle] = useState("");
  const [password, setPassword] = useState("");
  const [locale, setLocaleValue] = useState<TLocale>(currentLocale());

  const create = useMutation({
    mutationFn: () => api.users.create({ role: "client", clientId: client.id, name, email: email.trim(), title, password, locale }),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      await queryClient.invalidateQueries({ queryKey: clientKeys.detail(client.id) });
      await queryClient.invalidateQueries({ queryKey: ["clients", "list"] });
      toast.show(t("contacts.added", { name: user.name }), "success");
      onClose();
    },
  });

  const errors = fieldErrorsOf(create.error);
  const message = create.isError && Object.keys(errors).length === 0 ? (apiMessageOf(create.error) ?? t("errors.network")) : undefined;

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      {message ? <Banner tone="error">{message}</Banner> : null}
      <div className="form-grid">
        <InputField label={t("people.fields.name")} value={name} onChange={(event) => setName(event.target.value)} error={errors.name} autoComplete="off" data-autofocus />
        <InputField label={t("people.fields.title")} optional value={title} onChange={(event) => setTitle(event.target.value)} error={errors.title} />
        <InputField
          fieldClassName="span-2"
          label={t("people.fields.email")}
          type="email"
          inputMode="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <InputField
          label={t("people.fields.initialPassword")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
          hint={t("people.fields.initialPasswordHint")}
        />
        <SelectField
          label={t("people.fields.locale")}
          value={locale}
          options={LOCALES.map((value) => ({ value, label: LOCALE_LABELS[value] }))}
          onChange={(event) => {
            if (isLocale(event.target.value)) setLocaleValue(event.target.value);
          }}
          error={errors.locale}
        />
      </div>
      <div className="form-actions">
        <Button variant="secondary" onClick={onClose}>
          {t("ui.cancel")}
        </Button>
        <Button type="submit" variant="primary" loading={create.isPending}>
          {t("contacts.addSubmit")}
        </Button>
      </div>
    </form>
  );
}
