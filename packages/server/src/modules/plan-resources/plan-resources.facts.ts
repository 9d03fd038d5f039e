/**
 * Resources and assignments as the engine sees them, and the task facts the scheduler rolls up: the planning
 * service calls `planTaskFactsWithResources` on every reschedule, so the stored work and cost of each task (and of
 * every summary above it) include its assignments.
 */
import { type PlanAssignmentFacts, planAssignmentAmounts, planOutline, type PlanResourceFacts, type PlanTaskFacts, type WorkingCalendar } from "@jiaofu/engine";
import { AppError } from "../../platform/app-error";
import type { PlanTaskRow } from "../planning/planning.repository";
import type { PlanAssignmentRow, PlanResourceRow } from "./plan-resources.repository";

/** A resource's days off: its exceptions without working hours (an exception with hours keeps it available). */
export const planResourceFactsOf = (row: PlanResourceRow): PlanResourceFacts => ({
  id: row.id,
  kind: row.kind,
  maxUnits: row.maxUnits,
  costPerHour: row.costPerHour,
  costPerUse: row.costPerUse,
  daysOff: row.exceptions.filter((e) => e.intervals.length === 0).map((e) => ({ from: e.from, to: e.to ?? e.from })),
});

export const planAssignmentFactsOf = (row: PlanAssignmentRow): PlanAssignmentFacts => ({ id: row.id, taskId: row.taskId, resourceId: row.resourceId, units: row.units });

/** Hours in one working day of the calendar: what "1 day of a full-time person" is worth in work. */
export const planHoursPerDay = (calendar: WorkingCalendar) => calendar.minutesPerDay / 60;

/** A task as people read it in a message: "1.2 Design the schema". */
function taskLabel(tasks: readonly PlanTaskRow[], id: string): string {
  const outline = planOutline(tasks);
  const i = outline.indexOf.get(id);
  const task = tasks.find((t) => t.id === id);
  const wbs = i === undefined ? "" : (outline.wbs[i] ?? "");
  return task ? (wbs ? `${wbs} ${task.name}` : task.name) : id;
}

/**
 * The tasks as the scheduler should see them: a task with work resources has their work, and every task costs its
 * fixed cost plus its assignments (`planAssignmentAmounts`). A change that would make a task with resources a
 * summary task (indenting a task under it) is refused with a 409 naming it.
 */
export function planTaskFactsWithResources(
  tasks: readonly PlanTaskRow[],
  resources: readonly PlanResourceRow[],
  assignments: readonly PlanAssignmentRow[],
  calendar: WorkingCalendar,
): readonly PlanTaskFacts[] {
  if (assignments.length === 0) return tasks;
  const out = planAssignmentAmounts(tasks, resources.map(planResourceFactsOf), assignments.map(planAssignmentFactsOf), planHoursPerDay(calendar));
  if (!out.ok) {
    const id = out.summaryTaskIds[0] as string;
    throw new AppError("conflict", "plan_resource.would_be_summary", { task: taskLabel(tasks, id) }, { taskIds: out.summaryTaskIds });
  }
  return out.tasks;
}
