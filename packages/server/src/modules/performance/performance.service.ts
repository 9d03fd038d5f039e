/**
 * Performance evaluation (docs/monitoring.md, "Performance evaluation", "Health score"): per person over a period —
 * planned against actual hours, on-time completion, estimate accuracy — for one project with its health score, and
 * across the projects a manager manages (an admin: all). The figures are the engine's (`performanceTotals`); this
 * module loads each project's facts. Managers only (`canPerformance` in policy.ts). Reads only.
 */
import type { TPerformanceQuery, TPersonPerformance, TProjectHealth, TProjectPerformance, TWorkspacePerformance } from "@jiaofu/contracts";
import {
  calendarDaysBetween,
  type PerformancePeriod,
  type PerformanceTask,
  type PerformanceTimeEntry,
  type PersonPerformanceTotals,
  planAssignmentAmounts,
  performanceFigures,
  performanceMerge,
  performanceTotals,
  PLAN_TICKS_PER_DAY,
} from "@jiaofu/engine";
import type { AppDeps } from "../../app";
import type { Db, Tx } from "../../db/database";
import { fieldError, forbidden } from "../../platform/app-error";
import { authorize, canPerformance, canPerformanceOverview, canPerformanceScope, performanceScopeOf, type Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { HEALTH_SATISFACTION_WINDOW_DAYS, type ProjectHealth, projectsHealth } from "../monitoring/project-health";
import { todayOf } from "../monitoring/monitoring.service";
import { planAssignmentFactsOf, planHoursPerDay, planResourceFactsOf } from "../plan-resources/plan-resources.facts";
import { loadState } from "../planning/planning.service";
import { createTimeRepository } from "../time/time.repository";
import { createPerformanceRepository, type PerformanceProjectRow } from "./performance.repository";

/** The longest period asked for, in days, and the default one (ending today). */
const MAX_PERIOD_DAYS = 366;
const DEFAULT_PERIOD_DAYS = 30;

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ticksOf = (days: number | null) => Math.round((days ?? 0) * PLAN_TICKS_PER_DAY);

/** The period asked for: both ends default around today; 400 when it is inverted or longer than a year. */
export function performancePeriodOf(query: TPerformanceQuery, today: string): PerformancePeriod {
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_PERIOD_DAYS - 1) : today);
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw fieldError("query.from", "performance.period_inverted");
  if (calendarDaysBetween(from, to) >= MAX_PERIOD_DAYS) throw fieldError("query.from", "performance.period_too_long");
  return { from, to };
}

/**
 * One project's sums per person over `period`: its leaf tasks as scheduled (the stored schedule, kept current on
 * every plan change) with their people's planned work, and its time in submitted or approved weeks up to the
 * period's end (each task's actual hours for estimate accuracy count all of it).
 */
export async function projectPerformanceTotals(db: Db | Tx, project: PerformanceProjectRow, period: PerformancePeriod): Promise<PersonPerformanceTotals[]> {
  const repo = createPerformanceRepository(db);
  const [state, assignees, baselineFinish, entries] = await Promise.all([
    loadState(db, project),
    repo.assignees(project.id),
    repo.latestBaselineFinishes(project.id),
    createTimeRepository(db).entries(project.workspaceId, { projectId: project.id, to: period.to }),
  ]);
  const rows = [...state.tasks.values()];
  // Work of each assignment of a resource that is a person (a work resource linked to a user).
  const personOf = new Map([...state.resources.values()].flatMap((r) => (r.kind === "work" && r.userId ? [[r.id, r.userId] as const] : [])));
  const assignmentsOf = new Map<string, { personId: string; hours: number }[]>();
  const assignments = [...state.assignments.values()];
  if (assignments.length > 0) {
    const amounts = planAssignmentAmounts(rows, [...state.resources.values()].map(planResourceFactsOf), assignments.map(planAssignmentFactsOf), planHoursPerDay(state.compiled));
    // Assignments on a summary (refused by the planner) carry no work here; the task's owner stands in.
    if (amounts.ok) {
      for (const a of assignments) {
        const personId = personOf.get(a.resourceId);
        const hours = amounts.amounts.get(a.id)?.workHours ?? 0;
        if (personId && hours > 0) assignmentsOf.set(a.taskId, [...(assignmentsOf.get(a.taskId) ?? []), { personId, hours }]);
      }
    }
  }
  const counted = entries.filter((e) => e.partStatus === "submitted" || e.partStatus === "approved");
  const actualOf = new Map<string, number>();
  for (const e of counted) if (e.taskId) actualOf.set(e.taskId, (actualOf.get(e.taskId) ?? 0) + e.minutes / 60);
  const tasks: PerformanceTask[] = rows
    .filter((t) => !t.isSummary)
    .map((t) => ({
      id: t.id,
      startTick: ticksOf(t.calcStartDay),
      finishTick: ticksOf(t.calcFinishDay),
      workHours: t.calcWorkHours ?? t.workHours,
      estimateHours: t.estimateHours,
      assignments: assignmentsOf.get(t.id) ?? [],
      ownerId: t.ownerId,
      assigneeIds: assignees.get(t.id) ?? [],
      completedOn: t.completedAt ? todayOf(t.completedAt) : null,
      dueOn: t.deadline ?? baselineFinish.get(t.id) ?? t.calcFinish,
      actualHours: actualOf.get(t.id) ?? 0,
    }));
  const timeEntries: PerformanceTimeEntry[] = counted.map((e) => ({ personId: e.userId, workDate: e.workDate, minutes: e.minutes, approved: e.partStatus === "approved" }));
  return performanceTotals(state.axis, period, tasks, timeEntries);
}

export const presentHealth = (health: ProjectHealth): TProjectHealth => ({
  score: health.health.score,
  band: health.health.band,
  parts: health.health.parts.map((p) => ({ part: p.part, score: p.score, weight: p.weight, effectiveWeight: p.effectiveWeight, figures: p.figures })),
  measuredOn: health.measuredOn,
  satisfactionWindowDays: HEALTH_SATISFACTION_WINDOW_DAYS,
});

/** People with their names, by name; people without a name any more (deleted) are left out. */
async function named(db: Db | Tx, workspaceId: string, totals: readonly PersonPerformanceTotals[]): Promise<TPersonPerformance[]> {
  const names = await createPerformanceRepository(db).names(
    workspaceId,
    totals.map((t) => t.personId),
  );
  return totals
    .flatMap((t) => {
      const name = names.get(t.personId);
      return name === undefined ? [] : [{ ...performanceFigures(t), name }];
    })
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

export function createPerformanceService(deps: AppDeps) {
  const repo = createPerformanceRepository(deps.db);
  return {
    project: async (actor: Actor, projectId: string, query: TPerformanceQuery): Promise<TProjectPerformance> => {
      const { project, facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      authorize(canPerformance(actor, "performance.read", facts));
      const today = todayOf(deps.now());
      const period = performancePeriodOf(query, today);
      const [totals, health] = await Promise.all([projectPerformanceTotals(deps.db, project, period), projectsHealth(deps.db, [project.id], today)]);
      return { projectId: project.id, ...period, health: presentHealth(health.get(project.id) as ProjectHealth), people: await named(deps.db, actor.workspaceId, totals) };
    },

    workspace: async (actor: Actor, query: TPerformanceQuery): Promise<TWorkspacePerformance> => {
      if (!canPerformanceScope(actor)) throw forbidden();
      const projects = await repo.evaluatedProjects(actor.workspaceId, performanceScopeOf(actor), actor.userId);
      authorize(canPerformanceOverview(actor, projects.length > 0));
      const today = todayOf(deps.now());
      const period = performancePeriodOf(query, today);
      const health = await projectsHealth(
        deps.db,
        projects.map((p) => p.id),
        today,
      );
      // One project after the other: each loads its whole plan, and the pool is shared with every other request.
      const lists: PersonPerformanceTotals[][] = [];
      for (const project of projects) lists.push(await projectPerformanceTotals(deps.db, project, period));
      return {
        ...period,
        projects: projects.map((p) => ({ id: p.id, code: p.code, name: p.name, score: health.get(p.id)?.health.score ?? null, band: health.get(p.id)?.health.band ?? null })),
        people: await named(deps.db, actor.workspaceId, performanceMerge(lists)),
      };
    },

    scope: async (actor: Actor) => {
      authorize(canPerformanceScope(actor));
      const projects = await repo.evaluatedProjects(actor.workspaceId, performanceScopeOf(actor), actor.userId);
      return { projects: projects.map((p) => ({ id: p.id, code: p.code, name: p.name })) };
    },
  };
}
