/**
 * The plan as the exchange formats carry it, between a file and the database: tasks in outline order with their own
 * fields, links by the file's task keys, the resources and assignments, and the calendar. The MSPDI and CSV readers
 * produce it (with the issues they found); `exchangePlanResolve` checks it as a whole and turns it into rows the
 * planning module stores. Pure: no database, no clock.
 */
import {
  CHINA_HOLIDAY_PERIODS,
  CHINA_HOLIDAYS_SOURCE,
  calendarCompile,
  calendarDayFromIso,
  calendarDayInfo,
  calendarDayToIso,
  type CalendarDay,
  type PlanCalendarException,
  type PlanCalendarInterval,
  WEEKDAY_KEYS,
  type WeekdayKey,
  type WorkingCalendar,
  type WorkingInterval,
} from "@jiaofu/engine";
import { PLAN_DATED_CONSTRAINTS, PLAN_MAX_DAYS, PLAN_SUMMARY_CONSTRAINTS, type TPlanConstraintType, type TPlanDependencyType } from "@jiaofu/contracts";
import type { MessageKey } from "../../platform/messages";

/** A problem or a remark about the file; `at` says where ("Task 12", "C4"), null for the file as a whole. */
export type ExchangeIssue = { key: MessageKey; params: Record<string, string | number>; at: string | null };

export type ExchangeTask = {
  /** The file's id for the task (MSPDI UID, CSV row number): what links and assignments name. */
  key: string;
  /** Where the task is in the file, for messages. */
  at: string;
  name: string;
  /** 1 at the top of the outline. */
  outlineLevel: number;
  durationDays: number;
  schedulingMode: "auto" | "manual";
  manualStart: string | null;
  constraintType: TPlanConstraintType;
  constraintDate: string | null;
  deadline: string | null;
  percentComplete: number;
  workHours: number;
  fixedCost: number;
  priority: number;
  notes: string;
};

export type ExchangeLink = { predecessorKey: string; successorKey: string; type: TPlanDependencyType; lagDays: number; at: string };

export type ExchangeResource = {
  key: string;
  at: string;
  name: string;
  kind: "work" | "material" | "cost";
  role: string;
  maxUnits: number;
  costPerHour: number;
  costPerUse: number;
  materialLabel: string;
};

export type ExchangeAssignment = { taskKey: string; resourceKey: string; units: number; at: string };

/** A calendar as a file describes it: the weekly pattern and every exception day or range it lists. */
export type ExchangeCalendar = { week: Record<WeekdayKey, PlanCalendarInterval[]>; exceptions: PlanCalendarException[] };

export type ExchangePlan = {
  /** The project start the file names (MSPDI), if any. */
  fileStart: string | null;
  fileFinish: string | null;
  tasks: ExchangeTask[];
  links: ExchangeLink[];
  resources: ExchangeResource[];
  assignments: ExchangeAssignment[];
  /** Null: the file has no calendar (CSV); the project keeps its own. */
  calendar: ExchangeCalendar | null;
  errors: ExchangeIssue[];
  warnings: ExchangeIssue[];
};

export const emptyExchangePlan = (): ExchangePlan => ({ fileStart: null, fileFinish: null, tasks: [], links: [], resources: [], assignments: [], calendar: null, errors: [], warnings: [] });

/** Rounds to the hundredth (durations and lags are stored with two decimals). */
export const hundredths = (value: number) => Math.round(value * 100) / 100;

export const MAX_TASK_NAME = 500;

/** A task as it will be inserted: the outline by index (`parentIndex` −1 at the top), the own fields, checked. */
export type ResolvedTask = ExchangeTask & { parentIndex: number; position: number; wbsCode: string; summary: boolean };

export type ResolvedPlan = {
  tasks: ResolvedTask[];
  links: { predecessor: number; successor: number; type: TPlanDependencyType; lagDays: number }[];
  resources: ExchangeResource[];
  assignments: { task: number; resource: number; units: number }[];
  calendarExceptions: number;
};

const issue = (key: MessageKey, at: string | null, params: Record<string, string | number> = {}): ExchangeIssue => ({ key, params, at });

/**
 * Checks the plan as a whole and resolves its keys to indexes: outline levels that step down one at a time, names,
 * durations and lags within range, dated constraints with dates, links between tasks of the file (a duplicate is
 * kept once), what a summary task cannot have (a manual mode or a constraint other than ASAP, SNET or FNLT: dropped
 * with a warning, as MS Project's summaries may carry them), assignments to tasks without tasks under them.
 * Problems go to `plan.errors`, remarks to `plan.warnings`.
 */
export function exchangePlanResolve(plan: ExchangePlan): ResolvedPlan {
  const { errors, warnings } = plan;
  const tasks: ResolvedTask[] = [];
  const indexOf = new Map<string, number>();
  // The outline: a stack of the last task at each level.
  const stack: number[] = [];
  const childCounts = new Map<number, number>();
  let previousLevel = 0;
  for (const task of plan.tasks) {
    if (task.name.trim() === "") errors.push(issue("plan_exchange.task_name_missing", task.at));
    else if ([...task.name].length > MAX_TASK_NAME) errors.push(issue("plan_exchange.task_name_too_long", task.at, { maximum: MAX_TASK_NAME }));
    let level = task.outlineLevel;
    if (!Number.isInteger(level) || level < 1 || level > previousLevel + 1) {
      errors.push(issue("plan_exchange.outline_level", task.at, { level: String(level), previous: previousLevel }));
      level = Math.max(1, Math.min(Number.isInteger(level) ? level : 1, previousLevel + 1));
    }
    previousLevel = level;
    stack.length = level - 1;
    const parentIndex = stack.length === 0 ? -1 : (stack[stack.length - 1] as number);
    const position = childCounts.get(parentIndex) ?? 0;
    childCounts.set(parentIndex, position + 1);
    const parentCode = parentIndex === -1 ? "" : `${(tasks[parentIndex] as ResolvedTask).wbsCode}.`;
    if (parentIndex !== -1) (tasks[parentIndex] as ResolvedTask).summary = true;
    const index = tasks.length;
    stack.push(index);
    if (indexOf.has(task.key)) errors.push(issue("plan_exchange.task_duplicate", task.at, { key: task.key }));
    indexOf.set(task.key, index);
    if (!(task.durationDays >= 0 && task.durationDays <= PLAN_MAX_DAYS)) errors.push(issue("plan_exchange.duration_range", task.at, { maximum: PLAN_MAX_DAYS }));
    if (PLAN_DATED_CONSTRAINTS.includes(task.constraintType) && task.constraintDate === null) errors.push(issue("plan_exchange.constraint_date_missing", task.at, { type: task.constraintType }));
    if (task.schedulingMode === "manual" && task.manualStart === null) errors.push(issue("plan_exchange.manual_start_missing", task.at));
    tasks.push({ ...task, outlineLevel: level, parentIndex, position, wbsCode: `${parentCode}${position + 1}`, summary: false });
  }
  for (const task of tasks) {
    if (!task.summary) continue;
    if (task.schedulingMode === "manual") {
      warnings.push(issue("plan_exchange.summary_manual_dropped", task.at));
      task.schedulingMode = "auto";
      task.manualStart = null;
    }
    if (!PLAN_SUMMARY_CONSTRAINTS.includes(task.constraintType)) {
      warnings.push(issue("plan_exchange.summary_constraint_dropped", task.at, { type: task.constraintType }));
      task.constraintType = "ASAP";
      task.constraintDate = null;
    }
  }

  const links: ResolvedPlan["links"] = [];
  const pairs = new Set<string>();
  for (const link of plan.links) {
    const predecessor = indexOf.get(link.predecessorKey);
    const successor = indexOf.get(link.successorKey);
    if (predecessor === undefined || successor === undefined) {
      errors.push(issue("plan_exchange.link_unknown_task", link.at, { ref: predecessor === undefined ? link.predecessorKey : link.successorKey }));
      continue;
    }
    if (predecessor === successor) {
      errors.push(issue("plan_exchange.link_self", link.at));
      continue;
    }
    if (Math.abs(link.lagDays) > PLAN_MAX_DAYS) {
      errors.push(issue("plan_exchange.lag_range", link.at, { maximum: PLAN_MAX_DAYS }));
      continue;
    }
    const pair = `${predecessor}>${successor}`;
    if (pairs.has(pair)) {
      warnings.push(issue("plan_exchange.link_duplicate", link.at));
      continue;
    }
    pairs.add(pair);
    links.push({ predecessor, successor, type: link.type, lagDays: hundredths(link.lagDays) });
  }

  const resourceOf = new Map<string, number>();
  const names = new Set<string>();
  for (const [i, resource] of plan.resources.entries()) {
    const folded = resource.name.trim().toLowerCase();
    if (names.has(folded)) errors.push(issue("plan_exchange.resource_duplicate", resource.at, { name: resource.name }));
    names.add(folded);
    resourceOf.set(resource.key, i);
  }
  const assignments: ResolvedPlan["assignments"] = [];
  const assigned = new Set<string>();
  for (const assignment of plan.assignments) {
    const task = indexOf.get(assignment.taskKey);
    const resource = resourceOf.get(assignment.resourceKey);
    if (task === undefined || resource === undefined) {
      warnings.push(issue("plan_exchange.assignment_unknown", assignment.at));
      continue;
    }
    if ((tasks[task] as ResolvedTask).summary) {
      warnings.push(issue("plan_exchange.assignment_summary", assignment.at, { task: (tasks[task] as ResolvedTask).name }));
      continue;
    }
    const pair = `${task}>${resource}`;
    if (assigned.has(pair)) continue;
    assigned.add(pair);
    assignments.push({ task, resource, units: Math.max(0, assignment.units) });
  }
  return { tasks, links, resources: plan.resources, assignments, calendarExceptions: 0 };
}

// ---- calendars ---------------------------------------------------------------------------------------------------

const sameIntervals = (a: readonly { start: number; end: number }[], b: readonly WorkingInterval[]) => a.length === b.length && a.every((x, i) => x.start === b[i]?.start && x.end === b[i]?.end);

function eachDay(from: string, to: string | undefined, visit: (day: CalendarDay) => void) {
  const first = calendarDayFromIso(from);
  const last = calendarDayFromIso(to ?? from);
  // A range longer than ten years is not a calendar exception anyone meant; it is cut there.
  for (let d = first; d <= last && d - first < 3660; d++) visit(d as CalendarDay);
}

/** The years a plan spans, for the holiday days an export writes and an import compares. */
export function exchangePlanYears(start: string, finish: string | null): { from: number; to: number } {
  const from = Number(start.slice(0, 4));
  return { from, to: Math.max(from, finish ? Number(finish.slice(0, 4)) : from) };
}

/**
 * The calendar a project takes from a file. When the file's exceptions hold every day off and every make-up working
 * day (调休) of mainland China's arrangements in the plan's years — as Jiaofu's export writes them, or as a person
 * enters them in MS Project — the calendar follows the `cn` holiday set (which also covers the years outside the
 * plan) and keeps as its own exceptions only the days the set does not explain. Otherwise the file's exceptions are
 * kept as they are.
 */
export function exchangeCalendarAdopt(file: ExchangeCalendar, years: { from: number; to: number }): { week: Record<WeekdayKey, PlanCalendarInterval[]>; holidaySets: string[]; exceptions: PlanCalendarException[] } {
  const stated = new Map<number, PlanCalendarInterval[]>();
  for (const exception of file.exceptions) eachDay(exception.from, exception.to, (day) => stated.set(day, exception.intervals));
  const china = CHINA_HOLIDAY_PERIODS.filter((p) => p.year >= years.from && p.year <= years.to && p.year <= CHINA_HOLIDAYS_SOURCE.toYear);
  let matches = china.length > 0;
  for (const period of china) {
    for (const [from, to] of period.off) eachDay(from, to, (day) => {
      const intervals = stated.get(day);
      if (!intervals || intervals.length > 0) matches = false;
    });
    for (const date of period.working) {
      const intervals = stated.get(calendarDayFromIso(date));
      if (!intervals || intervals.length === 0) matches = false;
    }
  }
  if (!matches) return { week: file.week, holidaySets: [], exceptions: file.exceptions };
  const outcome = calendarCompile({ week: file.week as unknown as Record<WeekdayKey, readonly WorkingInterval[]>, holidaySets: ["cn"] });
  if (!outcome.ok) return { week: file.week, holidaySets: [], exceptions: file.exceptions };
  const base = outcome.value;
  const exceptions = file.exceptions.flatMap((exception) => {
    // Only the days of an exception that the week and China's set do not already give.
    const own: PlanCalendarException[] = [];
    let lastDay = Number.NaN;
    eachDay(exception.from, exception.to, (day) => {
      if (sameIntervals(exception.intervals, calendarDayInfo(base, day).intervals)) return;
      const iso = calendarDayToIso(day);
      const last = own[own.length - 1];
      if (last && lastDay === day - 1) last.to = iso;
      else own.push({ from: iso, intervals: exception.intervals, ...(exception.name ? { name: exception.name } : {}) });
      lastDay = day;
    });
    return own;
  });
  return { week: file.week, holidaySets: ["cn"], exceptions };
}

/** One run of days that a calendar sets apart from its week: off, or worked with other hours. */
export type ExchangeCalendarRange = { from: string; to: string; intervals: readonly WorkingInterval[]; name: string };

/**
 * The days of the plan's years that differ from the weekly pattern (China's holidays and make-up days, the
 * project's exceptions) and the project's own exceptions outside those years, as runs of consecutive days with the
 * same hours and name: the exceptions an export writes.
 */
export function exchangeCalendarRanges(calendar: WorkingCalendar, ownExceptions: readonly PlanCalendarException[], years: { from: number; to: number }, locale: "en" | "zh-CN"): ExchangeCalendarRange[] {
  const days = new Set<number>();
  const first = calendarDayFromIso(`${years.from}-01-01`);
  const last = calendarDayFromIso(`${years.to}-12-31`);
  for (let d = first; d <= last; d++) days.add(d);
  for (const exception of ownExceptions) eachDay(exception.from, exception.to, (day) => days.add(day));
  const ranges: ExchangeCalendarRange[] = [];
  let previousDay = Number.NaN;
  for (const day of [...days].sort((a, b) => a - b)) {
    const info = calendarDayInfo(calendar, day as CalendarDay);
    const inYears = day >= first && day <= last;
    if (info.source === "week" || (!inYears && info.source !== "exception")) continue;
    const name = (locale === "zh-CN" ? (info.name?.zh ?? info.name?.en) : (info.name?.en ?? info.name?.zh)) ?? "";
    const current = ranges[ranges.length - 1];
    if (current && previousDay === day - 1 && current.name === name && sameIntervals(current.intervals, info.intervals)) {
      current.to = info.date;
    } else {
      ranges.push({ from: info.date, to: info.date, intervals: info.intervals, name });
    }
    previousDay = day;
  }
  return ranges;
}

/**
 * The working day's length the file's durations are counted in: the most common working minutes of the weekdays
 * (480 for 09:00–12:00, 13:00–18:00), as MS Project's "hours per day".
 */
export function exchangeMinutesPerDay(week: Record<WeekdayKey, readonly PlanCalendarInterval[]>): number {
  const counts = new Map<number, number>();
  for (const key of WEEKDAY_KEYS) {
    const minutes = week[key].reduce((sum, i) => sum + (i.end - i.start), 0);
    if (minutes > 0) counts.set(minutes, (counts.get(minutes) ?? 0) + 1);
  }
  let best = 480;
  let most = 0;
  for (const [minutes, count] of counts) if (count > most || (count === most && minutes > best)) [best, most] = [minutes, count];
  return best;
}
