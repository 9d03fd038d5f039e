/**
 * `ScheduleNetwork`: a schedule input in compressed sparse row (CSR) form plus every buffer the passes write,
 * allocated once and reused by every run. Loading an input rebuilds the CSR in place (two sweeps over the links:
 * count, then scatter) and checks the columns on the way, so the typed-array API is as safe as the JSON one.
 *
 * Each link is kept as one inequality between starts, whatever its type (see `scheduleNetworkLoad`), which keeps the
 * inner loops of both passes free of a switch on the link type.
 */
import { type ScheduleInputError, scheduleInputError } from "./schedule-errors";
import type { ScheduleInput } from "./schedule-input";
import { SCHEDULE_MAX_DAYS } from "./schedule-units";

/**
 * The reusable state of the scheduling core. Create one with `scheduleNetworkCreate`, fill it with
 * `scheduleNetworkLoad`, run it with `scheduleNetwork` (or do both with `scheduleCriticalPath`). The arrays are owned
 * by the engine and overwritten by the next load or run; read results through the `CriticalPathSchedule` a run
 * returns, and copy what must outlive the next run.
 *
 * Layout after a load of N tasks and M links (arrays may be longer: capacity is kept for the next load):
 * - `outStart[i] .. outStart[i + 1]`: the positions in `adjTo` / `adjOffset` of task i's outgoing links;
 * - `adjTo[k]`: the successor of the link at position k; `adjOffset[k]`: its offset between starts, so that the
 *   link says `ES(successor) ≥ ES(i) + adjOffset[k]` and, read backwards, `LS(i) ≤ LS(successor) − adjOffset[k]`;
 * - `inDegree[i]`: the number of links into task i.
 *
 * @example
 * const network = scheduleNetworkCreate();
 * scheduleNetworkLoad(network, input); // undefined when the input is valid
 * const outcome = scheduleNetwork(network);
 */
export type ScheduleNetwork = {
  readonly taskCount: number;
  readonly linkCount: number;
  /** The loaded input's durations (not copied: the input must not change between load and run). */
  readonly durations: Int32Array;
  readonly outStart: Int32Array;
  readonly adjTo: Int32Array;
  readonly adjOffset: Int32Array;
  readonly inDegree: Int32Array;
  /** Scratch of the forward pass: links into each task not yet passed, and the released tasks not yet taken. */
  readonly pending: Int32Array;
  readonly stack: Int32Array;
  /** Topological order of the last successful run. */
  readonly order: Int32Array;
  readonly earlyStart: Int32Array;
  readonly lateStart: Int32Array;
  /** [critical count, checksum as int32] of the last run. */
  readonly stats: Int32Array;
  /** Exact-length views of the per-task arrays for the loaded task count, rebuilt only when it changes. */
  readonly views: ScheduleNetworkViews;
};

/** Per-task arrays of exactly N entries, views over a network's buffers. */
export type ScheduleNetworkViews = {
  readonly order: Int32Array;
  readonly earlyStart: Int32Array;
  readonly lateStart: Int32Array;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A network with room for `taskCapacity` tasks and `linkCapacity` links before its first load needs to grow. Sizing
 * it up front keeps the allocation out of the first run.
 *
 * @example
 * const network = scheduleNetworkCreate(input.durations.length, input.linkFrom.length);
 */
export function scheduleNetworkCreate(taskCapacity = 0, linkCapacity = 0): ScheduleNetwork {
  const network: Mutable<ScheduleNetwork> = {
    taskCount: 0,
    linkCount: 0,
    durations: new Int32Array(0),
    outStart: new Int32Array(2),
    adjTo: new Int32Array(0),
    adjOffset: new Int32Array(0),
    inDegree: new Int32Array(0),
    pending: new Int32Array(0),
    stack: new Int32Array(0),
    order: new Int32Array(0),
    earlyStart: new Int32Array(0),
    lateStart: new Int32Array(0),
    stats: new Int32Array(2),
    views: viewsOf(new Int32Array(0), new Int32Array(0), new Int32Array(0), 0),
  };
  reserve(network, taskCapacity, linkCapacity);
  return network;
}

/**
 * Loads `input` into `network`: rebuilds the CSR adjacency and the link offsets, growing the buffers if needed.
 * Returns `undefined`, or the first problem found (a link end that is not a task, a self-link, a type code above 3, a
 * negative duration, values beyond `SCHEDULE_MAX_DAYS`); the network then holds no tasks until the next load.
 *
 * Every link type becomes one offset between starts, `ES(s) ≥ ES(p) + offset` with
 * `offset = lag + d(p)·[FS or FF] − d(s)·[FF or SF]`:
 *
 * @example
 * // d(p) = 3, d(s) = 5
 * // FS+2: ES(s) ≥ EF(p) + 2 = ES(p) + 5        → offset  5
 * // SS+1: ES(s) ≥ ES(p) + 1                     → offset  1
 * // FF+1: EF(s) ≥ EF(p) + 1 ⇔ ES(s) ≥ ES(p) − 1 → offset −1
 * // SF+3: EF(s) ≥ ES(p) + 3 ⇔ ES(s) ≥ ES(p) − 2 → offset −2
 * scheduleNetworkLoad(network, input); // undefined
 */
export function scheduleNetworkLoad(network: ScheduleNetwork, input: ScheduleInput): ScheduleInputError | undefined {
  const target = network as Mutable<ScheduleNetwork>;
  const error = load(target, input);
  if (error !== undefined) {
    target.taskCount = 0;
    target.linkCount = 0;
    target.views = viewsOf(target.order, target.earlyStart, target.lateStart, 0);
  }
  return error;
}

function load(target: Mutable<ScheduleNetwork>, input: ScheduleInput): ScheduleInputError | undefined {
  const { durations, linkFrom, linkTo, linkTypes, linkLags } = input;
  const n = durations.length;
  const m = linkFrom.length;
  if (linkTo.length !== m || linkTypes.length !== m || linkLags.length !== m) {
    return scheduleInputError("not-an-object", "links", "links", `link columns differ in length (${m}, ${linkTo.length}, ${linkTypes.length}, ${linkLags.length})`);
  }
  if (m > SCHEDULE_MAX_DAYS) return scheduleInputError("too-large", "links", "links", "too many links");
  reserve(target, n, m);

  const durationTotal = sumDurations(n, durations);
  if (durationTotal < 0) {
    const id = -1 - durationTotal;
    return scheduleInputError("negative-duration", `durations[${id}]`, `task ${id}`, `duration ${durations[id] ?? 0} is negative`);
  }
  const badLink = countLinks(n, m, linkFrom, linkTo, target.outStart, target.inDegree);
  if (badLink >= 0) return linkEndError(badLink, n, input);
  const lagTotal = scatterLinks(m, linkFrom, linkTo, linkTypes, linkLags, durations, target.outStart, target.adjTo, target.adjOffset);
  if (lagTotal < 0) {
    const e = -1 - lagTotal;
    return scheduleInputError("unknown-link-type", `links[${e}].type`, `links[${e}]`, `unknown link type code ${linkTypes[e] ?? 0} (0 FS, 1 SS, 2 FF, 3 SF)`);
  }
  if (durationTotal + lagTotal > SCHEDULE_MAX_DAYS) {
    return scheduleInputError(
      "too-large",
      "tasks",
      "tasks and links",
      `durations and |lags| add up to ${durationTotal + lagTotal} days, more than the ${SCHEDULE_MAX_DAYS} the engine computes with`,
    );
  }
  target.durations = durations;
  target.taskCount = n;
  target.linkCount = m;
  if (target.views.order.length !== n || target.views.order.buffer !== target.order.buffer) {
    target.views = viewsOf(target.order, target.earlyStart, target.lateStart, n);
  }
  return undefined;
}

function linkEndError(e: number, n: number, input: ScheduleInput): ScheduleInputError {
  const from = input.linkFrom[e] ?? 0;
  const to = input.linkTo[e] ?? 0;
  if (from === to && from >= 0 && from < n) return scheduleInputError("self-link", `links[${e}]`, `links[${e}] (${from} -> ${to})`, `task ${from} links to itself`);
  const end = from < 0 || from >= n ? "from" : "to";
  const range = n === 0 ? "there are no tasks" : `task ids are 0..${n - 1}`;
  return scheduleInputError("unknown-task", `links[${e}].${end}`, `links[${e}]`, `"${end}" ${end === "from" ? from : to} is not a task id (${range})`);
}

/**
 * Grows the buffers to hold n tasks and m links (by half again, so that a growing network reallocates rarely). New
 * buffers are written once here: the operating system maps fresh memory lazily, and paying for that on allocation
 * keeps it out of the first run.
 */
function reserve(network: Mutable<ScheduleNetwork>, n: number, m: number): void {
  if (n > network.order.length) {
    const capacity = Math.max(n, Math.floor(network.order.length * 1.5));
    network.outStart = committed(capacity + 2);
    network.inDegree = committed(capacity);
    network.pending = committed(capacity);
    network.stack = committed(capacity);
    network.order = committed(capacity);
    network.earlyStart = committed(capacity);
    network.lateStart = committed(capacity);
  }
  if (m > network.adjTo.length) {
    const capacity = Math.max(m, Math.floor(network.adjTo.length * 1.5));
    network.adjTo = committed(capacity);
    network.adjOffset = committed(capacity);
  }
}

function committed(length: number): Int32Array {
  return new Int32Array(length).fill(0);
}

function viewsOf(order: Int32Array, earlyStart: Int32Array, lateStart: Int32Array, n: number): ScheduleNetworkViews {
  return { order: order.subarray(0, n), earlyStart: earlyStart.subarray(0, n), lateStart: lateStart.subarray(0, n) };
}

// ---- Kernels. Plain loops over typed arrays passed as arguments (no closures, no property loads in the loops);
// `| 0` keeps the arithmetic in 32-bit integers, which SCHEDULE_MAX_DAYS makes exact. The `as number` casts only
// satisfy noUncheckedIndexedAccess: every index is in range by construction.

/** Σ durations, or −1 − i for the first negative duration i. */
function sumDurations(n: number, durations: Int32Array): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const d = durations[i] as number;
    if (d < 0) return -1 - i;
    total += d;
  }
  return total;
}

/**
 * Counts out- and in-degrees: `outStart[p + 2]` (so that the scatter below can use `outStart[p + 1]` as task p's
 * cursor and leave the starts in place) and `inDegree[s]`, then turns the counts into starts. Returns −1, or the
 * first link whose ends are not two different tasks.
 */
function countLinks(n: number, m: number, linkFrom: Int32Array, linkTo: Int32Array, outStart: Int32Array, inDegree: Int32Array): number {
  outStart.fill(0, 0, n + 2);
  inDegree.fill(0, 0, n);
  for (let e = 0; e < m; e++) {
    const p = linkFrom[e] as number;
    const s = linkTo[e] as number;
    if (p < 0 || p >= n || s < 0 || s >= n || p === s) return e;
    outStart[p + 2] = ((outStart[p + 2] as number) + 1) | 0;
    inDegree[s] = ((inDegree[s] as number) + 1) | 0;
  }
  for (let i = 2; i <= n + 1; i++) outStart[i] = ((outStart[i] as number) + (outStart[i - 1] as number)) | 0;
  return -1;
}

/**
 * Places each link after its predecessor's earlier links, with its offset between starts (see
 * `scheduleNetworkLoad`), computed without a branch on the type: bit 0 clear adds d(p), bit 1 set subtracts d(s).
 * Returns Σ |lag|, or −1 − e for the first link e with a type code above 3.
 */
function scatterLinks(
  m: number,
  linkFrom: Int32Array,
  linkTo: Int32Array,
  linkTypes: Uint8Array,
  linkLags: Int32Array,
  durations: Int32Array,
  outStart: Int32Array,
  adjTo: Int32Array,
  adjOffset: Int32Array,
): number {
  let lagTotal = 0;
  for (let e = 0; e < m; e++) {
    const p = linkFrom[e] as number;
    const s = linkTo[e] as number;
    const type = linkTypes[e] as number;
    const lag = linkLags[e] as number;
    if (type > 3) return -1 - e;
    const k = outStart[p + 1] as number;
    outStart[p + 1] = (k + 1) | 0;
    adjTo[k] = s;
    adjOffset[k] = (lag + ((durations[p] as number) & ((type & 1) - 1)) - ((durations[s] as number) & -(type >> 1))) | 0;
    lagTotal += lag < 0 ? -lag : lag;
  }
  return lagTotal;
}
