/** Time rows → the API's shapes (docs/execution.md "Time tracking"). Rates never leave through entries. */
import type { TRunningTimer, TTimeEntry, TTimesheetApproval, TTimesheetPart } from "@jiaofu/contracts";
import { timesheetPartEditable } from "@jiaofu/engine";
import type { ApprovalRow, TimeEntryRow, TimerRow, TimesheetPartRow } from "./time.repository";

export function presentTimeEntry(row: TimeEntryRow): TTimeEntry {
  const status = row.partStatus ?? "draft";
  return {
    id: row.id,
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    taskId: row.taskId,
    taskName: row.taskName,
    taskWbsCode: row.taskWbsCode,
    userId: row.userId,
    userName: row.userName,
    workDate: row.workDate,
    minutes: row.minutes,
    note: row.note,
    source: row.source,
    status,
    editable: timesheetPartEditable(status),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentTimer(row: TimerRow): TRunningTimer {
  return {
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    taskId: row.taskId,
    taskName: row.taskName,
    note: row.note,
    startedAt: row.startedAt.toISOString(),
  };
}

export function presentTimesheetPart(row: TimesheetPartRow): TTimesheetPart {
  return {
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    status: row.status,
    minutes: row.minutes,
    note: row.note,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export function presentApproval(row: ApprovalRow, entries: readonly TimeEntryRow[]): TTimesheetApproval {
  return {
    timesheetId: row.timesheetId,
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    userId: row.userId,
    userName: row.userName,
    weekStart: row.weekStart,
    status: row.status,
    minutes: row.minutes,
    note: row.note,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
    entries: entries.map(presentTimeEntry),
  };
}
