/**
 * Writing a plan as Microsoft Project XML (MSPDI), the way Project 2010 and later save it: elements in the schema's
 * order (MS Project checks it), dates as local `YYYY-MM-DDTHH:MM:SS`, durations and work as `PT…H…M…S` in working
 * time of the calendar's working day (`MinutesPerDay`), lags in tenths of a minute with LagFormat 7 (days), costs in
 * hundredths of the currency and rates per hour. The project summary task (UID 0) comes first, as MS Project writes
 * it; then the tasks in outline order, UIDs 1…n. Pure: a model in, text out.
 */
import { XMLBuilder } from "fast-xml-parser";
import type { PlanCalendarInterval, WeekdayKey, WorkingInterval } from "@jiaofu/engine";
import type { TPlanConstraintType, TPlanDependencyType } from "@jiaofu/contracts";
import { MSPDI_CONSTRAINTS, MSPDI_LINK_TYPES, MSPDI_NAMESPACE } from "./mspdi-read";

export type MspdiTaskOut = {
  uid: number;
  name: string;
  wbs: string;
  outlineLevel: number;
  summary: boolean;
  milestone: boolean;
  /** Own duration (a summary: its rolled-up span), in working days. */
  durationDays: number;
  /** Local date-times, `YYYY-MM-DDTHH:MM:SS`. */
  start: string | null;
  finish: string | null;
  manual: boolean;
  constraintType: TPlanConstraintType;
  constraintDate: string | null;
  deadline: string | null;
  percentComplete: number;
  workHours: number;
  fixedCost: number;
  cost: number;
  priority: number;
  notes: string;
  critical: boolean;
  totalFloatDays: number;
  predecessors: { uid: number; type: TPlanDependencyType; lagDays: number }[];
};

export type MspdiResourceOut = { uid: number; name: string; kind: "work" | "material" | "cost"; role: string; maxUnits: number; costPerHour: number; costPerUse: number; materialLabel: string };
export type MspdiAssignmentOut = { uid: number; taskUid: number; resourceUid: number; units: number; workHours: number; start: string | null; finish: string | null };

export type MspdiExport = {
  name: string;
  title: string;
  currency: string;
  /** `YYYY-MM-DDTHH:MM:SS`. */
  created: string;
  start: string;
  finish: string;
  calendarName: string;
  minutesPerDay: number;
  week: Record<WeekdayKey, readonly PlanCalendarInterval[]>;
  exceptions: readonly { from: string; to: string; intervals: readonly WorkingInterval[]; name: string }[];
  tasks: readonly MspdiTaskOut[];
  resources: readonly MspdiResourceOut[];
  assignments: readonly MspdiAssignmentOut[];
};

const pad = (n: number) => String(n).padStart(2, "0");

/** `PT16H0M0S` for 960 minutes (seconds rounded). */
export function mspdiDuration(minutes: number): string {
  const seconds = Math.max(0, Math.round(minutes * 60));
  return `PT${Math.floor(seconds / 3600)}H${Math.floor((seconds % 3600) / 60)}M${seconds % 60}S`;
}

/** `09:00:00`; the end of the day (1440) is `00:00:00`, as MS Project writes midnight. */
const clock = (minutes: number) => `${pad(Math.floor((minutes % 1440) / 60))}:${pad(minutes % 60)}:00`;

const workingTimes = (intervals: readonly { start: number; end: number }[]) =>
  intervals.length === 0 ? undefined : { WorkingTime: intervals.map((i) => ({ FromTime: clock(i.start), ToTime: clock(i.end) })) };

const FINISH_CONSTRAINTS = new Set<TPlanConstraintType>(["FNET", "FNLT", "MFO"]);
const bit = (value: boolean) => (value ? 1 : 0);
/** A date as MS Project's date-time at the start of the day. */
const midnight = (date: string) => `${date}T00:00:00`;

const builder = new XMLBuilder({ format: true, indentBy: "  ", ignoreAttributes: false, suppressEmptyNode: false, processEntities: true });

/** The order of the days of WeekDays: DayType 1 (Sunday) to 7 (Saturday). */
const DAY_KEYS: readonly WeekdayKey[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

export function mspdiWrite(plan: MspdiExport): string {
  const minutes = (days: number) => days * plan.minutesPerDay;
  const defaultDay = plan.week.mon.length > 0 ? plan.week.mon : (DAY_KEYS.map((k) => plan.week[k]).find((d) => d.length > 0) ?? []);
  const dayStart = clock(defaultDay[0]?.start ?? 540);
  const dayEnd = clock(defaultDay[defaultDay.length - 1]?.end ?? 1080);
  const minutesPerWeek = DAY_KEYS.reduce((sum, k) => sum + plan.week[k].reduce((s, i) => s + i.end - i.start, 0), 0);
  const calendar = {
    UID: 1,
    Name: plan.calendarName,
    IsBaseCalendar: 1,
    IsBaselineCalendar: 0,
    BaseCalendarUID: -1,
    WeekDays: {
      WeekDay: DAY_KEYS.map((key, i) => ({ DayType: i + 1, DayWorking: bit(plan.week[key].length > 0), ...(plan.week[key].length > 0 ? { WorkingTimes: workingTimes(plan.week[key]) } : {}) })),
    },
    ...(plan.exceptions.length > 0
      ? {
          Exceptions: {
            Exception: plan.exceptions.map((e) => ({
              EnteredByOccurrences: 0,
              TimePeriod: { FromDate: midnight(e.from), ToDate: `${e.to}T23:59:00` },
              Occurrences: Math.round((Date.parse(e.to) - Date.parse(e.from)) / 86_400_000) + 1,
              Name: e.name,
              Type: 1,
              DayWorking: bit(e.intervals.length > 0),
              ...(e.intervals.length > 0 ? { WorkingTimes: workingTimes(e.intervals) } : {}),
            })),
          },
        }
      : {}),
  };

  const summaryTask = {
    UID: 0,
    ID: 0,
    Name: plan.title,
    Type: 1,
    IsNull: 0,
    WBS: 0,
    OutlineNumber: 0,
    OutlineLevel: 0,
    Priority: 500,
    Start: plan.start,
    Finish: plan.finish,
    DurationFormat: 7,
    Milestone: 0,
    Summary: 1,
    ConstraintType: 0,
    CalendarUID: -1,
    Active: 1,
    Manual: 0,
  };
  const tasks = plan.tasks.map((t) => ({
    UID: t.uid,
    ID: t.uid,
    Name: t.name,
    // Fixed duration: the plan's durations are entered, not derived from assignments.
    Type: 1,
    IsNull: 0,
    WBS: t.wbs,
    OutlineNumber: t.wbs,
    OutlineLevel: t.outlineLevel,
    Priority: t.priority,
    ...(t.start ? { Start: t.start } : {}),
    ...(t.finish ? { Finish: t.finish } : {}),
    Duration: mspdiDuration(minutes(t.durationDays)),
    ...(t.manual && t.start ? { ManualStart: t.start, ManualFinish: t.finish ?? t.start, ManualDuration: mspdiDuration(minutes(t.durationDays)) } : {}),
    DurationFormat: 7,
    Work: mspdiDuration(t.workHours * 60),
    EffortDriven: 0,
    Recurring: 0,
    Estimated: 0,
    Milestone: bit(t.milestone),
    Summary: bit(t.summary),
    Critical: bit(t.critical),
    TotalSlack: Math.round(minutes(t.totalFloatDays) * 10),
    FixedCost: Math.round(t.fixedCost * 100),
    FixedCostAccrual: 3,
    PercentComplete: t.percentComplete,
    Cost: Math.round(t.cost * 100),
    ConstraintType: MSPDI_CONSTRAINTS.indexOf(t.constraintType),
    CalendarUID: -1,
    // Start constraints at the start of their working day, finish constraints and deadlines at its end (as MS Project sets them).
    ...(t.constraintDate ? { ConstraintDate: FINISH_CONSTRAINTS.has(t.constraintType) ? `${t.constraintDate}T${dayEnd}` : `${t.constraintDate}T${dayStart}` } : {}),
    ...(t.deadline ? { Deadline: `${t.deadline}T${dayEnd}` } : {}),
    ...(t.notes ? { Notes: t.notes } : {}),
    ...(t.predecessors.length > 0
      ? {
          PredecessorLink: t.predecessors.map((p) => ({
            PredecessorUID: p.uid,
            Type: MSPDI_LINK_TYPES.indexOf(p.type),
            CrossProject: 0,
            LinkLag: Math.round(minutes(p.lagDays) * 10),
            LagFormat: 7,
          })),
        }
      : {}),
    Active: 1,
    Manual: bit(t.manual),
  }));

  const resources = plan.resources.map((r) => ({
    UID: r.uid,
    ID: r.uid,
    Name: r.name,
    Type: r.kind === "material" ? 0 : r.kind === "cost" ? 2 : 1,
    IsNull: 0,
    ...(r.kind === "material" && r.materialLabel ? { MaterialLabel: r.materialLabel } : {}),
    ...(r.role ? { Group: r.role } : {}),
    ...(r.kind === "work" ? { MaxUnits: r.maxUnits } : {}),
    StandardRate: r.costPerHour,
    StandardRateFormat: r.kind === "material" ? 7 : 2,
    CostPerUse: Math.round(r.costPerUse * 100),
    ...(r.kind === "work" ? { CalendarUID: 1 } : {}),
  }));
  const assignments = plan.assignments.map((a) => ({
    UID: a.uid,
    TaskUID: a.taskUid,
    ResourceUID: a.resourceUid,
    PercentWorkComplete: 0,
    ...(a.finish ? { Finish: a.finish } : {}),
    ...(a.start ? { Start: a.start } : {}),
    Units: a.units,
    Work: mspdiDuration(a.workHours * 60),
  }));

  const document = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8", "@_standalone": "yes" },
    Project: {
      "@_xmlns": MSPDI_NAMESPACE,
      SaveVersion: 14,
      Name: plan.name,
      Title: plan.title,
      CreationDate: plan.created,
      LastSaved: plan.created,
      ScheduleFromStart: 1,
      StartDate: plan.start,
      FinishDate: plan.finish,
      FYStartDate: 1,
      CriticalSlackLimit: 0,
      CurrencyDigits: 2,
      CurrencyCode: plan.currency,
      CalendarUID: 1,
      DefaultStartTime: dayStart,
      DefaultFinishTime: dayEnd,
      MinutesPerDay: plan.minutesPerDay,
      MinutesPerWeek: minutesPerWeek,
      DaysPerMonth: 20,
      DefaultTaskType: 1,
      DurationFormat: 7,
      WorkFormat: 2,
      HonorConstraints: 1,
      NewTasksEffortDriven: 0,
      NewTasksEstimated: 0,
      WeekStartDay: 1,
      Calendars: { Calendar: [calendar] },
      Tasks: { Task: [summaryTask, ...tasks] },
      Resources: { Resource: resources },
      Assignments: { Assignment: assignments },
    },
  };
  return builder.build(document) as string;
}
