import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TClient, TUpdateClientRequest } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, InputField, TextareaField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf, isVersionConflict } from "../../lib/api-errors";
import { VersionConflictBanner } from "../common/version-conflict-banner";
import { clientKeys } from "./clients.queries";

type Draft = { name: string; industry: string; website: string; notes: string };
const draftOf = (client: TClient): Draft => ({ name: client.name, industry: client.industry, website: client.website, notes: client.notes });

export type ClientDetailsFormProps = { client: TClient; onReset: () => void };

/** Edits a client organisation; saves name the version they were based on (409 → reload banner). */
export function ClientDetailsForm({ client, onReset }: ClientDetailsFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [base] = useState(() => ({ draft: draftOf(client), version: client.version }));
  const [draft, setDraft] = useState<Draft>(base.draft);
  const [reloading, setReloading] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const changes: Omit<TUpdateClientRequest, "version"> = {};
  for (const key of ["name", "industry", "website", "notes"] as const) if (draft[key] !== base.draft[key]) changes[key] = draft[key];
  const dirty = Object.keys(changes).length > 0;

  const save = useMutation({
    mutationFn: () => api.clients.update(client.id, { ...changes, version: base.version }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(clientKeys.detail(client.id), updated);
      await queryClient.invalidateQueries({ queryKey: ["clients", "list"] });
      await queryClient.invalidateQueries({ queryKey: clientKeys.options });
      toast.show(t("ui.saved"), "success");
      onReset();
    },
  });

  async function handleReload() {
    setReloading(true);
    try {
      await queryClient.refetchQueries({ queryKey: clientKeys.detail(client.id), exact: true });
    } finally {
      setReloading(false);
    }
    onReset();
  }

  const conflict = isVersionConflict(save.error);
  const errors = fieldErrorsOf(save.error);
  const message = save.isError && !conflict && Object.keys(errors).length === 0 ? (apiMessageOf(save.error) ?? t("errors.network")) : undefined;

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (dirty) save.mutate();
      }}
    >
      {conflict ? <VersionConflictBanner onReload={() => void handleReload()} reloading={reloading} /> : null}
      {message ? <Banner tone="error">{message}</Banner> : null}
      <InputField label={t("clients.fields.name")} value={draft.name} onChange={(event) => set("name", event.target.value)} error={errors.name} />
      <div className="form-grid">
        <InputField label={t("clients.fields.industry")} optional value={draft.industry} onChange={(event) => set("industry", event.target.value)} error={errors.industry} />
        <InputField
          label={t("clients.fields.website")}
          optional
          type="url"
          inputMode="url"
          value={draft.website}
          onChange={(event) => set("website", event.target.value)}
          error={errors.website}
        />
      </div>
      <TextareaField label={t("clients.fields.notes")} optional rows={4} value={draft.notes} onChange={(event) => set("notes", event.target.value)} error={errors.notes} />
      <div className="form-actions">
        <span className="subtle form-status" aria-live="polite">
          {dirty ? t("ui.unsavedChanges") : ""}
        </span>
        <Button variant="ghost" disabled={!dirty || save.isPending} onClick={() => setDraft(base.draft)}>
          {t("ui.discard")}
        </Button>
        <Button type="submit" variant="primary" disabled={!dirty} loading={save.isPending}>
          {t("ui.saveChanges")}
        </Button>
      </div>
    </form>
  );
}
