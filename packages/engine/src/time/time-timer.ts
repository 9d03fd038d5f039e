/**
 * Turning a stopped timer into time entries: the elapsed time, rounded to whole minutes, split at each midnight of
 * the person's time zone so every entry belongs to one day (a timer left running from 23:00 to 01:00 is one hour on
 * each of two days).
 */
import { timeAddDays, timeDateInZone } from "./time-week";

type IsoDate = string;

export type TimerDaySlice = { workDate: IsoDate; minutes: number };

const MINUTE_MS = 60_000;

/** Offset of `timeZone` from UTC at the instant `ms`, in milliseconds (+8 h for Asia/Shanghai). */
function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant local midnight starts `date` in `timeZone` (two passes settle a DST change between guess and answer). */
export function timeMidnightInZone(date: IsoDate, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let guess = wall - zoneOffsetMs(wall, timeZone);
  guess = wall - zoneOffsetMs(guess, timeZone);
  return guess;
}

/**
 * The entries a timer running from `startMs` to `stopMs` writes, one per local day, minutes rounded so the pieces
 * add up to the whole elapsed time rounded to the minute. Days that round to 0 minutes are left out.
 *
 * @example timerSlices(Date.parse("2025-03-03T14:30:00Z"), Date.parse("2025-03-03T17:15:00Z"), "Asia/Shanghai")
 * // 22:30 → 01:15 in Shanghai: [{ workDate: "2025-03-03", minutes: 90 }, { workDate: "2025-03-04", minutes: 75 }]
 */
export function timerSlices(startMs: number, stopMs: number, timeZone: string): TimerDaySlice[] {
  if (!(stopMs > startMs)) return [];
  const slices: TimerDaySlice[] = [];
  let cursor = startMs;
  let roundedSoFar = 0;
  let date = timeDateInZone(new Date(startMs), timeZone);
  while (cursor < stopMs) {
    const nextMidnight = timeMidnightInZone(timeAddDays(date, 1), timeZone);
    const end = Math.min(nextMidnight, stopMs);
    // Round the running total, not each piece, so rounding errors never add up across days.
    const roundedTotal = Math.round((end - startMs) / MINUTE_MS);
    const minutes = roundedTotal - roundedSoFar;
    roundedSoFar = roundedTotal;
    if (minutes > 0) slices.push({ workDate: date, minutes });
    cursor = end;
    date = timeAddDays(date, 1);
  }
  return slices;
}
