/**
 * The only Drizzle code of time tracking: entries, the running timer, timesheets and their project parts. Every
 * write of one person's time runs in a transaction that first locks that person's `users` row (`lockPerson`), so a
 * timer stop, an edit and a submission of the same week can never interleave.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { planResources, planTasks, projectMembers, projects, runningTimers, timeEntries, timesheetProjects, timesheets, users } from "../../db/schema";

export type TimeEntryRecord = typeof timeEntries.$inferSelect;
export type PartStatus = "submitted" | "approved" | "rejected";

/** An entry with the names it is shown with and the status of its week's part for its project (null: draft). */
export type TimeEntryRow = TimeEntryRecord & {
  projectCode: string;
  projectName: string;
  taskName: string | null;
  taskWbsCode: string | null;
  userName: string;
  partStatus: PartStatus | null;
};

export type TimesheetRecord = typeof timesheets.$inferSelect;
export type TimesheetPartRow = typeof timesheetProjects.$inferSelect & { projectCode: string; projectName: string; decidedByName: string | null };
export type ApprovalRow = TimesheetPartRow & { userId: string; userName: string; weekStart: string; submittedAt: Date | null };
export type TimerRow = typeof runningTimers.$inferSelect & { projectCode: string; projectName: string; taskName: string | null };

export type EntryFilter = {
  userId?: string | undefined;
  projectId?: string | undefined;
  taskId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only entries whose rate was fixed by an approval (the actual cost). */
  approvedOnly?: boolean;
};

/** The Monday of an entry's week, in SQL (PostgreSQL weeks start on Monday). */
const ENTRY_WEEK = sql`date_trunc('week', ${timeEntries.workDate})::date`;

export type NewTimeEntry = Pick<TimeEntryRecord, "projectId" | "taskId" | "userId" | "workDate" | "minutes" | "note" | "source">;

export function createTimeRepository(db: Db | Tx) {
  const selectEntries = () =>
    db
      .select({
        entry: timeEntries,
        projectCode: projects.code,
        projectName: projects.name,
        taskName: planTasks.name,
        taskWbsCode: planTasks.wbsCode,
        userName: users.name,
        partStatus: timesheetProjects.status,
      })
      .from(timeEntries)
      .innerJoin(projects, eq(projects.id, timeEntries.projectId))
      .innerJoin(users, eq(users.id, timeEntries.userId))
      .leftJoin(planTasks, eq(planTasks.id, timeEntries.taskId))
      .leftJoin(timesheets, and(eq(timesheets.userId, timeEntries.userId), eq(timesheets.weekStart, ENTRY_WEEK)))
      .leftJoin(timesheetProjects, and(eq(timesheetProjects.timesheetId, timesheets.id), eq(timesheetProjects.projectId, timeEntries.projectId)));
  type Selected = Awaited<ReturnType<ReturnType<typeof selectEntries>["execute"]>>[number];
  const flatten = (r: Selected): TimeEntryRow => ({
    ...r.entry,
    projectCode: r.projectCode,
    projectName: r.projectName,
    taskName: r.taskName,
    taskWbsCode: r.taskWbsCode,
    userName: r.userName,
    partStatus: r.partStatus,
  });

  const selectParts = () =>
    db
      .select({ part: timesheetProjects, projectCode: projects.code, projectName: projects.name, decidedByName: users.name })
      .from(timesheetProjects)
      .innerJoin(projects, eq(projects.id, timesheetProjects.projectId))
      .leftJoin(users, eq(users.id, timesheetProjects.decidedById));

  return {
    entries: async (workspaceId: string, filter: EntryFilter): Promise<TimeEntryRow[]> => {
      const rows = await selectEntries()
        .where(
          and(
            eq(timeEntries.workspaceId, workspaceId),
            filter.userId ? eq(timeEntries.userId, filter.userId) : undefined,
            filter.projectId ? eq(timeEntries.projectId, filter.projectId) : undefined,
            filter.taskId ? eq(timeEntries.taskId, filter.taskId) : undefined,
            filter.from ? gte(timeEntries.workDate, filter.from) : undefined,
            filter.to ? lte(timeEntries.workDate, filter.to) : undefined,
            filter.approvedOnly ? isNotNull(timeEntries.costPerHour) : undefined,
          ),
        )
        .orderBy(asc(timeEntries.workDate), asc(planTasks.wbsCode), asc(timeEntries.createdAt), asc(timeEntries.id));
      return rows.map(flatten);
    },

    entry: async (workspaceId: string, id: string): Promise<TimeEntryRow | undefined> => {
      const [row] = await selectEntries().where(and(eq(timeEntries.workspaceId, workspaceId), eq(timeEntries.id, id)));
      return row ? flatten(row) : undefined;
    },

    /** Locks the person's row: every write of their time goes through here first. */
    lockPerson: async (userId: string) => {
      await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    },

    /** The status of the person's part of that week for that project; null while it is a draft (no part yet). */
    partStatus: async (userId: string, weekStart: string, projectId: string): Promise<PartStatus | null> => {
      const [row] = await db
        .select({ status: timesheetProjects.status })
        .from(timesheets)
        .innerJoin(timesheetProjects, eq(timesheetProjects.timesheetId, timesheets.id))
        .where(and(eq(timesheets.userId, userId), eq(timesheets.weekStart, weekStart), eq(timesheetProjects.projectId, projectId)));
      return row?.status ?? null;
    },

    /** Minutes the person logged on each of `dates`, leaving out the entry `exceptId` (the one being changed). */
    dayMinutes: async (userId: string, dates: readonly string[], exceptId?: string): Promise<Map<string, number>> => {
      if (dates.length === 0) return new Map();
      const rows = await db
        .select({ workDate: timeEntries.workDate, minutes: sql<number>`sum(${timeEntries.minutes})::int` })
        .from(timeEntries)
        .where(and(eq(timeEntries.userId, userId), inArray(timeEntries.workDate, [...dates]), exceptId ? ne(timeEntries.id, exceptId) : undefined))
        .groupBy(timeEntries.workDate);
      return new Map(rows.map((r) => [r.workDate, Number(r.minutes)]));
    },

    insertEntries: async (workspaceId: string, values: readonly NewTimeEntry[], now: Date): Promise<TimeEntryRecord[]> => {
      if (values.length === 0) return [];
      return db
        .insert(timeEntries)
        .values(values.map((v) => ({ ...v, workspaceId, createdAt: now, updatedAt: now })))
        .returning();
    },

    updateEntry: async (id: string, version: number, set: Partial<Pick<TimeEntryRecord, "taskId" | "workDate" | "minutes" | "note">>, now: Date) => {
      const [row] = await db
        .update(timeEntries)
        .set({ ...set, updatedAt: now, version: sql`${timeEntries.version} + 1` })
        .where(and(eq(timeEntries.id, id), eq(timeEntries.version, version)))
        .returning();
      return row;
    },

    deleteEntry: async (id: string, version: number) => {
      const [row] = await db
        .delete(timeEntries)
        .where(and(eq(timeEntries.id, id), eq(timeEntries.version, version)))
        .returning();
      return row;
    },

    /** The task, if it is one of the project's. */
    taskOf: async (projectId: string, taskId: string) => {
      const [row] = await db
        .select({ id: planTasks.id, name: planTasks.name })
        .from(planTasks)
        .where(and(eq(planTasks.projectId, projectId), eq(planTasks.id, taskId)));
      return row;
    },

    /** Every task of the project with its parent, to find each task's phase (top-level summary). */
    projectOutline: (projectId: string) =>
      db
        .select({ id: planTasks.id, parentId: planTasks.parentId, name: planTasks.name, wbsCode: planTasks.wbsCode, position: planTasks.position })
        .from(planTasks)
        .where(eq(planTasks.projectId, projectId)),

    // ---- timer ----------------------------------------------------------------------------------------------------

    timer: async (userId: string): Promise<TimerRow | undefined> => {
      const [row] = await db
        .select({ timer: runningTimers, projectCode: projects.code, projectName: projects.name, taskName: planTasks.name })
        .from(runningTimers)
        .innerJoin(projects, eq(projects.id, runningTimers.projectId))
        .leftJoin(planTasks, eq(planTasks.id, runningTimers.taskId))
        .where(eq(runningTimers.userId, userId));
      return row ? { ...row.timer, projectCode: row.projectCode, projectName: row.projectName, taskName: row.taskName } : undefined;
    },

    takeTimer: async (userId: string) => {
      const [row] = await db.delete(runningTimers).where(eq(runningTimers.userId, userId)).returning();
      return row;
    },

    insertTimer: async (values: typeof runningTimers.$inferInsert) => {
      await db.insert(runningTimers).values(values);
    },

    // ---- timesheets -----------------------------------------------------------------------------------------------

    timesheet: async (userId: string, weekStart: string): Promise<TimesheetRecord | undefined> => {
      const [row] = await db
        .select()
        .from(timesheets)
        .where(and(eq(timesheets.userId, userId), eq(timesheets.weekStart, weekStart)));
      return row;
    },

    timesheetById: async (workspaceId: string, id: string): Promise<TimesheetRecord | undefined> => {
      const [row] = await db
        .select()
        .from(timesheets)
        .where(and(eq(timesheets.workspaceId, workspaceId), eq(timesheets.id, id)));
      return row;
    },

    parts: async (timesheetId: string): Promise<TimesheetPartRow[]> => {
      const rows = await selectParts().where(eq(timesheetProjects.timesheetId, timesheetId)).orderBy(asc(projects.code));
      return rows.map((r) => ({ ...r.part, projectCode: r.projectCode, projectName: r.projectName, decidedByName: r.decidedByName }));
    },

    insertTimesheet: async (values: typeof timesheets.$inferInsert): Promise<TimesheetRecord> => {
      const [row] = await db.insert(timesheets).values(values).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    updateTimesheet: async (id: string, version: number, set: Partial<Pick<TimesheetRecord, "status" | "submittedAt">>, now: Date) => {
      const [row] = await db
        .update(timesheets)
        .set({ ...set, updatedAt: now, version: sql`${timesheets.version} + 1` })
        .where(and(eq(timesheets.id, id), eq(timesheets.version, version)))
        .returning();
      return row;
    },

    /** A new part, or an existing rejected part sent back for a decision (its note stays until the next decision). */
    submitPart: async (workspaceId: string, timesheetId: string, projectId: string, minutes: number) => {
      const [row] = await db
        .insert(timesheetProjects)
        .values({ workspaceId, timesheetId, projectId, minutes, status: "submitted" })
        .onConflictDoUpdate({
          target: [timesheetProjects.timesheetId, timesheetProjects.projectId],
          set: { minutes, status: "submitted", decidedById: null, decidedAt: null, version: sql`${timesheetProjects.version} + 1` },
        })
        .returning();
      if (!row) throw new Error("upsert returned nothing");
      return row;
    },

    decidePart: async (timesheetId: string, projectId: string, version: number, set: Pick<typeof timesheetProjects.$inferInsert, "status" | "note" | "decidedById" | "decidedAt">) => {
      const [row] = await db
        .update(timesheetProjects)
        .set({ ...set, version: sql`${timesheetProjects.version} + 1` })
        .where(and(eq(timesheetProjects.timesheetId, timesheetId), eq(timesheetProjects.projectId, projectId), eq(timesheetProjects.version, version), eq(timesheetProjects.status, "submitted")))
        .returning();
      return row;
    },

    /** Submitted (or decided) parts of the given projects, newest week first, with the person and week. */
    approvals: async (workspaceId: string, projectIds: readonly string[] | "all", status: PartStatus | "all", weekStart?: string): Promise<ApprovalRow[]> => {
      if (projectIds !== "all" && projectIds.length === 0) return [];
      const person = sql<string>`(select u.name from users u where u.id = ${timesheets.userId})`;
      const rows = await db
        .select({
          part: timesheetProjects,
          projectCode: projects.code,
          projectName: projects.name,
          decidedByName: users.name,
          userId: timesheets.userId,
          userName: person,
          weekStart: timesheets.weekStart,
          submittedAt: timesheets.submittedAt,
        })
        .from(timesheetProjects)
        .innerJoin(timesheets, eq(timesheets.id, timesheetProjects.timesheetId))
        .innerJoin(projects, eq(projects.id, timesheetProjects.projectId))
        .leftJoin(users, eq(users.id, timesheetProjects.decidedById))
        .where(
          and(
            eq(timesheetProjects.workspaceId, workspaceId),
            projectIds === "all" ? undefined : inArray(timesheetProjects.projectId, [...projectIds]),
            status === "all" ? undefined : eq(timesheetProjects.status, status),
            weekStart ? eq(timesheets.weekStart, weekStart) : undefined,
          ),
        )
        .orderBy(desc(timesheets.weekStart), asc(projects.code), asc(person));
      return rows.map((r) => ({
        ...r.part,
        projectCode: r.projectCode,
        projectName: r.projectName,
        decidedByName: r.decidedByName,
        userId: r.userId,
        userName: r.userName,
        weekStart: r.weekStart,
        submittedAt: r.submittedAt,
      }));
    },

    /** The person's hourly rate on the project: their work resource's in the plan, else their own. */
    rateFor: async (projectId: string, userId: string): Promise<number> => {
      const [resource] = await db
        .select({ rate: planResources.costPerHour })
        .from(planResources)
        .where(and(eq(planResources.projectId, projectId), eq(planResources.userId, userId), eq(planResources.kind, "work")))
        .orderBy(asc(planResources.createdAt))
        .limit(1);
      if (resource) return resource.rate;
      const [person] = await db.select({ rate: users.costPerHour }).from(users).where(eq(users.id, userId));
      return person?.rate ?? 0;
    },

    /** Fixes the rate on the person's entries of that week and project (at approval). */
    fixRates: async (userId: string, projectId: string, from: string, to: string, rate: number, now: Date) =>
      db
        .update(timeEntries)
        .set({ costPerHour: rate, updatedAt: now, version: sql`${timeEntries.version} + 1` })
        .where(and(eq(timeEntries.userId, userId), eq(timeEntries.projectId, projectId), gte(timeEntries.workDate, from), lte(timeEntries.workDate, to)))
        .returning({ id: timeEntries.id }),

    /** Minutes submitted on the project and awaiting a decision. */
    pendingMinutes: async (projectId: string): Promise<number> => {
      const [row] = await db
        .select({ minutes: sql<number>`coalesce(sum(${timesheetProjects.minutes}), 0)::int` })
        .from(timesheetProjects)
        .where(and(eq(timesheetProjects.projectId, projectId), eq(timesheetProjects.status, "submitted")));
      return Number(row?.minutes ?? 0);
    },

    /** The projects on which `userId` is a manager (whose parts they decide). */
    managedProjectIds: async (workspaceId: string, userId: string): Promise<string[]> => {
      const rows = await db
        .select({ projectId: projectMembers.projectId })
        .from(projectMembers)
        .innerJoin(projects, eq(projects.id, projectMembers.projectId))
        .where(and(eq(projectMembers.userId, userId), eq(projectMembers.role, "manager"), eq(projects.workspaceId, workspaceId)));
      return rows.map((r) => r.projectId);
    },
  };
}
export type TimeRepository = ReturnType<typeof createTimeRepository>;
