/**
 * The server's side of a project calendar: the stored row as the engine's model (`planCalendarOf`), the update
 * request checked into a model (a problem is a 400 on its field) and the calendar as the API shows it. The pure
 * parts (default calendar, compile, form parsing) live in the engine (`@jiaofu/engine` planning), shared with the web.
 */
import {
  calendarIntervalsToText,
  calendarUncoveredYears,
  type PlanCalendarModel,
  planCalendarFromForm,
  planDefaultCalendar,
  WEEKDAY_KEYS,
  type WorkingCalendar,
  type WorkingInterval,
} from "@jiaofu/engine";
import { PLAN_HOLIDAY_SETS, type TPlanCalendar, type TPlanCalendarException, type TUpdatePlanCalendarRequest } from "@jiaofu/contracts";
import { AppError } from "../../platform/app-error";
import type { MessageKey } from "../../platform/messages";
import type { ProjectCalendarRow } from "./planning.repository";

export function planCalendarOf(row: ProjectCalendarRow | undefined): PlanCalendarModel {
  if (!row) return planDefaultCalendar();
  const week = planDefaultCalendar().week;
  for (const key of WEEKDAY_KEYS) week[key] = row.week[key] ?? [];
  return { week, holidaySets: row.holidaySets, exceptions: row.exceptions, version: row.version };
}

const PROBLEM_MESSAGES: Readonly<Record<"hours-invalid" | "no-working-time" | "end-before-start", MessageKey>> = {
  "hours-invalid": "plan.calendar_hours_invalid",
  "no-working-time": "plan.calendar_no_working_time",
  "end-before-start": "end_before_start",
};

/**
 * The calendar a request describes, checked by the engine (intervals in order and not overlapping, a week with
 * some working time, exception dates in order); a problem is a 400 on the field it is about.
 */
export function planCalendarFromRequest(input: TUpdatePlanCalendarRequest): Omit<PlanCalendarModel, "version"> {
  const outcome = planCalendarFromForm(input);
  if (!outcome.ok) {
    const { path, reason } = outcome.problem;
    throw new AppError("validation_failed", "validation_failed", {}, { fields: [{ path, messageKey: PROBLEM_MESSAGES[reason] }] });
  }
  return outcome.value;
}

/** The calendar as the API shows it, with the years of the plan a holiday set has no data for yet. */
export function presentPlanCalendar(projectId: string, model: PlanCalendarModel, compiled: WorkingCalendar, years: { from: number; to: number }): TPlanCalendar {
  const week = Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, calendarIntervalsToText(model.week[key] as unknown as WorkingInterval[])])) as TPlanCalendar["week"];
  const exceptions: TPlanCalendarException[] = model.exceptions.map((e) => ({
    from: e.from,
    to: e.to ?? null,
    hours: calendarIntervalsToText(e.intervals as unknown as WorkingInterval[]),
    name: e.name?.zh ?? e.name?.en ?? "",
  }));
  return {
    projectId,
    week,
    holidaySets: model.holidaySets.filter((id): id is (typeof PLAN_HOLIDAY_SETS)[number] => (PLAN_HOLIDAY_SETS as readonly string[]).includes(id)),
    exceptions,
    uncoveredYears: calendarUncoveredYears(compiled, years.from, years.to).map((u) => ({ holidaySet: u.holidaySetId, years: u.years })),
    version: model.version,
  };
}
