/**
 * Wall-clock time in an IANA time zone, both ways, with the platform's time-zone database (`Intl`): a meeting is
 * planned "Mondays at 09:30 in Europe/Berlin", so its occurrences keep 09:30 local across a DST change while their
 * UTC instants move by an hour. Pure: the answers depend only on the arguments (and the tz data shipped with Node
 * or the browser).
 */

/** A local date and time without a zone: month 1–12, minutes of the hour, no seconds (meetings start on minutes). */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `timeZone` is an IANA zone name this platform knows.
 *
 * @example
 * timeZoneIsValid("Asia/Shanghai"); // true
 * timeZoneIsValid("Mars/Olympus"); // false
 */
export function timeZoneIsValid(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall clock in `timeZone` at `instant` (seconds dropped).
 *
 * @example
 * zonedWallClock(new Date("2026-03-02T01:30:00Z"), "Asia/Shanghai"); // { 2026-03-02 09:30 }
 */
export function zonedWallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(instant)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0 };
}

/** The wall clock read as if it were UTC, in milliseconds (a "floating" time: the trick RRULE expansion works in). */
export const wallClockAsUtc = (wall: WallClock): number => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);

/** The wall clock of a floating UTC-read time (see `wallClockAsUtc`). */
export function wallClockOfUtc(floating: Date): WallClock {
  return { year: floating.getUTCFullYear(), month: floating.getUTCMonth() + 1, day: floating.getUTCDate(), hour: floating.getUTCHours(), minute: floating.getUTCMinutes() };
}

/** `timeZone`'s offset from UTC at `instant`, in minutes (east positive: Asia/Shanghai is +480). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const wall = zonedWallClock(instant, timeZone);
  const truncated = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((wallClockAsUtc(wall) - truncated) / 60_000);
}

/**
 * The instant at which `timeZone`'s clocks show `wall`. A time that does not exist (skipped by a spring-forward
 * change) lands after the gap, at the same offset it had before it, as calendar apps do; a time that exists twice
 * (the autumn change) is the first of the two.
 *
 * @example
 * zonedInstant({ year: 2026, month: 3, day: 30, hour: 9, minute: 30 }, "Europe/Berlin"); // 2026-03-30T07:30:00Z (CEST)
 * zonedInstant({ year: 2026, month: 3, day: 23, hour: 9, minute: 30 }, "Europe/Berlin"); // 2026-03-23T08:30:00Z (CET)
 */
export function zonedInstant(wall: WallClock, timeZone: string): Date {
  const floating = wallClockAsUtc(wall);
  // Try the offsets in force an hour either side: one of them (or both, for an ambiguous time) is right.
  const before = zoneOffsetMinutes(new Date(floating - 12 * 3_600_000), timeZone);
  const after = zoneOffsetMinutes(new Date(floating + 12 * 3_600_000), timeZone);
  for (const offset of [before, after]) {
    const candidate = new Date(floating - offset * 60_000);
    if (wallClockAsUtc(zonedWallClock(candidate, timeZone)) === floating) return candidate;
  }
  return new Date(floating - before * 60_000);
}
