/**
 * Working time on a calendar, to the minute: add working time to an instant (forwards or backwards), the working
 * time between two instants, the next and previous working instants.
 *
 * **Where results land.** Adding `m > 0` minutes returns the earliest instant at which `m` minutes of work are done,
 * so a task finishes at the end of an interval (12:00, 18:00), never at the start of the next one. Subtracting
 * returns the latest instant from which `m` minutes of work reach the start, so it lands at the start of an interval
 * (13:00, 09:00). Either way the result touches working time: the minute before a forward result is working, the
 * minute after a backward result is working. Hence, from a working instant, subtracting what was added comes back
 * to the start.
 */
import {
  type CalendarDay,
  type CalendarInstant,
  calendarInstantDay,
  calendarInstantMinute,
  MINUTES_PER_DAY,
  type WorkMinutes,
} from "./calendar-units";
import {
  type CalendarBlock,
  calendarAddWorkingDays,
  calendarBlockAt,
  calendarBlockIndex,
  calendarDayCheck,
  calendarDayShape,
  type WorkingCalendar,
} from "./working-calendar";

/** Minutes in a day (a local constant for the hot path). */
const DAY = 1440;
/** The last day offset in a block (blocks hold 512 days). */
const BLOCK_LAST = 511;
/** Days scanned one by one before bisecting a block's running totals. */
const SCAN = 16;

/** Working minutes of shape `s` before `minute` of the day. */
function shapeMinutesBefore(calendar: WorkingCalendar, s: number, minute: number): number {
  const bounds = calendar.intervalBounds;
  let worked = 0;
  for (let p = (calendar.shapeStart[s] as number) * 2, end = (calendar.shapeStart[s + 1] as number) * 2; p < end; p += 2) {
    const a = bounds[p] as number;
    if (minute <= a) break;
    const b = bounds[p + 1] as number;
    worked += (minute < b ? minute : b) - a;
  }
  return worked;
}

/** Working minutes in a block before an instant on one of its days (internal). */
function blockMinutesBefore(calendar: WorkingCalendar, block: CalendarBlock, day: number, minute: number): number {
  const i = day - block.firstDay;
  return (block.minuteRank[i] as number) + shapeMinutesBefore(calendar, block.shapes[i] as number, minute);
}

/**
 * Adds `minutes` of working time to `instant` (subtracts for a negative amount): see the module comment for where
 * the result lands. `0` returns the instant unchanged. Within one day it walks the day's intervals; further away it
 * finds the day in a 512-day block's running totals (a short scan, then bisection) and steps over whole blocks.
 * Throws a RangeError for a fractional amount (round days with `calendarWorkDaysToMinutes`) or beyond 0001..9999.
 *
 * @example
 * // calendar: Mon–Fri 09:00–12:00, 13:00–18:00 + "cn"
 * calendarAddWorkingTime(calendar, calendarInstantFromIso("2024-09-30T16:00"), 240 as WorkMinutes);
 * // 2024-10-08T11:00: 2 hours on Monday, 国庆节 and its weekend skipped, 2 hours on Tuesday
 * calendarAddWorkingTime(calendar, calendarInstantFromIso("2024-10-08T11:00"), -240 as WorkMinutes);
 * // 2024-09-30T16:00 again
 * calendarAddWorkingTime(calendar, calendarInstantFromIso("2024-10-08T09:00"), calendarWorkDaysToMinutes(calendar, 1.5));
 * // 2024-10-09T14:00: 1.5 days = 720 minutes with an 8-hour day
 */
export function calendarAddWorkingTime(calendar: WorkingCalendar, instant: CalendarInstant, minutes: WorkMinutes): CalendarInstant {
  if (Math.floor(minutes) !== minutes) throw new RangeError(`a whole number of working minutes, not ${minutes}`);
  const day = Math.floor(instant / DAY);
  calendarDayCheck(day);
  if (minutes === 0) return instant;
  // The hot path (a start and a finish on the same day) is written out: no helper calls, local constants only.
  const minute = instant - day * DAY;
  const bounds = calendar.intervalBounds;
  const shapeStart = calendar.shapeStart;
  let b = calendarBlockIndex(day);
  let block = calendarBlockAt(calendar, b);
  const i = day - block.firstDay;
  let shape = block.shapes[i] as number;
  let worked = 0;
  for (let p = (shapeStart[shape] as number) * 2, end = (shapeStart[shape + 1] as number) * 2; p < end; p += 2) {
    const a = bounds[p] as number;
    if (minute <= a) break;
    const e = bounds[p + 1] as number;
    worked += (minute < e ? minute : e) - a;
  }
  let target = (block.minuteRank[i] as number) + worked + minutes;
  let j = i;
  if (minutes > 0) {
    if (target > (block.minuteRank[i + 1] as number)) {
      let lo = i + 1;
      while (target > block.workingMinuteCount) {
        target -= block.workingMinuteCount;
        block = calendarBlockAt(calendar, ++b);
        lo = 0;
      }
      // smallest j ≥ lo with minuteRank[j + 1] ≥ target: a short scan (most additions end within days), then bisection
      const rank = block.minuteRank;
      let hi = BLOCK_LAST;
      for (const stop = lo + SCAN < hi ? lo + SCAN : hi; lo < stop && (rank[lo + 1] as number) < target; ) lo++;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((rank[mid + 1] as number) >= target) hi = mid;
        else lo = mid + 1;
      }
      j = lo;
      shape = block.shapes[j] as number;
    }
    // the earliest minute by which `left` (> 0) working minutes of the day are done: inside (start, end]
    let left = target - (block.minuteRank[j] as number);
    for (let p = (shapeStart[shape] as number) * 2, end = (shapeStart[shape + 1] as number) * 2; p < end; p += 2) {
      const length = (bounds[p + 1] as number) - (bounds[p] as number);
      if (left <= length) return ((block.firstDay + j) * DAY + (bounds[p] as number) + left) as CalendarInstant;
      left -= length;
    }
    throw new RangeError("internal: working minutes beyond the day");
  }
  if (target < (block.minuteRank[i] as number)) {
    let hi = i - 1;
    while (target < 0) {
      block = calendarBlockAt(calendar, --b);
      target += block.workingMinuteCount;
      hi = BLOCK_LAST;
    }
    // largest j ≤ hi with minuteRank[j] ≤ target: a short scan, then bisection
    const rank = block.minuteRank;
    let lo = 0;
    for (const stop = hi - SCAN > lo ? hi - SCAN : lo; hi > stop && (rank[hi] as number) > target; ) hi--;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((rank[mid] as number) <= target) lo = mid;
      else hi = mid - 1;
    }
    j = lo;
    shape = block.shapes[j] as number;
  }
  // the latest minute with `left` (≥ 0, < the day's total) working minutes of the day before it: inside [start, end)
  let left = target - (block.minuteRank[j] as number);
  for (let p = (shapeStart[shape] as number) * 2, end = (shapeStart[shape + 1] as number) * 2; p < end; p += 2) {
    const length = (bounds[p + 1] as number) - (bounds[p] as number);
    if (left < length) return ((block.firstDay + j) * DAY + (bounds[p] as number) + left) as CalendarInstant;
    left -= length;
  }
  throw new RangeError("internal: working minutes beyond the day");
}

/**
 * The working time in `[from, to)`; negative (minus the working time in `[to, from)`) when `to < from`. For any
 * instant `a`, `calendarWorkingTimeBetween(c, a, calendarAddWorkingTime(c, a, m)) = m`.
 *
 * @example
 * calendarWorkingTimeBetween(calendar, calendarInstantFromIso("2024-09-30T16:00"), calendarInstantFromIso("2024-10-08T11:00")); // 240
 * calendarWorkingTimeBetween(calendar, calendarInstantFromIso("2024-10-08T12:00"), calendarInstantFromIso("2024-10-08T13:00")); // 0 (lunch)
 */
export function calendarWorkingTimeBetween(calendar: WorkingCalendar, from: CalendarInstant, to: CalendarInstant): WorkMinutes {
  if (to < from) return (0 - calendarWorkingTimeBetween(calendar, to, from)) as WorkMinutes; // 0 − x: never −0
  const dayFrom = calendarInstantDay(from);
  const dayTo = calendarInstantDay(to);
  calendarDayCheck(dayFrom);
  calendarDayCheck(dayTo);
  const bFrom = calendarBlockIndex(dayFrom);
  const bTo = calendarBlockIndex(dayTo);
  const first = calendarBlockAt(calendar, bFrom);
  const before = blockMinutesBefore(calendar, first, dayFrom, from - dayFrom * MINUTES_PER_DAY);
  if (bFrom === bTo) return (blockMinutesBefore(calendar, first, dayTo, to - dayTo * MINUTES_PER_DAY) - before) as WorkMinutes;
  let total = first.workingMinuteCount - before;
  for (let b = bFrom + 1; b < bTo; b++) total += calendarBlockAt(calendar, b).workingMinuteCount;
  const last = calendarBlockAt(calendar, bTo);
  return (total + blockMinutesBefore(calendar, last, dayTo, to - dayTo * MINUTES_PER_DAY)) as WorkMinutes;
}

/**
 * Whether the minute starting at `instant` is working time.
 *
 * @example
 * calendarIsWorkingInstant(calendar, calendarInstantFromIso("2024-10-08T12:00")); // false (lunch)
 * calendarIsWorkingInstant(calendar, calendarInstantFromIso("2024-10-08T11:59")); // true
 */
export function calendarIsWorkingInstant(calendar: WorkingCalendar, instant: CalendarInstant): boolean {
  const day = calendarInstantDay(instant);
  const minute = calendarInstantMinute(instant);
  const s = calendarDayShape(calendar, day);
  const bounds = calendar.intervalBounds;
  for (let p = (calendar.shapeStart[s] as number) * 2, end = (calendar.shapeStart[s + 1] as number) * 2; p < end; p += 2) {
    if (minute < (bounds[p] as number)) return false;
    if (minute < (bounds[p + 1] as number)) return true;
  }
  return false;
}

/**
 * The earliest instant at or after `instant` whose minute is working time: `instant` itself inside working time,
 * else the start of the next interval (where a successor task starts).
 *
 * @example
 * calendarNextWorkingInstant(calendar, calendarInstantFromIso("2024-09-30T18:00")); // 2024-10-08T09:00
 * calendarNextWorkingInstant(calendar, calendarInstantFromIso("2024-10-08T12:30")); // 2024-10-08T13:00
 */
export function calendarNextWorkingInstant(calendar: WorkingCalendar, instant: CalendarInstant): CalendarInstant {
  const day = calendarInstantDay(instant);
  const minute = calendarInstantMinute(instant);
  const bounds = calendar.intervalBounds;
  const s = calendarDayShape(calendar, day);
  for (let p = (calendar.shapeStart[s] as number) * 2, end = (calendar.shapeStart[s + 1] as number) * 2; p < end; p += 2) {
    if (minute < (bounds[p + 1] as number)) return (day * MINUTES_PER_DAY + Math.max(minute, bounds[p] as number)) as CalendarInstant;
  }
  const next = calendarAddWorkingDays(calendar, day, 1);
  const t = calendar.shapeStart[calendarDayShape(calendar, next)] as number;
  return (next * MINUTES_PER_DAY + (bounds[t * 2] as number)) as CalendarInstant;
}

/**
 * The latest instant at or before `instant` whose previous minute is working time: `instant` itself when work was
 * going on just before it, else the end of the previous interval (where a task that ran up to now finished).
 *
 * @example
 * calendarPreviousWorkingInstant(calendar, calendarInstantFromIso("2024-10-08T09:00")); // 2024-09-30T18:00
 * calendarPreviousWorkingInstant(calendar, calendarInstantFromIso("2024-10-08T12:30")); // 2024-10-08T12:00
 */
export function calendarPreviousWorkingInstant(calendar: WorkingCalendar, instant: CalendarInstant): CalendarInstant {
  const day = calendarInstantDay(instant);
  const minute = calendarInstantMinute(instant);
  const bounds = calendar.intervalBounds;
  const s = calendarDayShape(calendar, day);
  for (let p = (calendar.shapeStart[s + 1] as number) * 2 - 2, first = (calendar.shapeStart[s] as number) * 2; p >= first; p -= 2) {
    if (minute > (bounds[p] as number)) return (day * MINUTES_PER_DAY + Math.min(minute, bounds[p + 1] as number)) as CalendarInstant;
  }
  const previous = calendarAddWorkingDays(calendar, day, -1);
  const t = calendar.shapeStart[calendarDayShape(calendar, previous) + 1] as number;
  return (previous * MINUTES_PER_DAY + (bounds[t * 2 - 1] as number)) as CalendarInstant;
}

/**
 * The first working instant of a day (of the next working day when `day` is a day off): where work on that day
 * starts.
 *
 * @example
 * calendarDayStartInstant(calendar, calendarDayFromIso("2024-10-12")); // 2024-10-12T09:00 (make-up Saturday)
 */
export function calendarDayStartInstant(calendar: WorkingCalendar, day: CalendarDay): CalendarInstant {
  return calendarNextWorkingInstant(calendar, (day * MINUTES_PER_DAY) as CalendarInstant);
}

/**
 * The instant work on a day ends (of the previous working day when `day` is a day off).
 *
 * @example
 * calendarDayEndInstant(calendar, calendarDayFromIso("2024-09-30")); // 2024-09-30T18:00
 */
export function calendarDayEndInstant(calendar: WorkingCalendar, day: CalendarDay): CalendarInstant {
  return calendarPreviousWorkingInstant(calendar, ((day + 1) * MINUTES_PER_DAY) as CalendarInstant);
}

/**
 * Working days as working minutes with the calendar's day length, rounded to the minute: fractional days are the
 * day length × the fraction.
 *
 * @example
 * calendarWorkDaysToMinutes(calendar, 1.5); // 720 with 8-hour days
 * calendarWorkDaysToMinutes(calendar, -0.25); // -120
 */
export function calendarWorkDaysToMinutes(calendar: WorkingCalendar, days: number): WorkMinutes {
  return (Math.round(days * calendar.minutesPerDay) + 0) as WorkMinutes; // + 0: never −0
}

/**
 * Working minutes as (fractional) working days with the calendar's day length.
 *
 * @example
 * calendarMinutesToWorkDays(calendar, 600 as WorkMinutes); // 1.25 with 8-hour days
 */
export function calendarMinutesToWorkDays(calendar: WorkingCalendar, minutes: WorkMinutes): number {
  return minutes / calendar.minutesPerDay;
}
