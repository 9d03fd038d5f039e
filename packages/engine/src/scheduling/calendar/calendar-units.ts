/**
 * Units of working calendars. Plain numbers (or strings) at run time; the brands keep a day, an instant, a minute of
 * the day and a length of working time from being mixed up in signatures.
 *
 * **No time zones.** A calendar is wall-clock time in the place where the work happens ("floating" local time, as
 * `DTSTART` without `TZID` in iCalendar): the day 2024-10-01 is that date on the wall calendar in Beijing, and 09:00
 * is 09:00 there. Days are counted from 1970-01-01 with the proleptic Gregorian calendar by integer arithmetic (no
 * `Date`, no host time zone), and every day has 1,440 minutes. Turning a calendar instant into a UTC timestamp is
 * the job of the edges that know the place's IANA zone (mainland China: Asia/Shanghai, UTC+8 without daylight
 * saving since 1991, so the mapping is a constant offset).
 */

/**
 * A calendar date as an ISO 8601 day string `YYYY-MM-DD` (years 0001–9999).
 *
 * @example
 * const nationalDay = "2024-10-01" as IsoDate;
 */
export type IsoDate = string & { readonly __brand: "IsoDate" };

/**
 * A calendar date as a day number: days since 1970-01-01 (0 is 1970-01-01, −1 is 1969-12-31). Integer arithmetic
 * on it is date arithmetic: `day + 7` is the same weekday next week.
 *
 * @example
 * calendarDayFromIso("2024-10-01"); // 19997
 */
export type CalendarDay = number & { readonly __brand: "CalendarDay" };

/**
 * A minute of a day, 0..1440: 540 is 09:00, 1440 is the midnight that ends the day (only as the end of an interval).
 *
 * @example
 * const lunchStarts = (12 * 60) as DayMinute; // 720
 */
export type DayMinute = number & { readonly __brand: "DayMinute" };

/**
 * An instant on a calendar's wall clock: minutes since 1970-01-01T00:00, i.e. `day × 1440 + minute of the day`.
 *
 * @example
 * calendarInstantFromIso("2024-10-08T09:00"); // 19997 × 1440 + 7 × 1440 + 540 = 28_806_300
 */
export type CalendarInstant = number & { readonly __brand: "CalendarInstant" };

/**
 * A length of working time in minutes (negative when counted backwards). One working day of the default calendar is
 * 480 (8 hours); `calendarWorkDaysToMinutes` turns days into minutes with a calendar's day length.
 *
 * @example
 * const halfDay = 240 as WorkMinutes;
 */
export type WorkMinutes = number & { readonly __brand: "WorkMinutes" };

/** ISO weekday: 1 Monday … 7 Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

/** The first and last day the calendar functions accept: 0001-01-01 and 9999-12-31. */
export const CALENDAR_FIRST_DAY = -719_162 as CalendarDay;
export const CALENDAR_LAST_DAY = 2_932_896 as CalendarDay;

/**
 * The day number of a Gregorian date (proleptic; H. Hinnant's `days_from_civil`). Does not validate: month 13 or
 * day 32 roll over.
 *
 * @example
 * calendarDayFromParts(1970, 1, 1); // 0
 * calendarDayFromParts(2024, 10, 1); // 19997
 */
export function calendarDayFromParts(year: number, month: number, day: number): CalendarDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146_097 + dayOfEra - 719_468) as CalendarDay;
}

/**
 * Year, month (1–12) and day of the month of a day number (H. Hinnant's `civil_from_days`).
 *
 * @example
 * calendarDayParts(19997 as CalendarDay); // { year: 2024, month: 10, day: 1 }
 */
export function calendarDayParts(value: CalendarDay): { year: number; month: number; day: number } {
  const z = value + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses `YYYY-MM-DD` (a real date, years 0001–9999) into a day number; `undefined` for anything else, so that
 * untrusted input is checked in one place.
 *
 * @example
 * calendarDayParse("2024-02-29"); // 19782
 * calendarDayParse("2023-02-29"); // undefined (not a date)
 * calendarDayParse("2024-2-9"); // undefined (not YYYY-MM-DD)
 */
export function calendarDayParse(text: string): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return calendarDayFromParts(year, month, day);
}

/**
 * Parses a `YYYY-MM-DD` date that is known to be valid (a literal, data already validated); throws a RangeError
 * otherwise. Use `calendarDayParse` for user input.
 *
 * @example
 * calendarDayFromIso("2024-10-01"); // 19997
 */
export function calendarDayFromIso(text: string): CalendarDay {
  const value = calendarDayParse(text);
  if (value === undefined) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return value;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The ISO day string of a day number.
 *
 * @example
 * calendarDayToIso(19997 as CalendarDay); // "2024-10-01"
 */
export function calendarDayToIso(value: CalendarDay): IsoDate {
  const { year, month, day } = calendarDayParts(value);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}` as IsoDate;
}

/**
 * The ISO weekday of a day number (1970-01-01 was a Thursday).
 *
 * @example
 * calendarDayWeekday(calendarDayFromIso("2024-09-29")); // 7 (a Sunday: a make-up working day in China)
 */
export function calendarDayWeekday(value: CalendarDay): IsoWeekday {
  return ((((value + 3) % 7) + 7) % 7) + 1 as IsoWeekday;
}

/**
 * The instant at `minute` (0..1440) of `day`.
 *
 * @example
 * calendarInstantOf(calendarDayFromIso("2024-10-08"), 540 as DayMinute); // 2024-10-08T09:00
 */
export function calendarInstantOf(day: CalendarDay, minute: DayMinute): CalendarInstant {
  return (day * MINUTES_PER_DAY + minute) as CalendarInstant;
}

/**
 * The day an instant falls on (midnight belongs to the day it starts).
 *
 * @example
 * calendarInstantDay(calendarInstantFromIso("2024-10-08T18:00")); // the day number of 2024-10-08
 */
export function calendarInstantDay(instant: CalendarInstant): CalendarDay {
  return Math.floor(instant / MINUTES_PER_DAY) as CalendarDay;
}

/**
 * The minute of the day of an instant, 0..1439.
 *
 * @example
 * calendarInstantMinute(calendarInstantFromIso("2024-10-08T13:30")); // 810
 */
export function calendarInstantMinute(instant: CalendarInstant): DayMinute {
  return (instant - Math.floor(instant / MINUTES_PER_DAY) * MINUTES_PER_DAY) as DayMinute;
}

/**
 * Parses a time of day `HH:MM` (00:00–24:00; 24:00 only ends an interval) into minutes; `undefined` otherwise.
 *
 * @example
 * dayMinuteParse("13:30"); // 810
 * dayMinuteParse("24:00"); // 1440
 * dayMinuteParse("9:00"); // undefined (two digits for the hour)
 */
export function dayMinuteParse(text: string): DayMinute | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return (hours * 60 + minutes) as DayMinute;
}

/**
 * `HH:MM` of a minute of the day (1440 is "24:00").
 *
 * @example
 * dayMinuteToText(810 as DayMinute); // "13:30"
 */
export function dayMinuteToText(minute: DayMinute): string {
  return `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

/**
 * Parses `YYYY-MM-DDTHH:MM` (or a bare date, meaning 00:00) into an instant; `undefined` otherwise.
 *
 * @example
 * calendarInstantParse("2024-10-08T09:00"); // 28_806_300
 * calendarInstantParse("2024-10-08"); // 28_805_760 (midnight)
 */
export function calendarInstantParse(text: string): CalendarInstant | undefined {
  const [datePart = "", timePart, ...rest] = text.split("T");
  if (rest.length > 0) return undefined;
  const day = calendarDayParse(datePart);
  const minute = timePart === undefined ? 0 : dayMinuteParse(timePart);
  if (day === undefined || minute === undefined || minute === MINUTES_PER_DAY) return undefined;
  return calendarInstantOf(day, minute as DayMinute);
}

/**
 * Parses an instant that is known to be valid; throws a RangeError otherwise.
 *
 * @example
 * calendarInstantFromIso("2024-10-08T09:00"); // 28_806_300
 */
export function calendarInstantFromIso(text: string): CalendarInstant {
  const value = calendarInstantParse(text);
  if (value === undefined) throw new RangeError(`not an instant (YYYY-MM-DDTHH:MM): ${JSON.stringify(text)}`);
  return value;
}

/**
 * `YYYY-MM-DDTHH:MM` of an instant (midnight is 00:00 of the next day, never 24:00).
 *
 * @example
 * calendarInstantToIso(28_806_300 as CalendarInstant); // "2024-10-08T09:00"
 */
export function calendarInstantToIso(instant: CalendarInstant): string {
  return `${calendarDayToIso(calendarInstantDay(instant))}T${dayMinuteToText(calendarInstantMinute(instant))}`;
}
