import { NotificationsPage as Notifications } from "../modules/notifications/notifications-page";

export function NotificationsPage() {
  return <Notifications />;
}
