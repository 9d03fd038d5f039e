/**
 * Exporting the whole chart (every row, the plan's whole time range — not only what is on screen) as PNG or PDF,
 * drawn on a canvas with the same geometry as the screen (`gantt-geometry.ts`) and the design system's colours.
 *
 * - **PNG**: the current zoom, the time axis compressed to at most 8,000 px wide; at most 16,000 px high (about 660
 *   rows of 24 px) — rows beyond that are left out and the caller says so. Browsers refuse larger canvases, and a
 *   bigger image is no use to anyone; the PDF is the way to print a large plan.
 * - **PDF** (jsPDF, loaded only when exporting): A3 landscape pages; the time axis fitted to the page width; rows
 *   paginated, each page repeating the grid and time headers, with a page footer. Each page is drawn on a canvas at
 *   2× (1.5× past 40 pages) and embedded as a JPEG, so Chinese task names print with the browser's own fonts.
 */
import type { TFunction } from "i18next";
import type { TPlanTask } from "@jiaofu/contracts";
import { type CalendarDay, type CalendarDayAxis, calendarIsWorkingDay } from "@jiaofu/engine";
import { formatPlanDate } from "../plan-format";
import { ganttArrowRoute, type GanttLayout } from "./gantt-layout";
import { GANTT_ARROW_STUB, ganttBarGeometry, ganttEdges } from "./gantt-geometry";
import { ganttHeaderLabel, ganttMonthYearLabel } from "./gantt-labels";
import { GANTT_PX_PER_DAY, GANTT_TIERS, GANTT_ZOOMS, type GanttScale, type GanttZoom, ganttHeaderCells, ganttScale, ganttWidth, ganttX } from "./gantt-scale";

export type GanttExportInput = {
  projectName: string;
  layout: GanttLayout;
  axis: CalendarDayAxis;
  critical: boolean;
  baseline: ReadonlyMap<string, { start: number; finish: number }> | null;
  locale: string;
  t: TFunction;
  today: number;
  fileBase: string;
};

export const GANTT_PNG_MAX_WIDTH = 8000;
export const GANTT_PNG_MAX_HEIGHT = 16000;
const ROW = 24;
const TIER = 22;
const HEADER = TIER * 2;
const GRID = { wbs: 48, name: 230, date: 84 };
const GRID_WIDTH = GRID.wbs + GRID.name + GRID.date * 2;

/** The most detailed zoom whose header tiers still fit at `pxPerDay` (for a time axis compressed to fit). */
export function ganttZoomFor(pxPerDay: number): GanttZoom {
  return GANTT_ZOOMS.find((z) => GANTT_PX_PER_DAY[z] <= pxPerDay * 1.25) ?? "quarter";
}

/** How rows split into pages: `perPage` rows a page, the last page holding the rest. */
export function ganttPages(rowCount: number, perPage: number): { from: number; to: number }[] {
  const pages: { from: number; to: number }[] = [];
  for (let from = 0; from < Math.max(1, rowCount); from += perPage) pages.push({ from, to: Math.min(rowCount, from + perPage) });
  return pages;
}

type Palette = Record<"text" | "muted" | "border" | "surface" | "surfaceMuted" | "primary" | "primarySoft" | "danger" | "warning" | "offday", string>;

function palette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v("--color-text", "#1c2330"),
    muted: v("--color-text-muted", "#5b6576"),
    border: v("--color-border", "#e3e6eb"),
    surface: v("--color-surface", "#ffffff"),
    surfaceMuted: v("--color-surface-muted", "#f9fafb"),
    primary: v("--color-primary", "#2450d3"),
    primarySoft: v("--color-primary-soft", "#eaf0ff"),
    danger: v("--color-danger", "#c23934"),
    warning: v("--color-warning", "#92600a"),
    offday: v("--tone-gray-bg", "#eef0f3"),
  };
}

const FONT = getFontFamily();
function getFontFamily(): string {
  if (typeof document === "undefined") return "sans-serif";
  return getComputedStyle(document.documentElement).getPropertyValue("--font-sans").trim() || "sans-serif";
}

function clipText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/**
 * Draws rows [from, to) of the chart at (0, top): grid columns, time header, bars, arrows. `scale` spans the whole
 * plan; the chart area is `chartWidth` px wide from x = GRID_WIDTH.
 */
function drawChart(ctx: CanvasRenderingContext2D, input: GanttExportInput, scale: GanttScale, from: number, to: number, top: number, colors: Palette) {
  const { layout, t, locale } = input;
  const chartWidth = ganttWidth(scale);
  const width = GRID_WIDTH + chartWidth;
  const bodyHeight = (to - from) * ROW;
  const xOf = (day: number) => GRID_WIDTH + ganttX(scale, day);
  ctx.save();
  ctx.translate(0, top);
  ctx.fillStyle = colors.surface;
  ctx.fillRect(0, 0, width, HEADER + bodyHeight);

  // Non-working days (when a day is at least 4 px wide) and the header.
  ctx.save();
  ctx.beginPath();
  ctx.rect(GRID_WIDTH, 0, chartWidth, HEADER + bodyHeight);
  ctx.clip();
  if (scale.pxPerDay >= 4) {
    ctx.fillStyle = colors.offday;
    for (let day = layout.from; day < layout.to; day++) if (!calendarIsWorkingDay(input.axis.calendar, day as CalendarDay)) ctx.fillRect(xOf(day), HEADER, scale.pxPerDay, bodyHeight);
  }
  const [topUnit, bottomUnit] = GANTT_TIERS[scale.zoom];
  ctx.font = `11px ${FONT}`;
  ctx.textBaseline = "middle";
  ctx.strokeStyle = colors.border;
  ctx.lineWidth = 1;
  for (const cell of ganttHeaderCells(topUnit, layout.from, layout.to)) {
    const x = xOf(cell.from);
    ctx.beginPath();
    ctx.moveTo(x + 0.5, 0);
    ctx.lineTo(x + 0.5, TIER);
    ctx.stroke();
    ctx.fillStyle = colors.text;
    const label = cell.unit === "month" ? ganttMonthYearLabel(cell.start, locale) : ganttHeaderLabel(cell.unit, cell.start, locale, t);
    ctx.fillText(clipText(ctx, label, Math.max(0, xOf(cell.to) - x - 8)), Math.max(x, GRID_WIDTH) + 4, TIER / 2);
  }
  ctx.textAlign = "center";
  for (const cell of ganttHeaderCells(bottomUnit, layout.from, layout.to)) {
    const x = xOf(cell.from);
    const w = xOf(cell.to) - x;
    ctx.strokeStyle = colors.border;
    ctx.beginPath();
    ctx.moveTo(x + 0.5, TIER);
    ctx.lineTo(x + 0.5, HEADER + bodyHeight);
    ctx.stroke();
    const label = ganttHeaderLabel(cell.unit, cell.start, locale, t);
    if (ctx.measureText(label).width < w - 2) {
      ctx.fillStyle = colors.muted;
      ctx.fillText(label, x + w / 2, TIER + TIER / 2);
    }
  }
  ctx.textAlign = "start";
  if (input.today >= layout.from && input.today <= layout.to) {
    ctx.strokeStyle = colors.danger;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(xOf(input.today), HEADER);
    ctx.lineTo(xOf(input.today), HEADER + bodyHeight);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // Arrows: every link whose rows overlap the page (an arrow crossing the page is drawn through it).
  const withBaseline = input.baseline !== null;
  const geometry = (row: number) => {
    const task = layout.rows[row] as TPlanTask;
    return ganttBarGeometry(task.kind, scale, layout.start[row] as number, layout.finish[row] as number, withBaseline);
  };
  const yOf = (row: number) => HEADER + (row - from) * ROW;
  ctx.save();
  ctx.beginPath();
  ctx.rect(GRID_WIDTH, HEADER, chartWidth, bodyHeight);
  ctx.clip();
  for (const link of layout.links) {
    if (Math.max(link.from, link.to) < from || Math.min(link.from, link.to) >= to) continue;
    const a = geometry(link.from);
    const b = geometry(link.to);
    if (Number.isNaN(a.x0) || Number.isNaN(b.x0)) continue;
    const ea = ganttEdges(a);
    const eb = ganttEdges(b);
    const hot = input.critical && (layout.rows[link.from] as TPlanTask).schedule.critical && (layout.rows[link.to] as TPlanTask).schedule.critical;
    const route = ganttArrowRoute(link.dependency.type, { x0: ea.x0 + GRID_WIDTH, x1: ea.x1 + GRID_WIDTH, y: yOf(link.from) + a.mid * (ROW / 28) }, { x0: eb.x0 + GRID_WIDTH, x1: eb.x1 + GRID_WIDTH, y: yOf(link.to) + b.mid * (ROW / 28) }, GANTT_ARROW_STUB, ROW);
    ctx.strokeStyle = hot ? colors.danger : colors.muted;
    ctx.beginPath();
    route.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.stroke();
    const [ex, ey] = route[route.length - 1] as [number, number];
    const [px] = route[route.length - 2] as [number, number];
    const dir = ex >= px ? 1 : -1;
    ctx.fillStyle = ctx.strokeStyle;
    ctx.beginPath();
    ctx.moveTo(ex, ey);
    ctx.lineTo(ex - dir * 6, ey - 3.5);
    ctx.lineTo(ex - dir * 6, ey + 3.5);
    ctx.fill();
  }

  // Bars.
  const k = ROW / 28;
  for (let row = from; row < to; row++) {
    const task = layout.rows[row] as TPlanTask;
    const g = geometry(row);
    if (Number.isNaN(g.x0)) continue;
    const y = yOf(row);
    const x0 = g.x0 + GRID_WIDTH;
    const x1 = g.x1 + GRID_WIDTH;
    const base = input.baseline?.get(task.id);
    if (base && !Number.isNaN(base.start)) {
      ctx.fillStyle = colors.muted;
      ctx.fillRect(xOf(base.start), y + g.baselineY * k, Math.max(2, xOf(base.finish) - xOf(base.start)), 3);
    }
    const hot = input.critical && task.schedule.critical && task.kind !== "summary";
    if (task.kind === "milestone") {
      const cy = y + g.mid * k;
      ctx.fillStyle = hot ? colors.danger : colors.text;
      ctx.beginPath();
      ctx.moveTo(x0, cy - 6);
      ctx.lineTo(x0 + 6, cy);
      ctx.lineTo(x0, cy + 6);
      ctx.lineTo(x0 - 6, cy);
      ctx.fill();
    } else if (task.kind === "summary") {
      const by = y + g.barY * k;
      ctx.fillStyle = colors.text;
      ctx.fillRect(x0, by, x1 - x0, 6);
      ctx.beginPath();
      ctx.moveTo(x0, by);
      ctx.lineTo(x0 + 5, by);
      ctx.lineTo(x0, by + 10);
      ctx.moveTo(x1, by);
      ctx.lineTo(x1 - 5, by);
      ctx.lineTo(x1, by + 10);
      ctx.fill();
    } else {
      const by = y + g.barY * k;
      const bh = g.barHeight * k;
      ctx.fillStyle = hot ? colors.danger : colors.primary;
      ctx.globalAlpha = 0.85;
      ctx.fillRect(x0, by, x1 - x0, bh);
      ctx.globalAlpha = 1;
      if (task.percentComplete > 0) {
        ctx.fillStyle = colors.text;
        ctx.fillRect(x0, by + bh / 2 - 2, ((x1 - x0) * Math.min(100, task.percentComplete)) / 100, 4);
      }
    }
    const floatDays = task.schedule.totalFloatDays;
    if ((floatDays !== null && floatDays < 0) || task.schedule.violations.length > 0) {
      ctx.strokeStyle = colors.danger;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(x0 - 1, y + g.barY * k - 1, Math.max(2, x1 - x0) + 2, g.barHeight * k + 2);
      ctx.lineWidth = 1;
    }
    ctx.fillStyle = colors.text;
    ctx.font = `10px ${FONT}`;
    ctx.fillText(clipText(ctx, task.name, 200), (task.kind === "milestone" ? x0 + 6 : x1) + 6, y + ROW / 2);
  }
  ctx.restore();
  ctx.restore();

  // The grid: header, then one line a row.
  ctx.fillStyle = colors.surfaceMuted;
  ctx.fillRect(0, 0, GRID_WIDTH, HEADER);
  ctx.font = `600 11px ${FONT}`;
  ctx.fillStyle = colors.muted;
  const columns: [string, number, number][] = [
    [t("gantt.columns.wbs"), 0, GRID.wbs],
    [t("gantt.columns.name"), GRID.wbs, GRID.name],
    [t("gantt.columns.start"), GRID.wbs + GRID.name, GRID.date],
    [t("gantt.columns.finish"), GRID.wbs + GRID.name + GRID.date, GRID.date],
  ];
  for (const [label, x] of columns) ctx.fillText(label, x + 6, HEADER - 12);
  for (let row = from; row < to; row++) {
    const task = layout.rows[row] as TPlanTask;
    const y = yOf(row) + ROW / 2;
    ctx.font = `${task.kind === "summary" ? "600 " : ""}11px ${FONT}`;
    ctx.fillStyle = colors.muted;
    ctx.fillText(clipText(ctx, task.wbsCode, GRID.wbs - 8), 6, y);
    ctx.fillStyle = colors.text;
    const indent = (task.outlineLevel - 1) * 10;
    ctx.fillText(clipText(ctx, task.name, GRID.name - 12 - indent), GRID.wbs + 6 + indent, y);
    ctx.font = `10px ${FONT}`;
    ctx.fillStyle = colors.muted;
    ctx.fillText(clipText(ctx, formatPlanDate(task.schedule.start, locale), GRID.date - 8), GRID.wbs + GRID.name + 4, y);
    ctx.fillText(clipText(ctx, formatPlanDate(task.schedule.finish, locale), GRID.date - 8), GRID.wbs + GRID.name + GRID.date + 4, y);
  }
  ctx.strokeStyle = colors.border;
  ctx.beginPath();
  for (let row = from; row <= to; row++) {
    ctx.moveTo(0, yOf(row) + 0.5);
    ctx.lineTo(width, yOf(row) + 0.5);
  }
  ctx.moveTo(0, TIER * 2 + 0.5);
  ctx.lineTo(width, TIER * 2 + 0.5);
  ctx.moveTo(GRID_WIDTH + 0.5, 0);
  ctx.lineTo(GRID_WIDTH + 0.5, HEADER + bodyHeight);
  ctx.stroke();
  ctx.restore();
}

function download(blob: Blob, file: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The PNG's time scale and rows: the screen's zoom, capped to the maximum size. */
export function ganttPngPlan(scale: GanttScale, rowCount: number): { scale: GanttScale; rows: number; width: number; height: number } {
  const maxChart = GANTT_PNG_MAX_WIDTH - GRID_WIDTH;
  const fitted = ganttWidth(scale) > maxChart ? ganttScale(ganttZoomFor(maxChart / scale.days), scale.origin, scale.days, maxChart / scale.days) : scale;
  const rows = Math.min(rowCount, Math.floor((GANTT_PNG_MAX_HEIGHT - HEADER) / ROW));
  return { scale: fitted, rows, width: Math.ceil(GRID_WIDTH + ganttWidth(fitted)), height: HEADER + rows * ROW };
}

export async function ganttExportPng(input: GanttExportInput, screenScale: GanttScale): Promise<{ file: string; cappedRows: number | null }> {
  const planned = ganttPngPlan(screenScale, input.layout.rows.length);
  const canvas = document.createElement("canvas");
  canvas.width = planned.width;
  canvas.height = planned.height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no canvas");
  drawChart(ctx, input, planned.scale, 0, planned.rows, 0, palette());
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("no image");
  const file = `${input.fileBase}.png`;
  download(blob, file);
  return { file, cappedRows: planned.rows < input.layout.rows.length ? planned.rows : null };
}

/** A3 landscape in points, the margins, and the rows that fit a page under the repeated header. */
export const GANTT_PDF_PAGE = { width: 1190.55, height: 841.89, margin: 28, footer: 18 };
export const ganttPdfRowsPerPage = () => Math.floor((GANTT_PDF_PAGE.height - GANTT_PDF_PAGE.margin * 2 - GANTT_PDF_PAGE.footer - HEADER) / ROW);

export async function ganttExportPdf(input: GanttExportInput): Promise<{ file: string; cappedRows: null }> {
  const { jsPDF } = await import("jspdf");
  const page = GANTT_PDF_PAGE;
  const contentWidth = page.width - page.margin * 2;
  const days = input.layout.to - input.layout.from;
  const ppd = (contentWidth - GRID_WIDTH) / days;
  const scale = ganttScale(ganttZoomFor(ppd), input.layout.from, days, ppd);
  const pages = ganttPages(input.layout.rows.length, ganttPdfRowsPerPage());
  const pdf = new jsPDF({ orientation: "landscape", unit: "pt", format: "a3", compress: true });
  const colors = palette();
  // 2× keeps small print sharp; a plan of hundreds of pages is drawn at 1.5× to keep the file and the memory in bounds.
  const density = pages.length > 40 ? 1.5 : 2;
  const canvas = document.createElement("canvas");
  const chartHeight = HEADER + ganttPdfRowsPerPage() * ROW;
  const height = chartHeight + page.footer;
  canvas.width = Math.ceil(contentWidth * density);
  canvas.height = Math.ceil(height * density);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no canvas");
  for (let p = 0; p < pages.length; p++) {
    const { from, to } = pages[p] as { from: number; to: number };
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = colors.surface;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(density, 0, 0, density, 0, 0);
    drawChart(ctx, input, scale, from, to, 0, colors);
    // The footer is drawn on the canvas too: jsPDF's built-in fonts have no Chinese.
    ctx.font = `10px ${FONT}`;
    ctx.fillStyle = colors.muted;
    ctx.textBaseline = "middle";
    ctx.textAlign = "start";
    ctx.fillText(input.projectName, 0, chartHeight + page.footer / 2 + 2);
    ctx.textAlign = "end";
    ctx.fillText(input.t("gantt.export.page", { page: p + 1, pages: pages.length }), contentWidth, chartHeight + page.footer / 2 + 2);
    ctx.textAlign = "start";
    if (p > 0) pdf.addPage("a3", "landscape");
    pdf.addImage(canvas.toDataURL("image/jpeg", 0.85), "JPEG", page.margin, page.margin, contentWidth, height, undefined, "FAST");
    // Let the page breathe between pages of a long plan.
    if (p % 10 === 9) await new Promise((resolve) => window.setTimeout(resolve, 0));
  }
  const file = `${input.fileBase}.pdf`;
  download(pdf.output("blob"), file);
  return { file, cappedRows: null };
}
