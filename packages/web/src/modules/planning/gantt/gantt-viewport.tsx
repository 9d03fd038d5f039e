/**
 * The chart on screen: the task grid on the left and the time chart on the right, scrolling together vertically,
 * and the resource histogram under the chart on the same time axis. Virtualised: the chart's scroll area is a
 * spacer the size of the whole chart with a viewport-sized SVG kept in place (`position: sticky`); each scroll frame
 * draws only the rows, bars, arrows and header cells in view, at their absolute chart coordinates inside one
 * translated group (so React only adds and removes what enters and leaves). Drags reschedule in the browser's
 * planner (`gantt-preview.ts`) and are saved on drop.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TPlanTask, TPlanResourceLoad } from "@jiaofu/contracts";
import { type CalendarDay, type CalendarDayAxis, calendarIsWorkingDay } from "@jiaofu/engine";
import { formatDayCount, formatPlanDate } from "../plan-format";
import { type GanttDayMap, type GanttLayout, ganttArrowRoute, ganttBarVisible, ganttPath, ganttTaskSpan, ganttVisibleLinks, ganttWindow } from "./gantt-layout";
import {
  GANTT_ARROW_STUB,
  GANTT_HANDLE_GAP,
  GANTT_HEADER_HEIGHT,
  GANTT_LABEL_PX,
  GANTT_ROW_HEIGHT,
  GANTT_TIER_HEIGHT,
  type GanttBarGeometry,
  ganttBarGeometry,
  ganttDiamond,
  ganttEdges,
} from "./gantt-geometry";
import { type GanttPreview, ganttPreviewLink, ganttPreviewMove, ganttPreviewResize, ganttPreviewSpan, ganttShiftIso } from "./gantt-preview";
import { GANTT_HISTOGRAM_UNIT, GANTT_TIERS, type GanttScale, ganttDayAt, ganttDayOfIso, ganttHeaderCells, ganttIsoOfDay, ganttUnitNext, ganttUnitStart, ganttWidth, ganttX } from "./gantt-scale";
import { ganttHeaderLabel, ganttMonthYearLabel } from "./gantt-labels";

const ROW = GANTT_ROW_HEIGHT;
const HISTOGRAM_HEIGHT = 132;

export type GanttBaselineSpans = ReadonlyMap<string, { start: number; finish: number }>;
type LoadEntry = TPlanResourceLoad["resources"][number];

export type GanttViewportProps = {
  projectName: string;
  layout: GanttLayout;
  scale: GanttScale;
  axis: CalendarDayAxis;
  dayMap: GanttDayMap;
  critical: boolean;
  baseline: GanttBaselineSpans | null;
  histogram: { resource: LoadEntry | null; message: string | null } | null;
  collapsed: ReadonlySet<string>;
  onToggle: (taskId: string) => void;
  selectedId: string | null;
  onSelect: (taskId: string) => void;
  onOpen: (taskId: string) => void;
  canEdit: boolean;
  narrow: boolean;
  today: number;
  /** A planner for the drag preview, loaded with the plan as it is now. */
  takePreview: () => GanttPreview | null;
  onZoom: (direction: -1 | 1) => void;
  /** Saves a drop; resolves once the answer is merged (or the write failed), when the preview is let go. */
  commit: (drop: GanttDrop) => Promise<void>;
  onRefused: (reason: "cycle" | "invalid" | "finish") => void;
  /** Scrolls to a calendar day when it changes (the Today button). */
  scrollToDay: { day: number; at: number } | null;
  /** The board column a task shows in (modules/board), or null (summaries, milestones, no workflow yet). */
  statusOf: (task: TPlanTask) => string | null;
};

export type GanttDrop =
  | { kind: "move"; task: TPlanTask; startIso: string }
  | { kind: "resize"; task: TPlanTask; finishIso: string }
  | { kind: "link"; task: TPlanTask; successorId: string };

type Drag = {
  kind: "move" | "resize" | "link";
  task: TPlanTask;
  row: number;
  clientX: number;
  delta: number;
  preview: GanttPreview | null;
  /** Chart coordinates of the pointer (link drags draw a line to it). */
  pointer: { x: number; y: number };
  target: string | null;
  refused: "cycle" | "invalid" | "finish" | null;
  /** Dropped and being saved: the preview stays on screen until the answer is merged. */
  saving: boolean;
};

type View = { scrollTop: number; scrollLeft: number; width: number; height: number };

export function GanttViewport(props: GanttViewportProps) {
  const { layout, scale, critical, baseline, canEdit, narrow } = props;
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const ids = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const gridRows = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ scrollTop: 0, scrollLeft: 0, width: 800, height: 400 });
  const frame = useRef(0);
  const drag = useRef<Drag | null>(null);
  const [, setDragTick] = useState(0);
  const redraw = useCallback(() => setDragTick((n) => n + 1), []);

  const readView = useCallback(() => {
    frame.current = 0;
    const el = scroller.current;
    if (!el) return;
    setView((old) =>
      old.scrollTop === el.scrollTop && old.scrollLeft === el.scrollLeft && old.width === el.clientWidth && old.height === el.clientHeight
        ? old
        : { scrollTop: el.scrollTop, scrollLeft: el.scrollLeft, width: el.clientWidth, height: el.clientHeight },
    );
  }, []);
  const onScroll = useCallback(() => {
    if (frame.current === 0) frame.current = requestAnimationFrame(readView);
  }, [readView]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    readView();
    const observer = new ResizeObserver(() => readView());
    observer.observe(el);
    return () => {
      observer.disconnect();
      if (frame.current !== 0) cancelAnimationFrame(frame.current);
    };
  }, [readView]);

  // First render with data: the benchmark reads this mark.
  useEffect(() => {
    const id = requestAnimationFrame(() => performance.mark("gantt:first-render"));
    return () => cancelAnimationFrame(id);
  }, []);

  // Zoom keeps a day in place: the one under the pointer (Ctrl+wheel) or at the viewport's centre.
  const zoomAnchor = useRef<{ day: number; offset: number } | null>(null);
  const lastScale = useRef(scale);
  useLayoutEffect(() => {
    const el = scroller.current;
    const previous = lastScale.current;
    lastScale.current = scale;
    if (!el || (previous.pxPerDay === scale.pxPerDay && previous.origin === scale.origin)) return;
    const anchor = zoomAnchor.current ?? { day: ganttDayAt(previous, el.scrollLeft + el.clientWidth / 2), offset: el.clientWidth / 2 };
    zoomAnchor.current = null;
    el.scrollLeft = Math.max(0, ganttX(scale, anchor.day) - anchor.offset);
    readView();
  }, [scale, readView]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !props.scrollToDay) return;
    el.scrollLeft = Math.max(0, ganttX(scale, props.scrollToDay.day) - el.clientWidth / 3);
    // Only when asked (a new request object), not on every scale change.
  }, [props.scrollToDay]);

  // Ctrl+wheel zooms (a non-passive listener, to keep the browser from zooming the page); wheel over the grid scrolls the chart.
  const onZoom = props.onZoom;
  useEffect(() => {
    const el = scroller.current;
    const grid = gridRows.current;
    if (!el) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const offset = event.clientX - el.getBoundingClientRect().left;
      zoomAnchor.current = { day: ganttDayAt(lastScale.current, el.scrollLeft + offset), offset };
      onZoom(event.deltaY > 0 ? 1 : -1);
    };
    const onGridWheel = (event: WheelEvent) => {
      if (event.ctrlKey) return;
      el.scrollTop += event.deltaY;
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    grid?.addEventListener("wheel", onGridWheel, { passive: true });
    return () => {
      el.removeEventListener("wheel", onWheel);
      grid?.removeEventListener("wheel", onGridWheel);
    };
  }, [onZoom]);

  const rows = layout.rows;
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const win = ganttWindow(view, ROW, rows.length);
  const chartWidth = ganttWidth(scale);
  const bodyHeight = rows.length * ROW;
  const active = drag.current;
  const preview = active?.preview ?? null;

  /** A row's span: from the drag preview while one is shown, else from the plan. */
  const spanOf = (row: number): { start: number; finish: number; critical: boolean; violated: boolean } => {
    const task = rows[row] as TPlanTask;
    if (preview) {
      const span = ganttPreviewSpan(preview, task.id);
      if (span) {
        const at = ganttTaskSpan(props.dayMap, { kind: task.kind, schedule: { startDay: span.startDay, finishDay: span.finishDay } });
        return { ...at, critical: span.critical, violated: span.floatDays < 0 };
      }
    }
    const floatDays = task.schedule.totalFloatDays;
    return { start: layout.start[row] as number, finish: layout.finish[row] as number, critical: task.schedule.critical, violated: (floatDays !== null && floatDays < 0) || task.schedule.violations.length > 0 };
  };
  const geometryCache = new Map<number, GanttBarGeometry & { critical: boolean; violated: boolean }>();
  const geometryOf = (row: number) => {
    let g = geometryCache.get(row);
    if (!g) {
      const span = spanOf(row);
      const task = rows[row] as TPlanTask;
      g = { ...ganttBarGeometry(task.kind, scale, span.start, span.finish, baseline !== null), critical: span.critical, violated: span.violated };
      geometryCache.set(row, g);
    }
    return g;
  };

  // ---- dragging ----------------------------------------------------------------------------------------------------
  const commit = props.commit;
  const onRefused = props.onRefused;
  const endDrag = useCallback(
    (drop: boolean) => {
      const d = drag.current;
      if (!d || d.saving) return;
      let write: GanttDrop | null = null;
      if (drop) {
        if (d.kind === "move" && d.delta !== 0) write = { kind: "move", task: d.task, startIso: ganttShiftIso(d.task.schedule.start as string, d.delta) };
        else if (d.kind === "resize" && d.delta !== 0) {
          if (d.refused) onRefused(d.refused);
          else write = { kind: "resize", task: d.task, finishIso: ganttShiftIso(d.task.schedule.finish as string, d.delta) };
        } else if (d.kind === "link" && d.target) {
          if (d.refused) onRefused(d.refused);
          else write = { kind: "link", task: d.task, successorId: d.target };
        }
      }
      if (!write) {
        drag.current = null;
        redraw();
        return;
      }
      d.saving = true;
      redraw();
      void commit(write).finally(() => {
        if (drag.current === d) drag.current = null;
        redraw();
      });
    },
    [commit, onRefused, redraw],
  );

  useEffect(() => {
    const toChart = (clientX: number, clientY: number) => {
      const rect = scroller.current?.getBoundingClientRect();
      const el = scroller.current;
      if (!rect || !el) return { x: 0, y: 0 };
      return { x: clientX - rect.left + el.scrollLeft, y: clientY - rect.top + el.scrollTop - GANTT_HEADER_HEIGHT };
    };
    const onMove = (event: PointerEvent) => {
      const d = drag.current;
      if (!d || d.saving) return;
      d.pointer = toChart(event.clientX, event.clientY);
      if (d.kind === "link") {
        // The row under the pointer (not the bar: the preview moves the bar away from under it).
        const rect = scroller.current?.getBoundingClientRect();
        const inside = rect !== undefined && event.clientY >= rect.top + GANTT_HEADER_HEIGHT && event.clientY <= rect.bottom && event.clientX >= rect.left && event.clientX <= rect.right;
        const over = inside ? rowsRef.current[Math.floor(d.pointer.y / ROW)] : undefined;
        const next = over === undefined || over.id === d.task.id ? null : over.id;
        if (next !== d.target) {
          d.target = next;
          const outcome = d.preview ? ganttPreviewLink(d.preview, d.task.id, next) : "ok";
          d.refused = outcome === "ok" ? null : outcome;
        }
        redraw();
        return;
      }
      const delta = Math.round((event.clientX - d.clientX) / scale.pxPerDay);
      if (delta === d.delta) return;
      d.delta = delta;
      if (d.preview) {
        if (d.kind === "move") ganttPreviewMove(d.preview, d.task, ganttShiftIso(d.task.schedule.start as string, delta), props.axis);
        else d.refused = ganttPreviewResize(d.preview, d.task.id, ganttShiftIso(d.task.schedule.finish as string, delta), props.axis) ? null : "finish";
      }
      redraw();
    };
    const onUp = () => endDrag(true);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && drag.current && !drag.current.saving) {
        event.preventDefault();
        endDrag(false);
      }
    };
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      window.removeEventListener("keydown", onKey);
    };
  }, [endDrag, redraw, scale.pxPerDay, props.axis]);

  function startDrag(event: ReactPointerEvent, kind: Drag["kind"], row: number) {
    const task = rows[row] as TPlanTask;
    props.onSelect(task.id);
    if (!canEdit || event.button !== 0 || drag.current?.saving) return;
    if (kind !== "link" && task.schedule.start === null) return;
    event.preventDefault();
    event.stopPropagation();
    const rect = scroller.current?.getBoundingClientRect();
    drag.current = {
      kind,
      task,
      row,
      clientX: event.clientX,
      delta: 0,
      preview: props.takePreview(),
      pointer: { x: event.clientX - (rect?.left ?? 0) + view.scrollLeft, y: event.clientY - (rect?.top ?? 0) + view.scrollTop - GANTT_HEADER_HEIGHT },
      target: null,
      refused: null,
      saving: false,
    };
    redraw();
  }

  // ---- the grid's keyboard -------------------------------------------------------------------------------------------
  const focusRow = useRef<string | null>(null);
  function onGridKey(event: ReactKeyboardEvent<HTMLDivElement>, row: number) {
    const task = rows[row] as TPlanTask;
    let next: number;
    if (event.key === "ArrowDown") next = Math.min(rows.length - 1, row + 1);
    else if (event.key === "ArrowUp") next = Math.max(0, row - 1);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = rows.length - 1;
    else if (event.key === "PageDown") next = Math.min(rows.length - 1, row + Math.max(1, Math.floor((view.height - GANTT_HEADER_HEIGHT) / ROW) - 1));
    else if (event.key === "PageUp") next = Math.max(0, row - Math.max(1, Math.floor((view.height - GANTT_HEADER_HEIGHT) / ROW) - 1));
    else if ((event.key === "ArrowRight" && task.kind === "summary" && props.collapsed.has(task.id)) || (event.key === "ArrowLeft" && task.kind === "summary" && !props.collapsed.has(task.id))) {
      event.preventDefault();
      props.onToggle(task.id);
      return;
    } else if (event.key === "Enter") {
      event.preventDefault();
      props.onOpen(task.id);
      return;
    } else return;
    event.preventDefault();
    const el = scroller.current;
    if (el) {
      const top = next * ROW;
      const visible = el.clientHeight - GANTT_HEADER_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW > el.scrollTop + visible) el.scrollTop = top + ROW - visible;
    }
    focusRow.current = (rows[next] as TPlanTask).id;
    props.onSelect((rows[next] as TPlanTask).id);
  }
  useEffect(() => {
    if (!focusRow.current) return;
    const el = gridRows.current?.querySelector<HTMLElement>(`[data-row-id="${focusRow.current}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      focusRow.current = null;
    }
  });

  // ---- header, shading ---------------------------------------------------------------------------------------------
  const dayFrom = Math.floor(ganttDayAt(scale, view.scrollLeft)) - 1;
  const dayTo = Math.ceil(ganttDayAt(scale, view.scrollLeft + view.width)) + 1;
  const [topUnit, bottomUnit] = GANTT_TIERS[scale.zoom];
  const topCells = useMemo(() => ganttHeaderCells(topUnit, dayFrom, dayTo), [topUnit, dayFrom, dayTo]);
  const bottomCells = useMemo(() => ganttHeaderCells(bottomUnit, dayFrom, dayTo), [bottomUnit, dayFrom, dayTo]);
  const shadeDays = scale.zoom === "day" || scale.zoom === "week";
  const offDays = useMemo(() => {
    if (!shadeDays) return [];
    const out: number[] = [];
    for (let day = dayFrom; day < dayTo; day++) if (!calendarIsWorkingDay(props.axis.calendar, day as CalendarDay)) out.push(day);
    return out;
  }, [shadeDays, dayFrom, dayTo, props.axis.calendar]);

  const visibleRows: number[] = [];
  for (let r = win.firstRow; r < win.lastRow; r++) visibleRows.push(r);
  const links = ganttVisibleLinks(layout.links, win, (row, edge) => {
    const e = ganttEdges(geometryOf(row));
    return edge === "start" ? e.x0 : e.x1;
  });

  const selectedRow = props.selectedId === null ? undefined : layout.rowOf.get(props.selectedId);
  const bodyTop = view.scrollTop;
  const bodyBottom = view.scrollTop + view.height;
  const markerId = `${ids}-arrow`;
  const criticalMarkerId = `${ids}-arrow-critical`;

  const chartLabel = t("gantt.chartLabel", {
    project: props.projectName,
    count: rows.length,
    start: formatPlanDate(ganttIsoOfDay(layout.from + 7), locale),
    finish: formatPlanDate(ganttIsoOfDay(layout.to - 28), locale),
  });

  return (
    <div className={["gantt-frame", narrow ? "narrow" : "", props.histogram ? "with-histogram" : ""].filter(Boolean).join(" ")}>
      <div className="gantt-main">
        <div className="gantt-grid" role="treegrid" aria-label={t("gantt.gridLabel")} aria-rowcount={rows.length + 1} data-testid="gantt-grid">
          <div className="gantt-grid-header" role="row" aria-rowindex={1} style={{ height: GANTT_HEADER_HEIGHT }}>
            {narrow ? null : (
              <span role="columnheader" className="gantt-col-wbs">
                {t("gantt.columns.wbs")}
              </span>
            )}
            <span role="columnheader" className="gantt-col-name">
              {t("gantt.columns.name")}
            </span>
            {narrow ? null : (
              <>
                <span role="columnheader" className="gantt-col-date">
                  {t("gantt.columns.start")}
                </span>
                <span role="columnheader" className="gantt-col-date">
                  {t("gantt.columns.finish")}
                </span>
              </>
            )}
          </div>
          <div className="gantt-grid-rows" ref={gridRows}>
            <div style={{ height: bodyHeight, transform: `translateY(${-view.scrollTop}px)`, position: "relative" }}>
              {visibleRows.map((r) => {
                const task = rows[r] as TPlanTask;
                const selected = r === selectedRow;
                const isSummary = task.kind === "summary";
                const expanded = !props.collapsed.has(task.id);
                const focusable = selected || (selectedRow === undefined && r === win.firstRow);
                return (
                  <div
                    key={task.id}
                    role="row"
                    aria-rowindex={r + 2}
                    aria-level={task.outlineLevel}
                    aria-expanded={isSummary ? expanded : undefined}
                    aria-selected={selected}
                    tabIndex={focusable ? 0 : -1}
                    className={selected ? "gantt-grid-row selected" : "gantt-grid-row"}
                    style={{ top: r * ROW, height: ROW }}
                    data-row-id={task.id}
                    data-testid="gantt-row"
                    data-wbs={task.wbsCode}
                    onClick={() => props.onSelect(task.id)}
                    onDoubleClick={() => props.onOpen(task.id)}
                    onKeyDown={(event) => onGridKey(event, r)}
                  >
                    {narrow ? null : (
                      <span role="gridcell" className="gantt-col-wbs">
                        {task.wbsCode}
                      </span>
                    )}
                    <span role="gridcell" className={isSummary ? "gantt-col-name summary" : "gantt-col-name"} style={{ paddingInlineStart: 6 + (task.outlineLevel - 1) * 14 }}>
                      {isSummary ? (
                        <button
                          type="button"
                          tabIndex={-1}
                          className="plan-toggle"
                          aria-label={expanded ? t("gantt.collapse", { name: task.name }) : t("gantt.expand", { name: task.name })}
                          onClick={(event) => {
                            event.stopPropagation();
                            props.onToggle(task.id);
                          }}
                          data-testid="gantt-toggle"
                        >
                          {expanded ? "▾" : "▸"}
                        </button>
                      ) : (
                        <span className="plan-toggle-space" />
                      )}
                      <span className="gantt-name-text" title={props.statusOf(task) ? `${task.name} · ${props.statusOf(task) ?? ""}` : task.name}>
                        {task.name}
                      </span>
                      {props.statusOf(task) ? (
                        <span className="gantt-status" data-testid="gantt-status">
                          {props.statusOf(task)}
                        </span>
                      ) : null}
                    </span>
                    {narrow ? null : (
                      <>
                        <span role="gridcell" className="gantt-col-date" data-testid="gantt-cell-start">
                          {formatPlanDate(task.schedule.start, locale)}
                        </span>
                        <span role="gridcell" className="gantt-col-date" data-testid="gantt-cell-finish">
                          {formatPlanDate(task.schedule.finish, locale)}
                        </span>
                      </>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </div>

        <div className="gantt-chart-scroll" ref={scroller} onScroll={onScroll} data-testid="gantt-chart-scroll">
          <div style={{ width: chartWidth, height: bodyHeight + GANTT_HEADER_HEIGHT, position: "relative" }}>
            <div className="gantt-sticky" style={{ width: view.width, height: view.height }}>
              <svg
                width={view.width}
                height={view.height}
                role="img"
                aria-label={chartLabel}
                className={active && !active.saving ? `gantt-svg dragging-${active.kind}` : "gantt-svg"}
                data-testid="gantt-chart"
                data-zoom={scale.zoom}
              >
                <defs>
                  <marker id={markerId} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead" />
                  </marker>
                  <marker id={criticalMarkerId} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead critical" />
                  </marker>
                </defs>
                <g transform={`translate(${-view.scrollLeft} ${GANTT_HEADER_HEIGHT - view.scrollTop})`}>
                  {offDays.map((day) => (
                    <rect key={day} className="gantt-offday" x={ganttX(scale, day)} y={bodyTop} width={scale.pxPerDay} height={view.height} />
                  ))}
                  {bottomCells.map((cell) => (
                    <line key={cell.from} className="gantt-gridline" x1={ganttX(scale, cell.from)} x2={ganttX(scale, cell.from)} y1={bodyTop} y2={bodyBottom} />
                  ))}
                  {selectedRow !== undefined && selectedRow >= win.firstRow && selectedRow < win.lastRow ? (
                    <rect className="gantt-selected-row" x={view.scrollLeft} y={selectedRow * ROW} width={view.width} height={ROW} />
                  ) : null}
                  {visibleRows.map((r) => (
                    <rect
                      key={(rows[r] as TPlanTask).id}
                      className="gantt-row-hit"
                      x={view.scrollLeft}
                      y={r * ROW}
                      width={view.width}
                      height={ROW}
                      data-gantt-row={(rows[r] as TPlanTask).id}
                      onPointerDown={() => props.onSelect((rows[r] as TPlanTask).id)}
                    />
                  ))}
                  {props.today >= layout.from && props.today <= layout.to ? (
                    <line className="gantt-today" x1={ganttX(scale, props.today)} x2={ganttX(scale, props.today)} y1={bodyTop} y2={bodyBottom} data-testid="gantt-today" />
                  ) : null}

                  {links.map((link) => {
                    const from = geometryOf(link.from);
                    const to = geometryOf(link.to);
                    const a = ganttEdges(from);
                    const b = ganttEdges(to);
                    const route = ganttArrowRoute(link.dependency.type, { ...a, y: link.from * ROW + from.mid }, { ...b, y: link.to * ROW + to.mid }, GANTT_ARROW_STUB, ROW);
                    const hot = critical && from.critical && to.critical && (rows[link.from] as TPlanTask).kind !== "summary";
                    return (
                      <path
                        key={link.dependency.id}
                        d={ganttPath(route)}
                        className={hot ? "gantt-arrow critical" : "gantt-arrow"}
                        markerEnd={`url(#${hot ? criticalMarkerId : markerId})`}
                        data-testid="gantt-arrow"
                        data-type={link.dependency.type}
                        data-from-wbs={(rows[link.from] as TPlanTask).wbsCode}
                        data-to-wbs={(rows[link.to] as TPlanTask).wbsCode}
                      />
                    );
                  })}

                  {visibleRows.map((r) => {
                    const task = rows[r] as TPlanTask;
                    const g = geometryOf(r);
                    if (Number.isNaN(g.x0) || !ganttBarVisible(win, g.x0 - 8, g.x1 + GANTT_HANDLE_GAP + 6, GANTT_LABEL_PX)) return null;
                    const y = r * ROW;
                    const base = baseline?.get(task.id);
                    const isCritical = critical && g.critical && task.kind !== "summary";
                    const barClass = ["gantt-bar", task.kind, isCritical ? "critical" : "", g.violated ? "violated" : "", task.schedulingMode === "manual" ? "manual" : ""].filter(Boolean).join(" ");
                    const handleX = task.kind === "milestone" ? g.x0 + 6 + GANTT_HANDLE_GAP : g.x1 + GANTT_HANDLE_GAP;
                    return (
                      <g
                        key={task.id}
                        className={barClass}
                        data-testid="gantt-bar"
                        data-wbs={task.wbsCode}
                        data-task-id={task.id}
                        data-critical={isCritical ? "true" : "false"}
                        data-violated={g.violated ? "true" : "false"}
                        data-gantt-row={task.id}
                      >
                        <title>
                          {t("gantt.barTitle", { wbs: task.wbsCode, name: task.name, start: formatPlanDate(task.schedule.start, locale), finish: formatPlanDate(task.schedule.finish, locale) })}
                          {g.violated ? ` · ${t("gantt.violation", { days: formatDayCount(task.schedule.totalFloatDays, locale) })}` : ""}
                        </title>
                        {base && !Number.isNaN(base.start) ? (
                          <rect
                            className="gantt-baseline"
                            x={ganttX(scale, base.start)}
                            y={y + g.baselineY}
                            width={Math.max(2, ganttX(scale, base.finish) - ganttX(scale, base.start))}
                            height={4}
                            data-testid="gantt-baseline-bar"
                          />
                        ) : null}
                        {task.kind === "milestone" ? (
                          <polygon className="gantt-milestone" points={ganttDiamond(g.x0, y + g.mid)} onPointerDown={(event) => startDrag(event, "move", r)} data-testid="gantt-bar-body" />
                        ) : task.kind === "summary" ? (
                          <g onPointerDown={(event) => startDrag(event, "move", r)} data-testid="gantt-bar-body">
                            <rect className="gantt-summary-bar" x={g.x0} y={y + g.barY} width={g.x1 - g.x0} height={g.barHeight} />
                            <polygon className="gantt-summary-bar" points={`${g.x0},${y + g.barY} ${g.x0 + 6},${y + g.barY} ${g.x0},${y + g.barY + g.barHeight + 5}`} />
                            <polygon className="gantt-summary-bar" points={`${g.x1},${y + g.barY} ${g.x1 - 6},${y + g.barY} ${g.x1},${y + g.barY + g.barHeight + 5}`} />
                          </g>
                        ) : (
                          <>
                            <rect className="gantt-task-bar" x={g.x0} y={y + g.barY} width={g.x1 - g.x0} height={g.barHeight} rx={3} onPointerDown={(event) => startDrag(event, "move", r)} data-testid="gantt-bar-body" />
                            {task.percentComplete > 0 ? (
                              <rect className="gantt-progress" x={g.x0} y={y + g.barY + g.barHeight / 2 - 2.5} width={((g.x1 - g.x0) * Math.min(100, task.percentComplete)) / 100} height={5} pointerEvents="none" />
                            ) : null}
                            {canEdit ? (
                              <rect className="gantt-resize-handle" x={g.x1 - 4} y={y + g.barY} width={8} height={g.barHeight} onPointerDown={(event) => startDrag(event, "resize", r)} data-testid="gantt-resize-handle" />
                            ) : null}
                          </>
                        )}
                        {g.violated ? <polygon className="gantt-violation-mark" points={`${g.x1 + 2},${y + 2} ${g.x1 + 10},${y + 2} ${g.x1 + 6},${y + 9}`} data-testid="gantt-violation" /> : null}
                        {canEdit ? <circle className="gantt-link-handle" cx={handleX} cy={y + g.mid} r={4.5} onPointerDown={(event) => startDrag(event, "link", r)} data-testid="gantt-link-handle" /> : null}
                        <text className="gantt-bar-label" x={handleX + 9} y={y + g.mid + 4}>
                          {task.name}
                        </text>
                      </g>
                    );
                  })}

                  {active && active.kind === "link" && !active.saving ? (
                    <line
                      className={active.refused ? "gantt-link-line refused" : "gantt-link-line"}
                      x1={(active.task.kind === "milestone" ? geometryOf(active.row).x0 + 6 : geometryOf(active.row).x1) + GANTT_HANDLE_GAP}
                      y1={active.row * ROW + geometryOf(active.row).mid}
                      x2={active.pointer.x}
                      y2={active.pointer.y}
                    />
                  ) : null}
                </g>

                <g className="gantt-header" transform={`translate(${-view.scrollLeft} 0)`}>
                  <rect className="gantt-header-bg" x={view.scrollLeft} y={0} width={view.width} height={GANTT_HEADER_HEIGHT} />
                  {topCells.map((cell) => (
                    <g key={`t${cell.from}`}>
                      <line className="gantt-header-line" x1={ganttX(scale, cell.from)} x2={ganttX(scale, cell.from)} y1={0} y2={GANTT_TIER_HEIGHT} />
                      {/* The label stays in view while its cell does, and slides out with the cell's end. */}
                      <text className="gantt-header-text" x={Math.min(Math.max(ganttX(scale, cell.from), view.scrollLeft), ganttX(scale, cell.to) - 96) + 6} y={16}>
                        {cell.unit === "month" ? ganttMonthYearLabel(cell.start, locale) : ganttHeaderLabel(cell.unit, cell.start, locale, t)}
                      </text>
                    </g>
                  ))}
                  <line className="gantt-header-line" x1={view.scrollLeft} x2={view.scrollLeft + view.width} y1={GANTT_TIER_HEIGHT} y2={GANTT_TIER_HEIGHT} />
                  {bottomCells.map((cell) => {
                    const x = ganttX(scale, cell.from);
                    const w = ganttX(scale, cell.to) - x;
                    const off = cell.unit === "day" && !calendarIsWorkingDay(props.axis.calendar, cell.from as CalendarDay);
                    return (
                      <g key={`b${cell.from}`}>
                        {off ? <rect className="gantt-offday header" x={x} y={GANTT_TIER_HEIGHT} width={w} height={GANTT_TIER_HEIGHT} /> : null}
                        <line className="gantt-header-line" x1={x} x2={x} y1={GANTT_TIER_HEIGHT} y2={GANTT_HEADER_HEIGHT} />
                        <text className="gantt-header-text small" x={x + w / 2} y={GANTT_TIER_HEIGHT + 16} textAnchor="middle">
                          {ganttHeaderLabel(cell.unit, cell.start, locale, t)}
                        </text>
                      </g>
                    );
                  })}
                  <line className="gantt-header-line strong" x1={view.scrollLeft} x2={view.scrollLeft + view.width} y1={GANTT_HEADER_HEIGHT - 0.5} y2={GANTT_HEADER_HEIGHT - 0.5} />
                </g>
              </svg>
            </div>
          </div>
        </div>
      </div>
      {props.histogram ? <GanttHistogram scale={scale} view={view} data={props.histogram} narrow={narrow} /> : null}
    </div>
  );
}

/** Peak units per period (day, week or month by zoom) against capacity, on the chart's time axis. */
function GanttHistogram({ scale, view, data, narrow }: { scale: GanttScale; view: View; data: NonNullable<GanttViewportProps["histogram"]>; narrow: boolean }) {
  const { t } = useTranslation();
  const resource = data.resource;
  const byDay = useMemo(() => {
    const map = new Map<number, { units: number; capacity: number }>();
    for (const d of resource?.days ?? []) map.set(ganttDayOfIso(d.date), { units: d.units, capacity: d.capacity });
    return map;
  }, [resource]);
  const unit = GANTT_HISTOGRAM_UNIT[scale.zoom];
  const dayFrom = Math.floor(ganttDayAt(scale, view.scrollLeft)) - 1;
  const dayTo = Math.ceil(ganttDayAt(scale, view.scrollLeft + view.width)) + 1;
  const periods: { from: number; to: number; peak: number; over: boolean }[] = [];
  let top = Math.max(1, resource?.maxUnits ?? 1);
  for (let start = ganttUnitStart(unit, dayFrom); start < dayTo; ) {
    const next = ganttUnitNext(unit, start);
    let peak = 0;
    let over = false;
    for (let day = start; day < next; day++) {
      const load = byDay.get(day);
      if (!load) continue;
      if (load.units > peak) peak = load.units;
      if (load.units > load.capacity + 1e-9) over = true;
    }
    if (peak > top) top = peak;
    periods.push({ from: start, to: next, peak, over });
    start = next;
  }
  const height = HISTOGRAM_HEIGHT - 20;
  const yOf = (units: number) => 8 + height - (units / (top * 1.1)) * height;
  const capacity = resource?.maxUnits ?? 0;
  return (
    <div className="gantt-histogram" data-testid="gantt-histogram">
      <div className={narrow ? "gantt-histogram-side narrow" : "gantt-histogram-side"}>
        <strong>{t("gantt.histogram.label")}</strong>
        {resource ? (
          <span className="subtle">
            {resource.name} · {t("gantt.histogram.capacity")} {capacity}
          </span>
        ) : null}
        {resource ? (
          <span className="gantt-legend">
            <span className="gantt-legend-swatch over" /> {t("gantt.histogram.overAllocated")}
          </span>
        ) : null}
      </div>
      {resource ? (
        <svg width={view.width} height={HISTOGRAM_HEIGHT} role="img" aria-label={t("gantt.histogram.chartLabel", { name: resource.name })} className="gantt-histogram-svg">
          <g transform={`translate(${-view.scrollLeft} 0)`}>
            {periods.map((p) => {
              if (p.peak <= 0) return null;
              const x = ganttX(scale, p.from) + 1;
              const w = Math.max(1, ganttX(scale, p.to) - ganttX(scale, p.from) - 2);
              const within = Math.min(p.peak, capacity);
              return (
                <g key={p.from} data-testid="gantt-histogram-bar" data-over={p.over ? "true" : "false"}>
                  <rect className="gantt-load" x={x} y={yOf(within)} width={w} height={yOf(0) - yOf(within)} />
                  {p.peak > capacity ? <rect className="gantt-load over" x={x} y={yOf(p.peak)} width={w} height={yOf(capacity) - yOf(p.peak)} /> : null}
                  {p.over && p.peak <= capacity ? <rect className="gantt-load over" x={x} y={yOf(p.peak)} width={w} height={3} /> : null}
                </g>
              );
            })}
            <line className="gantt-capacity" x1={view.scrollLeft} x2={view.scrollLeft + view.width} y1={yOf(capacity)} y2={yOf(capacity)} />
            <line className="gantt-header-line" x1={view.scrollLeft} x2={view.scrollLeft + view.width} y1={yOf(0)} y2={yOf(0)} />
          </g>
        </svg>
      ) : (
        <p className="subtle gantt-histogram-message">{data.message}</p>
      )}
    </div>
  );
}

