import type { TNotification, TNotificationKind } from "@jiaofu/contracts";
import type { NotificationRow } from "./notifications.repository";

type LinkTarget = { kind: TNotificationKind; projectId: string | null; entityType: string; entityId: string };

/**
 * Where a notification leads in the web app, for its reader. Staff: the task in the board's drawer, the report, the
 * meeting, their timesheets. Client contacts: the same things in the portal (they never receive task or timesheet
 * notifications; a mention of them is on something the portal shows).
 */
export function notificationLink(target: LinkTarget, readerIsClient: boolean): string {
  const { projectId, entityType, entityId } = target;
  if (target.kind === "timesheet_decided") return "/time";
  if (projectId === null) return readerIsClient ? "/portal/notifications" : "/notifications";
  const id = encodeURIComponent(entityId);
  if (readerIsClient) {
    const portal = `/portal/projects/${projectId}`;
    switch (entityType) {
      case "status_report":
        return `${portal}?tab=status-reports&report=${id}`;
      case "meeting":
        return `${portal}?tab=meetings`;
      case "requirement":
        return `${portal}/requirements/${id}`;
      case "change_request":
        return `${portal}/change-requests/${id}`;
      case "risk":
        return `${portal}?tab=risks`;
      default:
        return `${portal}?tab=comments`;
    }
  }
  const project = `/projects/${projectId}`;
  switch (entityType) {
    case "plan_task":
      return `${project}/execution?task=${id}`;
    case "status_report":
      return `${project}/monitoring/status-reports/${id}`;
    case "meeting":
      return `${project}/execution/meetings/${id}`;
    case "requirement":
      return `${project}/requirements/${id}`;
    case "change_request":
      return `${project}/requirements/change-requests/${id}`;
    case "risk":
      return `${project}/planning/risks/${id}`;
    case "elicitation_session":
      return `${project}/elicitation/sessions/${id}`;
    case "questionnaire":
      return `${project}/elicitation/questionnaires/${id}`;
    default:
      return project;
  }
}

export function presentNotification(row: NotificationRow, readerIsClient: boolean): TNotification {
  return {
    id: row.id,
    kind: row.kind,
    projectId: row.projectId,
    entityType: row.entityType,
    entityId: row.entityId,
    actorName: row.actorName,
    params: row.params,
    link: notificationLink(row, readerIsClient),
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
