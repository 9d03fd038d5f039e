/**
 * Warming the scheduling core up, so that the first real run after load is as fast as the following ones (the
 * first drag in a Gantt chart should not be the slow one).
 */
import { scheduleCriticalPath } from "./critical-path";
import type { ScheduleInput } from "./schedule-input";
import { scheduleNetworkCreate } from "./schedule-network";
import { schedulePlanInputFromNetwork } from "./schedule-plan-input";
import { type SchedulePlannerEdit, schedulePlannerCreate, schedulePlannerEdit } from "./schedule-planner";

const WARM_UP_TASKS = 128;
const WARM_UP_RUNS = 120;
const PLANNER_WARM_UP_PLANS = 6;
const PLANNER_WARM_UP_EDITS = 40;
let warm = false;
let plannerWarm = false;

/**
 * Runs the core on a small synthetic network (all four link types, lags and leads, ids not in topological order)
 * enough times for the JavaScript engine to compile its hot loops with optimisation, and reports how many runs it
 * made (0 when already warm). Deterministic and pure apart from that one-time effect on the runtime; costs a few
 * milliseconds once. Call it when the engine loads, before the first schedule that someone waits for.
 *
 * @example
 * scheduleWarmUp(); // 120
 * scheduleWarmUp(); // 0: already warm
 */
export function scheduleWarmUp(): number {
  if (warm) return 0;
  warm = true;
  const input = warmUpInput(WARM_UP_TASKS);
  const network = scheduleNetworkCreate(WARM_UP_TASKS, input.linkFrom.length);
  for (let run = 0; run < WARM_UP_RUNS; run++) {
    const outcome = scheduleCriticalPath(input, network);
    if (!outcome.ok) throw new Error(`scheduleWarmUp: ${outcome.error.message}`);
  }
  return WARM_UP_RUNS;
}

/**
 * The planner's counterpart of `scheduleWarmUp`: schedules a small synthetic plan (the same network with a third of
 * its tasks under summaries, constraints of every type, deadlines, manual and ALAP tasks) six times and applies 40
 * edits of every kind to each, so that the planner's passes, roll-ups and incremental paths are compiled before the
 * first real plan and edit. Returns the number of edits made (0 when already warm). Costs 30–80 ms once on the
 * project's machine (it runs mostly in the interpreter); afterwards the first edit of a 10,000-task plan takes about
 * 50–80 µs instead of about 700 µs, and creating the plan about 20 ms instead of 35. Not part of `scheduleWarmUp`,
 * so that callers of the core alone do not pay for it.
 *
 * @example
 * schedulePlannerWarmUp(); // 240
 * schedulePlannerWarmUp(); // 0
 */
export function schedulePlannerWarmUp(): number {
  if (plannerWarm) return 0;
  plannerWarm = true;
  const network = warmUpInput(WARM_UP_TASKS);
  const n = WARM_UP_TASKS + WARM_UP_TASKS / 8;
  const durations = new Int32Array(n);
  durations.set(network.durations);
  const plan = schedulePlanInputFromNetwork({ ...network, durations });
  for (let id = 0; id < WARM_UP_TASKS; id++) {
    // A third of the tasks under 16 summaries (links stay between tasks, so no summary rule is touched).
    if (id % 3 === 0) plan.parents[id] = WARM_UP_TASKS + (id % (WARM_UP_TASKS / 8));
    const kind = id % 11;
    if (kind <= 7) {
      plan.constraintTypes[id] = kind;
      plan.constraintDays[id] = (id * 5) % 40;
    }
    if (id % 13 === 0) plan.deadlines[id] = (id * 3) % 50;
    if (id % 17 === 5) plan.manualStarts[id] = id % 20;
  }
  let edits = 0;
  for (let round = 0; round < PLANNER_WARM_UP_PLANS; round++) {
    const created = schedulePlannerCreate(plan);
    if (!created.ok) throw new Error(`schedulePlannerWarmUp: ${created.error.message}`);
    const planner = created.value;
    for (let k = 0; k < PLANNER_WARM_UP_EDITS; k++) {
      const id = (k * 37 + round * 11) % WARM_UP_TASKS;
      const other = (id * 7 + 3) % WARM_UP_TASKS;
      const edit: SchedulePlannerEdit =
        k % 5 === 0
          ? { kind: "duration", task: id, duration: (k + round) % 9 }
          : k % 5 === 1
            ? { kind: "add-link", from: Math.min(id, other), to: Math.max(id, other), type: "FS", lag: k % 3 }
            : k % 5 === 2
              ? { kind: "remove-link", link: (k * 13 + round) % network.linkFrom.length }
              : k % 5 === 3
                ? { kind: "constraint", task: id, constraint: k % 2 === 0 ? { type: "ALAP" } : { type: "SNLT", day: ((k * 3) % 30) as never } }
                : { kind: "deadline", task: id, deadline: k % 2 === 0 ? null : (k * 7) % 40 };
      schedulePlannerEdit(planner, edit); // refused edits (cycles, removed links) warm the refusal paths too
      edits++;
    }
  }
  return edits;
}

/** A layered network of n tasks in which rank r has id (r · 7) mod n and links to ranks r + 1, r + 2 and r + 5. */
function warmUpInput(n: number): ScheduleInput {
  const from: number[] = [];
  const to: number[] = [];
  const types: number[] = [];
  const lags: number[] = [];
  const id = (rank: number) => (rank * 7) % n; // n is a power of two, so this is a permutation
  for (let r = 0; r < n; r++) {
    for (const step of [1, 2, 5]) {
      if (r + step >= n || (step > 1 && (r + step) % 3 === 0)) continue;
      from.push(id(r));
      to.push(id(r + step));
      types.push((r + step) % 4);
      lags.push(((r * 5 + step) % 7) - 3);
    }
  }
  const durations = new Int32Array(n);
  for (let r = 0; r < n; r++) durations[id(r)] = r % 9 === 0 ? 0 : (r * 13) % 11;
  return {
    durations,
    linkFrom: Int32Array.from(from),
    linkTo: Int32Array.from(to),
    linkTypes: Uint8Array.from(types),
    linkLags: Int32Array.from(lags),
  };
}
