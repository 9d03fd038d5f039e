import { z } from "zod";
import { ZId, ZIsoDate, ZIsoDateTime, ZVersioned } from "./common";

/**
 * Time tracking (docs/execution.md, "Time tracking"): a running timer per person, time entries on a project (and
 * optionally one of its tasks) per day, the person's week as a timesheet submitted per project and decided by each
 * project's manager, and the actual cost of approved time (minutes × the rate fixed at approval).
 */

export const TIMESHEET_STATUSES = ["draft", "submitted", "approved", "rejected"] as const;
export type TTimesheetStatus = (typeof TIMESHEET_STATUSES)[number];
export const ZTimesheetStatus = z.enum(TIMESHEET_STATUSES);

/** Minutes of one entry: at least one, at most a day. */
const ZEntryMinutes = z.number().int().min(1).max(1440);
const ZTimeNote = z.string().trim().max(1000);
/** An IANA time zone (`Asia/Shanghai`); the day a timer's time falls on is taken there. */
const ZTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((name) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: name });
      return true;
    } catch {
      return false;
    }
  }, "field.invalid");

export const ZTimeEntry = z
  .object({
    id: ZId,
    projectId: ZId,
    projectCode: z.string(),
    projectName: z.string(),
    taskId: ZId.nullable(),
    taskName: z.string().nullable(),
    taskWbsCode: z.string().nullable(),
    userId: ZId,
    userName: z.string(),
    workDate: ZIsoDate,
    minutes: z.number().int(),
    note: z.string(),
    source: z.enum(["manual", "timer"]),
    /** The state of the entry's week part for its project: `draft` until submitted. */
    status: ZTimesheetStatus,
    /** Whether its author may still change it (the part is draft or rejected). */
    editable: z.boolean(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "TimeEntry" });
export type TTimeEntry = z.infer<typeof ZTimeEntry>;

export const ZCreateTimeEntryRequest = z.object({
  projectId: ZId,
  /** A task of the project, or null for time on the project in general. */
  taskId: ZId.nullable().default(null),
  workDate: ZIsoDate,
  minutes: ZEntryMinutes,
  note: ZTimeNote.default(""),
});
export type TCreateTimeEntryRequest = z.infer<typeof ZCreateTimeEntryRequest>;

/** Change an own entry while its week part is draft or rejected (send the version you read). */
export const ZUpdateTimeEntryRequest = ZVersioned.extend({
  taskId: ZId.nullable().optional(),
  workDate: ZIsoDate.optional(),
  minutes: ZEntryMinutes.optional(),
  note: ZTimeNote.optional(),
});
export type TUpdateTimeEntryRequest = z.infer<typeof ZUpdateTimeEntryRequest>;

/**
 * Entries to list. With `projectId` or `taskId`: that project's entries (anyone's, for the team; `userId` narrows).
 * Without: the caller's own entries (an admin may name someone else with `userId`). `week` (any day of it) or
 * `from`/`to` bound the dates.
 */
export const ZListTimeEntriesQuery = z.object({
  projectId: ZId.optional(),
  taskId: ZId.optional(),
  userId: ZId.optional(),
  week: ZIsoDate.optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});
export type TListTimeEntriesQuery = z.infer<typeof ZListTimeEntriesQuery>;

export const ZTimeEntryList = z
  .object({ items: z.array(ZTimeEntry), totalMinutes: z.number().int() })
  .meta({ id: "TimeEntryList" });
export type TTimeEntryList = z.infer<typeof ZTimeEntryList>;

export const ZTimeEntryParams = z.object({ id: ZId });

// ---- the running timer ------------------------------------------------------------------------------------------

export const ZRunningTimer = z
  .object({
    projectId: ZId,
    projectCode: z.string(),
    projectName: z.string(),
    taskId: ZId.nullable(),
    taskName: z.string().nullable(),
    note: z.string(),
    startedAt: ZIsoDateTime,
  })
  .meta({ id: "RunningTimer" });
export type TRunningTimer = z.infer<typeof ZRunningTimer>;

export const ZTimerState = z.object({ timer: ZRunningTimer.nullable() }).meta({ id: "TimerState" });
export type TTimerState = z.infer<typeof ZTimerState>;

export const ZStartTimerRequest = z.object({
  projectId: ZId,
  taskId: ZId.nullable().default(null),
  note: ZTimeNote.default(""),
  /** Where a timer already running is stopped into entries (its days split at this zone's midnight). */
  timeZone: ZTimeZone.optional(),
});
export type TStartTimerRequest = z.infer<typeof ZStartTimerRequest>;

export const ZStopTimerRequest = z.object({
  /** The person's time zone (the browser's); default Asia/Shanghai. */
  timeZone: ZTimeZone.optional(),
});
export type TStopTimerRequest = z.infer<typeof ZStopTimerRequest>;

/** After start: the new timer, and the entries the timer it replaced was stopped into (empty when none ran). */
export const ZTimerStarted = z.object({ timer: ZRunningTimer, stopped: z.array(ZTimeEntry) }).meta({ id: "TimerStarted" });
export type TTimerStarted = z.infer<typeof ZTimerStarted>;

/** After stop: the entries written (one per day the timer ran; none for less than half a minute). */
export const ZTimerStopped = z.object({ entries: z.array(ZTimeEntry) }).meta({ id: "TimerStopped" });
export type TTimerStopped = z.infer<typeof ZTimerStopped>;

// ---- timesheets -------------------------------------------------------------------------------------------------

export const ZTimesheetWeekQuery = z.object({
  /** Any day of the week wanted; default this week. */
  week: ZIsoDate.optional(),
});

/** One project's part of a person's week. `draft`: time logged but not submitted yet. */
export const ZTimesheetPart = z
  .object({
    projectId: ZId,
    projectCode: z.string(),
    projectName: z.string(),
    status: ZTimesheetStatus,
    minutes: z.number().int(),
    /** The manager's note with the decision (why it was rejected). */
    note: z.string(),
    decidedByName: z.string().nullable(),
    decidedAt: ZIsoDateTime.nullable(),
    /** The part's version for the manager's decision; 0 while it is a draft. */
    version: z.number().int(),
  })
  .meta({ id: "TimesheetPart" });
export type TTimesheetPart = z.infer<typeof ZTimesheetPart>;

export const ZTimesheetRow = z
  .object({
    projectId: ZId,
    projectCode: z.string(),
    projectName: z.string(),
    taskId: ZId.nullable(),
    taskName: z.string().nullable(),
    taskWbsCode: z.string().nullable(),
    /** Minutes Monday … Sunday. */
    minutes: z.array(z.number().int()).length(7),
    total: z.number().int(),
    editable: z.boolean(),
  })
  .meta({ id: "TimesheetRow" });
export type TTimesheetRow = z.infer<typeof ZTimesheetRow>;

export const ZTimesheetWeek = z
  .object({
    userId: ZId,
    weekStart: ZIsoDate,
    days: z.array(ZIsoDate).length(7),
    status: ZTimesheetStatus,
    submittedAt: ZIsoDateTime.nullable(),
    /** The timesheet's version for submitting (send it back); 0 before the week was first submitted. */
    version: z.number().int(),
    rows: z.array(ZTimesheetRow),
    dayTotals: z.array(z.number().int()).length(7),
    total: z.number().int(),
    parts: z.array(ZTimesheetPart),
    entries: z.array(ZTimeEntry),
  })
  .meta({ id: "TimesheetWeek" });
export type TTimesheetWeek = z.infer<typeof ZTimesheetWeek>;

export const ZSubmitTimesheetRequest = ZVersioned.extend({
  version: z.number().int().min(0),
  /** The Monday of the week. */
  weekStart: ZIsoDate,
});
export type TSubmitTimesheetRequest = z.infer<typeof ZSubmitTimesheetRequest>;

/** A submitted project part as its manager sees it, with the entries it holds. */
export const ZTimesheetApproval = z
  .object({
    timesheetId: ZId,
    projectId: ZId,
    projectCode: z.string(),
    projectName: z.string(),
    userId: ZId,
    userName: z.string(),
    weekStart: ZIsoDate,
    status: z.enum(["submitted", "approved", "rejected"]),
    minutes: z.number().int(),
    note: z.string(),
    submittedAt: ZIsoDateTime.nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: ZIsoDateTime.nullable(),
    version: z.number().int(),
    entries: z.array(ZTimeEntry),
  })
  .meta({ id: "TimesheetApproval" });
export type TTimesheetApproval = z.infer<typeof ZTimesheetApproval>;

export const ZTimesheetApprovalsQuery = z.object({
  /** Default `submitted`: what awaits a decision. */
  status: z.enum(["submitted", "approved", "rejected", "all"]).default("submitted"),
  /** Any day of a week: only that week. */
  week: ZIsoDate.optional(),
});
export type TTimesheetApprovalsQuery = z.input<typeof ZTimesheetApprovalsQuery>;

export const ZTimesheetApprovalList = z.object({ items: z.array(ZTimesheetApproval) }).meta({ id: "TimesheetApprovalList" });

export const ZTimesheetPartParams = z.object({ timesheetId: ZId, projectId: ZId });

export const ZDecideTimesheetPartRequest = ZVersioned.extend({
  decision: z.enum(["approved", "rejected"]),
  /** Required when rejecting: what to fix. */
  note: ZTimeNote.default(""),
});
export type TDecideTimesheetPartRequest = z.infer<typeof ZDecideTimesheetPartRequest>;

// ---- actual cost ------------------------------------------------------------------------------------------------

export const ACTUAL_COST_INTERVALS = ["week", "month"] as const;
export const ZActualCostQuery = z.object({ interval: z.enum(ACTUAL_COST_INTERVALS).default("week") });
export type TActualCostQuery = z.input<typeof ZActualCostQuery>;

/**
 * The project's actual cost: approved minutes × the rate fixed at approval, by period (with running totals), by
 * phase (the task's top-level summary; time on no task is its own line) and by person. `pendingMinutes`: time
 * submitted and awaiting a decision, not yet costed.
 */
export const ZActualCost = z
  .object({
    projectId: ZId,
    currency: z.string(),
    interval: z.enum(ACTUAL_COST_INTERVALS),
    totalMinutes: z.number().int(),
    totalCost: z.number(),
    pendingMinutes: z.number().int(),
    periods: z.array(z.object({ start: ZIsoDate, minutes: z.number().int(), cost: z.number(), cumulativeMinutes: z.number().int(), cumulativeCost: z.number() })),
    phases: z.array(z.object({ taskId: ZId.nullable(), wbsCode: z.string().nullable(), name: z.string().nullable(), minutes: z.number().int(), cost: z.number() })),
    people: z.array(z.object({ userId: ZId, name: z.string(), minutes: z.number().int(), cost: z.number() })),
  })
  .meta({ id: "ActualCost" });
export type TActualCost = z.infer<typeof ZActualCost>;
