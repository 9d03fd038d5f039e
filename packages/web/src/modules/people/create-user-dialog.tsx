import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { WORKSPACE_ROLES, type TWorkspaceRole } from "@jiaofu/contracts";
import { api } from "../../api";
import { Dialog, SelectField, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { isOneOf } from "../../lib/is-one-of";
import { useDraft } from "../../lib/use-draft";
import { DialogForm } from "../common/dialog-form";
import { clientKeys, useClientOptions } from "../clients/clients.queries";
import {
  AccountEmailField,
  AccountNameField,
  AccountTitleField,
  InitialPasswordAndLocaleFields,
  emptyNewAccount,
  newAccountValuesOf,
} from "./new-account-fields";
import { userKeys } from "./users.queries";

export type CreateUserDialogProps = { open: boolean; onClose: () => void };

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
  const { draft, set } = useDraft(emptyNewAccount);
  const [role, setRole] = useState<TWorkspaceRole>("member");
  const [clientId, setClientId] = useState("");
  const [clientMissing, setClientMissing] = useState(false);

  const create = useMutation({
    mutationFn: () => api.users.create({ ...newAccountValuesOf(draft), role, clientId: role === "client" ? clientId : null }),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      if (user.clientId) await queryClient.invalidateQueries({ queryKey: clientKeys.all });
      toast.show(t("people.created", { name: user.name }), "success");
      onClose();
    },
  });

  function handleSubmit() {
    // The API would refuse a contact without a client; say so next to the field straight away.
    if (role === "client" && !clientId) {
      setClientMissing(true);
      return;
    }
    setClientMissing(false);
    create.mutate();
  }

  const errors = fieldErrorsOf(create.error);
  const fields = { draft, onChange: set, errors };

  return (
    <DialogForm onSubmit={handleSubmit} onCancel={onClose} submitLabel={t("people.create")} submitting={create.isPending} error={create.error}>
      <div className="form-grid">
        <AccountNameField {...fields} />
        <AccountEmailField {...fields} />
        <SelectField
          label={t("people.fields.role")}
          value={role}
          options={WORKSPACE_ROLES.map((value) => ({ value, label: t(`workspaceRole.${value}`) }))}
          onChange={(event) => {
            if (isOneOf(WORKSPACE_ROLES, event.target.value)) setRole(event.target.value);
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
          <AccountTitleField {...fields} />
        )}
        {role === "client" ? <AccountTitleField {...fields} fieldClassName="span-2" /> : null}
        <InitialPasswordAndLocaleFields {...fields} />
      </div>
    </DialogForm>
  );
}
