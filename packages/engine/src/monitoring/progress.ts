/**
 * Progress of a plan by effort (docs/monitoring.md, "How progress rolls up") and the time-phased series of
 * monitoring: the planned value at a status date, the earned value of the tasks, the S-curve by week, the
 * burndown/burnup of a phase and the milestone trend. Pure.
 */
import {
  type CalendarDayAxis,
  calendarDayAxisDayNumber,
  calendarDayFromIso,
  calendarDayToIso,
  calendarDayWeekday,
  type CalendarDay,
} from "../scheduling/index";
import type { PlanBudgetPeriod, PlanBudgetTask } from "../planning/plan-budget";
import { PLAN_TICKS_PER_DAY } from "../planning/plan-schedule";

/** What a percent complete is weighted by when tasks roll up: the first of these the tasks have any of. */
export type ProgressBasis = "work" | "cost" | "duration" | "count";

/** A task (not a summary) as the roll-up needs it. */
export type ProgressTask = {
  readonly workHours: number;
  readonly cost: number;
  readonly durationDays: number;
  /** 0–100. */
  readonly percentComplete: number;
};

const positive = (x: number) => (x > 0 && Number.isFinite(x) ? x : 0);

/**
 * The percent complete of a group of tasks, weighted by effort: by work hours when any task has work, else by cost,
 * else by duration, else the plain mean (milestones only). So a 40-hour task at 50 % and a 2-hour task at 100 % are
 * 52.4 % done together — not the 75 % a count would say. Negative or non-finite weights count as 0.
 *
 * @example
 * progressRollUp([{ workHours: 40, cost: 0, durationDays: 5, percentComplete: 50 }, { workHours: 2, cost: 0, durationDays: 1, percentComplete: 100 }]);
 * // { percentComplete: 52.38…, basis: "work" }
 */
export function progressRollUp(tasks: readonly ProgressTask[]): { percentComplete: number; basis: ProgressBasis } {
  const sums = { work: 0, workDone: 0, cost: 0, costDone: 0, duration: 0, durationDone: 0, count: 0, countDone: 0 };
  for (const t of tasks) {
    const pc = Math.min(100, Math.max(0, t.percentComplete));
    const w = positive(t.workHours);
    const c = positive(t.cost);
    const d = positive(t.durationDays);
    sums.work += w;
    sums.workDone += w * pc;
    sums.cost += c;
    sums.costDone += c * pc;
    sums.duration += d;
    sums.durationDone += d * pc;
    sums.count += 1;
    sums.countDone += pc;
  }
  if (sums.work > 0) return { percentComplete: sums.workDone / sums.work, basis: "work" };
  if (sums.cost > 0) return { percentComplete: sums.costDone / sums.cost, basis: "cost" };
  if (sums.duration > 0) return { percentComplete: sums.durationDone / sums.duration, basis: "duration" };
  return { percentComplete: sums.count > 0 ? sums.countDone / sums.count : 0, basis: "count" };
}

/** A task's budget where it is scheduled, and how far along it is. */
export type EarnedValueTask = PlanBudgetTask & { readonly percentComplete: number };

/**
 * The planned value at the end of `statusDate`: each task's budget times the share of its working time scheduled
 * by then (prorated, as `planBudgetCurve` spreads it; a milestone's budget counts once its day is over).
 *
 * @example
 * // A 4-day task of 4,000 from Monday 10-26, status Tuesday 10-27: two of its four days are over.
 * earnedValuePlannedAt(axis, [{ id: "a", startTick: 0, finishTick: 400, cost: 4000 }], "2026-10-27"); // 2000
 */
export function earnedValuePlannedAt(axis: CalendarDayAxis, tasks: readonly PlanBudgetTask[], statusDate: string): number {
  const end = calendarDayAxisDayNumber(axis, calendarDayFromIso(statusDate), "finish") * PLAN_TICKS_PER_DAY;
  let total = 0;
  for (const task of tasks) {
    if (!(task.cost > 0)) continue;
    const length = task.finishTick - task.startTick;
    if (length <= 0) {
      // As the budget curve books it: on the day it falls on, planned once that day is over.
      if ((Math.floor(task.startTick / PLAN_TICKS_PER_DAY) + 1) * PLAN_TICKS_PER_DAY <= end) total += task.cost;
      continue;
    }
    total += task.cost * Math.min(1, Math.max(0, (end - task.startTick) / length));
  }
  return total;
}

/**
 * The earned value: each task's budget times its percent complete.
 *
 * @example
 * earnedValueEarned([{ id: "a", startTick: 0, finishTick: 400, cost: 4000, percentComplete: 25 }]); // 1000
 */
export function earnedValueEarned(tasks: readonly EarnedValueTask[]): number {
  let total = 0;
  for (const task of tasks) if (task.cost > 0) total += (task.cost * Math.min(100, Math.max(0, task.percentComplete))) / 100;
  return total;
}

/** One measurement of the project on a past status date (a snapshot): its earned value and actual cost. */
export type EarnedValueMeasurement = { readonly asOf: string; readonly ev: number; readonly ac: number };

/**
 * One week of the S-curve: calendar days `from`–`to` (Monday to Sunday); the cumulative planned value at the week's
 * end; the earned value and actual cost of the last measurement in the week (null after the status date or in a
 * week without one).
 */
export type EarnedValueCurvePoint = {
  readonly from: string;
  readonly to: string;
  readonly pv: number;
  readonly ev: number | null;
  readonly ac: number | null;
};

const mondayOf = (day: CalendarDay) => (day - (calendarDayWeekday(day) - 1)) as CalendarDay;

/**
 * The S-curve by week: the planned value over the whole plan (the budget curve, carried flat after the plan's end)
 * and the measurements (snapshots, and the status date's own figures) up to the status date. Weeks run from the
 * first week of either to the last.
 *
 * @example
 * earnedValueSCurve([{ from: "2026-10-26", to: "2026-11-01", cost: 500, cumulative: 500 }, { from: "2026-11-02", to: "2026-11-08", cost: 500, cumulative: 1000 }],
 *   [{ asOf: "2026-10-30", ev: 400, ac: 450 }], "2026-10-30");
 * // [{ from: "2026-10-26", to: "2026-11-01", pv: 500, ev: 400, ac: 450 }, { from: "2026-11-02", …, pv: 1000, ev: null, ac: null }]
 */
export function earnedValueSCurve(planned: readonly PlanBudgetPeriod[], measured: readonly EarnedValueMeasurement[], statusDate: string): EarnedValueCurvePoint[] {
  const status = calendarDayFromIso(statusDate);
  const byWeek = new Map<number, EarnedValueMeasurement>();
  for (const m of [...measured].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0))) {
    const day = calendarDayFromIso(m.asOf);
    if (day > status) continue;
    byWeek.set(mondayOf(day), m);
  }
  const pvByWeek = new Map<number, number>();
  for (const p of planned) pvByWeek.set(mondayOf(calendarDayFromIso(p.from)), p.cumulative);
  const weeks = [...byWeek.keys(), ...pvByWeek.keys()];
  if (weeks.length === 0) return [];
  const first = Math.min(...weeks);
  const last = Math.max(...weeks);
  const out: EarnedValueCurvePoint[] = [];
  let pv = 0;
  for (let week = first; week <= last; week += 7) {
    pv = pvByWeek.get(week) ?? pv;
    const m = byWeek.get(week);
    out.push({ from: calendarDayToIso(week as CalendarDay), to: calendarDayToIso((week + 6) as CalendarDay), pv, ev: m ? m.ev : null, ac: m ? m.ac : null });
  }
  return out;
}

/** Work of a phase (or the project) on one status date, from its snapshot. */
export type ProgressWorkMeasurement = { readonly asOf: string; readonly workHours: number; readonly remainingHours: number };

/**
 * One date of a burndown/burnup: the scope (total work), the work remaining and done (null on a date without a
 * snapshot: the planned start or finish), and the ideal remaining work on that date.
 */
export type ProgressBurnPoint = {
  readonly date: string;
  readonly scope: number | null;
  readonly remaining: number | null;
  readonly done: number | null;
  readonly ideal: number | null;
};

/**
 * Burndown and burnup from the snapshots of a phase (or the project): per snapshot date the work remaining and done;
 * the ideal line falls straight from the scope of the first snapshot at the planned start to 0 at the planned
 * finish (calendar days). Dates are the snapshots' and the planned start and finish, in order.
 *
 * @example
 * progressBurnSeries([{ asOf: "2026-11-02", workHours: 100, remainingHours: 80 }], "2026-10-26", "2026-11-09");
 * // [{ date: "2026-10-26", scope: null, remaining: null, done: null, ideal: 100 },
 * //  { date: "2026-11-02", scope: 100, remaining: 80, done: 20, ideal: 50 },
 * //  { date: "2026-11-09", scope: null, remaining: null, done: null, ideal: 0 }]
 */
export function progressBurnSeries(measured: readonly ProgressWorkMeasurement[], plannedStart: string | null, plannedFinish: string | null): ProgressBurnPoint[] {
  const sorted = [...measured].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const firstScope = sorted[0]?.workHours ?? null;
  const start = plannedStart === null ? null : calendarDayFromIso(plannedStart);
  const finish = plannedFinish === null ? null : calendarDayFromIso(plannedFinish);
  const ideal = (date: string): number | null => {
    if (firstScope === null || start === null || finish === null) return null;
    const day = calendarDayFromIso(date);
    if (finish <= start) return day < finish ? firstScope : 0;
    return firstScope * Math.min(1, Math.max(0, (finish - day) / (finish - start)));
  };
  const points = new Map<string, ProgressBurnPoint>();
  for (const m of sorted) {
    const remaining = Math.max(0, Math.min(m.workHours, m.remainingHours));
    points.set(m.asOf, { date: m.asOf, scope: m.workHours, remaining, done: m.workHours - remaining, ideal: ideal(m.asOf) });
  }
  for (const date of [plannedStart, plannedFinish]) {
    if (date !== null && !points.has(date)) points.set(date, { date, scope: null, remaining: null, done: null, ideal: ideal(date) });
  }
  return [...points.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The milestones' forecast finishes on one status date. */
export type MilestoneForecasts = { readonly asOf: string; readonly milestones: readonly { readonly taskId: string; readonly finish: string | null }[] };

/** One milestone's line of the trend chart: its forecast finish per status date, and how far it moved. */
export type MilestoneTrendLine = {
  readonly taskId: string;
  readonly points: readonly { readonly asOf: string; readonly finish: string | null }[];
  /** Calendar days from the first forecast to the latest (positive: it slipped); null without two forecasts. */
  readonly slipDays: number | null;
};

/**
 * The milestone trend: for each milestone, its forecast finish at each status date (null where a snapshot does not
 * have it, e.g. before it was added). Status dates in order.
 *
 * @example
 * milestoneTrendSeries([{ asOf: "2026-11-02", milestones: [{ taskId: "m", finish: "2026-12-01" }] },
 *   { asOf: "2026-11-09", milestones: [{ taskId: "m", finish: "2026-12-04" }] }], ["m"]);
 * // [{ taskId: "m", points: [{ asOf: "2026-11-02", finish: "2026-12-01" }, { asOf: "2026-11-09", finish: "2026-12-04" }], slipDays: 3 }]
 */
export function milestoneTrendSeries(snapshots: readonly MilestoneForecasts[], milestoneIds: readonly string[]): MilestoneTrendLine[] {
  const sorted = [...snapshots].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const finishes = sorted.map((s) => new Map(s.milestones.map((m) => [m.taskId, m.finish])));
  return milestoneIds.map((taskId) => {
    const points = sorted.map((s, i) => ({ asOf: s.asOf, finish: finishes[i]?.get(taskId) ?? null }));
    const known = points.filter((p) => p.finish !== null);
    const firstFinish = known[0]?.finish ?? null;
    const lastFinish = known[known.length - 1]?.finish ?? null;
    const slipDays = known.length >= 2 && firstFinish !== null && lastFinish !== null ? calendarDayFromIso(lastFinish) - calendarDayFromIso(firstFinish) : null;
    return { taskId, points, slipDays };
  });
}
