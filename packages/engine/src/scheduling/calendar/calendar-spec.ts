/**
 * What a working calendar says, as plain data that can be stored and sent as JSON: a weekly pattern of working
 * intervals, the holiday sets it follows, its own exceptions, and its day length. Calendars inherit: a resource's
 * calendar is based on its project's, which is based on the workspace default; each layer overrides what it states.
 * `calendarSpecResolve` flattens the layers; `calendarCompile` (working-calendar.ts) turns the result into tables.
 */
import {
  type CalendarDay,
  calendarDayParse,
  type DayMinute,
  dayMinuteParse,
  dayMinuteToText,
  type IsoWeekday,
  MINUTES_PER_DAY,
  type WorkMinutes,
} from "./calendar-units";

/**
 * Working time within one day: from `start` (inclusive) to `end` (exclusive), minutes of the day,
 * `0 ≤ start < end ≤ 1440`. A shift across midnight is two intervals on two days.
 *
 * @example
 * const morning: WorkingInterval = { start: 540 as DayMinute, end: 720 as DayMinute }; // 09:00–12:00
 */
export type WorkingInterval = { readonly start: DayMinute; readonly end: DayMinute };

/** Weekday keys of a weekly pattern, Monday first. */
export const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A weekday key of a weekly pattern. */
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/**
 * Working intervals per weekday; an empty list is a day off. In a layer, a weekday that is not stated keeps the
 * base calendar's intervals.
 *
 * @example
 * // Saturday mornings too:
 * const week: WeekPattern = { sat: calendarIntervalsFromText("09:00-12:00") };
 */
export type WeekPattern = { readonly [K in WeekdayKey]?: readonly WorkingInterval[] };

/**
 * A name shown to people, in Chinese and English (either may be missing).
 *
 * @example
 * const name: LocalizedName = { zh: "国庆节", en: "National Day" };
 */
export type LocalizedName = { readonly zh?: string; readonly en?: string };

/**
 * A calendar's own exception: the days `from`..`to` (inclusive ISO dates; `to` defaults to `from`) are worked with
 * `intervals`, or are days off when `intervals` is empty. Exceptions override the weekly pattern and the holiday
 * sets.
 *
 * @example
 * // The office is closed for a move; a Saturday release day is worked 10:00–16:00:
 * const closed: CalendarException = { from: "2025-03-03", to: "2025-03-05", intervals: [], name: { en: "office move" } };
 * const release: CalendarException = { from: "2025-03-08", intervals: calendarIntervalsFromText("10:00-16:00") };
 */
export type CalendarException = {
  readonly from: string;
  readonly to?: string;
  readonly intervals: readonly WorkingInterval[];
  readonly name?: LocalizedName;
};

/**
 * One layer of a calendar. Everything is optional: a layer states only what it changes in its base.
 *
 * - `week`: per weekday, replaces the base's intervals for the weekdays it names.
 * - `holidaySets`: ids of the holiday sets the calendar follows (`"cn"` for mainland China); replaces the base's
 *   list when present (`[]` follows none).
 * - `exceptions`: added after the base's exceptions (a later exception wins on the days it covers).
 * - `makeUpDayIntervals`: the working time of a make-up working day (调休上班) of a holiday set; default: the first
 *   working weekday's intervals, Monday's in the default week.
 * - `minutesPerDay`: the length of "one day" of work when durations in days are turned into working time;
 *   default: the total of `makeUpDayIntervals` (480 for the default week).
 *
 * @example
 * // Workspace default: Mon–Fri 09:00–12:00 and 13:00–18:00, China's public holidays.
 * const workspace: CalendarSpec = { name: "Beijing office", holidaySets: ["cn"] };
 * // A project worked 6 days a week; a resource on leave for a week:
 * const project: CalendarSpec = { week: { sat: calendarIntervalsFromText("09:00-12:00,13:00-18:00") } };
 * const resource: CalendarSpec = { exceptions: [{ from: "2025-07-14", to: "2025-07-18", intervals: [] }] };
 * calendarSpecResolve([workspace, project, resource]);
 */
export type CalendarSpec = {
  readonly name?: string;
  readonly week?: WeekPattern;
  readonly holidaySets?: readonly string[];
  readonly exceptions?: readonly CalendarException[];
  readonly makeUpDayIntervals?: readonly WorkingInterval[];
  readonly minutesPerDay?: number;
};

/**
 * All layers of a calendar flattened: every weekday stated, exceptions of every layer in order (base first), and
 * the defaults filled in.
 */
export type ResolvedCalendarSpec = {
  readonly name: string;
  readonly week: { readonly [K in WeekdayKey]: readonly WorkingInterval[] };
  readonly holidaySets: readonly string[];
  readonly exceptions: readonly CalendarException[];
  readonly makeUpDayIntervals: readonly WorkingInterval[];
  readonly minutesPerDay: WorkMinutes;
};

/**
 * The intervals of a default working day: 09:00–12:00 and 13:00–18:00 (8 hours with a lunch break).
 */
export const DEFAULT_WORKING_DAY: readonly WorkingInterval[] = [
  { start: 540 as DayMinute, end: 720 as DayMinute },
  { start: 780 as DayMinute, end: 1080 as DayMinute },
];

/** The default week: Monday to Friday `DEFAULT_WORKING_DAY`, weekends off. */
export const DEFAULT_WEEK: ResolvedCalendarSpec["week"] = {
  mon: DEFAULT_WORKING_DAY,
  tue: DEFAULT_WORKING_DAY,
  wed: DEFAULT_WORKING_DAY,
  thu: DEFAULT_WORKING_DAY,
  fri: DEFAULT_WORKING_DAY,
  sat: [],
  sun: [],
};

/**
 * The weekday key of an ISO weekday.
 *
 * @example
 * weekdayKeyOf(7); // "sun"
 */
export function weekdayKeyOf(weekday: IsoWeekday): WeekdayKey {
  return WEEKDAY_KEYS[weekday - 1] as WeekdayKey;
}

/**
 * Parses `"09:00-12:00, 13:00-18:00"` into intervals; throws a RangeError on a malformed text (use it for literals
 * and trusted settings; `calendarCompile` validates intervals given as data).
 *
 * @example
 * calendarIntervalsFromText("09:00-12:00,13:00-18:00"); // [{ start: 540, end: 720 }, { start: 780, end: 1080 }]
 * calendarIntervalsFromText(""); // [] (a day off)
 */
export function calendarIntervalsFromText(text: string): WorkingInterval[] {
  const out: WorkingInterval[] = [];
  for (const part of text.split(",")) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    const [from = "", to = "", ...rest] = trimmed.split("-").map((s) => s.trim());
    const start = dayMinuteParse(from);
    const end = dayMinuteParse(to);
    if (rest.length > 0 || start === undefined || end === undefined || start >= end) throw new RangeError(`not a working interval (HH:MM-HH:MM): ${JSON.stringify(trimmed)}`);
    out.push({ start, end });
  }
  return out;
}

/**
 * Intervals as text, the inverse of `calendarIntervalsFromText`.
 *
 * @example
 * calendarIntervalsToText(DEFAULT_WORKING_DAY); // "09:00-12:00,13:00-18:00"
 */
export function calendarIntervalsToText(intervals: readonly WorkingInterval[]): string {
  return intervals.map((i) => `${dayMinuteToText(i.start)}-${dayMinuteToText(i.end)}`).join(",");
}

/**
 * The working minutes of a list of intervals.
 *
 * @example
 * calendarIntervalsMinutes(DEFAULT_WORKING_DAY); // 480
 */
export function calendarIntervalsMinutes(intervals: readonly WorkingInterval[]): WorkMinutes {
  let total = 0;
  for (const i of intervals) total += i.end - i.start;
  return total as WorkMinutes;
}

/**
 * Why a calendar was refused.
 *
 * - `bad-interval`: an interval that is not two integers with `0 ≤ start < end ≤ 1440`
 * - `overlapping-intervals`: two intervals of one day that overlap or are not in order
 * - `bad-date`: an exception date that is not `YYYY-MM-DD`, or `to` before `from`
 * - `unknown-holiday-set`: a holiday set id the caller did not provide
 * - `bad-minutes-per-day`: a day length that is not an integer in 1..1440
 * - `no-working-time`: a weekly pattern without any working time (nothing could ever be scheduled)
 */
export type CalendarSpecErrorCode = "bad-interval" | "overlapping-intervals" | "bad-date" | "unknown-holiday-set" | "bad-minutes-per-day" | "no-working-time";

/**
 * A calendar the engine refuses: the code, where (`week.sat[1]`, `exceptions[2].to`, `holidaySets[0]`; prefixed by
 * `layers[i].` when several layers were given) and a one-line message.
 *
 * @example
 * ({ kind: "invalid-calendar", code: "bad-interval", path: "week.mon[0]", message: "week.mon[0]: 12:00-09:00 ends before it starts" });
 */
export type CalendarSpecError = {
  readonly kind: "invalid-calendar";
  readonly code: CalendarSpecErrorCode;
  readonly path: string;
  readonly message: string;
};

/**
 * The answer of a fallible calendar function: the value, or the error as data (never thrown).
 */
export type CalendarOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CalendarSpecError };

function specError(code: CalendarSpecErrorCode, path: string, what: string): CalendarSpecError {
  return { kind: "invalid-calendar", code, path, message: `${path}: ${what}` };
}

const describeInterval = (i: { start: unknown; end: unknown }): string =>
  typeof i.start === "number" && typeof i.end === "number" && Number.isInteger(i.start) && Number.isInteger(i.end) && i.start >= 0 && i.end <= MINUTES_PER_DAY && i.start <= MINUTES_PER_DAY && i.end >= 0
    ? `${dayMinuteToText(i.start as DayMinute)}-${dayMinuteToText(i.end as DayMinute)}`
    : JSON.stringify(i);

/**
 * Checks one day's intervals: integers, `0 ≤ start < end ≤ 1440`, in order and not overlapping (touching is fine:
 * 09:00–12:00 and 12:00–13:00).
 *
 * @example
 * calendarIntervalsCheck([{ start: 780, end: 1080 }, { start: 540, end: 720 }], "week.mon");
 * // { code: "overlapping-intervals", path: "week.mon[1]", message: "week.mon[1]: 09:00-12:00 starts before the previous interval ends (18:00)" }
 */
export function calendarIntervalsCheck(intervals: readonly WorkingInterval[], path: string): CalendarSpecError | undefined {
  if (!Array.isArray(intervals)) return specError("bad-interval", path, "expected a list of intervals");
  let previousEnd = -1;
  for (let k = 0; k < intervals.length; k++) {
    const interval = intervals[k] as WorkingInterval;
    const at = `${path}[${k}]`;
    const { start, end } = interval ?? {};
    if (typeof start !== "number" || typeof end !== "number" || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > MINUTES_PER_DAY) {
      return specError("bad-interval", at, `${describeInterval(interval ?? {})} is not within 00:00-24:00 in whole minutes`);
    }
    if (start >= end) return specError("bad-interval", at, `${describeInterval(interval)} ${start === end ? "is empty" : "ends before it starts"}`);
    if (start < previousEnd) return specError("overlapping-intervals", at, `${describeInterval(interval)} starts before the previous interval ends (${dayMinuteToText(previousEnd as DayMinute)})`);
    previousEnd = end;
  }
  return undefined;
}

/**
 * Flattens calendar layers, base first (workspace default, then project, then resource), into one resolved spec:
 * each weekday from the most specific layer that states it (else `DEFAULT_WEEK`), the holiday sets of the most
 * specific layer that lists them (else none), every layer's exceptions in layer order, and the make-up day and day
 * length of the most specific layer that states them (else derived from the week). Does not validate; see
 * `calendarSpecCheck`.
 *
 * @example
 * const resolved = calendarSpecResolve([{ holidaySets: ["cn"] }, { week: { sat: calendarIntervalsFromText("09:00-12:00") } }]);
 * // resolved.week.mon: 09:00-12:00,13:00-18:00 (default); resolved.week.sat: 09:00-12:00; holidaySets ["cn"];
 * // makeUpDayIntervals: Monday's; minutesPerDay 480
 */
export function calendarSpecResolve(layers: readonly CalendarSpec[]): ResolvedCalendarSpec {
  const week: Record<WeekdayKey, readonly WorkingInterval[]> = { ...DEFAULT_WEEK };
  let name = "";
  let holidaySets: readonly string[] = [];
  const exceptions: CalendarException[] = [];
  let makeUpDayIntervals: readonly WorkingInterval[] | undefined;
  let minutesPerDay: number | undefined;
  for (const layer of layers) {
    if (layer.name !== undefined) name = layer.name;
    for (const key of WEEKDAY_KEYS) {
      const intervals = layer.week?.[key];
      if (intervals !== undefined) week[key] = intervals;
    }
    if (layer.holidaySets !== undefined) holidaySets = layer.holidaySets;
    if (layer.exceptions !== undefined) exceptions.push(...layer.exceptions);
    if (layer.makeUpDayIntervals !== undefined) makeUpDayIntervals = layer.makeUpDayIntervals;
    if (layer.minutesPerDay !== undefined) minutesPerDay = layer.minutesPerDay;
  }
  const makeUp = makeUpDayIntervals ?? WEEKDAY_KEYS.map((key) => week[key]).find((intervals) => intervals.length > 0) ?? DEFAULT_WORKING_DAY;
  return {
    name,
    week,
    holidaySets,
    exceptions,
    makeUpDayIntervals: makeUp,
    minutesPerDay: (minutesPerDay ?? calendarIntervalsMinutes(makeUp)) as WorkMinutes,
  };
}

/**
 * Checks one layer (`path` prefixes every location). Holiday set ids are checked by `calendarCompile`, which knows
 * the sets; "no working time" is checked on the resolved week.
 *
 * @example
 * calendarSpecCheck({ exceptions: [{ from: "2025-02-30", intervals: [] }] });
 * // { code: "bad-date", path: "exceptions[0].from", message: 'exceptions[0].from: "2025-02-30" is not a date (YYYY-MM-DD)' }
 */
export function calendarSpecCheck(spec: CalendarSpec, path = ""): CalendarSpecError | undefined {
  for (const key of WEEKDAY_KEYS) {
    const intervals = spec.week?.[key];
    if (intervals === undefined) continue;
    const error = calendarIntervalsCheck(intervals, `${path}week.${key}`);
    if (error !== undefined) return error;
  }
  if (spec.makeUpDayIntervals !== undefined) {
    const error = calendarIntervalsCheck(spec.makeUpDayIntervals, `${path}makeUpDayIntervals`);
    if (error !== undefined) return error;
  }
  if (spec.minutesPerDay !== undefined && !(Number.isInteger(spec.minutesPerDay) && spec.minutesPerDay >= 1 && spec.minutesPerDay <= MINUTES_PER_DAY)) {
    return specError("bad-minutes-per-day", `${path}minutesPerDay`, `${JSON.stringify(spec.minutesPerDay)} is not a whole number of minutes in 1..1440`);
  }
  const exceptions = spec.exceptions ?? [];
  for (let k = 0; k < exceptions.length; k++) {
    const exception = exceptions[k] as CalendarException;
    const at = `${path}exceptions[${k}]`;
    const range = calendarExceptionDays(exception);
    if (range === undefined) {
      const bad = calendarDayParse(String(exception.from)) === undefined ? "from" : "to";
      return specError("bad-date", `${at}.${bad}`, `${JSON.stringify(exception[bad])} is not a date (YYYY-MM-DD)`);
    }
    if (range.to < range.from) return specError("bad-date", `${at}.to`, `${exception.to ?? ""} is before ${exception.from}`);
    const error = calendarIntervalsCheck(exception.intervals, `${at}.intervals`);
    if (error !== undefined) return error;
  }
  return undefined;
}

/**
 * The days an exception covers as day numbers, or `undefined` when a date is malformed.
 *
 * @example
 * calendarExceptionDays({ from: "2025-03-03", to: "2025-03-05", intervals: [] }); // { from: 20150, to: 20152 }
 */
export function calendarExceptionDays(exception: CalendarException): { from: CalendarDay; to: CalendarDay } | undefined {
  const from = typeof exception.from === "string" ? calendarDayParse(exception.from) : undefined;
  const to = exception.to === undefined ? from : typeof exception.to === "string" ? calendarDayParse(exception.to) : undefined;
  return from === undefined || to === undefined ? undefined : { from, to };
}

/**
 * Checks every layer and the resolved week (it must have some working time).
 *
 * @example
 * calendarLayersCheck([{ week: { mon: [], tue: [], wed: [], thu: [], fri: [] } }]);
 * // { code: "no-working-time", path: "week", message: "week: no weekday has working time" }
 */
export function calendarLayersCheck(layers: readonly CalendarSpec[]): CalendarSpecError | undefined {
  for (let k = 0; k < layers.length; k++) {
    const error = calendarSpecCheck(layers[k] as CalendarSpec, layers.length > 1 ? `layers[${k}].` : "");
    if (error !== undefined) return error;
  }
  const resolved = calendarSpecResolve(layers);
  if (WEEKDAY_KEYS.every((key) => resolved.week[key].length === 0)) return specError("no-working-time", "week", "no weekday has working time");
  return undefined;
}
