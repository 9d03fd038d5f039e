/**
 * The chart's fixed measures and the pixel geometry of one task row, shared by the screen (SVG) and the export
 * (canvas) so both draw the same chart.
 */
import type { TPlanTask } from "@jiaofu/contracts";
import { type GanttScale, ganttX } from "./gantt-scale";

export const GANTT_ROW_HEIGHT = 28;
export const GANTT_TIER_HEIGHT = 24;
export const GANTT_HEADER_HEIGHT = GANTT_TIER_HEIGHT * 2;
/** Room right of a bar for its name. */
export const GANTT_LABEL_PX = 220;
/** How far the link handle sits after a bar's end. */
export const GANTT_HANDLE_GAP = 9;
export const GANTT_ARROW_STUB = 8;

/** Where a task's shapes go in its row (y from the row's top): the bar, the baseline bar under it, the milestone. */
export type GanttBarGeometry = {
  kind: TPlanTask["kind"];
  x0: number;
  x1: number;
  barY: number;
  barHeight: number;
  baselineY: number;
  mid: number;
};

export function ganttBarGeometry(kind: TPlanTask["kind"], scale: GanttScale, start: number, finish: number, withBaseline: boolean): GanttBarGeometry {
  const x0 = ganttX(scale, start);
  // A bar is at least 2 px wide, so a half-hour task at quarter zoom still shows.
  const x1 = Math.max(x0 + (kind === "milestone" ? 0 : 2), ganttX(scale, finish));
  const barHeight = kind === "summary" ? 7 : withBaseline ? 13 : 16;
  const barY = kind === "summary" ? (withBaseline ? 7 : 9) : withBaseline ? 4 : 6;
  return { kind, x0, x1, barY, barHeight, baselineY: 20, mid: kind === "summary" ? barY + barHeight / 2 : barY + barHeight / 2 };
}

/** Pixel edges of a task for arrows and hit tests: a milestone's diamond is 12 px wide around its point. */
export function ganttEdges(geometry: GanttBarGeometry): { x0: number; x1: number } {
  return geometry.kind === "milestone" ? { x0: geometry.x0 - 6, x1: geometry.x0 + 6 } : { x0: geometry.x0, x1: geometry.x1 };
}

/** Points of a milestone's diamond around (x, y). */
export const ganttDiamond = (x: number, y: number, r = 6) => `${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`;
