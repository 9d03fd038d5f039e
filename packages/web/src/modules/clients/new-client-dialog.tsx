import { useState } from "react";
import { useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Banner, Button, Dialog, InputField, TextareaField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
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
  const [name, setName] = useState("");
  const [industry, setIndustry] = useState("");
  const [website, setWebsite] = useState("");
  const [notes, setNotes] = useState("");

  const create = useMutation({
    mutationFn: () => api.clients.create({ name, industry, website, notes }),
    onSuccess: async (client) => {
      await queryClient.invalidateQueries({ queryKey: clientKeys.all });
      toast.show(t("clients.created", { name: client.name }), "success");
      onClose();
      await navigate(`/clients/${client.id}`);
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
      <InputField label={t("clients.fields.name")} value={name} onChange={(event) => setName(event.target.value)} error={errors.name} data-autofocus />
      <div className="form-grid">
        <InputField label={t("clients.fields.industry")} optional value={industry} onChange={(event) => setIndustry(event.target.value)} error={errors.industry} />
        <InputField
          label={t("clients.fields.website")}
          optional
          type="url"
          inputMode="url"
          placeholder={t("clients.fields.websitePlaceholder")}
          value={website}
          onChange={(event) => setWebsite(event.target.value)}
          error={errors.website}
        />
      </div>
      <TextareaField label={t("clients.fields.notes")} optional value={notes} onChange={(event) => setNotes(event.target.value)} error={errors.notes} />
      <div className="form-actions">
        <Button variant="secondary" onClick={onClose}>
          {t("ui.cancel")}
        </Button>
        <Button type="submit" variant="primary" loading={create.isPending}>
          {t("clients.create")}
        </Button>
      </div>
    </form>
  );
}
