import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LOCALES, WORKSPACE_ROLES, type TLocale, type TWorkspaceRole } from "@jiaofu/contracts";
import { api } from "../../api";
import { LOCALE_LABELS, currentLocale, isLocale } from "../../i18n";
import { Banner, Button, Dialog, InputField, SelectField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { clientKeys, useClientOptions } from "../clients/clients.queries";
import { userKeys } from "./users.queries";

export type CreateUserDialogProps = { open: boolean; onClose: () => void };

function isRole(value: string): value is TWorkspaceRole {
  return (WORKSPACE_ROLES as readonly string[]).includes(value);
}

/** Adds a person to the workspace (POST /api/v1/users); a client contact belongs to one client. */
export function CreateUserDialog({ open, onClose }: CreateUserDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("people.newTitle")} description={t("people.newDescription")} wide>
      <CreateUserForm onClose={onClose} />
    </Dialog>
  );
}

function CreateUserForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const clients = useClientOptions();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TWorkspaceRole>("member");
  const [title, setTitle] = useState("");
  const [clientId, setClientId] = useState("");
  const [password, setPassword] = useState("");
  const [locale, setLocaleValue] = useState<TLocale>(currentLocale());
  const [clientMissing, setClientMissing] = useState(false);

  const create = useMutation({
    mutationFn: () =>
      api.users.create({ name, email: email.trim(), role, title, clientId: role === "client" ? clientId : null, password, locale }),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      if (user.clientId) await queryClient.invalidateQueries({ queryKey: clientKeys.all });
      toast.show(t("people.created", { name: user.name }), "success");
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
        // The API would refuse a contact without a client; say so next to the field straight away.
        if (role === "client" && !clientId) {
          setClientMissing(true);
          return;
        }
        setClientMissing(false);
        create.mutate();
      }}
    >
      {message ? <Banner tone="error">{message}</Banner> : null}
      <div className="form-grid">
        <InputField label={t("people.fields.name")} value={name} onChange={(event) => setName(event.target.value)} error={errors.name} autoComplete="off" data-autofocus />
        <InputField
          label={t("people.fields.email")}
          type="email"
          inputMode="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <SelectField
          label={t("people.fields.role")}
          value={role}
          options={WORKSPACE_ROLES.map((value) => ({ value, label: t(`workspaceRole.${value}`) }))}
          onChange={(event) => {
            if (isRole(event.target.value)) setRole(event.target.value);
          }}
          error={errors.role}
          hint={t(`workspaceRoleHint.${role}`)}
        />
        {role === "client" ? (
          <SelectField
            label={t("people.fields.client")}
            value={clientId}
            placeholder={t("ui.choose")}
            options={(clients.data ?? []).map((client) => ({ value: client.id, label: client.name }))}
            onChange={(event) => setClientId(event.target.value)}
            error={clientMissing ? t("people.fields.clientRequired") : errors.clientId}
          />
        ) : (
          <InputField label={t("people.fields.title")} optional value={title} onChange={(event) => setTitle(event.target.value)} error={errors.title} />
        )}
        {role === "client" ? (
          <InputField
            fieldClassName="span-2"
            label={t("people.fields.title")}
            optional
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={errors.title}
          />
        ) : null}
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
          {t("people.create")}
        </Button>
      </div>
    </form>
  );
}
