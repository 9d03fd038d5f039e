/**
 * The only Drizzle code of the board: the workflow (`task_statuses`), the board's view of plan tasks (one query per
 * kind of row for the whole project, so a board of 5,000 tasks is a handful of statements), assignees, comment
 * counts and "My work". Writes to the task rows themselves go through the planning module's change (plan lock,
 * reschedule); the workflow is written here, under the same plan lock.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { comments, planTaskAssignees, planTasks, projectMembers, projects, requirements, taskStatuses, traceLinks, users } from "../../db/schema";

export type TaskStatusRow = typeof taskStatuses.$inferSelect;
export type NewTaskStatusRow = typeof taskStatuses.$inferInsert;

/** What the board reads of a plan task. */
export type BoardTaskRow = {
  id: string;
  projectId: string;
  parentId: string | null;
  name: string;
  wbsCode: string;
  isSummary: boolean;
  durationDays: number;
  statusId: string | null;
  boardPosition: number;
  percentComplete: number;
  priority: number;
  deadline: string | null;
  calcStart: string | null;
  calcFinish: string | null;
  estimateHours: number | null;
  remainingHours: number | null;
  checklistDone: number;
  checklistTotal: number;
  version: number;
};

const boardTaskColumns = {
  id: planTasks.id,
  projectId: planTasks.projectId,
  parentId: planTasks.parentId,
  name: planTasks.name,
  wbsCode: planTasks.wbsCode,
  isSummary: planTasks.isSummary,
  durationDays: planTasks.durationDays,
  statusId: planTasks.statusId,
  boardPosition: planTasks.boardPosition,
  percentComplete: planTasks.percentComplete,
  priority: planTasks.priority,
  deadline: planTasks.deadline,
  calcStart: planTasks.calcStart,
  calcFinish: planTasks.calcFinish,
  estimateHours: planTasks.estimateHours,
  remainingHours: planTasks.remainingHours,
  // Counted in SQL (an expression per row, no set-returning function): done items are those with "done": true.
  checklistTotal: sql<number>`jsonb_array_length(${planTasks.checklist})`,
  checklistDone: sql<number>`jsonb_array_length(jsonb_path_query_array(${planTasks.checklist}, '$[*] ? (@.done == true)'))`,
  version: planTasks.version,
};

export function createBoardRepository(db: Db | Tx) {
  return {
    statuses: (projectId: string): Promise<TaskStatusRow[]> =>
      db.select().from(taskStatuses).where(eq(taskStatuses.projectId, projectId)).orderBy(asc(taskStatuses.position), asc(taskStatuses.id)),

    insertStatuses: async (rows: NewTaskStatusRow[]): Promise<TaskStatusRow[]> => (rows.length === 0 ? [] : db.insert(taskStatuses).values(rows).returning()),

    updateStatus: async (id: string, values: Partial<NewTaskStatusRow>, now: Date) => {
      await db
        .update(taskStatuses)
        .set({ ...values, updatedAt: now, version: sql`${taskStatuses.version} + 1` })
        .where(eq(taskStatuses.id, id));
    },

    deleteStatuses: async (ids: readonly string[]) => {
      if (ids.length > 0) await db.delete(taskStatuses).where(inArray(taskStatuses.id, [...ids]));
    },

    /** Puts the tasks of `fromId` into `toId` (a removed column's tasks); bumps their versions. */
    reassignStatus: async (projectId: string, fromId: string, toId: string, now: Date): Promise<number> => {
      const rows = await db
        .update(planTasks)
        .set({ statusId: toId, updatedAt: now, version: sql`${planTasks.version} + 1` })
        .where(and(eq(planTasks.projectId, projectId), eq(planTasks.statusId, fromId)))
        .returning({ id: planTasks.id });
      return rows.length;
    },

    /** How many tasks were put in each column (by their stored column). */
    storedStatusCounts: async (projectId: string): Promise<Map<string, number>> => {
      const rows = await db
        .select({ statusId: planTasks.statusId, count: sql<number>`count(*)::int` })
        .from(planTasks)
        .where(and(eq(planTasks.projectId, projectId), sql`${planTasks.statusId} is not null`))
        .groupBy(planTasks.statusId);
      return new Map(rows.flatMap((r) => (r.statusId ? [[r.statusId, r.count] as const] : [])));
    },

    /** Every task of the project as the board reads it (summaries included: they are the phases). */
    boardTasks: (projectId: string): Promise<BoardTaskRow[]> => db.select(boardTaskColumns).from(planTasks).where(eq(planTasks.projectId, projectId)),

    /** What a card move needs of every task of the project (a light read: no text, no checklist). */
    moveFacts: (projectId: string) =>
      db
        .select({
          id: planTasks.id,
          statusId: planTasks.statusId,
          percentComplete: planTasks.percentComplete,
          boardPosition: planTasks.boardPosition,
          wbsCode: planTasks.wbsCode,
          isSummary: planTasks.isSummary,
          durationDays: planTasks.durationDays,
          estimateHours: planTasks.estimateHours,
          remainingHours: planTasks.remainingHours,
          version: planTasks.version,
        })
        .from(planTasks)
        .where(eq(planTasks.projectId, projectId)),

    /** Some tasks of a project, and its top-level tasks (for their phase). */
    boardTasksByIds: (projectId: string, ids: readonly string[]): Promise<BoardTaskRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .select(boardTaskColumns)
            .from(planTasks)
            .where(and(eq(planTasks.projectId, projectId), sql`(${inArray(planTasks.id, [...ids])} or ${isNull(planTasks.parentId)})`)),

    /** Task → assignee ids for the project (or for some of its tasks). */
    assignees: async (projectId: string, taskIds?: readonly string[]): Promise<Map<string, string[]>> => {
      const rows = await db
        .select({ taskId: planTaskAssignees.taskId, userId: planTaskAssignees.userId })
        .from(planTaskAssignees)
        .where(and(eq(planTaskAssignees.projectId, projectId), taskIds ? inArray(planTaskAssignees.taskId, [...taskIds]) : undefined))
        .orderBy(asc(planTaskAssignees.createdAt), asc(planTaskAssignees.userId));
      const map = new Map<string, string[]>();
      for (const r of rows) map.set(r.taskId, [...(map.get(r.taskId) ?? []), r.userId]);
      return map;
    },

    /** Live comments per task of the project (or of some of its tasks). */
    commentCounts: async (projectId: string, taskIds?: readonly string[]): Promise<Map<string, number>> => {
      const ids = taskIds ? [...taskIds] : db.select({ id: planTasks.id }).from(planTasks).where(eq(planTasks.projectId, projectId));
      if (Array.isArray(ids) && ids.length === 0) return new Map();
      const rows = await db
        .select({ entityId: comments.entityId, count: sql<number>`count(*)::int` })
        .from(comments)
        .where(and(eq(comments.entityType, "plan_task"), isNull(comments.deletedAt), inArray(comments.entityId, ids)))
        .groupBy(comments.entityId);
      return new Map(rows.map((r) => [r.entityId, r.count]));
    },

    /** The project's managers and members (who may be assigned) with their names and e-mails. */
    team: (projectId: string) =>
      db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(projectMembers)
        .innerJoin(users, eq(users.id, projectMembers.userId))
        .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.role, ["manager", "member"])))
        .orderBy(asc(users.name), asc(users.id)),

    userNames: async (workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const rows = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...ids])));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    setAssignees: async (task: { id: string; projectId: string; workspaceId: string }, userIds: readonly string[], now: Date) => {
      await db.delete(planTaskAssignees).where(eq(planTaskAssignees.taskId, task.id));
      if (userIds.length > 0) {
        await db.insert(planTaskAssignees).values(userIds.map((userId, i) => ({ taskId: task.id, userId, projectId: task.projectId, workspaceId: task.workspaceId, createdAt: new Date(now.getTime() + i) })));
      }
    },

    /** Writes card positions without touching versions (a column renumbered to make room for a drop). */
    writeBoardPositions: async (rows: readonly { id: string; boardPosition: number }[]) => {
      for (const r of rows) await db.update(planTasks).set({ boardPosition: r.boardPosition }).where(eq(planTasks.id, r.id));
    },

    /** The requirements a task is traced to (task → requirement links). */
    requirementsOf: (taskId: string) =>
      db
        .select({ id: requirements.id, number: requirements.number, title: requirements.title })
        .from(traceLinks)
        .innerJoin(requirements, eq(requirements.id, traceLinks.toId))
        .where(and(eq(traceLinks.fromType, "task"), eq(traceLinks.fromId, taskId), eq(traceLinks.toType, "requirement")))
        .orderBy(asc(requirements.number)),

    /** The task's description and checklist, which the board does not carry. */
    taskText: async (taskId: string) => {
      const [row] = await db.select({ notes: planTasks.notes, checklist: planTasks.checklist, updatedAt: planTasks.updatedAt }).from(planTasks).where(eq(planTasks.id, taskId));
      return row;
    },

    /** The tasks assigned to a person in their workspace, with each task's project and the person's role there. */
    assignedTo: (workspaceId: string, userId: string) =>
      db
        .select({ task: boardTaskColumns, projectCode: projects.code, projectName: projects.name, clientId: projects.clientId, memberRole: projectMembers.role })
        .from(planTaskAssignees)
        .innerJoin(planTasks, eq(planTasks.id, planTaskAssignees.taskId))
        .innerJoin(projects, eq(projects.id, planTaskAssignees.projectId))
        .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
        .where(and(eq(planTaskAssignees.userId, userId), eq(planTaskAssignees.workspaceId, workspaceId))),

    /** The workflows of several projects, in order. */
    statusesOf: (projectIds: readonly string[]): Promise<TaskStatusRow[]> =>
      projectIds.length === 0
        ? Promise.resolve([])
        : db
            .select()
            .from(taskStatuses)
            .where(inArray(taskStatuses.projectId, [...projectIds]))
            .orderBy(asc(taskStatuses.position), asc(taskStatuses.id)),

    /** The top-level tasks of several projects (the phases of assigned tasks). */
    topLevelOf: (projectIds: readonly string[]) =>
      projectIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ id: planTasks.id, projectId: planTasks.projectId, wbsCode: planTasks.wbsCode, name: planTasks.name })
            .from(planTasks)
            .where(and(inArray(planTasks.projectId, [...projectIds]), isNull(planTasks.parentId))),
  };
}
export type BoardRepository = ReturnType<typeof createBoardRepository>;
