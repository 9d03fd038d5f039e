/**
 * A project's working calendar as stored (intervals in minutes, holiday-set ids, exceptions), as the API form shows
 * it (hours as `09:00-12:00,13:00-18:00` text) and as the engine compiles it. The default — until the project saves
 * its own — is Monday to Friday, 09:00–12:00 and 13:00–18:00 (8 hours), following mainland China's public holidays
 * and make-up working days (调休): Jiaofu's home market, and what a zh-CN workspace expects. Pure: the server stores
 * and checks calendars with it, the web Gantt compiles the plan's calendar with it to preview a drag.
 */
import {
  CHINA_HOLIDAYS_SOURCE,
  calendarCompile,
  calendarIntervalsFromText,
  type CalendarSpec,
  DEFAULT_WORKING_DAY,
  WEEKDAY_KEYS,
  type WeekdayKey,
  type WorkingCalendar,
  type WorkingInterval,
} from "../scheduling/index";

/** Working time of a day, in minutes from midnight. */
export type PlanCalendarInterval = { start: number; end: number };
export type PlanCalendarException = { from: string; to?: string; intervals: PlanCalendarInterval[]; name?: { zh?: string; en?: string } };

/** A calendar as the planning module works with it: what is stored, and its version (0: the default, never saved). */
export type PlanCalendarModel = {
  week: Record<WeekdayKey, PlanCalendarInterval[]>;
  holidaySets: string[];
  exceptions: PlanCalendarException[];
  version: number;
};

/** The calendar as the API shows it and takes it back (the contracts' `TPlanCalendar` / update request). */
export type PlanCalendarForm = {
  readonly week: Readonly<Record<WeekdayKey, string>>;
  readonly holidaySets: readonly string[];
  readonly exceptions: readonly { readonly from: string; readonly to?: string | null; readonly hours: string; readonly name?: string }[];
};

/** Which field of a calendar form is wrong, as a request path (`body.week.mon`), and why. */
export type PlanCalendarFormProblem = { readonly path: string; readonly reason: "hours-invalid" | "no-working-time" | "end-before-start" };

const workday = (): PlanCalendarInterval[] => DEFAULT_WORKING_DAY.map((i) => ({ start: i.start, end: i.end }));

export function planDefaultCalendar(): PlanCalendarModel {
  return {
    week: { mon: workday(), tue: workday(), wed: workday(), thu: workday(), fri: workday(), sat: [], sun: [] },
    holidaySets: ["cn"],
    exceptions: [],
    version: 0,
  };
}

function specOf(model: Pick<PlanCalendarModel, "week" | "holidaySets" | "exceptions">): CalendarSpec {
  return {
    week: model.week as unknown as Record<WeekdayKey, readonly WorkingInterval[]>,
    holidaySets: model.holidaySets,
    exceptions: model.exceptions.map((e) => ({ from: e.from, ...(e.to ? { to: e.to } : {}), intervals: e.intervals as unknown as readonly WorkingInterval[], ...(e.name ? { name: e.name } : {}) })),
  };
}

/** The engine's calendar. Stored calendars were checked when saved, so a refusal here is a bug, not input. */
export function planCalendarCompile(model: Pick<PlanCalendarModel, "week" | "holidaySets" | "exceptions">): WorkingCalendar {
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

class FormProblem extends Error {
  constructor(readonly problem: PlanCalendarFormProblem) {
    super(problem.path);
  }
}

function intervalsOf(text: string, path: string): PlanCalendarInterval[] {
  try {
    return calendarIntervalsFromText(text).map((i) => ({ start: i.start, end: i.end }));
  } catch {
    throw new FormProblem({ path, reason: "hours-invalid" });
  }
}

function parseForm(input: PlanCalendarForm): Omit<PlanCalendarModel, "version"> {
  const week = planDefaultCalendar().week;
  for (const key of WEEKDAY_KEYS) week[key] = intervalsOf(input.week[key], `body.week.${key}`);
  const exceptions: PlanCalendarException[] = input.exceptions.map((e, i) => {
    if (e.to && e.to < e.from) throw new FormProblem({ path: `body.exceptions.${i}.to`, reason: "end-before-start" });
    const name = (e.name ?? "").trim();
    return { from: e.from, ...(e.to ? { to: e.to } : {}), intervals: intervalsOf(e.hours, `body.exceptions.${i}.hours`), ...(name ? { name: { zh: name, en: name } } : {}) };
  });
  const model = { week, holidaySets: [...new Set(input.holidaySets)], exceptions };
  const outcome = calendarCompile(specOf(model));
  if (!outcome.ok) {
    const { code, path } = outcome.error;
    if (code === "no-working-time") throw new FormProblem({ path: "body.week", reason: "no-working-time" });
    const day = /^week\.(\w+)/.exec(path);
    if (day) throw new FormProblem({ path: `body.week.${day[1]}`, reason: "hours-invalid" });
    const exception = /^exceptions\[(\d+)\]/.exec(path);
    if (exception) throw new FormProblem({ path: `body.exceptions.${exception[1]}.hours`, reason: "hours-invalid" });
    throw new FormProblem({ path: "body", reason: "hours-invalid" });
  }
  return model;
}

/**
 * The calendar a form describes, checked by the engine (intervals in order and not overlapping, a week with some
 * working time, exception dates in order); a problem names the field it is about.
 *
 * @example
 * planCalendarFromForm(plan.calendar); // { ok: true, value: { week, holidaySets, exceptions } }
 */
export function planCalendarFromForm(input: PlanCalendarForm): { ok: true; value: Omit<PlanCalendarModel, "version"> } | { ok: false; problem: PlanCalendarFormProblem } {
  try {
    return { ok: true, value: parseForm(input) };
  } catch (error) {
    if (error instanceof FormProblem) return { ok: false, problem: error.problem };
    throw error;
  }
}
