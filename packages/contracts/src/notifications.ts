import { z } from "zod";
import { ZId, ZIsoDateTime, ZListQueryBase } from "./common";

/**
 * Notifications (issue 6; docs/monitoring.md, "Notifications"): what happened that concerns one person — a task
 * assigned to them, a mention in a comment, a task due soon or overdue, a status report published, a timesheet
 * decided, a meeting action item given to them. Shown in the app; each kind may also go by e-mail when SMTP is set.
 */

export const NOTIFICATION_KINDS = ["assigned", "mentioned", "due_soon", "overdue", "report_published", "timesheet_decided", "action_item"] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);

export const ZNotification = z
  .object({
    id: ZId,
    kind: ZNotificationKind,
    projectId: ZId.nullable(),
    /** What it is about: `plan_task`, `status_report`, `timesheet`, `meeting`, or the commented entity's type for a mention. */
    entityType: z.string(),
    entityId: ZId,
    /** Who caused it; null for the periodic due-date pass and for people since removed. */
    actorName: z.string().nullable(),
    /** What the message needs (task name, project name, report key, …), rendered by the reader's UI in its language. */
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    /** Where it leads in the web app, for this reader (client contacts get portal paths). */
    link: z.string(),
    readAt: ZIsoDateTime.nullable(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: "Notification" });
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({ items: z.array(ZNotification), nextCursor: z.string().nullable() }).meta({ id: "NotificationList" });
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZListNotificationsQuery = ZListQueryBase.pick({ cursor: true }).extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Only the unread ones. */
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
export type TListNotificationsQuery = z.input<typeof ZListNotificationsQuery>;

export const ZUnreadNotificationCount = z.object({ unread: z.number().int().nonnegative() }).meta({ id: "UnreadNotificationCount" });

export const ZMarkedNotificationsRead = z.object({ marked: z.number().int().nonnegative() });

/** Which kinds also go by e-mail. `smtpConfigured` false: the server cannot send mail, so the setting has no effect yet. */
export const ZNotificationSettings = z
  .object({
    emailKinds: z.array(ZNotificationKind),
    smtpConfigured: z.boolean(),
    version: z.number().int().positive(),
  })
  .meta({ id: "NotificationSettings" });
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;

export const ZUpdateNotificationSettingsRequest = z.object({
  emailKinds: z.array(ZNotificationKind).max(NOTIFICATION_KINDS.length),
  /** The version of the person's account row the settings were read at (`GET …/notification-settings`). */
  version: z.number().int().positive(),
});
export type TUpdateNotificationSettingsRequest = z.infer<typeof ZUpdateNotificationSettingsRequest>;
