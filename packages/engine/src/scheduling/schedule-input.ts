/**
 * The input of the scheduling core in columns (typed arrays), and its decoding from the interchange format
 * (`{"tasks":[{"id","duration"}],"links":[{"from","to","type","lag"}]}`, see shared/scheduling/README.md).
 *
 * Decoding checks everything the README lists (ids, link ends, self-links, types, durations, lags) and says what
 * is wrong and where; the core then runs on the columns without per-task objects.
 */
import { type ScheduleInputError, type ScheduleOutcome, scheduleInputError } from "./schedule-errors";
import { LINK_TYPES, type LinkType, linkTypeFromName } from "./link-type";
import { SCHEDULE_MAX_DAYS } from "./schedule-units";

/**
 * A schedule network in columns. Task `i` (its id) has duration `durations[i]`; link `e` goes from task
 * `linkFrom[e]` to task `linkTo[e]` with type `linkTypes[e]` (a `LinkTypeCode`: 0 FS, 1 SS, 2 FF, 3 SF) and lag
 * `linkLags[e]`, all in whole working days. N is `durations.length`, M is `linkFrom.length` (the other link columns
 * have the same length). Link indices are those of the source document, so errors point at `links[e]`.
 *
 * @example
 * // Task 0 (3 days) and task 1 (2 days); FS+2: task 1 starts 2 days after task 0 finishes.
 * const input: ScheduleInput = {
 *   durations: Int32Array.of(3, 2),
 *   linkFrom: Int32Array.of(0), linkTo: Int32Array.of(1), linkTypes: Uint8Array.of(0), linkLags: Int32Array.of(2),
 * };
 */
export type ScheduleInput = {
  readonly durations: Int32Array;
  readonly linkFrom: Int32Array;
  readonly linkTo: Int32Array;
  readonly linkTypes: Uint8Array;
  readonly linkLags: Int32Array;
};

/**
 * A task as plain data at the edges (an API body, a test): id in 0..N-1 and duration in working days.
 *
 * @example
 * const task: ScheduleTaskSpec = { id: 0, duration: 3 };
 */
export type ScheduleTaskSpec = { readonly id: number; readonly duration: number };

/**
 * A link as plain data at the edges: `to` depends on `from` through `type`, shifted by `lag` working days.
 *
 * @example
 * const link: ScheduleLinkSpec = { from: 0, to: 1, type: "FS", lag: -2 }; // FS-2: a two-day lead
 */
export type ScheduleLinkSpec = { readonly from: number; readonly to: number; readonly type: LinkType; readonly lag: number };

/**
 * Decodes and validates a parsed interchange document (the value `JSON.parse` returned) into columns.
 *
 * @example
 * const outcome = scheduleInputFromJson(JSON.parse('{"tasks":[{"id":0,"duration":3},{"id":1,"duration":2}],' +
 *   '"links":[{"from":0,"to":1,"type":"FS","lag":2}]}'));
 * // outcome.ok === true; outcome.value.durations is Int32Array [3, 2]
 *
 * scheduleInputFromJson({ tasks: [{ id: 0, duration: -2 }], links: [] });
 * // { ok: false, error: { code: "negative-duration", path: "tasks[0].duration",
 * //   message: "tasks[0] (id 0): duration -2 is negative (a whole number of days ≥ 0, 0 for a milestone)" } }
 */
export function scheduleInputFromJson(document: unknown): ScheduleOutcome<ScheduleInput, ScheduleInputError> {
  if (!isRecord(document)) {
    return fail("not-an-object", "$", "the document", `must be an object with "tasks" and "links" arrays, got ${describe(document)}`);
  }
  const tasks = document.tasks;
  const links = document.links;
  if (!Array.isArray(tasks)) return fail("not-an-object", "tasks", "tasks", `must be an array of tasks, got ${describe(tasks)}`);
  if (!Array.isArray(links)) return fail("not-an-object", "links", "links", `must be an array of links, got ${describe(links)}`);
  return decode(tasks as readonly unknown[], links as readonly unknown[]);
}

/**
 * Validates tasks and links given as plain objects (typed at compile time, checked again at run time: ids,
 * integers, link ends) into columns.
 *
 * @example
 * const outcome = scheduleInputFromSpecs(
 *   [{ id: 1, duration: 2 }, { id: 0, duration: 3 }], // any order
 *   [{ from: 0, to: 1, type: "SS", lag: 1 }],         // SS+1: task 1 starts a day after task 0 starts
 * );
 * // outcome.ok === true; outcome.value.durations is Int32Array [3, 2]
 */
export function scheduleInputFromSpecs(
  tasks: readonly ScheduleTaskSpec[],
  links: readonly ScheduleLinkSpec[],
): ScheduleOutcome<ScheduleInput, ScheduleInputError> {
  return decode(tasks, links);
}

function decode(tasks: readonly unknown[], links: readonly unknown[]): ScheduleOutcome<ScheduleInput, ScheduleInputError> {
  const n = tasks.length;
  const m = links.length;
  if (n > SCHEDULE_MAX_DAYS || m > SCHEDULE_MAX_DAYS) {
    return fail("too-large", n > SCHEDULE_MAX_DAYS ? "tasks" : "links", n > SCHEDULE_MAX_DAYS ? "tasks" : "links", "too many entries");
  }
  const durations = new Int32Array(n);
  // Index + 1 of the task that holds each id, to name both entries of a duplicate; 0 while the id is unseen.
  const holder = new Int32Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const task = tasks[k];
    if (!isRecord(task)) return fail("not-an-object", `tasks[${k}]`, `tasks[${k}]`, `must be an object {"id", "duration"}, got ${describe(task)}`);
    const id = task.id;
    if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id >= n) {
      const what = id === undefined ? "has no id" : `id ${describe(id)} is not one of 0..${n - 1}`;
      return fail("bad-id", `tasks[${k}].id`, `tasks[${k}]`, `${what} (the ${n} task ids must be 0..${n - 1}, each exactly once)`);
    }
    const first = holder[id] ?? 0;
    if (first !== 0) return fail("duplicate-id", `tasks[${k}].id`, `tasks[${k}]`, `duplicate id ${id} (also tasks[${first - 1}])`);
    holder[id] = k + 1;
    const duration = task.duration;
    const where = `tasks[${k}] (id ${id})`;
    if (typeof duration !== "number" || !Number.isInteger(duration)) {
      const what = duration === undefined ? "has no duration" : `duration ${describe(duration)} is not a whole number of days`;
      return fail("non-integer-duration", `tasks[${k}].duration`, where, what);
    }
    if (duration < 0) {
      return fail("negative-duration", `tasks[${k}].duration`, where, `duration ${duration} is negative (a whole number of days ≥ 0, 0 for a milestone)`);
    }
    if (duration > SCHEDULE_MAX_DAYS) return fail("too-large", `tasks[${k}].duration`, where, `duration ${duration} is larger than ${SCHEDULE_MAX_DAYS} days`);
    durations[id] = duration;
    total += duration;
  }
  // With N entries, each id in 0..N-1 and no duplicate, no id can be missing; the check states the invariant.
  for (let id = 0; id < n; id++) {
    if (holder[id] === 0) return fail("missing-id", "tasks", "tasks", `no task has id ${id} (the ${n} task ids must be 0..${n - 1}, each exactly once)`);
  }

  const linkFrom = new Int32Array(m);
  const linkTo = new Int32Array(m);
  const linkTypes = new Uint8Array(m);
  const linkLags = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const link = links[e];
    if (!isRecord(link)) {
      return fail("not-an-object", `links[${e}]`, `links[${e}]`, `must be an object {"from", "to", "type", "lag"}, got ${describe(link)}`);
    }
    const from = link.from;
    const to = link.to;
    const badEnd = !isTaskId(from, n) ? "from" : !isTaskId(to, n) ? "to" : undefined;
    if (badEnd !== undefined) {
      const value = link[badEnd];
      const what = value === undefined ? `has no "${badEnd}"` : `"${badEnd}" ${describe(value)} is not a task id`;
      const range = n === 0 ? "there are no tasks" : `task ids are 0..${n - 1}`;
      return fail("unknown-task", `links[${e}].${badEnd}`, `links[${e}]`, `${what} (${range})`);
    }
    const where = `links[${e}] (${String(from)} -> ${String(to)})`;
    if (from === to) return fail("self-link", `links[${e}]`, where, `task ${String(from)} links to itself`);
    const type = linkTypeFromName(link.type);
    if (type === undefined) {
      return fail("unknown-link-type", `links[${e}].type`, where, `unknown link type ${describe(link.type)} (expected ${LINK_TYPES.slice(0, 3).join(", ")} or ${LINK_TYPES[3]})`);
    }
    const lag = link.lag;
    if (typeof lag !== "number" || !Number.isInteger(lag)) {
      const what = lag === undefined ? "has no lag (a whole number of days, 0 for none)" : `lag ${describe(lag)} is not a whole number of days`;
      return fail("non-integer-lag", `links[${e}].lag`, where, what);
    }
    if (lag > SCHEDULE_MAX_DAYS || lag < -SCHEDULE_MAX_DAYS) return fail("too-large", `links[${e}].lag`, where, `lag ${lag} is beyond ±${SCHEDULE_MAX_DAYS} days`);
    linkFrom[e] = from as number;
    linkTo[e] = to as number;
    linkTypes[e] = type;
    linkLags[e] = lag;
    total += lag < 0 ? -lag : lag;
  }
  if (total > SCHEDULE_MAX_DAYS) {
    return fail("too-large", "tasks", "tasks and links", `durations and |lags| add up to ${total} days, more than the ${SCHEDULE_MAX_DAYS} the engine computes with`);
  }
  return { ok: true, value: { durations, linkFrom, linkTo, linkTypes, linkLags } };
}

function fail(...args: Parameters<typeof scheduleInputError>): { ok: false; error: ScheduleInputError } {
  return { ok: false, error: scheduleInputError(...args) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isTaskId(value: unknown, n: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < n;
}

/** A short rendering of a JSON value for messages: `"XX"`, `2.5`, `null`, `an object`. */
function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
