/**
 * A project's working calendar as stored (intervals in minutes, holiday-set ids, exceptions), as the API shows it
 * (hours as `09:00-12:00,13:00-18:00` text) and as the engine compiles it. The default — until the project saves
 * its own — is Monday to Friday, 09:00–12:00 and 13:00–18:00 (8 hours), following mainland China's public holidays
 * and make-up working days (调休): Jiaofu's home market, and what a zh-CN workspace expects.
 */
import {
  CHINA_HOLIDAYS_SOURCE,
  calendarCompile,
  calendarIntervalsFromText,
  calendarIntervalsToText,
  calendarUncoveredYears,
  type CalendarSpec,
  DEFAULT_WORKING_DAY,
  WEEKDAY_KEYS,
  type WeekdayKey,
  type WorkingCalendar,
  type WorkingInterval,
} from "@jiaofu/engine";
import { PLAN_HOLIDAY_SETS, type TPlanCalendar, type TPlanCalendarException, type TUpdatePlanCalendarRequest } from "@jiaofu/contracts";
import type { PlanCalendarException, PlanCalendarInterval } from "../../db/schema";
import { AppError } from "../../platform/app-error";
import type { MessageKey } from "../../platform/messages";
import type { ProjectCalendarRow } from "./planning.repository";

/** A calendar as the module works with it: what is stored, and its version (0: the default, never saved). */
export type PlanCalendarModel = {
  week: Record<WeekdayKey, PlanCalendarInterval[]>;
  holidaySets: string[];
  exceptions: PlanCalendarException[];
  version: number;
};

const workday = (): PlanCalendarInterval[] => DEFAULT_WORKING_DAY.map((i) => ({ start: i.start, end: i.end }));

export function planDefaultCalendar(): PlanCalendarModel {
  return {
    week: { mon: workday(), tue: workday(), wed: workday(), thu: workday(), fri: workday(), sat: [], sun: [] },
    holidaySets: ["cn"],
    exceptions: [],
    version: 0,
  };
}

export function planCalendarOf(row: ProjectCalendarRow | undefined): PlanCalendarModel {
  if (!row) return planDefaultCalendar();
  const week = planDefaultCalendar().week;
  for (const key of WEEKDAY_KEYS) week[key] = row.week[key] ?? [];
  return { week, holidaySets: row.holidaySets, exceptions: row.exceptions, version: row.version };
}

function specOf(model: Pick<PlanCalendarModel, "week" | "holidaySets" | "exceptions">): CalendarSpec {
  return {
    week: model.week as unknown as Record<WeekdayKey, readonly WorkingInterval[]>,
    holidaySets: model.holidaySets,
    exceptions: model.exceptions.map((e) => ({ from: e.from, ...(e.to ? { to: e.to } : {}), intervals: e.intervals as unknown as readonly WorkingInterval[], ...(e.name ? { name: e.name } : {}) })),
  };
}

/** The engine's calendar. Stored calendars were checked when saved, so a refusal here is a bug, not input. */
export function planCalendarCompile(model: PlanCalendarModel): WorkingCalendar {
  const outcome = calendarCompile(specOf(model));
  if (!outcome.ok) throw new Error(`stored project calendar does not compile: ${outcome.error.message}`);
  return outcome.value;
}

/**
 * What the stored schedule was computed from: the plan's start, the calendar's version and the holiday data. When
 * any of them changes, the next read reschedules.
 */
export const planScheduleBasis = (planStart: string, calendar: PlanCalendarModel) =>
  `${planStart}|calendar:${calendar.version}|cn:${CHINA_HOLIDAYS_SOURCE.version}:${CHINA_HOLIDAYS_SOURCE.toYear}`;

/** A 400 for one field of the calendar request, in the shape zod errors take. */
const calendarFieldError = (path: string, key: MessageKey) => new AppError("validation_failed", "validation_failed", {}, { fields: [{ path, messageKey: key }] });

function intervalsOf(text: string, path: string): PlanCalendarInterval[] {
  try {
    return calendarIntervalsFromText(text).map((i) => ({ start: i.start, end: i.end }));
  } catch {
    throw calendarFieldError(path, "plan.calendar_hours_invalid");
  }
}

/**
 * The calendar a request describes, checked by the engine (intervals in order and not overlapping, a week with
 * some working time, exception dates in order); a problem is a 400 on the field it is about.
 */
export function planCalendarFromRequest(input: TUpdatePlanCalendarRequest): Omit<PlanCalendarModel, "version"> {
  const week = planDefaultCalendar().week;
  for (const key of WEEKDAY_KEYS) week[key] = intervalsOf(input.week[key], `body.week.${key}`);
  const exceptions: PlanCalendarException[] = input.exceptions.map((e, i) => {
    if (e.to && e.to < e.from) throw calendarFieldError(`body.exceptions.${i}.to`, "end_before_start");
    const name = e.name.trim();
    return { from: e.from, ...(e.to ? { to: e.to } : {}), intervals: intervalsOf(e.hours, `body.exceptions.${i}.hours`), ...(name ? { name: { zh: name, en: name } } : {}) };
  });
  const model = { week, holidaySets: [...new Set(input.holidaySets)], exceptions };
  const outcome = calendarCompile(specOf(model));
  if (!outcome.ok) {
    const { code, path } = outcome.error;
    if (code === "no-working-time") throw calendarFieldError("body.week", "plan.calendar_no_working_time");
    const week = /^week\.(\w+)/.exec(path);
    if (week) throw calendarFieldError(`body.week.${week[1]}`, "plan.calendar_hours_invalid");
    const exception = /^exceptions\[(\d+)\]/.exec(path);
    if (exception) throw calendarFieldError(`body.exceptions.${exception[1]}.hours`, "plan.calendar_hours_invalid");
    throw calendarFieldError("body", "plan.calendar_hours_invalid");
  }
  return model;
}

/** The calendar as the API shows it, with the years of the plan a holiday set has no data for yet. */
export function presentPlanCalendar(projectId: string, model: PlanCalendarModel, compiled: WorkingCalendar, years: { from: number; to: number }): TPlanCalendar {
  const week = Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, calendarIntervalsToText(model.week[key] as unknown as WorkingInterval[])])) as TPlanCalendar["week"];
  const exceptions: TPlanCalendarException[] = model.exceptions.map((e) => ({
    from: e.from,
    to: e.to ?? null,
    hours: calendarIntervalsToText(e.intervals as unknown as WorkingInterval[]),
    name: e.name?.zh ?? e.name?.en ?? "",
  }));
  return {
    projectId,
    week,
    holidaySets: model.holidaySets.filter((id): id is (typeof PLAN_HOLIDAY_SETS)[number] => (PLAN_HOLIDAY_SETS as readonly string[]).includes(id)),
    exceptions,
    uncoveredYears: calendarUncoveredYears(compiled, years.from, years.to).map((u) => ({ holidaySet: u.holidaySetId, years: u.years })),
    version: model.version,
  };
}
