/**
 * The planner: the critical path method with everything a project plan adds to the core — date constraints (MS
 * Project's eight) and deadlines, summary tasks (an outline with rolled-up dates, work, cost and % complete),
 * manually scheduled tasks — and incremental rescheduling after one edit (a duration, a link added or removed, a
 * constraint, a deadline, a manual start): only the tasks the edit can move are recomputed.
 *
 * Semantics (docs/scheduling.md has the tables and worked examples):
 *
 * - Links, the early/late passes and day numbers are the core's (shared/scheduling/README.md); a plan with no
 *   outline, constraints, deadlines or manual tasks gets exactly the core's schedule (property-tested).
 * - **Constraints.** SNET / FNET / MSO / MFO raise the early start; SNLT / FNLT / MSO / MFO lower the late start.
 *   Links win over constraints: when predecessors push a task past an upper bound the task still starts where its
 *   links allow, the constraint is listed as violated (by how many days) and the task and its predecessors get
 *   negative total float. (This is MS Project with "tasks will always honor their constraint dates" turned off: a
 *   violated constraint is never hidden behind a broken link.) The late finish is capped by the project finish T,
 *   as in the core.
 * - **Deadlines** lower the late finish only; a finish after the deadline is listed as a miss.
 * - **ALAP** tasks are placed at their late dates (start = max(ES, LS)), and their successors are scheduled from
 *   that placement, so an ALAP task uses up the float of the chain after it (as in MS Project). This never moves T
 *   or any late date.
 * - **Manual** tasks start on their given day whatever their links and constraint; their dates drive successors;
 *   when their predecessors would start them later, that is listed (kind "manual", by how many days).
 * - **Summary tasks** are scheduled through two zero-duration nodes each: a *start gate* that every task under the
 *   summary follows (SS 0) and that links into the summary and its SNET bound, and a *finish node* that follows
 *   every task under it (FF 0) and from which links out of the summary, its FNLT and its deadline act. A summary
 *   reports the earliest start and latest finish under it, ES/LS the earliest under it, EF/LF the latest, TF the
 *   smallest; work and cost are sums, % complete is weighted by duration.
 * - A task is **critical** when its total float is ≤ 0.
 *
 * This file is the API; the state lives in `plan-state.ts`, the computations in `plan-passes.ts`, the graph in
 * `plan-graph.ts`.
 */
import { type LinkType, linkTypeFromName } from "./link-type";
import type { ScheduleConstraint, ScheduleConstraintType } from "./schedule-constraint";
import type { ScheduleOutcome } from "./schedule-errors";
import {
  SCHEDULE_NO_DAY,
  type SchedulePlanError,
  type SchedulePlanInput,
  type SchedulePlanInputError,
  schedulePlanConstraintColumns,
  schedulePlanDayColumn,
  schedulePlanInputCheck,
  schedulePlanInputError,
  schedulePlanLinkProblem,
  schedulePlanSummaryConstraintProblem,
} from "./schedule-plan-input";
import { planGraphAddEdge, planGraphOrderInsert, planGraphRemoveEdge } from "./plan-graph";
import { planComputeFull, planPublish, planReschedule, type Seeds } from "./plan-passes";
import { type PlannerState, planStateBuild, planStateCycleError, planEdgeOffset, planStateRecheck, planStateSetBounds, planStateStart } from "./plan-state";
import { type DayNumber, SCHEDULE_MAX_DAYS, type TaskIndex, type WorkDays } from "./schedule-units";

const NO_DAY = SCHEDULE_NO_DAY;

/**
 * Why a task is listed: a constraint it could not keep (SNLT, FNLT, MSO, MFO; SNET and FNET are always kept, since
 * they only push the task later), a missed deadline, or a manually scheduled task that its predecessors would start
 * later.
 *
 * @example
 * const kind: ScheduleViolationKind = "deadline";
 */
export type ScheduleViolationKind = ScheduleConstraintType | "deadline" | "manual";

/**
 * One violation: the task, what it breaks, the day in question (the constraint's day, the deadline, the manual
 * start) and by how many days (> 0): how late the start is (SNLT, MSO), how late the finish is (FNLT, MFO,
 * deadline), or how much later the links would start the manual task.
 *
 * @example
 * // task 3 (4 days) must finish on day 10, but its predecessor finishes on day 8 (FS): EF = 12
 * ({ taskId: 3, kind: "MFO", day: 10, by: 2 });
 */
export type ScheduleViolation = {
  readonly taskId: TaskIndex;
  readonly kind: ScheduleViolationKind;
  readonly day: DayNumber;
  readonly by: WorkDays;
};

/**
 * The schedule of a plan as the planner holds it after its last computation. `finish`, `criticalCount` and
 * `checksum` are as in the core (the checksum sums ES + LS over every task, summaries included); `earlyStart` and
 * `lateStart` are views by task id over the planner's buffers (the next edit overwrites them); for a summary they
 * hold the earliest ES / LS under it. Per-task rows: `schedulePlannerTask`.
 *
 * @example
 * // README example as a plan, with task 5 constrained to finish no later than day 9
 * ({ finish: 10, criticalCount: 5, violations: [{ taskId: 5, kind: "FNLT", day: 9, by: 1 }] });
 */
export type SchedulePlannerSchedule = {
  readonly taskCount: number;
  readonly linkCount: number;
  readonly finish: DayNumber;
  readonly criticalCount: number;
  readonly checksum: number;
  readonly earlyStart: Int32Array;
  readonly lateStart: Int32Array;
  readonly violations: readonly ScheduleViolation[];
};

/**
 * One task of a computed plan, as plain data for the edges (API responses, the Gantt chart).
 *
 * - `start` / `finish`: where the task is scheduled (its bar): ES / EF, except for an ALAP task (its late dates,
 *   when it has float) and a summary (the earliest start and latest finish under it);
 * - `es`, `ef`, `ls`, `lf`, `tf`: the early and late dates and total float (negative when a constraint or deadline
 *   cannot be kept); `critical` is `tf ≤ 0`;
 * - `duration`: as given; for a summary, `finish − start`;
 * - `work`, `cost`, `percentComplete`: as given; rolled up for a summary.
 *
 * @example
 * ({ id: 6, kind: "task", manual: false, start: 0, finish: 9, es: 0, ef: 9, ls: 1, lf: 10, tf: 1, critical: false,
 *    duration: 9, work: 0, cost: 0, percentComplete: 0 });
 */
export type SchedulePlannerTask = {
  readonly id: TaskIndex;
  readonly kind: "task" | "milestone" | "summary";
  readonly manual: boolean;
  readonly start: DayNumber;
  readonly finish: DayNumber;
  readonly es: DayNumber;
  readonly ef: DayNumber;
  readonly ls: DayNumber;
  readonly lf: DayNumber;
  readonly tf: WorkDays;
  readonly critical: boolean;
  readonly duration: WorkDays;
  readonly work: number;
  readonly cost: number;
  readonly percentComplete: number;
};

/**
 * A link of the plan with its index (the index edits use; indices of removed links are not reused).
 *
 * @example
 * ({ index: 7, from: 0, to: 6, type: "FF", lag: 0 });
 */
export type SchedulePlannerLink = { readonly index: number; readonly from: TaskIndex; readonly to: TaskIndex; readonly type: LinkType; readonly lag: WorkDays };

/**
 * One edit. `task` and `from` / `to` are task ids; `link` is a link index (`schedulePlannerLinks`); days and
 * durations are whole days; `null` clears a constraint (back to ASAP), a deadline, or a manual start (back to
 * automatic scheduling).
 *
 * @example
 * const edits: SchedulePlannerEdit[] = [
 *   { kind: "duration", task: 3, duration: 6 },
 *   { kind: "add-link", from: 4, to: 5, type: "FS", lag: 0 },
 *   { kind: "remove-link", link: 2 },
 *   { kind: "constraint", task: 5, constraint: { type: "MSO", day: 12 as DayNumber } },
 *   { kind: "deadline", task: 5, deadline: 15 },
 *   { kind: "manual", task: 1, manualStart: 4 },
 * ];
 */
export type SchedulePlannerEdit =
  | { readonly kind: "duration"; readonly task: number; readonly duration: number }
  | { readonly kind: "add-link"; readonly from: number; readonly to: number; readonly type: LinkType; readonly lag: number }
  | { readonly kind: "remove-link"; readonly link: number }
  | { readonly kind: "constraint"; readonly task: number; readonly constraint: ScheduleConstraint | null }
  | { readonly kind: "deadline"; readonly task: number; readonly deadline: number | null }
  | { readonly kind: "manual"; readonly task: number; readonly manualStart: number | null };

/**
 * What an edit did: the updated schedule, the index of an added link, and how much was recomputed — the nodes the
 * forward and backward passes visited (tasks plus two nodes per summary) and whether the backward pass had to run in
 * full (it does when the project finish T moves, since every late date hanging off T moves with it).
 *
 * @example
 * ({ schedule, link: undefined, forwardVisited: 3, backwardVisited: 5, fullBackward: false });
 */
export type SchedulePlannerEditResult = {
  readonly schedule: SchedulePlannerSchedule;
  readonly link: number | undefined;
  readonly forwardVisited: number;
  readonly backwardVisited: number;
  readonly fullBackward: boolean;
};

/**
 * A plan loaded for scheduling and editing: create it with `schedulePlannerCreate`, change it with
 * `schedulePlannerEdit`, read it with `schedulePlannerTask` / `schedulePlannerTasks`. It owns its buffers (copies of
 * the input) and updates them in place, like the core's `ScheduleNetwork`; `schedule` is the latest result.
 *
 * @example
 * const created = schedulePlannerCreate(plan);
 * if (!created.ok) throw new Error(created.error.message);
 * const planner = created.value;
 * planner.schedule.finish; // T
 */
export type SchedulePlanner = { readonly taskCount: number; readonly schedule: SchedulePlannerSchedule };

/**
 * Checks `plan` (`schedulePlanInputCheck`), builds its graph and computes its schedule. Refuses an invalid plan, or
 * a cycle (naming its tasks; a summary in a cycle stands for the tasks under it).
 *
 * @example
 * // Phase 0 holds tasks 1 (3 days) and 2 (2 days, FS after 1); task 3 follows the phase (FS).
 * const plan = schedulePlanInputFromSpecs(
 *   [{ id: 0, duration: 0 }, { id: 1, duration: 3, parent: 0 }, { id: 2, duration: 2, parent: 0 }, { id: 3, duration: 1 }],
 *   [{ from: 1, to: 2, type: "FS", lag: 0 }, { from: 0, to: 3, type: "FS", lag: 0 }],
 * );
 * const planner = plan.ok && schedulePlannerCreate(plan.value);
 * // planner.value.schedule.finish: 6; schedulePlannerTask(planner.value, 0): start 0, finish 5, duration 5, summary
 */
export function schedulePlannerCreate(plan: SchedulePlanInput): ScheduleOutcome<SchedulePlanner, SchedulePlanError> {
  const invalid = schedulePlanInputCheck(plan);
  if (invalid !== undefined) return { ok: false, error: invalid };
  const state = planStateBuild(plan);
  const cycle = planComputeFull(state);
  if (cycle !== undefined) return { ok: false, error: cycle };
  return { ok: true, value: state };
}

/**
 * Applies one edit and reschedules only what it can move: the forward pass from the edited task's successors in
 * topological order (a heap keyed by position), the backward pass from its predecessors (or in full when T moves),
 * ALAP placement downstream of the ALAP tasks whose late dates moved, and the roll-ups of the summaries above the
 * tasks that moved. An edit that is refused (invalid, or a link that would close a cycle) changes nothing.
 *
 * @example
 * const edited = schedulePlannerEdit(planner, { kind: "duration", task: 6, duration: 11 });
 * if (!edited.ok) throw new Error(edited.error.message);
 * edited.value.schedule.finish; // 11: task 6 (FF from task 0) now ends after task 5
 * schedulePlannerEdit(planner, { kind: "add-link", from: 5, to: 1, type: "SS", lag: 0 });
 * // { ok: false, error: { kind: "cycle", taskIds: [1, 3, 5], message: "dependency cycle: 1 -> 3 -> 5 -> 1" } }
 */
export function schedulePlannerEdit(planner: SchedulePlanner, edit: SchedulePlannerEdit): ScheduleOutcome<SchedulePlannerEditResult, SchedulePlanError> {
  const s = planner as PlannerState;
  const seeds: Seeds = { forward: [], backward: [], placement: [], rollup: [], alapBefore: s.alapCount, durationNode: -1, durationOldEnd: 0 };
  let link: number | undefined;
  const g = s.graph;
  switch (edit.kind) {
    case "duration": {
      const id = edit.task;
      const bad = taskIdProblem(s, id, "task");
      if (bad !== undefined) return { ok: false, error: bad };
      const where = `task ${id}`;
      if ((s.childCount[id] as number) > 0) {
        return fail("summary-duration", "duration", where, "is a summary task: its duration comes from the tasks under it");
      }
      const duration = edit.duration;
      if (typeof duration !== "number" || !Number.isInteger(duration)) return fail("non-integer-duration", "duration", where, `duration ${String(duration)} is not a whole number of days`);
      if (duration < 0) return fail("negative-duration", "duration", where, `duration ${duration} is negative (a whole number of days ≥ 0, 0 for a milestone)`);
      const old = s.taskDuration[id] as number;
      if (s.magnitude - old + duration > SCHEDULE_MAX_DAYS) return fail("too-large", "duration", where, `duration ${duration} would take durations and |lags| beyond ${SCHEDULE_MAX_DAYS} days`);
      if (duration === old) break;
      s.magnitude += duration - old;
      seeds.durationNode = id;
      seeds.durationOldEnd = (s.es0[id] as number) + old;
      const delta = duration - old;
      s.taskDuration[id] = duration;
      s.dur[id] = duration;
      seeds.forward.push(id);
      seeds.backward.push(id);
      for (let e = g.outHead[id] as number; e >= 0; e = g.outNext[e] as number) {
        if (((g.eType[e] as number) & 1) === 0) g.eOff[e] = (g.eOff[e] as number) + delta;
        seeds.forward.push(g.eTo[e] as number);
      }
      for (let e = g.inHead[id] as number; e >= 0; e = g.inNext[e] as number) {
        if (((g.eType[e] as number) & 2) !== 0) g.eOff[e] = (g.eOff[e] as number) - delta;
        seeds.backward.push(g.eFrom[e] as number);
      }
      planStateSetBounds(s, id);
      seeds.rollup.push(id);
      planStateRecheck(s, id);
      break;
    }
    case "add-link": {
      const { from, to, lag } = edit;
      const badEnd = taskIdProblem(s, from, "from") ?? taskIdProblem(s, to, "to");
      if (badEnd !== undefined) return { ok: false, error: badEnd };
      const where = `link ${from} -> ${to}`;
      if (from === to) return fail("self-link", "from", where, `task ${from} links to itself`);
      const type = linkTypeFromName(edit.type);
      if (type === undefined) return fail("unknown-link-type", "type", where, `unknown link type ${JSON.stringify(edit.type) ?? "nothing"} (expected FS, SS, FF or SF)`);
      if (typeof lag !== "number" || !Number.isInteger(lag)) return fail("non-integer-lag", "lag", where, `lag ${String(lag)} is not a whole number of days`);
      const size = lag < 0 ? -lag : lag;
      if (s.magnitude + size > SCHEDULE_MAX_DAYS) return fail("too-large", "lag", where, `lag ${lag} would take durations and |lags| beyond ${SCHEDULE_MAX_DAYS} days`);
      const problem = schedulePlanLinkProblem(s.parent, s.childCount, from, to, type);
      if (problem !== undefined) return fail("summary-link", problem.type ? "type" : "from", where, problem.message);
      const fromNode = (s.childCount[from] as number) > 0 ? (s.finishOf[from] as number) : from;
      const toNode = (s.childCount[to] as number) > 0 ? (s.gateOf[to] as number) : to;
      const cycle = planGraphOrderInsert(g, fromNode, toNode);
      if (cycle !== undefined) return { ok: false, error: planStateCycleError(s, cycle) };
      const e = planGraphAddEdge(g, fromNode, toNode, type, lag, planEdgeOffset(type, lag, s.dur[fromNode] as number, s.dur[toNode] as number));
      if (s.linkTop === s.linkEdge.length) {
        const wider = new Int32Array(s.linkEdge.length * 2);
        wider.set(s.linkEdge);
        s.linkEdge = wider;
      }
      link = s.linkTop++;
      s.linkEdge[link] = e;
      s.linkAlive++;
      s.magnitude += size;
      seeds.forward.push(toNode);
      seeds.backward.push(fromNode);
      break;
    }
    case "remove-link": {
      const index = edit.link;
      if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= s.linkTop || (s.linkEdge[index] as number) < 0) {
        return fail("unknown-link", "link", `link ${String(index)}`, "is not a link of the plan (never added, or removed)");
      }
      const e = s.linkEdge[index] as number;
      const fromNode = g.eFrom[e] as number;
      const toNode = g.eTo[e] as number;
      const lag = g.eLag[e] as number;
      s.magnitude -= lag < 0 ? -lag : lag;
      planGraphRemoveEdge(g, e);
      s.linkEdge[index] = -1;
      s.linkAlive--;
      seeds.forward.push(toNode);
      seeds.backward.push(fromNode);
      break;
    }
    case "constraint":
    case "deadline":
    case "manual": {
      const id = edit.task;
      const bad = taskIdProblem(s, id, "task");
      if (bad !== undefined) return { ok: false, error: bad };
      const where = `task ${id}`;
      const summary = (s.childCount[id] as number) > 0;
      if (edit.kind === "constraint") {
        const columns = schedulePlanConstraintColumns(edit.constraint, where);
        if (!columns.ok) return columns;
        const problem = summary ? schedulePlanSummaryConstraintProblem(columns.value.code, NO_DAY) : undefined;
        if (problem !== undefined) return fail(problem.code, "constraint", where, problem.message);
        s.constraintType[id] = columns.value.code;
        s.constraintDay[id] = columns.value.day;
      } else if (edit.kind === "deadline") {
        const day = schedulePlanDayColumn(edit.deadline, "deadline", where);
        if (!day.ok) return day;
        s.deadline[id] = day.value;
      } else {
        const day = schedulePlanDayColumn(edit.manualStart, "manualStart", where);
        if (!day.ok) return day;
        if (summary && day.value !== NO_DAY) {
          return fail("summary-manual", "manualStart", where, "is a summary task, scheduled from the tasks under it; it cannot be manually scheduled");
        }
        s.manualStart[id] = day.value;
      }
      const alapBefore = s.alap[id] as number;
      planStateSetBounds(s, id);
      const nodes = summary ? [s.gateOf[id] as number, s.finishOf[id] as number] : [id];
      seeds.forward.push(...nodes);
      seeds.backward.push(...nodes);
      if ((s.alap[id] as number) !== alapBefore) seeds.placement.push(id);
      planStateRecheck(s, id);
      break;
    }
    default: {
      // Only reachable from untyped callers (a JSON body passed through).
      const kind: unknown = (edit as { readonly kind?: unknown }).kind;
      return fail("not-an-object", "kind", "edit", `unknown edit kind ${JSON.stringify(kind) ?? "nothing"} (expected duration, add-link, remove-link, constraint, deadline or manual)`);
    }
  }
  const visited = planReschedule(s, seeds);
  planPublish(s, visited.fullBackward);
  return { ok: true, value: { schedule: s.schedule, link, ...visited } };
}

function taskIdProblem(s: PlannerState, id: unknown, field: string): SchedulePlanInputError | undefined {
  if (typeof id === "number" && Number.isInteger(id) && id >= 0 && id < s.taskCount) return undefined;
  const range = s.taskCount === 0 ? "there are no tasks" : `task ids are 0..${s.taskCount - 1}`;
  return schedulePlanInputError("unknown-task", field, `${field} ${String(id)}`, `is not a task id (${range})`);
}

function fail(...args: Parameters<typeof schedulePlanInputError>): { ok: false; error: SchedulePlanInputError } {
  return { ok: false, error: schedulePlanInputError(...args) };
}

/**
 * Task `id` of the latest schedule as a plain object.
 *
 * @example
 * schedulePlannerTask(planner, 6 as TaskIndex);
 * // { id: 6, kind: "task", manual: false, start: 0, finish: 9, es: 0, ef: 9, ls: 1, lf: 10, tf: 1, critical: false, … }
 */
export function schedulePlannerTask(planner: SchedulePlanner, id: TaskIndex): SchedulePlannerTask {
  const s = planner as PlannerState;
  const es = s.es[id] as number;
  const ls = s.ls[id] as number;
  if ((s.childCount[id] as number) > 0) {
    const start = s.rStart[id] as number;
    const finish = s.rFinish[id] as number;
    const tf = s.rTf[id] as number;
    return {
      id,
      kind: "summary",
      manual: false,
      start: start as DayNumber,
      finish: finish as DayNumber,
      es: es as DayNumber,
      ef: s.rEf[id] as DayNumber,
      ls: ls as DayNumber,
      lf: s.rLf[id] as DayNumber,
      tf: tf as WorkDays,
      critical: tf <= 0,
      duration: (finish - start) as WorkDays,
      work: s.rWork[id] as number,
      cost: s.rCost[id] as number,
      percentComplete: s.rPercent[id] as number,
    };
  }
  const d = s.taskDuration[id] as number;
  const start = planStateStart(s, id);
  return {
    id,
    kind: d === 0 ? "milestone" : "task",
    manual: s.manualStart[id] !== NO_DAY,
    start: start as DayNumber,
    finish: (start + d) as DayNumber,
    es: es as DayNumber,
    ef: (es + d) as DayNumber,
    ls: ls as DayNumber,
    lf: (ls + d) as DayNumber,
    tf: (ls - es) as WorkDays,
    critical: ls - es <= 0,
    duration: d as WorkDays,
    work: s.work[id] as number,
    cost: s.cost[id] as number,
    percentComplete: s.percent[id] as number,
  };
}

/**
 * Every task of the latest schedule, by id.
 *
 * @example
 * schedulePlannerTasks(planner).filter((t) => t.critical).map((t) => t.id); // the critical tasks
 */
export function schedulePlannerTasks(planner: SchedulePlanner): SchedulePlannerTask[] {
  const rows: SchedulePlannerTask[] = [];
  for (let id = 0; id < planner.taskCount; id++) rows.push(schedulePlannerTask(planner, id as TaskIndex));
  return rows;
}

/**
 * The links of the plan now, by index (removed links left out).
 *
 * @example
 * schedulePlannerLinks(planner)[0]; // { index: 0, from: 0, to: 1, type: "FS", lag: 2 }
 */
export function schedulePlannerLinks(planner: SchedulePlanner): SchedulePlannerLink[] {
  const s = planner as PlannerState;
  const g = s.graph;
  const links: SchedulePlannerLink[] = [];
  const names: readonly LinkType[] = ["FS", "SS", "FF", "SF"];
  for (let index = 0; index < s.linkTop; index++) {
    const e = s.linkEdge[index] as number;
    if (e < 0) continue;
    links.push({
      index,
      from: s.nodeTask[g.eFrom[e] as number] as TaskIndex,
      to: s.nodeTask[g.eTo[e] as number] as TaskIndex,
      type: names[g.eType[e] as number] as LinkType,
      lag: g.eLag[e] as WorkDays,
    });
  }
  return links;
}

/**
 * The plan as it stands after the edits, as fresh columns (links in index order, removed ones left out): to save
 * it, or to schedule it again from scratch.
 *
 * @example
 * const again = schedulePlannerCreate(schedulePlannerInput(planner)); // the same schedule (property-tested)
 */
export function schedulePlannerInput(planner: SchedulePlanner): SchedulePlanInput {
  const s = planner as PlannerState;
  const links = schedulePlannerLinks(planner);
  return {
    durations: s.taskDuration.slice(),
    linkFrom: Int32Array.from(links, (l) => l.from),
    linkTo: Int32Array.from(links, (l) => l.to),
    linkTypes: Uint8Array.from(links, (l) => linkTypeFromName(l.type) ?? 0),
    linkLags: Int32Array.from(links, (l) => l.lag),
    parents: s.parent.slice(),
    constraintTypes: s.constraintType.slice(),
    constraintDays: s.constraintDay.slice(),
    deadlines: s.deadline.slice(),
    manualStarts: s.manualStart.slice(),
    work: s.work.slice(),
    cost: s.cost.slice(),
    percentComplete: s.percent.slice(),
  };
}

/**
 * Recomputes the whole schedule from scratch on the planner's current graph (a fresh topological order, both
 * passes, placement, roll-ups): what the incremental path is measured against. The result equals the incremental
 * one (property-tested).
 *
 * @example
 * schedulePlannerRecompute(planner).finish;
 */
export function schedulePlannerRecompute(planner: SchedulePlanner): SchedulePlannerSchedule {
  const s = planner as PlannerState;
  const cycle = planComputeFull(s);
  // Edits refuse cycles, so a planner's graph is always acyclic.
  if (cycle !== undefined) throw new Error(`schedulePlannerRecompute: ${cycle.message}`);
  return s.schedule;
}
