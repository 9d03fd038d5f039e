/**
 * The only Drizzle code of plan baselines: `plan_baselines` (one row per PB-n, with the plan's totals) and
 * `plan_baseline_tasks` (every task as it was). A save runs in one transaction that holds the project row lock, so
 * two saves of one plan get distinct numbers and each snapshots a plan no one is changing.
 */
import { and, desc, eq, max } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { planBaselines, planBaselineTasks, planTasks } from "../../db/schema";

export type PlanBaselineRow = typeof planBaselines.$inferSelect;
export type PlanBaselineTaskRow = typeof planBaselineTasks.$inferSelect;

/** Rows per insert statement: 12 parameters each, far below PostgreSQL's 65,535, and a few statements for 10,000 tasks. */
const TASK_CHUNK = 1000;

export function createPlanBaselinesRepository(db: Db | Tx) {
  return {
    /** The n of the next `PB-n`. Call with the project row locked. */
    nextNumber: async (projectId: string): Promise<number> => {
      const [row] = await db.select({ last: max(planBaselines.number) }).from(planBaselines).where(eq(planBaselines.projectId, projectId));
      return (row?.last ?? 0) + 1;
    },

    /** Every task of the plan with the schedule columns a baseline keeps. */
    planTasks: (projectId: string) =>
      db
        .select({
          taskId: planTasks.id,
          wbsCode: planTasks.wbsCode,
          name: planTasks.name,
          isSummary: planTasks.isSummary,
          start: planTasks.calcStart,
          finish: planTasks.calcFinish,
          startDay: planTasks.calcStartDay,
          finishDay: planTasks.calcFinishDay,
          durationDays: planTasks.calcDurationDays,
          workHours: planTasks.calcWorkHours,
          cost: planTasks.calcCost,
        })
        .from(planTasks)
        .where(eq(planTasks.projectId, projectId)),

    insert: async (values: typeof planBaselines.$inferInsert): Promise<PlanBaselineRow> => {
      const [row] = await db.insert(planBaselines).values(values).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    insertTasks: async (rows: readonly PlanBaselineTaskRow[]) => {
      for (let start = 0; start < rows.length; start += TASK_CHUNK) await db.insert(planBaselineTasks).values(rows.slice(start, start + TASK_CHUNK));
    },

    /** Newest first. */
    list: (projectId: string): Promise<PlanBaselineRow[]> => db.select().from(planBaselines).where(eq(planBaselines.projectId, projectId)).orderBy(desc(planBaselines.number)),

    /** A baseline, if it is in the workspace (the caller checks access to its project). */
    get: async (workspaceId: string, id: string): Promise<PlanBaselineRow | undefined> => {
      const [row] = await db.select().from(planBaselines).where(and(eq(planBaselines.workspaceId, workspaceId), eq(planBaselines.id, id)));
      return row;
    },

    tasks: (baselineId: string): Promise<PlanBaselineTaskRow[]> => db.select().from(planBaselineTasks).where(eq(planBaselineTasks.baselineId, baselineId)),

    /** Removes the baseline (its tasks go with it: the foreign key cascades). False when it was already gone. */
    remove: async (id: string): Promise<boolean> => {
      const rows = await db.delete(planBaselines).where(eq(planBaselines.id, id)).returning({ id: planBaselines.id });
      return rows.length > 0;
    },

    /** Locks the baseline row, so a delete and a concurrent delete do not both audit. */
    lock: async (id: string): Promise<PlanBaselineRow | undefined> => {
      const [row] = await db.select().from(planBaselines).where(eq(planBaselines.id, id)).for("update");
      return row;
    },
  };
}
export type PlanBaselinesRepository = ReturnType<typeof createPlanBaselinesRepository>;
