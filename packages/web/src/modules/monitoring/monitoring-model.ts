/**
 * Shaping the monitoring answers for charts and their text alternatives (pure, tested): the S-curve rows, the
 * burndown rows, the milestone trend rows with the diagonal, and the colour of an index.
 */
import type { TBurndown, TEarnedValue, TMilestoneTrend } from "@jiaofu/contracts";
import { earnedValueIndexRating, type EarnedValueIndexRating } from "@jiaofu/engine";

export type TEarnedValueMethod = TEarnedValue["eacMethod"];

const DAY_MS = 86_400_000;
/** A date as a day number, so dates can be plotted on a numeric axis. */
export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const dayIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** One row of the S-curve chart: the week's end as its x, PV always, EV and AC up to the status date. */
export type SCurveRow = { x: string; from: string; to: string; pv: number; ev: number | null; ac: number | null };

export function sCurveRows(curve: TEarnedValue["curve"]): SCurveRow[] {
  return curve.map((p) => ({ x: p.to, from: p.from, to: p.to, pv: p.pv, ev: p.ev, ac: p.ac }));
}

/** The week (its end, the chart's x) the status date falls in; null when the curve does not reach it. */
export function statusWeekOf(curve: TEarnedValue["curve"], statusDate: string): string | null {
  return curve.find((p) => p.from <= statusDate && statusDate <= p.to)?.to ?? null;
}

/** The badge tone of an SPI or CPI: ≥ 1 green, ≥ 0.9 amber, below red (policy: engine `earnedValueIndexRating`). */
export function indexTone(index: number | null): "green" | "amber" | "red" | "gray" {
  const rating: EarnedValueIndexRating = earnedValueIndexRating(index);
  switch (rating) {
    case "good":
      return "green";
    case "watch":
      return "amber";
    case "bad":
      return "red";
    case "unknown":
      return "gray";
  }
}

export function indexRating(index: number | null): EarnedValueIndexRating {
  return earnedValueIndexRating(index);
}

/** The last week with a measurement: what the text summary of the chart reports. */
export function lastMeasured(curve: TEarnedValue["curve"]): TEarnedValue["curve"][number] | null {
  for (let i = curve.length - 1; i >= 0; i--) {
    const p = curve[i];
    if (p && (p.ev !== null || p.ac !== null)) return p;
  }
  return null;
}

/** Burndown rows: the snapshots' remaining and done work, with the ideal line; x is the date's day number (a time axis). */
export type BurnRow = { x: number; remaining: number | null; done: number | null; scope: number | null; ideal: number | null };

export function burnRows(points: TBurndown["points"]): BurnRow[] {
  return points.map((p) => ({ x: dayNumber(p.date), remaining: p.remaining, done: p.done, scope: p.scope, ideal: p.ideal }));
}

/** The latest measured point of a burndown (for its text summary). */
export function latestBurn(points: TBurndown["points"]): TBurndown["points"][number] | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p && p.remaining !== null) return p;
  }
  return null;
}

/**
 * The milestone trend as chart rows: one row per status date, a column per milestone (its forecast as a day number,
 * or null), plus the diagonal (forecast = status date) that a milestone's line meets when it is reached. `domain` is
 * the y range: from the first status date to the latest forecast; `xDomain` the status dates'.
 */
export function milestoneTrendRows(trend: TMilestoneTrend): { rows: Record<string, number | null>[]; keys: string[]; domain: [number, number] | null; xDomain: [number, number] | null } {
  const keys = trend.milestones.map((m) => m.taskId);
  const rows = trend.dates.map((asOf) => {
    const row: Record<string, number | null> = { x: dayNumber(asOf), diagonal: dayNumber(asOf) };
    for (const m of trend.milestones) {
      const finish = m.points.find((p) => p.asOf === asOf)?.finish ?? null;
      row[m.taskId] = finish === null ? null : dayNumber(finish);
    }
    return row;
  });
  const values = rows.flatMap((r) => Object.values(r).filter((v): v is number => v !== null));
  const domain: [number, number] | null = values.length > 0 ? [Math.min(...values), Math.max(...values)] : null;
  const first = trend.dates[0];
  const last = trend.dates[trend.dates.length - 1];
  const xDomain: [number, number] | null = first !== undefined && last !== undefined ? [dayNumber(first), dayNumber(last)] : null;
  return { rows, keys, domain, xDomain };
}
