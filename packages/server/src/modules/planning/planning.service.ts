/**
 * The plan's use-cases (docs/planning.md). Every write runs in one transaction that locks the plan (the project
 * row), loads the whole plan, applies the change in memory and through the repository, reschedules the plan in the
 * engine (`planSchedule`), writes only the task rows whose outline or schedule columns changed, and answers with
 * exactly those rows. A refusal of the engine (a dependency cycle, a summary task with a link, constraint or mode
 * it cannot have) rolls the whole change back and names the tasks.
 */
import { randomUUID } from "node:crypto";
import {
  PLAN_DATED_CONSTRAINTS,
  PLAN_SUMMARY_CONSTRAINTS,
  type TCreatePlanDependencyRequest,
  type TCreatePlanTaskRequest,
  type TDeletePlanTaskQuery,
  type TMovePlanTaskRequest,
  type TPlan,
  type TPlanCalendar,
  type TPlanChange,
  type TPlanConstraintType,
  type TSetPlanPredecessorsRequest,
  type TUpdatePlanCalendarRequest,
  type TUpdatePlanDependencyRequest,
  type TUpdatePlanTaskRequest,
} from "@jiaofu/contracts";
import {
  type CalendarDayAxis,
  type PlanCalendarModel,
  planCalendarCompile,
  planDateToStartDay,
  planDayAxis,
  planDurationUntil,
  planOutline,
  planSchedule,
  type PlanScheduleRefusal,
  planScheduleBasis,
  type WorkingCalendar,
  planWbsCompare,
} from "@jiaofu/engine";
import type { AppDeps } from "../../app";
import type { Db, Tx } from "../../db/database";
import { AppError, fieldError, notFound, versionConflict } from "../../platform/app-error";
import { recordAudit } from "../../platform/audit";
import { isUniqueViolation } from "../../platform/database-errors";
import { authorize, canPlan, type Actor, type PlanAction } from "../../platform/policy";
import { loadProjectAccess, requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { planTaskFactsWithResources } from "../plan-resources/plan-resources.facts";
import { createPlanResourcesRepository, type PlanAssignmentRow, type PlanResourceRow } from "../plan-resources/plan-resources.repository";
import { refuseClosingGatedPhases } from "../quality/phase-close-guard";
import { createNotificationOutbox, type NotificationOutbox } from "../notifications/notifications.producer";
import { planCalendarFromRequest, planCalendarOf, presentPlanCalendar } from "./plan-calendar";
import { presentPlanDependency, presentPlanTask } from "./planning.presenter";
import {
  createPlanningRepository,
  type NewPlanTaskRow,
  type PlanDependencyRow,
  type PlanningRepository,
  type PlanTaskLayout,
  type PlanTaskRow,
} from "./planning.repository";

type ProjectRow = ProjectAccess["project"];

/**
 * A plan loaded for a change: the rows as they will be saved (`tasks`) and the layout the database holds (`stored`),
 * with its resources and assignments (their work and cost roll up into the tasks: modules/plan-resources).
 */
export type PlanState = {
  project: ProjectRow;
  planStart: string;
  calendar: PlanCalendarModel;
  compiled: WorkingCalendar;
  axis: CalendarDayAxis;
  tasks: Map<string, PlanTaskRow>;
  stored: Map<string, PlanTaskLayout>;
  dependencies: Map<string, PlanDependencyRow>;
  resources: Map<string, PlanResourceRow>;
  assignments: Map<string, PlanAssignmentRow>;
  calendarSaved: boolean;
  scheduledBasis: string;
};

/** What a change did, for the answer: the edited task, rows touched beyond the reschedule, removals. */
export type ChangeLog = {
  taskId: string | null;
  touchedTasks: Set<string>;
  removedTaskIds: string[];
  touchedDependencies: Set<string>;
  removedDependencyIds: string[];
};

export type ChangeContext = { tx: Tx; repo: PlanningRepository; state: PlanState; log: ChangeLog; now: Date };

const LAYOUT_KEYS = [
  "parentId",
  "position",
  "wbsCode",
  "isSummary",
  "calcStart",
  "calcFinish",
  "calcEarlyStart",
  "calcEarlyFinish",
  "calcLateStart",
  "calcLateFinish",
  "calcStartDay",
  "calcFinishDay",
  "calcTotalFloatDays",
  "calcCritical",
  "calcDurationDays",
  "calcWorkHours",
  "calcCost",
  "calcPercentComplete",
  "calcViolations",
] as const satisfies readonly (keyof PlanTaskLayout)[];

const layoutOf = (row: PlanTaskRow): PlanTaskLayout => Object.fromEntries(LAYOUT_KEYS.map((k) => [k, row[k]])) as PlanTaskLayout;

function sameLayout(a: PlanTaskLayout, b: PlanTaskLayout): boolean {
  for (const key of LAYOUT_KEYS) {
    if (key === "calcViolations") {
      if (JSON.stringify(a.calcViolations) !== JSON.stringify(b.calcViolations)) return false;
    } else if (a[key] !== b[key]) return false;
  }
  return true;
}

/** The plan starts on the project's start date, or (none set) the day the project was created. */
const planStartOf = (project: ProjectRow) => project.startDate ?? project.createdAt.toISOString().slice(0, 10);

/** The plan's working-day axis today (its calendar from day 0 = the project start), without loading its tasks. */
export async function planAxisOf(db: Db | Tx, project: ProjectRow): Promise<CalendarDayAxis> {
  return planDayAxis(planCalendarCompile(planCalendarOf(await createPlanningRepository(db).calendar(project.id))), planStartOf(project));
}

const isDated = (type: TPlanConstraintType) => PLAN_DATED_CONSTRAINTS.includes(type);


/** A task as a person reads it in a message: "1.2 Design the schema". */
const taskLabel = (wbs: string, name: string) => (wbs ? `${wbs} ${name}` : name);

/** The fields of a task people edit (what the audit log records). */
const ownFields = (row: PlanTaskRow) => ({
  name: row.name,
  notes: row.notes,
  parentId: row.parentId,
  durationDays: row.durationDays,
  schedulingMode: row.schedulingMode,
  manualStart: row.manualStart,
  constraintType: row.constraintType,
  constraintDate: row.constraintDate,
  deadline: row.deadline,
  percentComplete: row.percentComplete,
  workHours: row.workHours,
  fixedCost: row.fixedCost,
  ownerId: row.ownerId,
  priority: row.priority,
  version: row.version,
});

const dependencyFields = (row: PlanDependencyRow) => ({ predecessorId: row.predecessorId, successorId: row.successorId, type: row.type, lagDays: row.lagDays, version: row.version });

export async function loadState(db: Db | Tx, project: ProjectRow): Promise<PlanState> {
  const r = createPlanningRepository(db);
  const resourcesRepo = createPlanResourcesRepository(db);
  const [tasks, dependencies, calendarRow, resources, assignments] = await Promise.all([
    r.tasks(project.id),
    r.dependencies(project.id),
    r.calendar(project.id),
    resourcesRepo.resources(project.id),
    resourcesRepo.assignments(project.id),
  ]);
  const calendar = planCalendarOf(calendarRow);
  const compiled = planCalendarCompile(calendar);
  const planStart = planStartOf(project);
  return {
    project,
    planStart,
    calendar,
    compiled,
    axis: planDayAxis(compiled, planStart),
    tasks: new Map(tasks.map((t) => [t.id, t])),
    stored: new Map(tasks.map((t) => [t.id, layoutOf(t)])),
    dependencies: new Map(dependencies.map((d) => [d.id, d])),
    resources: new Map(resources.map((r) => [r.id, r])),
    assignments: new Map(assignments.map((a) => [a.id, a])),
    calendarSaved: calendarRow !== undefined,
    scheduledBasis: calendarRow?.scheduledBasis ?? "",
  };
}

/** Children of `parentId` (null: the top), in order. */
function childrenOf(state: PlanState, parentId: string | null): PlanTaskRow[] {
  const list: PlanTaskRow[] = [];
  for (const task of state.tasks.values()) if (task.parentId === parentId) list.push(task);
  return list.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
}

/** Positions 0..k−1 under every parent, in the order the (possibly fractional) positions give. */
function normalisePositions(state: PlanState): void {
  const byParent = new Map<string | null, PlanTaskRow[]>();
  for (const task of state.tasks.values()) {
    const list = byParent.get(task.parentId) ?? [];
    list.push(task);
    byParent.set(task.parentId, list);
  }
  for (const list of byParent.values()) {
    list.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
    list.forEach((task, i) => {
      if (task.position !== i) state.tasks.set(task.id, { ...task, position: i });
    });
  }
}

function descendantsOf(state: PlanState, id: string): string[] {
  const out: string[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const task of state.tasks.values()) {
      if (task.parentId === current) {
        out.push(task.id);
        stack.push(task.id);
      }
    }
  }
  return out;
}

const hasChildren = (state: PlanState, id: string) => [...state.tasks.values()].some((t) => t.parentId === id);

/** The refusal of the engine as a 409 that names the tasks (by their WBS codes in the plan as it would have been). */
function refusalError(state: PlanState, refusal: PlanScheduleRefusal): AppError {
  const outline = planOutline([...state.tasks.values()]);
  const label = (id: string) => {
    const i = outline.indexOf.get(id);
    const task = state.tasks.get(id);
    return task ? taskLabel(i === undefined ? "" : (outline.wbs[i] ?? ""), task.name) : id;
  };
  switch (refusal.kind) {
    case "cycle": {
      const names = [...refusal.taskIds, refusal.taskIds[0] as string].map(label);
      return new AppError("conflict", "plan.dependency_cycle", { tasks: names.join(" → ") }, { taskIds: refusal.taskIds });
    }
    case "summary-constraint":
    case "summary-manual":
      return new AppError("conflict", refusal.kind === "summary-constraint" ? "plan.summary_constraint" : "plan.summary_manual", { task: label(refusal.taskId) }, { taskIds: [refusal.taskId] });
    case "summary-link-nested":
    case "summary-link-type": {
      const link = state.dependencies.get(refusal.dependencyId);
      const params = { from: link ? label(link.predecessorId) : "", to: link ? label(link.successorId) : "", type: link?.type ?? "" };
      return new AppError("conflict", refusal.kind === "summary-link-nested" ? "plan.summary_link_nested" : "plan.summary_link_type", params, {
        dependencyId: refusal.dependencyId,
        taskIds: link ? [link.predecessorId, link.successorId] : [],
      });
    }
    case "too-large":
      return new AppError("conflict", "plan.too_large");
    case "invalid":
      return new AppError("conflict", "plan.schedule_refused", { reason: refusal.message });
  }
}

/**
 * Reschedules the plan in `state` and writes the outline and schedule columns of the rows that changed; makes sure
 * the calendar row exists and records what the schedule was computed from. Returns the ids of the rows written.
 */
async function settle(tx: Tx, state: PlanState, actor: Actor | null, now: Date): Promise<{ changed: Set<string>; finish: string | null }> {
  normalisePositions(state);
  const facts = planTaskFactsWithResources([...state.tasks.values()], [...state.resources.values()], [...state.assignments.values()], state.compiled);
  const result = planSchedule(facts, [...state.dependencies.values()], state.axis);
  if (!result.ok) throw refusalError(state, result.refusal);
  const changed = new Set<string>();
  const writes: (PlanTaskLayout & { id: string })[] = [];
  for (const task of state.tasks.values()) {
    const derived = result.derived.get(task.id);
    if (!derived) continue;
    const next: PlanTaskRow = { ...task, ...derived };
    state.tasks.set(task.id, next);
    const layout = layoutOf(next);
    const stored = state.stored.get(task.id);
    if (!stored || !sameLayout(stored, layout)) {
      writes.push({ id: task.id, ...layout });
      state.stored.set(task.id, layout);
      changed.add(task.id);
    }
  }
  const r = createPlanningRepository(tx);
  await r.writeLayouts(writes);
  if (!state.calendarSaved) {
    // The default calendar is saved with the first change, so the basis has a row to live on.
    const saved = await r.saveCalendar(
      { projectId: state.project.id, workspaceId: state.project.workspaceId, week: state.calendar.week, holidaySets: state.calendar.holidaySets, exceptions: state.calendar.exceptions, updatedById: actor?.userId ?? null },
      0,
      now,
    );
    if (saved) {
      state.calendar = { ...state.calendar, version: saved.version };
      state.calendarSaved = true;
    }
  }
  const savedBasis = planScheduleBasis(state.planStart, state.calendar);
  if (state.scheduledBasis !== savedBasis) {
    await r.setScheduledBasis(state.project.id, savedBasis);
    state.scheduledBasis = savedBasis;
  }
  return { changed, finish: result.finish };
}

/**
 * Reschedules the plan of `project` inside `tx` (locking it first) and stores the derived columns of the rows that
 * moved: for writers outside the API, such as the demo data, that insert tasks and dependencies directly.
 */
export async function reschedulePlanInTransaction(tx: Tx, project: ProjectRow, actor: Actor | null, now: Date): Promise<void> {
  await createPlanningRepository(tx).lockPlan(project.id);
  await settle(tx, await loadState(tx, project), actor, now);
}

export function createPlanningService(deps: AppDeps) {
  const repo = createPlanningRepository(deps.db);

  async function requirePlan(actor: Actor, projectId: string, action: PlanAction): Promise<ProjectAccess> {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canPlan(actor, action, access.facts));
    return access;
  }

  /** The task, if the actor may read its plan (404 otherwise); 403 when they may read but not do `action`. */
  async function requireTask(actor: Actor, id: string, action: PlanAction): Promise<{ task: PlanTaskRow; access: ProjectAccess }> {
    const task = await repo.task(actor.workspaceId, id);
    const access = task && (await loadProjectAccess(deps.db, actor, task.projectId));
    if (!task || !access || !canPlan(actor, "plan.read", access.facts)) throw notFound("plan.task_not_found");
    authorize(canPlan(actor, action, access.facts));
    return { task, access };
  }

  async function requireDependency(actor: Actor, id: string): Promise<{ dependency: PlanDependencyRow; access: ProjectAccess }> {
    const dependency = await repo.dependency(actor.workspaceId, id);
    const access = dependency && (await loadProjectAccess(deps.db, actor, dependency.projectId));
    if (!dependency || !access || !canPlan(actor, "plan.read", access.facts)) throw notFound("plan.dependency_not_found");
    authorize(canPlan(actor, "plan.edit", access.facts));
    return { dependency, access };
  }

  /**
   * Runs one change of the plan of `project` in a transaction (see the file comment) and answers with what changed.
   */
  async function change(actor: Actor, project: ProjectRow, run: (ctx: ChangeContext) => Promise<void>): Promise<TPlanChange> {
    return deps.db.transaction(async (tx) => {
      const r = createPlanningRepository(tx);
      await r.lockPlan(project.id);
      const state = await loadState(tx, project);
      normalisePositions(state);
      const log: ChangeLog = { taskId: null, touchedTasks: new Set(), removedTaskIds: [], touchedDependencies: new Set(), removedDependencyIds: [] };
      const now = deps.now();
      const percentBefore = new Map([...state.tasks.values()].map((t) => [t.id, t.percentComplete]));
      await run({ tx, repo: r, state, log, now });
      // A phase may not close (all its tasks at 100 %) while its quality gate is open (docs/monitoring.md, "Quality").
      await refuseClosingGatedPhases(tx, project.id, state.tasks, percentBefore);
      const { changed, finish } = await settle(tx, state, actor, now);
      // Writers are staff (`plan.edit`), who read the team's fields.
      const internal = true;
      const ids = new Set([...log.touchedTasks, ...changed]);
      // The changed rows in WBS order (their codes are fresh: `settle` derived them).
      const changedRows = [...ids].flatMap((id) => {
        const row = state.tasks.get(id);
        return row ? [row] : [];
      });
      changedRows.sort((a, b) => planWbsCompare(a.wbsCode, b.wbsCode));
      return {
        taskId: log.taskId,
        tasks: changedRows.map((row) => presentPlanTask(row, internal)),
        removedTaskIds: log.removedTaskIds,
        dependencies: [...log.touchedDependencies].flatMap((id) => {
          const dependency = state.dependencies.get(id);
          return dependency ? [presentPlanDependency(dependency)] : [];
        }),
        removedDependencyIds: log.removedDependencyIds,
        finish,
      };
    });
  }

  function requireVersion(row: PlanTaskRow, version: number) {
    if (row.version !== version) throw versionConflict(presentPlanTask(row, true));
  }

  /** Saves a task's own fields (version-checked), keeps the state in step and audits the change. */
  async function saveTask(ctx: ChangeContext, actor: Actor, task: PlanTaskRow, version: number, values: Partial<NewPlanTaskRow>, action: string) {
    const row = await ctx.repo.updateTask(task.id, version, values, ctx.now);
    if (!row) throw versionConflict(presentPlanTask(task, true));
    // Positions and parents live in memory until `settle` writes them; keep those of the state.
    const current = ctx.state.tasks.get(task.id) as PlanTaskRow;
    ctx.state.tasks.set(task.id, { ...row, parentId: current.parentId, position: current.position });
    ctx.log.touchedTasks.add(task.id);
    await recordAudit(ctx.tx, actor, row.workspaceId, { entityType: "plan_task", entityId: row.id, projectId: row.projectId, action, before: ownFields(task), after: ownFields({ ...row, parentId: current.parentId }) });
  }

  async function requireOwner(ctx: ChangeContext, ownerId: string | null | undefined) {
    if (ownerId && !(await ctx.repo.isProjectWorker(ctx.state.project.id, ownerId))) throw fieldError("body.ownerId", "plan.owner_not_on_team");
  }

  /** Tells a task's (new) owner it is theirs (docs/monitoring.md, "Notifications"). */
  async function notifyOwner(outbox: NotificationOutbox, ctx: ChangeContext, actor: Actor, task: Pick<PlanTaskRow, "id" | "name" | "wbsCode" | "ownerId">) {
    if (!task.ownerId) return;
    const project = ctx.state.project;
    await outbox.notify(ctx.tx, { workspaceId: project.workspaceId, kind: "assigned", projectId: project.id, entityType: "plan_task", entityId: task.id, actorId: actor.userId, recipientIds: [task.ownerId], params: { taskName: task.name, taskCode: task.wbsCode } });
  }

  function requirePlanTask(state: PlanState, id: string, path: string): PlanTaskRow {
    const task = state.tasks.get(id);
    if (!task) throw fieldError(path, "plan.task_not_found");
    return task;
  }

  /** The position that puts a task at index `index` among `siblings` (which do not include it). */
  const positionAt = (siblings: readonly PlanTaskRow[], index: number) => (index >= siblings.length ? Number.MAX_SAFE_INTEGER : (siblings[index] as PlanTaskRow).position - 0.5);

  async function insertDependency(ctx: ChangeContext, actor: Actor, input: { predecessorId: string; successorId: string; type: PlanDependencyRow["type"]; lagDays: number }, paths: { predecessor: string; successor: string }) {
    const { state } = ctx;
    requirePlanTask(state, input.predecessorId, paths.predecessor);
    requirePlanTask(state, input.successorId, paths.successor);
    if (input.predecessorId === input.successorId) throw fieldError(paths.predecessor, "plan.dependency_self");
    for (const d of state.dependencies.values()) {
      if (d.predecessorId === input.predecessorId && d.successorId === input.successorId) throw new AppError("conflict", "plan.dependency_exists");
    }
    let row: PlanDependencyRow;
    try {
      row = await ctx.repo.insertDependency({ id: randomUUID(), workspaceId: state.project.workspaceId, projectId: state.project.id, ...input, createdById: actor.userId, createdAt: ctx.now, updatedAt: ctx.now });
    } catch (error) {
      if (isUniqueViolation(error, "plan_dependencies_pair_uq")) throw new AppError("conflict", "plan.dependency_exists");
      throw error;
    }
    state.dependencies.set(row.id, row);
    ctx.log.touchedDependencies.add(row.id);
    await recordAudit(ctx.tx, actor, row.workspaceId, { entityType: "plan_dependency", entityId: row.id, projectId: row.projectId, action: "create", after: dependencyFields(row) });
    return row;
  }

  async function removeDependencies(ctx: ChangeContext, actor: Actor, rows: readonly PlanDependencyRow[]) {
    await ctx.repo.deleteDependencies(rows.map((r) => r.id));
    for (const row of rows) {
      ctx.state.dependencies.delete(row.id);
      ctx.log.removedDependencyIds.push(row.id);
      await recordAudit(ctx.tx, actor, row.workspaceId, { entityType: "plan_dependency", entityId: row.id, projectId: row.projectId, action: "delete", before: dependencyFields(row) });
    }
  }

  /**
   * The plan as stored; if what the schedule was computed from changed since (the project's start date, the
   * calendar, the holiday data), it is rescheduled first.
   */
  async function readPlan(actor: Actor, access: ProjectAccess): Promise<TPlan> {
    let state = await loadState(deps.db, access.project);
    if (state.tasks.size > 0 && state.scheduledBasis !== planScheduleBasis(state.planStart, state.calendar)) {
      await deps.db.transaction(async (tx) => {
        await createPlanningRepository(tx).lockPlan(access.project.id);
        const fresh = await loadState(tx, access.project);
        await settle(tx, fresh, null, deps.now());
      });
      state = await loadState(deps.db, access.project);
    }
    const internal = canPlan(actor, "plan.read_internal", access.facts);
    const outline = planOutline([...state.tasks.values()]);
    const tasks = outline.order.map((t) => state.tasks.get(t.id) as PlanTaskRow);
    let finish: string | null = null;
    for (const task of tasks) if (!task.isSummary && task.calcFinish && (finish === null || task.calcFinish > finish)) finish = task.calcFinish;
    const ownerIds = internal ? [...new Set(tasks.flatMap((t) => (t.ownerId ? [t.ownerId] : [])))] : [];
    return {
      projectId: access.project.id,
      start: state.planStart,
      finish,
      tasks: tasks.map((t) => presentPlanTask(t, internal)),
      dependencies: [...state.dependencies.values()].map(presentPlanDependency),
      calendar: presentCalendar(state, finish),
      people: Object.fromEntries(await repo.userNames(actor.workspaceId, ownerIds)),
      statuses: await repo.boardStatuses(access.project.id),
    };
  }

  function presentCalendar(state: Pick<PlanState, "project" | "calendar" | "compiled" | "planStart">, finish: string | null): TPlanCalendar {
    const from = Number(state.planStart.slice(0, 4));
    const to = Math.max(from, finish ? Number(finish.slice(0, 4)) : from);
    return presentPlanCalendar(state.project.id, state.calendar, state.compiled, { from, to });
  }

  return {
    getPlan: async (actor: Actor, projectId: string): Promise<TPlan> => readPlan(actor, await requirePlan(actor, projectId, "plan.read")),

    /**
     * One change of the plan by another module (resources, assignments, levelling): `run` changes rows and the state
     * under the plan lock, then the plan is rescheduled and the rows that changed are answered. The caller has
     * authorised the actor.
     */
    runChange: (actor: Actor, project: ProjectRow, run: (ctx: ChangeContext) => Promise<void>): Promise<TPlanChange> => change(actor, project, run),

    /** A task under `parentId` at `position` (default: last); the parent becomes (or stays) a summary. */
    createTask: async (actor: Actor, projectId: string, input: TCreatePlanTaskRequest): Promise<TPlanChange> => {
      const { project } = await requirePlan(actor, projectId, "plan.edit");
      const outbox = createNotificationOutbox(deps);
      const result = await change(actor, project, async (ctx) => {
        const parentId = input.parentId ?? null;
        if (parentId !== null) requirePlanTask(ctx.state, parentId, "body.parentId");
        await requireOwner(ctx, input.ownerId);
        const siblings = childrenOf(ctx.state, parentId);
        const index = Math.min(input.position ?? siblings.length, siblings.length);
        const row = await ctx.repo.insertTask({
          id: randomUUID(),
          workspaceId: project.workspaceId,
          projectId: project.id,
          parentId,
          position: index,
          name: input.name,
          notes: input.notes ?? "",
          durationDays: input.milestone ? 0 : (input.durationDays ?? 1),
          ownerId: input.ownerId ?? null,
          createdById: actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        ctx.state.stored.set(row.id, layoutOf(row));
        ctx.state.tasks.set(row.id, { ...row, position: positionAt(siblings, index) });
        ctx.log.taskId = row.id;
        ctx.log.touchedTasks.add(row.id);
        await recordAudit(ctx.tx, actor, project.workspaceId, { entityType: "plan_task", entityId: row.id, projectId: project.id, action: "create", after: ownFields(row) });
        await notifyOwner(outbox, ctx, actor, row);
      });
      outbox.send();
      return result;
    },

    updateTask: async (actor: Actor, id: string, input: TUpdatePlanTaskRequest): Promise<TPlanChange> => {
      const { access } = await requireTask(actor, id, "plan.edit");
      const outbox = createNotificationOutbox(deps);
      const result = await change(actor, access.project, async (ctx) => {
        const { state } = ctx;
        const task = state.tasks.get(id);
        if (!task) throw notFound("plan.task_not_found");
        requireVersion(task, input.version);
        const summary = hasChildren(state, id);
        const values: Partial<NewPlanTaskRow> = {};
        if (input.name !== undefined) values.name = input.name;
        if (input.notes !== undefined) values.notes = input.notes;
        if (input.percentComplete !== undefined) values.percentComplete = input.percentComplete;
        if (input.workHours !== undefined) values.workHours = input.workHours;
        if (input.fixedCost !== undefined) values.fixedCost = input.fixedCost;
        if (input.priority !== undefined) values.priority = input.priority;
        if (input.deadline !== undefined) values.deadline = input.deadline;
        if (input.ownerId !== undefined) {
          await requireOwner(ctx, input.ownerId);
          values.ownerId = input.ownerId;
          if (input.ownerId !== task.ownerId) await notifyOwner(outbox, ctx, actor, { ...task, ownerId: input.ownerId });
        }
        if (input.durationDays !== undefined) {
          if (summary) throw fieldError("body.durationDays", "plan.summary_duration");
          values.durationDays = input.durationDays;
        }

        // Scheduling mode: a manual start implies manual scheduling, clearing it automatic.
        const mode = input.schedulingMode ?? (input.manualStart === null ? "auto" : input.manualStart !== undefined ? "manual" : task.schedulingMode);
        let manualStart = mode === "auto" ? null : (input.manualStart ?? task.manualStart ?? task.calcStart ?? state.planStart);
        if (mode === "manual" && summary) throw fieldError("body.schedulingMode", "plan.summary_manual_field");

        // Constraint: a type without a date clears the date; a dated type keeps or takes one.
        let constraintType = input.constraintType ?? task.constraintType;
        let constraintDate = input.constraintDate !== undefined ? input.constraintDate : input.constraintType !== undefined && !isDated(input.constraintType) ? null : task.constraintDate;
        if (input.start !== undefined) {
          // As in MS Project: typing a start pins a manual task there, and gives an automatic one "start no earlier than".
          if (mode === "manual") manualStart = input.start;
          else {
            constraintType = "SNET";
            constraintDate = input.start;
          }
        }
        if (!isDated(constraintType)) {
          if (input.constraintDate) throw fieldError("body.constraintDate", "plan.constraint_date_unused");
          constraintDate = null;
        } else if (constraintDate === null) throw fieldError("body.constraintDate", "plan.constraint_date_required");
        if (summary && !PLAN_SUMMARY_CONSTRAINTS.includes(constraintType)) throw fieldError("body.constraintType", "plan.summary_constraint_field");

        if (input.finish !== undefined) {
          if (summary) throw fieldError("body.finish", "plan.summary_duration");
          const startDay =
            input.start !== undefined
              ? planDateToStartDay(state.axis, input.start)
              : mode === "manual" && manualStart !== null
                ? planDateToStartDay(state.axis, manualStart)
                : (task.calcStartDay ?? 0);
          const duration = planDurationUntil(state.axis, startDay, input.finish);
          if (duration <= 0) throw fieldError("body.finish", "plan.finish_before_start");
          values.durationDays = Math.min(duration, 9999);
        }
        if (mode !== task.schedulingMode) values.schedulingMode = mode;
        if (manualStart !== task.manualStart) values.manualStart = manualStart;
        if (constraintType !== task.constraintType) values.constraintType = constraintType;
        if (constraintDate !== task.constraintDate) values.constraintDate = constraintDate;
        ctx.log.taskId = id;
        await saveTask(ctx, actor, task, input.version, values, "update");
      });
      outbox.send();
      return result;
    },

    /**
     * Removes a task. A summary task goes with everything under it, but only when the caller confirms it
     * (`withSubtasks`): otherwise 409 `plan.has_subtasks` with the count. Their dependencies and trace links go too.
     */
    deleteTask: async (actor: Actor, id: string, query: TDeletePlanTaskQuery): Promise<TPlanChange> => {
      const { access } = await requireTask(actor, id, "plan.edit");
      return change(actor, access.project, async (ctx) => {
        const { state } = ctx;
        const task = state.tasks.get(id);
        if (!task) throw notFound("plan.task_not_found");
        requireVersion(task, query.version);
        const under = descendantsOf(state, id);
        if (under.length > 0 && !query.withSubtasks) throw new AppError("conflict", "plan.has_subtasks", { count: under.length }, { count: under.length });
        const ids = [id, ...under];
        const gone = new Set(ids);
        const dependencies = [...state.dependencies.values()].filter((d) => gone.has(d.predecessorId) || gone.has(d.successorId));
        await removeDependencies(ctx, actor, dependencies);
        await ctx.repo.deleteTraceLinksOf(ids);
        // Children first is not needed: the parent foreign key cascades, and the ids are deleted in one statement.
        await ctx.repo.deleteTasks(ids);
        for (const gid of ids) {
          state.tasks.delete(gid);
          state.stored.delete(gid);
        }
        ctx.log.removedTaskIds.push(...ids);
        await recordAudit(ctx.tx, actor, task.workspaceId, { entityType: "plan_task", entityId: id, projectId: task.projectId, action: "delete", before: { ...ownFields(task), subtasks: under } });
      });
    },

    /** Indent, outdent, up, down or to a parent and position; refuses to put a task under itself. */
    moveTask: async (actor: Actor, id: string, input: TMovePlanTaskRequest): Promise<TPlanChange> => {
      const { access } = await requireTask(actor, id, "plan.edit");
      return change(actor, access.project, async (ctx) => {
        const { state } = ctx;
        const task = state.tasks.get(id);
        if (!task) throw notFound("plan.task_not_found");
        requireVersion(task, input.version);
        const siblings = childrenOf(state, task.parentId).filter((t) => t.id !== id);
        const index = task.position; // positions are 0..k−1 after normalising
        let parentId = task.parentId;
        let position: number;
        switch (input.action) {
          case "indent": {
            const above = childrenOf(state, task.parentId)[index - 1];
            if (!above) throw new AppError("conflict", "plan.cannot_indent");
            parentId = above.id;
            position = Number.MAX_SAFE_INTEGER;
            break;
          }
          case "outdent": {
            const parent = task.parentId === null ? undefined : state.tasks.get(task.parentId);
            if (!parent) throw new AppError("conflict", "plan.cannot_outdent");
            parentId = parent.parentId;
            position = parent.position + 0.5;
            break;
          }
          case "up":
            if (index === 0) throw new AppError("conflict", "plan.cannot_move_up");
            position = index - 1.5;
            break;
          case "down":
            if (index >= siblings.length) throw new AppError("conflict", "plan.cannot_move_down");
            position = index + 1.5;
            break;
          case "to": {
            parentId = input.parentId === undefined ? task.parentId : input.parentId;
            if (parentId !== null) {
              requirePlanTask(state, parentId, "body.parentId");
              if (parentId === id || descendantsOf(state, id).includes(parentId)) throw new AppError("conflict", "plan.move_into_itself");
            }
            const target = childrenOf(state, parentId).filter((t) => t.id !== id);
            position = positionAt(target, input.position ?? target.length);
            break;
          }
        }
        ctx.state.tasks.set(id, { ...task, parentId, position });
        ctx.log.taskId = id;
        await saveTask(ctx, actor, task, input.version, {}, `move.${input.action}`);
      });
    },

    /** Replaces a task's predecessors (the table's "Predecessors" cell): adds, changes and removes in one change. */
    setPredecessors: async (actor: Actor, id: string, input: TSetPlanPredecessorsRequest): Promise<TPlanChange> => {
      const { access } = await requireTask(actor, id, "plan.edit");
      return change(actor, access.project, async (ctx) => {
        const { state } = ctx;
        const task = state.tasks.get(id);
        if (!task) throw notFound("plan.task_not_found");
        requireVersion(task, input.version);
        const wanted = new Map<string, { type: PlanDependencyRow["type"]; lagDays: number }>();
        input.predecessors.forEach((p, i) => {
          const path = `body.predecessors.${i}.predecessorId`;
          requirePlanTask(state, p.predecessorId, path);
          if (p.predecessorId === id) throw fieldError(path, "plan.dependency_self");
          if (wanted.has(p.predecessorId)) throw fieldError(path, "plan.dependency_duplicate");
          wanted.set(p.predecessorId, { type: p.type, lagDays: p.lagDays });
        });
        const current = [...state.dependencies.values()].filter((d) => d.successorId === id);
        await removeDependencies(ctx, actor, current.filter((d) => !wanted.has(d.predecessorId)));
        for (const dependency of current) {
          const next = wanted.get(dependency.predecessorId);
          if (!next) continue;
          wanted.delete(dependency.predecessorId);
          if (next.type === dependency.type && next.lagDays === dependency.lagDays) continue;
          const row = await ctx.repo.updateDependency(dependency.id, dependency.version, next, ctx.now);
          if (!row) throw new Error("dependency changed under the plan lock");
          state.dependencies.set(row.id, row);
          ctx.log.touchedDependencies.add(row.id);
          await recordAudit(ctx.tx, actor, row.workspaceId, { entityType: "plan_dependency", entityId: row.id, projectId: row.projectId, action: "update", before: dependencyFields(dependency), after: dependencyFields(row) });
        }
        for (const [predecessorId, next] of wanted) {
          const i = input.predecessors.findIndex((p) => p.predecessorId === predecessorId);
          await insertDependency(ctx, actor, { predecessorId, successorId: id, ...next }, { predecessor: `body.predecessors.${i}.predecessorId`, successor: "params.id" });
        }
        ctx.log.taskId = id;
        await saveTask(ctx, actor, task, input.version, {}, "predecessors");
      });
    },

    createDependency: async (actor: Actor, projectId: string, input: TCreatePlanDependencyRequest): Promise<TPlanChange> => {
      const { project } = await requirePlan(actor, projectId, "plan.edit");
      return change(actor, project, async (ctx) => {
        await insertDependency(ctx, actor, input, { predecessor: "body.predecessorId", successor: "body.successorId" });
      });
    },

    updateDependency: async (actor: Actor, id: string, input: TUpdatePlanDependencyRequest): Promise<TPlanChange> => {
      const { access } = await requireDependency(actor, id);
      return change(actor, access.project, async (ctx) => {
        const dependency = ctx.state.dependencies.get(id);
        if (!dependency) throw notFound("plan.dependency_not_found");
        if (dependency.version !== input.version) throw versionConflict(presentPlanDependency(dependency));
        const values = { ...(input.type !== undefined ? { type: input.type } : {}), ...(input.lagDays !== undefined ? { lagDays: input.lagDays } : {}) };
        const row = await ctx.repo.updateDependency(id, input.version, values, ctx.now);
        if (!row) throw versionConflict(presentPlanDependency(dependency));
        ctx.state.dependencies.set(id, row);
        ctx.log.touchedDependencies.add(id);
        await recordAudit(ctx.tx, actor, row.workspaceId, { entityType: "plan_dependency", entityId: id, projectId: row.projectId, action: "update", before: dependencyFields(dependency), after: dependencyFields(row) });
      });
    },

    deleteDependency: async (actor: Actor, id: string): Promise<TPlanChange> => {
      const { access } = await requireDependency(actor, id);
      return change(actor, access.project, async (ctx) => {
        const dependency = ctx.state.dependencies.get(id);
        if (!dependency) throw notFound("plan.dependency_not_found");
        await removeDependencies(ctx, actor, [dependency]);
      });
    },

    getCalendar: async (actor: Actor, projectId: string): Promise<TPlanCalendar> => {
      const access = await requirePlan(actor, projectId, "plan.read");
      const plan = await readPlan(actor, access);
      return plan.calendar;
    },

    /** Replaces the project calendar (version 0: the default one) and reschedules the whole plan on it. */
    updateCalendar: async (actor: Actor, projectId: string, input: TUpdatePlanCalendarRequest): Promise<TPlanCalendar> => {
      const { project } = await requirePlan(actor, projectId, "plan.configure");
      const model = planCalendarFromRequest(input);
      return deps.db.transaction(async (tx) => {
        const r = createPlanningRepository(tx);
        await r.lockPlan(project.id);
        const state = await loadState(tx, project);
        const now = deps.now();
        const currentVersion = state.calendarSaved ? state.calendar.version : 0;
        if (currentVersion !== input.version) throw versionConflict(presentCalendar(state, null));
        const saved = await r.saveCalendar({ projectId: project.id, workspaceId: project.workspaceId, ...model, updatedById: actor.userId }, input.version, now);
        if (!saved) throw versionConflict(presentCalendar(state, null));
        await recordAudit(tx, actor, project.workspaceId, {
          entityType: "project_calendar",
          entityId: project.id,
          projectId: project.id,
          action: "update",
          before: { week: state.calendar.week, holidaySets: state.calendar.holidaySets, exceptions: state.calendar.exceptions, version: currentVersion },
          after: { week: saved.week, holidaySets: saved.holidaySets, exceptions: saved.exceptions, version: saved.version },
        });
        state.calendar = planCalendarOf(saved);
        state.calendarSaved = true;
        state.compiled = planCalendarCompile(state.calendar);
        state.axis = planDayAxis(state.compiled, state.planStart);
        const { finish } = await settle(tx, state, actor, now);
        return presentCalendar(state, finish);
      });
    },
  };
}
export type PlanningService = ReturnType<typeof createPlanningService>;
