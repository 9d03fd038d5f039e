import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { WORKSPACE_ROLES, type TUser, type TWorkspaceRole } from "@jiaofu/contracts";
import { api } from "../../api";
import { Dialog, InputField, SelectField, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useRecordDraft } from "../../lib/use-draft";
import { isOneOf } from "../../lib/is-one-of";
import { DialogForm } from "../common/dialog-form";
import { userKeys } from "./users.queries";

export type EditUserDialogProps = { user: TUser; isSelf: boolean; onClose: () => void };

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

/** `costPerHour` is null when the reader may not see it (only owners and admins see and set staff's rates). */
type UserDraft = { name: string; role: TWorkspaceRole; title: string; active: boolean; costPerHour: number | null };
const draftOf = (user: TUser): UserDraft => ({ name: user.name, role: user.role, title: user.title, active: user.active, costPerHour: user.costPerHour });

type EditUserFormProps = { user: TUser; isSelf: boolean; onClose: () => void; onReloaded: (user: TUser) => void };

function EditUserForm({ user, isSelf, onClose, onReloaded }: EditUserFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { draft, set, changes, version } = useRecordDraft(user, draftOf);
  const [reloading, setReloading] = useState(false);

  const save = useMutation({
    mutationFn: () => api.users.update(user.id, { ...changes, costPerHour: changes.costPerHour ?? undefined, version }),
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

  const errors = fieldErrorsOf(save.error);
  const contact = user.role === "client";
  // A contact stays a contact (they belong to a client); staff move between owner, admin and member.
  const roleOptions = WORKSPACE_ROLES.filter((value) => (contact ? value === "client" : value !== "client")).map((value) => ({
    value,
    label: t(`workspaceRole.${value}`),
  }));

  return (
    <DialogForm
      onSubmit={() => save.mutate()}
      onCancel={onClose}
      submitLabel={t("ui.saveChanges")}
      submitting={save.isPending}
      error={save.error}
      onReload={() => void handleReload()}
      reloading={reloading}
    >
      <InputField label={t("people.fields.name")} value={draft.name} onChange={(event) => set("name", event.target.value)} error={errors.name} data-autofocus />
      <div className="form-grid">
        <SelectField
          label={t("people.fields.role")}
          value={draft.role}
          options={roleOptions}
          disabled={contact || isSelf}
          onChange={(event) => {
            if (isOneOf(WORKSPACE_ROLES, event.target.value)) set("role", event.target.value);
          }}
          error={errors.role}
          hint={isSelf ? t("people.cannotChangeOwnRole") : undefined}
        />
        <InputField label={t("people.fields.title")} optional value={draft.title} onChange={(event) => set("title", event.target.value)} error={errors.title} />
      </div>
      {draft.costPerHour !== null ? (
        <InputField
          label={t("time.people.costPerHour")}
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          value={String(draft.costPerHour)}
          onChange={(event) => set("costPerHour", event.target.value === "" ? 0 : Number(event.target.value))}
          error={errors.costPerHour}
          hint={t("time.people.costPerHourHint")}
          data-testid="person-cost-per-hour"
        />
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={draft.active} disabled={isSelf} onChange={(event) => set("active", event.target.checked)} />
        <span>{t("people.fields.active")}</span>
      </label>
      <p className="subtle">{t("people.fields.activeHint")}</p>
    </DialogForm>
  );
}
