/**
 * A project plan as the engine schedules it: the outline (WBS order and codes) and one run of the planner
 * (`schedulePlannerCreate`: CPM with constraints, deadlines, manual tasks and summary roll-ups) on the project's
 * calendar day axis. Pure: rows in, derived columns out — the server's planning service stores them, and the web
 * Gantt runs the same code in the browser to preview a drag.
 *
 * Units. The planner counts whole "days"; plans are entered to the hundredth of a working day, so this module
 * schedules in ticks of 1/100 working day (`PLAN_TICKS_PER_DAY`) and reads dates off the day axis: a tick t lies on
 * working day ⌊t / 100⌋. A task works the days from its start tick up to (not including) its finish tick, so its last
 * working day is ⌈finish / 100⌉ − 1; a milestone sits on the day of its start (the day axis's convention).
 * Constraint, deadline and manual dates become ticks at the start (SNET, SNLT, MSO, manual start) or the end
 * (FNET, FNLT, MFO, deadline) of their day.
 */
import {
  type CalendarDay,
  type CalendarDayAxis,
  calendarDayAxisCreate,
  calendarDayAxisDate,
  calendarDayAxisDayNumber,
  calendarDayFromIso,
  calendarDayToIso,
  type DayNumber,
  SCHEDULE_CONSTRAINT_CODES,
  SCHEDULE_NO_DAY,
  type SchedulePlanInput,
  schedulePlannerCreate,
  schedulePlannerTask,
  type TaskIndex,
  type WorkingCalendar,
} from "../scheduling/index";

/** MS Project's eight constraints (the contracts' `TPlanConstraintType`, restated: the engine imports no package). */
export type PlanConstraintType = "ASAP" | "ALAP" | "SNET" | "SNLT" | "FNET" | "FNLT" | "MSO" | "MFO";
export type PlanDependencyType = "FS" | "SS" | "FF" | "SF";
export type PlanSchedulingMode = "auto" | "manual";
/** A constraint, deadline or manual date the schedule cannot keep, and by how many working days. */
export type PlanViolation = { kind: PlanConstraintType | "deadline" | "manual"; byDays: number };

/** Ticks per working day: durations, lags and float are kept to the hundredth of a day. */
export const PLAN_TICKS_PER_DAY = 100;

/** What the scheduler needs of a task row. */
export type PlanTaskFacts = {
  readonly id: string;
  readonly parentId: string | null;
  readonly position: number;
  readonly durationDays: number;
  readonly schedulingMode: PlanSchedulingMode;
  readonly manualStart: string | null;
  readonly constraintType: PlanConstraintType;
  readonly constraintDate: string | null;
  readonly deadline: string | null;
  readonly percentComplete: number;
  readonly workHours: number;
  readonly fixedCost: number;
  /**
   * Set by resource levelling: one more "start no earlier than" bound, on top of the task's own constraint (see
   * `planScheduleInput`). Absent or null: none.
   */
  readonly levellingStart?: string | null;
};

export type PlanDependencyFacts = {
  readonly id: string;
  readonly predecessorId: string;
  readonly successorId: string;
  readonly type: PlanDependencyType;
  readonly lagDays: number;
};

/** The outline: tasks in WBS order (depth first, siblings by position), with codes, parents and levels by index. */
export type PlanOutline = {
  readonly order: readonly PlanTaskFacts[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly parents: Int32Array;
  readonly childCount: Int32Array;
  readonly wbs: readonly string[];
};

/**
 * Orders `tasks` depth first: the children of each task by position (ties by id, so the order is stable), the
 * top level first. WBS codes are 1-based positions joined with dots ("1.2.3"), whatever gaps the stored positions
 * have.
 *
 * @example
 * planOutline([{ id: "a", parentId: null, position: 0 }, { id: "b", parentId: "a", position: 0 }, …]).wbs; // ["1", "1.1", …]
 */
export function planOutline(tasks: readonly PlanTaskFacts[]): PlanOutline {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const children = new Map<string | null, PlanTaskFacts[]>();
  for (const task of tasks) {
    // A parent that is not in the plan (never, with the foreign key) puts the task at the top rather than losing it.
    const parent = task.parentId !== null && byId.has(task.parentId) ? task.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(task);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const order: PlanTaskFacts[] = [];
  const wbs: string[] = [];
  const stack: { task: PlanTaskFacts; code: string }[] = [];
  const top = children.get(null) ?? [];
  for (let k = top.length - 1; k >= 0; k--) stack.push({ task: top[k] as PlanTaskFacts, code: String(k + 1) });
  while (stack.length > 0) {
    const { task, code } = stack.pop() as { task: PlanTaskFacts; code: string };
    order.push(task);
    wbs.push(code);
    const kids = children.get(task.id) ?? [];
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ task: kids[k] as PlanTaskFacts, code: `${code}.${k + 1}` });
  }
  const indexOf = new Map(order.map((t, i) => [t.id, i]));
  const parents = new Int32Array(order.length);
  const childCount = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const parentId = (order[i] as PlanTaskFacts).parentId;
    const p = parentId === null ? -1 : (indexOf.get(parentId) ?? -1);
    parents[i] = p;
    if (p >= 0) childCount[p] = (childCount[p] as number) + 1;
  }
  return { order, indexOf, parents, childCount, wbs };
}

/** The columns the scheduler derives for a task (stored on `plan_tasks`). */
export type PlanDerived = {
  wbsCode: string;
  isSummary: boolean;
  calcStart: string | null;
  calcFinish: string | null;
  calcEarlyStart: string | null;
  calcEarlyFinish: string | null;
  calcLateStart: string | null;
  calcLateFinish: string | null;
  calcStartDay: number | null;
  calcFinishDay: number | null;
  calcTotalFloatDays: number | null;
  calcCritical: boolean;
  calcDurationDays: number | null;
  calcWorkHours: number | null;
  calcCost: number | null;
  calcPercentComplete: number | null;
  calcViolations: PlanViolation[];
};

/** Why the engine refused the plan, by task and dependency id (the service names them for people). */
export type PlanScheduleRefusal =
  | { readonly kind: "cycle"; readonly taskIds: readonly string[] }
  | { readonly kind: "summary-constraint" | "summary-manual"; readonly taskId: string }
  | { readonly kind: "summary-link-nested" | "summary-link-type"; readonly dependencyId: string }
  | { readonly kind: "too-large" }
  | { readonly kind: "invalid"; readonly message: string };

export type PlanScheduleResult =
  | { readonly ok: true; readonly derived: ReadonlyMap<string, PlanDerived>; readonly finish: string | null }
  | { readonly ok: false; readonly refusal: PlanScheduleRefusal };

const ticks = (days: number) => Math.round(days * PLAN_TICKS_PER_DAY);
const days = (t: number) => t / PLAN_TICKS_PER_DAY;
const CONSTRAINT_IS_FINISH: Readonly<Record<PlanConstraintType, boolean>> = { ASAP: false, ALAP: false, SNET: false, SNLT: false, MSO: false, FNET: true, FNLT: true, MFO: true };
const LINK_CODES: Readonly<Record<PlanDependencyType, number>> = { FS: 0, SS: 1, FF: 2, SF: 3 };

/** The tick at the start (or the end) of the working day a person named; dates on days off move to working days. */
function dateTick(axis: CalendarDayAxis, iso: string, edge: "start" | "finish"): number {
  return calendarDayAxisDayNumber(axis, calendarDayFromIso(iso), edge) * PLAN_TICKS_PER_DAY;
}

/**
 * The working day a date names, as a tick count from day 0: what a manual start or "start no earlier than" typed
 * in the table means.
 */
export function planDateToStartDay(axis: CalendarDayAxis, iso: string): number {
  return calendarDayAxisDayNumber(axis, calendarDayFromIso(iso), "start");
}

/**
 * Working days from `startDay` (fractional: a task may start mid-day) to the end of the working day on or before
 * `finishIso`, to the hundredth: the duration a task gets when a person types its finish date. Zero or less when
 * that day is not after the start.
 */
export function planDurationUntil(axis: CalendarDayAxis, startDay: number, finishIso: string): number {
  const end = calendarDayAxisDayNumber(axis, calendarDayFromIso(finishIso), "finish");
  return Math.round((end - startDay) * PLAN_TICKS_PER_DAY) / PLAN_TICKS_PER_DAY;
}

/** The day axis of a plan starting on `planStart`. */
export const planDayAxis = (calendar: WorkingCalendar, planStart: string): CalendarDayAxis => calendarDayAxisCreate(calendar, calendarDayFromIso(planStart));

/** Whether a task's levelling start applies: levelling never delays summaries, manual, ALAP, MSO or MFO tasks. */
const levellingApplies = (task: PlanTaskFacts, summary: boolean) =>
  Boolean(task.levellingStart) && !summary && task.schedulingMode !== "manual" && task.constraintType !== "ALAP" && task.constraintType !== "MSO" && task.constraintType !== "MFO";

/**
 * The planner's input for the plan, in ticks: the outline's tasks (index i is `outline.order[i]`), then one
 * **anchor** per task with a levelling start — a manually scheduled milestone on that date linked FS 0 into the
 * task, after the plan's own links (`links` are those). So a levelling start is one more "start no earlier than"
 * that keeps the task's own constraint: an ASAP task starts no earlier than the date, an SNET or FNET task no
 * earlier than the later of the two bounds, an SNLT or FNLT task keeps its upper bound (and reports it as violated
 * if levelling pushed it past). It is ignored on summary, manual, ALAP, MSO and MFO tasks, which levelling never
 * delays (a levelling start left from before such a change has no effect). This is the engine's own levelling
 * anchor (`resourceLevel`), so a stored levelling gives exactly the schedule levelling computed. The web Gantt
 * loads the same input into a planner of its own to reschedule incrementally while a bar is dragged.
 */
export function planScheduleInput(
  tasks: readonly PlanTaskFacts[],
  dependencies: readonly PlanDependencyFacts[],
  axis: CalendarDayAxis,
): { outline: PlanOutline; links: readonly PlanDependencyFacts[]; plan: SchedulePlanInput } {
  const outline = planOutline(tasks);
  const n = outline.order.length;
  const links = dependencies.filter((d) => outline.indexOf.has(d.predecessorId) && outline.indexOf.has(d.successorId));
  const anchored: number[] = [];
  for (let i = 0; i < n; i++) if (levellingApplies(outline.order[i] as PlanTaskFacts, (outline.childCount[i] as number) > 0)) anchored.push(i);
  const m = links.length + anchored.length;
  const total = n + anchored.length;
  const parents = new Int32Array(total).fill(-1);
  parents.set(outline.parents);
  const plan: SchedulePlanInput = {
    durations: new Int32Array(total),
    linkFrom: new Int32Array(m),
    linkTo: new Int32Array(m),
    linkTypes: new Uint8Array(m),
    linkLags: new Int32Array(m),
    parents,
    constraintTypes: new Uint8Array(total),
    constraintDays: new Int32Array(total),
    deadlines: new Int32Array(total).fill(SCHEDULE_NO_DAY),
    manualStarts: new Int32Array(total).fill(SCHEDULE_NO_DAY),
    work: new Float64Array(total),
    cost: new Float64Array(total),
    percentComplete: new Float64Array(total),
  };
  anchored.forEach((i, k) => {
    plan.manualStarts[n + k] = dateTick(axis, (outline.order[i] as PlanTaskFacts).levellingStart as string, "start");
    plan.linkFrom[links.length + k] = n + k;
    plan.linkTo[links.length + k] = i;
  });
  for (let i = 0; i < n; i++) {
    const task = outline.order[i] as PlanTaskFacts;
    plan.durations[i] = ticks(task.durationDays);
    plan.constraintTypes[i] = SCHEDULE_CONSTRAINT_CODES[task.constraintType];
    if (task.constraintDate !== null && task.constraintType !== "ASAP" && task.constraintType !== "ALAP") {
      plan.constraintDays[i] = dateTick(axis, task.constraintDate, CONSTRAINT_IS_FINISH[task.constraintType] ? "finish" : "start");
    }
    if (task.deadline !== null) plan.deadlines[i] = dateTick(axis, task.deadline, "finish");
    if (task.schedulingMode === "manual" && task.manualStart !== null) plan.manualStarts[i] = dateTick(axis, task.manualStart, "start");
    plan.work[i] = task.workHours;
    plan.cost[i] = task.fixedCost;
    plan.percentComplete[i] = task.percentComplete;
  }
  for (let e = 0; e < links.length; e++) {
    const link = links[e] as PlanDependencyFacts;
    plan.linkFrom[e] = outline.indexOf.get(link.predecessorId) as number;
    plan.linkTo[e] = outline.indexOf.get(link.successorId) as number;
    plan.linkTypes[e] = LINK_CODES[link.type];
    plan.linkLags[e] = ticks(link.lagDays);
  }
  return { outline, links, plan };
}

/**
 * Schedules the plan and derives every task's columns; the plan's finish is the last working day of the latest
 * task. Refusals (a dependency cycle, a summary task with a constraint, mode or link it cannot have, a plan too
 * large for the engine) come back as data naming tasks and dependencies by id.
 */
export function planSchedule(tasks: readonly PlanTaskFacts[], dependencies: readonly PlanDependencyFacts[], axis: CalendarDayAxis): PlanScheduleResult {
  const { outline, links, plan } = planScheduleInput(tasks, dependencies, axis);
  const n = outline.order.length;

  const created = schedulePlannerCreate(plan);
  if (!created.ok) {
    const error = created.error;
    if (error.kind === "cycle") return { ok: false, refusal: { kind: "cycle", taskIds: error.taskIds.map((i) => (outline.order[i] as PlanTaskFacts).id) } };
    const at = /^(\w+)\[(\d+)\](\.type)?/.exec(error.path);
    const index = at ? Number(at[2]) : -1;
    // Every other code is input this module never builds (ids, links and amounts come from checked rows).
    if (error.code === "summary-constraint" || error.code === "summary-manual") {
      const task = outline.order[index];
      if (task) return { ok: false, refusal: { kind: error.code, taskId: task.id } };
    } else if (error.code === "summary-link") {
      const link = links[index];
      if (link) return { ok: false, refusal: { kind: at?.[3] ? "summary-link-type" : "summary-link-nested", dependencyId: link.id } };
    } else if (error.code === "too-large") {
      return { ok: false, refusal: { kind: "too-large" } };
    }
    return { ok: false, refusal: { kind: "invalid", message: error.message } };
  }

  const planner = created.value;
  const violations = new Map<number, PlanViolation[]>();
  for (const v of planner.schedule.violations) {
    const list = violations.get(v.taskId) ?? [];
    list.push({ kind: v.kind, byDays: days(v.by) });
    violations.set(v.taskId, list);
  }
  // Day numbers → dates, each distinct day once (a plan's tasks share few days).
  const dates = new Map<number, string>();
  const dateOf = (day: number): string => {
    let iso = dates.get(day);
    if (iso === undefined) {
      iso = calendarDayToIso(calendarDayAxisDate(axis, day as DayNumber) as CalendarDay);
      dates.set(day, iso);
    }
    return iso;
  };
  const startDate = (tick: number) => dateOf(Math.floor(tick / PLAN_TICKS_PER_DAY));
  const finishDate = (startTick: number, finishTick: number) => (finishTick > startTick ? dateOf(Math.ceil(finishTick / PLAN_TICKS_PER_DAY) - 1) : startDate(startTick));

  const derived = new Map<string, PlanDerived>();
  let finish: string | null = null;
  for (let i = 0; i < n; i++) {
    const row = schedulePlannerTask(planner, i as TaskIndex);
    const summary = row.kind === "summary";
    const last = finishDate(row.start, row.finish);
    derived.set((outline.order[i] as PlanTaskFacts).id, {
      wbsCode: outline.wbs[i] as string,
      isSummary: summary,
      calcStart: startDate(row.start),
      calcFinish: last,
      calcEarlyStart: startDate(row.es),
      calcEarlyFinish: finishDate(row.es, row.ef),
      calcLateStart: startDate(row.ls),
      calcLateFinish: finishDate(row.ls, row.lf),
      calcStartDay: days(row.start),
      calcFinishDay: days(row.finish),
      calcTotalFloatDays: days(row.tf),
      calcCritical: row.critical,
      calcDurationDays: days(row.duration),
      calcWorkHours: row.work,
      calcCost: row.cost,
      calcPercentComplete: Math.round(row.percentComplete * 100) / 100,
      calcViolations: violations.get(i) ?? [],
    });
    if (finish === null || last > finish) finish = last;
  }
  return { ok: true, derived, finish };
}
