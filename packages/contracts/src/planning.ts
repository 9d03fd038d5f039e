import { z } from "zod";
import { ZId, ZIsoDate, ZIsoDateTime, ZVersioned } from "./common";

/**
 * Planning (issue 5; docs/planning.md): a project's work breakdown structure — tasks in an outline with WBS codes,
 * durations in working days, milestones, summary tasks that roll up their tasks, constraints and deadlines, manual
 * or automatic scheduling — the dependencies between tasks (FS, SS, FF, SF with a lag or lead) and the project's
 * working calendar. Every change reschedules the plan on the server; a write answers with the rows that changed.
 */

/** MS Project's eight constraints. ALAP and ASAP take no date; the other six do. */
export const PLAN_CONSTRAINT_TYPES = ["ASAP", "ALAP", "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO"] as const;
export type TPlanConstraintType = (typeof PLAN_CONSTRAINT_TYPES)[number];
export const ZPlanConstraintType = z.enum(PLAN_CONSTRAINT_TYPES);
/** The constraints that need a date. */
export const PLAN_DATED_CONSTRAINTS: readonly TPlanConstraintType[] = ["SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO"];
/** What a summary task may take: it is scheduled from the tasks under it (the engine's rule). */
export const PLAN_SUMMARY_CONSTRAINTS: readonly TPlanConstraintType[] = ["ASAP", "SNET", "FNLT"];

export const PLAN_DEPENDENCY_TYPES = ["FS", "SS", "FF", "SF"] as const;
export type TPlanDependencyType = (typeof PLAN_DEPENDENCY_TYPES)[number];
export const ZPlanDependencyType = z.enum(PLAN_DEPENDENCY_TYPES);

export const PLAN_SCHEDULING_MODES = ["auto", "manual"] as const;
export type TPlanSchedulingMode = (typeof PLAN_SCHEDULING_MODES)[number];
export const ZPlanSchedulingMode = z.enum(PLAN_SCHEDULING_MODES);

/** A summary has tasks under it; a milestone has no duration; everything else is a task. Derived, never stored. */
export const PLAN_TASK_KINDS = ["task", "milestone", "summary"] as const;
export type TPlanTaskKind = (typeof PLAN_TASK_KINDS)[number];

/** The longest duration and the largest lag or lead, in working days (about 40 years). */
export const PLAN_MAX_DAYS = 9999;
/** The holiday sets a project calendar can follow: mainland China's (with its make-up working days, 调休). */
export const PLAN_HOLIDAY_SETS = ["cn"] as const;
export const ZPlanHolidaySet = z.enum(PLAN_HOLIDAY_SETS);
export const PLAN_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type TPlanWeekday = (typeof PLAN_WEEKDAYS)[number];

/** Working days are entered to the hundredth of a day (0.5 = half a day; 0.13 ≈ an hour of an 8-hour day). */
const hasTwoDecimals = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
const zDays = (min: number) => z.number().min(min).max(PLAN_MAX_DAYS).refine(hasTwoDecimals, { message: "plan.two_decimals" });
export const ZPlanDurationDays = zDays(0);
export const ZPlanLagDays = zDays(-PLAN_MAX_DAYS);

// ---- reading ----------------------------------------------------------------------------------------------------

/** A constraint the scheduler could not keep, a missed deadline, or a manual task its predecessors would start later. */
export const ZPlanViolation = z
  .object({
    kind: z.enum([...PLAN_CONSTRAINT_TYPES, "deadline", "manual"]),
    /** By how many working days (> 0). */
    byDays: z.number(),
  })
  .meta({ id: "PlanViolation" });
export type TPlanViolation = z.infer<typeof ZPlanViolation>;

/**
 * Where the scheduler put a task, on the project calendar. Dates are the working days the task occupies: `start`
 * its first, `finish` its last (a milestone's finish is its start). `startDay` / `finishDay` are the same in working
 * days from the plan's day 0 (fractional: a half-day task starting on day 2 finishes at 2.5), for charts. Total float
 * is negative when a constraint or deadline cannot be kept; `critical` is float ≤ 0. For a summary, every value is
 * rolled up from the tasks under it (work and cost summed, % complete weighted by duration).
 */
export const ZPlanTaskSchedule = z
  .object({
    start: ZIsoDate.nullable(),
    finish: ZIsoDate.nullable(),
    earlyStart: ZIsoDate.nullable(),
    earlyFinish: ZIsoDate.nullable(),
    lateStart: ZIsoDate.nullable(),
    lateFinish: ZIsoDate.nullable(),
    startDay: z.number().nullable(),
    finishDay: z.number().nullable(),
    totalFloatDays: z.number().nullable(),
    critical: z.boolean(),
    durationDays: z.number().nullable(),
    /** Null for a client contact (the team's estimates). */
    workHours: z.number().nullable(),
    cost: z.number().nullable(),
    percentComplete: z.number().nullable(),
    violations: z.array(ZPlanViolation),
  })
  .meta({ id: "PlanTaskSchedule" });
export type TPlanTaskSchedule = z.infer<typeof ZPlanTaskSchedule>;

export const ZPlanTask = z
  .object({
    id: ZId,
    projectId: ZId,
    parentId: ZId.nullable(),
    /** 0-based order among its siblings. */
    position: z.number().int(),
    /** `1`, `1.2`, `1.2.3`: from the outline, renumbered when tasks move. */
    wbsCode: z.string(),
    /** 1 at the top of the outline. */
    outlineLevel: z.number().int(),
    kind: z.enum(PLAN_TASK_KINDS),
    name: z.string(),
    /** Null for a client contact (the team's notes). */
    notes: z.string().nullable(),
    /** As entered; a summary's own duration is ignored (see `schedule.durationDays`). */
    durationDays: z.number(),
    schedulingMode: ZPlanSchedulingMode,
    manualStart: ZIsoDate.nullable(),
    constraintType: ZPlanConstraintType,
    constraintDate: ZIsoDate.nullable(),
    deadline: ZIsoDate.nullable(),
    percentComplete: z.number().int(),
    workHours: z.number().nullable(),
    fixedCost: z.number().nullable(),
    ownerId: ZId.nullable(),
    /** Levelling priority (MS Project's): 0–1000, default 500; higher is placed first, 1000 is never delayed. */
    priority: z.number().int(),
    /** Set only by resource levelling: the task starts no earlier than this (cleared by "clear levelling"). */
    levellingStart: ZIsoDate.nullable(),
    /**
     * The board column the task was put in (null: never moved). The column it shows in also follows its percent
     * complete: `boardColumnOf` in the engine, with the plan's `statuses` (docs/execution.md, "Board").
     */
    statusId: ZId.nullable(),
    schedule: ZPlanTaskSchedule,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "PlanTask" });
export type TPlanTask = z.infer<typeof ZPlanTask>;

export const ZPlanDependency = z
  .object({
    id: ZId,
    predecessorId: ZId,
    successorId: ZId,
    type: ZPlanDependencyType,
    /** Working days; negative is a lead. */
    lagDays: z.number(),
    version: z.number().int(),
  })
  .meta({ id: "PlanDependency" });
export type TPlanDependency = z.infer<typeof ZPlanDependency>;

/**
 * Working intervals of a day as text, `HH:MM-HH:MM` separated by commas (`09:00-12:00,13:00-18:00`); empty is a day
 * off.
 */
export const ZPlanDayHours = z
  .string()
  .trim()
  .max(200)
  .regex(/^$|^\d{2}:\d{2}-\d{2}:\d{2}(\s*,\s*\d{2}:\d{2}-\d{2}:\d{2})*$/, { message: "plan.calendar_hours_format" });

export const ZPlanCalendarException = z
  .object({
    from: ZIsoDate,
    /** Inclusive; null or absent: the one day `from`. */
    to: ZIsoDate.nullable().optional(),
    /** Working hours on those days; empty: days off. */
    hours: ZPlanDayHours,
    name: z.string().trim().max(100).default(""),
  })
  .meta({ id: "PlanCalendarException" });
export type TPlanCalendarException = z.infer<typeof ZPlanCalendarException>;

export const ZPlanWeek = z.object({
  mon: ZPlanDayHours,
  tue: ZPlanDayHours,
  wed: ZPlanDayHours,
  thu: ZPlanDayHours,
  fri: ZPlanDayHours,
  sat: ZPlanDayHours,
  sun: ZPlanDayHours,
});
export type TPlanWeek = z.infer<typeof ZPlanWeek>;

export const ZPlanCalendar = z
  .object({
    projectId: ZId,
    week: ZPlanWeek,
    holidaySets: z.array(ZPlanHolidaySet),
    exceptions: z.array(ZPlanCalendarException),
    /** Years of the plan a holiday set has no data for yet (China's are published each November). */
    uncoveredYears: z.array(z.object({ holidaySet: z.string(), years: z.array(z.number().int()) })),
    /** 0 while the project uses the default calendar; send it back with a change. */
    version: z.number().int(),
  })
  .meta({ id: "PlanCalendar" });
export type TPlanCalendar = z.infer<typeof ZPlanCalendar>;

/** A project's plan: tasks in WBS order, dependencies, the calendar, and where the plan starts and finishes. */
export const ZPlan = z
  .object({
    projectId: ZId,
    /** Day 0: the first working day on or after the project's start date (or the day the project was created). */
    start: ZIsoDate,
    /** The last working day of the latest task; null for an empty plan. */
    finish: ZIsoDate.nullable(),
    tasks: z.array(ZPlanTask),
    dependencies: z.array(ZPlanDependency),
    calendar: ZPlanCalendar,
    /** Names of the owners the tasks mention, by id (empty for a client contact). */
    people: z.record(z.string(), z.string()),
    /** The project's board columns in order (empty until the board is first opened), for the tasks' status. */
    statuses: z.array(z.object({ id: ZId, name: z.string(), category: z.enum(["todo", "in_progress", "done"]) })),
  })
  .meta({ id: "Plan" });
export type TPlan = z.infer<typeof ZPlan>;

/**
 * What a write changed: every task whose row changed (the edited one, and those the reschedule moved or
 * renumbered), removed tasks, dependencies added or changed, removed dependencies, and the plan's new finish.
 */
export const ZPlanChange = z
  .object({
    /** The task the request created or edited, if any. */
    taskId: ZId.nullable(),
    tasks: z.array(ZPlanTask),
    removedTaskIds: z.array(ZId),
    dependencies: z.array(ZPlanDependency),
    removedDependencyIds: z.array(ZId),
    finish: ZIsoDate.nullable(),
  })
  .meta({ id: "PlanChange" });
export type TPlanChange = z.infer<typeof ZPlanChange>;

// ---- writing ----------------------------------------------------------------------------------------------------

const ZTaskName = z.string().trim().min(1).max(500);
const ZNotes = z.string().max(20_000);
const ZPercent = z.number().int().min(0).max(100);
const ZHours = z.number().min(0).max(1e7);
const ZCost = z.number().min(0).max(1e12);

/** A new task: under `parentId` (null: top level) at `position` (default: last). A milestone has no duration. */
export const ZCreatePlanTaskRequest = z
  .object({
    name: ZTaskName,
    parentId: ZId.nullable().optional(),
    position: z.number().int().min(0).optional(),
    milestone: z.boolean().optional(),
    durationDays: ZPlanDurationDays.optional(),
    notes: ZNotes.optional(),
    ownerId: ZId.nullable().optional(),
  })
  .strict();
export type TCreatePlanTaskRequest = z.infer<typeof ZCreatePlanTaskRequest>;

/**
 * A change of a task's own fields. `start` and `finish` are conveniences the table edits through: a manual task
 * starts on `start`; an automatic one gets "start no earlier than" `start` (as MS Project does); `finish` sets the
 * duration to the working days from the task's start to `finish`.
 */
export const ZUpdatePlanTaskRequest = ZVersioned.extend({
  name: ZTaskName.optional(),
  notes: ZNotes.optional(),
  durationDays: ZPlanDurationDays.optional(),
  schedulingMode: ZPlanSchedulingMode.optional(),
  manualStart: ZIsoDate.nullable().optional(),
  start: ZIsoDate.optional(),
  finish: ZIsoDate.optional(),
  constraintType: ZPlanConstraintType.optional(),
  constraintDate: ZIsoDate.nullable().optional(),
  deadline: ZIsoDate.nullable().optional(),
  percentComplete: ZPercent.optional(),
  workHours: ZHours.optional(),
  fixedCost: ZCost.optional(),
  ownerId: ZId.nullable().optional(),
  priority: z.number().int().min(0).max(1000).optional(),
}).strict();
export type TUpdatePlanTaskRequest = z.infer<typeof ZUpdatePlanTaskRequest>;

export const PLAN_MOVE_ACTIONS = ["indent", "outdent", "up", "down", "to"] as const;
export type TPlanMoveAction = (typeof PLAN_MOVE_ACTIONS)[number];

/**
 * Indent (under the sibling above), outdent (after its parent), up or down among its siblings, or `to` a parent
 * (`parentId`, null: the top) and `position` (default: last).
 */
export const ZMovePlanTaskRequest = ZVersioned.extend({
  action: z.enum(PLAN_MOVE_ACTIONS),
  parentId: ZId.nullable().optional(),
  position: z.number().int().min(0).optional(),
}).strict();
export type TMovePlanTaskRequest = z.infer<typeof ZMovePlanTaskRequest>;

export const ZDeletePlanTaskQuery = z.object({
  version: z.coerce.number().int().positive(),
  /** Required (true) to delete a summary task with the tasks under it. */
  withSubtasks: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
export type TDeletePlanTaskQuery = z.infer<typeof ZDeletePlanTaskQuery>;

export const ZPredecessorInput = z.object({
  predecessorId: ZId,
  type: ZPlanDependencyType.default("FS"),
  lagDays: ZPlanLagDays.default(0),
});

/** A task's predecessors, all at once (what the table's "Predecessors" cell edits): replaces the set. */
export const ZSetPlanPredecessorsRequest = ZVersioned.extend({
  predecessors: z.array(ZPredecessorInput).max(200),
}).strict();
export type TSetPlanPredecessorsRequest = z.infer<typeof ZSetPlanPredecessorsRequest>;

export const ZCreatePlanDependencyRequest = z
  .object({
    predecessorId: ZId,
    successorId: ZId,
    type: ZPlanDependencyType.default("FS"),
    lagDays: ZPlanLagDays.default(0),
  })
  .strict();
export type TCreatePlanDependencyRequest = z.infer<typeof ZCreatePlanDependencyRequest>;

export const ZUpdatePlanDependencyRequest = ZVersioned.extend({
  type: ZPlanDependencyType.optional(),
  lagDays: ZPlanLagDays.optional(),
}).strict();
export type TUpdatePlanDependencyRequest = z.infer<typeof ZUpdatePlanDependencyRequest>;

export const ZUpdatePlanCalendarRequest = z
  .object({
    /** 0 to replace the default calendar. */
    version: z.number().int().min(0),
    week: ZPlanWeek,
    holidaySets: z.array(ZPlanHolidaySet).max(PLAN_HOLIDAY_SETS.length),
    exceptions: z.array(ZPlanCalendarException).max(500),
  })
  .strict();
export type TUpdatePlanCalendarRequest = z.infer<typeof ZUpdatePlanCalendarRequest>;
