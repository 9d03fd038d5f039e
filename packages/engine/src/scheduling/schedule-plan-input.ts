/**
 * The input of the planner (`schedulePlannerCreate`): a schedule network (the core's `ScheduleInput` columns) plus,
 * per task, a parent (the outline), a date constraint, a deadline, a manual start, and work / cost / % complete to
 * roll up. Decoding from plain specs or a parsed JSON document, and the checks every input passes: the core's
 * (ids, link ends, types, durations, lags, magnitudes) and the planner's (outline, constraints, summary links).
 */
import { LINK_TYPES } from "./link-type";
import {
  SCHEDULE_CONSTRAINT_TYPES,
  type ScheduleConstraint,
  type ScheduleConstraintType,
  scheduleConstraintFromName,
  scheduleConstraintIsDated,
} from "./schedule-constraint";
import type { ScheduleCycleError, ScheduleInputErrorCode, ScheduleOutcome } from "./schedule-errors";
import { type ScheduleInput, type ScheduleLinkSpec, scheduleInputFromJson } from "./schedule-input";
import { SCHEDULE_MAX_DAYS } from "./schedule-units";

/**
 * "No day" in the day columns of a plan (`deadlines`, `manualStarts`, and `constraintDays` of ASAP / ALAP tasks).
 *
 * @example
 * deadlines[3] === SCHEDULE_NO_DAY; // task 3 has no deadline
 */
export const SCHEDULE_NO_DAY = -0x8000_0000;

/**
 * The largest |day| a constraint, deadline or manual start may name: 2^29 − 1 (about 1.5 million years). With
 * durations and |lags| bounded by `SCHEDULE_MAX_DAYS` as in the core, every day number the planner computes still
 * fits 32 bits.
 *
 * @example
 * // { constraint: { type: "SNET", day: 2 ** 29 } } is refused with code "bad-day"
 */
export const SCHEDULE_PLAN_MAX_DAY = 0x1fff_ffff;

/**
 * A plan in columns: the network (`durations`, `linkFrom`, `linkTo`, `linkTypes`, `linkLags`, as in
 * `ScheduleInput`) and one entry per task id in each of:
 *
 * - `parents`: the summary task this task is under, or −1 at the top of the outline. A task with children is a
 *   **summary task**: its dates, work, cost and % complete are rolled up from them, and its own duration is ignored;
 * - `constraintTypes` (a `ScheduleConstraintCode`, 0 = ASAP) and `constraintDays` (the constraint's day; ignored for
 *   ASAP and ALAP);
 * - `deadlines`: a day the task should finish by (`SCHEDULE_NO_DAY` for none). Soft: it limits the late finish and
 *   a miss is reported, but it never moves the task;
 * - `manualStarts`: for a **manually scheduled** task the day it starts, whatever its links and constraint say
 *   (`SCHEDULE_NO_DAY` for an automatically scheduled task);
 * - `work`, `cost`: amounts in the caller's units (hours, yuan), summed up the outline; `percentComplete` 0–100,
 *   rolled up weighted by duration.
 *
 * @example
 * // Phase 0 holds tasks 1 and 2; task 2 must finish by day 10.
 * const plan: SchedulePlanInput = { ...network,
 *   parents: Int32Array.of(-1, 0, 0),
 *   constraintTypes: Uint8Array.of(0, 0, SCHEDULE_CONSTRAINT_CODES.FNLT), constraintDays: Int32Array.of(0, 0, 10),
 *   deadlines: new Int32Array(3).fill(SCHEDULE_NO_DAY), manualStarts: new Int32Array(3).fill(SCHEDULE_NO_DAY),
 *   work: new Float64Array(3), cost: new Float64Array(3), percentComplete: new Float64Array(3) };
 */
export type SchedulePlanInput = ScheduleInput & {
  readonly parents: Int32Array;
  readonly constraintTypes: Uint8Array;
  readonly constraintDays: Int32Array;
  readonly deadlines: Int32Array;
  readonly manualStarts: Int32Array;
  readonly work: Float64Array;
  readonly cost: Float64Array;
  readonly percentComplete: Float64Array;
};

/**
 * A task of a plan as plain data at the edges. Only `id` and `duration` are required; the rest default to a
 * top-level, automatically scheduled ASAP task without a deadline, work or cost.
 *
 * @example
 * const task: SchedulePlanTaskSpec = { id: 4, duration: 3, parent: 1, constraint: { type: "SNET", day: 10 }, deadline: 20 };
 */
export type SchedulePlanTaskSpec = {
  readonly id: number;
  readonly duration: number;
  readonly parent?: number | null;
  readonly constraint?: { readonly type: ScheduleConstraintType; readonly day?: number | null } | null;
  readonly deadline?: number | null;
  readonly manualStart?: number | null;
  readonly work?: number;
  readonly cost?: number;
  readonly percentComplete?: number;
};

/**
 * Why the planner refused an input or an edit: every code of the core (`ScheduleInputErrorCode`), and
 *
 * - `bad-parent`: a parent that is not −1 or another task's id
 * - `parent-cycle`: a task is (indirectly) its own parent
 * - `unknown-constraint`: a constraint type other than the eight (or a code above 7)
 * - `missing-constraint-day`: SNET, SNLT, FNET, FNLT, MSO or MFO without a day
 * - `bad-day`: a constraint day, deadline or manual start that is not a whole number within ±`SCHEDULE_PLAN_MAX_DAY`
 * - `bad-amount`: work, cost or % complete that is not a finite number (work ≥ 0, % complete 0–100)
 * - `summary-constraint`: a summary task with a constraint other than ASAP, SNET or FNLT
 * - `summary-manual`: a manually scheduled summary task
 * - `summary-link`: a link into a summary that is not FS or SS, out of a summary that is not FS or FF, or between a
 *   summary and a task under it
 * - `summary-duration`: an edit of a summary task's duration (it comes from its children)
 * - `unknown-link`: an edit naming a link that does not exist (or was removed)
 */
export type SchedulePlanInputErrorCode =
  | ScheduleInputErrorCode
  | "bad-parent"
  | "parent-cycle"
  | "unknown-constraint"
  | "missing-constraint-day"
  | "bad-day"
  | "bad-amount"
  | "summary-constraint"
  | "summary-manual"
  | "summary-link"
  | "summary-duration"
  | "unknown-link";

/**
 * An input or edit the planner refuses, with where (`path`) and a one-line message that says what and where.
 *
 * @example
 * ({ kind: "invalid-input", code: "summary-link", path: "links[2].type",
 *    message: "links[2] (5 -> 1): task 1 is a summary task, so a link into it must be FS or SS (got FF): …" });
 */
export type SchedulePlanInputError = {
  readonly kind: "invalid-input";
  readonly code: SchedulePlanInputErrorCode;
  readonly path: string;
  readonly message: string;
};

/** Either refusal of the planner: an invalid input or edit, or a dependency cycle (with the tasks of one cycle). */
export type SchedulePlanError = SchedulePlanInputError | ScheduleCycleError;

/**
 * Builds a `SchedulePlanInputError` whose message starts with its location.
 *
 * @example
 * schedulePlanInputError("bad-parent", "parents[3]", "task 3", "parent 3 is the task itself");
 * // message: "task 3: parent 3 is the task itself"
 */
export function schedulePlanInputError(code: SchedulePlanInputErrorCode, path: string, where: string, what: string): SchedulePlanInputError {
  return { kind: "invalid-input", code, path, message: `${where}: ${what}` };
}

/**
 * A plan with every task at its defaults (top level, ASAP, no deadline, automatic, no work or cost): what the core
 * schedules, as a planner input.
 *
 * @example
 * const plan = schedulePlanInputFromNetwork(decoded.value); // then schedulePlannerCreate(plan)
 */
export function schedulePlanInputFromNetwork(network: ScheduleInput): SchedulePlanInput {
  const n = network.durations.length;
  return {
    durations: network.durations,
    linkFrom: network.linkFrom,
    linkTo: network.linkTo,
    linkTypes: network.linkTypes,
    linkLags: network.linkLags,
    parents: new Int32Array(n).fill(-1),
    constraintTypes: new Uint8Array(n),
    constraintDays: new Int32Array(n),
    deadlines: new Int32Array(n).fill(SCHEDULE_NO_DAY),
    manualStarts: new Int32Array(n).fill(SCHEDULE_NO_DAY),
    work: new Float64Array(n),
    cost: new Float64Array(n),
    percentComplete: new Float64Array(n),
  };
}

/**
 * Validates tasks and links given as plain objects into plan columns, then runs every check of
 * `schedulePlanInputCheck`.
 *
 * @example
 * const outcome = schedulePlanInputFromSpecs(
 *   [{ id: 0, duration: 0 }, { id: 1, duration: 3, parent: 0 }, { id: 2, duration: 2, parent: 0, deadline: 4 }],
 *   [{ from: 1, to: 2, type: "FS", lag: 0 }],
 * );
 * // outcome.ok: task 0 is the summary of 1 and 2; task 2 finishes on day 5 and misses its deadline by 1 day
 */
export function schedulePlanInputFromSpecs(
  tasks: readonly SchedulePlanTaskSpec[],
  links: readonly ScheduleLinkSpec[],
): ScheduleOutcome<SchedulePlanInput, SchedulePlanInputError> {
  return schedulePlanInputFromJson({ tasks, links });
}

/**
 * Decodes a parsed JSON document: the core's interchange format (`{"tasks":[{"id","duration"}],"links":[…]}`) where
 * a task may also carry `parent`, `constraint` (`{"type":"SNET","day":10}`), `deadline`, `manualStart`, `work`,
 * `cost` and `percentComplete` (absent or null: the default). Says what is wrong and where, like the core.
 *
 * @example
 * schedulePlanInputFromJson({ tasks: [{ id: 0, duration: 2, constraint: { type: "SNET" } }], links: [] });
 * // { ok: false, error: { code: "missing-constraint-day", path: "tasks[0].constraint.day",
 * //   message: "tasks[0] (id 0): constraint SNET needs a day" } }
 */
export function schedulePlanInputFromJson(document: unknown): ScheduleOutcome<SchedulePlanInput, SchedulePlanInputError> {
  const base = scheduleInputFromJson(document);
  if (!base.ok) return base;
  const plan = schedulePlanInputFromNetwork(base.value);
  const tasks = (document as { tasks: readonly unknown[] }).tasks;
  const n = tasks.length;
  const parents = plan.parents;
  for (let k = 0; k < n; k++) {
    const task = tasks[k] as Record<string, unknown>;
    const id = task.id as number;
    const where = `tasks[${k}] (id ${id})`;
    const at = (field: string) => `tasks[${k}].${field}`;
    const parent = task.parent;
    if (parent !== undefined && parent !== null) {
      if (typeof parent !== "number" || !Number.isInteger(parent) || parent < -1 || parent >= n || parent === id) {
        const what = parent === id ? `parent ${id} is the task itself` : `parent ${describe(parent)} is not a task id (−1 or 0..${n - 1})`;
        return fail("bad-parent", at("parent"), where, what);
      }
      parents[id] = parent;
    }
    const constraint = task.constraint;
    if (constraint !== undefined && constraint !== null) {
      if (typeof constraint !== "object" || Array.isArray(constraint)) {
        return fail("unknown-constraint", at("constraint"), where, `constraint must be an object {"type", "day"}, got ${describe(constraint)}`);
      }
      const { type, day } = constraint as Record<string, unknown>;
      const code = scheduleConstraintFromName(type);
      if (code === undefined) {
        return fail("unknown-constraint", at("constraint.type"), where, `unknown constraint type ${describe(type)} (expected ${SCHEDULE_CONSTRAINT_TYPES.join(", ")})`);
      }
      plan.constraintTypes[id] = code;
      if (scheduleConstraintIsDated(code)) {
        if (day === undefined || day === null) return fail("missing-constraint-day", at("constraint.day"), where, `constraint ${String(type)} needs a day`);
        const bad = dayProblem(day);
        if (bad !== undefined) return fail("bad-day", at("constraint.day"), where, `constraint day ${bad}`);
        plan.constraintDays[id] = day as number;
      }
    }
    for (const field of ["deadline", "manualStart"] as const) {
      const day = task[field];
      if (day === undefined || day === null) continue;
      const bad = dayProblem(day);
      if (bad !== undefined) return fail("bad-day", at(field), where, `${field} ${bad}`);
      (field === "deadline" ? plan.deadlines : plan.manualStarts)[id] = day as number;
    }
    for (const field of ["work", "cost", "percentComplete"] as const) {
      const amount = task[field];
      if (amount === undefined || amount === null) continue;
      const bad = amountProblem(field, amount);
      if (bad !== undefined) return fail("bad-amount", at(field), where, bad);
      plan[field][id] = amount as number;
    }
  }
  const error = schedulePlanInputCheck(plan);
  return error === undefined ? { ok: true, value: plan } : { ok: false, error };
}

/**
 * Checks plan columns: the core's rules (column lengths, durations, link ends, self-links, type codes, the 32-bit
 * budget) and the planner's: parents form a forest, constraint codes and days, deadlines and manual starts within
 * ±`SCHEDULE_PLAN_MAX_DAY`, amounts, and the rules for summary tasks (see `docs/scheduling.md`):
 *
 * - a summary takes only ASAP, SNET (applied to every task under it) or FNLT (on its finish), and cannot be manual;
 * - links into a summary must be FS or SS: they apply to every task under it (as in MS Project);
 * - links out of a summary must be FS or FF: they wait for its finish, the latest finish of the tasks under it;
 * - no link between a summary and a task under it (it would be a cycle through the summary).
 *
 * Returns `undefined`, or the first problem found.
 *
 * @example
 * // task 1 under task 0; link 1 -> 0
 * schedulePlanInputCheck(plan)?.message;
 * // "links[0] (1 -> 0): task 1 is under summary task 0, and a link between a summary and a task under it would be a cycle"
 */
export function schedulePlanInputCheck(plan: SchedulePlanInput): SchedulePlanInputError | undefined {
  const n = plan.durations.length;
  const m = plan.linkFrom.length;
  for (const [name, column] of [
    ["parents", plan.parents],
    ["constraintTypes", plan.constraintTypes],
    ["constraintDays", plan.constraintDays],
    ["deadlines", plan.deadlines],
    ["manualStarts", plan.manualStarts],
    ["work", plan.work],
    ["cost", plan.cost],
    ["percentComplete", plan.percentComplete],
  ] as const) {
    if (column.length !== n) return schedulePlanInputError("not-an-object", name, name, `has ${column.length} entries for ${n} tasks`);
  }
  if (plan.linkTo.length !== m || plan.linkTypes.length !== m || plan.linkLags.length !== m) {
    return schedulePlanInputError("not-an-object", "links", "links", `link columns differ in length (${m}, ${plan.linkTo.length}, ${plan.linkTypes.length}, ${plan.linkLags.length})`);
  }
  let total = 0;
  for (let id = 0; id < n; id++) {
    const d = plan.durations[id] as number;
    if (d < 0) return schedulePlanInputError("negative-duration", `durations[${id}]`, `task ${id}`, `duration ${d} is negative`);
    total += d;
  }
  for (let e = 0; e < m; e++) {
    const from = plan.linkFrom[e] as number;
    const to = plan.linkTo[e] as number;
    if (from < 0 || from >= n || to < 0 || to >= n) {
      const end = from < 0 || from >= n ? "from" : "to";
      const range = n === 0 ? "there are no tasks" : `task ids are 0..${n - 1}`;
      return schedulePlanInputError("unknown-task", `links[${e}].${end}`, `links[${e}]`, `"${end}" ${end === "from" ? from : to} is not a task id (${range})`);
    }
    if (from === to) return schedulePlanInputError("self-link", `links[${e}]`, `links[${e}] (${from} -> ${to})`, `task ${from} links to itself`);
    const type = plan.linkTypes[e] as number;
    if (type > 3) return schedulePlanInputError("unknown-link-type", `links[${e}].type`, `links[${e}]`, `unknown link type code ${type} (0 FS, 1 SS, 2 FF, 3 SF)`);
    const lag = plan.linkLags[e] as number;
    total += lag < 0 ? -lag : lag;
  }
  if (total > SCHEDULE_MAX_DAYS) {
    return schedulePlanInputError("too-large", "tasks", "tasks and links", `durations and |lags| add up to ${total} days, more than the ${SCHEDULE_MAX_DAYS} the engine computes with`);
  }

  const childCount = new Int32Array(n);
  for (let id = 0; id < n; id++) {
    const parent = plan.parents[id] as number;
    if (parent < -1 || parent >= n || parent === id) {
      const what = parent === id ? `parent ${id} is the task itself` : `parent ${parent} is not a task id (−1 or 0..${n - 1})`;
      return schedulePlanInputError("bad-parent", `parents[${id}]`, `task ${id}`, what);
    }
    if (parent >= 0) childCount[parent] = (childCount[parent] as number) + 1;
  }
  const loop = parentCycle(plan.parents);
  if (loop !== undefined) {
    return schedulePlanInputError("parent-cycle", `parents[${loop[0] as number}]`, `task ${loop[0] as number}`, `is its own ancestor: ${[...loop, loop[0]].join(" -> ")} (each task's parent)`);
  }

  for (let id = 0; id < n; id++) {
    const summary = (childCount[id] as number) > 0;
    const problem = taskProblem(plan, id, summary);
    if (problem !== undefined) return problem;
  }
  for (let e = 0; e < m; e++) {
    const from = plan.linkFrom[e] as number;
    const to = plan.linkTo[e] as number;
    if ((childCount[from] as number) === 0 && (childCount[to] as number) === 0) continue;
    const problem = schedulePlanLinkProblem(plan.parents, childCount, from, to, plan.linkTypes[e] as number);
    if (problem !== undefined) return schedulePlanInputError("summary-link", problem.type ? `links[${e}].type` : `links[${e}]`, `links[${e}] (${from} -> ${to})`, problem.message);
  }
  return undefined;
}

/** The checks of one task's constraint, days and amounts (no allocation on the way: this runs per task). */
function taskProblem(plan: SchedulePlanInput, id: number, summary: boolean): SchedulePlanInputError | undefined {
  const code = plan.constraintTypes[id] as number;
  const deadline = plan.deadlines[id] as number;
  const manual = plan.manualStarts[id] as number;
  const work = plan.work[id] as number;
  const cost = plan.cost[id] as number;
  const percent = plan.percentComplete[id] as number;
  // The common case, checked without building a message.
  if (
    code <= 7 &&
    (!scheduleConstraintIsDated(code) || dayProblem(plan.constraintDays[id]) === undefined) &&
    (!summary || (manual === SCHEDULE_NO_DAY && (code === 0 || code === 2 || code === 5))) &&
    (deadline === SCHEDULE_NO_DAY || (deadline >= -SCHEDULE_PLAN_MAX_DAY && deadline <= SCHEDULE_PLAN_MAX_DAY)) &&
    (manual === SCHEDULE_NO_DAY || (manual >= -SCHEDULE_PLAN_MAX_DAY && manual <= SCHEDULE_PLAN_MAX_DAY)) &&
    work >= 0 &&
    work < Infinity &&
    Number.isFinite(cost) &&
    percent >= 0 &&
    percent <= 100
  ) {
    return undefined;
  }
  const where = `task ${id}`;
  if (code > 7) return schedulePlanInputError("unknown-constraint", `constraintTypes[${id}]`, where, `unknown constraint code ${code} (0 ASAP … 7 MFO)`);
  if (scheduleConstraintIsDated(code)) {
    const bad = dayProblem(plan.constraintDays[id] as number);
    if (bad !== undefined) return schedulePlanInputError("bad-day", `constraintDays[${id}]`, where, `constraint day ${bad}`);
  }
  if (summary) {
    const problem = schedulePlanSummaryConstraintProblem(code, plan.manualStarts[id] as number);
    if (problem !== undefined) {
      return schedulePlanInputError(problem.code, problem.code === "summary-manual" ? `manualStarts[${id}]` : `constraintTypes[${id}]`, where, problem.message);
    }
  }
  if (deadline !== SCHEDULE_NO_DAY) {
    const bad = dayProblem(deadline);
    if (bad !== undefined) return schedulePlanInputError("bad-day", `deadlines[${id}]`, where, `deadline ${bad}`);
  }
  if (manual !== SCHEDULE_NO_DAY) {
    const bad = dayProblem(manual);
    if (bad !== undefined) return schedulePlanInputError("bad-day", `manualStarts[${id}]`, where, `manual start ${bad}`);
  }
  if (!(work >= 0 && work < Infinity) || !Number.isFinite(cost) || !(percent >= 0 && percent <= 100)) {
    for (const field of ["work", "cost", "percentComplete"] as const) {
      const bad = amountProblem(field, plan[field][id]);
      if (bad !== undefined) return schedulePlanInputError("bad-amount", `${field}[${id}]`, where, bad);
    }
  }
  return undefined;
}

/**
 * Why a summary task cannot take this constraint or a manual start, or `undefined` when it can (ASAP, SNET, FNLT,
 * automatic). Used by the checks and by the planner's edits.
 *
 * @example
 * schedulePlanSummaryConstraintProblem(SCHEDULE_CONSTRAINT_CODES.MSO, SCHEDULE_NO_DAY)?.code; // "summary-constraint"
 */
export function schedulePlanSummaryConstraintProblem(
  constraintCode: number,
  manualStart: number,
): { readonly code: "summary-constraint" | "summary-manual"; readonly message: string } | undefined {
  if (manualStart !== SCHEDULE_NO_DAY) {
    return { code: "summary-manual", message: "is a summary task, scheduled from the tasks under it; it cannot be manually scheduled" };
  }
  if (constraintCode === 0 || constraintCode === 2 || constraintCode === 5) return undefined;
  return {
    code: "summary-constraint",
    message:
      `is a summary task, so its constraint must be ASAP, SNET (every task under it starts no earlier) or FNLT (its finish, ` +
      `the latest under it, no later); got ${SCHEDULE_CONSTRAINT_TYPES[constraintCode] ?? String(constraintCode)}: put it on a task under it`,
  };
}

/**
 * Why a link `from → to` of type code `type` is not allowed given the outline, or `undefined`. `childCount[id] > 0`
 * marks summary tasks. `type` is true when the type is what is wrong (the ends would be fine with another type).
 *
 * @example
 * // task 0 is a summary; FF 3 -> 0
 * schedulePlanLinkProblem(parents, childCount, 3, 0, 2)?.message;
 * // "task 0 is a summary task, so a link into it must be FS or SS (got FF): its finish is its tasks' latest finish, which a link cannot push; link to the task under it that must finish"
 */
export function schedulePlanLinkProblem(
  parents: Int32Array,
  childCount: Int32Array,
  from: number,
  to: number,
  type: number,
): { readonly type: boolean; readonly message: string } | undefined {
  const fromSummary = (childCount[from] as number) > 0;
  const toSummary = (childCount[to] as number) > 0;
  if (!fromSummary && !toSummary) return undefined;
  if (isAncestor(parents, from, to) || isAncestor(parents, to, from)) {
    const [summary, under] = isAncestor(parents, from, to) ? [from, to] : [to, from];
    return { type: false, message: `task ${under} is under summary task ${summary}, and a link between a summary and a task under it would be a cycle` };
  }
  const name = LINK_TYPES[type] ?? String(type);
  if (toSummary && type !== 0 && type !== 1) {
    return {
      type: true,
      message: `task ${to} is a summary task, so a link into it must be FS or SS (got ${name}): its finish is its tasks' latest finish, which a link cannot push; link to the task under it that must finish`,
    };
  }
  if (fromSummary && type !== 0 && type !== 2) {
    return {
      type: true,
      message: `task ${from} is a summary task, so a link out of it must be FS or FF (got ${name}): its start is whichever task under it starts first, which moves as they move; link from that task instead`,
    };
  }
  return undefined;
}

/** Whether `ancestor` is a (strict) ancestor of `id` in the outline. */
function isAncestor(parents: Int32Array, ancestor: number, id: number): boolean {
  let guard = parents.length;
  for (let p = parents[id] ?? -1; p >= 0 && guard > 0; p = parents[p] ?? -1, guard--) if (p === ancestor) return true;
  return false;
}

/** One loop of the parent relation (each task's parent in order), or `undefined` when parents form a forest. */
function parentCycle(parents: Int32Array): number[] | undefined {
  const n = parents.length;
  // 0 unvisited, 1 on the current walk, 2 known to reach the top.
  const state = new Uint8Array(n);
  const walk = new Int32Array(n);
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    let length = 0;
    let v = start;
    while (v >= 0 && state[v] === 0) {
      state[v] = 1;
      walk[length++] = v;
      v = parents[v] as number;
    }
    if (v >= 0 && state[v] === 1) {
      const loop = Array.from(walk.subarray(walk.indexOf(v), length));
      let smallest = 0;
      for (let i = 1; i < loop.length; i++) if ((loop[i] as number) < (loop[smallest] as number)) smallest = i;
      return [...loop.slice(smallest), ...loop.slice(0, smallest)];
    }
    for (let i = 0; i < length; i++) state[walk[i] as number] = 2;
  }
  return undefined;
}

function dayProblem(day: unknown): string | undefined {
  if (typeof day !== "number" || !Number.isInteger(day)) return `${describe(day)} is not a whole day number`;
  if (day > SCHEDULE_PLAN_MAX_DAY || day < -SCHEDULE_PLAN_MAX_DAY) return `${day} is beyond ±${SCHEDULE_PLAN_MAX_DAY} days`;
  return undefined;
}

function amountProblem(field: "work" | "cost" | "percentComplete", amount: unknown): string | undefined {
  if (typeof amount !== "number" || !Number.isFinite(amount)) return `${field} ${describe(amount)} is not a finite number`;
  if (field === "work" && amount < 0) return `work ${amount} is negative`;
  if (field === "percentComplete" && (amount < 0 || amount > 100)) return `percentComplete ${amount} is not within 0..100`;
  return undefined;
}

function fail(...args: Parameters<typeof schedulePlanInputError>): { ok: false; error: SchedulePlanInputError } {
  return { ok: false, error: schedulePlanInputError(...args) };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  const text = typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * A constraint as columns (code, day), checked; the day is 0 for ASAP and ALAP. `where` starts the message (the
 * planner passes "task 3"); the path is `constraint.type` or `constraint.day`.
 *
 * @example
 * schedulePlanConstraintColumns({ type: "MFO", day: 30 as DayNumber }); // { ok: true, value: { code: 7, day: 30 } }
 * schedulePlanConstraintColumns({ type: "SNET" }, "task 3");
 * // { ok: false, error: { code: "missing-constraint-day", path: "constraint.day", message: "task 3: constraint SNET needs a day" } }
 */
export function schedulePlanConstraintColumns(
  constraint: ScheduleConstraint | null | undefined,
  where = "constraint",
): ScheduleOutcome<{ readonly code: number; readonly day: number }, SchedulePlanInputError> {
  if (constraint === null || constraint === undefined) return { ok: true, value: { code: 0, day: 0 } };
  const code = scheduleConstraintFromName(constraint.type);
  if (code === undefined) {
    return fail("unknown-constraint", "constraint.type", where, `unknown constraint type ${describe(constraint.type)} (expected ${SCHEDULE_CONSTRAINT_TYPES.join(", ")})`);
  }
  if (!scheduleConstraintIsDated(code)) return { ok: true, value: { code, day: 0 } };
  const day = constraint.day;
  if (day === undefined || day === null) return fail("missing-constraint-day", "constraint.day", where, `constraint ${constraint.type} needs a day`);
  const bad = dayProblem(day);
  if (bad !== undefined) return fail("bad-day", "constraint.day", where, `constraint day ${bad}`);
  return { ok: true, value: { code, day } };
}

/**
 * Checks a deadline or manual start given by an edit (`null` clears it), returning the column value. `field` names
 * it in the path and the message, which `where` starts.
 *
 * @example
 * schedulePlanDayColumn(null, "deadline");           // { ok: true, value: SCHEDULE_NO_DAY }
 * schedulePlanDayColumn(2.5, "deadline", "task 3");  // { ok: false, error: { code: "bad-day", path: "deadline",
 * //   message: "task 3: deadline 2.5 is not a whole day number" } }
 */
export function schedulePlanDayColumn(day: number | null | undefined, field: string, where = field): ScheduleOutcome<number, SchedulePlanInputError> {
  if (day === null || day === undefined) return { ok: true, value: SCHEDULE_NO_DAY };
  const bad = dayProblem(day);
  return bad === undefined ? { ok: true, value: day } : fail("bad-day", field, where, `${field} ${bad}`);
}
