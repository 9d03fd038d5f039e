/**
 * Dates for the critical path core. The core counts whole working days from day 0 (shared/scheduling/README.md:
 * "the app maps day numbers to dates through calendars"); a day axis is that mapping for one project: day number
 * k is the k-th working day of the project calendar counted from the project start (day 0 is the first working
 * day on or after the start date). The core itself is untouched: schedule in day numbers, then read dates off the
 * axis, and turn dates a person enters back into day numbers.
 *
 * With ES and an exclusive EF (`ES = 0, d = 3` works days 0, 1, 2), a task with d > 0 starts on the date of day ES
 * and finishes on the date of day EF − 1 (the last day it works); a milestone (d = 0) sits at the start of day ES,
 * so both its dates are the date of day ES.
 */
import type { CriticalPathSchedule } from "../critical-path";
import type { DayNumber, TaskIndex } from "../schedule-units";
import { CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY, type CalendarDay, type CalendarInstant } from "./calendar-units";
import { calendarAddWorkingDays, calendarNextWorkingDay, calendarWorkingDaysBetween, type WorkingCalendar } from "./working-calendar";
import { calendarDayEndInstant, calendarDayStartInstant } from "./working-time";

/**
 * A project's time axis on a calendar: `origin` is day 0, the first working day on or after the project start.
 *
 * @example
 * const axis = calendarDayAxisCreate(calendar, calendarDayFromIso("2024-09-28")); // Saturday
 * axis.origin; // 2024-09-29, the Sunday make-up working day (with "cn")
 */
export type CalendarDayAxis = {
  readonly calendar: WorkingCalendar;
  readonly projectStart: CalendarDay;
  readonly origin: CalendarDay;
};

/**
 * The axis of a project starting on `projectStart`.
 *
 * @example
 * calendarDayAxisCreate(calendar, calendarDayFromIso("2024-10-01")).origin; // 2024-10-08 (国庆节 first)
 */
export function calendarDayAxisCreate(calendar: WorkingCalendar, projectStart: CalendarDay): CalendarDayAxis {
  return { calendar, projectStart, origin: calendarNextWorkingDay(calendar, projectStart) };
}

/**
 * The date of day number `k`: the k-th working day after the origin (negative k: before it).
 *
 * @example
 * // origin Monday 2024-09-23, default week + "cn"
 * calendarDayAxisDate(axis, 0 as DayNumber); // 2024-09-23
 * calendarDayAxisDate(axis, 6 as DayNumber); // 2024-09-30 (Sunday 09-29 is a make-up working day: day 5)
 * calendarDayAxisDate(axis, 7 as DayNumber); // 2024-10-08
 */
export function calendarDayAxisDate(axis: CalendarDayAxis, k: DayNumber): CalendarDay {
  return calendarAddWorkingDays(axis.calendar, axis.origin, k);
}

/**
 * The date a task starts on, from its (early or late) start day number.
 *
 * @example
 * calendarDayAxisStartDate(axis, 7 as DayNumber); // 2024-10-08 with the axis above
 */
export function calendarDayAxisStartDate(axis: CalendarDayAxis, start: DayNumber): CalendarDay {
  return calendarDayAxisDate(axis, start);
}

/**
 * The last date a task works, from its exclusive finish day number and its duration (a milestone's finish date
 * is the date of its day).
 *
 * @example
 * // ES 5, d 3: works days 5, 6, 7 → finishes on the date of day 7
 * calendarDayAxisFinishDate(axis, 8 as DayNumber, 3); // 2024-10-08
 * calendarDayAxisFinishDate(axis, 8 as DayNumber, 0); // a milestone at day 8: 2024-10-09
 */
export function calendarDayAxisFinishDate(axis: CalendarDayAxis, finish: DayNumber, duration: number): CalendarDay {
  return calendarDayAxisDate(axis, (duration > 0 ? finish - 1 : finish) as DayNumber);
}

/**
 * A date as a day number, for dates a person enters. `"start"`: the day number of the first working day on or
 * after `date` (a task starting then). `"finish"`: the exclusive finish of a task whose last working day is the
 * last working day on or before `date`. Inverse of the date functions on working days:
 * `calendarDayAxisDayNumber(axis, calendarDayAxisDate(axis, k), "start") = k` and
 * `calendarDayAxisDayNumber(axis, calendarDayAxisFinishDate(axis, ef, d), "finish") = ef` for d > 0.
 *
 * @example
 * calendarDayAxisDayNumber(axis, calendarDayFromIso("2024-10-03"), "start"); // 7 (first working day after is 10-08)
 * calendarDayAxisDayNumber(axis, calendarDayFromIso("2024-10-03"), "finish"); // 7 (last working day before is 09-30, day 6)
 */
export function calendarDayAxisDayNumber(axis: CalendarDayAxis, date: CalendarDay, edge: "start" | "finish"): DayNumber {
  const to = edge === "start" ? date : ((date + 1) as CalendarDay);
  return calendarWorkingDaysBetween(axis.calendar, axis.origin, to) as DayNumber;
}

/**
 * The instant a task starts (the start of day `start`'s working time), for Gantt bars drawn to the hour.
 *
 * @example
 * calendarDayAxisStartInstant(axis, 7 as DayNumber); // 2024-10-08T09:00
 */
export function calendarDayAxisStartInstant(axis: CalendarDayAxis, start: DayNumber): CalendarInstant {
  return calendarDayStartInstant(axis.calendar, calendarDayAxisDate(axis, start));
}

/**
 * The instant a task finishes: the end of its last working day's working time (a milestone: the start of its day).
 *
 * @example
 * calendarDayAxisFinishInstant(axis, 7 as DayNumber, 2); // 2024-09-30T18:00 (last day is day 6)
 */
export function calendarDayAxisFinishInstant(axis: CalendarDayAxis, finish: DayNumber, duration: number): CalendarInstant {
  return duration > 0 ? calendarDayEndInstant(axis.calendar, calendarDayAxisFinishDate(axis, finish, duration)) : calendarDayAxisStartInstant(axis, finish);
}

/**
 * The dates of a whole schedule, per task (indexed by id): early start, early finish, late start and late finish
 * dates (finishes are the last working day, as `calendarDayAxisFinishDate`). Maps the day numbers 0..T once into a
 * table, so a million tasks cost four array reads each.
 *
 * @example
 * // The README's worked example on a project starting Monday 2024-09-23 (default week + "cn"):
 * const dates = calendarDayAxisScheduleDates(axis, schedule);
 * calendarDayToIso(dates.earlyStart[1]); // day 5 → "2024-09-29" (the Sunday make-up day)
 * calendarDayToIso(dates.earlyFinish[5]); // EF 10 → day 9 → "2024-10-10"
 */
export function calendarDayAxisScheduleDates(
  axis: CalendarDayAxis,
  schedule: CriticalPathSchedule,
): { earlyStart: Int32Array; earlyFinish: Int32Array; lateStart: Int32Array; lateFinish: Int32Array } {
  const n = schedule.taskCount;
  const table = calendarDayAxisTable(axis, schedule.finish);
  const earlyStart = new Int32Array(n);
  const earlyFinish = new Int32Array(n);
  const lateStart = new Int32Array(n);
  const lateFinish = new Int32Array(n);
  for (let id = 0; id < n; id++) {
    const d = schedule.durations[id] as number;
    const es = schedule.earlyStart[id] as number;
    const ls = schedule.lateStart[id] as number;
    const back = d > 0 ? 1 : 0;
    earlyStart[id] = table[es] as number;
    lateStart[id] = table[ls] as number;
    earlyFinish[id] = table[es + d - back] as number;
    lateFinish[id] = table[ls + d - back] as number;
  }
  return { earlyStart, earlyFinish, lateStart, lateFinish };
}

/**
 * The dates of day numbers 0..`last` in one pass over the calendar's working days.
 *
 * @example
 * calendarDayAxisTable(axis, 7 as DayNumber); // Int32Array of the 8 dates of days 0..7
 */
export function calendarDayAxisTable(axis: CalendarDayAxis, last: DayNumber): Int32Array {
  if (last > CALENDAR_LAST_DAY - CALENDAR_FIRST_DAY) throw new RangeError(`day ${last} is beyond the calendar range 0001-01-01..9999-12-31`);
  const table = new Int32Array(last + 1);
  let day = axis.origin as CalendarDay;
  for (let k = 0; k <= last; k++) {
    table[k] = day;
    if (k < last) day = calendarAddWorkingDays(axis.calendar, day, 1);
  }
  return table;
}

/**
 * One task's dates as ISO-friendly day numbers, for the edges (API responses).
 *
 * @example
 * calendarDayAxisTaskDates(axis, schedule, 4 as TaskIndex);
 * // { earlyStart, earlyFinish, lateStart, lateFinish } as CalendarDay values (milestone: start = finish)
 */
export function calendarDayAxisTaskDates(
  axis: CalendarDayAxis,
  schedule: CriticalPathSchedule,
  id: TaskIndex,
): { earlyStart: CalendarDay; earlyFinish: CalendarDay; lateStart: CalendarDay; lateFinish: CalendarDay } {
  const d = schedule.durations[id] as number;
  const es = schedule.earlyStart[id] as DayNumber;
  const ls = schedule.lateStart[id] as DayNumber;
  return {
    earlyStart: calendarDayAxisStartDate(axis, es),
    earlyFinish: calendarDayAxisFinishDate(axis, (es + d) as DayNumber, d),
    lateStart: calendarDayAxisStartDate(axis, ls),
    lateFinish: calendarDayAxisFinishDate(axis, (ls + d) as DayNumber, d),
  };
}
