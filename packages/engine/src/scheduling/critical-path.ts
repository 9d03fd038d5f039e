/**
 * The critical path method, exactly as shared/scheduling/README.md defines it: a forward pass fused with Kahn's
 * topological order (released tasks taken last in, first out, for locality), the project finish T, a backward pass
 * in reverse topological order, total float, the count of critical tasks and the checksum `(Σ ES + Σ LS) mod 2^32`.
 *
 * The passes run over a `ScheduleNetwork` (CSR adjacency in typed arrays, buffers reused from run to run), so a
 * caller that reschedules often (a Gantt drag, a what-if) allocates nothing per run but two small result objects.
 * Calendars, constraints, summary tasks and incremental rescheduling are meant to grow around this core: they map
 * dates to day numbers before it and back after it, or give it different offsets; the passes stay as they are.
 */
import { graphFindCycle } from "./graph-cycle";
import type { ScheduleCycleError, ScheduleOutcome } from "./schedule-errors";
import type { ScheduleInput } from "./schedule-input";
import { type ScheduleNetwork, scheduleNetworkCreate, scheduleNetworkLoad } from "./schedule-network";
import type { DayNumber, TaskIndex, WorkDays } from "./schedule-units";

/**
 * The schedule of a network: T, the critical count, the checksum, and per task (indexed by id) the early and late
 * start. The finishes and the float follow from them and the durations (EF = ES + d, LF = LS + d, TF = LS − ES;
 * `scheduleTaskTimes` gives all five); the passes store only what they need, which keeps them lean. The arrays are
 * views over the network's buffers: the next load or run of the same network overwrites them.
 *
 * @example
 * // The README's worked example (7 tasks, 7 links): finish 10, criticalCount 5, checksum 49;
 * // task 6 (9 days, FF from task 0): earlyStart[6] = 0, lateStart[6] = 1, so EF 9, LF 10, TF 1
 */
export type CriticalPathSchedule = {
  readonly taskCount: number;
  readonly linkCount: number;
  /** T = max EF over all tasks; 0 for an empty project. */
  readonly finish: DayNumber;
  /** Tasks with total float 0. */
  readonly criticalCount: number;
  /** (Σ ES + Σ LS) mod 2^32: a cheap fingerprint of the whole schedule. */
  readonly checksum: number;
  /** The durations the schedule was computed with (the input's array). */
  readonly durations: Int32Array;
  readonly earlyStart: Int32Array;
  readonly lateStart: Int32Array;
  /** The topological order the passes used (every link goes from an earlier to a later entry). */
  readonly order: Int32Array;
};

/**
 * One task's times, as a plain object for the edges of the system (API responses, output files).
 *
 * @example
 * ({ id: 4, es: 4, ef: 4, ls: 10, lf: 10, tf: 6 }); // a milestone with 6 days of float
 */
export type ScheduledTask = {
  readonly id: TaskIndex;
  readonly es: DayNumber;
  readonly ef: DayNumber;
  readonly ls: DayNumber;
  readonly lf: DayNumber;
  readonly tf: WorkDays;
};

/**
 * Schedules `input` in one call: loads it into `network` (a fresh one if omitted; pass the same network to reuse its
 * buffers from run to run) and runs both passes. Refuses an invalid input or a cyclic network with a typed error.
 *
 * @example
 * // Durations 3 and 2; FS+2 from task 0 to task 1.
 * const outcome = scheduleCriticalPath({
 *   durations: Int32Array.of(3, 2),
 *   linkFrom: Int32Array.of(0), linkTo: Int32Array.of(1), linkTypes: Uint8Array.of(0), linkLags: Int32Array.of(2),
 * });
 * // outcome.ok: finish 7 (task 1 runs days 5 and 6), criticalCount 2, checksum (0 + 5) + (0 + 5) = 10
 */
export function scheduleCriticalPath(input: ScheduleInput, network: ScheduleNetwork = scheduleNetworkCreate()): ScheduleOutcome<CriticalPathSchedule> {
  const error = scheduleNetworkLoad(network, input);
  if (error !== undefined) return { ok: false, error };
  return scheduleNetwork(network);
}

/**
 * Runs the forward and backward passes over a loaded network. The network keeps its CSR, so calling this again
 * recomputes the same schedule without rebuilding the adjacency.
 *
 * @example
 * const network = scheduleNetworkCreate();
 * scheduleNetworkLoad(network, input);
 * const outcome = scheduleNetwork(network);
 * if (outcome.ok) console.log(outcome.value.finish);
 * else console.log(outcome.error.taskIds); // e.g. [1, 2, 3]: 1 -> 2 -> 3 -> 1
 */
export function scheduleNetwork(network: ScheduleNetwork): ScheduleOutcome<CriticalPathSchedule, ScheduleCycleError> {
  const n = network.taskCount;
  const { durations, outStart, adjTo, adjOffset, order, earlyStart, lateStart, stats } = network;
  const finish = forwardPass(n, durations, outStart, adjTo, adjOffset, network.inDegree, network.pending, network.stack, order, earlyStart);
  if (finish < 0) {
    const taskIds = graphFindCycle(n, outStart, adjTo, network.pending);
    return { ok: false, error: { kind: "cycle", taskIds, message: `dependency cycle: ${[...taskIds, taskIds[0]].join(" -> ")}` } };
  }
  backwardPass(n, finish, durations, outStart, adjTo, adjOffset, order, earlyStart, lateStart, stats);
  const views = network.views;
  return {
    ok: true,
    value: {
      taskCount: n,
      linkCount: network.linkCount,
      finish: finish as DayNumber,
      criticalCount: stats[0] as number,
      checksum: (stats[1] as number) >>> 0,
      durations,
      earlyStart: views.earlyStart,
      lateStart: views.lateStart,
      order: views.order,
    },
  };
}

/**
 * The times of task `id` as a plain object.
 *
 * @example
 * scheduleTaskTimes(schedule, 6 as TaskIndex); // { id: 6, es: 0, ef: 9, ls: 1, lf: 10, tf: 1 }
 */
export function scheduleTaskTimes(schedule: CriticalPathSchedule, id: TaskIndex): ScheduledTask {
  const d = schedule.durations[id] as number;
  const es = schedule.earlyStart[id] as number;
  const ls = schedule.lateStart[id] as number;
  return { id, es: es as DayNumber, ef: (es + d) as DayNumber, ls: ls as DayNumber, lf: (ls + d) as DayNumber, tf: (ls - es) as WorkDays };
}

// ---- Kernels (see schedule-network.ts for the conventions: arrays as arguments, `| 0`, casts for the type checker).

/**
 * Kahn's algorithm fused with the forward pass: a task is released once all its predecessors have been passed, so
 * its ES is final when it is taken; it then raises each successor's ES to `ES + offset` and releases the successors
 * it was the last predecessor of. ES starts at 0, which lifts negative bounds to day 0. Returns T, or −1 when some
 * tasks were never released (a cycle; `pending` then marks them).
 *
 * Released tasks wait on a stack (last in, first out) rather than in a queue: any release order is topological, and
 * taking the task released last keeps the pass inside the part of the network it has just touched (a work package,
 * a project) instead of sweeping across the whole program; on a generated network of a million tasks that makes both
 * passes two to three times faster (see the package README). The tasks without predecessors are stacked so that the
 * lowest id is taken first.
 */
function forwardPass(
  n: number,
  durations: Int32Array,
  outStart: Int32Array,
  adjTo: Int32Array,
  adjOffset: Int32Array,
  inDegree: Int32Array,
  pending: Int32Array,
  stack: Int32Array,
  order: Int32Array,
  earlyStart: Int32Array,
): number {
  let top = 0;
  for (let i = n - 1; i >= 0; i--) {
    const degree = inDegree[i] as number;
    pending[i] = degree;
    earlyStart[i] = 0;
    if (degree === 0) {
      stack[top] = i;
      top = (top + 1) | 0;
    }
  }
  let finish = 0;
  let passed = 0;
  while (top > 0) {
    top = (top - 1) | 0;
    const u = stack[top] as number;
    order[passed] = u;
    passed = (passed + 1) | 0;
    const start = earlyStart[u] as number;
    const end = (start + (durations[u] as number)) | 0;
    if (end > finish) finish = end;
    const last = outStart[u + 1] as number;
    for (let k = outStart[u] as number; k < last; k = (k + 1) | 0) {
      const s = adjTo[k] as number;
      const bound = (start + (adjOffset[k] as number)) | 0;
      if (bound > (earlyStart[s] as number)) earlyStart[s] = bound;
      const left = ((pending[s] as number) - 1) | 0;
      pending[s] = left;
      if (left === 0) {
        stack[top] = s;
        top = (top + 1) | 0;
      }
    }
  }
  return passed === n ? finish : -1;
}

/**
 * The backward pass in reverse topological order, so that every successor's LS is final: `LS(p) = min(T − d(p),
 * LS(s) − offset)` over p's links, with LF, TF, the critical count and the checksum in the same sweep (the
 * checksum wraps in 32 bits, which is exactly mod 2^32). Writes [critical, checksum] into `stats`.
 */
function backwardPass(
  n: number,
  finish: number,
  durations: Int32Array,
  outStart: Int32Array,
  adjTo: Int32Array,
  adjOffset: Int32Array,
  order: Int32Array,
  earlyStart: Int32Array,
  lateStart: Int32Array,
  stats: Int32Array,
): void {
  let critical = 0;
  let checksum = 0;
  for (let q = n - 1; q >= 0; q = (q - 1) | 0) {
    const p = order[q] as number;
    let late = (finish - (durations[p] as number)) | 0;
    const last = outStart[p + 1] as number;
    for (let k = outStart[p] as number; k < last; k = (k + 1) | 0) {
      const bound = ((lateStart[adjTo[k] as number] as number) - (adjOffset[k] as number)) | 0;
      if (bound < late) late = bound;
    }
    const early = earlyStart[p] as number;
    lateStart[p] = late;
    if (late === early) critical = (critical + 1) | 0;
    checksum = (checksum + early + late) | 0;
  }
  stats[0] = critical;
  stats[1] = checksum;
}
