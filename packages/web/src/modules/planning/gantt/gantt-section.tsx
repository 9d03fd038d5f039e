/**
 * The Gantt view of a project's plan (`/projects/:id/planning/gantt`): the toolbar (zoom, critical path, baseline,
 * resource load, export), the chart, and the writes a drag makes — queued one after another like the Plan table's,
 * each answer (only the rows the reschedule changed) merged into the loaded plan.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import type { TMe, TPlan, TPlanChange, TPlanTask, TProject } from "@jiaofu/contracts";
import { boardColumnOf, planCalendarCompile, planCalendarFromForm, planDayAxis, planDefaultCalendar } from "@jiaofu/engine";
import { api } from "../../../api";
import { apiMessageOf } from "../../../lib/api-errors";
import { Button, Card, EmptyState, LoadingBlock, Select, useToast } from "../../../ui";
import { ErrorPanel } from "../../common/error-panel";
import { useMediaQuery } from "../../requirements/use-media-query";
import { planVisibleTasks } from "../plan-model";
import { planPermissions, type PlanPermissions } from "../plan-permissions";
import { usePlanBaseline, usePlanBaselines } from "../plan-baselines.queries";
import { usePlanResourceLoad } from "../plan-resources.queries";
import { planKeys, usePlan, usePlanWrite } from "../planning.queries";
import { ganttDayMap, ganttLayout } from "./gantt-layout";
import { type GanttPreview, ganttPreviewCreate } from "./gantt-preview";
import { GANTT_ZOOMS, type GanttZoom, ganttDayOfIso, ganttScale, ganttZoomStep } from "./gantt-scale";
import { type GanttBaselineSpans, type GanttDrop, GanttViewport } from "./gantt-viewport";
import "../planning.css";
import "./gantt.css";

export type GanttSectionProps = { project: TProject; me: TMe };

export function GanttSection({ project, me }: GanttSectionProps) {
  const plan = usePlan(project.id);
  const can = planPermissions(me, project);
  if (plan.isPending) return <LoadingBlock />;
  if (plan.isError) return <ErrorPanel error={plan.error} onRetry={() => void plan.refetch()} />;
  return <GanttWorkspace project={project} plan={plan.data} can={can} />;
}

/** Today as a calendar day, in the reader's time zone (the day they would call today). */
function localToday(): number {
  const now = new Date();
  return ganttDayOfIso(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`);
}

const idle = (run: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(run, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(run, 50);
  return () => window.clearTimeout(handle);
};

function GanttWorkspace({ project, plan, can }: { project: TProject; plan: TPlan; can: PlanPermissions }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const narrow = useMediaQuery("(max-width: 760px)");
  const [zoom, setZoom] = useState<GanttZoom>("day");
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [critical, setCritical] = useState(true);
  const [baselineId, setBaselineId] = useState<string | null>(null);
  const [histogramOpen, setHistogramOpen] = useState(false);
  const [resourceId, setResourceId] = useState<string | null>(null);
  const [scrollToDay, setScrollToDay] = useState<{ day: number; at: number } | null>(null);
  const [exporting, setExporting] = useState<"png" | "pdf" | null>(null);
  const today = useMemo(localToday, []);

  useEffect(() => {
    performance.mark("gantt:data");
  }, []);

  // The plan's calendar, compiled in the browser as the server compiles it (the engine's planning module).
  const axis = useMemo(() => {
    const form = planCalendarFromForm(plan.calendar);
    return planDayAxis(planCalendarCompile(form.ok ? form.value : planDefaultCalendar()), plan.start);
  }, [plan.calendar, plan.start]);
  const lastDay = useMemo(() => plan.tasks.reduce((max, task) => Math.max(max, task.schedule.finishDay ?? 0), 0), [plan.tasks]);
  // The board column of each leaf task, as the board derives it (docs/execution.md, "Board").
  const statusOf = useCallback(
    (task: TPlanTask) => {
      if (task.kind !== "task" || plan.statuses.length === 0) return null;
      const id = boardColumnOf(plan.statuses, task);
      return plan.statuses.find((s) => s.id === id)?.name ?? null;
    },
    [plan.statuses],
  );
  const dayMap = useMemo(() => ganttDayMap(axis, lastDay + 90), [axis, lastDay]);
  const rows = useMemo(() => planVisibleTasks(plan.tasks, collapsed), [plan.tasks, collapsed]);

  const baselines = usePlanBaselines(project.id);
  const baselineList = baselines.isSuccess ? baselines.data : [];
  const baseline = usePlanBaseline(baselineId);
  const baselineSpans = useMemo<GanttBaselineSpans | null>(() => {
    if (!baselineId || !baseline.data) return null;
    const spans = new Map<string, { start: number; finish: number }>();
    for (const task of baseline.data.tasks) {
      if (task.start && task.finish) {
        const start = ganttDayOfIso(task.start);
        spans.set(task.taskId, { start, finish: task.durationDays === 0 ? start + 0.15 : ganttDayOfIso(task.finish) + 1 });
      } else if (task.startDay !== null && task.finishDay !== null) {
        spans.set(task.taskId, { start: dayMap.startAt(task.startDay), finish: task.finishDay > task.startDay ? dayMap.finishAt(task.finishDay) : dayMap.startAt(task.startDay) + 0.15 });
      }
    }
    return spans;
  }, [baselineId, baseline.data, dayMap]);
  const baselineDays = useMemo(() => (baselineSpans ? [...baselineSpans.values()].flatMap((s) => [s.start, s.finish]) : []), [baselineSpans]);

  const layout = useMemo(() => ganttLayout(rows, plan.dependencies, dayMap, ganttDayOfIso(plan.start), [...baselineDays, today]), [rows, plan.dependencies, dayMap, plan.start, baselineDays, today]);
  const scale = useMemo(() => ganttScale(zoom, layout.from, layout.to - layout.from), [zoom, layout.from, layout.to]);

  const load = usePlanResourceLoad(project.id, histogramOpen && can.internal);
  const loadResources = load.isSuccess ? load.data.resources : [];
  const resource = loadResources.find((r) => r.resourceId === resourceId) ?? loadResources.find((r) => r.overAllocatedDays > 0) ?? loadResources[0] ?? null;
  const histogram = histogramOpen ? { resource, message: load.isError ? t("gantt.histogram.unavailable") : load.isPending ? null : t("gantt.histogram.none") } : null;

  // ---- the drag preview's planner, loaded ahead of time so a drag starts without a pause --------------------------
  const prepared = useRef<{ plan: TPlan; preview: GanttPreview | null } | null>(null);
  const [prepareRequest, setPrepareRequest] = useState(0);
  useEffect(() => {
    if (!can.edit || prepared.current?.plan === plan) return;
    return idle(() => {
      const started = performance.now();
      prepared.current = { plan, preview: ganttPreviewCreate(plan, axis) };
      performance.measure("gantt:preview-ready", { start: started, end: performance.now() });
    });
  }, [plan, axis, can.edit, prepareRequest]);
  const takePreview = useCallback(() => {
    const ready = prepared.current;
    prepared.current = null;
    // A drag edits its planner; the next one gets a fresh copy, loaded when the page is idle again.
    window.setTimeout(() => setPrepareRequest((n) => n + 1), 0);
    return ready && ready.plan === plan ? ready.preview : ganttPreviewCreate(plan, axis);
  }, [plan, axis]);

  // ---- writes ------------------------------------------------------------------------------------------------------
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const write = usePlanWrite(project.id, (run: () => Promise<TPlanChange>) => run());
  const current = (id: string) => queryClient.getQueryData<TPlan>(planKeys.plan(project.id))?.tasks.find((task) => task.id === id);
  const commit = useCallback(
    (drop: GanttDrop): Promise<void> => {
      const run = async () => {
        const task = current(drop.task.id) as TPlanTask | undefined;
        if (!task) return;
        try {
          if (drop.kind === "move") {
            await write.mutateAsync(() => api.planning.updateTask(task.id, { version: task.version, ...(task.schedulingMode === "manual" ? { manualStart: drop.startIso } : { start: drop.startIso }) }));
          } else if (drop.kind === "resize") {
            await write.mutateAsync(() => api.planning.updateTask(task.id, { version: task.version, finish: drop.finishIso }));
          } else {
            await write.mutateAsync(() => api.planning.createDependency(project.id, { predecessorId: task.id, successorId: drop.successorId, type: "FS", lagDays: 0 }));
          }
        } catch (error) {
          toast.show(apiMessageOf(error) ?? t("gantt.errors.saveFailed"), "error");
        }
      };
      const next = queue.current.then(run);
      queue.current = next;
      return next;
    },
    // `current` reads the query cache when the write runs, not when the callback was made.
    [project.id, write.mutateAsync, toast, t],
  );
  const onRefused = useCallback((reason: "cycle" | "invalid" | "finish") => toast.show(t(`gantt.errors.${reason}`), "error"), [toast, t]);
  const onZoom = useCallback((direction: -1 | 1) => setZoom((z) => ganttZoomStep(z, direction)), []);
  const onToggle = useCallback(
    (id: string) =>
      setCollapsed((set) => {
        const next = new Set(set);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  async function exportAs(kind: "png" | "pdf") {
    setExporting(kind);
    try {
      const { ganttExportPng, ganttExportPdf } = await import("./gantt-export");
      const input = { projectName: `${project.code} ${project.name}`, layout, axis, critical, baseline: baselineSpans, locale: i18n.language, t, today, fileBase: `${project.code}-gantt` };
      const outcome = kind === "png" ? await ganttExportPng(input, scale) : await ganttExportPdf(input);
      if (outcome.cappedRows !== null) toast.show(t("gantt.export.pngCapped", { rows: outcome.cappedRows, total: layout.rows.length }), "info");
      else toast.show(t("gantt.export.done", { file: outcome.file }), "success");
    } catch {
      toast.show(t("gantt.errors.export"), "error");
    } finally {
      setExporting(null);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (target.closest("input, select, textarea") || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "+" || event.key === "=") {
      event.preventDefault();
      onZoom(-1);
    } else if (event.key === "-" || event.key === "_") {
      event.preventDefault();
      onZoom(1);
    }
  }

  const toolbar = (
    <div className="toolbar plan-toolbar gantt-toolbar" role="toolbar" aria-label={t("gantt.toolbar.label")}>
      <div className="gantt-zoom" role="group" aria-label={t("gantt.toolbar.zoom")}>
        <Button size="sm" variant="ghost" onClick={() => onZoom(-1)} disabled={zoom === "day"} aria-label={t("gantt.toolbar.zoomIn")} data-testid="gantt-zoom-in">
          +
        </Button>
        {GANTT_ZOOMS.map((z) => (
          <Button key={z} size="sm" variant={zoom === z ? "secondary" : "ghost"} aria-pressed={zoom === z} onClick={() => setZoom(z)} data-testid={`gantt-zoom-${z}`}>
            {t(`gantt.zooms.${z}`)}
          </Button>
        ))}
        <Button size="sm" variant="ghost" onClick={() => onZoom(1)} disabled={zoom === "quarter"} aria-label={t("gantt.toolbar.zoomOut")} data-testid="gantt-zoom-out">
          −
        </Button>
      </div>
      <Button size="sm" variant="ghost" onClick={() => setScrollToDay({ day: today, at: Date.now() })} data-testid="gantt-today-button">
        {t("gantt.toolbar.today")}
      </Button>
      <span className="plan-toolbar-gap" />
      <label className="gantt-check">
        <input type="checkbox" checked={critical} onChange={(event) => setCritical(event.target.checked)} data-testid="gantt-critical-toggle" />
        {t("gantt.toolbar.critical")}
      </label>
      {can.internal ? (
        <label className="gantt-check">
          <input type="checkbox" checked={histogramOpen} onChange={(event) => setHistogramOpen(event.target.checked)} data-testid="gantt-histogram-toggle" />
          {t("gantt.toolbar.histogram")}
        </label>
      ) : null}
      {histogramOpen && loadResources.length > 1 ? (
        <Select
          className="gantt-select"
          aria-label={t("gantt.histogram.resource")}
          value={resource?.resourceId ?? ""}
          onChange={(event) => setResourceId(event.target.value)}
          options={loadResources.map((r) => ({ value: r.resourceId, label: r.name }))}
          data-testid="gantt-resource-select"
        />
      ) : null}
      {baselineList.length > 0 ? (
        <Select
          className="gantt-select"
          aria-label={t("gantt.toolbar.baseline")}
          value={baselineId ?? ""}
          onChange={(event) => setBaselineId(event.target.value || null)}
          placeholder={t("gantt.toolbar.noBaseline")}
          options={baselineList.map((b) => ({ value: b.id, label: `${b.key} ${b.name}` }))}
          data-testid="gantt-baseline-select"
        />
      ) : null}
      <span className="gantt-toolbar-end">
        <Button size="sm" variant="ghost" loading={exporting === "png"} disabled={exporting !== null || rows.length === 0} onClick={() => void exportAs("png")} data-testid="gantt-export-png">
          {t("gantt.toolbar.exportPng")}
        </Button>
        <Button size="sm" variant="ghost" loading={exporting === "pdf"} disabled={exporting !== null || rows.length === 0} onClick={() => void exportAs("pdf")} data-testid="gantt-export-pdf">
          {t("gantt.toolbar.exportPdf")}
        </Button>
      </span>
    </div>
  );

  return (
    <div className="stack gantt-area" data-testid="gantt-area" onKeyDown={onKeyDown}>
      <h2 className="visually-hidden">{t("gantt.title")}</h2>
      <Card flush>
        {toolbar}
        {plan.tasks.length === 0 ? (
          <EmptyState icon="▤" title={t("gantt.title")}>
            <p>{t("gantt.empty")}</p>
          </EmptyState>
        ) : (
          <GanttViewport
            projectName={`${project.code} ${project.name}`}
            layout={layout}
            scale={scale}
            axis={axis}
            dayMap={dayMap}
            critical={critical}
            baseline={baselineSpans}
            histogram={histogram}
            collapsed={collapsed}
            onToggle={onToggle}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onOpen={(id) => void navigate(`/projects/${project.id}/planning?task=${encodeURIComponent(id)}`)}
            canEdit={can.edit}
            narrow={narrow}
            today={today}
            takePreview={takePreview}
            onZoom={onZoom}
            commit={commit}
            onRefused={onRefused}
            scrollToDay={scrollToDay}
            statusOf={statusOf}
          />
        )}
        <p className="subtle plan-shortcuts">{can.edit ? t("gantt.hint") : t("gantt.readOnly")}</p>
      </Card>
    </div>
  );
}
