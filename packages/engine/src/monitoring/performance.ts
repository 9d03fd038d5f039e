/**
 * Performance evaluation per person over a period (docs/monitoring.md, "Performance evaluation"). Pure: the server's
 * performance module loads the facts of each project and merges the people across projects.
 *
 * - **Planned hours**: each leaf task's planned work per person, spread over the working time the task is scheduled
 *   on exactly as planned value is (`earnedValuePlannedAt`: prorated, a milestone on its day), and the part falling
 *   in the period kept: planned(to) − planned(day before from). Whose work: the work of the task's assignments of
 *   resources that are people; a task without any is the owner's (its work, or its estimate when it has no work), or,
 *   without an owner, shared evenly by its board assignees.
 * - **Actual hours**: the person's time entries dated in the period whose week is submitted or approved (drafts and
 *   rejected weeks do not count); the approved hours are shown on their own. Variance = actual − planned.
 * - **On-time completion**: the tasks the person is on (owner, assignee, or with planned work) completed in the
 *   period (`completedOn` from `from` to `to`); on time when `completedOn` ≤ the due day (the deadline, else the
 *   latest baseline finish, else the planned finish). Rate = on time / completed with a due day.
 * - **Estimate accuracy**: those completed tasks with an estimate and logged time: APE = |actual − estimate| /
 *   estimate (actual = every person's counted hours on the task); MAPE = mean APE × 100 %; ratio = Σ actual / Σ
 *   estimate (above 1: work took longer than estimated). A task nobody logged time on says nothing about its
 *   estimate and is left out.
 *
 * The per-project sums (`PersonPerformanceTotals`) add up across projects (`performanceMerge`); the figures people
 * read are derived from the sums last (`performanceFigures`), so merging never averages averages.
 */
import type { CalendarDayAxis } from "../scheduling/index";
import { earnedValuePlannedAt } from "./progress";

export type PerformancePeriod = { readonly from: string; readonly to: string };

/** A leaf task of one project as the evaluation reads it. */
export type PerformanceTask = {
  readonly id: string;
  /** Where it is scheduled, in plan ticks (`[startTick, finishTick)`; equal for a milestone). */
  readonly startTick: number;
  readonly finishTick: number;
  /** The task's work in hours (as scheduled) and its estimate (null: never estimated). */
  readonly workHours: number;
  readonly estimateHours: number | null;
  /** Work of the assignments of resources that are people. */
  readonly assignments: readonly { readonly personId: string; readonly hours: number }[];
  readonly ownerId: string | null;
  readonly assigneeIds: readonly string[];
  /** The day it reached 100 % (null: unfinished) and the day it was due (null: none known). */
  readonly completedOn: string | null;
  readonly dueOn: string | null;
  /** Counted hours (submitted or approved weeks) anyone logged on it. */
  readonly actualHours: number;
};

/** One person's time entry in the period, in a submitted or approved week. */
export type PerformanceTimeEntry = { readonly personId: string; readonly workDate: string; readonly minutes: number; readonly approved: boolean };

/** The sums behind one person's figures; they add up across projects. */
export type PersonPerformanceTotals = {
  readonly personId: string;
  readonly plannedHours: number;
  readonly actualHours: number;
  readonly approvedHours: number;
  readonly completedTasks: number;
  /** Completed tasks that had a due day, and those of them completed by it. */
  readonly dueTasks: number;
  readonly onTimeTasks: number;
  /** Completed tasks with an estimate and logged time; their estimates and actual hours; the sum of their APEs. */
  readonly estimatedTasks: number;
  readonly estimateHours: number;
  readonly estimatedActualHours: number;
  readonly absolutePercentageErrorSum: number;
};

export type PersonPerformance = PersonPerformanceTotals & {
  /** actual − planned hours. */
  readonly varianceHours: number;
  /** On time / due, %, one decimal; null without a completed task that was due. */
  readonly onTimeRate: number | null;
  /** Mean absolute percentage error, %, one decimal; null without an estimated task. */
  readonly estimateMape: number | null;
  /** Σ actual / Σ estimate, two decimals; null without an estimated task. */
  readonly estimateRatio: number | null;
};

const round2 = (x: number) => Math.round(x * 100) / 100 + 0;
const round1 = (x: number) => Math.round(x * 10) / 10 + 0;

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const emptyTotals = (personId: string): PersonPerformanceTotals => ({
  personId,
  plannedHours: 0,
  actualHours: 0,
  approvedHours: 0,
  completedTasks: 0,
  dueTasks: 0,
  onTimeTasks: 0,
  estimatedTasks: 0,
  estimateHours: 0,
  estimatedActualHours: 0,
  absolutePercentageErrorSum: 0,
});

/**
 * Whose planned work a task is, in hours: its people's assignments; else the owner's; else its assignees' in equal
 * shares. The work is the task's, or its estimate when it has none.
 *
 * @example
 * performancePlannedShares({ ...task, workHours: 0, estimateHours: 12, assignments: [], ownerId: null, assigneeIds: ["a", "b"] });
 * // [{ personId: "a", hours: 6 }, { personId: "b", hours: 6 }]
 */
export function performancePlannedShares(task: Pick<PerformanceTask, "workHours" | "estimateHours" | "assignments" | "ownerId" | "assigneeIds">): { personId: string; hours: number }[] {
  const assigned = task.assignments.filter((a) => a.hours > 0);
  if (assigned.length > 0) {
    const byPerson = new Map<string, number>();
    for (const a of assigned) byPerson.set(a.personId, (byPerson.get(a.personId) ?? 0) + a.hours);
    return [...byPerson].map(([personId, hours]) => ({ personId, hours }));
  }
  const work = task.workHours > 0 ? task.workHours : (task.estimateHours ?? 0);
  if (!(work > 0)) return [];
  if (task.ownerId !== null) return [{ personId: task.ownerId, hours: work }];
  const people = [...new Set(task.assigneeIds)];
  return people.map((personId) => ({ personId, hours: work / people.length }));
}

/** Everyone a task counts for: owner, assignees and the people with planned work on it. */
const peopleOf = (task: PerformanceTask, shares: readonly { personId: string }[]) =>
  new Set([...(task.ownerId === null ? [] : [task.ownerId]), ...task.assigneeIds, ...shares.map((s) => s.personId)]);

/**
 * The sums of every person with planned work, time or a completed task in one project over `period` (inclusive
 * dates), sorted by person id. `axis` is the project's working-day axis, which the task ticks count on.
 */
export function performanceTotals(axis: CalendarDayAxis, period: PerformancePeriod, tasks: readonly PerformanceTask[], entries: readonly PerformanceTimeEntry[]): PersonPerformanceTotals[] {
  const people = new Map<string, { -readonly [K in keyof PersonPerformanceTotals]: PersonPerformanceTotals[K] }>();
  const of = (personId: string) => {
    let t = people.get(personId);
    if (!t) people.set(personId, (t = { ...emptyTotals(personId) }));
    return t;
  };
  const before = dayBefore(period.from);
  for (const task of tasks) {
    const shares = performancePlannedShares(task);
    for (const share of shares) {
      const span = [{ id: task.id, startTick: task.startTick, finishTick: task.finishTick, cost: share.hours }];
      const planned = earnedValuePlannedAt(axis, span, period.to) - earnedValuePlannedAt(axis, span, before);
      if (planned > 0) of(share.personId).plannedHours += planned;
    }
    const done = task.completedOn !== null && task.completedOn >= period.from && task.completedOn <= period.to;
    if (!done) continue;
    const estimated = task.estimateHours !== null && task.estimateHours > 0 && task.actualHours > 0;
    for (const personId of peopleOf(task, shares)) {
      const t = of(personId);
      t.completedTasks += 1;
      if (task.dueOn !== null) {
        t.dueTasks += 1;
        if ((task.completedOn as string) <= task.dueOn) t.onTimeTasks += 1;
      }
      if (estimated) {
        const estimate = task.estimateHours as number;
        t.estimatedTasks += 1;
        t.estimateHours += estimate;
        t.estimatedActualHours += task.actualHours;
        t.absolutePercentageErrorSum += Math.abs(task.actualHours - estimate) / estimate;
      }
    }
  }
  for (const entry of entries) {
    if (entry.workDate < period.from || entry.workDate > period.to || !(entry.minutes > 0)) continue;
    const t = of(entry.personId);
    t.actualHours += entry.minutes / 60;
    if (entry.approved) t.approvedHours += entry.minutes / 60;
  }
  return [...people.values()].sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

/** One person's sums over several projects (or several lists of sums), by person id. */
export function performanceMerge(lists: readonly (readonly PersonPerformanceTotals[])[]): PersonPerformanceTotals[] {
  const merged = new Map<string, PersonPerformanceTotals>();
  for (const list of lists) {
    for (const t of list) {
      const m = merged.get(t.personId) ?? emptyTotals(t.personId);
      merged.set(t.personId, {
        personId: t.personId,
        plannedHours: m.plannedHours + t.plannedHours,
        actualHours: m.actualHours + t.actualHours,
        approvedHours: m.approvedHours + t.approvedHours,
        completedTasks: m.completedTasks + t.completedTasks,
        dueTasks: m.dueTasks + t.dueTasks,
        onTimeTasks: m.onTimeTasks + t.onTimeTasks,
        estimatedTasks: m.estimatedTasks + t.estimatedTasks,
        estimateHours: m.estimateHours + t.estimateHours,
        estimatedActualHours: m.estimatedActualHours + t.estimatedActualHours,
        absolutePercentageErrorSum: m.absolutePercentageErrorSum + t.absolutePercentageErrorSum,
      });
    }
  }
  return [...merged.values()].sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

/**
 * The figures people read, from the sums: hours to the hundredth, variance, on-time rate, MAPE and the
 * actual-to-estimate ratio.
 *
 * @example
 * // 3 of 4 due tasks on time; two estimated tasks: 10 h estimated, 12 h taken; 20 h estimated, 15 h taken.
 * performanceFigures({ ...totals, dueTasks: 4, onTimeTasks: 3, estimatedTasks: 2, estimateHours: 30, estimatedActualHours: 27,
 *   absolutePercentageErrorSum: 0.2 + 0.25 });
 * // onTimeRate 75, estimateMape 22.5, estimateRatio 0.9
 */
export function performanceFigures(t: PersonPerformanceTotals): PersonPerformance {
  const plannedHours = round2(t.plannedHours);
  const actualHours = round2(t.actualHours);
  return {
    ...t,
    plannedHours,
    actualHours,
    approvedHours: round2(t.approvedHours),
    estimateHours: round2(t.estimateHours),
    estimatedActualHours: round2(t.estimatedActualHours),
    varianceHours: round2(actualHours - plannedHours),
    onTimeRate: t.dueTasks > 0 ? round1((100 * t.onTimeTasks) / t.dueTasks) : null,
    estimateMape: t.estimatedTasks > 0 ? round1((100 * t.absolutePercentageErrorSum) / t.estimatedTasks) : null,
    estimateRatio: t.estimatedTasks > 0 && t.estimateHours > 0 ? round2(t.estimatedActualHours / t.estimateHours) : null,
  };
}
