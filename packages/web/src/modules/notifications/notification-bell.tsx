import { usePopover } from "../../lib/use-popover";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { isStaff, useSignedInMe } from "../auth/session";
import { Button, LoadingBlock } from "../../ui";
import { ErrorPanel } from "../common/error-panel";
import { NotificationItem } from "./notification-item";
import { useMarkAllNotificationsRead, useRecentNotifications, useUnreadNotificationCount } from "./notifications.queries";
import "./notifications.css";

/** Where the full list lives for this person: the staff app or the portal. */
export function notificationsPath(staff: boolean): string {
  return staff ? "/notifications" : "/portal/notifications";
}

/** The bell in the top bar: the unread count (polled), and a panel with the newest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { open, setOpen, panelId, rootRef, buttonRef } = usePopover();
  const count = useUnreadNotificationCount().data?.unread ?? 0;
  const recent = useRecentNotifications(open);
  const markAll = useMarkAllNotificationsRead();

  const items = recent.data?.items ?? [];
  const close = () => setOpen(false);
  return (
    <div className="notification-bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="notification-bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={count > 0 ? t("notifications.bell.labelUnread", { count }) : t("notifications.bell.label")}
        data-testid="notification-bell"
        onClick={() => setOpen((value) => !value)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
            fill="currentColor"
          />
        </svg>
        {count > 0 ? (
          <span className="notification-count" data-testid="notification-count">
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {count > 0 ? t("notifications.bell.unreadAnnounce", { count }) : ""}
      </span>
      <div className="notification-panel" id={panelId} hidden={!open} role="region" aria-label={t("notifications.bell.panelTitle")} data-testid="notification-panel">
        <div className="notification-panel-header">
          <strong>{t("notifications.bell.panelTitle")}</strong>
          <Button variant="ghost" size="sm" onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={count === 0} data-testid="notification-mark-all-read">
            {t("notifications.bell.markAllRead")}
          </Button>
        </div>
        {recent.isPending ? (
          <LoadingBlock />
        ) : recent.isError ? (
          <ErrorPanel error={recent.error} onRetry={() => void recent.refetch()} />
        ) : items.length === 0 ? (
          <p className="notification-empty muted">{t("notifications.bell.empty")}</p>
        ) : (
          <ul className="notification-list">
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} onOpen={close} />
            ))}
          </ul>
        )}
        <div className="notification-panel-footer">
          <Link to={notificationsPath(isStaff(me))} onClick={close} data-testid="notification-see-all">
            {t("notifications.bell.seeAll")}
          </Link>
        </div>
      </div>
    </div>
  );
}
