/**
 * Producing notifications (docs/monitoring.md, "Notifications"). Other modules call `notify` inside their write
 * transaction, so a notification exists exactly when the change does; e-mails go after the commit, from an outbox the
 * caller flushes (`createNotificationOutbox`), and a failing SMTP server is logged, never the caller's problem.
 */
import type { TEntityType, TNotificationKind } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Db, Tx } from "../../db/database";
import { resolveEntityScope } from "../../platform/entity-scope";
import { localisedParam, translate, type MessageKey } from "../../platform/messages";
import { canReceiveProjectNotification, canStatusReport, type Actor, type ProjectFacts } from "../../platform/policy";
import { statusReportKey } from "../status-reports/status-reports.presenter";
import { notificationLink } from "./notifications.presenter";
import { createNotificationsRepository, type RecipientRecord } from "./notifications.repository";

export type NotificationInput = {
  workspaceId: string;
  kind: TNotificationKind;
  projectId: string | null;
  entityType: string;
  entityId: string;
  /** Who caused it (never notified about their own act); null for the periodic pass. */
  actorId: string | null;
  recipientIds: readonly string[];
  /** What the message needs besides the project's name and code, which are added here. */
  params: Record<string, string | number>;
  /** Once per person and key: a second notify with the same key is skipped (the due-date pass runs every hour). */
  dedupeKey?: string;
  /** A further rule a recipient must pass (e.g. may see the commented entity); the project rule always applies. */
  visibleTo?: (recipient: Actor, project: ProjectFacts | null) => boolean | Promise<boolean>;
};

const asActor = (r: RecipientRecord): Actor => ({ userId: r.id, workspaceId: r.workspaceId, role: r.role, clientId: r.clientId, name: r.name, email: r.email, locale: r.locale });

/** Writes the notification for each recipient who may hear about it; answers the ids written. */
export async function notify(tx: Db | Tx, input: NotificationInput): Promise<string[]> {
  const repo = createNotificationsRepository(tx);
  const wanted = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (wanted.length === 0) return [];
  const project = input.projectId ? await repo.project(input.projectId) : undefined;
  if (input.projectId && !project) return [];
  const rows = [];
  for (const recipient of await repo.recipients(input.workspaceId, wanted, input.projectId)) {
    const person = asActor(recipient);
    const facts = project ? { clientId: project.clientId, memberRole: recipient.memberRole } : null;
    if (!canReceiveProjectNotification(person, facts)) continue;
    if (input.visibleTo && !(await input.visibleTo(person, facts))) continue;
    rows.push({
      workspaceId: input.workspaceId,
      userId: recipient.id,
      kind: input.kind,
      projectId: input.projectId,
      entityType: input.entityType,
      entityId: input.entityId,
      actorId: input.actorId,
      params: { ...(project ? { projectName: project.name, projectCode: project.code } : {}), ...input.params },
      dedupeKey: input.dedupeKey ?? null,
    });
  }
  return repo.insert(rows);
}

/**
 * The people a comment mentions, told where (the commented entity) — once per comment and person, so editing the
 * comment tells only the newly mentioned. Only those who may read the entity hear of it.
 */
export async function notifyMentioned(
  outbox: NotificationOutbox,
  tx: Tx,
  input: { actor: Actor; entityType: TEntityType; entityId: string; projectId: string | null; commentId: string; body: string; mentionedIds: readonly string[] },
): Promise<void> {
  if (input.projectId === null || input.mentionedIds.length === 0) return;
  const entityTitle = await createNotificationsRepository(tx).entityTitle(input.entityType, input.entityId);
  const excerpt = input.body.length > 200 ? `${input.body.slice(0, 199)}…` : input.body;
  await outbox.notify(tx, {
    workspaceId: input.actor.workspaceId,
    kind: "mentioned",
    projectId: input.projectId,
    entityType: input.entityType,
    entityId: input.entityId,
    actorId: input.actor.userId,
    recipientIds: input.mentionedIds,
    params: { entityTitle, excerpt },
    dedupeKey: `mention:${input.commentId}`,
    visibleTo: async (person) => {
      const scope = await resolveEntityScope(tx, person, input.entityType, input.entityId);
      return scope !== undefined && scope.visible && scope.allows.read;
    },
  });
}

/**
 * A status report published: everyone on the project hears of it — client contacts too, since a published report is
 * theirs to read in the portal (`canStatusReport`). `actorId` null when the weekly schedule published it.
 */
export async function reportPublishedNotification(
  tx: Db | Tx,
  report: { id: string; workspaceId: string; projectId: string; number: number; title: string },
  actorId: string | null,
): Promise<NotificationInput> {
  return {
    workspaceId: report.workspaceId,
    kind: "report_published",
    projectId: report.projectId,
    entityType: "status_report",
    entityId: report.id,
    actorId,
    recipientIds: await createNotificationsRepository(tx).projectMemberIds(report.projectId),
    params: { reportKey: statusReportKey(report.number), reportTitle: report.title },
    dedupeKey: `report_published:${report.id}`,
    visibleTo: (person, project) => project !== null && canStatusReport(person, "status_report.read", { project, published: true }),
  };
}

// ---- e-mail -------------------------------------------------------------------------------------------------------

type EmailLog = { error: (obj: object, msg: string) => void };
type EmailContext = { publicUrl: string; log: EmailLog; pending: Set<Promise<void>> };

/**
 * What e-mail delivery needs beyond `AppDeps` (the public address for links, the logger), set once per app by the
 * notifications routes plugin. Keyed by the deps object, so every module holding `app.deps` finds it.
 */
const emailContexts = new WeakMap<object, EmailContext>();

/** What sending needs of the app's deps (the weekly report schedule passes no mailer in its tests: nothing is sent). */
export type NotificationDeps = Pick<AppDeps, "db" | "now"> & { mailer?: AppDeps["mailer"] };

export function registerNotificationEmail(deps: AppDeps, options: { publicUrl: string; log: EmailLog }): void {
  emailContexts.set(deps, { publicUrl: options.publicUrl.replace(/\/$/, ""), log: options.log, pending: new Set() });
}

/** Resolves when every e-mail send under way has finished (tests; a clean shutdown). */
export async function notificationEmailsSettled(deps: NotificationDeps): Promise<void> {
  const context = emailContexts.get(deps);
  while (context && context.pending.size > 0) await Promise.allSettled([...context.pending]);
}

/** The message line of a notification in `locale` (the e-mail's subject and first line). */
export function notificationText(locale: "zh-CN" | "en", kind: TNotificationKind, params: Record<string, string | number>, actorName: string | null): string {
  const values: Record<string, unknown> = { ...params, actor: actorName ?? translate(locale, "notification.email.someone") };
  if (kind === "timesheet_decided") values.decision = localisedParam(params.decision === "rejected" ? "notification.email.decision.rejected" : "notification.email.decision.approved");
  return translate(locale, `notification.email.${kind}` as MessageKey, values);
}

async function sendEmails(deps: NotificationDeps, context: EmailContext, ids: readonly string[]): Promise<void> {
  const mailer = deps.mailer;
  if (!mailer) return;
  const repo = createNotificationsRepository(deps.db);
  for (const mail of await repo.toEmail(ids)) {
    const { row, locale } = mail;
    const line = notificationText(locale, row.kind, row.params, row.actorName);
    const url = `${context.publicUrl}${notificationLink(row, mail.isClient)}`;
    const settingsUrl = `${context.publicUrl}${mail.isClient ? "/portal/notifications" : "/notifications"}`;
    const excerpt = typeof row.params.excerpt === "string" && row.params.excerpt ? `\n\n> ${row.params.excerpt}` : "";
    const note = typeof row.params.note === "string" && row.params.note ? `\n\n> ${row.params.note}` : "";
    try {
      await mailer.send({
        to: mail.email,
        subject: line,
        text: `${line}${excerpt}${note}\n\n${translate(locale, "notification.email.open", { url })}\n\n--\n${translate(locale, "notification.email.footer", { url: settingsUrl })}\n`,
      });
      await repo.markEmailed(row.id, deps.now());
    } catch (error) {
      context.log.error({ err: error, notificationId: row.id }, "notification e-mail failed");
    }
  }
}

/** Sends the e-mails of `ids` in the background (after the caller's commit); failures are logged. */
export function emailNotifications(deps: NotificationDeps, ids: readonly string[]): void {
  const context = emailContexts.get(deps);
  if (!context || !deps.mailer || ids.length === 0) return;
  const sending: Promise<void> = sendEmails(deps, context, ids)
    .catch((error: unknown) => context.log.error({ err: error }, "notification e-mails failed"))
    .finally(() => context.pending.delete(sending));
  context.pending.add(sending);
}

/**
 * Notifications of one use-case: `notify` inside the transaction, `send` after it committed (e-mails of rows a
 * rolled-back transaction never wrote are simply not found).
 *
 *   const outbox = createNotificationOutbox(deps);
 *   await deps.db.transaction(async (tx) => { …; await outbox.notify(tx, {...}); });
 *   outbox.send();
 */
export function createNotificationOutbox(deps: NotificationDeps) {
  const written: string[] = [];
  return {
    notify: async (tx: Db | Tx, input: NotificationInput) => {
      written.push(...(await notify(tx, input)));
    },
    send: () => emailNotifications(deps, written.splice(0)),
  };
}
export type NotificationOutbox = ReturnType<typeof createNotificationOutbox>;
