/**
 * What performance evaluation reads besides the plan (planning.service `loadState`): the board's assignees, the
 * latest baseline's finishes (a due day), the people's names and the projects a person evaluates. Reads only.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { planBaselines, planBaselineTasks, planTaskAssignees, projectMembers, projects, users } from "../../db/schema";

export type PerformanceProjectRow = typeof projects.$inferSelect;

export function createPerformanceRepository(db: Db | Tx) {
  return {
    /** Each task's board assignees. */
    assignees: async (projectId: string): Promise<Map<string, string[]>> => {
      const rows = await db.select({ taskId: planTaskAssignees.taskId, userId: planTaskAssignees.userId }).from(planTaskAssignees).where(eq(planTaskAssignees.projectId, projectId));
      const out = new Map<string, string[]>();
      for (const r of rows) out.set(r.taskId, [...(out.get(r.taskId) ?? []), r.userId]);
      return out;
    },

    /** Each task's finish in the project's latest plan baseline (none: empty). */
    latestBaselineFinishes: async (projectId: string): Promise<Map<string, string>> => {
      const [latest] = await db.select({ id: planBaselines.id }).from(planBaselines).where(eq(planBaselines.projectId, projectId)).orderBy(desc(planBaselines.number)).limit(1);
      if (!latest) return new Map();
      const rows = await db.select({ taskId: planBaselineTasks.taskId, finish: planBaselineTasks.finish }).from(planBaselineTasks).where(eq(planBaselineTasks.baselineId, latest.id));
      return new Map(rows.flatMap((r) => (r.finish ? [[r.taskId, r.finish] as const] : [])));
    },

    names: async (workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const rows = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...ids])));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** The projects of the workspace (`all`) or those `userId` manages, by code. */
    evaluatedProjects: async (workspaceId: string, scope: "all" | "managed", userId: string): Promise<PerformanceProjectRow[]> => {
      if (scope === "all") return db.select().from(projects).where(eq(projects.workspaceId, workspaceId)).orderBy(asc(projects.code));
      const rows = await db
        .select({ project: projects })
        .from(projects)
        .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId), eq(projectMembers.role, "manager")))
        .where(eq(projects.workspaceId, workspaceId))
        .orderBy(asc(projects.code));
      return rows.map((r) => r.project);
    },
  };
}
