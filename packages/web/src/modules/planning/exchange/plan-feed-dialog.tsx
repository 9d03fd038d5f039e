import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";
import { Banner, Button, Dialog, LoadingBlock, useToast } from "../../../ui";
import { apiMessageOf } from "../../../lib/api-errors";
import { CopyField } from "../../common/copy-field";

export type PlanFeedDialogProps = { projectId: string; open: boolean; onClose: () => void };

const feedKey = (projectId: string) => ["plan", projectId, "feed"] as const;

/**
 * The person's milestone calendar feed of this plan: make the address (shown once, with a copy button), make a new
 * one (the old stops working) or revoke it, and one line on adding it to Outlook, Google or Apple calendars.
 */
export function PlanFeedDialog({ projectId, open, onClose }: PlanFeedDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("planExchange.feedDialog.title")} description={t("planExchange.feedDialog.description")} testId="plan-feed-dialog">
      {open ? <FeedPanel projectId={projectId} /> : null}
    </Dialog>
  );
}

function FeedPanel({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: feedKey(projectId), queryFn: () => api.planExchange.feed(projectId) });
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

  const create = useMutation({
    mutationFn: () => api.planExchange.createFeed(projectId),
    onSuccess: (created) => {
      if (feed.data?.exists) toast.show(t("planExchange.feedDialog.rotated"), "success");
      setUrl(created.url);
      setError(null);
      queryClient.setQueryData(feedKey(projectId), { exists: true, createdAt: created.createdAt, lastUsedAt: created.lastUsedAt });
    },
    onError: (e) => setError(apiMessageOf(e) ?? null),
  });
  const revoke = useMutation({
    mutationFn: () => api.planExchange.revokeFeed(projectId),
    onSuccess: () => {
      setUrl(null);
      setError(null);
      toast.show(t("planExchange.feedDialog.revoked"), "success");
      queryClient.setQueryData(feedKey(projectId), { exists: false, createdAt: null, lastUsedAt: null });
    },
    onError: (e) => setError(apiMessageOf(e) ?? null),
  });

  if (feed.isPending) return <LoadingBlock />;
  if (feed.isError) return <Banner tone="error">{apiMessageOf(feed.error) ?? ""}</Banner>;
  const status = feed.data;

  return (
    <div className="stack plan-feed" data-testid="plan-feed-panel">
      {error ? <Banner tone="error">{error}</Banner> : null}
      {url ? (
        <div className="stack">
          <CopyField label={t("planExchange.feedDialog.url")} value={url} testId="plan-feed-url" />
          <p className="subtle">{t("planExchange.feedDialog.urlHint")}</p>
        </div>
      ) : status.exists && status.createdAt ? (
        <div className="stack">
          <p data-testid="plan-feed-status">
            {t("planExchange.feedDialog.exists", { created: when(status.createdAt) })}{" "}
            {status.lastUsedAt ? t("planExchange.feedDialog.lastUsed", { when: when(status.lastUsedAt) }) : t("planExchange.feedDialog.neverUsed")}
          </p>
          <p className="subtle">{t("planExchange.feedDialog.lost")}</p>
        </div>
      ) : (
        <p data-testid="plan-feed-status">{t("planExchange.feedDialog.none")}</p>
      )}
      <p className="subtle plan-feed-howto">{t("planExchange.feedDialog.howTo")}</p>
      <div className="row plan-feed-actions">
        {status.exists || url ? (
          <>
            <Button variant="secondary" loading={create.isPending} onClick={() => create.mutate()} data-testid="plan-feed-rotate">
              {t("planExchange.feedDialog.rotate")}
            </Button>
            <Button variant="danger-ghost" loading={revoke.isPending} onClick={() => revoke.mutate()} data-testid="plan-feed-revoke">
              {t("planExchange.feedDialog.revoke")}
            </Button>
          </>
        ) : (
          <Button variant="primary" loading={create.isPending} onClick={() => create.mutate()} data-testid="plan-feed-create">
            {t("planExchange.feedDialog.create")}
          </Button>
        )}
      </div>
    </div>
  );
}
