import { useTranslation } from "react-i18next";
import type { TNotification } from "@jiaofu/contracts";
import { formatDate } from "../../lib/format";

/** Renders a notification's message in the UI language from its kind and params (the server stores no text). */
export function useNotificationText(): (n: TNotification) => string {
  const { t, i18n } = useTranslation();
  return (n) => {
    const p = n.params;
    const text = (key: string) => String(p[key] ?? "");
    const date = (key: string) => formatDate(text(key), i18n.language) ?? text(key);
    const actor = n.actorName ?? t("notifications.someone");
    switch (n.kind) {
      case "assigned":
        return t("notifications.kind.assigned", { actor, taskName: text("taskName") });
      case "mentioned":
        return t("notifications.kind.mentioned", { actor, entityTitle: text("entityTitle") });
      case "due_soon":
        return t("notifications.kind.due_soon", { taskName: text("taskName"), dueDate: date("dueDate") });
      case "overdue":
        return t("notifications.kind.overdue", { taskName: text("taskName"), dueDate: date("dueDate") });
      case "report_published":
        return t("notifications.kind.report_published", { reportKey: text("reportKey"), reportTitle: text("reportTitle") });
      case "timesheet_decided":
        return p.decision === "rejected"
          ? t("notifications.kind.timesheet_rejected", { weekStart: date("weekStart"), note: text("note") })
          : t("notifications.kind.timesheet_approved", { weekStart: date("weekStart") });
      case "action_item":
        return t("notifications.kind.action_item", { actor, itemText: text("itemText"), meetingTitle: text("meetingTitle") });
    }
  };
}
