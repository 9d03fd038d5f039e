/**
 * A baseline's day numbers count working days from the plan's day 0 *when it was saved*. If the project start or its
 * calendar changes later, those numbers no longer line up with the current plan's, and a variance taken on them hides
 * the move (a whole project pushed a week later would show no slip). So before comparing, a baseline task's days are
 * re-read from its dates on the current plan's axis — the working days lost or gained are then counted on today's
 * calendar, as MS Project does. The fraction of a day (a task starting or ending mid-day) is kept.
 */
import { type CalendarDayAxis, calendarDayAxisDayNumber, calendarDayFromIso } from "../scheduling/index";

export type PlanBaselineDays = {
  readonly start: string | null;
  readonly finish: string | null;
  readonly startDay: number | null;
  readonly finishDay: number | null;
  readonly durationDays: number | null;
};

/**
 * The task with `startDay` / `finishDay` on `axis`. A milestone (duration 0) finishes where it starts.
 *
 * @example
 * // saved with day 0 = Mon 2026-03-02; the project now starts Mon 2026-03-09 (five working days later):
 * planBaselineDaysOnAxis(axisFrom0309, { start: "2026-03-09", finish: "2026-03-13", startDay: 5, finishDay: 10, durationDays: 5 });
 * // → startDay 0, finishDay 5
 */
export function planBaselineDaysOnAxis<T extends PlanBaselineDays>(axis: CalendarDayAxis, task: T): T {
  if (task.start === null || task.startDay === null) return task;
  const startDay = calendarDayAxisDayNumber(axis, calendarDayFromIso(task.start), "start") + (task.startDay - Math.floor(task.startDay));
  if (task.durationDays === 0 || task.finish === null || task.finishDay === null) return { ...task, startDay, finishDay: task.finishDay === null ? null : startDay };
  const finishDay = calendarDayAxisDayNumber(axis, calendarDayFromIso(task.finish), "finish") - (Math.ceil(task.finishDay) - task.finishDay);
  return { ...task, startDay, finishDay };
}
