import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TApiToken } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, Card, DataTable, Dialog, EmptyState, InputField, SelectField, useToast, type Column } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { formatDay, formatRelative } from "../../lib/format";
import { ConfirmItemDialog } from "../common/confirm-dialog";
import { CopyField } from "../common/copy-field";
import { DialogForm } from "../common/dialog-form";
import { QueryContent } from "../common/query-content";
import { tokenKeys, useTokens } from "./tokens.queries";

/** Personal API tokens for scripts and the CLI: list, create (secret shown once), revoke. */
export function ApiTokens() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TApiToken | null>(null);

  const revoke = useMutation({
    mutationFn: (token: TApiToken) => api.me.revokeToken(token.id),
    onSuccess: async (_, token) => {
      setRevoking(null);
      toast.show(t("tokens.revoked", { name: token.name }), "success");
      await queryClient.invalidateQueries({ queryKey: tokenKeys.all });
    },
  });

  const columns: Column<TApiToken>[] = [
    {
      key: "name",
      header: t("tokens.columns.name"),
      primary: true,
      render: (token) => (
        <span className="person-text">
          <span className="person-name">{token.name}</span>
          <span className="subtle mono">{t("tokens.prefix", { prefix: token.prefix })}</span>
        </span>
      ),
    },
    { key: "created", header: t("tokens.columns.created"), nowrap: true, render: (token) => formatDay(token.createdAt, i18n.language) },
    {
      key: "lastUsed",
      header: t("tokens.columns.lastUsed"),
      nowrap: true,
      render: (token) => (token.lastUsedAt ? formatRelative(token.lastUsedAt, i18n.language) : <span className="muted">{t("tokens.never")}</span>),
    },
    {
      key: "expires",
      header: t("tokens.columns.expires"),
      nowrap: true,
      render: (token) => (token.expiresAt ? formatDay(token.expiresAt, i18n.language) : <span className="muted">{t("tokens.noExpiry")}</span>),
    },
    {
      key: "actions",
      header: t("ui.actions"),
      hideHeader: true,
      align: "end",
      render: (token) => (
        <Button size="sm" variant="danger-ghost" onClick={() => setRevoking(token)} aria-label={t("tokens.revokeNamed", { name: token.name })}>
          {t("tokens.revoke")}
        </Button>
      ),
    },
  ];

  const items = tokens.data?.items ?? [];

  return (
    <div className="page">
      <div className="page-header">
        <div className="page-title-group">
          <span className="page-eyebrow">{t("tokens.eyebrow")}</span>
          <h1>{t("tokens.title")}</h1>
          <p className="muted">{t("tokens.subtitle")}</p>
        </div>
        <div className="page-actions">
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t("tokens.new")}
          </Button>
        </div>
      </div>
      <Card flush>
        <QueryContent
          query={tokens}
          isEmpty={items.length === 0}
          empty={
            <EmptyState icon="⌘" title={t("tokens.emptyTitle")}>
              {t("tokens.emptyBody")}
            </EmptyState>
          }
        >
          <DataTable caption={t("tokens.title")} columns={columns} rows={items} rowKey={(token) => token.id} />
        </QueryContent>
      </Card>
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmItemDialog
        item={revoking}
        action={revoke}
        title={t("tokens.revokeTitle")}
        confirmLabel={t("tokens.revoke")}
        onClose={() => setRevoking(null)}
      >
        {t("tokens.revokeBody", { name: revoking?.name ?? "" })}
      </ConfirmItemDialog>
    </div>
  );
}

const EXPIRY_CHOICES = ["30", "90", "365", ""] as const;

function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("tokens.newTitle")} description={t("tokens.newDescription")}>
      <CreateTokenForm onClose={onClose} />
    </Dialog>
  );
}

function CreateTokenForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<string>("90");
  const create = useMutation({
    mutationFn: () => api.me.createToken({ name, expiresInDays: expiry ? Number(expiry) : undefined }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tokenKeys.all });
    },
  });

  if (create.isSuccess) {
    return (
      <div className="stack">
        <Banner tone="warning">{t("tokens.secretOnce")}</Banner>
        <CopyField label={t("tokens.secretLabel", { name: create.data.name })} value={create.data.token} testId="token-secret" />
        <div className="form-actions">
          <Button variant="primary" onClick={onClose}>
            {t("ui.done")}
          </Button>
        </div>
      </div>
    );
  }

  const errors = fieldErrorsOf(create.error);

  return (
    <DialogForm onSubmit={() => create.mutate()} onCancel={onClose} submitLabel={t("tokens.create")} submitting={create.isPending} error={create.error}>
      <InputField
        label={t("tokens.fields.name")}
        placeholder={t("tokens.fields.namePlaceholder")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
        data-autofocus
      />
      <SelectField
        label={t("tokens.fields.expiry")}
        value={expiry}
        options={EXPIRY_CHOICES.map((value) => ({ value, label: value ? t("tokens.fields.days", { days: value }) : t("tokens.noExpiry") }))}
        onChange={(event) => setExpiry(event.target.value)}
        error={errors.expiresInDays}
      />
    </DialogForm>
  );
}
