/**
 * The Gantt chart's time axis: calendar days (days since 1970-01-01, the engine's `CalendarDay`) to pixels at a zoom
 * level, zoom stepping, and the two header tiers' cells for the part of the axis on screen. Pure.
 *
 * The axis counts calendar days, not working days, so weekends and holidays take their place on screen (shaded at
 * day zoom); a task's fractional working days are drawn as the same fraction of its calendar day.
 */

export const GANTT_ZOOMS = ["day", "week", "month", "quarter"] as const;
export type GanttZoom = (typeof GANTT_ZOOMS)[number];

/** Pixels per calendar day at each zoom: a day cell 28 px wide, a week 70 px, a month about 100 px, a quarter 110 px. */
export const GANTT_PX_PER_DAY: Readonly<Record<GanttZoom, number>> = { day: 28, week: 10, month: 3.3, quarter: 1.2 };

/** The next zoom in (`-1`: more detail) or out (`+1`), staying at the ends. */
export function ganttZoomStep(zoom: GanttZoom, direction: -1 | 1): GanttZoom {
  const index = GANTT_ZOOMS.indexOf(zoom) + direction;
  return GANTT_ZOOMS[Math.max(0, Math.min(GANTT_ZOOMS.length - 1, index))] as GanttZoom;
}

/** A scale: day `origin` at x = 0, `pxPerDay` pixels per calendar day, `days` days long. */
export type GanttScale = { readonly zoom: GanttZoom; readonly origin: number; readonly days: number; readonly pxPerDay: number };

export const ganttScale = (zoom: GanttZoom, origin: number, days: number, pxPerDay = GANTT_PX_PER_DAY[zoom]): GanttScale => ({ zoom, origin, days, pxPerDay });
export const ganttX = (scale: GanttScale, day: number) => (day - scale.origin) * scale.pxPerDay;
export const ganttDayAt = (scale: GanttScale, x: number) => scale.origin + x / scale.pxPerDay;
export const ganttWidth = (scale: GanttScale) => scale.days * scale.pxPerDay;

/**
 * The scroll position that keeps calendar day `day` at `offset` pixels from the viewport's left edge after a zoom
 * change (so zooming with Ctrl+wheel keeps the day under the pointer in place).
 */
export const ganttScrollKeeping = (scale: GanttScale, day: number, offset: number) => Math.max(0, ganttX(scale, day) - offset);

const MS_PER_DAY = 86_400_000;

/** Calendar day of an ISO date (`2026-10-01` → 20362), without time zones. */
export function ganttDayOfIso(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round(Date.UTC(y as number, (m as number) - 1, d as number) / MS_PER_DAY);
}

export function ganttIsoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC date parts of a calendar day (0 = Monday for `weekday`, as ISO counts). */
export function ganttDateParts(day: number): { year: number; month: number; date: number; weekday: number } {
  const at = new Date(day * MS_PER_DAY);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth(), date: at.getUTCDate(), weekday: (at.getUTCDay() + 6) % 7 };
}

const monthStart = (year: number, month: number) => Math.round(Date.UTC(year, month, 1) / MS_PER_DAY);

/** A header cell: the calendar days [from, to) it spans and what it shows. */
export type GanttHeaderCell = { readonly from: number; readonly to: number; readonly unit: "day" | "week" | "month" | "quarter" | "year"; readonly start: number };

/** The start of the unit containing `day`. Weeks start on Monday. */
export function ganttUnitStart(unit: GanttHeaderCell["unit"], day: number): number {
  const { year, month, weekday } = ganttDateParts(day);
  switch (unit) {
    case "day":
      return day;
    case "week":
      return day - weekday;
    case "month":
      return monthStart(year, month);
    case "quarter":
      return monthStart(year, month - (month % 3));
    case "year":
      return monthStart(year, 0);
  }
}

export function ganttUnitNext(unit: GanttHeaderCell["unit"], start: number): number {
  const { year, month } = ganttDateParts(start);
  switch (unit) {
    case "day":
      return start + 1;
    case "week":
      return start + 7;
    case "month":
      return monthStart(year, month + 1);
    case "quarter":
      return monthStart(year, month + 3);
    case "year":
      return monthStart(year + 1, 0);
  }
}

/** The units of the two header tiers at each zoom (top, bottom). */
export const GANTT_TIERS: Readonly<Record<GanttZoom, readonly [GanttHeaderCell["unit"], GanttHeaderCell["unit"]]>> = {
  day: ["month", "day"],
  week: ["month", "week"],
  month: ["year", "month"],
  quarter: ["year", "quarter"],
};

/** The cells of one unit that intersect the calendar days [from, to). */
export function ganttHeaderCells(unit: GanttHeaderCell["unit"], from: number, to: number): GanttHeaderCell[] {
  const cells: GanttHeaderCell[] = [];
  for (let start = ganttUnitStart(unit, from); start < to; ) {
    const next = ganttUnitNext(unit, start);
    cells.push({ from: start, to: next, unit, start });
    start = next;
  }
  return cells;
}

/** The periods a resource histogram groups days into at a zoom: days, weeks, months (months at quarter zoom too). */
export const GANTT_HISTOGRAM_UNIT: Readonly<Record<GanttZoom, "day" | "week" | "month">> = { day: "day", week: "week", month: "month", quarter: "month" };
