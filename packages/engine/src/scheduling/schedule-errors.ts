/**
 * What the scheduling core answers instead of a schedule: an input it refuses (with what and where) or a
 * dependency cycle (with the tasks of one cycle). Plain data, so callers map them to exit codes, HTTP statuses or
 * UI messages with an exhaustive switch on `kind` and `code`.
 */
import type { TaskIndex } from "./schedule-units";

/**
 * Why an input was refused.
 *
 * - `not-an-object`: the document, a task or a link is not a JSON object (or `tasks` / `links` is not an array)
 * - `bad-id`: a task id that is missing, not an integer, or outside 0..N-1
 * - `duplicate-id`: two tasks with the same id
 * - `missing-id`: no task has some id in 0..N-1
 * - `unknown-task`: a link's `from` or `to` that is not the id of a task
 * - `self-link`: a link from a task to itself
 * - `unknown-link-type`: a link type other than FS, SS, FF, SF
 * - `negative-duration`, `non-integer-duration`, `non-integer-lag`: a duration or lag that is not a whole number of
 *   days (or a negative duration)
 * - `too-large`: a duration, a lag, or the total of all durations and |lags| beyond `SCHEDULE_MAX_DAYS`
 */
export type ScheduleInputErrorCode =
  | "not-an-object"
  | "bad-id"
  | "duplicate-id"
  | "missing-id"
  | "unknown-task"
  | "self-link"
  | "unknown-link-type"
  | "negative-duration"
  | "non-integer-duration"
  | "non-integer-lag"
  | "too-large";

/**
 * An input the engine refuses. `path` locates the offending value in the interchange document (`links[3].type`,
 * `tasks[0].duration`, or `tasks` for a property of the whole list); `message` says what and where, in one line.
 *
 * @example
 * // {"links":[{"from":0,"to":1,"type":"XX","lag":0}], …}
 * ({ kind: "invalid-input", code: "unknown-link-type", path: "links[0].type",
 *    message: 'links[0] (0 -> 1): unknown link type "XX" (expected FS, SS, FF or SF)' });
 */
export type ScheduleInputError = {
  readonly kind: "invalid-input";
  readonly code: ScheduleInputErrorCode;
  readonly path: string;
  readonly message: string;
};

/**
 * The links form a cycle, so there is no schedule. `taskIds` are the tasks of one cycle in link order, starting at
 * its smallest id: each links to the next, and the last links to the first.
 *
 * @example
 * // links 1 -> 2, 2 -> 3, 3 -> 1
 * ({ kind: "cycle", taskIds: [1, 2, 3], message: "dependency cycle: 1 -> 2 -> 3 -> 1" });
 */
export type ScheduleCycleError = {
  readonly kind: "cycle";
  readonly taskIds: readonly TaskIndex[];
  readonly message: string;
};

/** Either refusal of the scheduling core. */
export type ScheduleError = ScheduleInputError | ScheduleCycleError;

/**
 * The answer of a fallible engine function: the value, or the error as data (never thrown). `E` is the core's
 * `ScheduleError` by default; the planner answers its own wider `SchedulePlanError`.
 *
 * @example
 * const outcome = scheduleInputFromJson(JSON.parse(text));
 * if (!outcome.ok) return fail(outcome.error.message);
 * const input = outcome.value;
 */
export type ScheduleOutcome<T, E extends { readonly kind: string; readonly message: string } = ScheduleError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/**
 * Builds a `ScheduleInputError` whose message starts with its location.
 *
 * @example
 * scheduleInputError("self-link", "links[4]", "links[4]", "task 1 links to itself");
 * // message: "links[4]: task 1 links to itself"
 */
export function scheduleInputError(code: ScheduleInputErrorCode, path: string, where: string, what: string): ScheduleInputError {
  return { kind: "invalid-input", code, path, message: `${where}: ${what}` };
}
