import type { TPlanAssignment, TPlanCalendarException, TPlanResource } from "@jiaofu/contracts";
import { calendarIntervalsToText, type PlanAssignmentAmount, type WorkingInterval } from "@jiaofu/engine";
import type { PlanAssignmentRow, PlanResourceRow } from "./plan-resources.repository";

/** Exceptions as the API shows them: hours as text (`09:00-12:00`; empty: a day off), like the project calendar's. */
export const presentResourceExceptions = (row: PlanResourceRow): TPlanCalendarException[] =>
  row.exceptions.map((e) => ({
    from: e.from,
    to: e.to ?? null,
    hours: calendarIntervalsToText(e.intervals as unknown as WorkingInterval[]),
    name: e.name?.zh ?? e.name?.en ?? "",
  }));

/** A resource as the team sees it (client contacts never get here: the routes refuse them). */
export const presentPlanResource = (row: PlanResourceRow): TPlanResource => ({
  id: row.id,
  projectId: row.projectId,
  name: row.name,
  kind: row.kind,
  userId: row.userId,
  role: row.role,
  maxUnits: row.maxUnits,
  costPerHour: row.costPerHour,
  costPerUse: row.costPerUse,
  materialLabel: row.materialLabel,
  exceptions: presentResourceExceptions(row),
  version: row.version,
});

export const presentPlanAssignment = (row: PlanAssignmentRow, amount: PlanAssignmentAmount | undefined): TPlanAssignment => ({
  id: row.id,
  taskId: row.taskId,
  resourceId: row.resourceId,
  units: row.units,
  workHours: amount?.workHours ?? 0,
  cost: amount?.cost ?? 0,
  version: row.version,
});
