import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TClient } from "@jiaofu/contracts";
import { api } from "../../api";
import { useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { useRecordDraft } from "../../lib/use-draft";
import { RecordEditForm } from "../common/record-edit-form";
import { ClientFields, type ClientDraft } from "./client-fields";
import { clientKeys } from "./clients.queries";

const draftOf = (client: TClient): ClientDraft => ({ name: client.name, industry: client.industry, website: client.website, notes: client.notes });

export type ClientDetailsFormProps = { client: TClient; onReset: () => void };

/** Edits a client organisation; saves name the version they were based on (409 → reload banner). */
export function ClientDetailsForm({ client, onReset }: ClientDetailsFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { draft, set, changes, dirty, version, discard } = useRecordDraft(client, draftOf);

  const save = useMutation({
    mutationFn: () => api.clients.update(client.id, { ...changes, version }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(clientKeys.detail(client.id), updated);
      await queryClient.invalidateQueries({ queryKey: ["clients", "list"] });
      await queryClient.invalidateQueries({ queryKey: clientKeys.options });
      toast.show(t("ui.saved"), "success");
      onReset();
    },
  });

  return (
    <RecordEditForm
      dirty={dirty}
      onSave={() => save.mutate()}
      onDiscard={discard}
      saving={save.isPending}
      error={save.error}
      recordQueryKey={clientKeys.detail(client.id)}
      onReset={onReset}
    >
      <ClientFields draft={draft} onChange={set} errors={fieldErrorsOf(save.error)} />
    </RecordEditForm>
  );
}
