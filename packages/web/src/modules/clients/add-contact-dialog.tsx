import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TClient } from "@jiaofu/contracts";
import { api } from "../../api";
import { Dialog, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useDraft } from "../../lib/use-draft";
import { DialogForm } from "../common/dialog-form";
import {
  AccountEmailField,
  AccountNameField,
  AccountTitleField,
  InitialPasswordAndLocaleFields,
  emptyNewAccount,
  newAccountValuesOf,
} from "../people/new-account-fields";
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
  const { draft, set } = useDraft(emptyNewAccount);

  const create = useMutation({
    mutationFn: () => api.users.create({ ...newAccountValuesOf(draft), role: "client", clientId: client.id }),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      await queryClient.invalidateQueries({ queryKey: clientKeys.detail(client.id) });
      await queryClient.invalidateQueries({ queryKey: ["clients", "list"] });
      toast.show(t("contacts.added", { name: user.name }), "success");
      onClose();
    },
  });

  const fields = { draft, onChange: set, errors: fieldErrorsOf(create.error) };

  return (
    <DialogForm onSubmit={() => create.mutate()} onCancel={onClose} submitLabel={t("contacts.addSubmit")} submitting={create.isPending} error={create.error}>
      <div className="form-grid">
        <AccountNameField {...fields} />
        <AccountTitleField {...fields} />
        <AccountEmailField {...fields} fieldClassName="span-2" />
        <InitialPasswordAndLocaleFields {...fields} />
      </div>
    </DialogForm>
  );
}
