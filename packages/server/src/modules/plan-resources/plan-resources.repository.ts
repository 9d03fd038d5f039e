/**
 * The only Drizzle code of the plan-resources module: resources, assignments and the tasks' levelling starts. Writes
 * run inside the planning service's change transaction (the plan locked), so a reschedule always sees them.
 */
import { and, asc, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { planAssignments, planResources, planTasks, projectMembers } from "../../db/schema";

export type PlanResourceRow = typeof planResources.$inferSelect;
export type NewPlanResourceRow = typeof planResources.$inferInsert;
export type PlanAssignmentRow = typeof planAssignments.$inferSelect;

/** Rows per statement of the levelling-start update. */
const CHUNK = 1000;

export function createPlanResourcesRepository(db: Db | Tx) {
  return {
    resources: (projectId: string): Promise<PlanResourceRow[]> =>
      db.select().from(planResources).where(eq(planResources.projectId, projectId)).orderBy(asc(planResources.name), asc(planResources.id)),

    assignments: (projectId: string): Promise<PlanAssignmentRow[]> =>
      db.select().from(planAssignments).where(eq(planAssignments.projectId, projectId)).orderBy(asc(planAssignments.createdAt), asc(planAssignments.id)),

    /** A resource, if it is in the workspace (any project: the caller checks access to its project). */
    resource: async (workspaceId: string, id: string): Promise<PlanResourceRow | undefined> => {
      const [row] = await db.select().from(planResources).where(and(eq(planResources.workspaceId, workspaceId), eq(planResources.id, id)));
      return row;
    },

    insertResource: async (values: NewPlanResourceRow): Promise<PlanResourceRow> => {
      const [row] = await db.insert(planResources).values(values).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    /** Changes a resource if it is still at `version`; bumps the version. Undefined when it moved on. */
    updateResource: async (id: string, version: number, values: Partial<NewPlanResourceRow>, now: Date): Promise<PlanResourceRow | undefined> => {
      const [row] = await db
        .update(planResources)
        .set({ ...values, updatedAt: now, version: sql`${planResources.version} + 1` })
        .where(and(eq(planResources.id, id), eq(planResources.version, version)))
        .returning();
      return row;
    },

    /** Removes a resource at `version` (its assignments go with it: the foreign key cascades). */
    deleteResource: async (id: string, version: number): Promise<boolean> => {
      const rows = await db
        .delete(planResources)
        .where(and(eq(planResources.id, id), eq(planResources.version, version)))
        .returning({ id: planResources.id });
      return rows.length > 0;
    },

    insertAssignments: async (rows: readonly (typeof planAssignments.$inferInsert)[]): Promise<PlanAssignmentRow[]> =>
      rows.length === 0 ? [] : db.insert(planAssignments).values([...rows]).returning(),

    updateAssignmentUnits: async (id: string, units: number, now: Date): Promise<PlanAssignmentRow | undefined> => {
      const [row] = await db
        .update(planAssignments)
        .set({ units, updatedAt: now, version: sql`${planAssignments.version} + 1` })
        .where(eq(planAssignments.id, id))
        .returning();
      return row;
    },

    deleteAssignments: async (ids: readonly string[]) => {
      if (ids.length === 0) return;
      await db.delete(planAssignments).where(inArray(planAssignments.id, [...ids]));
    },

    /**
     * Sets the levelling start of the given tasks and clears it on every other task of the project. Like the
     * schedule columns it does not bump the tasks' versions: levelling is derived from the plan, and must not make
     * someone's edit of a task's own fields stale.
     */
    replaceLevellingStarts: async (projectId: string, starts: ReadonlyMap<string, string>) => {
      const ids = [...starts.keys()];
      await db
        .update(planTasks)
        .set({ levellingStart: null })
        .where(and(eq(planTasks.projectId, projectId), isNotNull(planTasks.levellingStart), ids.length > 0 ? notInArray(planTasks.id, ids) : undefined));
      for (let start = 0; start < ids.length; start += CHUNK) {
        const values = sql.join(
          ids.slice(start, start + CHUNK).map((id) => sql`(${id}::uuid, ${starts.get(id)}::date)`),
          sql`, `,
        );
        await db.execute(sql`update plan_tasks as t set levelling_start = v.levelling_start from (values ${values}) as v(id, levelling_start) where t.id = v.id and t.project_id = ${projectId}`);
      }
    },

    /** Whether the person is a manager or member of the project (who may be a resource of its plan). */
    isProjectWorker: async (projectId: string, userId: string): Promise<boolean> => {
      const [row] = await db
        .select({ role: projectMembers.role })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId), inArray(projectMembers.role, ["manager", "member"])));
      return row !== undefined;
    },
  };
}
export type PlanResourcesRepository = ReturnType<typeof createPlanResourcesRepository>;
