/**
 * A person's notifications (docs/monitoring.md, "Notifications"): list (newest first, optionally unread only), the
 * unread count, mark one or all read, and which kinds also go by e-mail. Only ever the caller's own, and only about
 * projects they may still read.
 */
import type { TNotification, TNotificationSettings, TUpdateNotificationSettingsRequest } from "@jiaofu/contracts";
import { NOTIFICATION_KINDS } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { notFound, versionConflict } from "../../platform/app-error";
import { recordAudit } from "../../platform/audit";
import { toPage } from "../../platform/pagination";
import { canNotification, isStaff, projectVisibility, type Actor } from "../../platform/policy";
import { presentNotification } from "./notifications.presenter";
import { createNotificationsRepository } from "./notifications.repository";

export function createNotificationsService(deps: AppDeps) {
  const repo = createNotificationsRepository(deps.db);
  const present = (actor: Actor, row: Parameters<typeof presentNotification>[0]) => presentNotification(row, !isStaff(actor));

  async function settingsOf(actor: Actor): Promise<TNotificationSettings> {
    const row = await repo.settings(actor.userId);
    if (!row) throw notFound();
    // Kept in the order of the kinds, without any the app no longer knows.
    const chosen = new Set(row.emailKinds);
    return { emailKinds: NOTIFICATION_KINDS.filter((k) => chosen.has(k)), smtpConfigured: deps.mailer !== null, version: row.version };
  }

  return {
    list: async (actor: Actor, query: { cursor?: string | undefined; limit: number; unread: boolean }) => {
      const rows = await repo.list(actor.userId, projectVisibility(actor), query);
      const page = toPage(rows, query.limit, (row) => row.createdAt.toISOString());
      return { items: page.items.map((row) => present(actor, row)), nextCursor: page.nextCursor };
    },

    unreadCount: async (actor: Actor) => ({ unread: await repo.unreadCount(actor.userId, projectVisibility(actor)) }),

    /** Another person's notification answers 404: nobody learns it exists. */
    markRead: async (actor: Actor, id: string): Promise<TNotification> => {
      const row = await repo.get(id);
      if (!row || !canNotification(actor, row)) throw notFound("notification.not_found");
      if (!row.readAt) await deps.db.transaction((tx) => createNotificationsRepository(tx).markRead(id, deps.now()));
      const after = await repo.get(id);
      if (!after) throw notFound("notification.not_found");
      return present(actor, after);
    },

    markAllRead: async (actor: Actor) => ({ marked: await deps.db.transaction((tx) => createNotificationsRepository(tx).markAllRead(actor.userId, projectVisibility(actor), deps.now())) }),

    settings: settingsOf,

    saveSettings: async (actor: Actor, body: TUpdateNotificationSettingsRequest): Promise<TNotificationSettings> => {
      const kinds = NOTIFICATION_KINDS.filter((k) => body.emailKinds.includes(k));
      const before = await settingsOf(actor);
      const saved = await deps.db.transaction(async (tx) => {
        const row = await createNotificationsRepository(tx).saveSettings(actor.userId, body.version, kinds, deps.now());
        if (row) await recordAudit(tx, actor, actor.workspaceId, { entityType: "user", entityId: actor.userId, action: "notification_settings", before: { emailNotifications: before.emailKinds }, after: { emailNotifications: kinds } });
        return row;
      });
      if (!saved) throw versionConflict(await settingsOf(actor));
      return settingsOf(actor);
    },
  };
}

