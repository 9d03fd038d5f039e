/**
 * Any country's (or region's) public holidays as a holiday set, through the npm package `date-holidays`
 * (ISC, data CC-BY-3.0; about 200 countries, computed from rules: Easter, lunar dates, "Monday after", substitute
 * days).
 *
 * The engine does not import the package (it imports nothing; test/dependency-direction.test.ts): the caller
 * constructs it and passes the instance, which this module reads through the small structural type below. So the
 * package is loaded only by an app that offers non-Chinese holidays, and a browser bundle can load it lazily (a
 * dynamic import; it weighs about 1.4 MB minified, 240 KB gzipped, with its rules and time zone tables) when a
 * person picks such a country. For mainland China use the built-in `"cn"` set instead: date-holidays has China's
 * festivals but not the State Council's yearly arrangements (no make-up working days, and not the real days off).
 */
import type { LocalizedName } from "./calendar-spec";
import { type CalendarDay, calendarDayFromIso, calendarDayToIso, dayMinuteParse, MINUTES_PER_DAY } from "./calendar-units";
import type { HolidaySet, HolidaySetEntry } from "./holiday-set";

/** What this module reads of one holiday from `date-holidays` (`Holidays#getHolidays`). */
export type DateHolidaysHoliday = {
  /** Local date and time, `YYYY-MM-DD hh:mm:ss` (possibly followed by an offset). */
  readonly date: string;
  readonly start: Date;
  readonly end: Date;
  readonly name: string;
  /** public, bank, school, optional or observance. */
  readonly type: string;
  readonly rule?: string;
  readonly substitute?: boolean;
};

/** What this module reads of a `date-holidays` instance: `new Holidays("DE", "BY")` fits. */
export type DateHolidaysSource = {
  getHolidays(year: number, language?: string): readonly DateHolidaysHoliday[];
};

/** Which holidays become days off, and how the set is named. */
export type DateHolidaysOptions = {
  /** The set's id in `CalendarSpec.holidaySets`, e.g. `"dh:DE-BY"`. */
  readonly id: string;
  readonly name: LocalizedName;
  /** Inclusive; the set's coverage. */
  readonly fromYear: number;
  readonly toYear: number;
  /** Holiday types taken as days off; default `["public"]` (add "bank" for bank holidays such as Christmas Eve in Germany). */
  readonly types?: readonly string[];
};

/**
 * The holidays of `fromYear..toYear` of a `date-holidays` instance as a holiday set: each holiday of the chosen
 * types is a day off (a holiday that starts in the afternoon, such as "12-24 14:00", is off from that minute on;
 * one spanning several days covers them all), named in Chinese and English where the package has the names.
 * Pure as long as the instance is (it computes from its bundled rules; always pass years, never rely on "this year").
 *
 * @example
 * import Holidays from "date-holidays"; // in the app, not the engine
 * const bavaria = holidaySetFromDateHolidays(new Holidays("DE", "BY"), { id: "dh:DE-BY", name: { en: "Bavaria" }, fromYear: 2024, toYear: 2030 });
 * calendarCompile({ holidaySets: ["dh:DE-BY"] }, holidaySetLibrary(bavaria));
 * // 2024-10-03 (Tag der Deutschen Einheit) is off; with types ["public", "bank"], 2024-12-24 is worked until 14:00
 */
export function holidaySetFromDateHolidays(source: DateHolidaysSource, options: DateHolidaysOptions): HolidaySet {
  const types = new Set(options.types ?? ["public"]);
  const entries: HolidaySetEntry[] = [];
  for (let year = options.fromYear; year <= options.toYear; year++) {
    const english = source.getHolidays(year, "en");
    const chinese = source.getHolidays(year, "zh");
    for (let k = 0; k < english.length; k++) {
      const holiday = english[k] as DateHolidaysHoliday;
      if (!types.has(holiday.type)) continue;
      const zh = chinese[k];
      const name: LocalizedName = zh !== undefined && zh.date === holiday.date && zh.name !== holiday.name ? { zh: zh.name, en: holiday.name } : { en: holiday.name };
      entries.push(dateHolidaysEntry(holiday, name));
    }
  }
  return { id: options.id, name: options.name, entries, coverage: { fromYear: options.fromYear, toYear: options.toYear } };
}

/**
 * One `date-holidays` holiday as a set entry: its local date, the minute it starts, and as many days as it lasts
 * (its length in minutes from that start, rounded to whole days so that a daylight-saving change inside it does not
 * add or lose a day).
 *
 * @example
 * // { date: "2024-12-24 14:00:00", start: 13:00Z, end: 23:00Z, … }
 * dateHolidaysEntry(christmasEve, { en: "Christmas Eve" }); // { from: "2024-12-24", to: "2024-12-24", kind: "off", offFromMinute: 840, … }
 */
export function dateHolidaysEntry(holiday: DateHolidaysHoliday, name: LocalizedName): HolidaySetEntry {
  const from = calendarDayFromIso(holiday.date.slice(0, 10));
  const startMinute = dayMinuteParse(holiday.date.slice(11, 16)) ?? 0;
  const lengthMinutes = Math.round((holiday.end.getTime() - holiday.start.getTime()) / 60_000);
  const days = Math.max(1, Math.round((startMinute + lengthMinutes) / MINUTES_PER_DAY));
  const to = calendarDayToIso((from + days - 1) as CalendarDay);
  return startMinute > 0 && startMinute < MINUTES_PER_DAY
    ? { from: calendarDayToIso(from), to, kind: "off", name, offFromMinute: startMinute }
    : { from: calendarDayToIso(from), to, kind: "off", name };
}
