import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZErrorResponse,
  ZIdParams,
  ZListNotificationsQuery,
  ZMarkedNotificationsRead,
  ZNotification,
  ZNotificationList,
  ZNotificationSettings,
  ZUnreadNotificationCount,
  ZUpdateNotificationSettingsRequest,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { registerNotificationEmail } from "./notifications.producer";
import { createNotificationsService } from "./notifications.service";

const tags = ["notifications"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * The caller's notifications and e-mail settings (docs/monitoring.md, "Notifications"). Who may: everyone signed in,
 * each only their own (`canNotification` in policy.ts); other modules produce them (notifications.producer.ts).
 */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  registerNotificationEmail(app.deps, { publicUrl: app.config.JIAOFU_PUBLIC_URL ?? `http://localhost:${app.config.PORT}`, log: app.log });
  const service = createNotificationsService(app.deps);

  app.get(
    "/me/notifications",
    { schema: { tags, summary: "My notifications, newest first (unread=true: only the unread)", querystring: ZListNotificationsQuery, response: { 200: ZNotificationList, ...errors } } },
    async (request) => service.list(requireActor(request), request.query),
  );

  app.get(
    "/me/notifications/unread-count",
    { schema: { tags, summary: "How many of my notifications are unread", response: { 200: ZUnreadNotificationCount, ...errors } } },
    async (request) => service.unreadCount(requireActor(request)),
  );

  app.post(
    "/me/notifications/:id/read",
    { schema: { tags, summary: "Mark one of my notifications read", params: ZIdParams, response: { 200: ZNotification, ...errors } } },
    async (request) => service.markRead(requireActor(request), request.params.id),
  );

  app.post(
    "/me/notifications/read-all",
    { schema: { tags, summary: "Mark all my notifications read", response: { 200: ZMarkedNotificationsRead, ...errors } } },
    async (request) => service.markAllRead(requireActor(request)),
  );

  app.get(
    "/me/notification-settings",
    { schema: { tags, summary: "Which notification kinds also reach me by e-mail, and whether the server can send mail (SMTP_URL)", response: { 200: ZNotificationSettings, ...errors } } },
    async (request) => service.settings(requireActor(request)),
  );

  app.put(
    "/me/notification-settings",
    {
      schema: {
        tags,
        summary: "Choose the kinds that also go by e-mail (send the version you read)",
        body: ZUpdateNotificationSettingsRequest,
        response: { 200: ZNotificationSettings, ...errors },
      },
    },
    async (request) => service.saveSettings(requireActor(request), request.body),
  );
};
