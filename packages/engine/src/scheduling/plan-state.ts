/**
 * The planner's state (internal to the scheduling module): the outline, the task data, the graph with its two nodes per
 * summary, every date, the running totals and the scratch of the incremental passes; how it is built from a plan; and
 * the small helpers the passes and the API share (bounds of a task's nodes, where a task is placed, its float, the
 * bookkeeping of what an edit touched, naming a cycle). `schedule-planner.ts` is the API over it, `plan-passes.ts`
 * the computations.
 */
import { SCHEDULE_CONSTRAINT_TYPES, type ScheduleConstraintType } from "./schedule-constraint";
import type { ScheduleCycleError } from "./schedule-errors";
import { SCHEDULE_NO_DAY, type SchedulePlanInput } from "./schedule-plan-input";
import { type PlanGraph, planGraphFromSorted } from "./plan-graph";
import type { ScheduleViolation, SchedulePlannerSchedule } from "./schedule-planner";
import type { TaskIndex } from "./schedule-units";

/** "No day" in the day columns (deadlines, manual starts). */
export const NO_DAY = SCHEDULE_NO_DAY;
/** "No upper bound" on a late start. */
export const NO_BOUND = 0x7fff_ffff;
/** What a node is: a leaf task, a summary task (outside the graph), a summary's start gate or its finish node. */
export const KIND_LEAF = 0;
export const KIND_SUMMARY = 1;
export const KIND_GATE = 2;
export const KIND_FINISH = 3;
/** The names of the constraint codes (a local copy: read per violation). */
export const CONSTRAINT_NAMES: readonly ScheduleConstraintType[] = [...SCHEDULE_CONSTRAINT_TYPES];
export const NO_VIOLATIONS: readonly ScheduleViolation[] = Object.freeze([]);
/** Constraint codes used here (see SCHEDULE_CONSTRAINT_CODES). */
const ASAP = 0;
const ALAP = 1;
const SNET = 2;
export const FNLT = 5;

/**
 * Everything the planner holds. Nodes 0..N−1 are the tasks (a summary's own node stays outside the graph: its values
 * are roll-ups); then each summary has a start gate and a finish node. Arrays by task id or by node as noted.
 */
export type PlannerState = {
  taskCount: number;
  schedule: SchedulePlannerSchedule;
  nodeCount: number;
  // The outline, by task id.
  parent: Int32Array;
  childCount: Int32Array;
  childStart: Int32Array;
  childList: Int32Array;
  depth: Int32Array;
  /** Summary tasks, deepest first: the order of a full roll-up. */
  summaryOrder: Int32Array;
  gateOf: Int32Array;
  finishOf: Int32Array;
  // Task data, by task id (copies of the input, updated by edits).
  taskDuration: Int32Array;
  constraintType: Uint8Array;
  constraintDay: Int32Array;
  deadline: Int32Array;
  manualStart: Int32Array;
  work: Float64Array;
  cost: Float64Array;
  percent: Float64Array;
  // Rolled-up values of summary tasks, by task id (es / ls of a summary live in `es` / `ls`).
  rEf: Int32Array;
  rLf: Int32Array;
  rTf: Int32Array;
  rStart: Int32Array;
  rFinish: Int32Array;
  rLeaves: Int32Array;
  rWork: Float64Array;
  rCost: Float64Array;
  rPercent: Float64Array;
  rDuration: Float64Array;
  rDurationPercent: Float64Array;
  rPercentSum: Float64Array;
  // Σ work × % and Σ positive cost (× %) of the leaves: percent complete rolls up by effort (work, else cost).
  rWorkPercent: Float64Array;
  rCostWeight: Float64Array;
  rCostPercent: Float64Array;
  // Nodes: tasks 0..N−1 (a summary's own node stays outside the graph), then a gate and a finish node per summary.
  nodeTask: Int32Array;
  nodeKind: Uint8Array;
  dur: Int32Array;
  /** ES ≥ lb (≥ 0); LS ≤ ub; a manual task starts on `fixed` (NO_DAY otherwise); `alap` places a task late. */
  lb: Int32Array;
  ub: Int32Array;
  fixed: Int32Array;
  alap: Uint8Array;
  /** Early starts without ALAP placement (they give T), early starts as scheduled, late starts. */
  es0: Int32Array;
  es: Int32Array;
  ls: Int32Array;
  graph: PlanGraph;
  // Links: index → edge slot (−1 once removed).
  linkEdge: Int32Array;
  linkTop: number;
  linkAlive: number;
  // Running results.
  finish: number;
  criticalCount: number;
  checksum: number;
  alapCount: number;
  /** Σ durations + Σ |lags|, kept within SCHEDULE_MAX_DAYS so that every day number fits 32 bits. */
  magnitude: number;
  /** Tasks that can be in violation: upper-bound constraints, deadlines, manual starts. */
  watch: Set<number>;
  /** Each task's current violations (NO_VIOLATIONS for most), the tasks that have some, the list published, and the
   * tasks to look at again after the current edit. */
  violationsAt: (readonly ScheduleViolation[])[];
  violating: Set<number>;
  violations: readonly ScheduleViolation[];
  recheck: number[];
  recheckMark: Int32Array;
  recheckStamp: number;
  // Scratch of the incremental passes.
  heap: Int32Array;
  heapMark: Int32Array;
  heapStamp: number;
  touchMark: Int32Array;
  touchStamp: number;
  touched: number[];
};

/**
 * The state of a checked plan before its first computation: the outline (children lists, depths, summaries deepest
 * first), a gate and a finish node per summary, the edges (links, then gate → child SS 0 and child → finish FF 0 per
 * child) sorted by source node, copies of the task data, and every node's bounds.
 *
 * @example
 * // 3 tasks, task 0 the summary of 1 and 2: nodes 0, 1, 2, gate 3, finish 4; edges 3 → 1, 3 → 2 (SS), 1 → 4, 2 → 4 (FF)
 * const state = planStateBuild(plan);
 */
export function planStateBuild(plan: SchedulePlanInput): PlannerState {
  const n = plan.durations.length;
  const m = plan.linkFrom.length;
  const parent = new Int32Array(plan.parents);
  const childCount = new Int32Array(n);
  for (let id = 0; id < n; id++) {
    const p = parent[id] as number;
    if (p >= 0) childCount[p] = (childCount[p] as number) + 1;
  }
  const childStart = new Int32Array(n + 1);
  for (let id = 0; id < n; id++) childStart[id + 1] = (childStart[id] as number) + (childCount[id] as number);
  const childList = new Int32Array(childStart[n] as number);
  const cursor = childStart.slice(0, n);
  for (let id = 0; id < n; id++) {
    const p = parent[id] as number;
    if (p >= 0) childList[(cursor[p] as number)++] = id;
  }
  const depth = new Int32Array(n).fill(-1);
  const path = new Int32Array(n);
  const summaries: number[] = [];
  for (let id = 0; id < n; id++) {
    let length = 0;
    let v = id;
    while (v >= 0 && (depth[v] as number) < 0) {
      path[length++] = v;
      v = parent[v] as number;
    }
    let d = v < 0 ? -1 : (depth[v] as number);
    while (length > 0) depth[path[--length] as number] = ++d;
    if ((childCount[id] as number) > 0) summaries.push(id);
  }
  summaries.sort((a, b) => (depth[b] as number) - (depth[a] as number) || a - b);
  const nodeCount = n + 2 * summaries.length;
  const gateOf = new Int32Array(n).fill(-1);
  const finishOf = new Int32Array(n).fill(-1);
  const nodeTask = new Int32Array(nodeCount);
  const nodeKind = new Uint8Array(nodeCount);
  for (let id = 0; id < n; id++) {
    nodeTask[id] = id;
    nodeKind[id] = (childCount[id] as number) > 0 ? KIND_SUMMARY : KIND_LEAF;
  }
  let next = n;
  for (let id = 0; id < n; id++) {
    if ((childCount[id] as number) === 0) continue;
    gateOf[id] = next;
    nodeTask[next] = id;
    nodeKind[next++] = KIND_GATE;
    finishOf[id] = next;
    nodeTask[next] = id;
    nodeKind[next++] = KIND_FINISH;
  }
  const taskDuration = new Int32Array(plan.durations);
  const dur = new Int32Array(nodeCount);
  let magnitude = 0;
  for (let id = 0; id < n; id++) {
    magnitude += taskDuration[id] as number;
    if ((childCount[id] as number) === 0) dur[id] = taskDuration[id] as number;
  }

  // Edges: the links, then per summary a gate → child (SS 0) and a child → finish (FF 0) edge for each child; sorted
  // by source node (count, then scatter), so that each node's outgoing edges sit side by side in memory.
  const total = m + 2 * childList.length;
  const fromNode = (id: number) => ((childCount[id] as number) > 0 ? (finishOf[id] as number) : id);
  const toNode = (id: number) => ((childCount[id] as number) > 0 ? (gateOf[id] as number) : id);
  const bySource = new Int32Array(nodeCount + 1);
  for (let e = 0; e < m; e++) {
    const u = fromNode(plan.linkFrom[e] as number) + 1;
    bySource[u] = (bySource[u] as number) + 1;
    const lag = plan.linkLags[e] as number;
    magnitude += lag < 0 ? -lag : lag;
  }
  for (const id of summaries) {
    const count = (childStart[id + 1] as number) - (childStart[id] as number);
    bySource[(gateOf[id] as number) + 1] = (bySource[(gateOf[id] as number) + 1] as number) + count;
    for (let k = childStart[id] as number; k < (childStart[id + 1] as number); k++) {
      const u = fromNode(childList[k] as number) + 1;
      bySource[u] = (bySource[u] as number) + 1;
    }
  }
  for (let u = 0; u < nodeCount; u++) bySource[u + 1] = (bySource[u + 1] as number) + (bySource[u] as number);
  const sFrom = new Int32Array(total);
  const sTo = new Int32Array(total);
  const sType = new Uint8Array(total);
  const sLag = new Int32Array(total);
  const sOff = new Int32Array(total);
  const place = (from: number, to: number, type: number, lag: number): number => {
    const e = bySource[from] as number;
    bySource[from] = e + 1;
    sFrom[e] = from;
    sTo[e] = to;
    sType[e] = type;
    sLag[e] = lag;
    sOff[e] = planEdgeOffset(type, lag, dur[from] as number, dur[to] as number);
    return e;
  };
  const linkEdge = new Int32Array(Math.max(16, m + (m >> 1)));
  for (let e = 0; e < m; e++) {
    linkEdge[e] = place(fromNode(plan.linkFrom[e] as number), toNode(plan.linkTo[e] as number), plan.linkTypes[e] as number, plan.linkLags[e] as number);
  }
  for (const id of summaries) {
    for (let k = childStart[id] as number; k < (childStart[id + 1] as number); k++) {
      const c = childList[k] as number;
      place(gateOf[id] as number, toNode(c), 1, 0); // SS 0
      place(fromNode(c), finishOf[id] as number, 2, 0); // FF 0
    }
  }
  const graph = planGraphFromSorted(nodeCount, sFrom, sTo, sType, sLag, sOff, 16 + (m >> 4));

  const state: PlannerState = {
    taskCount: n,
    schedule: undefined as unknown as SchedulePlannerSchedule,
    nodeCount,
    parent,
    childCount,
    childStart,
    childList,
    depth,
    summaryOrder: Int32Array.from(summaries),
    gateOf,
    finishOf,
    taskDuration,
    constraintType: new Uint8Array(plan.constraintTypes),
    constraintDay: new Int32Array(plan.constraintDays),
    deadline: new Int32Array(plan.deadlines),
    manualStart: new Int32Array(plan.manualStarts),
    work: new Float64Array(plan.work),
    cost: new Float64Array(plan.cost),
    percent: new Float64Array(plan.percentComplete),
    rEf: new Int32Array(n),
    rLf: new Int32Array(n),
    rTf: new Int32Array(n),
    rStart: new Int32Array(n),
    rFinish: new Int32Array(n),
    rLeaves: new Int32Array(n),
    rWork: new Float64Array(n),
    rCost: new Float64Array(n),
    rPercent: new Float64Array(n),
    rDuration: new Float64Array(n),
    rDurationPercent: new Float64Array(n),
    rPercentSum: new Float64Array(n),
    rWorkPercent: new Float64Array(n),
    rCostWeight: new Float64Array(n),
    rCostPercent: new Float64Array(n),
    nodeTask,
    nodeKind,
    dur,
    lb: new Int32Array(nodeCount),
    ub: new Int32Array(nodeCount).fill(NO_BOUND),
    fixed: new Int32Array(nodeCount).fill(NO_DAY),
    alap: new Uint8Array(nodeCount),
    es0: new Int32Array(nodeCount),
    es: new Int32Array(nodeCount),
    ls: new Int32Array(nodeCount),
    graph,
    linkEdge,
    linkTop: m,
    linkAlive: m,
    finish: 0,
    criticalCount: 0,
    checksum: 0,
    alapCount: 0,
    magnitude,
    watch: new Set(),
    violationsAt: new Array<readonly ScheduleViolation[]>(n).fill(NO_VIOLATIONS),
    violating: new Set(),
    violations: NO_VIOLATIONS,
    recheck: [],
    recheckMark: new Int32Array(n),
    recheckStamp: 1,
    heap: new Int32Array(nodeCount),
    heapMark: new Int32Array(nodeCount),
    heapStamp: 0,
    touchMark: new Int32Array(n),
    touchStamp: 0,
    touched: [],
  };
  for (let id = 0; id < n; id++) planStateSetBounds(state, id);
  return state;
}

/**
 * The offset between starts of an edge (see `scheduleNetworkLoad`): FS/FF add d(from), FF/SF subtract d(to).
 *
 * @example
 * planEdgeOffset(2, 1, 3, 5); // FF+1 from a 3-day task to a 5-day task: 1 + 3 − 5 = −1
 */
export function planEdgeOffset(type: number, lag: number, durationFrom: number, durationTo: number): number {
  return (lag + ((type & 1) === 0 ? durationFrom : 0) - ((type & 2) !== 0 ? durationTo : 0)) | 0;
}

/** Recomputes the bounds, manual day and ALAP flag of task `id`'s nodes, and whether it is watched. */
export function planStateSetBounds(s: PlannerState, id: number): void {
  const code = s.constraintType[id] as number;
  const day = s.constraintDay[id] as number;
  const deadline = s.deadline[id] as number;
  if ((s.childCount[id] as number) > 0) {
    const gate = s.gateOf[id] as number;
    const finish = s.finishOf[id] as number;
    s.lb[gate] = code === SNET && day > 0 ? day : 0;
    let upper = code === FNLT ? day : NO_BOUND;
    if (deadline !== NO_DAY && deadline < upper) upper = deadline;
    s.ub[finish] = upper;
    watchTask(s, id, code === FNLT || deadline !== NO_DAY);
    return;
  }
  const d = s.taskDuration[id] as number;
  const manual = s.manualStart[id] as number;
  const effective = manual !== NO_DAY ? ASAP : code;
  // The bounds of scheduleConstraintEarlyStartBound / scheduleConstraintLateStartBound, inlined (this runs per task).
  const lower = effective === 2 || effective === 6 ? day : effective === 4 || effective === 7 ? day - d : 0;
  s.lb[id] = lower > 0 ? lower : 0;
  let upper = effective === 3 || effective === 6 ? day : effective === 5 || effective === 7 ? day - d : NO_BOUND;
  if (deadline !== NO_DAY && deadline - d < upper) upper = deadline - d;
  s.ub[id] = upper;
  s.fixed[id] = manual;
  const alap = effective === ALAP ? 1 : 0;
  s.alapCount += alap - (s.alap[id] as number);
  s.alap[id] = alap;
  watchTask(s, id, manual !== NO_DAY || deadline !== NO_DAY || effective === 3 || effective === 5 || effective === 6 || effective === 7);
}

function watchTask(s: PlannerState, id: number, watched: boolean): void {
  if (watched) s.watch.add(id);
  else if (s.watch.size > 0) s.watch.delete(id);
}

/** Marks task `id` for a new look at its violations after the current edit (see `planPublish`). */
export function planStateRecheck(s: PlannerState, id: number): void {
  if (s.recheckMark[id] === s.recheckStamp) return;
  s.recheckMark[id] = s.recheckStamp;
  s.recheck.push(id);
}

/**
 * Takes task `id` out of the totals before its ES, LS or roll-up changes (once per edit); `planReschedule` adds it back
 * with its new values.
 */
export function planStateTouch(s: PlannerState, id: number): void {
  if (s.touchMark[id] === s.touchStamp) return;
  planStateRecheck(s, id);
  s.touchMark[id] = s.touchStamp;
  s.touched.push(id);
  s.checksum = (s.checksum - (s.es[id] as number) - (s.ls[id] as number)) | 0;
  if (planStateFloat(s, id) <= 0) s.criticalCount--;
}

/** Total float of task `id`: LS − ES for a task, the rolled-up smallest float for a summary. */
export function planStateFloat(s: PlannerState, id: number): number {
  return (s.childCount[id] as number) > 0 ? (s.rTf[id] as number) : (s.ls[id] as number) - (s.es[id] as number);
}

/** Where node / leaf task u is scheduled to start: its ES, or max(ES, LS) for an ALAP task. */
export function planStateStart(s: PlannerState, u: number): number {
  const es = s.es[u] as number;
  if (s.alap[u] === 1) {
    const ls = s.ls[u] as number;
    if (ls > es) return ls;
  }
  return es;
}

/**
 * A cycle of graph nodes as task ids: a gate or finish node stands for its summary, and a stretch that enters a
 * summary through its gate and leaves through its finish without leaving the tasks under it collapses to the
 * summary (so two summaries linked both ways read "0 -> 2 -> 0").
 */
export function planStateCycleError(s: PlannerState, nodes: readonly number[]): ScheduleCycleError {
  const count = nodes.length;
  const kept = new Array<boolean>(count).fill(true);
  for (let i = 0; i < count; i++) {
    const gate = nodes[i] as number;
    if (s.nodeKind[gate] !== KIND_GATE || !kept[i]) continue;
    const summary = s.nodeTask[gate] as number;
    for (let step = 1; step < count; step++) {
      const j = (i + step) % count;
      const u = nodes[j] as number;
      if (s.nodeKind[u] === KIND_FINISH && s.nodeTask[u] === summary) {
        for (let k = 1; k <= step; k++) kept[(i + k) % count] = false;
        break;
      }
      if (!isUnder(s.parent, s.nodeTask[u] as number, summary)) break;
    }
  }
  const tasks: number[] = [];
  for (let i = 0; i < count; i++) {
    if (!kept[i]) continue;
    const id = s.nodeTask[nodes[i] as number] as number;
    if (tasks[tasks.length - 1] !== id) tasks.push(id);
  }
  while (tasks.length > 1 && tasks[0] === tasks[tasks.length - 1]) tasks.pop();
  let smallest = 0;
  for (let i = 1; i < tasks.length; i++) if ((tasks[i] as number) < (tasks[smallest] as number)) smallest = i;
  const taskIds = [...tasks.slice(smallest), ...tasks.slice(0, smallest)] as TaskIndex[];
  const summaries = taskIds.filter((id) => (s.childCount[id] as number) > 0);
  const note = summaries.length === 0 ? "" : ` (${summaries.join(", ")} ${summaries.length === 1 ? "is a summary task" : "are summary tasks"}: a link into or out of a summary applies to the tasks under it)`;
  return { kind: "cycle", taskIds, message: `dependency cycle: ${[...taskIds, taskIds[0]].join(" -> ")}${note}` };
}

function isUnder(parents: Int32Array, id: number, ancestor: number): boolean {
  for (let p = parents[id] as number; p >= 0; p = parents[p] as number) if (p === ancestor) return true;
  return false;
}
