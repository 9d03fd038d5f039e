import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NOTIFICATION_KINDS, type TNotificationKind } from "@jiaofu/contracts";
import { apiMessageOf } from "../../lib/api-errors";
import { useDocumentTitle } from "../../lib/use-document-title";
import { Banner, Button, Card, EmptyState, LoadingBlock, useToast } from "../../ui";
import { useSignedInMe } from "../auth/session";
import { ErrorPanel } from "../common/error-panel";
import { LoadMore } from "../common/load-more";
import { NotificationItem } from "./notification-item";
import { useMarkAllNotificationsRead, useNotificationList, useNotificationSettings, useSaveNotificationSettings, useUnreadNotificationCount } from "./notifications.queries";
import "./notifications.css";

type Filter = "all" | "unread";

/** `/notifications` and `/portal/notifications`: every notification of the signed-in person, and the e-mail choice. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("notifications.page.title"));
  const toast = useToast();
  const [filter, setFilter] = useState<Filter>("all");
  const list = useNotificationList(filter === "unread");
  const unread = useUnreadNotificationCount().data?.unread ?? 0;
  const markAll = useMarkAllNotificationsRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  function handleMarkAll() {
    markAll.mutate(undefined, {
      onSuccess: (result) => toast.show(t("notifications.page.markedAllRead", { count: result.marked }), "success"),
      onError: (error) => toast.show(apiMessageOf(error) ?? t("errors.generic"), "error"),
    });
  }

  return (
    <div className="page">
      <div className="page-header">
        <div className="page-title-group">
          <h1>{t("notifications.page.title")}</h1>
          <p className="muted">{t("notifications.page.subtitle")}</p>
        </div>
        <div className="page-actions">
          <div className="notifications-filter" role="group" aria-label={t("notifications.page.filterLabel")}>
            {(["all", "unread"] as const).map((value) => (
              <button key={value} type="button" className="notifications-filter-option" aria-pressed={filter === value} onClick={() => setFilter(value)} data-testid={`notifications-filter-${value}`}>
                {t(`notifications.page.${value}`)}
              </button>
            ))}
          </div>
          <Button onClick={handleMarkAll} loading={markAll.isPending} disabled={unread === 0} data-testid="notifications-mark-all-read">
            {t("notifications.bell.markAllRead")}
          </Button>
        </div>
      </div>
      <div className="notifications-layout">
        <Card flush>
          {list.isPending ? (
            <LoadingBlock />
          ) : list.isError ? (
            <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
          ) : items.length === 0 ? (
            filter === "unread" ? (
              <EmptyState title={t("notifications.page.emptyUnreadTitle")}>{t("notifications.page.emptyUnreadBody")}</EmptyState>
            ) : (
              <EmptyState title={t("notifications.page.emptyTitle")}>{t("notifications.page.emptyBody")}</EmptyState>
            )
          ) : (
            <>
              <ul className="notification-list notification-list-page" data-testid="notifications-list">
                {items.map((n) => (
                  <NotificationItem key={n.id} notification={n} />
                ))}
              </ul>
              <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
            </>
          )}
        </Card>
        <NotificationEmailSettings />
      </div>
    </div>
  );
}

/** Which kinds also go by e-mail; explained and disabled while the server has no SMTP. */
function NotificationEmailSettings() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const toast = useToast();
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const [chosen, setChosen] = useState<TNotificationKind[] | null>(null);
  const current = chosen ?? settings.data?.emailKinds ?? [];
  const smtp = settings.data?.smtpConfigured ?? false;

  function toggle(kind: TNotificationKind, on: boolean) {
    setChosen(NOTIFICATION_KINDS.filter((k) => (k === kind ? on : current.includes(k))));
  }
  function handleSave() {
    if (!settings.data) return;
    save.mutate(
      { emailKinds: current, version: settings.data.version },
      {
        onSuccess: () => {
          setChosen(null);
          toast.show(t("notifications.email.saved"), "success");
        },
        onError: (error) => {
          setChosen(null);
          void settings.refetch();
          toast.show(apiMessageOf(error) ?? t("errors.generic"), "error");
        },
      },
    );
  }

  return (
    <Card title={t("notifications.email.title")} data-testid="notification-email-settings">
      {settings.isPending ? (
        <LoadingBlock />
      ) : settings.isError ? (
        <ErrorPanel error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <div className="stack">
          <p className="muted">{t("notifications.email.intro", { email: me.email })}</p>
          {smtp ? null : <Banner tone="info">{t("notifications.email.smtpOff")}</Banner>}
          <fieldset className="notification-kinds" disabled={!smtp}>
            <legend className="visually-hidden">{t("notifications.email.legend")}</legend>
            {NOTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="notification-kind">
                <input type="checkbox" checked={current.includes(kind)} onChange={(e) => toggle(kind, e.target.checked)} data-testid={`notification-email-${kind}`} />
                {t(`notifications.kindName.${kind}`)}
              </label>
            ))}
          </fieldset>
          <div className="row">
            <Button variant="primary" onClick={handleSave} loading={save.isPending} disabled={!smtp || chosen === null} data-testid="notification-email-save">
              {t("notifications.email.save")}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
