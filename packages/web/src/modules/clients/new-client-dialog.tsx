import { useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Dialog, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useDraft } from "../../lib/use-draft";
import { DialogForm } from "../common/dialog-form";
import { ClientFields, type ClientDraft } from "./client-fields";
import { clientKeys } from "./clients.queries";

export type NewClientDialogProps = { open: boolean; onClose: () => void };

/** Creates a client organisation (POST /api/v1/clients) and opens its page. */
export function NewClientDialog({ open, onClose }: NewClientDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("clients.newTitle")} description={t("clients.newDescription")} testId="new-client-dialog">
      <NewClientForm onClose={onClose} />
    </Dialog>
  );
}

function NewClientForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { draft, set } = useDraft<ClientDraft>({ name: "", industry: "", website: "", notes: "" });

  const create = useMutation({
    mutationFn: () => api.clients.create(draft),
    onSuccess: async (client) => {
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
      toast.show(t("clients.created", { name: client.name }), "success");
      onClose();
      await navigate(`/clients/${client.id}`);
    },
  });

  return (
    <DialogForm onSubmit={() => create.mutate()} onCancel={onClose} submitLabel={t("clients.create")} submitting={create.isPending} error={create.error}>
      <ClientFields draft={draft} onChange={set} errors={fieldErrorsOf(create.error)} creating />
    </DialogForm>
  );
}
