/**
 * The only Drizzle code of the dashboards. The portfolio's reads take a list of projects and answer for all of them
 * with one grouped query each (`distinct on` for "the latest / the first of each project"), so the page costs the same
 * number of queries for 5 projects or 500. The single-project reads serve the project dashboards.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, ne, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import {
  clients,
  defects,
  meetings,
  planBaselines,
  planBaselineTasks,
  planTasks,
  progressSnapshots,
  projectMembers,
  projects,
  risks,
  statusReports,
  taskStatuses,
  timeEntries,
  users,
} from "../../db/schema";
import type { Actor, ProjectVisibility } from "../../platform/policy";

export type PortfolioFilters = { stage?: (typeof projects.$inferSelect)["stage"]; clientId?: string; managerId?: string };

/** The latest baseline of the project the outer query is on (the default to measure against). */
const latestBaselineOf = (projectId: SQL | typeof planTasks.projectId) =>
  sql`(select b.id from ${planBaselines} b where b.project_id = ${projectId} order by b.number desc limit 1)`;

const OPEN_DEFECT = ["open", "in_progress"] as const;
const ACTIVE_RISK = ["open", "monitoring"] as const;

/** A task still to finish whose due date (deadline, else planned finish) is before `today`. */
const overdueTask = (today: string) =>
  and(eq(planTasks.isSummary, false), lt(planTasks.percentComplete, 100), lt(sql`coalesce(${planTasks.deadline}, ${planTasks.calcFinish})`, today));

export function createDashboardsRepository(db: Db | Tx) {
  return {
    /** The projects the actor reads (as `projectVisibility` says), with client, manager and the actor's role on each. */
    portfolioProjects: (actor: Actor, visibility: ProjectVisibility, filters: PortfolioFilters) => {
      const conditions: (SQL | undefined)[] = [eq(projects.workspaceId, actor.workspaceId)];
      if (visibility.kind === "member") conditions.push(isNotNull(projectMembers.role));
      else if (visibility.kind !== "all") conditions.push(sql`false`);
      if (filters.stage) conditions.push(eq(projects.stage, filters.stage));
      if (filters.clientId) conditions.push(eq(projects.clientId, filters.clientId));
      if (filters.managerId) conditions.push(eq(projects.managerId, filters.managerId));
      return db
        .select({
          id: projects.id,
          code: projects.code,
          name: projects.name,
          stage: projects.stage,
          clientId: projects.clientId,
          clientName: clients.name,
          managerId: projects.managerId,
          managerName: users.name,
          memberRole: projectMembers.role,
        })
        .from(projects)
        .innerJoin(clients, eq(clients.id, projects.clientId))
        .leftJoin(users, eq(users.id, projects.managerId))
        .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, actor.userId)))
        .where(and(...conditions))
        .orderBy(asc(projects.code));
    },

    /** Each project's latest progress snapshot: progress and its day. */
    latestProgress: (ids: string[]) =>
      db
        .selectDistinctOn([progressSnapshots.projectId], { projectId: progressSnapshots.projectId, asOf: progressSnapshots.asOf, percentComplete: progressSnapshots.percentComplete })
        .from(progressSnapshots)
        .where(inArray(progressSnapshots.projectId, ids))
        .orderBy(progressSnapshots.projectId, desc(progressSnapshots.asOf)),

    /** Each project's next unfinished milestone (earliest forecast), with its date in the latest baseline. */
    nextMilestones: (ids: string[]) =>
      db
        .selectDistinctOn([planTasks.projectId], {
          projectId: planTasks.projectId,
          taskId: planTasks.id,
          wbsCode: planTasks.wbsCode,
          name: planTasks.name,
          date: planTasks.calcFinish,
          baselineDate: planBaselineTasks.finish,
        })
        .from(planTasks)
        .leftJoin(planBaselineTasks, and(eq(planBaselineTasks.taskId, planTasks.id), eq(planBaselineTasks.baselineId, latestBaselineOf(planTasks.projectId))))
        .where(and(inArray(planTasks.projectId, ids), eq(planTasks.isSummary, false), eq(planTasks.durationDays, 0), lt(planTasks.percentComplete, 100)))
        .orderBy(planTasks.projectId, sql`${planTasks.calcFinish} asc nulls last`, asc(planTasks.wbsCode)),

    /** Each project's highest-scoring active risk (the lower number first on a tie). */
    topRisks: (ids: string[]) =>
      db
        .selectDistinctOn([risks.projectId], { projectId: risks.projectId, id: risks.id, number: risks.number, title: risks.title, probability: risks.probability, impact: risks.impact })
        .from(risks)
        .where(and(inArray(risks.projectId, ids), inArray(risks.status, [...ACTIVE_RISK])))
        .orderBy(risks.projectId, desc(sql`${risks.probability} * ${risks.impact}`), asc(risks.number)),

    overdueTaskCounts: (ids: string[], today: string) =>
      db
        .select({ projectId: planTasks.projectId, n: count() })
        .from(planTasks)
        .where(and(inArray(planTasks.projectId, ids), overdueTask(today)))
        .groupBy(planTasks.projectId),

    openDefectCounts: (ids: string[]) =>
      db
        .select({ projectId: defects.projectId, n: count() })
        .from(defects)
        .where(and(inArray(defects.projectId, ids), inArray(defects.status, [...OPEN_DEFECT])))
        .groupBy(defects.projectId),

    /** Each project's latest status report (by period, then number), draft or published. */
    lastReports: (ids: string[]) =>
      db
        .selectDistinctOn([statusReports.projectId], {
          projectId: statusReports.projectId,
          id: statusReports.id,
          number: statusReports.number,
          overall: statusReports.overall,
          periodTo: statusReports.periodTo,
          status: statusReports.status,
        })
        .from(statusReports)
        .where(inArray(statusReports.projectId, ids))
        .orderBy(statusReports.projectId, desc(statusReports.periodTo), desc(statusReports.number)),

    // ---- one project ---------------------------------------------------------------------------------------------

    /** The latest `limit` snapshots, oldest first. */
    recentSnapshots: async (projectId: string, limit: number) =>
      (
        await db
          .select({ asOf: progressSnapshots.asOf, pv: progressSnapshots.plannedValue, ev: progressSnapshots.earnedValue, ac: progressSnapshots.actualCost, percentComplete: progressSnapshots.percentComplete })
          .from(progressSnapshots)
          .where(eq(progressSnapshots.projectId, projectId))
          .orderBy(desc(progressSnapshots.asOf))
          .limit(limit)
      ).reverse(),

    tasks: (projectId: string) =>
      db
        .select({
          id: planTasks.id,
          parentId: planTasks.parentId,
          wbsCode: planTasks.wbsCode,
          name: planTasks.name,
          isSummary: planTasks.isSummary,
          durationDays: planTasks.durationDays,
          percentComplete: planTasks.percentComplete,
          calcPercentComplete: planTasks.calcPercentComplete,
          statusId: planTasks.statusId,
          deadline: planTasks.deadline,
          start: planTasks.calcStart,
          finish: planTasks.calcFinish,
          position: planTasks.position,
        })
        .from(planTasks)
        .where(eq(planTasks.projectId, projectId)),

    statuses: (projectId: string) =>
      db
        .select({ id: taskStatuses.id, name: taskStatuses.name, category: taskStatuses.category })
        .from(taskStatuses)
        .where(eq(taskStatuses.projectId, projectId))
        .orderBy(asc(taskStatuses.position)),

    /** Task id → finish in the project's latest baseline. */
    baselineFinishes: async (projectId: string) => {
      const rows = await db
        .select({ taskId: planBaselineTasks.taskId, finish: planBaselineTasks.finish })
        .from(planBaselineTasks)
        .where(eq(planBaselineTasks.baselineId, latestBaselineOf(sql`${projectId}::uuid`)));
      return new Map(rows.map((r) => [r.taskId, r.finish]));
    },

    activeRiskScores: (projectId: string) =>
      db
        .select({ score: sql<number>`${risks.probability} * ${risks.impact}` })
        .from(risks)
        .where(and(eq(risks.projectId, projectId), inArray(risks.status, [...ACTIVE_RISK]))),

    openDefectsBySeverity: (projectId: string) =>
      db
        .select({ severity: defects.severity, n: count() })
        .from(defects)
        .where(and(eq(defects.projectId, projectId), inArray(defects.status, [...OPEN_DEFECT])))
        .groupBy(defects.severity),

    /** Minutes logged per ISO week (Monday) from `from` on. */
    minutesByWeek: (projectId: string, from: string) =>
      db
        .select({ weekStart: sql<string>`to_char(date_trunc('week', ${timeEntries.workDate}::timestamp), 'YYYY-MM-DD')`, minutes: sql<number>`sum(${timeEntries.minutes})::int` })
        .from(timeEntries)
        .where(and(eq(timeEntries.projectId, projectId), gte(timeEntries.workDate, from)))
        .groupBy(sql`1`),

    lastReport: async (projectId: string, publishedOnly: boolean) => {
      const [row] = await db
        .select({
          id: statusReports.id,
          number: statusReports.number,
          title: statusReports.title,
          overall: statusReports.overall,
          periodTo: statusReports.periodTo,
          status: statusReports.status,
          publishedAt: statusReports.publishedAt,
        })
        .from(statusReports)
        .where(and(eq(statusReports.projectId, projectId), publishedOnly ? eq(statusReports.status, "published") : undefined))
        .orderBy(desc(statusReports.periodTo), desc(statusReports.number))
        .limit(1);
      return row;
    },

    /** The active risks the team shares with the client, the highest first. */
    sharedRisks: (projectId: string) =>
      db
        .select({ id: risks.id, number: risks.number, title: risks.title, probability: risks.probability, impact: risks.impact, status: risks.status })
        .from(risks)
        .where(and(eq(risks.projectId, projectId), eq(risks.sharedWithClient, true), ne(risks.status, "closed")))
        .orderBy(desc(sql`${risks.probability} * ${risks.impact}`), asc(risks.number)),

    /** The defects raised by the client's contacts, the newest first. */
    clientRaisedDefects: (projectId: string, limit: number) =>
      db
        .select({ id: defects.id, number: defects.number, title: defects.title, severity: defects.severity, status: defects.status })
        .from(defects)
        .innerJoin(users, eq(users.id, defects.reportedById))
        .where(and(eq(defects.projectId, projectId), eq(users.role, "client")))
        .orderBy(desc(defects.number))
        .limit(limit),

    /** Meetings shared with the client, still scheduled, from `now` on. */
    upcomingClientMeetings: (projectId: string, now: Date, limit: number) =>
      db
        .select({ id: meetings.id, title: meetings.title, kind: meetings.kind, startsAt: meetings.startsAt, durationMinutes: meetings.durationMinutes, location: meetings.location })
        .from(meetings)
        .where(and(eq(meetings.projectId, projectId), eq(meetings.sharedWithClient, true), eq(meetings.status, "scheduled"), gte(meetings.startsAt, now)))
        .orderBy(asc(meetings.startsAt))
        .limit(limit),
  };
}
export type DashboardsRepository = ReturnType<typeof createDashboardsRepository>;
