/**
 * A plan's resources on its calendar: the work and cost of assignments (which feed the scheduler's roll-ups), each
 * resource's load per working day with its capacity and over-allocated days, and resource levelling of the plan as
 * levelling start dates. Pure: the server's plan-resources module stores and serves the results.
 *
 * Units. The plan is scheduled in ticks of 1/100 working day (`PLAN_TICKS_PER_DAY`). Loads and levelling run on the
 * coarsest grid every start and duration of the plan falls on — whole days for a plan entered in whole days (the
 * usual case), half days for one with half days, down to single ticks — so they are exact (two half-day tasks one
 * after the other on the same day are not an over-allocation) and a plan in whole days costs what a day grid costs.
 * A day's load is its peak over that grid.
 */
import {
  type AssignmentSpec,
  type CalendarDay,
  type CalendarDayAxis,
  calendarDayAxisDate,
  calendarDayAxisDayNumber,
  calendarDayFromIso,
  calendarDayToIso,
  calendarIsWorkingDay,
  type DayNumber,
  RESOURCE_MILLI,
  type ResourceSpec,
  type ResourceUnlevellableReason,
  resourceAssignmentWorkCost,
  resourceCapacityMilli,
  resourceLevel,
  resourceLoadCompute,
  resourceModelBuild,
  SCHEDULE_NO_DAY,
  type SchedulePlanInput,
  type TaskIndex,
} from "../scheduling/index";
import { PLAN_TICKS_PER_DAY, type PlanDependencyFacts, type PlanTaskFacts, planScheduleInput } from "./plan-schedule";

/** `work`: people and equipment paid by the hour; `material`: consumables per unit; `cost`: a fixed amount per use. */
export type PlanResourceKind = "work" | "material" | "cost";

/**
 * A resource as the plan uses it. `daysOff` are inclusive date ranges on which it does not work (its calendar
 * exceptions without working hours); on a project working day inside one its capacity is 0.
 *
 * @example
 * const li: PlanResourceFacts = { id: "r1", kind: "work", maxUnits: 1, costPerHour: 300, costPerUse: 0,
 *   daysOff: [{ from: "2026-10-12", to: "2026-10-13" }] };
 */
export type PlanResourceFacts = {
  readonly id: string;
  readonly kind: PlanResourceKind;
  readonly maxUnits: number;
  readonly costPerHour: number;
  readonly costPerUse: number;
  readonly daysOff: readonly { readonly from: string; readonly to: string }[];
};

/** A resource on a task: `units` per working day of the task (1 = full time; a material's quantity per day). */
export type PlanAssignmentFacts = { readonly id: string; readonly taskId: string; readonly resourceId: string; readonly units: number };

/** Work (hours) and cost of one assignment. */
export type PlanAssignmentAmount = { readonly workHours: number; readonly cost: number };

export type PlanAssignmentAmounts =
  | {
      readonly ok: true;
      /** The tasks as the scheduler should see them: work and cost including their assignments. */
      readonly tasks: readonly PlanTaskFacts[];
      readonly amounts: ReadonlyMap<string, PlanAssignmentAmount>;
    }
  /** Resources on summary tasks (a task became a summary while it had assignments): the engine refuses those. */
  | { readonly ok: false; readonly summaryTaskIds: readonly string[] };

const round2 = (x: number) => Math.round(x * 100) / 100 + 0;

function summaryIdsOf(tasks: readonly PlanTaskFacts[]): Set<string> {
  const ids = new Set(tasks.map((t) => t.id));
  const out = new Set<string>();
  for (const t of tasks) if (t.parentId !== null && ids.has(t.parentId)) out.add(t.parentId);
  return out;
}

const specOf = (r: PlanResourceFacts, availability?: Uint8Array): ResourceSpec => ({
  id: r.id,
  kind: r.kind,
  maxUnits: r.maxUnits,
  costPerHour: r.costPerHour,
  costPerUse: r.costPerUse,
  ...(availability ? { availability } : {}),
});

/**
 * The work and cost of every assignment, as `resourceAssignmentWorkCost` gives them for the task's duration and
 * the calendar's hours per day (work resource: units × days × hours per day, at its hourly rate, plus its cost per
 * use; material: units × days at its unit price, plus per use; cost resource: its cost per use), rounded to the
 * hundredth; and the tasks with the amounts the scheduler rolls up: a task with work resources has their work
 * (its own estimate otherwise), and every task costs its fixed cost plus its assignments.
 *
 * @example
 * // Li (300 / h) half time on a 4-day task with a fixed cost of 1,000, 8-hour days:
 * planAssignmentAmounts([task], [li], [{ id: "a", taskId: task.id, resourceId: li.id, units: 0.5 }], 8);
 * // amounts a → { workHours: 16, cost: 4800 }; the task: workHours 16, fixedCost 5800
 */
export function planAssignmentAmounts(
  tasks: readonly PlanTaskFacts[],
  resources: readonly PlanResourceFacts[],
  assignments: readonly PlanAssignmentFacts[],
  hoursPerDay: number,
): PlanAssignmentAmounts {
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const resourceIds = new Set(resources.map((r) => r.id));
  const used = assignments.filter((a) => index.has(a.taskId) && resourceIds.has(a.resourceId));
  const summaries = summaryIdsOf(tasks);
  const onSummaries = [...new Set(used.filter((a) => summaries.has(a.taskId)).map((a) => a.taskId))];
  if (onSummaries.length > 0) return { ok: false, summaryTaskIds: onSummaries.sort() };
  const built = resourceModelBuild(
    tasks.length,
    () => false,
    resources.map((r) => specOf(r)),
    used.map((a): AssignmentSpec => ({ task: index.get(a.taskId) as number, resource: a.resourceId, units: a.units })),
  );
  // Rows come from checked columns (non-negative amounts, one assignment per task and resource).
  if (!built.ok) throw new Error(`planAssignmentAmounts: ${built.error.message}`);
  const model = built.value;
  const idOf = new Map(used.map((a) => [`${index.get(a.taskId) as number}|${a.resourceId}`, a.id]));
  const amounts = new Map<string, PlanAssignmentAmount>();
  const work = new Float64Array(tasks.length);
  const hasWork = new Uint8Array(tasks.length);
  const cost = new Float64Array(tasks.length);
  for (let a = 0; a < model.assignmentTask.length; a++) {
    const t = model.assignmentTask[a] as number;
    const r = model.assignmentResource[a] as number;
    const task = tasks[t] as PlanTaskFacts;
    const amount = resourceAssignmentWorkCost(model, a, task.durationDays, hoursPerDay);
    const rounded = { workHours: round2(amount.work), cost: round2(amount.cost) };
    amounts.set(idOf.get(`${t}|${model.ids[r] as string}`) as string, rounded);
    if (model.kinds[r] === 0) {
      hasWork[t] = 1;
      work[t] = (work[t] as number) + rounded.workHours;
    }
    cost[t] = (cost[t] as number) + rounded.cost;
  }
  const next = tasks.map((task, t) =>
    model.taskAssignmentStart[t] === model.taskAssignmentStart[t + 1]
      ? task
      : { ...task, workHours: hasWork[t] ? round2(work[t] as number) : task.workHours, fixedCost: round2(task.fixedCost + (cost[t] as number)) },
  );
  return { ok: true, tasks: next, amounts };
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * The project working days each resource has off, as day numbers on the axis (days before day 0 are left out: no
 * task of the plan is loaded there).
 */
function daysOffOf(axis: CalendarDayAxis, resource: PlanResourceFacts): number[] {
  const out: number[] = [];
  for (const range of resource.daysOff) {
    const from = calendarDayFromIso(range.from);
    const to = calendarDayFromIso(range.to < range.from ? range.from : range.to);
    for (let day = from; day <= to; day = (day + 1) as CalendarDay) {
      if (!calendarIsWorkingDay(axis.calendar, day)) continue;
      const k = calendarDayAxisDayNumber(axis, day, "start");
      if (k >= 0) out.push(k);
    }
  }
  return out;
}

/** An availability mask on a grid of `grain` ticks, or undefined when the resource has no days off in the plan. */
function maskOf(daysOff: readonly number[], grain: number): Uint8Array | undefined {
  if (daysOff.length === 0) return undefined;
  const perDay = PLAN_TICKS_PER_DAY / grain;
  const mask = new Uint8Array((Math.max(...daysOff) + 1) * perDay).fill(1);
  for (const k of daysOff) mask.fill(0, k * perDay, (k + 1) * perDay);
  return mask;
}

/** Where a (non-summary) task is scheduled, in ticks: it works `[startTick, finishTick)`. */
export type PlanTaskSpan = { readonly id: string; readonly startTick: number; readonly finishTick: number };

/** One working day of a resource's load: `units` is the day's peak, `capacity` its max units (0 on a day off). */
export type PlanResourceDay = { readonly day: number; readonly date: string; readonly units: number; readonly capacity: number; readonly overAllocated: boolean };

/**
 * Per resource (in the order given) its loaded working days and how many of them are over-allocated. Material
 * resources have capacity 0 and are never over-allocated; cost resources carry no load.
 */
export type PlanResourceLoads = ReadonlyMap<string, { readonly days: readonly PlanResourceDay[]; readonly overAllocatedDays: number }>;

/**
 * Every resource's load per working day for tasks at `spans` (summary tasks have no assignments; give each task
 * once). A day counts as over-allocated when at any moment of it a work resource is loaded above its capacity.
 *
 * @example
 * // Li (max 1) on two 2-day tasks starting on days 0 and 1:
 * planResourceLoad(axis, [{ id: "a", startTick: 0, finishTick: 200 }, { id: "b", startTick: 100, finishTick: 300 }], [li], assignments)
 *   .get(li.id); // days 0: 1 unit, 1: 2 units (over), 2: 1 unit; overAllocatedDays 1
 */
export function planResourceLoad(
  axis: CalendarDayAxis,
  spans: readonly PlanTaskSpan[],
  resources: readonly PlanResourceFacts[],
  assignments: readonly PlanAssignmentFacts[],
): PlanResourceLoads {
  let grain = PLAN_TICKS_PER_DAY;
  for (const s of spans) grain = gcd(gcd(grain, s.startTick), s.finishTick);
  const perDay = PLAN_TICKS_PER_DAY / grain;
  const index = new Map(spans.map((s, i) => [s.id, i]));
  const resourceIds = new Set(resources.map((r) => r.id));
  const built = resourceModelBuild(
    spans.length,
    () => false,
    resources.map((r) => specOf(r, maskOf(daysOffOf(axis, r), grain))),
    assignments.flatMap((a): AssignmentSpec[] => (index.has(a.taskId) && resourceIds.has(a.resourceId) ? [{ task: index.get(a.taskId) as number, resource: a.resourceId, units: a.units }] : [])),
  );
  if (!built.ok) throw new Error(`planResourceLoad: ${built.error.message}`);
  const model = built.value;
  const starts = Int32Array.from(spans, (s) => s.startTick / grain);
  const durations = Int32Array.from(spans, (s) => (s.finishTick - s.startTick) / grain);
  const load = resourceLoadCompute(model, starts, durations);
  const dates = new Map<number, string>();
  const dateOf = (day: number) => {
    let iso = dates.get(day);
    if (iso === undefined) {
      iso = calendarDayToIso(calendarDayAxisDate(axis, day as DayNumber));
      dates.set(day, iso);
    }
    return iso;
  };
  const out = new Map<string, { days: PlanResourceDay[]; overAllocatedDays: number }>();
  for (const resource of resources) {
    const r = model.resourceIndex.get(resource.id) as number;
    const row = load.milli[r] as Int32Array;
    const work = model.kinds[r] === 0;
    const days: PlanResourceDay[] = [];
    let over = 0;
    if (model.kinds[r] !== 2 && load.horizon > 0) {
      const firstDay = Math.floor(load.origin / perDay);
      const lastDay = Math.floor((load.origin + load.horizon - 1) / perDay);
      for (let day = firstDay; day <= lastDay; day++) {
        let peak = 0;
        let overHere = false;
        for (let u = day * perDay; u < (day + 1) * perDay; u++) {
          const k = u - load.origin;
          const v = k >= 0 && k < load.horizon ? (row[k] as number) : 0;
          peak = Math.max(peak, v);
          if (work && v > resourceCapacityMilli(model, r, u)) overHere = true;
        }
        if (peak === 0) continue;
        if (overHere) over++;
        days.push({
          day,
          date: dateOf(day),
          units: peak / RESOURCE_MILLI,
          capacity: work ? resourceCapacityMilli(model, r, day * perDay) / RESOURCE_MILLI : 0,
          overAllocated: overHere,
        });
      }
    }
    out.set(resource.id, { days, overAllocatedDays: over });
  }
  return out;
}

/** A task levelling could not place, with the resource concerned when there is one. */
export type PlanUnlevellable = { readonly taskId: string; readonly resourceId: string | null; readonly reason: ResourceUnlevellableReason };

export type PlanLevelResult =
  | {
      readonly ok: true;
      /** Per task id the date levelling makes it start no earlier than (only the tasks it delays). */
      readonly levellingStarts: ReadonlyMap<string, string>;
      readonly unlevellable: readonly PlanUnlevellable[];
    }
  | { readonly ok: false; readonly message: string };

/** The plan's input divided by `grain` ticks (every amount is a multiple of it; the "no day" sentinel stays). */
function planOnGrain(plan: SchedulePlanInput, grain: number): SchedulePlanInput {
  if (grain === 1) return plan;
  const scale = (src: Int32Array, sentinel: boolean) => Int32Array.from(src, (v) => (sentinel && v === SCHEDULE_NO_DAY ? v : v / grain));
  return {
    ...plan,
    durations: scale(plan.durations, false),
    linkLags: scale(plan.linkLags, false),
    constraintDays: scale(plan.constraintDays, false),
    deadlines: scale(plan.deadlines, true),
    manualStarts: scale(plan.manualStarts, true),
  };
}

/**
 * Levels the plan's work resources with the engine's `resourceLevel` (docs/scheduling.md, "Resources and
 * levelling"): highest priority first, then least float; never splits a task or breaks a link; with
 * `withinSlackOnly` the project finish does not move. Levelling starts from the plan without any levelling start
 * (a new levelling replaces the last one, as MS Project's "clear levelling values before levelling"). A delayed task
 * gets the date of the day it is placed on; a start inside a day (a plan with fractions of days) is rounded up to
 * the next day, since a levelling start is a date.
 *
 * @example
 * // A (3 d) and B (2 d) in parallel, both on Li full time; B has more float, so B waits for A:
 * planLevel(tasks, [], axis, [li], assignments, new Map(), { withinSlackOnly: false });
 * // { ok: true, levellingStarts: Map { B → the date of day 3 }, unlevellable: [] }
 */
export function planLevel(
  tasks: readonly PlanTaskFacts[],
  dependencies: readonly PlanDependencyFacts[],
  axis: CalendarDayAxis,
  resources: readonly PlanResourceFacts[],
  assignments: readonly PlanAssignmentFacts[],
  priorities: ReadonlyMap<string, number>,
  options: { readonly withinSlackOnly: boolean },
): PlanLevelResult {
  const unlevelled = tasks.map((t) => (t.levellingStart ? { ...t, levellingStart: null } : t));
  const { outline, plan } = planScheduleInput(unlevelled, dependencies, axis);
  let grain = PLAN_TICKS_PER_DAY;
  for (const column of [plan.durations, plan.linkLags, plan.constraintDays, plan.deadlines, plan.manualStarts]) {
    for (const v of column) if (v !== SCHEDULE_NO_DAY) grain = gcd(grain, v);
  }
  const n = outline.order.length;
  const resourceIds = new Set(resources.map((r) => r.id));
  const levelled = resourceLevel(
    {
      plan: planOnGrain(plan, grain),
      resources: resources.map((r) => specOf(r, maskOf(daysOffOf(axis, r), grain))),
      assignments: assignments.flatMap((a): AssignmentSpec[] => {
        const t = outline.indexOf.get(a.taskId);
        return t === undefined || !resourceIds.has(a.resourceId) ? [] : [{ task: t, resource: a.resourceId, units: a.units }];
      }),
      priorities: Float64Array.from(outline.order, (t) => priorities.get(t.id) ?? 500),
    },
    { withinSlackOnly: options.withinSlackOnly },
  );
  if (!levelled.ok) return { ok: false, message: levelled.error.message };
  const idOf = (t: number) => (outline.order[t] as PlanTaskFacts).id;
  const levellingStarts = new Map<string, string>();
  for (let t = 0; t < n; t++) {
    const s = levelled.value.levellingStarts[t] as number;
    if (s === SCHEDULE_NO_DAY) continue;
    const day = Math.ceil((s * grain) / PLAN_TICKS_PER_DAY);
    levellingStarts.set(idOf(t), calendarDayToIso(calendarDayAxisDate(axis, day as DayNumber)));
  }
  return {
    ok: true,
    levellingStarts,
    unlevellable: levelled.value.unlevellable.map((u) => ({ taskId: idOf(u.taskId as TaskIndex), resourceId: u.resourceId, reason: u.reason })),
  };
}
