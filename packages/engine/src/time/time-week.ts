/**
 * Calendar arithmetic for timesheets: weeks start on Monday (ISO 8601, as in China and most of Europe), dates are
 * `YYYY-MM-DD` strings, and nothing here knows today's date (the caller passes it in).
 */

/** A `YYYY-MM-DD` calendar date. */
type IsoDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of `date` at 00:00 UTC, or NaN when it is not a real calendar date. */
function dateToUtcMs(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : Number.NaN;
}

const utcMsToDate = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

/** Whether `text` is a real `YYYY-MM-DD` date (`2025-02-30` is not). */
export function timeIsIsoDate(text: string): boolean {
  return !Number.isNaN(dateToUtcMs(text));
}

/** `date` moved by `days` (negative goes back): `timeAddDays("2025-03-31", 1)` is `2025-04-01`. */
export function timeAddDays(date: IsoDate, days: number): IsoDate {
  return utcMsToDate(dateToUtcMs(date) + days * DAY_MS);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function timeDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function timeIsoWeekday(date: IsoDate): number {
  const day = new Date(dateToUtcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week `date` falls in: `timeWeekStart("2025-03-09")` (a Sunday) is `2025-03-03`. */
export function timeWeekStart(date: IsoDate): IsoDate {
  return timeAddDays(date, 1 - timeIsoWeekday(date));
}

/** The seven dates of the week starting on the Monday `weekStart`. */
export function timeWeekDays(weekStart: IsoDate): IsoDate[] {
  return Array.from({ length: 7 }, (_, i) => timeAddDays(weekStart, i));
}

/** The first day of the month `date` falls in. */
export function timeMonthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month after `monthStart`'s. */
export function timeNextMonth(monthStart: IsoDate): IsoDate {
  const year = Number(monthStart.slice(0, 4));
  const month = Number(monthStart.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

/** The calendar date of the instant `at` on the wall clock of the IANA zone `timeZone`. */
export function timeDateInZone(at: Date, timeZone: string): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** Whether the runtime knows the IANA time zone `name` (`Asia/Shanghai`, `Europe/Berlin`). */
export function timeIsTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
