import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { WORKSPACE_ROLES, type TUser, type TWorkspaceRole } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, Dialog, InputField, SelectField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf, isVersionConflict } from "../../lib/api-errors";
import { VersionConflictBanner } from "../common/version-conflict-banner";
import { userKeys } from "./users.queries";

export type EditUserDialogProps = { user: TUser; isSelf: boolean; onClose: () => void };

function isRole(value: string): value is TWorkspaceRole {
  return (WORKSPACE_ROLES as readonly string[]).includes(value);
}

/** Changes a person's name, role, title or whether they can sign in (PATCH /api/v1/users/:id with version). */
export function EditUserDialog({ user, isSelf, onClose }: EditUserDialogProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(user);
  const [formKey, setFormKey] = useState(0);
  return (
    <Dialog open onClose={onClose} title={t("people.editTitle", { name: current.name })} description={current.email}>
      <EditUserForm
        key={formKey}
        user={current}
        isSelf={isSelf}
        onClose={onClose}
        onReloaded={(fresh) => {
          setCurrent(fresh);
          setFormKey((key) => key + 1);
        }}
      />
    </Dialog>
  );
}

type EditUserFormProps = { user: TUser; isSelf: boolean; onClose: () => void; onReloaded: (user: TUser) => void };

function EditUserForm({ user, isSelf, onClose, onReloaded }: EditUserFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<TWorkspaceRole>(user.role);
  const [title, setTitle] = useState(user.title);
  const [active, setActive] = useState(user.active);
  const [reloading, setReloading] = useState(false);

  const save = useMutation({
    mutationFn: () =>
      api.users.update(user.id, {
        version: user.version,
        ...(name !== user.name ? { name } : {}),
        ...(role !== user.role ? { role } : {}),
        ...(title !== user.title ? { title } : {}),
        ...(active !== user.active ? { active } : {}),
      }),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      toast.show(t("people.updated", { name: updated.name }), "success");
      onClose();
    },
  });

  async function handleReload() {
    setReloading(true);
    try {
      const fresh = await api.users.get(user.id);
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onReloaded(fresh);
    } finally {
      setReloading(false);
    }
  }

  const conflict = isVersionConflict(save.error);
  const errors = fieldErrorsOf(save.error);
  const message = save.isError && !conflict && Object.keys(errors).length === 0 ? (apiMessageOf(save.error) ?? t("errors.network")) : undefined;
  const contact = user.role === "client";
  // A contact stays a contact (they belong to a client); staff move between owner, admin and member.
  const roleOptions = WORKSPACE_ROLES.filter((value) => (contact ? value === "client" : value !== "client")).map((value) => ({
    value,
    label: t(`workspaceRole.${value}`),
  }));

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      {conflict ? <VersionConflictBanner onReload={() => void handleReload()} reloading={reloading} /> : null}
      {message ? <Banner tone="error">{message}</Banner> : null}
      <InputField label={t("people.fields.name")} value={name} onChange={(event) => setName(event.target.value)} error={errors.name} data-autofocus />
      <div className="form-grid">
        <SelectField
          label={t("people.fields.role")}
          value={role}
          options={roleOptions}
          disabled={contact || isSelf}
          onChange={(event) => {
            if (isRole(event.target.value)) setRole(event.target.value);
          }}
          error={errors.role}
          hint={isSelf ? t("people.cannotChangeOwnRole") : undefined}
        />
        <InputField label={t("people.fields.title")} optional value={title} onChange={(event) => setTitle(event.target.value)} error={errors.title} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={active} disabled={isSelf} onChange={(event) => setActive(event.target.checked)} />
        <span>{t("people.fields.active")}</span>
      </label>
      <p className="subtle">{t("people.fields.activeHint")}</p>
      <div className="form-actions">
        <Button variant="secondary" onClick={onClose}>
          {t("ui.cancel")}
        </Button>
        <Button type="submit" variant="primary" loading={save.isPending}>
          {t("ui.saveChanges")}
        </Button>
      </div>
    </form>
  );
}
