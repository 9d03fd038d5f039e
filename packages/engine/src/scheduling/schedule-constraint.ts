/**
 * Date constraints of a task (Microsoft Project's eight), as names, as the byte codes the planner stores, and as
 * the bounds each puts on the task's early start (from below) and late start (from above).
 *
 * Day numbers are those of the core: day 0 is the project start and a finish is an exclusive bound, so a task of
 * d days that "finishes on day c" has EF = c (it works days c − d … c − 1).
 */
import type { DayNumber, WorkDays } from "./schedule-units";

/**
 * The constraint types, as Microsoft Project names them.
 *
 * | type | name | early start (ES ≥) | late start (LS ≤) |
 * |---|---|---|---|
 * | ASAP | as soon as possible (default) | — | — |
 * | ALAP | as late as possible | — (placed at its late dates) | — |
 * | SNET | start no earlier than c | c | — |
 * | SNLT | start no later than c | — | c |
 * | FNET | finish no earlier than c | c − d | — |
 * | FNLT | finish no later than c | — | c − d |
 * | MSO | must start on c | c | c |
 * | MFO | must finish on c | c − d | c − d |
 *
 * @example
 * const constraint: ScheduleConstraintType = "FNLT"; // finish no later than day 20: LF ≤ 20
 */
export type ScheduleConstraintType = "ASAP" | "ALAP" | "SNET" | "SNLT" | "FNET" | "FNLT" | "MSO" | "MFO";

/** The constraint types in code order: `SCHEDULE_CONSTRAINT_TYPES[code]` is the name of `code`. */
export const SCHEDULE_CONSTRAINT_TYPES: readonly ScheduleConstraintType[] = ["ASAP", "ALAP", "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO"];

/**
 * The code of each constraint type, as stored in `SchedulePlanInput.constraintTypes`.
 *
 * @example
 * SCHEDULE_CONSTRAINT_CODES.MSO; // 6
 */
export const SCHEDULE_CONSTRAINT_CODES = { ASAP: 0, ALAP: 1, SNET: 2, SNLT: 3, FNET: 4, FNLT: 5, MSO: 6, MFO: 7 } as const;

/** A constraint type as stored in columns: 0 ASAP … 7 MFO. */
export type ScheduleConstraintCode = (typeof SCHEDULE_CONSTRAINT_CODES)[ScheduleConstraintType];

/**
 * A constraint as plain data at the edges: its type and, for the six dated types, its day.
 *
 * @example
 * const mustStart: ScheduleConstraint = { type: "MSO", day: 10 as DayNumber }; // must start on day 10
 * const late: ScheduleConstraint = { type: "ALAP" };                           // no day
 */
export type ScheduleConstraint = { readonly type: ScheduleConstraintType; readonly day?: DayNumber | null };

/**
 * The code of a constraint type name, or `undefined` for anything else (names are upper case, as in MS Project).
 *
 * @example
 * scheduleConstraintFromName("FNLT"); // 5
 * scheduleConstraintFromName("fnlt"); // undefined
 */
export function scheduleConstraintFromName(name: unknown): ScheduleConstraintCode | undefined {
  switch (name) {
    case "ASAP":
      return 0;
    case "ALAP":
      return 1;
    case "SNET":
      return 2;
    case "SNLT":
      return 3;
    case "FNET":
      return 4;
    case "FNLT":
      return 5;
    case "MSO":
      return 6;
    case "MFO":
      return 7;
    default:
      return undefined;
  }
}

/**
 * Whether a constraint type needs a day (all but ASAP and ALAP).
 *
 * @example
 * scheduleConstraintIsDated(SCHEDULE_CONSTRAINT_CODES.SNET); // true
 * scheduleConstraintIsDated(SCHEDULE_CONSTRAINT_CODES.ALAP); // false
 */
export function scheduleConstraintIsDated(code: number): boolean {
  return code >= 2 && code <= 7;
}

/**
 * The lower bound a constraint puts on the early start of a task of `duration` days, or `undefined` when it puts
 * none (ASAP, ALAP, SNLT, FNLT). Links and day 0 still apply: ES = max(0, link bounds, this).
 *
 * @example
 * scheduleConstraintEarlyStartBound(SCHEDULE_CONSTRAINT_CODES.FNET, 12 as DayNumber, 5 as WorkDays); // 7: EF ≥ 12
 * scheduleConstraintEarlyStartBound(SCHEDULE_CONSTRAINT_CODES.SNLT, 12 as DayNumber, 5 as WorkDays); // undefined
 */
export function scheduleConstraintEarlyStartBound(code: number, day: DayNumber, duration: WorkDays): DayNumber | undefined {
  switch (code) {
    case 2: // SNET
    case 6: // MSO
      return day;
    case 4: // FNET
    case 7: // MFO
      return (day - duration) as DayNumber;
    default:
      return undefined;
  }
}

/**
 * The upper bound a constraint puts on the late start of a task of `duration` days, or `undefined` when it puts
 * none (ASAP, ALAP, SNET, FNET). When the early start ends up above it, the constraint is violated: the task's
 * total float is negative and the planner lists the violation.
 *
 * @example
 * scheduleConstraintLateStartBound(SCHEDULE_CONSTRAINT_CODES.FNLT, 20 as DayNumber, 5 as WorkDays); // 15: LF ≤ 20
 * scheduleConstraintLateStartBound(SCHEDULE_CONSTRAINT_CODES.MSO, 10 as DayNumber, 5 as WorkDays);  // 10
 */
export function scheduleConstraintLateStartBound(code: number, day: DayNumber, duration: WorkDays): DayNumber | undefined {
  switch (code) {
    case 3: // SNLT
    case 6: // MSO
      return day;
    case 5: // FNLT
    case 7: // MFO
      return (day - duration) as DayNumber;
    default:
      return undefined;
  }
}
