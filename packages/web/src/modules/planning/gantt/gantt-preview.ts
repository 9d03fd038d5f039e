/**
 * The drag preview: the plan loaded into the engine's planner in the browser (`planScheduleInput`, the very input
 * the server schedules), then the dragged change applied as an incremental edit, so only what it can move is
 * recomputed and the successors move with the pointer. The server decides on drop; this only shows what it will say.
 *
 * The edits mirror the server's `updateTask`: a new start on an automatic task is "start no earlier than" that date
 * (MS Project's rule), on a manual task its manual start; a new finish is a duration from the task's start to the
 * end of that working day.
 */
import type { TPlan, TPlanTask } from "@jiaofu/contracts";
import {
  type CalendarDayAxis,
  type DayNumber,
  PLAN_TICKS_PER_DAY,
  planDateToStartDay,
  planDurationUntil,
  type PlanOutline,
  planScheduleInput,
  type PlanTaskFacts,
  type SchedulePlanner,
  schedulePlannerCreate,
  schedulePlannerEdit,
  schedulePlannerTask,
  type TaskIndex,
} from "@jiaofu/engine";

export type GanttPreview = {
  readonly planner: SchedulePlanner;
  readonly outline: PlanOutline;
  /** The link added by a link drag hovering a task (removed again when the pointer leaves it). */
  hoverLink: number | undefined;
};

/** A task row as the scheduler reads it (a client contact's hidden work and cost count as nothing). */
export const ganttTaskFacts = (task: TPlanTask): PlanTaskFacts => ({
  id: task.id,
  parentId: task.parentId,
  position: task.position,
  durationDays: task.durationDays,
  schedulingMode: task.schedulingMode,
  manualStart: task.manualStart,
  constraintType: task.constraintType,
  constraintDate: task.constraintDate,
  deadline: task.deadline,
  percentComplete: task.percentComplete,
  workHours: task.workHours ?? 0,
  fixedCost: task.fixedCost ?? 0,
  levellingStart: task.levellingStart ?? null,
});

/** Loads the plan into a planner of its own; null if the engine refuses it (the server would have refused it first). */
export function ganttPreviewCreate(plan: Pick<TPlan, "tasks" | "dependencies">, axis: CalendarDayAxis): GanttPreview | null {
  const { outline, plan: input } = planScheduleInput(plan.tasks.map(ganttTaskFacts), plan.dependencies, axis);
  const created = schedulePlannerCreate(input);
  return created.ok ? { planner: created.value, outline, hoverLink: undefined } : null;
}

const indexOf = (preview: GanttPreview, taskId: string) => preview.outline.indexOf.get(taskId);

/** Where the preview puts a task, in working days from day 0, and whether it is critical. */
export function ganttPreviewSpan(preview: GanttPreview, taskId: string): { startDay: number; finishDay: number; critical: boolean; floatDays: number } | undefined {
  const index = indexOf(preview, taskId);
  if (index === undefined) return undefined;
  const row = schedulePlannerTask(preview.planner, index as TaskIndex);
  return { startDay: row.start / PLAN_TICKS_PER_DAY, finishDay: row.finish / PLAN_TICKS_PER_DAY, critical: row.critical, floatDays: row.tf / PLAN_TICKS_PER_DAY };
}

/** Moves a task to start on `startIso` (automatic: start no earlier than; manual: its manual start). */
export function ganttPreviewMove(preview: GanttPreview, task: Pick<TPlanTask, "id" | "schedulingMode">, startIso: string, axis: CalendarDayAxis): boolean {
  const index = indexOf(preview, task.id);
  if (index === undefined) return false;
  const tick = planDateToStartDay(axis, startIso) * PLAN_TICKS_PER_DAY;
  const edited =
    task.schedulingMode === "manual"
      ? schedulePlannerEdit(preview.planner, { kind: "manual", task: index, manualStart: tick })
      : schedulePlannerEdit(preview.planner, { kind: "constraint", task: index, constraint: { type: "SNET", day: tick as DayNumber } });
  return edited.ok;
}

/**
 * Gives a task the duration that makes it finish on `finishIso` (from where the preview starts it); false when that
 * is not after its start, as the server would refuse.
 */
export function ganttPreviewResize(preview: GanttPreview, taskId: string, finishIso: string, axis: CalendarDayAxis): boolean {
  const index = indexOf(preview, taskId);
  if (index === undefined) return false;
  const startDay = schedulePlannerTask(preview.planner, index as TaskIndex).start / PLAN_TICKS_PER_DAY;
  const days = planDurationUntil(axis, startDay, finishIso);
  if (days <= 0) return false;
  return schedulePlannerEdit(preview.planner, { kind: "duration", task: index, duration: Math.round(days * PLAN_TICKS_PER_DAY) }).ok;
}

/**
 * Shows a finish-to-start link from `fromId` to `toId` (replacing the one shown before); `"cycle"` when the link
 * would close a loop (the engine refuses it, and so would the server), `"invalid"` for other refusals (a link into
 * a summary's own task).
 */
export function ganttPreviewLink(preview: GanttPreview, fromId: string, toId: string | null): "ok" | "cycle" | "invalid" {
  if (preview.hoverLink !== undefined) {
    schedulePlannerEdit(preview.planner, { kind: "remove-link", link: preview.hoverLink });
    preview.hoverLink = undefined;
  }
  if (toId === null) return "ok";
  const from = indexOf(preview, fromId);
  const to = indexOf(preview, toId);
  if (from === undefined || to === undefined || from === to) return "invalid";
  const edited = schedulePlannerEdit(preview.planner, { kind: "add-link", from, to, type: "FS", lag: 0 });
  if (!edited.ok) return edited.error.kind === "cycle" ? "cycle" : "invalid";
  preview.hoverLink = edited.value.link;
  return "ok";
}

/** Calendar days (UTC, as the chart counts) moved by whole days from an ISO date. */
export function ganttShiftIso(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y as number, (m as number) - 1, (d as number) + days)).toISOString().slice(0, 10);
}
