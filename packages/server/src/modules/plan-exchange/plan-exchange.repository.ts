/**
 * The only Drizzle code of plan exchange: the bulk writes of an import (tasks, links, resources, assignments, the
 * calendar, the project's start date), deleting a plan that an import replaces, the resources and assignments an
 * export reads, and the milestone feed tokens. The service runs an import inside one transaction that starts with
 * the plan's lock (the project row `for update`, as every plan write does).
 */
import { and, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { planAssignments, planDependencies, planResources, planTasks, projectCalendars, projects, traceLinks } from "../../db/schema";

export type PlanTaskInsert = typeof planTasks.$inferInsert;
export type PlanDependencyInsert = typeof planDependencies.$inferInsert;
export type PlanResourceInsert = typeof planResources.$inferInsert;
export type PlanAssignmentInsert = typeof planAssignments.$inferInsert;
export type PlanResourceRow = typeof planResources.$inferSelect;
export type PlanAssignmentRow = typeof planAssignments.$inferSelect;
export type ProjectCalendarValues = Pick<typeof projectCalendars.$inferInsert, "projectId" | "workspaceId" | "week" | "holidaySets" | "exceptions" | "updatedById">;

/** Rows per insert statement: the widest row here has about 20 columns, well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

export function createPlanExchangeRepository(db: Db | Tx) {
  return {
    lockPlan: async (projectId: string) => {
      await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
    },

    taskCount: async (projectId: string): Promise<number> => {
      const [row] = await db.select({ n: count() }).from(planTasks).where(eq(planTasks.projectId, projectId));
      return row?.n ?? 0;
    },

    /**
     * Deletes the project's plan: trace links to its tasks, assignments, resources, dependencies and tasks (plan
     * baselines stay: they are snapshots, not references). The calendar is replaced by the import, not deleted.
     */
    deletePlan: async (projectId: string) => {
      const ids = (await db.select({ id: planTasks.id }).from(planTasks).where(eq(planTasks.projectId, projectId))).map((r) => r.id);
      for (let start = 0; start < ids.length; start += CHUNK) {
        const chunk = ids.slice(start, start + CHUNK);
        await db.delete(traceLinks).where(or(and(eq(traceLinks.fromType, "task"), inArray(traceLinks.fromId, chunk)), and(eq(traceLinks.toType, "task"), inArray(traceLinks.toId, chunk))));
      }
      await db.delete(planAssignments).where(eq(planAssignments.projectId, projectId));
      await db.delete(planResources).where(eq(planResources.projectId, projectId));
      await db.delete(planDependencies).where(eq(planDependencies.projectId, projectId));
      // Children reference their parents (cascading), so one statement removes the whole outline.
      await db.delete(planTasks).where(eq(planTasks.projectId, projectId));
    },

    insertTasks: (rows: readonly PlanTaskInsert[]) => insertChunked(rows, (chunk) => db.insert(planTasks).values(chunk)),
    insertDependencies: (rows: readonly PlanDependencyInsert[]) => insertChunked(rows, (chunk) => db.insert(planDependencies).values(chunk)),
    insertResources: (rows: readonly PlanResourceInsert[]) => insertChunked(rows, (chunk) => db.insert(planResources).values(chunk)),
    insertAssignments: (rows: readonly PlanAssignmentInsert[]) => insertChunked(rows, (chunk) => db.insert(planAssignments).values(chunk)),

    /** Inserts the project calendar or replaces the one there (a new version), under the plan's lock. */
    replaceCalendar: async (values: ProjectCalendarValues, now: Date) => {
      const [row] = await db
        .insert(projectCalendars)
        .values({ ...values, updatedAt: now })
        .onConflictDoUpdate({
          target: projectCalendars.projectId,
          set: { week: values.week, holidaySets: values.holidaySets, exceptions: values.exceptions, updatedById: values.updatedById, updatedAt: now, version: sql`${projectCalendars.version} + 1` },
        })
        .returning();
      return row;
    },

    calendar: async (projectId: string) => {
      const [row] = await db.select().from(projectCalendars).where(eq(projectCalendars.projectId, projectId));
      return row;
    },

    /** Sets the project's start date if it has none (a new version of the project row); the updated row, if any. */
    setProjectStartIfUnset: async (projectId: string, startDate: string, now: Date) => {
      const [row] = await db
        .update(projects)
        .set({ startDate, updatedAt: now, version: sql`${projects.version} + 1` })
        .where(and(eq(projects.id, projectId), isNull(projects.startDate), or(isNull(projects.endDate), sql`${projects.endDate} >= ${startDate}`)))
        .returning();
      return row;
    },

    resources: (projectId: string): Promise<PlanResourceRow[]> => db.select().from(planResources).where(eq(planResources.projectId, projectId)).orderBy(planResources.createdAt, planResources.name),
    assignments: (projectId: string): Promise<PlanAssignmentRow[]> => db.select().from(planAssignments).where(eq(planAssignments.projectId, projectId)).orderBy(planAssignments.createdAt, planAssignments.id),
  };
}
export type PlanExchangeRepository = ReturnType<typeof createPlanExchangeRepository>;
