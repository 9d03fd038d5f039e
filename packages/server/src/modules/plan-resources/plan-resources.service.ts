/**
 * A plan's resources, assignments, loads, levelling and budget (docs/planning.md, "Resources, levelling and
 * budget"). Every write goes through the planning service's change (`runChange`): the plan is locked, the change is
 * made, the plan is rescheduled — work and cost roll up from the assignments, levelling starts delay tasks — and the
 * task rows that changed are answered. Reads (loads, the levelling preview, the budget) schedule the plan as it
 * stands in memory and write nothing.
 */
import { createHash, randomUUID } from "node:crypto";
import type {
  TApplyPlanLevellingRequest,
  TCreatePlanResourceRequest,
  TDeletePlanResourceQuery,
  TPlanAssignmentsChange,
  TLocale,
  TPlanBudget,
  TPlanBudgetQuery,
  TPlanCalendarException,
  TPlanChange,
  TPlanLevellingPreview,
  TPlanLevellingRequest,
  TPlanResourceChange,
  TPlanResourceList,
  TPlanResourceLoad,
  TSetPlanAssignmentsRequest,
  TUpdatePlanResourceRequest,
} from "@jiaofu/contracts";
import {
  calendarIntervalsFromText,
  PLAN_TICKS_PER_DAY,
  type PlanAssignmentAmount,
  planAssignmentAmounts,
  type PlanDerived,
  planBudgetCurve,
  planBudgetTotal,
  planLevel,
  planOutline,
  planResourceLoad,
  planSchedule,
  planScheduleBasis,
  type PlanTaskFacts,
  type PlanTaskSpan,
  type ResourceUnlevellableReason,
} from "@jiaofu/engine";
import type { AppDeps } from "../../app";
import type { PlanCalendarException } from "../../db/schema";
import { AppError, fieldError, notFound, versionConflict } from "../../platform/app-error";
import { recordAudit } from "../../platform/audit";
import { translate, type MessageKey } from "../../platform/messages";
import { authorize, canPlan, canPlanResources, type Actor, type PlanResourcesAction } from "../../platform/policy";
import { loadProjectAccess, requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { presentPlanTask } from "../planning/planning.presenter";
import { createPlanningRepository, type PlanTaskRow } from "../planning/planning.repository";
import { type ChangeContext, createPlanningService, loadState, type PlanState } from "../planning/planning.service";
import { planAssignmentFactsOf, planHoursPerDay, planResourceFactsOf, planTaskFactsWithResources } from "./plan-resources.facts";
import { presentPlanAssignment, presentPlanResource } from "./plan-resources.presenter";
import { createPlanResourcesRepository, type NewPlanResourceRow, type PlanAssignmentRow, type PlanResourceRow } from "./plan-resources.repository";

const ticksOf = (days: number | null) => Math.round((days ?? 0) * PLAN_TICKS_PER_DAY);
const round2 = (x: number) => Math.round(x * 100) / 100 + 0;

/** The resource fields people edit (what the audit log records). */
const resourceFields = (row: PlanResourceRow) => ({
  name: row.name,
  kind: row.kind,
  userId: row.userId,
  role: row.role,
  maxUnits: row.maxUnits,
  costPerHour: row.costPerHour,
  costPerUse: row.costPerUse,
  materialLabel: row.materialLabel,
  exceptions: row.exceptions,
  version: row.version,
});

/** Exceptions as stored: hours text → minutes; a problem is a 400 on its field. */
function exceptionsFromRequest(exceptions: readonly TPlanCalendarException[]): PlanCalendarException[] {
  return exceptions.map((e, i) => {
    if (e.to && e.to < e.from) throw fieldError(`body.exceptions.${i}.to`, "end_before_start");
    let intervals: { start: number; end: number }[];
    try {
      intervals = calendarIntervalsFromText(e.hours).map((x) => ({ start: x.start, end: x.end }));
    } catch {
      throw fieldError(`body.exceptions.${i}.hours`, "plan.calendar_hours_invalid");
    }
    const name = e.name.trim();
    return { from: e.from, ...(e.to ? { to: e.to } : {}), intervals, ...(name ? { name: { zh: name, en: name } } : {}) };
  });
}

/** The work and cost of every assignment of the plan in `state`. */
function amountsOf(state: PlanState): ReadonlyMap<string, PlanAssignmentAmount> {
  const out = planAssignmentAmounts(
    [...state.tasks.values()],
    [...state.resources.values()].map(planResourceFactsOf),
    [...state.assignments.values()].map(planAssignmentFactsOf),
    planHoursPerDay(state.compiled),
  );
  return out.ok ? out.amounts : new Map();
}

/** The tasks of the plan in `state` as the scheduler sees them (work and cost with the assignments). */
const factsOf = (state: PlanState, tasks: readonly PlanTaskRow[] = [...state.tasks.values()]) =>
  planTaskFactsWithResources(tasks, [...state.resources.values()], [...state.assignments.values()], state.compiled);

/** Schedules the plan in memory (the derived columns by task id), or throws the engine's refusal as a 409. */
function scheduleOf(state: PlanState, facts: readonly PlanTaskFacts[]) {
  const result = planSchedule(facts, [...state.dependencies.values()], state.axis);
  if (!result.ok) throw new AppError("conflict", "plan_levelling.refused", { reason: result.refusal.kind });
  return result;
}

/** Where each non-summary task is scheduled, in ticks (what loads and the budget spread over). */
function spansOf(derived: ReadonlyMap<string, PlanDerived>): PlanTaskSpan[] {
  const spans: PlanTaskSpan[] = [];
  for (const [id, d] of derived) if (!d.isSummary) spans.push({ id, startTick: ticksOf(d.calcStartDay), finishTick: ticksOf(d.calcFinishDay) });
  return spans;
}

/**
 * What levelling depends on, as a short hash: the plan's start, calendar and holiday data, every task's and
 * dependency's version (and levelling start), every resource's and assignment's version. A preview answers it;
 * apply refuses a basis that no longer matches, so what is applied is what was shown.
 */
function levellingBasis(state: PlanState): string {
  const hash = createHash("sha256");
  hash.update(planScheduleBasis(state.planStart, state.calendar));
  const add = (rows: Iterable<{ id: string; version: number }>, extra: (row: never) => string = () => "") => {
    for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))) hash.update(`|${row.id}:${row.version}${extra(row as never)}`);
  };
  add(state.tasks.values(), (t: PlanTaskRow) => `:${t.levellingStart ?? ""}`);
  hash.update("#");
  add(state.dependencies.values());
  hash.update("#");
  add(state.resources.values());
  hash.update("#");
  add(state.assignments.values());
  return hash.digest("hex").slice(0, 32);
}

const UNLEVELLABLE_MESSAGES: Readonly<Record<ResourceUnlevellableReason, MessageKey>> = {
  "units-above-max": "plan_levelling.units_above_max",
  "no-slack": "plan_levelling.no_slack",
  fixed: "plan_levelling.fixed",
  alap: "plan_levelling.alap",
  "do-not-level": "plan_levelling.do_not_level",
};

export function createPlanResourcesService(deps: AppDeps) {
  const planning = createPlanningService(deps);
  const repo = createPlanResourcesRepository(deps.db);

  async function requireResources(actor: Actor, projectId: string, action: PlanResourcesAction): Promise<ProjectAccess> {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canPlanResources(actor, action, access.facts));
    return access;
  }

  /** The resource, if the actor may read its project (404 otherwise); 403 when they may not do `action`. */
  async function requireResource(actor: Actor, id: string, action: PlanResourcesAction): Promise<{ resource: PlanResourceRow; access: ProjectAccess }> {
    const resource = await repo.resource(actor.workspaceId, id);
    const access = resource && (await loadProjectAccess(deps.db, actor, resource.projectId));
    if (!resource || !access || !canPlan(actor, "plan.read", access.facts)) throw notFound("plan_resource.not_found");
    authorize(canPlanResources(actor, action, access.facts));
    return { resource, access };
  }

  async function requireTask(actor: Actor, id: string, action: PlanResourcesAction): Promise<ProjectAccess> {
    const task = await createPlanningRepository(deps.db).task(actor.workspaceId, id);
    const access = task && (await loadProjectAccess(deps.db, actor, task.projectId));
    if (!task || !access || !canPlan(actor, "plan.read", access.facts)) throw notFound("plan.task_not_found");
    authorize(canPlanResources(actor, action, access.facts));
    return access;
  }

  function requireUniqueName(state: PlanState, name: string, exceptId: string | null) {
    const wanted = name.trim().toLocaleLowerCase();
    for (const r of state.resources.values()) {
      if (r.id !== exceptId && r.name.trim().toLocaleLowerCase() === wanted) throw new AppError("conflict", "plan_resource.name_taken", { name });
    }
  }

  async function requireTeamUser(ctx: ChangeContext, userId: string | null | undefined) {
    if (userId && !(await createPlanResourcesRepository(ctx.tx).isProjectWorker(ctx.state.project.id, userId))) throw fieldError("body.userId", "plan_resource.user_not_on_team");
  }

  /** A resource change's answer: the resource, its assignments with fresh amounts, and the plan rows that moved. */
  function resourceChange(state: PlanState, resource: PlanResourceRow | null, removed: { resourceId: string; assignmentIds: string[] } | null, plan: TPlanChange): TPlanResourceChange {
    const amounts = amountsOf(state);
    return {
      resource: resource ? presentPlanResource(resource) : null,
      removedResourceId: removed?.resourceId ?? null,
      assignments: resource ? [...state.assignments.values()].filter((a) => a.resourceId === resource.id).map((a) => presentPlanAssignment(a, amounts.get(a.id))) : [],
      removedAssignmentIds: removed?.assignmentIds ?? [],
      plan,
    };
  }

  /** Levels the plan in `state` and schedules the result, without writing anything. */
  function levelPlan(locale: TLocale, state: PlanState, withinSlackOnly: boolean) {
    const rows = [...state.tasks.values()];
    const facts = factsOf(state, rows);
    const resources = [...state.resources.values()];
    const resourceFacts = resources.map(planResourceFactsOf);
    const assignmentFacts = [...state.assignments.values()].map(planAssignmentFactsOf);
    const levelled = planLevel(facts, [...state.dependencies.values()], state.axis, resourceFacts, assignmentFacts, new Map(rows.map((t) => [t.id, t.priority])), { withinSlackOnly });
    if (!levelled.ok) throw new AppError("conflict", "plan_levelling.refused", { reason: levelled.message });
    const before = scheduleOf(state, facts);
    const after = scheduleOf(
      state,
      facts.map((t) => ({ ...t, levellingStart: levelled.levellingStarts.get(t.id) ?? null })),
    );
    const outline = planOutline(rows);
    const label = (id: string) => {
      const i = outline.indexOf.get(id);
      const task = state.tasks.get(id);
      const wbs = i === undefined ? "" : (outline.wbs[i] ?? "");
      return { wbsCode: wbs, name: task?.name ?? "", text: task ? (wbs ? `${wbs} ${task.name}` : task.name) : id };
    };
    const loadsBefore = planResourceLoad(state.axis, spansOf(before.derived), resourceFacts, assignmentFacts);
    const loadsAfter = planResourceLoad(state.axis, spansOf(after.derived), resourceFacts, assignmentFacts);
    const lastFinish = (derived: ReadonlyMap<string, PlanDerived>) => {
      let last = 0;
      for (const d of derived.values()) if (!d.isSummary) last = Math.max(last, d.calcFinishDay ?? 0);
      return last;
    };
    const moved: TPlanLevellingPreview["moved"] = [];
    for (const id of outline.order.map((t) => t.id)) {
      const b = before.derived.get(id);
      const a = after.derived.get(id);
      if (!b || !a || b.isSummary || b.calcStartDay === a.calcStartDay) continue;
      const { wbsCode, name } = label(id);
      moved.push({ taskId: id, wbsCode, name, startBefore: b.calcStart, finishBefore: b.calcFinish, startAfter: a.calcStart, finishAfter: a.calcFinish, shiftDays: round2((a.calcStartDay ?? 0) - (b.calcStartDay ?? 0)) });
    }
    const resourceName = new Map(resources.map((r) => [r.id, r]));
    const preview: TPlanLevellingPreview = {
      projectId: state.project.id,
      withinSlackOnly,
      basis: levellingBasis(state),
      levelled: rows.some((t) => t.levellingStart !== null),
      finishBefore: before.finish,
      finishAfter: after.finish,
      finishChangeDays: round2(lastFinish(after.derived) - lastFinish(before.derived)),
      moved,
      overAllocations: resources
        .filter((r) => r.kind === "work")
        .map((r) => ({ resourceId: r.id, name: r.name, daysBefore: loadsBefore.get(r.id)?.overAllocatedDays ?? 0, daysAfter: loadsAfter.get(r.id)?.overAllocatedDays ?? 0 }))
        .filter((o) => o.daysBefore > 0 || o.daysAfter > 0),
      unlevellable: levelled.unlevellable.map((u) => {
        const { wbsCode, name, text } = label(u.taskId);
        const resource = u.resourceId === null ? undefined : resourceName.get(u.resourceId);
        return {
          taskId: u.taskId,
          wbsCode,
          name,
          resourceId: u.resourceId,
          reason: u.reason,
          message: translate(locale, UNLEVELLABLE_MESSAGES[u.reason], { task: text, resource: resource?.name ?? "", max: resource?.maxUnits ?? 0 }),
        };
      }),
    };
    return { preview, levellingStarts: levelled.levellingStarts };
  }

  /** Stores `starts` as the plan's levelling starts (clearing all others) in the change `ctx`, and audits it. */
  async function storeLevellingStarts(ctx: ChangeContext, actor: Actor, starts: ReadonlyMap<string, string>, action: "apply" | "clear", withinSlackOnly: boolean | null) {
    const { state } = ctx;
    const before: Record<string, string> = {};
    for (const t of state.tasks.values()) if (t.levellingStart) before[t.id] = t.levellingStart;
    await createPlanResourcesRepository(ctx.tx).replaceLevellingStarts(state.project.id, starts);
    for (const task of state.tasks.values()) {
      const next = starts.get(task.id) ?? null;
      if (task.levellingStart === next) continue;
      state.tasks.set(task.id, { ...task, levellingStart: next });
      // The levelling start is in the task's answer but not in its schedule columns: answer the row either way.
      ctx.log.touchedTasks.add(task.id);
    }
    await recordAudit(ctx.tx, actor, state.project.workspaceId, {
      entityType: "plan_levelling",
      entityId: state.project.id,
      projectId: state.project.id,
      action,
      before: { levellingStarts: before },
      after: { levellingStarts: Object.fromEntries(starts), ...(withinSlackOnly === null ? {} : { withinSlackOnly }) },
    });
  }

  return {
    list: async (actor: Actor, projectId: string): Promise<TPlanResourceList> => {
      const { project } = await requireResources(actor, projectId, "plan_resources.read");
      const state = await loadState(deps.db, project);
      const amounts = amountsOf(state);
      return {
        projectId: project.id,
        currency: project.currency,
        resources: [...state.resources.values()].map(presentPlanResource),
        assignments: [...state.assignments.values()].map((a) => presentPlanAssignment(a, amounts.get(a.id))),
      };
    },

    create: async (actor: Actor, projectId: string, input: TCreatePlanResourceRequest): Promise<TPlanResourceChange> => {
      const { project } = await requireResources(actor, projectId, "plan_resources.manage");
      const exceptions = exceptionsFromRequest(input.exceptions ?? []);
      let created: PlanResourceRow | undefined;
      let state: PlanState | undefined;
      const plan = await planning.runChange(actor, project, async (ctx) => {
        state = ctx.state;
        requireUniqueName(ctx.state, input.name, null);
        await requireTeamUser(ctx, input.userId);
        created = await createPlanResourcesRepository(ctx.tx).insertResource({
          id: randomUUID(),
          workspaceId: project.workspaceId,
          projectId: project.id,
          name: input.name,
          kind: input.kind,
          userId: input.userId ?? null,
          role: input.role ?? "",
          maxUnits: input.maxUnits ?? 1,
          costPerHour: input.costPerHour ?? 0,
          costPerUse: input.costPerUse ?? 0,
          materialLabel: input.materialLabel ?? "",
          exceptions,
          createdById: actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        ctx.state.resources.set(created.id, created);
        await recordAudit(ctx.tx, actor, project.workspaceId, { entityType: "plan_resource", entityId: created.id, projectId: project.id, action: "create", after: resourceFields(created) });
      });
      return resourceChange(state as PlanState, created as PlanResourceRow, null, plan);
    },

    /** Changes a resource; a change of kind or rates changes the cost of every task it is on (rescheduled). */
    update: async (actor: Actor, id: string, input: TUpdatePlanResourceRequest): Promise<TPlanResourceChange> => {
      const { access } = await requireResource(actor, id, "plan_resources.manage");
      const exceptions = input.exceptions === undefined ? undefined : exceptionsFromRequest(input.exceptions);
      let updated: PlanResourceRow | undefined;
      let state: PlanState | undefined;
      const plan = await planning.runChange(actor, access.project, async (ctx) => {
        state = ctx.state;
        const current = ctx.state.resources.get(id);
        if (!current) throw notFound("plan_resource.not_found");
        if (current.version !== input.version) throw versionConflict(presentPlanResource(current));
        if (input.name !== undefined) requireUniqueName(ctx.state, input.name, id);
        if (input.userId !== undefined) await requireTeamUser(ctx, input.userId);
        const values: Partial<NewPlanResourceRow> = {};
        for (const key of ["name", "kind", "userId", "role", "maxUnits", "costPerHour", "costPerUse", "materialLabel"] as const) {
          if (input[key] !== undefined) (values as Record<string, unknown>)[key] = input[key];
        }
        if (exceptions !== undefined) values.exceptions = exceptions;
        updated = await createPlanResourcesRepository(ctx.tx).updateResource(id, input.version, values, ctx.now);
        if (!updated) throw versionConflict(presentPlanResource(current));
        ctx.state.resources.set(id, updated);
        await recordAudit(ctx.tx, actor, updated.workspaceId, { entityType: "plan_resource", entityId: id, projectId: updated.projectId, action: "update", before: resourceFields(current), after: resourceFields(updated) });
      });
      return resourceChange(state as PlanState, updated as PlanResourceRow, null, plan);
    },

    /** Removes a resource with its assignments; the tasks it was on lose its work and cost (rescheduled). */
    remove: async (actor: Actor, id: string, query: TDeletePlanResourceQuery): Promise<TPlanResourceChange> => {
      const { access } = await requireResource(actor, id, "plan_resources.manage");
      let state: PlanState | undefined;
      let assignmentIds: string[] = [];
      const plan = await planning.runChange(actor, access.project, async (ctx) => {
        state = ctx.state;
        const current = ctx.state.resources.get(id);
        if (!current) throw notFound("plan_resource.not_found");
        if (current.version !== query.version) throw versionConflict(presentPlanResource(current));
        assignmentIds = [...ctx.state.assignments.values()].filter((a) => a.resourceId === id).map((a) => a.id);
        if (!(await createPlanResourcesRepository(ctx.tx).deleteResource(id, query.version))) throw versionConflict(presentPlanResource(current));
        ctx.state.resources.delete(id);
        for (const a of assignmentIds) ctx.state.assignments.delete(a);
        await recordAudit(ctx.tx, actor, current.workspaceId, { entityType: "plan_resource", entityId: id, projectId: current.projectId, action: "delete", before: { ...resourceFields(current), assignments: assignmentIds.length } });
      });
      return resourceChange(state as PlanState, null, { resourceId: id, assignmentIds }, plan);
    },

    /**
     * Replaces a task's assignments (adds, changes units, removes) as one change of the task: the task's version is
     * checked and bumped, so two people editing one task's resources cannot overwrite each other unnoticed.
     * Summary tasks take no resources (the engine's rule): 409.
     */
    setAssignments: async (actor: Actor, taskId: string, input: TSetPlanAssignmentsRequest): Promise<TPlanAssignmentsChange> => {
      const access = await requireTask(actor, taskId, "plan_resources.assign");
      let assignments: TPlanAssignmentsChange["assignments"] = [];
      const plan = await planning.runChange(actor, access.project, async (ctx) => {
        const { state } = ctx;
        const task = state.tasks.get(taskId);
        if (!task) throw notFound("plan.task_not_found");
        if (task.version !== input.version) throw versionConflict(presentPlanTask(task, true));
        if ([...state.tasks.values()].some((t) => t.parentId === taskId)) {
          const outline = planOutline([...state.tasks.values()]);
          const wbs = outline.wbs[outline.indexOf.get(taskId) ?? -1] ?? "";
          throw new AppError("conflict", "plan_resource.summary_task", { task: wbs ? `${wbs} ${task.name}` : task.name }, { taskIds: [taskId] });
        }
        const wanted = new Map<string, number>();
        input.assignments.forEach((a, i) => {
          if (!state.resources.has(a.resourceId)) throw fieldError(`body.assignments.${i}.resourceId`, "plan_resource.unknown_resource");
          if (wanted.has(a.resourceId)) throw fieldError(`body.assignments.${i}.resourceId`, "plan_resource.duplicate");
          wanted.set(a.resourceId, a.units);
        });
        const r = createPlanResourcesRepository(ctx.tx);
        const current = [...state.assignments.values()].filter((a) => a.taskId === taskId);
        const removed = current.filter((a) => !wanted.has(a.resourceId));
        await r.deleteAssignments(removed.map((a) => a.id));
        for (const a of removed) state.assignments.delete(a.id);
        for (const a of current) {
          const units = wanted.get(a.resourceId);
          wanted.delete(a.resourceId);
          if (units === undefined || units === a.units) continue;
          const row = await r.updateAssignmentUnits(a.id, units, ctx.now);
          if (row) state.assignments.set(row.id, row);
        }
        const added = await r.insertAssignments(
          [...wanted].map(([resourceId, units]) => ({ id: randomUUID(), workspaceId: task.workspaceId, projectId: task.projectId, taskId, resourceId, units, createdById: actor.userId, createdAt: ctx.now, updatedAt: ctx.now })),
        );
        for (const row of added) state.assignments.set(row.id, row);
        // An assignment change is a change of the task: its version moves on.
        const bumped = await ctx.repo.updateTask(taskId, input.version, {}, ctx.now);
        if (!bumped) throw versionConflict(presentPlanTask(task, true));
        state.tasks.set(taskId, { ...bumped, parentId: task.parentId, position: task.position });
        ctx.log.taskId = taskId;
        ctx.log.touchedTasks.add(taskId);
        const summary = (rows: readonly PlanAssignmentRow[]) => rows.map((a) => ({ resourceId: a.resourceId, units: a.units }));
        const now = [...state.assignments.values()].filter((a) => a.taskId === taskId);
        await recordAudit(ctx.tx, actor, task.workspaceId, { entityType: "plan_task", entityId: taskId, projectId: task.projectId, action: "assignments", before: { assignments: summary(current), version: task.version }, after: { assignments: summary(now), version: bumped.version } });
        const amounts = amountsOf(state);
        assignments = now.map((a) => presentPlanAssignment(a, amounts.get(a.id)));
      });
      return { taskId, assignments, plan };
    },

    load: async (actor: Actor, projectId: string): Promise<TPlanResourceLoad> => {
      const { project } = await requireResources(actor, projectId, "plan_resources.read");
      const state = await loadState(deps.db, project);
      const resources = [...state.resources.values()];
      const schedule = scheduleOf(state, factsOf(state));
      const loads = planResourceLoad(state.axis, spansOf(schedule.derived), resources.map(planResourceFactsOf), [...state.assignments.values()].map(planAssignmentFactsOf));
      return {
        projectId: project.id,
        resources: resources.map((r) => {
          const load = loads.get(r.id);
          return {
            resourceId: r.id,
            name: r.name,
            kind: r.kind,
            maxUnits: r.maxUnits,
            days: (load?.days ?? []).map((d) => ({ date: d.date, day: d.day, units: d.units, capacity: d.capacity, overAllocated: d.overAllocated })),
            overAllocatedDays: load?.overAllocatedDays ?? 0,
          };
        }),
      };
    },

    /** Levelling's before and after, written nowhere; reasons in `locale` (the request's language). */
    previewLevelling: async (actor: Actor, projectId: string, input: TPlanLevellingRequest, locale: TLocale): Promise<TPlanLevellingPreview> => {
      const { project } = await requireResources(actor, projectId, "plan_resources.read");
      return levelPlan(locale, await loadState(deps.db, project), input.withinSlackOnly).preview;
    },

    /** Levels the plan as previewed (`basis`): stores the levelling starts, clears the others, reschedules. */
    applyLevelling: async (actor: Actor, projectId: string, input: TApplyPlanLevellingRequest): Promise<TPlanChange> => {
      const { project } = await requireResources(actor, projectId, "plan_resources.manage");
      return planning.runChange(actor, project, async (ctx) => {
        if (levellingBasis(ctx.state) !== input.basis) throw new AppError("conflict", "plan_levelling.stale");
        const { levellingStarts } = levelPlan(actor.locale, ctx.state, input.withinSlackOnly);
        await storeLevellingStarts(ctx, actor, levellingStarts, "apply", input.withinSlackOnly);
      });
    },

    /** Undo: clears every levelling start, so the plan is scheduled as it was before levelling. */
    clearLevelling: async (actor: Actor, projectId: string): Promise<TPlanChange> => {
      const { project } = await requireResources(actor, projectId, "plan_resources.manage");
      return planning.runChange(actor, project, async (ctx) => {
        await storeLevellingStarts(ctx, actor, new Map(), "clear", null);
      });
    },

    budget: async (actor: Actor, projectId: string, query: TPlanBudgetQuery): Promise<TPlanBudget> => {
      const { project } = await requireResources(actor, projectId, "plan_resources.read");
      const state = await loadState(deps.db, project);
      const rows = [...state.tasks.values()];
      const facts = factsOf(state, rows);
      const schedule = scheduleOf(state, facts);
      const outline = planOutline(rows);
      const factsById = new Map(facts.map((t) => [t.id, t]));
      const amounts = amountsOf(state);
      const tasks = spansOf(schedule.derived).map((span) => ({ ...span, cost: factsById.get(span.id)?.fixedCost ?? 0 }));
      let fixedCost = 0;
      let workHours = 0;
      for (const span of tasks) {
        fixedCost += state.tasks.get(span.id)?.fixedCost ?? 0;
        workHours += factsById.get(span.id)?.workHours ?? 0;
      }
      let resourceCost = 0;
      for (const a of state.assignments.values()) if (schedule.derived.get(a.taskId)?.isSummary === false) resourceCost += amounts.get(a.id)?.cost ?? 0;
      let start: string | null = null;
      for (const d of schedule.derived.values()) if (d.calcStart !== null && (start === null || d.calcStart < start)) start = d.calcStart;
      const phases: TPlanBudget["phases"] = [];
      for (let i = 0; i < outline.order.length; i++) {
        if ((outline.parents[i] as number) >= 0) continue;
        const task = outline.order[i] as PlanTaskRow;
        const d = schedule.derived.get(task.id);
        if (!d) continue;
        phases.push({
          taskId: task.id,
          wbsCode: d.wbsCode,
          name: task.name,
          kind: d.isSummary ? "summary" : task.durationDays === 0 ? "milestone" : "task",
          start: d.calcStart,
          finish: d.calcFinish,
          workHours: round2(d.calcWorkHours ?? 0),
          cost: round2(d.calcCost ?? 0),
        });
      }
      return {
        projectId: project.id,
        currency: project.currency,
        interval: query.interval,
        start,
        finish: schedule.finish,
        totalCost: planBudgetTotal(tasks),
        fixedCost: round2(fixedCost),
        resourceCost: round2(resourceCost),
        workHours: round2(workHours),
        phases,
        periods: planBudgetCurve(state.axis, tasks, query.interval),
      };
    },
  };
}
export type PlanResourcesService = ReturnType<typeof createPlanResourcesService>;
