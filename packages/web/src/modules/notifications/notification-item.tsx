import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TNotification } from "@jiaofu/contracts";
import { formatRelative } from "../../lib/format";
import { useNotificationText } from "./notification-text";
import { useMarkNotificationRead } from "./notifications.queries";

export type NotificationItemProps = { notification: TNotification; onOpen?: () => void };

/** One notification: its message in the UI language, the project and when; opening it marks it read. */
export function NotificationItem({ notification: n, onOpen }: NotificationItemProps) {
  const { t, i18n } = useTranslation();
  const text = useNotificationText();
  const markRead = useMarkNotificationRead();
  const unread = n.readAt === null;
  function handleClick() {
    if (unread) markRead.mutate(n.id);
    onOpen?.();
  }
  const project = n.params.projectName ? String(n.params.projectName) : null;
  return (
    <li className={unread ? "notification-item notification-unread" : "notification-item"} data-testid="notification-item" data-kind={n.kind} data-unread={unread}>
      <Link to={n.link} className="notification-link" onClick={handleClick}>
        <span className="notification-dot" aria-hidden="true" />
        <span className="notification-body">
          <span className="notification-text">
            {unread ? <span className="visually-hidden">{t("notifications.page.unreadMark")}: </span> : null}
            {text(n)}
          </span>
          <span className="notification-meta subtle">
            {project ? <span className="notification-project">{project}</span> : null}
            <time dateTime={n.createdAt}>{formatRelative(n.createdAt, i18n.language)}</time>
          </span>
        </span>
      </Link>
    </li>
  );
}
