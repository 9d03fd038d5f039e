/**
 * The only Drizzle code of monitoring: progress snapshots (one row per project and day, written by an upsert so a
 * second writer the same day — another app node, a refresh — rewrites the row instead of adding one), the
 * baselines to measure against, and the projects the daily pass visits. (The approved actual cost is the time
 * module's: `actualCostOf` in modules/time/actual-cost.ts.)
 */
import { and, asc, desc, eq, exists, lte, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { planBaselines, planBaselineTasks, planTasks, progressSnapshots, projects } from "../../db/schema";

export type ProgressSnapshotRow = typeof progressSnapshots.$inferSelect;
export type NewProgressSnapshotRow = typeof progressSnapshots.$inferInsert;
export type PlanBaselineRow = typeof planBaselines.$inferSelect;
export type PlanBaselineTaskRow = typeof planBaselineTasks.$inferSelect;

export function createMonitoringRepository(db: Db | Tx) {
  return {
    /** Every snapshot of the project, oldest first. */
    snapshots: (projectId: string): Promise<ProgressSnapshotRow[]> =>
      db.select().from(progressSnapshots).where(eq(progressSnapshots.projectId, projectId)).orderBy(asc(progressSnapshots.asOf)),

    /** The latest snapshot on or before `asOf`. */
    snapshotOnOrBefore: async (projectId: string, asOf: string): Promise<ProgressSnapshotRow | undefined> => {
      const [row] = await db
        .select()
        .from(progressSnapshots)
        .where(and(eq(progressSnapshots.projectId, projectId), lte(progressSnapshots.asOf, asOf)))
        .orderBy(desc(progressSnapshots.asOf))
        .limit(1);
      return row;
    },

    hasSnapshot: async (projectId: string, asOf: string): Promise<boolean> => {
      const [row] = await db
        .select({ id: progressSnapshots.id })
        .from(progressSnapshots)
        .where(and(eq(progressSnapshots.projectId, projectId), eq(progressSnapshots.asOf, asOf)));
      return row !== undefined;
    },

    /** Writes the project's snapshot for its day: inserted, or the day's row rewritten (idempotent per day). */
    upsertSnapshot: async (values: NewProgressSnapshotRow): Promise<ProgressSnapshotRow> => {
      const { workspaceId: _w, projectId: _p, asOf: _a, ...changing } = values;
      const [row] = await db
        .insert(progressSnapshots)
        .values(values)
        .onConflictDoUpdate({ target: [progressSnapshots.projectId, progressSnapshots.asOf], set: { ...changing, updatedAt: sql`now()` } })
        .returning();
      if (!row) throw new Error("upsert returned nothing");
      return row;
    },

    /** The project's newest baseline (the default to measure against). */
    latestBaseline: async (projectId: string): Promise<PlanBaselineRow | undefined> => {
      const [row] = await db.select().from(planBaselines).where(eq(planBaselines.projectId, projectId)).orderBy(desc(planBaselines.number)).limit(1);
      return row;
    },

    baseline: async (projectId: string, id: string): Promise<PlanBaselineRow | undefined> => {
      const [row] = await db.select().from(planBaselines).where(and(eq(planBaselines.projectId, projectId), eq(planBaselines.id, id)));
      return row;
    },

    baselineTasks: (baselineId: string): Promise<PlanBaselineTaskRow[]> => db.select().from(planBaselineTasks).where(eq(planBaselineTasks.baselineId, baselineId)),

    /** Projects that are not closed and have a plan: the ones the daily pass snapshots. */
    activeProjects: () =>
      db
        .select()
        .from(projects)
        .where(and(ne(projects.stage, "closed"), exists(db.select({ one: sql`1` }).from(planTasks).where(eq(planTasks.projectId, projects.id))))),
  };
}
export type MonitoringRepository = ReturnType<typeof createMonitoringRepository>;
