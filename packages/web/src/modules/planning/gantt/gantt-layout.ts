/**
 * Where the Gantt chart draws things, and which of them are on screen. Pure: the plan's rows (after collapsed
 * summaries hide their tasks), each task's span in calendar days (fractional: a half working day is half its
 * calendar day), the window of rows and pixels the viewport shows, and the orthogonal route of a dependency arrow.
 */
import type { TPlanDependency, TPlanDependencyType, TPlanTask } from "@jiaofu/contracts";
import { type CalendarDayAxis, calendarDayAxisDate, calendarDayAxisTable, type DayNumber } from "@jiaofu/engine";

/**
 * Working-day numbers (the plan's `startDay` / `finishDay`, fractional) to calendar days on the plan's axis. A start
 * at working day 2.25 is a quarter into the date of day 2; an (exclusive) finish at 3 is the end of day 2's date, at
 * 2.5 the middle of it. Day numbers past the table (a drag preview pushing tasks later) are looked up once each.
 */
export type GanttDayMap = { readonly startAt: (day: number) => number; readonly finishAt: (day: number) => number };

export function ganttDayMap(axis: CalendarDayAxis, lastDay: number): GanttDayMap {
  const last = Math.max(0, Math.ceil(lastDay)) + 31;
  const table = calendarDayAxisTable(axis, last as DayNumber);
  const extra = new Map<number, number>();
  const dateOf = (k: number): number => {
    if (k >= 0 && k <= last) return table[k] as number;
    let day = extra.get(k);
    if (day === undefined) {
      day = calendarDayAxisDate(axis, k as DayNumber) as number;
      extra.set(k, day);
    }
    return day;
  };
  return {
    startAt: (d) => {
      const k = Math.floor(d);
      return dateOf(k) + (d - k);
    },
    finishAt: (d) => {
      const k = Math.ceil(d) - 1;
      return dateOf(k) + (d - k);
    },
  };
}

/** A task's span in calendar days [start, finish); NaN when the task is not scheduled. Milestones: start = finish. */
export type GanttSpan = { start: number; finish: number; critical: boolean };

/** Rows of the chart: the visible tasks in WBS order, their spans, and the arrows between visible tasks. */
export type GanttLayout = {
  readonly rows: readonly TPlanTask[];
  readonly rowOf: ReadonlyMap<string, number>;
  readonly start: Float64Array;
  readonly finish: Float64Array;
  readonly links: readonly GanttLink[];
  /** The calendar days the chart spans: from a week before the earliest date to a few weeks after the latest. */
  readonly from: number;
  readonly to: number;
};

export type GanttLink = { readonly dependency: TPlanDependency; readonly from: number; readonly to: number };

/** A task's span in calendar days; a milestone is a point at the start of its date (the date the grid shows). */
export function ganttTaskSpan(map: GanttDayMap, task: Pick<TPlanTask, "kind"> & { schedule: Pick<TPlanTask["schedule"], "startDay" | "finishDay"> }): { start: number; finish: number } {
  const { startDay, finishDay } = task.schedule;
  if (startDay === null || finishDay === null) return { start: Number.NaN, finish: Number.NaN };
  if (task.kind === "milestone" || finishDay <= startDay) {
    const at = map.startAt(startDay);
    return { start: at, finish: at };
  }
  return { start: map.startAt(startDay), finish: map.finishAt(finishDay) };
}

export function ganttLayout(rows: readonly TPlanTask[], dependencies: readonly TPlanDependency[], map: GanttDayMap, planStart: number, extraDays: readonly number[] = []): GanttLayout {
  const n = rows.length;
  const start = new Float64Array(n);
  const finish = new Float64Array(n);
  const rowOf = new Map<string, number>();
  let min = planStart;
  let max = planStart;
  for (let i = 0; i < n; i++) {
    const task = rows[i] as TPlanTask;
    rowOf.set(task.id, i);
    const span = ganttTaskSpan(map, task);
    start[i] = span.start;
    finish[i] = span.finish;
    if (span.start < min) min = span.start;
    if (span.finish > max) max = span.finish;
  }
  for (const day of extraDays) {
    if (day < min) min = day;
    if (day > max) max = day;
  }
  const links: GanttLink[] = [];
  for (const dependency of dependencies) {
    const from = rowOf.get(dependency.predecessorId);
    const to = rowOf.get(dependency.successorId);
    // An arrow into a collapsed summary's hidden task is not drawn (as in MS Project).
    if (from !== undefined && to !== undefined) links.push({ dependency, from, to });
  }
  return { rows, rowOf, start, finish, links, from: Math.floor(min) - 7, to: Math.ceil(max) + 28 };
}

/** What the viewport shows: rows [firstRow, lastRow) and pixels [fromX, toX) of the chart, with some overscan. */
export type GanttWindow = { readonly firstRow: number; readonly lastRow: number; readonly fromX: number; readonly toX: number };

export function ganttWindow(view: { scrollTop: number; scrollLeft: number; width: number; height: number }, rowHeight: number, rowCount: number, overscanRows = 4, overscanPx = 200): GanttWindow {
  const firstRow = Math.max(0, Math.floor(view.scrollTop / rowHeight) - overscanRows);
  const lastRow = Math.min(rowCount, Math.ceil((view.scrollTop + view.height) / rowHeight) + overscanRows);
  return { firstRow, lastRow, fromX: view.scrollLeft - overscanPx, toX: view.scrollLeft + view.width + overscanPx };
}

/** Whether a bar spanning pixels [x0, x1] (with its label, `labelPx` to the right) shows in the window. */
export const ganttBarVisible = (w: GanttWindow, x0: number, x1: number, labelPx = 0) => x1 + labelPx >= w.fromX && x0 <= w.toX;

/**
 * The links to draw in a window: those whose rows overlap the window's rows (an arrow from row 5 to row 5,000 crosses
 * every row between) and whose horizontal extent overlaps its pixels. `xOf(row, edge)` gives a task's pixel edges.
 */
export function ganttVisibleLinks(links: readonly GanttLink[], w: GanttWindow, xOf: (row: number, edge: "start" | "finish") => number, pad = 24): GanttLink[] {
  const out: GanttLink[] = [];
  for (const link of links) {
    const top = Math.min(link.from, link.to);
    const bottom = Math.max(link.from, link.to);
    if (bottom < w.firstRow || top >= w.lastRow) continue;
    const a = Math.min(xOf(link.from, "start"), xOf(link.to, "start"));
    const b = Math.max(xOf(link.from, "finish"), xOf(link.to, "finish"));
    if (b + pad < w.fromX || a - pad > w.toX) continue;
    out.push(link);
  }
  return out;
}

/**
 * The orthogonal route of a dependency arrow, as points from the predecessor's edge to the successor's edge (the
 * last segment is horizontal, arriving from the left into a start, from the right into a finish). FS leaves the
 * predecessor's finish and enters the successor's start; SS start → start; FF finish → finish; SF start → finish.
 * When the arrow cannot go straight down (or up) and in, it turns along the boundary between rows beside the
 * successor's row.
 *
 * @example
 * ganttArrowRoute("FS", { x0: 0, x1: 100, y: 14 }, { x0: 140, x1: 200, y: 42 }, 8, 28);
 * // [[100, 14], [108, 14], [108, 42], [140, 42]]
 */
export function ganttArrowRoute(
  type: TPlanDependencyType,
  from: { x0: number; x1: number; y: number },
  to: { x0: number; x1: number; y: number },
  stub: number,
  rowHeight: number,
): [number, number][] {
  const leavesFinish = type === "FS" || type === "FF";
  const entersStart = type === "FS" || type === "SS";
  const sx = leavesFinish ? from.x1 : from.x0;
  const ex = entersStart ? to.x0 : to.x1;
  const out = leavesFinish ? 1 : -1;
  const into = entersStart ? 1 : -1;
  const p1 = sx + out * stub;
  const p2 = ex - into * stub;
  const points: [number, number][] = [[sx, from.y]];
  if (out !== into) {
    // SS and FF: both stubs point the same way, so one vertical beyond both edges always works.
    const x = out > 0 ? Math.max(p1, p2) : Math.min(p1, p2);
    points.push([x, from.y], [x, to.y]);
  } else if (out * (p2 - p1) >= 0 && to.y !== from.y) {
    points.push([p1, from.y], [p1, to.y]);
  } else {
    // Back past the predecessor's edge: along the row boundary next to the successor.
    const down = to.y >= from.y ? 1 : -1;
    const y = to.y - down * (rowHeight / 2);
    points.push([p1, from.y], [p1, y], [p2, y], [p2, to.y]);
  }
  points.push([ex, to.y]);
  return points;
}

/** An SVG path for a route. */
export const ganttPath = (points: readonly (readonly [number, number])[]) => points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}`).join(" ");
