/** Notifications and the facts needed to address them (docs/monitoring.md, "Notifications"). */
import { aliasedTable, and, count, desc, eq, inArray, isNull, lt, ne, sql, type SQL } from "drizzle-orm";
import type { TNotificationKind } from "@jiaofu/contracts";
import { changeRequestKey, requirementKey, riskKey } from "@jiaofu/engine";
import type { Db, Tx } from "../../db/database";
import { changeRequests, elicitationSessions, notifications, planTaskAssignees, planTasks, projectMembers, projects, questionnaires, requirements, risks, users } from "../../db/schema";
import { afterCursor, orderBy, type SortSpec } from "../../platform/pagination";
import type { ProjectVisibility } from "../../platform/policy";

export type NotificationRecord = typeof notifications.$inferSelect;
export type NewNotificationRecord = typeof notifications.$inferInsert;
export type NotificationRow = NotificationRecord & { actorName: string | null };

/** A person who may receive a notification: what the policy and the e-mail need. */
export type RecipientRecord = {
  id: string;
  workspaceId: string;
  role: "owner" | "admin" | "member" | "client";
  clientId: string | null;
  name: string;
  email: string;
  locale: "zh-CN" | "en";
  /** Their role on the notification's project; null when not a member (or no project). */
  memberRole: "manager" | "member" | "viewer" | "client" | null;
};

/** A leaf task not yet done with its due date (deadline, else the scheduled finish), and who should hear about it. */
export type DueTaskRecord = {
  id: string;
  workspaceId: string;
  projectId: string;
  name: string;
  wbsCode: string;
  dueDate: string;
  ownerId: string | null;
  assigneeIds: string[];
};

const actor = aliasedTable(users, "actor");
const NEWEST_FIRST: SortSpec = { key: "createdAt", expr: notifications.createdAt, desc: true };

/** `project.read` as SQL on a notification's project (see `projectVisibility`): what a person is still allowed to hear about. */
function projectReadable(userId: string, visibility: ProjectVisibility): SQL | undefined {
  const memberOf = (extra: SQL | undefined) =>
    sql`exists (select 1 from ${projectMembers} pm join ${projects} p on p.id = pm.project_id where pm.project_id = ${notifications.projectId} and pm.user_id = ${userId}${extra ? sql` and ${extra}` : sql``})`;
  switch (visibility.kind) {
    case "all":
      return undefined;
    case "member":
      return sql`(${notifications.projectId} is null or ${memberOf(undefined)})`;
    case "client_member":
      return sql`(${notifications.projectId} is null or ${memberOf(sql`pm.role = 'client' and p.client_id = ${visibility.clientId}`)})`;
    case "none":
      return sql`${notifications.projectId} is null`;
  }
}

export function createNotificationsRepository(db: Db | Tx) {
  const selectRows = () =>
    db
      .select({ notification: notifications, actorName: actor.name })
      .from(notifications)
      .leftJoin(actor, eq(actor.id, notifications.actorId));
  const flatten = (r: { notification: NotificationRecord; actorName: string | null }): NotificationRow => ({ ...r.notification, actorName: r.actorName });

  const mine = (userId: string, visibility: ProjectVisibility) => and(eq(notifications.userId, userId), projectReadable(userId, visibility));

  return {
    /** The people among `ids` (active, of the workspace) with their role on `projectId`. */
    recipients: async (workspaceId: string, ids: readonly string[], projectId: string | null): Promise<RecipientRecord[]> => {
      if (ids.length === 0) return [];
      const rows = await db
        .select({ id: users.id, workspaceId: users.workspaceId, role: users.role, clientId: users.clientId, name: users.name, email: users.email, locale: users.locale, memberRole: projectMembers.role })
        .from(users)
        .leftJoin(projectMembers, and(eq(projectMembers.userId, users.id), projectId ? eq(projectMembers.projectId, projectId) : sql`false`))
        .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...ids]), eq(users.active, true)));
      return rows.map((r) => ({ ...r, memberRole: r.memberRole ?? null }));
    },

    /** Everyone on the project (team and client contacts). */
    projectMemberIds: async (projectId: string): Promise<string[]> =>
      (await db.select({ id: projectMembers.userId }).from(projectMembers).where(eq(projectMembers.projectId, projectId))).map((r) => r.id),

    project: async (projectId: string) => {
      const [row] = await db.select({ id: projects.id, name: projects.name, code: projects.code, clientId: projects.clientId }).from(projects).where(eq(projects.id, projectId));
      return row;
    },

    /** What a person calls a commented entity in a message: its title or name (its key where it has one). */
    entityTitle: async (entityType: string, id: string): Promise<string> => {
      const first = async (query: Promise<{ title: string }[]>) => (await query)[0]?.title ?? "";
      const keyed = async (query: Promise<{ number: number; title: string }[]>, key: (n: number) => string) => {
        const [row] = await query;
        return row ? `${key(row.number)} ${row.title}` : "";
      };
      switch (entityType) {
        case "plan_task":
          return first(db.select({ title: planTasks.name }).from(planTasks).where(eq(planTasks.id, id)));
        case "requirement":
          return keyed(db.select({ number: requirements.number, title: requirements.title }).from(requirements).where(eq(requirements.id, id)), requirementKey);
        case "change_request":
          return keyed(db.select({ number: changeRequests.number, title: changeRequests.title }).from(changeRequests).where(eq(changeRequests.id, id)), changeRequestKey);
        case "risk":
          return keyed(db.select({ number: risks.number, title: risks.title }).from(risks).where(eq(risks.id, id)), riskKey);
        case "elicitation_session":
          return first(db.select({ title: elicitationSessions.title }).from(elicitationSessions).where(eq(elicitationSessions.id, id)));
        case "questionnaire":
          return first(db.select({ title: questionnaires.title }).from(questionnaires).where(eq(questionnaires.id, id)));
        case "project":
          return first(db.select({ title: projects.name }).from(projects).where(eq(projects.id, id)));
        default:
          return "";
      }
    },

    /** Inserts; a row whose (person, dedupe key) is already there is skipped. Answers the ids written. */
    insert: async (rows: NewNotificationRecord[]): Promise<string[]> => {
      if (rows.length === 0) return [];
      const written = await db.insert(notifications).values(rows).onConflictDoNothing().returning({ id: notifications.id });
      return written.map((r) => r.id);
    },

    list: async (userId: string, visibility: ProjectVisibility, query: { cursor?: string | undefined; limit: number; unread: boolean }): Promise<NotificationRow[]> => {
      const rows = await selectRows()
        .where(and(mine(userId, visibility), query.unread ? isNull(notifications.readAt) : undefined, afterCursor(NEWEST_FIRST, notifications.id, query.cursor)))
        .orderBy(...orderBy(NEWEST_FIRST, notifications.id))
        .limit(query.limit + 1);
      return rows.map(flatten);
    },

    unreadCount: async (userId: string, visibility: ProjectVisibility): Promise<number> => {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(mine(userId, visibility), isNull(notifications.readAt)));
      return row?.n ?? 0;
    },

    get: async (id: string): Promise<NotificationRow | undefined> => {
      const [row] = await selectRows().where(eq(notifications.id, id));
      return row ? flatten(row) : undefined;
    },

    /** Marks read (once: the first read time stays). */
    markRead: async (id: string, now: Date) => {
      await db.update(notifications).set({ readAt: now }).where(and(eq(notifications.id, id), isNull(notifications.readAt)));
    },

    markAllRead: async (userId: string, visibility: ProjectVisibility, now: Date): Promise<number> => {
      const rows = await db
        .update(notifications)
        .set({ readAt: now })
        .where(and(mine(userId, visibility), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return rows.length;
    },

    settings: async (userId: string) => {
      const [row] = await db.select({ emailKinds: users.emailNotifications, version: users.version }).from(users).where(eq(users.id, userId));
      return row;
    },

    /** Saves the e-mail kinds if the account row is still at `version`; undefined when someone changed it first. */
    saveSettings: async (userId: string, version: number, emailKinds: TNotificationKind[], now: Date) => {
      const [row] = await db
        .update(users)
        .set({ emailNotifications: emailKinds, updatedAt: now, version: sql`${users.version} + 1` })
        .where(and(eq(users.id, userId), eq(users.version, version)))
        .returning({ emailKinds: users.emailNotifications, version: users.version });
      return row;
    },

    /**
     * Of `ids`, the ones not yet e-mailed whose recipient chose e-mail for that kind, with what the mail needs.
     * A row of a rolled-back transaction is simply not there.
     */
    toEmail: async (ids: readonly string[]) => {
      if (ids.length === 0) return [];
      const people = await db
        .select({ id: users.id, email: users.email, locale: users.locale, role: users.role, kinds: users.emailNotifications })
        .from(users)
        .where(and(eq(users.active, true), sql`${users.id} in (select ${notifications.userId} from ${notifications} where ${inArray(notifications.id, [...ids])})`));
      const byId = new Map(people.map((p) => [p.id, p]));
      const rows = (await selectRows().where(and(inArray(notifications.id, [...ids]), isNull(notifications.emailedAt)))).map(flatten);
      return rows.flatMap((row) => {
        const person = byId.get(row.userId);
        return person && person.kinds.includes(row.kind) ? [{ row, email: person.email, locale: person.locale, isClient: person.role === "client" }] : [];
      });
    },

    markEmailed: async (id: string, now: Date) => {
      await db.update(notifications).set({ emailedAt: now }).where(eq(notifications.id, id));
    },

    /**
     * Leaf tasks of projects not closed, not done, due (deadline, else scheduled finish) from `from` to `until`
     * (inclusive), with their owner and assignees.
     */
    dueTasks: async (from: string, until: string): Promise<DueTaskRecord[]> => {
      const due = sql<string>`coalesce(${planTasks.deadline}, ${planTasks.calcFinish})`;
      const rows = await db
        .select({
          id: planTasks.id,
          workspaceId: planTasks.workspaceId,
          projectId: planTasks.projectId,
          name: planTasks.name,
          wbsCode: planTasks.wbsCode,
          dueDate: due,
          ownerId: planTasks.ownerId,
          assigneeIds: sql<string[]>`coalesce((select array_agg(a.user_id::text) from ${planTaskAssignees} a where a.task_id = ${planTasks.id}), '{}')`,
        })
        .from(planTasks)
        .innerJoin(projects, eq(projects.id, planTasks.projectId))
        .where(and(ne(projects.stage, "closed"), eq(planTasks.isSummary, false), lt(planTasks.percentComplete, 100), sql`${due} between ${from} and ${until}`))
        .orderBy(desc(due));
      return rows;
    },
  };
}
