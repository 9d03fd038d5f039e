/**
 * Actual cost from approved time: minutes × the hourly rate fixed at approval, in the project's currency, rounded to
 * cents per entry (so a sum of entries equals the sum of what each entry shows).
 */
import { timeMonthStart, timeWeekStart } from "./time-week";

type IsoDate = string;

/** The cost of `minutes` at `costPerHour`, rounded to cents: 90 minutes at 200/h is 300. */
export function timeCost(minutes: number, costPerHour: number): number {
  return Math.round(minutes * costPerHour * 100 / 60) / 100;
}

export type CostInterval = "week" | "month";

/** The first day of the period `date` falls in: its week's Monday, or its month's first day. */
export function timePeriodStart(date: IsoDate, interval: CostInterval): IsoDate {
  return interval === "week" ? timeWeekStart(date) : timeMonthStart(date);
}

export type CostedEntry = { workDate: IsoDate; minutes: number; costPerHour: number };
export type CostPeriod = { start: IsoDate; minutes: number; cost: number; cumulativeMinutes: number; cumulativeCost: number };

/**
 * Approved time per period (weeks from Monday or calendar months), earliest first, with running totals. Periods
 * without time between two that have some are left out: the chart joins the points.
 */
export function timeCostByPeriod(entries: readonly CostedEntry[], interval: CostInterval): CostPeriod[] {
  const byStart = new Map<IsoDate, { minutes: number; cost: number }>();
  for (const entry of entries) {
    const start = timePeriodStart(entry.workDate, interval);
    const period = byStart.get(start) ?? { minutes: 0, cost: 0 };
    period.minutes += entry.minutes;
    period.cost += timeCost(entry.minutes, entry.costPerHour);
    byStart.set(start, period);
  }
  let cumulativeMinutes = 0;
  let cumulativeCost = 0;
  return [...byStart.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([start, { minutes, cost }]) => {
      cumulativeMinutes += minutes;
      cumulativeCost = Math.round((cumulativeCost + cost) * 100) / 100;
      return { start, minutes, cost: Math.round(cost * 100) / 100, cumulativeMinutes, cumulativeCost };
    });
}
