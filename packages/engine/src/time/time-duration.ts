/**
 * Durations as people type them into a timesheet, in whole minutes. Accepted forms (spaces ignored, case-insensitive):
 * `1h30`, `1h 30m`, `1h`, `90m`, `90min`, `1:30`, `1.5` and `1,5` (hours), `2` (hours), and the Chinese units
 * `1小时30分`, `45分钟`. A bare number is hours, as on a paper timesheet.
 */

/** Whole minutes of work. */
export type LoggedMinutes = number & { readonly __brand: "LoggedMinutes" };

/** A day has 1,440 minutes: no entry, and no day of a person's timesheet, may hold more. */
export const TIME_MINUTES_PER_DAY = 1440;

const HOURS_MINUTES = /^(\d+(?:[.,]\d+)?)(?:h|小时|时)(?:(\d+)(?:m|min|分钟|分)?)?$/;
const MINUTES_ONLY = /^(\d+)(?:m|min|分钟|分)$/;
const CLOCK = /^(\d+):([0-5]\d)$/;
const DECIMAL_HOURS = /^(\d+(?:[.,]\d+)?|[.,]\d+)$/;

const decimal = (text: string) => Number(text.replace(",", "."));

/**
 * The minutes `text` means, rounded to the nearest minute, or null when it cannot be read. Empty text is 0.
 *
 * @example durationParseMinutes("1h30") // 90
 * @example durationParseMinutes("1.5")  // 90
 * @example durationParseMinutes("1:30") // 90
 * @example durationParseMinutes("90m")  // 90
 */
export function durationParseMinutes(text: string): LoggedMinutes | null {
  const compact = text.trim().toLowerCase().replace(/\s+/g, "");
  if (compact === "") return 0 as LoggedMinutes;
  let minutes: number | null = null;
  const hm = HOURS_MINUTES.exec(compact);
  const m = MINUTES_ONLY.exec(compact);
  const clock = CLOCK.exec(compact);
  const hours = DECIMAL_HOURS.exec(compact);
  if (hm) minutes = decimal(hm[1] ?? "0") * 60 + Number(hm[2] ?? 0);
  else if (m) minutes = Number(m[1]);
  else if (clock) minutes = Number(clock[1]) * 60 + Number(clock[2]);
  else if (hours) minutes = decimal(hours[1] ?? "0") * 60;
  if (minutes === null || !Number.isFinite(minutes)) return null;
  return Math.round(minutes) as LoggedMinutes;
}

/**
 * Minutes written back the way the grid shows them: `1h30`, `2h`, `45m`, `0` for none. `durationParseMinutes`
 * reads every output back to the same number.
 */
export function durationFormatMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole === 0) return "0";
  const sign = whole < 0 ? "-" : "";
  const abs = Math.abs(whole);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (h === 0) return `${sign}${m}m`;
  return m === 0 ? `${sign}${h}h` : `${sign}${h}h${String(m).padStart(2, "0")}`;
}
