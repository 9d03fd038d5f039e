/**
 * The only Drizzle code of the planning module: plan tasks, dependencies and the project calendar. The service runs
 * every change inside one transaction that starts with `lockPlan` (the project row `for update`), so two writers
 * of one plan never interleave and a reschedule always sees the plan it is saving.
 */
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { planDependencies, planTasks, projectCalendars, projectMembers, projects, taskStatuses, traceLinks, users } from "../../db/schema";

export type PlanTaskRow = typeof planTasks.$inferSelect;
export type NewPlanTaskRow = typeof planTasks.$inferInsert;
export type PlanDependencyRow = typeof planDependencies.$inferSelect;
export type ProjectCalendarRow = typeof projectCalendars.$inferSelect;

/** The columns the scheduler derives and the outline renumbers, written together after a reschedule. */
export type PlanTaskLayout = Pick<
  PlanTaskRow,
  | "parentId"
  | "position"
  | "wbsCode"
  | "isSummary"
  | "calcStart"
  | "calcFinish"
  | "calcEarlyStart"
  | "calcEarlyFinish"
  | "calcLateStart"
  | "calcLateFinish"
  | "calcStartDay"
  | "calcFinishDay"
  | "calcTotalFloatDays"
  | "calcCritical"
  | "calcDurationDays"
  | "calcWorkHours"
  | "calcCost"
  | "calcPercentComplete"
  | "calcViolations"
>;

/** Rows per statement of the bulk layout update (19 parameters each, well under PostgreSQL's 65,535). */
const LAYOUT_CHUNK = 1000;

export function createPlanningRepository(db: Db | Tx) {
  return {
    /** Locks the project row for the rest of the transaction; every plan write takes this lock first. */
    lockPlan: async (projectId: string) => {
      await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
    },

    tasks: (projectId: string): Promise<PlanTaskRow[]> => db.select().from(planTasks).where(eq(planTasks.projectId, projectId)),

    dependencies: (projectId: string): Promise<PlanDependencyRow[]> =>
      db.select().from(planDependencies).where(eq(planDependencies.projectId, projectId)).orderBy(asc(planDependencies.createdAt), asc(planDependencies.id)),

    calendar: async (projectId: string): Promise<ProjectCalendarRow | undefined> => {
      const [row] = await db.select().from(projectCalendars).where(eq(projectCalendars.projectId, projectId));
      return row;
    },

    /** A task, if it is in the workspace (any project: the caller checks access to its project). */
    task: async (workspaceId: string, id: string): Promise<PlanTaskRow | undefined> => {
      const [row] = await db.select().from(planTasks).where(and(eq(planTasks.workspaceId, workspaceId), eq(planTasks.id, id)));
      return row;
    },

    dependency: async (workspaceId: string, id: string): Promise<PlanDependencyRow | undefined> => {
      const [row] = await db.select().from(planDependencies).where(and(eq(planDependencies.workspaceId, workspaceId), eq(planDependencies.id, id)));
      return row;
    },

    insertTask: async (values: NewPlanTaskRow): Promise<PlanTaskRow> => {
      const completedAt = values.percentComplete === 100 ? (values.completedAt ?? values.createdAt ?? new Date()) : null;
      const [row] = await db.insert(planTasks).values({ ...values, completedAt }).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    /**
     * Changes a task's own fields if it is still at `version`; bumps the version. Undefined when it moved on. Reaching
     * 100 % stamps `completedAt` (kept if it was already done); dropping below clears it.
     */
    updateTask: async (id: string, version: number, values: Partial<NewPlanTaskRow>, now: Date): Promise<PlanTaskRow | undefined> => {
      const completion =
        values.percentComplete === undefined ? {} : { completedAt: values.percentComplete === 100 ? sql`coalesce(${planTasks.completedAt}, ${now.toISOString()}::timestamptz)` : null };
      const [row] = await db
        .update(planTasks)
        .set({ ...values, ...completion, updatedAt: now, version: sql`${planTasks.version} + 1` })
        .where(and(eq(planTasks.id, id), eq(planTasks.version, version)))
        .returning();
      return row;
    },

    deleteTasks: async (ids: readonly string[]) => {
      if (ids.length === 0) return;
      await db.delete(planTasks).where(inArray(planTasks.id, [...ids]));
    },

    /**
     * Writes the outline and schedule columns of the given rows in one statement per chunk (`update … from (values
     * …)`): the reschedule writes only the rows whose values changed, and never bumps their version — the schedule
     * is derived, so it must not make a concurrent edit of the task's own fields fail.
     */
    writeLayouts: async (rows: readonly (PlanTaskLayout & { id: string })[]) => {
      for (let start = 0; start < rows.length; start += LAYOUT_CHUNK) {
        const chunk = rows.slice(start, start + LAYOUT_CHUNK);
        const values = sql.join(
          chunk.map(
            (r) =>
              sql`(${r.id}::uuid, ${r.parentId}::uuid, ${r.position}::int, ${r.wbsCode}::text, ${r.isSummary}::boolean, ${r.calcStart}::date, ${r.calcFinish}::date, ${r.calcEarlyStart}::date, ${r.calcEarlyFinish}::date, ${r.calcLateStart}::date, ${r.calcLateFinish}::date, ${r.calcStartDay}::float8, ${r.calcFinishDay}::float8, ${r.calcTotalFloatDays}::float8, ${r.calcCritical}::boolean, ${r.calcDurationDays}::float8, ${r.calcWorkHours}::float8, ${r.calcCost}::float8, ${r.calcPercentComplete}::float8, ${JSON.stringify(r.calcViolations)}::jsonb)`,
          ),
          sql`, `,
        );
        await db.execute(sql`
          update plan_tasks as t set
            parent_id = v.parent_id, position = v.position, wbs_code = v.wbs_code, is_summary = v.is_summary,
            calc_start = v.calc_start, calc_finish = v.calc_finish, calc_early_start = v.calc_early_start,
            calc_early_finish = v.calc_early_finish, calc_late_start = v.calc_late_start, calc_late_finish = v.calc_late_finish,
            calc_start_day = v.calc_start_day, calc_finish_day = v.calc_finish_day, calc_total_float_days = v.calc_total_float_days,
            calc_critical = v.calc_critical, calc_duration_days = v.calc_duration_days, calc_work_hours = v.calc_work_hours,
            calc_cost = v.calc_cost, calc_percent_complete = v.calc_percent_complete, calc_violations = v.calc_violations
          from (values ${values}) as v(id, parent_id, position, wbs_code, is_summary, calc_start, calc_finish, calc_early_start,
            calc_early_finish, calc_late_start, calc_late_finish, calc_start_day, calc_finish_day, calc_total_float_days,
            calc_critical, calc_duration_days, calc_work_hours, calc_cost, calc_percent_complete, calc_violations)
          where t.id = v.id`);
      }
    },

    insertDependency: async (values: typeof planDependencies.$inferInsert): Promise<PlanDependencyRow> => {
      const [row] = await db.insert(planDependencies).values(values).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    updateDependency: async (id: string, version: number, values: Partial<typeof planDependencies.$inferInsert>, now: Date): Promise<PlanDependencyRow | undefined> => {
      const [row] = await db
        .update(planDependencies)
        .set({ ...values, updatedAt: now, version: sql`${planDependencies.version} + 1` })
        .where(and(eq(planDependencies.id, id), eq(planDependencies.version, version)))
        .returning();
      return row;
    },

    deleteDependencies: async (ids: readonly string[]) => {
      if (ids.length === 0) return;
      await db.delete(planDependencies).where(inArray(planDependencies.id, [...ids]));
    },

    /** Trace links from or to the given tasks (removed with them, so no link points at nothing). */
    deleteTraceLinksOf: async (taskIds: readonly string[]) => {
      if (taskIds.length === 0) return [];
      const ids = [...taskIds];
      return db
        .delete(traceLinks)
        .where(or(and(eq(traceLinks.fromType, "task"), inArray(traceLinks.fromId, ids)), and(eq(traceLinks.toType, "task"), inArray(traceLinks.toId, ids))))
        .returning();
    },

    /** Inserts the calendar, or replaces it if it is still at `version`; undefined when someone saved it since. */
    saveCalendar: async (
      values: Pick<ProjectCalendarRow, "projectId" | "workspaceId" | "week" | "holidaySets" | "exceptions"> & { updatedById: string | null },
      version: number,
      now: Date,
    ): Promise<ProjectCalendarRow | undefined> => {
      if (version === 0) {
        const [row] = await db.insert(projectCalendars).values({ ...values, updatedAt: now }).onConflictDoNothing().returning();
        return row;
      }
      const [row] = await db
        .update(projectCalendars)
        .set({ week: values.week, holidaySets: values.holidaySets, exceptions: values.exceptions, updatedById: values.updatedById, updatedAt: now, version: sql`${projectCalendars.version} + 1` })
        .where(and(eq(projectCalendars.projectId, values.projectId), eq(projectCalendars.version, version)))
        .returning();
      return row;
    },

    setScheduledBasis: async (projectId: string, basis: string) => {
      await db.update(projectCalendars).set({ scheduledBasis: basis }).where(eq(projectCalendars.projectId, projectId));
    },

    /** Whether the person is a manager or member of the project (who may own a task). */
    isProjectWorker: async (projectId: string, userId: string): Promise<boolean> => {
      const [row] = await db
        .select({ role: projectMembers.role })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId), inArray(projectMembers.role, ["manager", "member"])));
      return row !== undefined;
    },

    /** The project's board columns in order (modules/board), for the tasks' status in the plan. */
    boardStatuses: (projectId: string) =>
      db
        .select({ id: taskStatuses.id, name: taskStatuses.name, category: taskStatuses.category })
        .from(taskStatuses)
        .where(eq(taskStatuses.projectId, projectId))
        .orderBy(asc(taskStatuses.position)),

    userNames: async (workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const rows = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...ids])));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** WBS code and name of tasks in the workspace, for trace-link labels. */
    labels: (workspaceId: string, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .select({ id: planTasks.id, projectId: planTasks.projectId, wbsCode: planTasks.wbsCode, name: planTasks.name })
            .from(planTasks)
            .where(and(eq(planTasks.workspaceId, workspaceId), inArray(planTasks.id, [...ids]))),
  };
}
export type PlanningRepository = ReturnType<typeof createPlanningRepository>;
