/**
 * Holiday sets: named lists of days off and make-up working days that calendars follow by id (`holidaySets: ["cn"]`).
 * The China set is built in (china-holidays.ts); users define their own (a company's annual leave days, a
 * customer's site closures); `holidaySetFromDateHolidays` turns the `date-holidays` package's rules for any other
 * country or region into one.
 */
import { type CalendarOutcome, type CalendarSpecError, type LocalizedName } from "./calendar-spec";
import { type CalendarDay, calendarDayParse, MINUTES_PER_DAY } from "./calendar-units";

/**
 * One entry of a holiday set: the days `from`..`to` (inclusive ISO dates; `to` defaults to `from`) are days off
 * (`kind: "off"`) or working days (`kind: "working"`: a make-up working day, 调休上班, worked with the calendar's
 * `makeUpDayIntervals`). `offFromMinute` makes a day off start in the middle of the day (Christmas Eve from 14:00
 * in Germany): the calendar's normal intervals before that minute stay working; it applies to every day of the
 * entry.
 *
 * @example
 * const nationalDay: HolidaySetEntry = { from: "2024-10-01", to: "2024-10-07", kind: "off", name: { zh: "国庆节", en: "National Day" } };
 * const makeUp: HolidaySetEntry = { from: "2024-10-12", kind: "working", name: { zh: "国庆节", en: "National Day" } };
 */
export type HolidaySetEntry = {
  readonly from: string;
  readonly to?: string;
  readonly kind: "off" | "working";
  readonly name?: LocalizedName;
  readonly offFromMinute?: number;
};

/**
 * A named set of holiday entries. `coverage` states the years the set has data for (inclusive): outside them a
 * calendar following the set has only its weekly pattern and exceptions, and `calendarUncoveredYears` says so (the
 * UI warns: "China's 2027 holidays are not published yet"). Entries are applied in order; a later entry wins on the
 * days it shares with an earlier one.
 *
 * @example
 * const companyDays: HolidaySet = {
 *   id: "acme-2025", name: { zh: "公司假期", en: "Company days" },
 *   entries: [{ from: "2025-12-24", to: "2025-12-31", kind: "off", name: { en: "Year-end shutdown" } }],
 * };
 */
export type HolidaySet = {
  readonly id: string;
  readonly name: LocalizedName;
  readonly entries: readonly HolidaySetEntry[];
  readonly coverage?: { readonly fromYear: number; readonly toYear: number };
};

/**
 * The holiday sets a calendar may refer to, by id. `calendarCompile` adds the China set (`"cn"`) when the caller
 * does not give a set with that id.
 */
export type HolidaySetLibrary = Readonly<Record<string, HolidaySet>>;

/**
 * A library of sets keyed by their ids (a later set replaces an earlier one with the same id).
 *
 * @example
 * holidaySetLibrary(companyDays, germanyBavaria); // { "acme-2025": companyDays, "dh:DE-BY": germanyBavaria }
 */
export function holidaySetLibrary(...sets: readonly HolidaySet[]): HolidaySetLibrary {
  const out: Record<string, HolidaySet> = {};
  for (const set of sets) out[set.id] = set;
  return out;
}

/**
 * The days an entry covers as day numbers, or `undefined` when a date is malformed.
 *
 * @example
 * holidaySetEntryDays({ from: "2024-10-01", to: "2024-10-07", kind: "off" }); // { from: 19997, to: 20003 }
 */
export function holidaySetEntryDays(entry: HolidaySetEntry): { from: CalendarDay; to: CalendarDay } | undefined {
  const from = typeof entry.from === "string" ? calendarDayParse(entry.from) : undefined;
  const to = entry.to === undefined ? from : typeof entry.to === "string" ? calendarDayParse(entry.to) : undefined;
  return from === undefined || to === undefined ? undefined : { from, to };
}

function setError(code: CalendarSpecError["code"], path: string, what: string): CalendarSpecError {
  return { kind: "invalid-calendar", code, path, message: `${path}: ${what}` };
}

/**
 * Checks a user-defined set: an id, dates `YYYY-MM-DD` with `to` not before `from`, a kind, `offFromMinute` an
 * integer in 0..1439 on days off only, coverage years in order.
 *
 * @example
 * holidaySetCheck({ id: "x", name: {}, entries: [{ from: "2025-10-01", to: "2025-09-30", kind: "off" }] });
 * // { ok: false, error: { code: "bad-date", path: "entries[0].to", message: "entries[0].to: 2025-09-30 is before 2025-10-01" } }
 */
export function holidaySetCheck(set: HolidaySet): CalendarOutcome<HolidaySet> {
  if (typeof set.id !== "string" || set.id === "") return { ok: false, error: setError("unknown-holiday-set", "id", "a holiday set needs a non-empty id") };
  for (let k = 0; k < set.entries.length; k++) {
    const entry = set.entries[k] as HolidaySetEntry;
    const at = `entries[${k}]`;
    const days = holidaySetEntryDays(entry);
    if (days === undefined) {
      const bad = calendarDayParse(String(entry.from)) === undefined ? "from" : "to";
      return { ok: false, error: setError("bad-date", `${at}.${bad}`, `${JSON.stringify(entry[bad])} is not a date (YYYY-MM-DD)`) };
    }
    if (days.to < days.from) return { ok: false, error: setError("bad-date", `${at}.to`, `${entry.to ?? ""} is before ${entry.from}`) };
    if (entry.kind !== "off" && entry.kind !== "working") return { ok: false, error: setError("bad-date", `${at}.kind`, `${JSON.stringify(entry.kind)} is not "off" or "working"`) };
    const fromMinute = entry.offFromMinute;
    if (fromMinute !== undefined && (entry.kind !== "off" || !Number.isInteger(fromMinute) || fromMinute < 0 || fromMinute >= MINUTES_PER_DAY)) {
      return { ok: false, error: setError("bad-interval", `${at}.offFromMinute`, `${JSON.stringify(fromMinute)} is not a minute of the day 0..1439 of a day off`) };
    }
  }
  if (set.coverage !== undefined && !(Number.isInteger(set.coverage.fromYear) && Number.isInteger(set.coverage.toYear) && set.coverage.fromYear <= set.coverage.toYear)) {
    return { ok: false, error: setError("bad-date", "coverage", `${JSON.stringify(set.coverage)} is not a range of years`) };
  }
  return { ok: true, value: set };
}

/**
 * Whether a set has data for a year: true inside its coverage, or always when it states none (a user-defined set
 * is what it is).
 *
 * @example
 * holidaySetCoversYear(HOLIDAY_SET_CHINA, 2026); // true
 * holidaySetCoversYear(HOLIDAY_SET_CHINA, 2027); // false until the data is refreshed
 */
export function holidaySetCoversYear(set: HolidaySet, year: number): boolean {
  return set.coverage === undefined || (year >= set.coverage.fromYear && year <= set.coverage.toYear);
}
