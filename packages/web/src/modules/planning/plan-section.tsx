import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { type TMe, type TPlan, type TPlanChange, type TPlanTask, type TProject, type TUpdatePlanTaskRequest } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, Card, EmptyState, useToast } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";
import { ConfirmDialog } from "../common/confirm-dialog";
import { ErrorPanel } from "../common/error-panel";
import { LoadingBlock } from "../../ui";
import { CalendarDialog } from "./calendar-dialog";
import { formatPlanDate, parseDayCount } from "./plan-format";
import { planPredecessorsBySuccessor, planVisibleTasks } from "./plan-model";
import { planPermissions, type PlanPermissions } from "./plan-permissions";
import { planNextEditableColumn, PlanTable, type PlanCellEdit, type PlanCommitMove, type PlanEditableColumn } from "./plan-table";
import { planKeys, usePlan, usePlanWrite } from "./planning.queries";
import { formatPredecessors, parsePredecessors } from "./predecessor-text";
import { TaskPanel } from "./task-panel";
import { PlanComparePicker, usePlanVarianceByTask } from "./baselines/plan-compare";
import { PlanTemplateChooser } from "./templates/plan-template-chooser";
import { PlanExchangeMenu } from "./exchange/plan-exchange-menu";
import "./planning.css";

export type PlanningSectionProps = { project: TProject; me: TMe };

/** The Planning area of a project: the WBS table with its schedule, a task's details, and the calendar. */
export function PlanningSection({ project, me }: PlanningSectionProps) {
  const plan = usePlan(project.id);
  const can = planPermissions(me, project);
  if (plan.isPending) return <LoadingBlock />;
  if (plan.isError) return <ErrorPanel error={plan.error} onRetry={() => void plan.refetch()} />;
  return <PlanWorkspace project={project} plan={plan.data} can={can} />;
}

type MoveAction = "indent" | "outdent" | "up" | "down";

function PlanWorkspace({ project, plan, can }: { project: TProject; plan: TPlan; can: PlanPermissions }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  // `?task=<id>` (Enter on a row of the Gantt chart) opens that task's details.
  const [searchParams] = useSearchParams();
  const askedTask = searchParams.get("task");
  const [selectedId, setSelectedId] = useState<string | null>(askedTask);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<PlanCellEdit | null>(null);
  const [panelOpen, setPanelOpen] = useState(askedTask !== null);
  const [calendarOpen, setCalendarOpen] = useState(false);
  const [deleting, setDeleting] = useState<TPlanTask | null>(null);
  const [compareId, setCompareId] = useState<string | null>(null);
  const variance = usePlanVarianceByTask(plan.tasks, compareId);
  // Writes run one after another, each with the task's version as the previous write left it.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const tasks = useMemo(() => planVisibleTasks(plan.tasks, collapsed), [plan.tasks, collapsed]);
  const byId = useMemo(() => new Map(plan.tasks.map((task) => [task.id, task])), [plan.tasks]);
  const byCode = useMemo(() => new Map(plan.tasks.map((task) => [task.wbsCode, task.id])), [plan.tasks]);
  const predecessors = useMemo(() => planPredecessorsBySuccessor(plan.dependencies), [plan.dependencies]);
  const predecessorsText = (task: TPlanTask) => formatPredecessors(predecessors.get(task.id) ?? [], (id) => byId.get(id)?.wbsCode);
  const selected = selectedId === null ? undefined : byId.get(selectedId);

  /** The task as the latest answer left it (the version a write must name). */
  const current = (id: string) => queryClient.getQueryData<TPlan>(planKeys.plan(project.id))?.tasks.find((task) => task.id === id);

  const write = usePlanWrite(project.id, (run: () => Promise<TPlanChange>) => run());
  /** Runs a write after the ones before it; a failure is shown as a toast unless `onError` takes it. */
  function enqueue(run: (task?: TPlanTask) => Promise<TPlanChange>, taskId?: string, onDone?: (change: TPlanChange) => void, onError?: (error: unknown) => void) {
    const next = queue.current.then(async () => {
      const task = taskId === undefined ? undefined : current(taskId);
      if (taskId !== undefined && !task) return;
      try {
        const change = await write.mutateAsync(() => run(task));
        onDone?.(change);
      } catch (error) {
        if (onError) onError(error);
        else toast.show(apiMessageOf(error) ?? t("plan.errors.saveFailed"), "error");
      }
    });
    queue.current = next;
    return next;
  }

  const update = (taskId: string, changes: Omit<TUpdatePlanTaskRequest, "version">, onDone?: (change: TPlanChange) => void, onError?: (error: unknown) => void) =>
    enqueue((task) => api.planning.updateTask(taskId, { version: (task as TPlanTask).version, ...changes }), taskId, onDone, onError);
  const [panelError, setPanelError] = useState<unknown>(null);

  function handleCommit(task: TPlanTask, column: PlanEditableColumn, value: string, move: PlanCommitMove) {
    const nextColumn = move === "next" || move === "prev" ? planNextEditableColumn(task, column, move === "next" ? 1 : -1) : undefined;
    setEditing(nextColumn ? { taskId: task.id, column: nextColumn } : null);
    const text = value.trim();
    const fail = (message: string) => toast.show(message, "error");
    switch (column) {
      case "name":
        if (text !== "" && text !== task.name) void update(task.id, { name: text });
        break;
      case "duration": {
        const days = parseDayCount(text);
        if (days === undefined) return fail(t("plan.errors.duration"));
        if (days !== task.durationDays) void update(task.id, { durationDays: days });
        break;
      }
      case "start":
      case "finish":
        if (text === "") return fail(t("plan.errors.date"));
        if (text !== (column === "start" ? task.schedule.start : task.schedule.finish)) void update(task.id, column === "start" ? { start: text } : { finish: text });
        break;
      case "percent": {
        const percent = Number(text.replace(/%$/, ""));
        if (!Number.isInteger(percent) || percent < 0 || percent > 100) return fail(t("plan.errors.percent"));
        if (percent !== task.percentComplete) void update(task.id, { percentComplete: percent });
        break;
      }
      case "predecessors": {
        if (text === predecessorsText(task)) break;
        const parsed = parsePredecessors(text, (code) => byCode.get(code), task.id);
        if (!parsed.ok) return fail(t(`plan.errors.predecessors.${parsed.error.kind}`, { entry: parsed.error.entry }));
        void enqueue((fresh) => api.planning.setPredecessors(task.id, { version: (fresh as TPlanTask).version, predecessors: parsed.predecessors }), task.id);
        break;
      }
    }
  }

  function add(milestone: boolean) {
    const anchor = selected;
    const body = {
      name: milestone ? t("plan.newMilestone") : t("plan.newTask"),
      milestone,
      parentId: anchor ? anchor.parentId : null,
      ...(anchor ? { position: anchor.position + 1 } : {}),
    };
    void enqueue(
      () => api.planning.createTask(project.id, body),
      undefined,
      (change) => {
        if (!change.taskId) return;
        setSelectedId(change.taskId);
        setEditing({ taskId: change.taskId, column: "name" });
      },
    );
  }

  function move(action: MoveAction) {
    if (!selected) return;
    void enqueue((task) => api.planning.moveTask(selected.id, { version: (task as TPlanTask).version, action }), selected.id);
  }

  const [deleteError, setDeleteError] = useState<unknown>(null);
  const subtaskCount = (id: string) => {
    let count = 0;
    const stack = [id];
    while (stack.length > 0) {
      const parent = stack.pop();
      for (const task of plan.tasks) {
        if (task.parentId !== parent) continue;
        count++;
        stack.push(task.id);
      }
    }
    return count;
  };
  async function confirmDelete() {
    if (!deleting) return;
    const task = current(deleting.id);
    if (!task) return setDeleting(null);
    try {
      const change = await write.mutateAsync(() => api.planning.removeTask(task.id, task.version, task.kind === "summary"));
      const index = tasks.findIndex((x) => x.id === task.id);
      const after = tasks.filter((x) => !change.removedTaskIds.includes(x.id));
      setSelectedId(after[Math.min(index, after.length - 1)]?.id ?? null);
      setDeleting(null);
      setDeleteError(null);
    } catch (error) {
      setDeleteError(error);
    }
  }

  /** The structural shortcuts (MS Project's where it has them); true when the key was handled. */
  function handleKeyCommand(event: KeyboardEvent<HTMLTableElement>): boolean {
    if (!can.edit) return false;
    const moves: Record<string, MoveAction> = { ArrowRight: "indent", ArrowLeft: "outdent", ArrowUp: "up", ArrowDown: "down" };
    const action = moves[event.key];
    if (event.altKey && event.shiftKey && action && selected) {
      event.preventDefault();
      move(action);
      return true;
    }
    if (event.key === "Insert") {
      event.preventDefault();
      add(false);
      return true;
    }
    if (event.key === "Delete" && selected) {
      event.preventDefault();
      setDeleting(selected);
      return true;
    }
    return false;
  }

  const critical = plan.tasks.filter((task) => task.kind !== "summary" && task.schedule.critical).length;
  const leaves = plan.tasks.filter((task) => task.kind !== "summary").length;
  const startYear = Number(plan.start.slice(0, 4));
  const years = Array.from({ length: Math.max(1, Number((plan.finish ?? plan.start).slice(0, 4)) - startYear + 1) }, (_, i) => startYear + i).slice(0, 5);
  const uncovered = plan.calendar.uncoveredYears.filter((u) => u.years.length > 0);

  const toolbar = (
    <div className="toolbar plan-toolbar" role="toolbar" aria-label={t("plan.toolbar.label")}>
      {can.edit ? (
        <>
          <Button size="sm" variant="primary" onClick={() => add(false)} data-testid="plan-add-task">
            {t("plan.toolbar.addTask")}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => add(true)} data-testid="plan-add-milestone">
            {t("plan.toolbar.addMilestone")}
          </Button>
          <span className="plan-toolbar-gap" />
          <Button size="sm" variant="ghost" disabled={!selected} onClick={() => move("outdent")} data-testid="plan-outdent">
            {t("plan.toolbar.outdent")}
          </Button>
          <Button size="sm" variant="ghost" disabled={!selected} onClick={() => move("indent")} data-testid="plan-indent">
            {t("plan.toolbar.indent")}
          </Button>
          <Button size="sm" variant="ghost" disabled={!selected} onClick={() => move("up")} data-testid="plan-move-up">
            {t("plan.toolbar.moveUp")}
          </Button>
          <Button size="sm" variant="ghost" disabled={!selected} onClick={() => move("down")} data-testid="plan-move-down">
            {t("plan.toolbar.moveDown")}
          </Button>
          <span className="plan-toolbar-gap" />
        </>
      ) : null}
      <Button size="sm" variant="ghost" disabled={!selected} onClick={() => setPanelOpen((open) => !open)} aria-pressed={panelOpen} data-testid="plan-details">
        {t("plan.toolbar.details")}
      </Button>
      {can.edit ? (
        <Button size="sm" variant="danger-ghost" disabled={!selected} onClick={() => selected && setDeleting(selected)} data-testid="plan-delete">
          {t("plan.toolbar.delete")}
        </Button>
      ) : null}
    </div>
  );

  return (
    <div className="stack plan-area" data-testid="plan-area">
      <div className="plan-heading">
        <div>
          <h2 className="visually-hidden">{t("plan.title")}</h2>
          <p className="subtle" data-testid="plan-dates">
            {plan.finish
              ? t("plan.startsFinishes", { start: formatPlanDate(plan.start, i18n.language), finish: formatPlanDate(plan.finish, i18n.language) })
              : t("plan.startsOnly", { start: formatPlanDate(plan.start, i18n.language) })}
            {plan.tasks.length > 0 ? ` · ${t("plan.taskCount", { count: leaves })} · ${t("plan.criticalCount", { count: critical })}` : null}
          </p>
        </div>
        <div className="row">
          {plan.tasks.length > 0 ? <PlanComparePicker projectId={project.id} value={compareId} onChange={setCompareId} /> : null}
          <Button variant="secondary" onClick={() => setCalendarOpen(true)} data-testid="plan-calendar-button">
            {t("plan.toolbar.calendar")}
          </Button>
          <PlanExchangeMenu projectId={project.id} taskCount={plan.tasks.length} canImport={can.configure} />
        </div>
      </div>
      {uncovered.map((u) => (
        <Banner key={u.holidaySet} tone="warning">
          {t("plan.uncovered", { set: u.holidaySet === "cn" ? t("plan.holidaySet.cn") : u.holidaySet, years: u.years.join(", ") })}
        </Banner>
      ))}
      {!can.edit ? <p className="subtle">{t("plan.readOnly")}</p> : null}

      {plan.tasks.length === 0 ? (
        <Card flush>
          {toolbar}
          <EmptyState icon="▦" title={t("plan.empty.title")}>
            <p>{can.edit ? t("plan.empty.body") : t("plan.empty.readOnly")}</p>
          </EmptyState>
          <PlanTemplateChooser projectId={project.id} canApply={can.configure} />
        </Card>
      ) : (
        <div className={panelOpen && selected ? "plan-body with-panel" : "plan-body"}>
          <Card flush>
            {toolbar}
            <PlanTable
              tasks={tasks}
              predecessorsText={predecessorsText}
              selectedId={selectedId}
              onSelect={(id) => {
                if (id !== selectedId) setPanelError(null);
                setSelectedId(id);
                if (editing && editing.taskId !== id) setEditing(null);
              }}
              editing={editing}
              onEdit={setEditing}
              onCommit={handleCommit}
              collapsed={collapsed}
              onToggle={(id) =>
                setCollapsed((set) => {
                  const next = new Set(set);
                  if (next.has(id)) next.delete(id);
                  else next.add(id);
                  return next;
                })
              }
              canEdit={can.edit}
              onKeyCommand={handleKeyCommand}
              variance={variance}
              varianceCost={can.internal}
            />
            {can.edit ? <p className="subtle plan-shortcuts">{t("plan.toolbar.shortcuts")}</p> : null}
          </Card>
          {panelOpen && selected ? (
            <TaskPanel
              key={`${selected.id}:${selected.version}`}
              project={project}
              task={selected}
              can={can}
              saving={write.isPending}
              error={panelError}
              onSave={(changes) => {
                setPanelError(null);
                void update(selected.id, changes, () => toast.show(t("plan.panel.saved"), "success"), setPanelError);
              }}
              onClose={() => {
                setPanelOpen(false);
                setPanelError(null);
              }}
            />
          ) : null}
        </div>
      )}

      <CalendarDialog projectId={project.id} calendar={plan.calendar} years={years} canConfigure={can.configure} open={calendarOpen} onClose={() => setCalendarOpen(false)} />
      <ConfirmDialog
        open={deleting !== null}
        title={t("plan.delete.title", { name: deleting?.name ?? "" })}
        confirmLabel={t("plan.delete.confirm")}
        onConfirm={() => void confirmDelete()}
        onClose={() => {
          setDeleting(null);
          setDeleteError(null);
        }}
        busy={write.isPending}
        error={deleteError}
      >
        {deleting && deleting.kind === "summary" ? t("plan.delete.bodyWithSubtasks", { count: subtaskCount(deleting.id) }) : t("plan.delete.body")}
      </ConfirmDialog>
    </div>
  );
}
