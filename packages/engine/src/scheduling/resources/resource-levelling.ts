/**
 * Resource levelling: delay tasks until no work resource is loaded above what it has on any day, without splitting
 * tasks and without breaking a link. A deterministic serial heuristic in the spirit of MS Project's levelling
 * ("level within available slack" first, then beyond it unless forbidden):
 *
 * 1. The plan is scheduled by the planner with one extra zero-duration *anchor* per levellable task: a manually
 *    scheduled milestone linked FS 0 to the task. Moving an anchor to day s makes the task start no earlier than s
 *    while keeping its own constraint, deadline and links — a levelling delay, as MS Project keeps one per task.
 * 2. Tasks are taken one at a time among those whose predecessors (through links and summaries) are all placed,
 *    highest priority first, then least total float, then earliest start, then lowest id (the before-schedule's float
 *    and start, so the order depends on nothing but the plan). Each task goes to the first day, at or after the
 *    start its links now give it, where every work resource it uses has room on every day of it; its anchor is moved
 *    there and the planner reschedules its successors incrementally. With `withinSlackOnly` a task may not start
 *    after its late start (so the project finish never moves); one that does not fit stays where it is and is listed.
 * 3. Tasks that are never delayed keep their days, which are reserved first: manually scheduled tasks, tasks with a
 *    must-start-on or must-finish-on constraint, as-late-as-possible tasks (placed by the planner at their late
 *    dates), and tasks of priority 1000 ("do not level", as in MS Project). A task with an assignment above the
 *    resource's max units can never fit: it is listed, and levelled as if it used the whole resource (so the other
 *    tasks move around it). Material and cost resources are never levelled.
 *
 * The input is never changed: undo is dropping the result. The result says, per task, the start and finish before
 * and after, what could not be levelled and why, and the over-allocations before and after.
 */
import { SCHEDULE_CONSTRAINT_CODES } from "../schedule-constraint";
import type { ScheduleOutcome } from "../schedule-errors";
import { SCHEDULE_NO_DAY, type SchedulePlanError, type SchedulePlanInput } from "../schedule-plan-input";
import { type SchedulePlannerTask, type ScheduleViolation, schedulePlannerCreate, schedulePlannerEdit, schedulePlannerTask } from "../schedule-planner";
import type { DayNumber, TaskIndex, WorkDays } from "../schedule-units";
import { type ResourceOverAllocation, resourceLoadCompute, resourceOverAllocations } from "./resource-load";
import { type AssignmentSpec, type ResourceInputError, type ResourceModel, type ResourceSpec, resourceCapacityMilli, resourceModelBuild } from "./resource-model";

/** MS Project's default task priority; 1000 means "do not level". */
export const RESOURCE_PRIORITY_DEFAULT = 500;
export const RESOURCE_PRIORITY_DO_NOT_LEVEL = 1000;

/**
 * What to level: a plan (the planner's input), its resources and assignments, and optional task priorities by task
 * id (0–1000, default 500; higher is placed first, 1000 is never delayed).
 *
 * @example
 * const input: ResourceLevelInput = { plan, resources: [{ id: "li", maxUnits: 1 }],
 *   assignments: [{ task: 0, resource: "li", units: 1 }, { task: 1, resource: "li", units: 1 }] };
 */
export type ResourceLevelInput = {
  readonly plan: SchedulePlanInput;
  readonly resources: readonly ResourceSpec[];
  readonly assignments: readonly AssignmentSpec[];
  readonly priorities?: ArrayLike<number>;
};

/**
 * `withinSlackOnly`: delay tasks only within their total float, so the project finish does not move (MS Project's
 * "level only within available slack"); what does not fit is listed with reason `no-slack`.
 *
 * @example
 * resourceLevel(input, { withinSlackOnly: true });
 */
export type ResourceLevelOptions = { readonly withinSlackOnly?: boolean };

/**
 * One task before and after levelling: `shift` is how many days later it starts (0 for most tasks).
 *
 * @example
 * ({ id: 1, startBefore: 0, finishBefore: 2, startAfter: 3, finishAfter: 5, shift: 3 });
 */
export type ResourceLevelledTask = {
  readonly id: TaskIndex;
  readonly startBefore: DayNumber;
  readonly finishBefore: DayNumber;
  readonly startAfter: DayNumber;
  readonly finishAfter: DayNumber;
  readonly shift: WorkDays;
};

/**
 * Why a task was not levelled:
 *
 * - `units-above-max`: it needs more of `resourceId` than the resource ever has (e.g. 1.5 of a full-time person);
 * - `no-slack`: with `withinSlackOnly`, it has no room within its float;
 * - `fixed`: a manual task or one with a must-start-on / must-finish-on constraint, involved in an over-allocation
 *   left after levelling;
 * - `alap`: an as-late-as-possible task (placed at its late dates by the planner), involved in one;
 * - `do-not-level`: priority 1000, involved in one.
 *
 * @example
 * ({ taskId: 4, resourceId: "li", reason: "units-above-max", message: "task 4 needs 1.5 units of \"li\", which has at most 1" });
 */
export type ResourceUnlevellableReason = "units-above-max" | "no-slack" | "fixed" | "alap" | "do-not-level";

export type ResourceUnlevellable = {
  readonly taskId: TaskIndex;
  readonly resourceId: string | null;
  readonly reason: ResourceUnlevellableReason;
  readonly message: string;
};

/**
 * The outcome of levelling, for a before/after view:
 *
 * - `tasks`: every task of the plan (summaries with their rolled-up dates), by id; `moved`: the ids that start later;
 * - `levellingStarts`: per task id the day levelling makes it start no earlier than (`SCHEDULE_NO_DAY` if none) —
 *   what a caller keeps to apply the result (e.g. as an SNET constraint or a levelling-delay field);
 * - `finishBefore`, `finishAfter`, `finishChange`: the project finish T;
 * - `overAllocationsBefore` / `overAllocationsAfter`; `unlevellable`: sorted by task id, then resource id;
 * - `violations`: the planner's constraint and deadline violations after levelling (a delay beyond float can make a
 *   task miss a deadline or a finish-no-later-than date).
 *
 * @example
 * ({ finishBefore: 3, finishAfter: 5, finishChange: 2, moved: [1], unlevellable: [], overAllocationsAfter: [], … });
 */
export type ResourceLevelResult = {
  readonly tasks: readonly ResourceLevelledTask[];
  readonly moved: readonly TaskIndex[];
  readonly levellingStarts: Int32Array;
  readonly finishBefore: DayNumber;
  readonly finishAfter: DayNumber;
  readonly finishChange: WorkDays;
  readonly overAllocationsBefore: readonly ResourceOverAllocation[];
  readonly overAllocationsAfter: readonly ResourceOverAllocation[];
  readonly unlevellable: readonly ResourceUnlevellable[];
  readonly violations: readonly ScheduleViolation[];
};

/** Daily loads in milli-units that grow to the right as tasks move later. */
type Reservations = { origin: number; rows: Int32Array[] };

/**
 * What levelling books for assignment a: its units, or the resource's max units when it asks for more. Such an
 * assignment is over-allocated wherever it goes (and listed as such); booking the whole resource lets the other tasks
 * be levelled around it, and placing it like any other task keeps the result conflict-free, so levelling a levelled
 * plan moves nothing.
 */
const bookedMilli = (model: ResourceModel, a: number): number => Math.min(model.assignmentMilli[a] as number, model.maxMilli[model.assignmentResource[a] as number] as number);

function reserve(res: Reservations, model: ResourceModel, t: number, start: number, duration: number, sign: 1 | -1): void {
  for (let a = model.taskAssignmentStart[t] as number; a < (model.taskAssignmentStart[t + 1] as number); a++) {
    const r = model.assignmentResource[a] as number;
    if (model.kinds[r] !== 0) continue;
    const u = sign * bookedMilli(model, a);
    let row = res.rows[r] as Int32Array;
    const end = start + duration - res.origin;
    if (end > row.length) {
      const grown = new Int32Array(Math.max(end, row.length * 2));
      grown.set(row);
      row = grown;
      res.rows[r] = grown;
    }
    for (let k = start - res.origin; k < end; k++) row[k] = (row[k] as number) + u;
  }
}

/** The first start ≥ `from` and ≤ `limit` where every work assignment of task t fits every day, or −1. */
function firstFit(res: Reservations, model: ResourceModel, t: number, from: number, duration: number, limit: number): number {
  const a0 = model.taskAssignmentStart[t] as number;
  const a1 = model.taskAssignmentStart[t + 1] as number;
  let s = from;
  for (;;) {
    if (s > limit) return -1;
    let conflict = -1;
    for (let day = s; day < s + duration && conflict < 0; day++) {
      for (let a = a0; a < a1; a++) {
        const r = model.assignmentResource[a] as number;
        const u = bookedMilli(model, a);
        if (model.kinds[r] !== 0 || u === 0) continue;
        const row = res.rows[r] as Int32Array;
        const k = day - res.origin;
        const used = k < row.length ? (row[k] as number) : 0;
        if (used + u > resourceCapacityMilli(model, r, day)) {
          conflict = day;
          break;
        }
      }
    }
    if (conflict < 0) return s;
    s = conflict + 1;
  }
}

/**
 * Levels the resources of a plan (see the file comment for the method). Refuses an invalid plan or cycle (the
 * planner's errors) and invalid resources or assignments.
 *
 * @example
 * // Tasks 0 (3 days) and 1 (2 days) in parallel, both on Li full time; task 1 has float 1 (a 4-day task 2 beside).
 * const plan = schedulePlanInputFromSpecs([{ id: 0, duration: 3 }, { id: 1, duration: 2 }, { id: 2, duration: 4 }], []);
 * const result = resourceLevel({ plan: plan.value, resources: [{ id: "li" }],
 *   assignments: [{ task: 0, resource: "li", units: 1 }, { task: 1, resource: "li", units: 1 }] });
 * // task 1 (float 2) is delayed past task 0 (float 1): starts on day 3, finishes on day 5; finish 4 → 5
 */
export function resourceLevel(input: ResourceLevelInput, options: ResourceLevelOptions = {}): ScheduleOutcome<ResourceLevelResult, SchedulePlanError | ResourceInputError> {
  const plan = input.plan;
  const n = plan.durations.length;
  const childCount = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const p = plan.parents[t] as number;
    if (p >= 0 && p < n) childCount[p] = (childCount[p] as number) + 1;
  }
  const built = resourceModelBuild(n, (t) => (childCount[t] as number) > 0, input.resources, input.assignments);
  if (!built.ok) return built;
  const model = built.value;
  const priority = (t: number) => {
    const p = input.priorities?.[t];
    return typeof p === "number" && Number.isFinite(p) ? p : RESOURCE_PRIORITY_DEFAULT;
  };

  // Which tasks carry work-resource load, and which of those levelling may delay.
  const NONE = 0;
  const LEVEL = 1;
  const FIXED = 2;
  const ALAP = 3;
  const KEEP = 4;
  const role = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    if ((childCount[t] as number) > 0 || (plan.durations[t] as number) === 0) continue;
    let work = false;
    for (let a = model.taskAssignmentStart[t] as number; a < (model.taskAssignmentStart[t + 1] as number); a++) {
      if (model.kinds[model.assignmentResource[a] as number] === 0 && (model.assignmentMilli[a] as number) > 0) work = true;
    }
    if (!work) continue;
    const c = plan.constraintTypes[t] as number;
    if (plan.manualStarts[t] !== SCHEDULE_NO_DAY || c === SCHEDULE_CONSTRAINT_CODES.MSO || c === SCHEDULE_CONSTRAINT_CODES.MFO) role[t] = FIXED;
    else if (c === SCHEDULE_CONSTRAINT_CODES.ALAP) role[t] = ALAP;
    else if (priority(t) >= RESOURCE_PRIORITY_DO_NOT_LEVEL) role[t] = KEEP;
    else role[t] = LEVEL;
  }

  // The plan with one anchor (a manual milestone, FS 0 into the task) per levellable task.
  const anchorOf = new Int32Array(n).fill(-1);
  let anchors = 0;
  for (let t = 0; t < n; t++) if (role[t] === LEVEL) anchorOf[t] = n + anchors++;
  const total = n + anchors;
  const m = plan.linkFrom.length;
  const grow = <A extends Int32Array | Uint8Array | Float64Array>(src: A, make: (len: number) => A, fill: number, len: number): A => {
    const out = make(len);
    out.set(src as never);
    out.fill(fill, src.length);
    return out;
  };
  const linkFrom = grow(plan.linkFrom, (l) => new Int32Array(l), 0, m + anchors);
  const linkTo = grow(plan.linkTo, (l) => new Int32Array(l), 0, m + anchors);
  for (let t = 0, e = m; t < n; t++) {
    if ((anchorOf[t] as number) < 0) continue;
    linkFrom[e] = anchorOf[t] as number;
    linkTo[e] = t;
    e++;
  }
  const augmented: SchedulePlanInput = {
    durations: grow(plan.durations, (l) => new Int32Array(l), 0, total),
    linkFrom,
    linkTo,
    linkTypes: grow(plan.linkTypes, (l) => new Uint8Array(l), 0, m + anchors),
    linkLags: grow(plan.linkLags, (l) => new Int32Array(l), 0, m + anchors),
    parents: grow(plan.parents, (l) => new Int32Array(l), -1, total),
    constraintTypes: grow(plan.constraintTypes, (l) => new Uint8Array(l), 0, total),
    constraintDays: grow(plan.constraintDays, (l) => new Int32Array(l), 0, total),
    deadlines: grow(plan.deadlines, (l) => new Int32Array(l), SCHEDULE_NO_DAY, total),
    manualStarts: grow(plan.manualStarts, (l) => new Int32Array(l), 0, total),
    work: grow(plan.work, (l) => new Float64Array(l), 0, total),
    cost: grow(plan.cost, (l) => new Float64Array(l), 0, total),
    percentComplete: grow(plan.percentComplete, (l) => new Float64Array(l), 0, total),
  };
  const created = schedulePlannerCreate(augmented);
  if (!created.ok) return created;
  const planner = created.value;
  const finishBefore = planner.schedule.finish;

  const before: SchedulePlannerTask[] = [];
  const startsBefore = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const row = schedulePlannerTask(planner, t as TaskIndex);
    before.push(row);
    startsBefore[t] = row.start;
  }
  const overAllocationsBefore = resourceOverAllocations(model, resourceLoadCompute(model, startsBefore, plan.durations), startsBefore, plan.durations);

  // Precedence among tasks, through summaries: node t for a task, n + 2i / n + 2i + 1 for summary i's gate / finish.
  const summaryIndex = new Int32Array(n).fill(-1);
  let summaries = 0;
  for (let t = 0; t < n; t++) if ((childCount[t] as number) > 0) summaryIndex[t] = summaries++;
  const nodes = n + 2 * summaries;
  const inNode = (t: number) => ((summaryIndex[t] as number) >= 0 ? n + 2 * (summaryIndex[t] as number) : t);
  const outNode = (t: number) => ((summaryIndex[t] as number) >= 0 ? n + 2 * (summaryIndex[t] as number) + 1 : t);
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  for (let e = 0; e < m; e++) {
    edgeFrom.push(outNode(plan.linkFrom[e] as number));
    edgeTo.push(inNode(plan.linkTo[e] as number));
  }
  for (let t = 0; t < n; t++) {
    const p = plan.parents[t] as number;
    if (p < 0) continue;
    edgeFrom.push(inNode(p), outNode(t));
    edgeTo.push(inNode(t), outNode(p));
  }
  for (let i = 0; i < summaries; i++) {
    edgeFrom.push(n + 2 * i);
    edgeTo.push(n + 2 * i + 1);
  }
  const succStart = new Int32Array(nodes + 1);
  const indegree = new Int32Array(nodes);
  for (let e = 0; e < edgeFrom.length; e++) {
    succStart[(edgeFrom[e] as number) + 1] = (succStart[(edgeFrom[e] as number) + 1] as number) + 1;
    indegree[edgeTo[e] as number] = (indegree[edgeTo[e] as number] as number) + 1;
  }
  for (let v = 0; v < nodes; v++) succStart[v + 1] = (succStart[v + 1] as number) + (succStart[v] as number);
  const succ = new Int32Array(edgeFrom.length);
  const fillAt = succStart.slice(0, nodes);
  for (let e = 0; e < edgeFrom.length; e++) {
    const v = edgeFrom[e] as number;
    succ[fillAt[v] as number] = edgeTo[e] as number;
    fillAt[v] = (fillAt[v] as number) + 1;
  }

  // Ready tasks in a binary heap: priority desc, float asc, start asc, id asc.
  const precedes = (a: number, b: number): boolean => {
    const pa = priority(a);
    const pb = priority(b);
    if (pa !== pb) return pa > pb;
    const ra = before[a]?.tf ?? 0;
    const rb = before[b]?.tf ?? 0;
    if (ra !== rb) return ra < rb;
    if (startsBefore[a] !== startsBefore[b]) return (startsBefore[a] as number) < (startsBefore[b] as number);
    return a < b;
  };
  const heap: number[] = [];
  const push = (t: number) => {
    heap.push(t);
    let i = heap.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!precedes(heap[i] as number, heap[up] as number)) break;
      [heap[i], heap[up]] = [heap[up] as number, heap[i] as number];
      i = up;
    }
  };
  const pop = (): number => {
    const top = heap[0] as number;
    const last = heap.pop() as number;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < heap.length && precedes(heap[l] as number, heap[best] as number)) best = l;
        if (r < heap.length && precedes(heap[r] as number, heap[best] as number)) best = r;
        if (best === i) break;
        [heap[i], heap[best]] = [heap[best] as number, heap[i] as number];
        i = best;
      }
    }
    return top;
  };
  const gates: number[] = [];
  const release = (v: number) => {
    for (let k = succStart[v] as number; k < (succStart[v + 1] as number); k++) {
      const w = succ[k] as number;
      indegree[w] = (indegree[w] as number) - 1;
      if (indegree[w] === 0) (w < n ? push : (x: number) => gates.push(x))(w);
    }
  };

  let origin = 0;
  for (let t = 0; t < n; t++) origin = Math.min(origin, startsBefore[t] as number);
  const res: Reservations = { origin, rows: model.ids.map(() => new Int32Array(64)) };
  const placed = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    if (role[t] === NONE || role[t] === LEVEL) continue;
    placed[t] = startsBefore[t] as number;
    reserve(res, model, t, placed[t] as number, plan.durations[t] as number, 1);
  }
  const unlevellable: ResourceUnlevellable[] = [];
  const levellingStarts = new Int32Array(n).fill(SCHEDULE_NO_DAY);
  for (let v = 0; v < nodes; v++) if (indegree[v] === 0) (v < n ? push : (x: number) => gates.push(x))(v);
  while (heap.length > 0 || gates.length > 0) {
    if (gates.length > 0) {
      release(gates.pop() as number);
      continue;
    }
    const t = pop();
    const d = plan.durations[t] as number;
    if (role[t] !== NONE) {
      const now = schedulePlannerTask(planner, t as TaskIndex).start as number;
      if (role[t] !== LEVEL) {
        if (now !== placed[t]) {
          reserve(res, model, t, placed[t] as number, d, -1);
          placed[t] = now;
          reserve(res, model, t, now, d, 1);
        }
      } else {
        for (let a = model.taskAssignmentStart[t] as number; a < (model.taskAssignmentStart[t + 1] as number); a++) {
          const r = model.assignmentResource[a] as number;
          if (model.kinds[r] === 0 && (model.assignmentMilli[a] as number) > (model.maxMilli[r] as number)) {
            const id = model.ids[r] as string;
            const units = (model.assignmentMilli[a] as number) / 1000;
            unlevellable.push({
              taskId: t as TaskIndex,
              resourceId: id,
              reason: "units-above-max",
              message: `task ${t} needs ${units} units of "${id}", which has at most ${(model.maxMilli[r] as number) / 1000}`,
            });
          }
        }
        let start = now;
        const limit = options.withinSlackOnly === true ? (planner.schedule.lateStart[t] as number) : Number.POSITIVE_INFINITY;
        const fit = firstFit(res, model, t, now, d, limit);
        if (fit < 0) {
          unlevellable.push({
            taskId: t as TaskIndex,
            resourceId: null,
            reason: "no-slack",
            message: `task ${t} has no room for its resources within its float (late start ${planner.schedule.lateStart[t] as number})`,
          });
        } else if (fit > now) {
          const edited = schedulePlannerEdit(planner, { kind: "manual", task: anchorOf[t] as number, manualStart: fit });
          // Moving a manual milestone with no predecessors cannot be refused.
          if (!edited.ok) throw new Error(`resourceLevel: ${edited.error.message}`);
          levellingStarts[t] = fit;
          start = fit;
        }
        placed[t] = start;
        reserve(res, model, t, start, d, 1);
      }
    }
    release(t);
  }

  const tasks: ResourceLevelledTask[] = [];
  const moved: TaskIndex[] = [];
  const startsAfter = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const b = before[t] as (typeof before)[number];
    const a = schedulePlannerTask(planner, t as TaskIndex);
    startsAfter[t] = a.start;
    const shift = (a.start - b.start) as WorkDays;
    if (shift !== 0) moved.push(t as TaskIndex);
    tasks.push({ id: t as TaskIndex, startBefore: b.start, finishBefore: b.finish, startAfter: a.start, finishAfter: a.finish, shift });
  }
  const overAllocationsAfter = resourceOverAllocations(model, resourceLoadCompute(model, startsAfter, plan.durations), startsAfter, plan.durations);
  const listed = new Set(unlevellable.map((u) => u.taskId as number));
  for (const over of overAllocationsAfter) {
    for (const t of over.taskIds) {
      if (listed.has(t) || role[t] === LEVEL) continue;
      listed.add(t);
      const reason: ResourceUnlevellableReason = role[t] === FIXED ? "fixed" : role[t] === ALAP ? "alap" : "do-not-level";
      const why = reason === "fixed" ? "is manually scheduled or must start / finish on a date" : reason === "alap" ? "is scheduled as late as possible" : "has priority 1000 (do not level)";
      unlevellable.push({ taskId: t, resourceId: over.resourceId, reason, message: `task ${t} ${why}, so levelling does not move it` });
    }
  }
  unlevellable.sort((x, y) => x.taskId - y.taskId || ((x.resourceId ?? "") < (y.resourceId ?? "") ? -1 : (x.resourceId ?? "") > (y.resourceId ?? "") ? 1 : 0));
  const finishAfter = planner.schedule.finish;
  return {
    ok: true,
    value: {
      tasks,
      moved,
      levellingStarts,
      finishBefore,
      finishAfter,
      finishChange: (finishAfter - finishBefore) as WorkDays,
      overAllocationsBefore,
      overAllocationsAfter,
      unlevellable,
      violations: planner.schedule.violations.filter((v) => v.taskId < n),
    },
  };
}
