/**
 * A compiled working calendar and its day-level functions: is a day worked, its working time, the n-th working day
 * after a date, working days between two dates.
 *
 * **Tables.** A calendar's days are laid out in blocks of 512 days (about 1.4 years, aligned on day numbers so that
 * a day's block is one shift away). Each block holds, in typed arrays, the day's shape (an index into the
 * calendar's distinct lists of intervals; 0 is a day off), the running count of working days and of working
 * minutes before each day, and the list of its working days. So "the n-th working day after d" is two array reads
 * inside a block plus one step per block crossed (n/360 of them), and "working minutes between a and b" is two
 * lookups plus one addition per block crossed. Blocks are built on first use and kept in the calendar (a cache: a
 * calendar's answers never depend on which blocks exist), so a calendar costs memory only for the years it is
 * asked about: about 6 KB per block.
 *
 * **Precedence on a day**, lowest first: the weekly pattern; the holiday sets in the order the calendar lists them
 * (days off, make-up working days), each set's entries in order; the calendar's exceptions, base layer first. The
 * last rule that covers a day decides it.
 */
import {
  type CalendarOutcome,
  type CalendarSpec,
  type CalendarSpecError,
  calendarExceptionDays,
  calendarIntervalsMinutes,
  calendarLayersCheck,
  calendarSpecResolve,
  type LocalizedName,
  type ResolvedCalendarSpec,
  WEEKDAY_KEYS,
  type WorkingInterval,
} from "./calendar-spec";
import {
  CALENDAR_FIRST_DAY,
  CALENDAR_LAST_DAY,
  type CalendarDay,
  calendarDayParts,
  calendarDayToIso,
  calendarDayWeekday,
  type DayMinute,
  type IsoDate,
  type IsoWeekday,
  type WorkMinutes,
} from "./calendar-units";
import { HOLIDAY_SET_CHINA, HOLIDAY_SET_CHINA_ID } from "./china-holidays";
import { type HolidaySet, holidaySetCheck, holidaySetCoversYear, holidaySetEntryDays, type HolidaySetLibrary } from "./holiday-set";

/** log2 of the days in a block. */
const BLOCK_SHIFT = 9;
/** Days in a block. */
export const BLOCK_DAYS = 1 << BLOCK_SHIFT;
const BLOCK_MASK = BLOCK_DAYS - 1;
/** Added to a day number before shifting, so that every supported day has a non-negative block index. */
const DAY_BIAS = 1408 * BLOCK_DAYS;
const FIRST_BLOCK = (CALENDAR_FIRST_DAY + DAY_BIAS) >> BLOCK_SHIFT;
const LAST_BLOCK = (CALENDAR_LAST_DAY + DAY_BIAS) >> BLOCK_SHIFT;

/**
 * 512 days of a calendar (internal). `dayRank[i]` / `minuteRank[i]`: working days / minutes before offset i
 * (length 513, the last entry is the block's total); `workingDays`: the offsets of its working days, in order.
 */
export type CalendarBlock = {
  readonly firstDay: number;
  readonly shapes: Uint16Array;
  readonly dayRank: Int32Array;
  readonly minuteRank: Int32Array;
  readonly workingDays: Uint16Array;
  readonly workingDayCount: number;
  readonly workingMinuteCount: number;
};

/** Why a day is what it is. */
export type CalendarDaySource = "week" | "holiday" | "make-up" | "exception";

/** One rule that overrides the weekly pattern on a range of days (internal), in precedence order. */
type DayOverride = {
  readonly from: number;
  readonly to: number;
  /** The shape of each weekday (index ISO weekday − 1): the same for all but partial days off. */
  readonly shapeByWeekday: Int32Array;
  readonly source: CalendarDaySource;
  readonly name: LocalizedName | undefined;
  readonly holidaySetId: string | undefined;
};

/**
 * A calendar ready for arithmetic: the resolved spec, its day shapes, the rules, and the block cache. Build it with
 * `calendarCompile`; treat it as immutable (the cache is filled as blocks are asked for).
 *
 * @example
 * const outcome = calendarCompile([{ holidaySets: ["cn"] }]);
 * if (!outcome.ok) throw new Error(outcome.error.message);
 * const calendar = outcome.value;
 * calendarIsWorkingDay(calendar, calendarDayFromIso("2024-10-12")); // true: Saturday, 国庆节 make-up day
 */
export type WorkingCalendar = {
  readonly spec: ResolvedCalendarSpec;
  /** The working minutes of "one day" when a duration in days becomes working time. */
  readonly minutesPerDay: WorkMinutes;
  /** The holiday sets the calendar follows, in precedence order. */
  readonly holidaySets: readonly HolidaySet[];
  /** Distinct interval lists; shape 0 has none. */
  readonly shapes: readonly (readonly WorkingInterval[])[];
  /** Flattened [start, end) pairs of every shape: shape s has pairs `shapeStart[s]..shapeStart[s + 1]` (in pairs). */
  readonly shapeStart: Int32Array;
  readonly intervalBounds: Int32Array;
  readonly shapeMinutes: Int32Array;
  /** Shape of each ISO weekday (index weekday − 1). */
  readonly weekShapes: Int32Array;
  readonly overrides: readonly DayOverride[];
  /** Blocks `cache.low .. cache.low + cache.blocks.length − 1` (internal). */
  readonly cache: { low: number; blocks: CalendarBlock[] };
};

function specError(code: CalendarSpecError["code"], path: string, what: string): CalendarSpecError {
  return { kind: "invalid-calendar", code, path, message: `${path}: ${what}` };
}

/**
 * Compiles calendar layers (a single spec, or base first: workspace default, project, resource) with the holiday
 * sets they may name. The China set is available as `"cn"` unless the library replaces it. Refuses malformed
 * intervals, dates or day lengths, unknown set ids, and a week without working time, with the error as data.
 *
 * @example
 * const beijing = calendarCompile({ holidaySets: ["cn"] }); // Mon–Fri 09:00–12:00, 13:00–18:00 + China's holidays
 * const withCompanyDays = calendarCompile([{ holidaySets: ["cn", "acme"] }], holidaySetLibrary(acmeDays));
 * calendarCompile({ holidaySets: ["fr"] });
 * // { ok: false, error: { code: "unknown-holiday-set", path: "holidaySets[0]", message: 'holidaySets[0]: no holiday set "fr"' } }
 */
export function calendarCompile(layers: CalendarSpec | readonly CalendarSpec[], library: HolidaySetLibrary = {}): CalendarOutcome<WorkingCalendar> {
  const list: readonly CalendarSpec[] = Array.isArray(layers) ? layers : [layers as CalendarSpec];
  const error = calendarLayersCheck(list);
  if (error !== undefined) return { ok: false, error };
  const spec = calendarSpecResolve(list);

  const holidaySets: HolidaySet[] = [];
  for (let k = 0; k < spec.holidaySets.length; k++) {
    const id = spec.holidaySets[k] as string;
    const set = Object.hasOwn(library, id) ? library[id] : id === HOLIDAY_SET_CHINA_ID ? HOLIDAY_SET_CHINA : undefined;
    if (set === undefined) {
      const layer = list.findLastIndex((l) => l.holidaySets !== undefined);
      return { ok: false, error: specError("unknown-holiday-set", `${list.length > 1 ? `layers[${layer}].` : ""}holidaySets[${k}]`, `no holiday set ${JSON.stringify(id)}`) };
    }
    if (set !== HOLIDAY_SET_CHINA) {
      const checked = holidaySetCheck(set);
      if (!checked.ok) return { ok: false, error: { ...checked.error, path: `holiday set ${JSON.stringify(id)} ${checked.error.path}`, message: `holiday set ${JSON.stringify(id)} ${checked.error.message}` } };
    }
    holidaySets.push(set);
  }

  // Shapes: interned interval lists, 0 = none.
  const shapes: (readonly WorkingInterval[])[] = [[]];
  const shapeIds = new Map<string, number>([["", 0]]);
  const intern = (intervals: readonly WorkingInterval[]): number => {
    const key = intervals.map((i) => `${i.start}-${i.end}`).join(",");
    let id = shapeIds.get(key);
    if (id === undefined) {
      id = shapes.length;
      shapes.push(intervals.map((i) => ({ start: i.start, end: i.end })));
      shapeIds.set(key, id);
    }
    return id;
  };
  const weekShapes = Int32Array.from(WEEKDAY_KEYS, (key) => intern(spec.week[key]));
  const makeUpShape = intern(spec.makeUpDayIntervals);
  const uniform = (shape: number) => new Int32Array(7).fill(shape);
  /** Each weekday's intervals cut at `minute` (a day off from that minute on). */
  const clippedWeek = (minute: number) =>
    Int32Array.from(WEEKDAY_KEYS, (key) =>
      intern(spec.week[key].filter((i) => i.start < minute).map((i) => ({ start: i.start, end: Math.min(i.end, minute) as DayMinute }))),
    );

  const overrides: DayOverride[] = [];
  for (const set of holidaySets) {
    for (const entry of set.entries) {
      const days = holidaySetEntryDays(entry);
      if (days === undefined) continue; // checked above; the built-in set is well-formed
      const shapeByWeekday =
        entry.kind === "working" ? uniform(makeUpShape) : entry.offFromMinute !== undefined && entry.offFromMinute > 0 ? clippedWeek(entry.offFromMinute) : uniform(0);
      overrides.push({ from: days.from, to: days.to, shapeByWeekday, source: entry.kind === "working" ? "make-up" : "holiday", name: entry.name, holidaySetId: set.id });
    }
  }
  for (const exception of spec.exceptions) {
    const days = calendarExceptionDays(exception);
    if (days === undefined) continue; // checked above
    overrides.push({ from: days.from, to: days.to, shapeByWeekday: uniform(intern(exception.intervals)), source: "exception", name: exception.name, holidaySetId: undefined });
  }

  const shapeStart = new Int32Array(shapes.length + 1);
  const shapeMinutes = new Int32Array(shapes.length);
  for (let s = 0; s < shapes.length; s++) {
    const intervals = shapes[s] as readonly WorkingInterval[];
    shapeStart[s + 1] = (shapeStart[s] as number) + intervals.length;
    shapeMinutes[s] = calendarIntervalsMinutes(intervals);
  }
  const intervalBounds = new Int32Array(2 * (shapeStart[shapes.length] as number));
  for (let s = 0, at = 0; s < shapes.length; s++) {
    for (const i of shapes[s] as readonly WorkingInterval[]) {
      intervalBounds[at++] = i.start;
      intervalBounds[at++] = i.end;
    }
  }
  if (shapes.length > 0xffff) return { ok: false, error: specError("bad-interval", "exceptions", "more than 65,535 distinct working days") };

  return {
    ok: true,
    value: {
      spec,
      minutesPerDay: spec.minutesPerDay,
      holidaySets,
      shapes,
      shapeStart,
      intervalBounds,
      shapeMinutes,
      weekShapes,
      overrides,
      cache: { low: 0, blocks: [] },
    },
  };
}

/** Builds block `b` (internal). */
function blockBuild(calendar: WorkingCalendar, b: number): CalendarBlock {
  const firstDay = (b << BLOCK_SHIFT) - DAY_BIAS;
  const shapes = new Uint16Array(BLOCK_DAYS);
  const lo = Math.max(0, CALENDAR_FIRST_DAY - firstDay);
  const hi = Math.min(BLOCK_DAYS - 1, CALENDAR_LAST_DAY - firstDay);
  const weekdayOfFirst = calendarDayWeekday(firstDay as CalendarDay) - 1;
  for (let i = lo; i <= hi; i++) shapes[i] = calendar.weekShapes[(weekdayOfFirst + i) % 7] as number;
  for (const rule of calendar.overrides) {
    const from = Math.max(rule.from - firstDay, lo);
    const to = Math.min(rule.to - firstDay, hi);
    for (let i = from; i <= to; i++) shapes[i] = rule.shapeByWeekday[(weekdayOfFirst + i) % 7] as number;
  }
  const dayRank = new Int32Array(BLOCK_DAYS + 1);
  const minuteRank = new Int32Array(BLOCK_DAYS + 1);
  const working: number[] = [];
  let days = 0;
  let minutes = 0;
  for (let i = 0; i < BLOCK_DAYS; i++) {
    dayRank[i] = days;
    minuteRank[i] = minutes;
    const m = calendar.shapeMinutes[shapes[i] as number] as number;
    if (m > 0) {
      working.push(i);
      days++;
      minutes += m;
    }
  }
  dayRank[BLOCK_DAYS] = days;
  minuteRank[BLOCK_DAYS] = minutes;
  return { firstDay, shapes, dayRank, minuteRank, workingDays: Uint16Array.from(working), workingDayCount: days, workingMinuteCount: minutes };
}

/**
 * Block `b` of a calendar, built (with any blocks between it and those already built) on first use (internal).
 * Throws a RangeError outside 0001-01-01..9999-12-31.
 */
export function calendarBlockAt(calendar: WorkingCalendar, b: number): CalendarBlock {
  const cache = calendar.cache;
  const k = b - cache.low;
  if (k >= 0 && k < cache.blocks.length) return cache.blocks[k] as CalendarBlock;
  if (b < FIRST_BLOCK || b > LAST_BLOCK) throw new RangeError("beyond the calendar range 0001-01-01..9999-12-31 (a calendar without working time ahead?)");
  if (cache.blocks.length === 0) {
    cache.low = b;
    cache.blocks.push(blockBuild(calendar, b));
  } else if (k < 0) {
    const before: CalendarBlock[] = [];
    for (let x = b; x < cache.low; x++) before.push(blockBuild(calendar, x));
    cache.blocks.unshift(...before);
    cache.low = b;
  } else {
    for (let x = cache.low + cache.blocks.length; x <= b; x++) cache.blocks.push(blockBuild(calendar, x));
  }
  return cache.blocks[b - cache.low] as CalendarBlock;
}

/** The block index of a day (internal). */
export function calendarBlockIndex(day: number): number {
  return (day + DAY_BIAS) >> BLOCK_SHIFT;
}

/** The offset of a day in its block (internal). */
export function calendarBlockOffset(day: number): number {
  return (day + DAY_BIAS) & BLOCK_MASK;
}

/** Throws a RangeError for a day outside 0001-01-01..9999-12-31 (internal; keeps the block arithmetic in 32 bits). */
export function calendarDayCheck(day: number): void {
  if (!(day >= CALENDAR_FIRST_DAY && day <= CALENDAR_LAST_DAY)) throw new RangeError(`day ${day} is beyond the calendar range 0001-01-01..9999-12-31`);
}

/** The shape of a day (internal). */
export function calendarDayShape(calendar: WorkingCalendar, day: CalendarDay): number {
  calendarDayCheck(day);
  return calendarBlockAt(calendar, calendarBlockIndex(day)).shapes[calendarBlockOffset(day)] as number;
}

/**
 * Whether a day has any working time.
 *
 * @example
 * // calendar: default week + "cn"
 * calendarIsWorkingDay(calendar, calendarDayFromIso("2024-10-07")); // false: Monday, 国庆节
 * calendarIsWorkingDay(calendar, calendarDayFromIso("2024-09-29")); // true: Sunday, make-up working day
 */
export function calendarIsWorkingDay(calendar: WorkingCalendar, day: CalendarDay): boolean {
  return (calendar.shapeMinutes[calendarDayShape(calendar, day)] as number) > 0;
}

/**
 * The working minutes of a day.
 *
 * @example
 * calendarWorkingMinutesOfDay(calendar, calendarDayFromIso("2024-10-08")); // 480
 * calendarWorkingMinutesOfDay(calendar, calendarDayFromIso("2024-10-05")); // 0
 */
export function calendarWorkingMinutesOfDay(calendar: WorkingCalendar, day: CalendarDay): WorkMinutes {
  return calendar.shapeMinutes[calendarDayShape(calendar, day)] as WorkMinutes;
}

/**
 * The working intervals of a day (empty on a day off).
 *
 * @example
 * calendarWorkingIntervalsOfDay(calendar, calendarDayFromIso("2024-10-12")); // 09:00–12:00, 13:00–18:00 (make-up day)
 */
export function calendarWorkingIntervalsOfDay(calendar: WorkingCalendar, day: CalendarDay): readonly WorkingInterval[] {
  return calendar.shapes[calendarDayShape(calendar, day)] as readonly WorkingInterval[];
}

/**
 * What a calendar says about one day, and why: the weekly pattern, a holiday set's day off or make-up working day,
 * or an exception (with its name and set id), for tooltips and day views.
 *
 * @example
 * calendarDayInfo(calendar, calendarDayFromIso("2024-10-12"));
 * // { date: "2024-10-12", weekday: 6, working: true, minutes: 480, intervals: [...], source: "make-up",
 * //   name: { zh: "国庆节", en: "National Day" }, holidaySetId: "cn" }
 */
export function calendarDayInfo(
  calendar: WorkingCalendar,
  day: CalendarDay,
): {
  date: IsoDate;
  weekday: IsoWeekday;
  working: boolean;
  minutes: WorkMinutes;
  intervals: readonly WorkingInterval[];
  source: CalendarDaySource;
  name: LocalizedName | undefined;
  holidaySetId: string | undefined;
} {
  const shape = calendarDayShape(calendar, day);
  let rule: DayOverride | undefined;
  for (let k = calendar.overrides.length - 1; k >= 0; k--) {
    const candidate = calendar.overrides[k] as DayOverride;
    if (candidate.from <= day && day <= candidate.to) {
      rule = candidate;
      break;
    }
  }
  const minutes = calendar.shapeMinutes[shape] as WorkMinutes;
  return {
    date: calendarDayToIso(day),
    weekday: calendarDayWeekday(day),
    working: minutes > 0,
    minutes,
    intervals: calendar.shapes[shape] as readonly WorkingInterval[],
    source: rule?.source ?? "week",
    name: rule?.name,
    holidaySetId: rule?.holidaySetId,
  };
}

/**
 * The working day `n` working days after `day` (n > 0) or before it (n < 0), not counting `day` itself, like a
 * spreadsheet's WORKDAY: Friday + 1 is the next working day after Friday, and so is Saturday + 1. `n = 0` returns
 * `day` unchanged. Two array reads within a block, one step per block of 512 days crossed. Throws a RangeError for
 * a fractional `n` (use `calendarAddWorkingTime` with `calendarWorkDaysToMinutes` for fractions) or beyond
 * 0001..9999.
 *
 * @example
 * // calendar: default week + "cn"
 * calendarAddWorkingDays(calendar, calendarDayFromIso("2024-09-27"), 1); // 2024-09-29 (Sunday, make-up day)
 * calendarAddWorkingDays(calendar, calendarDayFromIso("2024-09-30"), 1); // 2024-10-08 (after 国庆节)
 * calendarAddWorkingDays(calendar, calendarDayFromIso("2024-10-08"), -2); // 2024-09-29
 */
export function calendarAddWorkingDays(calendar: WorkingCalendar, day: CalendarDay, n: number): CalendarDay {
  if (!Number.isInteger(n)) throw new RangeError(`a whole number of working days, not ${n}`);
  calendarDayCheck(day);
  if (n === 0) return day;
  if (n > 0) {
    const next = day + 1;
    let b = (next + DAY_BIAS) >> BLOCK_SHIFT;
    let block = calendarBlockAt(calendar, b);
    let k = (block.dayRank[(next + DAY_BIAS) & BLOCK_MASK] as number) + n - 1;
    while (k >= block.workingDayCount) {
      k -= block.workingDayCount;
      block = calendarBlockAt(calendar, ++b);
    }
    return (block.firstDay + (block.workingDays[k] as number)) as CalendarDay;
  }
  let b = (day + DAY_BIAS) >> BLOCK_SHIFT;
  let block = calendarBlockAt(calendar, b);
  let k = (block.dayRank[(day + DAY_BIAS) & BLOCK_MASK] as number) + n;
  while (k < 0) {
    block = calendarBlockAt(calendar, --b);
    k += block.workingDayCount;
  }
  return (block.firstDay + (block.workingDays[k] as number)) as CalendarDay;
}

/**
 * The first working day on or after `day`.
 *
 * @example
 * calendarNextWorkingDay(calendar, calendarDayFromIso("2024-10-01")); // 2024-10-08
 * calendarNextWorkingDay(calendar, calendarDayFromIso("2024-10-08")); // 2024-10-08
 */
export function calendarNextWorkingDay(calendar: WorkingCalendar, day: CalendarDay): CalendarDay {
  return calendarIsWorkingDay(calendar, day) ? day : calendarAddWorkingDays(calendar, day, 1);
}

/**
 * The last working day on or before `day`.
 *
 * @example
 * calendarPreviousWorkingDay(calendar, calendarDayFromIso("2024-10-06")); // 2024-09-30
 */
export function calendarPreviousWorkingDay(calendar: WorkingCalendar, day: CalendarDay): CalendarDay {
  return calendarIsWorkingDay(calendar, day) ? day : calendarAddWorkingDays(calendar, day, -1);
}

/**
 * The number of working days in `[from, to)`; negative (minus those in `[to, from)`) when `to < from`. For working
 * days, `calendarWorkingDaysBetween(c, d, calendarAddWorkingDays(c, d, n)) = n`.
 *
 * @example
 * // 2024-09-28 (Sat) .. 2024-10-08 (Tue): the working days are 09-29 (make-up) and 09-30
 * calendarWorkingDaysBetween(calendar, calendarDayFromIso("2024-09-28"), calendarDayFromIso("2024-10-08")); // 2
 */
export function calendarWorkingDaysBetween(calendar: WorkingCalendar, from: CalendarDay, to: CalendarDay): number {
  if (to < from) return 0 - calendarWorkingDaysBetween(calendar, to, from); // 0 − x: never −0
  calendarDayCheck(from);
  calendarDayCheck(to);
  const bFrom = (from + DAY_BIAS) >> BLOCK_SHIFT;
  const bTo = (to + DAY_BIAS) >> BLOCK_SHIFT;
  const first = calendarBlockAt(calendar, bFrom);
  const rankFrom = first.dayRank[(from + DAY_BIAS) & BLOCK_MASK] as number;
  if (bFrom === bTo) return (first.dayRank[(to + DAY_BIAS) & BLOCK_MASK] as number) - rankFrom;
  let count = first.workingDayCount - rankFrom;
  for (let b = bFrom + 1; b < bTo; b++) count += calendarBlockAt(calendar, b).workingDayCount;
  return count + (calendarBlockAt(calendar, bTo).dayRank[(to + DAY_BIAS) & BLOCK_MASK] as number);
}

/**
 * The holiday sets of a calendar that have no data for some of the years `fromYear..toYear`: there the calendar
 * knows only its weekly pattern and exceptions, which the UI should say ("China's holidays for 2027 are not
 * published yet; the calendar treats 2027 as ordinary weeks").
 *
 * @example
 * calendarUncoveredYears(calendar, 2025, 2028); // [{ holidaySetId: "cn", years: [2027, 2028] }] with data to 2026
 */
export function calendarUncoveredYears(calendar: WorkingCalendar, fromYear: number, toYear: number): { holidaySetId: string; years: number[] }[] {
  const out: { holidaySetId: string; years: number[] }[] = [];
  for (const set of calendar.holidaySets) {
    const years: number[] = [];
    for (let y = fromYear; y <= toYear; y++) if (!holidaySetCoversYear(set, y)) years.push(y);
    if (years.length > 0) out.push({ holidaySetId: set.id, years });
  }
  return out;
}

/**
 * The years a range of days touches (a helper for `calendarUncoveredYears` over a schedule's dates).
 *
 * @example
 * calendarYearsOf(calendarDayFromIso("2025-12-01"), calendarDayFromIso("2027-01-10")); // { fromYear: 2025, toYear: 2027 }
 */
export function calendarYearsOf(from: CalendarDay, to: CalendarDay): { fromYear: number; toYear: number } {
  return { fromYear: calendarDayParts(from).year, toYear: calendarDayParts(to).year };
}
