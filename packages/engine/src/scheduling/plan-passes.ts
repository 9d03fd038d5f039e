/**
 * The planner's computations over its state (internal to the scheduling module): the full passes (Kahn's order fused
 * with the forward pass, the backward pass, ALAP placement), roll-ups, totals and violations, and the incremental
 * passes an edit runs (forward and backward in topological order from the edited task, with heaps keyed by position).
 * Like the core's kernels, the loops take typed arrays and keep arithmetic in 32 bits.
 */
import { type PlanGraph, planGraphFindCycle } from "./plan-graph";
import type { ScheduleCycleError } from "./schedule-errors";
import {
  CONSTRAINT_NAMES,
  FNLT,
  KIND_GATE,
  KIND_SUMMARY,
  NO_BOUND,
  NO_DAY,
  NO_VIOLATIONS,
  type PlannerState,
  planStateCycleError,
  planStateFloat,
  planStateStart,
  planStateTouch,
  planStateRecheck,
} from "./plan-state";
import type { ScheduleViolation, ScheduleViolationKind, SchedulePlannerSchedule } from "./schedule-planner";
import type { ScheduleConstraintType } from "./schedule-constraint";
import type { DayNumber, TaskIndex, WorkDays } from "./schedule-units";

/**
 * Computes everything from scratch on the current graph: the topological order (Kahn), early starts and T, late
 * starts, ALAP placement, roll-ups, totals and violations. Returns the cycle when there is one.
 */
export function planComputeFull(s: PlannerState): ScheduleCycleError | undefined {
  const g = s.graph;
  const pending = new Int32Array(s.nodeCount);
  const stack = new Int32Array(s.nodeCount);
  const graphCount = s.nodeCount - s.summaryOrder.length;
  const finish = forwardKahn(s.nodeCount, s.nodeKind, g.outHead, g.outNext, g.eTo, g.eOff, g.inDegree, pending, stack, g.order, g.pos, s.lb, s.fixed, s.dur, s.es0);
  if (finish < 0) return planStateCycleError(s, planGraphFindCycle(g, pending));
  g.orderLength = graphCount;
  s.finish = finish;
  backwardFull(g.orderLength, g.order, finish, s.dur, s.ub, g.outHead, g.outNext, g.eTo, g.eOff, s.ls);
  if (s.alapCount > 0) scheduledFull(g.orderLength, g.order, s.lb, s.fixed, s.alap, s.ls, g.outHead, g.outNext, g.eTo, g.eOff, s.es);
  else s.es.set(s.es0);
  for (let k = 0; k < s.summaryOrder.length; k++) rollUp(s, s.summaryOrder[k] as number, false);
  totalsFull(s);
  planPublish(s, true);
  return undefined;
}

/**
 * Kahn's algorithm fused with the forward pass, over the node lists (as the core's, LIFO). ES starts at the node's
 * lower bound (≥ 0); a manual node takes its fixed day when it is taken, whatever its predecessors said. Summary
 * nodes stay out of the order. Returns T, or −1 when some nodes were never released (a cycle).
 */
function forwardKahn(
  nodeCount: number,
  nodeKind: Uint8Array,
  outHead: Int32Array,
  outNext: Int32Array,
  eTo: Int32Array,
  eOff: Int32Array,
  inDegree: Int32Array,
  pending: Int32Array,
  stack: Int32Array,
  order: Int32Array,
  pos: Int32Array,
  lb: Int32Array,
  fixed: Int32Array,
  dur: Int32Array,
  es0: Int32Array,
): number {
  let top = 0;
  let graphCount = 0;
  for (let u = nodeCount - 1; u >= 0; u--) {
    if (nodeKind[u] === KIND_SUMMARY) {
      pos[u] = -1;
      continue;
    }
    graphCount++;
    const degree = inDegree[u] as number;
    pending[u] = degree;
    es0[u] = lb[u] as number;
    if (degree === 0) {
      stack[top] = u;
      top = (top + 1) | 0;
    }
  }
  let finish = 0;
  let passed = 0;
  while (top > 0) {
    top = (top - 1) | 0;
    const u = stack[top] as number;
    order[passed] = u;
    pos[u] = passed;
    passed = (passed + 1) | 0;
    const f = fixed[u] as number;
    if (f !== NO_DAY) es0[u] = f;
    const start = es0[u] as number;
    const end = (start + (dur[u] as number)) | 0;
    // T is the latest finish of a task: a summary's start gate can sit later than every task under it when they
    // are all manual, and is not a task.
    if (end > finish && nodeKind[u] !== KIND_GATE) finish = end;
    for (let e = outHead[u] as number; e >= 0; e = outNext[e] as number) {
      const v = eTo[e] as number;
      const bound = (start + (eOff[e] as number)) | 0;
      if (bound > (es0[v] as number)) es0[v] = bound;
      const left = ((pending[v] as number) - 1) | 0;
      pending[v] = left;
      if (left === 0) {
        stack[top] = v;
        top = (top + 1) | 0;
      }
    }
  }
  return passed === graphCount ? finish : -1;
}

/** The backward pass in reverse order: LS = min(T − d, ub, LS(s) − off over the node's edges). */
function backwardFull(
  length: number,
  order: Int32Array,
  finish: number,
  dur: Int32Array,
  ub: Int32Array,
  outHead: Int32Array,
  outNext: Int32Array,
  eTo: Int32Array,
  eOff: Int32Array,
  ls: Int32Array,
): void {
  for (let q = length - 1; q >= 0; q = (q - 1) | 0) {
    const p = order[q] as number;
    let late = (finish - (dur[p] as number)) | 0;
    const upper = ub[p] as number;
    if (upper < late) late = upper;
    for (let e = outHead[p] as number; e >= 0; e = outNext[e] as number) {
      const bound = ((ls[eTo[e] as number] as number) - (eOff[e] as number)) | 0;
      if (bound < late) late = bound;
    }
    ls[p] = late;
  }
}

/**
 * The forward pass again, with ALAP nodes placed at max(ES, LS) and their successors following that placement
 * (run only when the plan has ALAP tasks; otherwise the scheduled early starts are the plain ones).
 */
function scheduledFull(
  length: number,
  order: Int32Array,
  lb: Int32Array,
  fixed: Int32Array,
  alap: Uint8Array,
  ls: Int32Array,
  outHead: Int32Array,
  outNext: Int32Array,
  eTo: Int32Array,
  eOff: Int32Array,
  es: Int32Array,
): void {
  for (let q = 0; q < length; q++) {
    const u = order[q] as number;
    es[u] = lb[u] as number;
  }
  for (let q = 0; q < length; q++) {
    const u = order[q] as number;
    const f = fixed[u] as number;
    let start: number;
    if (f !== NO_DAY) {
      es[u] = f;
      start = f;
    } else {
      start = es[u] as number;
      if (alap[u] === 1 && (ls[u] as number) > start) start = ls[u] as number;
    }
    for (let e = outHead[u] as number; e >= 0; e = outNext[e] as number) {
      const v = eTo[e] as number;
      const bound = (start + (eOff[e] as number)) | 0;
      if (bound > (es[v] as number)) es[v] = bound;
    }
  }
}

/** Critical count and checksum over every task (summaries with their rolled-up values). */
function totalsFull(s: PlannerState): void {
  let checksum = 0;
  let critical = 0;
  for (let id = 0; id < s.taskCount; id++) {
    checksum = (checksum + (s.es[id] as number) + (s.ls[id] as number)) | 0;
    if (planStateFloat(s, id) <= 0) critical++;
  }
  s.checksum = checksum;
  s.criticalCount = critical;
}

/**
 * Rolls summary `id` up from its children (their own roll-ups for child summaries). With `incremental`, compares with
 * the values held and, when something changed, takes the summary out of the totals before writing (see `planStateTouch`).
 * Returns whether anything changed.
 */
function rollUp(s: PlannerState, id: number, incremental: boolean): boolean {
  let es = NO_BOUND;
  let ef = -NO_BOUND;
  let ls = NO_BOUND;
  let lf = -NO_BOUND;
  let tf = NO_BOUND;
  let start = NO_BOUND;
  let finish = -NO_BOUND;
  let leaves = 0;
  let work = 0;
  let cost = 0;
  let duration = 0;
  let durationPercent = 0;
  let percentSum = 0;
  let workPercent = 0;
  let costWeight = 0;
  let costPercent = 0;
  const last = s.childStart[id + 1] as number;
  for (let k = s.childStart[id] as number; k < last; k++) {
    const c = s.childList[k] as number;
    let cEs: number, cEf: number, cLs: number, cLf: number, cTf: number, cStart: number, cFinish: number;
    if ((s.childCount[c] as number) > 0) {
      cEs = s.es[c] as number;
      cEf = s.rEf[c] as number;
      cLs = s.ls[c] as number;
      cLf = s.rLf[c] as number;
      cTf = s.rTf[c] as number;
      cStart = s.rStart[c] as number;
      cFinish = s.rFinish[c] as number;
      leaves += s.rLeaves[c] as number;
      work += s.rWork[c] as number;
      cost += s.rCost[c] as number;
      duration += s.rDuration[c] as number;
      durationPercent += s.rDurationPercent[c] as number;
      percentSum += s.rPercentSum[c] as number;
      workPercent += s.rWorkPercent[c] as number;
      costWeight += s.rCostWeight[c] as number;
      costPercent += s.rCostPercent[c] as number;
    } else {
      const d = s.taskDuration[c] as number;
      cEs = s.es[c] as number;
      cLs = s.ls[c] as number;
      cEf = cEs + d;
      cLf = cLs + d;
      cTf = cLs - cEs;
      cStart = planStateStart(s, c);
      cFinish = cStart + d;
      leaves += 1;
      work += s.work[c] as number;
      cost += s.cost[c] as number;
      duration += d;
      durationPercent += d * (s.percent[c] as number);
      percentSum += s.percent[c] as number;
      const w = s.work[c] as number;
      const cc = Math.max(0, s.cost[c] as number);
      workPercent += w * (s.percent[c] as number);
      costWeight += cc;
      costPercent += cc * (s.percent[c] as number);
    }
    if (cEs < es) es = cEs;
    if (cEf > ef) ef = cEf;
    if (cLs < ls) ls = cLs;
    if (cLf > lf) lf = cLf;
    if (cTf < tf) tf = cTf;
    if (cStart < start) start = cStart;
    if (cFinish > finish) finish = cFinish;
  }
  // By effort (docs/monitoring.md, "How progress rolls up"): work, else cost, else duration, else the plain mean.
  const percent =
    work > 0 ? workPercent / work : costWeight > 0 ? costPercent / costWeight : duration > 0 ? durationPercent / duration : leaves > 0 ? percentSum / leaves : 0;
  if (
    incremental &&
    s.es[id] === es &&
    s.ls[id] === ls &&
    s.rEf[id] === ef &&
    s.rLf[id] === lf &&
    s.rTf[id] === tf &&
    s.rStart[id] === start &&
    s.rFinish[id] === finish &&
    s.rWork[id] === work &&
    s.rCost[id] === cost &&
    s.rPercent[id] === percent &&
    s.rDuration[id] === duration
  ) {
    return false;
  }
  if (incremental) planStateTouch(s, id);
  s.es[id] = es;
  s.ls[id] = ls;
  s.rEf[id] = ef;
  s.rLf[id] = lf;
  s.rTf[id] = tf;
  s.rStart[id] = start;
  s.rFinish[id] = finish;
  s.rLeaves[id] = leaves;
  s.rWork[id] = work;
  s.rCost[id] = cost;
  s.rPercent[id] = percent;
  s.rDuration[id] = duration;
  s.rDurationPercent[id] = durationPercent;
  s.rPercentSum[id] = percentSum;
  s.rWorkPercent[id] = workPercent;
  s.rCostWeight[id] = costWeight;
  s.rCostPercent[id] = costPercent;
  return true;
}

/**
 * Publishes the current totals and violations as a new schedule object (the arrays are shared views). With `full`,
 * every watched task's violations are worked out again; otherwise only those of the tasks marked by
 * `planStateRecheck` (the edited task, tasks whose dates moved, manual tasks whose predecessors were looked at), and
 * the list is rebuilt only when one of them changed.
 */
export function planPublish(s: PlannerState, full: boolean): void {
  let changed = full;
  if (full) {
    s.violationsAt.fill(NO_VIOLATIONS);
    s.violating.clear();
    for (const id of s.watch) {
      const list = violationsOf(s, id);
      if (list.length === 0) continue;
      s.violationsAt[id] = list;
      s.violating.add(id);
    }
  } else {
    for (const id of s.recheck) {
      const next = s.watch.has(id) ? violationsOf(s, id) : NO_VIOLATIONS;
      if (sameViolations(s.violationsAt[id] as readonly ScheduleViolation[], next)) continue;
      s.violationsAt[id] = next;
      if (next.length === 0) s.violating.delete(id);
      else s.violating.add(id);
      changed = true;
    }
  }
  s.recheck.length = 0;
  s.recheckStamp++;
  if (changed) {
    const list: ScheduleViolation[] = [];
    for (const id of Int32Array.from(s.violating).sort()) for (const v of s.violationsAt[id] as readonly ScheduleViolation[]) list.push(v);
    s.violations = list;
  }
  const previous = s.schedule as SchedulePlannerSchedule | undefined;
  s.schedule = {
    taskCount: s.taskCount,
    linkCount: s.linkAlive,
    finish: s.finish as DayNumber,
    criticalCount: s.criticalCount,
    checksum: s.checksum >>> 0,
    earlyStart: previous?.earlyStart ?? s.es.subarray(0, s.taskCount),
    lateStart: previous?.lateStart ?? s.ls.subarray(0, s.taskCount),
    violations: s.violations,
  };
}

function sameViolations(a: readonly ScheduleViolation[], b: readonly ScheduleViolation[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ScheduleViolation;
    const y = b[i] as ScheduleViolation;
    if (x.kind !== y.kind || x.day !== y.day || x.by !== y.by) return false;
  }
  return true;
}

/** The violations of task `id`: its constraint or manual conflict, then its deadline. */
function violationsOf(s: PlannerState, id: number): readonly ScheduleViolation[] {
  let list: ScheduleViolation[] | undefined;
  const add = (kind: ScheduleViolationKind, day: number, by: number) => {
    list ??= [];
    list.push(violation(id, kind, day, by));
  };
  const g = s.graph;
  const deadline = s.deadline[id] as number;
  const code = s.constraintType[id] as number;
  const day = s.constraintDay[id] as number;
  let finish: number;
  if ((s.childCount[id] as number) > 0) {
    finish = s.rFinish[id] as number;
    if (code === FNLT && finish > day) add("FNLT", day, finish - day);
  } else {
    const d = s.taskDuration[id] as number;
    const manual = s.manualStart[id] as number;
    const start = planStateStart(s, id);
    finish = start + d;
    if (manual !== NO_DAY) {
      let bound = -NO_BOUND;
      for (let e = g.inHead[id] as number; e >= 0; e = g.inNext[e] as number) {
        const b = planStateStart(s, g.eFrom[e] as number) + (g.eOff[e] as number);
        if (b > bound) bound = b;
      }
      if (bound > manual) add("manual", manual, bound - manual);
    } else if ((code === 3 || code === 6) && start > day) {
      add(CONSTRAINT_NAMES[code] as ScheduleConstraintType, day, start - day);
    } else if ((code === 5 || code === 7) && finish > day) {
      add(CONSTRAINT_NAMES[code] as ScheduleConstraintType, day, finish - day);
    }
  }
  if (deadline !== NO_DAY && finish > deadline) add("deadline", deadline, finish - deadline);
  return list ?? NO_VIOLATIONS;
}

function violation(id: number, kind: ScheduleViolationKind, day: number, by: number): ScheduleViolation {
  return { taskId: id as TaskIndex, kind, day: day as DayNumber, by: by as WorkDays };
}

/**
 * Where an edit's effects start, as `schedulePlannerEdit` works them out: the nodes whose early start may change
 * (forward), whose late start may change (backward), and so on.
 */
export type Seeds = {
  forward: number[];
  backward: number[];
  /** Nodes whose ALAP placement changed: their successors are re-placed. */
  placement: number[];
  /** Leaf tasks whose parent must be rolled up even if their dates did not move (a duration edit). */
  rollup: number[];
  alapBefore: number;
  /** The node whose duration changed, and its early finish before (for T). */
  durationNode: number;
  durationOldEnd: number;
};

/** The incremental passes after an edit has changed the graph, offsets or bounds (see `schedulePlannerEdit`). */
export function planReschedule(s: PlannerState, seeds: Seeds): { forwardVisited: number; backwardVisited: number; fullBackward: boolean } {
  const g = s.graph;
  s.touchStamp++;
  s.touched.length = 0;

  // Early starts without ALAP placement, and T.
  const changedA: number[] = [];
  const oldA: number[] = [];
  const forwardVisited = forwardIncremental(s, s.es0, false, seeds.forward, changedA, oldA);
  const oldFinish = s.finish;
  let finish = oldFinish;
  let dropped = false;
  let durationSeen = seeds.durationNode < 0;
  for (let i = 0; i <= changedA.length; i++) {
    // Every node whose early finish moved: those whose ES moved, and the node whose duration changed.
    let u: number;
    let oldEnd: number;
    if (i < changedA.length) {
      u = changedA[i] as number;
      oldEnd = u === seeds.durationNode ? seeds.durationOldEnd : (oldA[i] as number) + (s.dur[u] as number);
      if (u === seeds.durationNode) durationSeen = true;
    } else if (!durationSeen) {
      u = seeds.durationNode;
      oldEnd = seeds.durationOldEnd;
    } else break;
    if (s.nodeKind[u] === KIND_GATE) continue;
    const end = (s.es0[u] as number) + (s.dur[u] as number);
    if (end > finish) finish = end;
    if (oldEnd === oldFinish && end < oldFinish) dropped = true;
  }
  if (finish === oldFinish && dropped) {
    finish = 0;
    for (let q = 0; q < g.orderLength; q++) {
      const u = g.order[q] as number;
      const end = (s.es0[u] as number) + (s.dur[u] as number);
      if (end > finish && s.nodeKind[u] !== KIND_GATE) finish = end;
    }
  }

  // Late starts: in full when T moved, else from the seeds backwards.
  const fullBackward = finish !== oldFinish;
  let backwardVisited = g.orderLength;
  const changedB: number[] = [];
  if (fullBackward) {
    s.finish = finish;
    backwardFull(g.orderLength, g.order, finish, s.dur, s.ub, g.outHead, g.outNext, g.eTo, g.eOff, s.ls);
  } else {
    backwardVisited = backwardIncremental(s, seeds.backward, changedB);
  }

  // Scheduled early starts (ALAP placement).
  const changedC: number[] = [];
  if (s.alapCount === 0 && seeds.alapBefore === 0) {
    for (const u of changedA) {
      if (s.es[u] === s.es0[u]) continue;
      if (u < s.taskCount) planStateTouch(s, u);
      s.es[u] = s.es0[u] as number;
      changedC.push(u);
    }
  } else if (fullBackward) {
    scheduledFull(g.orderLength, g.order, s.lb, s.fixed, s.alap, s.ls, g.outHead, g.outNext, g.eTo, g.eOff, s.es);
  } else {
    const placementSeeds = [...seeds.forward];
    for (const u of seeds.placement) pushSuccessors(g, u, placementSeeds);
    for (const u of changedB) if (s.alap[u] === 1) pushSuccessors(g, u, placementSeeds);
    forwardIncremental(s, s.es, true, placementSeeds, changedC, []);
  }

  // Roll-ups and totals.
  if (fullBackward) {
    for (let k = 0; k < s.summaryOrder.length; k++) rollUp(s, s.summaryOrder[k] as number, false);
    totalsFull(s);
  } else {
    const dirty: number[] = [];
    pushParents(s, changedB, dirty);
    pushParents(s, changedC, dirty);
    // A duration edit changes the task's finish, and an ALAP flag its start, without moving ES or LS.
    pushParents(s, seeds.rollup, dirty);
    pushParents(s, seeds.placement, dirty);
    rollUpIncremental(s, dirty);
    for (const id of s.touched) {
      s.checksum = (s.checksum + (s.es[id] as number) + (s.ls[id] as number)) | 0;
      if (planStateFloat(s, id) <= 0) s.criticalCount++;
    }
  }
  return { forwardVisited, backwardVisited, fullBackward };
}

function pushSuccessors(g: PlanGraph, u: number, list: number[]): void {
  for (let e = g.outHead[u] as number; e >= 0; e = g.outNext[e] as number) list.push(g.eTo[e] as number);
}

/** The summaries directly above the task nodes among `nodes` (gate and finish nodes have none of their own). */
function pushParents(s: PlannerState, nodes: readonly number[], list: number[]): void {
  for (const u of nodes) if (u < s.taskCount && (s.parent[u] as number) >= 0) list.push(s.parent[u] as number);
}

/**
 * Recomputes `target` (es0, or es with ALAP placement) for the seeds and everything downstream whose value changes,
 * in topological order: each node pulls the max over its incoming edges (a manual node takes its day), and pushes
 * its successors only when its value changed. Records changed nodes and their old values; returns the nodes visited.
 */
function forwardIncremental(s: PlannerState, target: Int32Array, placed: boolean, seeds: readonly number[], changed: number[], old: number[]): number {
  const g = s.graph;
  const { pos, inHead, inNext, eFrom, eOff, outHead, outNext, eTo } = g;
  const { heap, heapMark, lb, fixed, alap, ls } = s;
  const stamp = ++s.heapStamp;
  let size = 0;
  for (const u of seeds) {
    if (heapMark[u] === stamp) continue;
    heapMark[u] = stamp;
    size = heapPush(heap, size, pos, u, 1);
  }
  let visited = 0;
  while (size > 0) {
    const u = heap[0] as number;
    size = heapPop(heap, size, pos, 1);
    visited++;
    let value = fixed[u] as number;
    // A manual task's violation depends on its predecessors, which is why it is being looked at.
    if (value !== NO_DAY) planStateRecheck(s, u);
    else {
      value = lb[u] as number;
      for (let e = inHead[u] as number; e >= 0; e = inNext[e] as number) {
        const p = eFrom[e] as number;
        let start = target[p] as number;
        if (placed && alap[p] === 1 && (ls[p] as number) > start) start = ls[p] as number;
        const bound = (start + (eOff[e] as number)) | 0;
        if (bound > value) value = bound;
      }
    }
    if (value === target[u]) continue;
    if (placed && u < s.taskCount) planStateTouch(s, u);
    changed.push(u);
    old.push(target[u] as number);
    target[u] = value;
    for (let e = outHead[u] as number; e >= 0; e = outNext[e] as number) {
      const v = eTo[e] as number;
      if (heapMark[v] === stamp) continue;
      heapMark[v] = stamp;
      size = heapPush(heap, size, pos, v, 1);
    }
  }
  return visited;
}

/** The backward counterpart: latest position first, each node pulls the min over its outgoing edges, T − d and ub. */
function backwardIncremental(s: PlannerState, seeds: readonly number[], changed: number[]): number {
  const g = s.graph;
  const { pos, inHead, inNext, eFrom, eOff, outHead, outNext, eTo } = g;
  const { heap, heapMark, ub, dur, ls } = s;
  const finish = s.finish;
  const stamp = ++s.heapStamp;
  let size = 0;
  for (const u of seeds) {
    if (heapMark[u] === stamp) continue;
    heapMark[u] = stamp;
    size = heapPush(heap, size, pos, u, -1);
  }
  let visited = 0;
  while (size > 0) {
    const u = heap[0] as number;
    size = heapPop(heap, size, pos, -1);
    visited++;
    let late = (finish - (dur[u] as number)) | 0;
    const upper = ub[u] as number;
    if (upper < late) late = upper;
    for (let e = outHead[u] as number; e >= 0; e = outNext[e] as number) {
      const bound = ((ls[eTo[e] as number] as number) - (eOff[e] as number)) | 0;
      if (bound < late) late = bound;
    }
    if (late === ls[u]) continue;
    if (u < s.taskCount) planStateTouch(s, u);
    changed.push(u);
    ls[u] = late;
    for (let e = inHead[u] as number; e >= 0; e = inNext[e] as number) {
      const v = eFrom[e] as number;
      if (heapMark[v] === stamp) continue;
      heapMark[v] = stamp;
      size = heapPush(heap, size, pos, v, -1);
    }
  }
  return visited;
}

/** Rolls up the dirty summaries deepest first, and their parents when they change. */
function rollUpIncremental(s: PlannerState, dirty: number[]): void {
  if (dirty.length === 0) return;
  const { heap, heapMark, depth } = s;
  const stamp = ++s.heapStamp;
  let size = 0;
  const push = (id: number) => {
    if (heapMark[id] === stamp) return;
    heapMark[id] = stamp;
    size = heapPush(heap, size, depth, id, -1);
  };
  for (const id of dirty) push(id);
  while (size > 0) {
    const id = heap[0] as number;
    size = heapPop(heap, size, depth, -1);
    if (rollUp(s, id, true) && (s.parent[id] as number) >= 0) push(s.parent[id] as number);
  }
}

// A binary heap of node ids ordered by sign · key[id] (sign 1: smallest key first; −1: largest first).

function heapPush(heap: Int32Array, size: number, key: Int32Array, u: number, sign: number): number {
  let i = size;
  const k = sign * (key[u] as number);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as number;
    if (sign * (key[p] as number) <= k) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = u;
  return size + 1;
}

function heapPop(heap: Int32Array, size: number, key: Int32Array, sign: number): number {
  const last = size - 1;
  if (last === 0) return 0;
  const u = heap[last] as number;
  const k = sign * (key[u] as number);
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= last) break;
    const right = child + 1;
    if (right < last && sign * (key[heap[right] as number] as number) < sign * (key[heap[child] as number] as number)) child = right;
    if (sign * (key[heap[child] as number] as number) >= k) break;
    heap[i] = heap[child] as number;
    i = child;
  }
  heap[i] = u;
  return last;
}
