/**
 * The plan's budget over time: each task's planned cost spread over the working time it is scheduled on, summed per
 * calendar week or month, and the running total — the planned value (PV) curve of earned value management, which
 * the monitoring stage measures progress against. Pure.
 *
 * Accrual is MS Project's default, "prorated": a task's cost (its fixed cost and its assignments' costs alike) is
 * spread evenly over its working time, so a 4-day task of 4,000 costs 1,000 on each of its days, and half a day of
 * it 500. A milestone's cost (or any task without duration) falls on its day.
 */
import {
  type CalendarDay,
  type CalendarDayAxis,
  calendarDayAxisDate,
  calendarDayFromParts,
  calendarDayParts,
  calendarDayToIso,
  calendarDayWeekday,
  type DayNumber,
} from "../scheduling/index";
import type { PlanTaskSpan } from "./plan-resources";
import { PLAN_TICKS_PER_DAY } from "./plan-schedule";

/** Calendar weeks (Monday to Sunday) or calendar months. */
export type PlanBudgetInterval = "week" | "month";

/** A task's planned cost where it is scheduled, in ticks (`[startTick, finishTick)`; equal for a milestone). */
export type PlanBudgetTask = PlanTaskSpan & { readonly cost: number };

/** One period of the curve: calendar days `from` to `to` (inclusive), its planned cost and the total up to its end. */
export type PlanBudgetPeriod = { readonly from: string; readonly to: string; readonly cost: number; readonly cumulative: number };

const cents = (x: number) => Math.round(x * 100) / 100 + 0;

/** The first calendar day of the period `day` is in. */
function periodStart(day: CalendarDay, interval: PlanBudgetInterval): CalendarDay {
  if (interval === "week") return (day - (calendarDayWeekday(day) - 1)) as CalendarDay;
  const { year, month } = calendarDayParts(day);
  return calendarDayFromParts(year, month, 1);
}

/** The first calendar day of the period after the one starting on `start`. */
function periodNext(start: CalendarDay, interval: PlanBudgetInterval): CalendarDay {
  if (interval === "week") return (start + 7) as CalendarDay;
  const { year, month } = calendarDayParts(start);
  return month === 12 ? calendarDayFromParts(year + 1, 1, 1) : calendarDayFromParts(year, month + 1, 1);
}

/**
 * The planned cost per period and cumulative, from the period of the first working day that carries cost to the
 * period of the last (periods in between without cost are listed with 0). Amounts are in cents: each cumulative
 * value is the running total rounded to the cent and each period's cost the difference of two of them, so the
 * curve never goes down and ends exactly at the total (`planBudgetTotal`). Negative costs are not planned costs
 * and are ignored.
 *
 * @example
 * // A 4-day task costing 4,000 from Thursday 2026-10-29 (day 3 of a plan starting Monday 10-26) over the month end:
 * planBudgetCurve(axis, [{ id: "a", startTick: 300, finishTick: 700, cost: 4000 }], "month");
 * // [{ from: "2026-10-01", to: "2026-10-31", cost: 2000, cumulative: 2000 },
 * //  { from: "2026-11-01", to: "2026-11-30", cost: 2000, cumulative: 4000 }]
 */
export function planBudgetCurve(axis: CalendarDayAxis, tasks: readonly PlanBudgetTask[], interval: PlanBudgetInterval): PlanBudgetPeriod[] {
  const byDay = new Map<number, number>();
  const add = (day: number, amount: number) => byDay.set(day, (byDay.get(day) ?? 0) + amount);
  for (const task of tasks) {
    if (!(task.cost > 0)) continue;
    const length = task.finishTick - task.startTick;
    if (length <= 0) {
      add(Math.floor(task.startTick / PLAN_TICKS_PER_DAY), task.cost);
      continue;
    }
    const first = Math.floor(task.startTick / PLAN_TICKS_PER_DAY);
    const last = Math.ceil(task.finishTick / PLAN_TICKS_PER_DAY) - 1;
    for (let day = first; day <= last; day++) {
      const overlap = Math.min(task.finishTick, (day + 1) * PLAN_TICKS_PER_DAY) - Math.max(task.startTick, day * PLAN_TICKS_PER_DAY);
      if (overlap > 0) add(day, (task.cost * overlap) / length);
    }
  }
  if (byDay.size === 0) return [];
  // Day numbers → their periods (consecutive working days share a period, so dates are looked up once per day).
  const perPeriod = new Map<number, number>();
  for (const [day, amount] of byDay) {
    const start = periodStart(calendarDayAxisDate(axis, day as DayNumber), interval);
    perPeriod.set(start, (perPeriod.get(start) ?? 0) + amount);
  }
  const starts = [...perPeriod.keys()].sort((a, b) => a - b);
  const out: PlanBudgetPeriod[] = [];
  // Summing in another order than the total's can differ in the last bits: the curve is capped at the total and
  // ends on it.
  const total = planBudgetTotal(tasks);
  let running = 0;
  let previous = 0;
  const lastStart = starts[starts.length - 1] as number;
  for (let start = starts[0] as CalendarDay; start <= lastStart; start = periodNext(start, interval)) {
    running += perPeriod.get(start) ?? 0;
    const cumulative = start === lastStart ? total : Math.min(cents(running), total);
    out.push({ from: calendarDayToIso(start), to: calendarDayToIso((periodNext(start, interval) - 1) as CalendarDay), cost: cents(cumulative - previous), cumulative });
    previous = cumulative;
  }
  return out;
}

/**
 * The total planned cost of the tasks, rounded to the cent as the curve's last cumulative value is (negative costs
 * ignored).
 *
 * @example
 * planBudgetTotal([{ id: "a", startTick: 0, finishTick: 300, cost: 1000.004 }]); // 1000
 */
export function planBudgetTotal(tasks: readonly PlanBudgetTask[]): number {
  let total = 0;
  for (const task of tasks) if (task.cost > 0) total += task.cost;
  return cents(total);
}
