/**
 * Scope baselines (`BL-n`) and the scope-creep figure (docs/requirements.md, "Baselines and scope creep"). A baseline
 * is taken in one transaction with the project row locked: every requirement in scope is snapshotted, the approved
 * ones move to `baselined` (origin `baseline`, with a version and an audit row each, exactly as the register writes
 * them). Baselines are never changed or removed afterwards.
 */
import {
  baselineCompare,
  baselineConflictBlockers,
  baselineKey,
  baselinePendingIncludes,
  baselineScopeIncludes,
  requirementKey,
  requirementVisibleToClient,
  scopeCreepFigure,
  scopeCreepSeries,
  type BaselineItem,
} from "@jiaofu/engine";
import type { TBaselineComparison, TBaselineCompareQuery, TCreateBaselineRequest, TScopeCreep } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Db, Tx } from "../../db/database";
import { AppError, notFound } from "../../platform/app-error";
import { recordAudit } from "../../platform/audit";
import { authorize, canBaselines, isStaff, type Actor, type BaselinesAction } from "../../platform/policy";
import { loadProjectAccess, requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { applyRequirementChange, createRequirementsRepository } from "../requirements/requirements.repository";
import { requirementTransitionStep } from "../requirements/requirements.service";
import { baselineItemOf, createBaselinesRepository, type BaselineRow, type OpenConflictRow } from "./baselines.repository";
import {
  presentBaseline,
  presentBaselineItem,
  presentBlocker,
  presentRequirementRef,
  presentSide,
  TODAY_SIDE,
} from "./baselines.presenter";

/** The 409 refusal naming every blocking conflict by both keys; `details.blockers` lists them for the UI. */
function openConflictsError(blockers: readonly OpenConflictRow[]): AppError {
  const conflicts = blockers.map((b) => `${requirementKey(b.from.number)} ↔ ${requirementKey(b.to.number)}`).join(", ");
  return new AppError("conflict", "baseline.open_conflicts", { conflicts }, { blockers: blockers.map(presentBlocker) });
}

/**
 * Takes baseline `BL-n` of `project` inside `tx`: locks the project row (so baselines of a project are numbered one
 * after the other), locks the requirements in scope, refuses with a 409 naming both keys of every open conflict
 * touching one of them, snapshots them, moves the approved ones to `baselined` (origin `baseline`) and records the
 * baseline with its audit row.
 *
 * The caller has authorised the actor (the POST route: `baselines.create`; applying a change request: its own
 * rule). A baseline taken by hand (`changeRequestId` null) needs at least one approved requirement — otherwise it
 * would only repeat the last one (400); one taken by applying a change request is always taken, even when the
 * change removed everything.
 *
 * Lock order: the project row, then the requirements in id order. A caller that changes requirements in the same
 * transaction first should lock the project row before it does (`select … from projects … for update`), so two
 * transactions never wait on each other in opposite orders.
 */
export async function takeBaselineInTransaction(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  project: { id: string; workspaceId: string },
  input: TakeBaselineInput,
): Promise<{ id: string; number: number }> {
  return takeBaselineAt(tx, actor, project, input, deps.now());
}

export type TakeBaselineInput = { name: string; description: string; changeRequestId: string | null };

/** `takeBaselineInTransaction` at a given moment (the demo data dates its baseline in the past). */
export async function takeBaselineAt(
  tx: Tx,
  actor: Actor,
  project: { id: string; workspaceId: string },
  input: TakeBaselineInput,
  now: Date,
): Promise<{ id: string; number: number }> {
  const repo = createBaselinesRepository(tx);
  const number = await repo.lockProjectForBaseline(project.id);
  const inScope = await repo.lockInScope(project.workspaceId, project.id);
  const blockers = baselineConflictBlockers(await repo.openConflicts(project.workspaceId, project.id), new Set(inScope.map((r) => r.id)));
  if (blockers.length > 0) throw openConflictsError(blockers);
  if (input.changeRequestId === null && !inScope.some((r) => r.status === "approved")) throw new AppError("validation_failed", "baseline.nothing_approved");
  const items: BaselineItem[] = [];
  for (const row of inScope) {
    const current =
      row.status === "approved"
        ? await applyRequirementChange(tx, actor, { id: row.id, expectedVersion: row.version, steps: [requirementTransitionStep(row, "baselined", "baseline", null)] }, now)
        : row;
    items.push(baselineItemOf(current));
  }
  items.sort((a, b) => a.number - b.number);
  const baseline = await repo.insert(
    {
      workspaceId: project.workspaceId,
      projectId: project.id,
      number,
      name: input.name,
      description: input.description,
      changeRequestId: input.changeRequestId,
      createdById: actor.userId,
      createdAt: now,
    },
    items,
  );
  await recordAudit(tx, actor, project.workspaceId, {
    entityType: "baseline",
    entityId: baseline.id,
    projectId: project.id,
    action: "create",
    after: { ...baseline, requirements: items.map((i) => ({ id: i.requirementId, key: requirementKey(i.number), version: i.version })) },
  });
  return { id: baseline.id, number: baseline.number };
}

export function createBaselinesService(deps: AppDeps) {
  const repo = createBaselinesRepository(deps.db);

  async function requireBaselinesAccess(db: Db | Tx, actor: Actor, projectId: string, action: BaselinesAction): Promise<ProjectAccess> {
    const access = await requireProjectAccess(db, actor, projectId, "project.read");
    authorize(canBaselines(actor, action, access.facts));
    return access;
  }

  /** The baseline, if the actor may read its project's baselines; 404 otherwise (an outsider learns nothing). */
  async function requireBaseline(actor: Actor, id: string): Promise<{ baseline: BaselineRow; access: ProjectAccess }> {
    const baseline = await repo.get(actor.workspaceId, id);
    const access = baseline && (await loadProjectAccess(deps.db, actor, baseline.projectId));
    if (!baseline || !access || !canBaselines(actor, "baselines.read", access.facts)) throw notFound("baseline.not_found");
    return { baseline, access };
  }

  /**
   * The register today as a would-be baseline, as the actor may see it: a client contact gets only the requirements in
   * front of the client (every requirement in scope is), so a requirement that left scope for the team's analysis
   * shows as gone rather than as what it is now.
   */
  async function todayItems(actor: Actor, projectId: string): Promise<BaselineItem[]> {
    const rows = await repo.register(actor.workspaceId, projectId);
    const visible = isStaff(actor) ? rows : rows.filter((r) => requirementVisibleToClient(r.status, r.clientSharedAt !== null));
    return visible.map(baselineItemOf);
  }

  /** Every baseline of the project, oldest first, with its items. */
  async function baselinesWithItems(actor: Actor, projectId: string) {
    const rows = await repo.list(actor.workspaceId, projectId);
    const items = await repo.items(rows.map((r) => r.id));
    return rows.map((row) => ({ row, items: items.get(row.id) ?? [] }));
  }

  /** Names of the owners a set of snapshots (and field changes) mention. */
  async function peopleOf(actor: Actor, items: readonly BaselineItem[], changes: readonly { field: string; before: unknown; after: unknown }[] = []) {
    const ids = new Set<string>();
    for (const item of items) if (item.snapshot.ownerId) ids.add(item.snapshot.ownerId);
    for (const change of changes) {
      if (change.field !== "ownerId") continue;
      for (const value of [change.before, change.after]) if (typeof value === "string") ids.add(value);
    }
    return Object.fromEntries(await createRequirementsRepository(deps.db).userNames(actor.workspaceId, [...ids]));
  }

  async function detail(actor: Actor, baseline: BaselineRow, previousItems: readonly BaselineItem[] | null, internal: boolean) {
    const items = (await repo.items([baseline.id])).get(baseline.id) ?? [];
    return {
      ...presentBaseline(baseline, previousItems && baselineCompare(previousItems, items).counts),
      items: items.map((i) => presentBaselineItem(i, internal)),
      people: await peopleOf(actor, items),
    };
  }

  /** The items of the baseline before `baseline` in the project, or null for the first. */
  async function previousItemsOf(actor: Actor, baseline: BaselineRow): Promise<BaselineItem[] | null> {
    if (baseline.number === 1) return null;
    const previous = (await repo.list(actor.workspaceId, baseline.projectId)).filter((b) => b.number < baseline.number).at(-1);
    return previous ? ((await repo.items([previous.id])).get(previous.id) ?? []) : null;
  }

  return {
    /** Oldest first, each with its size and what changed since the previous one. */
    listBaselines: async (actor: Actor, projectId: string) => {
      await requireBaselinesAccess(deps.db, actor, projectId, "baselines.read");
      const all = await baselinesWithItems(actor, projectId);
      return {
        items: all.map(({ row, items }, i) => {
          const previous = all[i - 1];
          return presentBaseline(row, previous ? baselineCompare(previous.items, items).counts : null);
        }),
      };
    },

    /** What a baseline taken now would hold, what it leaves out, and the conflicts blocking it. */
    previewBaseline: async (actor: Actor, projectId: string) => {
      await requireBaselinesAccess(deps.db, actor, projectId, "baselines.preview");
      const register = await repo.register(actor.workspaceId, projectId);
      const inScope = register.filter((r) => baselineScopeIncludes(r.status));
      const toBaseline = inScope.filter((r) => r.status === "approved");
      const blockers = baselineConflictBlockers(await repo.openConflicts(actor.workspaceId, projectId), new Set(inScope.map((r) => r.id)));
      const all = await baselinesWithItems(actor, projectId);
      const last = all.at(-1);
      const nextNumber = (last?.row.number ?? 0) + 1;
      const sinceLast = last ? baselineCompare(last.items, inScope.map(baselineItemOf)).counts : null;
      return {
        nextKey: baselineKey(nextNumber),
        items: inScope.map(presentRequirementRef),
        toBaseline: toBaseline.map(presentRequirementRef),
        leftOut: register.filter((r) => baselinePendingIncludes(r.status)).map(presentRequirementRef),
        blockers: blockers.map(presentBlocker),
        sinceLast: last && sinceLast ? { baselineId: last.row.id, key: baselineKey(last.row.number), added: sinceLast.added, changed: sinceLast.changed, removed: sinceLast.removed } : null,
        ready: toBaseline.length > 0 && blockers.length === 0,
      };
    },

    /** Takes the next baseline (see `takeBaselineInTransaction`). */
    createBaseline: async (actor: Actor, projectId: string, input: TCreateBaselineRequest) => {
      const { project } = await requireBaselinesAccess(deps.db, actor, projectId, "baselines.create");
      const { id } = await deps.db.transaction((tx) =>
        takeBaselineInTransaction(tx, deps, actor, project, { name: input.name, description: input.description, changeRequestId: null }),
      );
      const { baseline } = await requireBaseline(actor, id);
      return detail(actor, baseline, await previousItemsOf(actor, baseline), true);
    },

    getBaseline: async (actor: Actor, id: string) => {
      const { baseline } = await requireBaseline(actor, id);
      return detail(actor, baseline, await previousItemsOf(actor, baseline), isStaff(actor));
    },

    /**
     * The baseline against another of its project or against today. The older side is always `from`, whichever was
     * asked first, so "added" means added since.
     */
    compareBaselines: async (actor: Actor, id: string, query: TBaselineCompareQuery): Promise<TBaselineComparison> => {
      const { baseline } = await requireBaseline(actor, id);
      const internal = isStaff(actor);
      let other: BaselineRow | null = null;
      if (query.with !== "current") {
        other = (await repo.get(actor.workspaceId, query.with)) ?? null;
        if (!other || other.projectId !== baseline.projectId) throw notFound("baseline.not_found");
      }
      // `newer` null: today.
      const [older, newer] = other !== null && other.number < baseline.number ? [other, baseline] : [baseline, other];
      const itemsById = await repo.items(newer ? [older.id, newer.id] : [older.id]);
      const from = { side: presentSide(older), items: itemsById.get(older.id) ?? [] };
      const to = newer ? { side: presentSide(newer), items: itemsById.get(newer.id) ?? [] } : { side: TODAY_SIDE, items: await todayItems(actor, baseline.projectId) };
      const result = baselineCompare(from.items, to.items);
      const allChanges = [...result.changed, ...result.adjusted].flatMap((c) => c.changes);
      const present = (item: BaselineItem) => presentBaselineItem(item, internal);
      return {
        from: from.side,
        to: to.side,
        counts: result.counts,
        added: result.added.map(present),
        removed: result.removed.map((r) => ({ before: present(r.before), after: r.after && present(r.after) })),
        changed: result.changed.map((c) => ({ before: present(c.before), after: present(c.after), changes: c.changes })),
        adjusted: result.adjusted.map((c) => ({ before: present(c.before), after: present(c.after), changes: c.changes })),
        people: await peopleOf(actor, [...from.items, ...to.items], allChanges),
      };
    },

    /** Scope creep since the first baseline to today, and the series over every baseline then today. */
    scopeCreep: async (actor: Actor, projectId: string): Promise<TScopeCreep> => {
      await requireBaselinesAccess(deps.db, actor, projectId, "baselines.read");
      const all = await baselinesWithItems(actor, projectId);
      const first = all[0];
      if (!first) return { first: null, figure: null, series: [] };
      const today = await todayItems(actor, projectId);
      const states = [...all.map(({ row, items }) => ({ label: presentSide(row), items })), { label: TODAY_SIDE, items: today }];
      return {
        first: presentSide(first.row),
        figure: scopeCreepFigure(first.items, today),
        series: scopeCreepSeries(states).map((p) => ({ side: p.label, size: p.size, sinceFirst: p.sinceFirst, sincePrevious: p.sincePrevious })),
      };
    },
  };
}
export type BaselinesService = ReturnType<typeof createBaselinesService>;
