/**
 * Change requests (`CR-n`, docs/requirements.md "Change requests"): after a baseline, the way to change scope. A
 * request is drafted and edited by the team, submitted, and decided by two sides — the project manager (or an admin)
 * and a client contact of the project. A rejection by either side rejects it; the second approval applies it in the
 * same transaction: the register changes (new requirements, new content, requirements out of scope) and a new
 * baseline is taken. Every step is audited on the request and on the requirements it changes.
 */
import {
  changeRequestEditable,
  changeRequestItemProblems,
  changeRequestKey,
  changeRequestOutcome,
  changeRequestRemovalOrigin,
  changeRequestWithdrawable,
  jsonEqual,
  requirementKey,
  requirementVisibleToClient,
  type ChangeRequestItemProblem,
  type ChangeRequestStatus,
} from "@jiaofu/engine";
import type {
  TChangeRequestContent,
  TChangeRequestItemInput,
  TChangeRequestStepRequest,
  TCreateChangeRequestRequest,
  TDecideChangeRequestRequest,
  TUpdateChangeRequestRequest,
} from "@jiaofu/contracts";
import { eq } from "drizzle-orm";
import type { AppDeps } from "../../app";
import type { Db, Tx } from "../../db/database";
import { projects, type ChangeRequestProposedContent } from "../../db/schema";
import { AppError, versionConflict } from "../../platform/app-error";
import { localisedParam, translate, type MessageKey } from "../../platform/messages";
import { toPage } from "../../platform/pagination";
import {
  authorize,
  canChangeRequests,
  changeRequestSideOf,
  changeRequestVisibility,
  isStaff,
  type Actor,
} from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { takeBaselineInTransaction } from "../baselines/baselines.service";
import { applyRequirementChange, createRequirementsRepository, type RequirementRecord, type RequirementValues } from "../requirements/requirements.repository";
import { requirementTransitionStep, withCriterionIds } from "../requirements/requirements.service";
import { requireChangeRequestAccess, type ChangeRequestAccess } from "./change-request-access";
import { contentOf, presentChangeRequest, presentChangeRequestSummary } from "./change-requests.presenter";
import {
  createChangeRequestsRepository,
  type ChangeRequestItemRecord,
  type ChangeRequestItemValues,
  type ChangeRequestRecord,
  type ChangeRequestValues,
} from "./change-requests.repository";

/** A baseline's name holds at most 200 characters (the baselines contract). */
const BASELINE_NAME_MAX = 200;

const statusParam = (status: ChangeRequestStatus) => localisedParam(`change_request.status.${status}` satisfies MessageKey);

/** A refusal about the request's state (409), naming it and its status. */
const stateError = (key: MessageKey, row: Pick<ChangeRequestRecord, "number" | "status">, params: Record<string, unknown> = {}) =>
  new AppError("conflict", key, { key: changeRequestKey(row.number), status: statusParam(row.status), ...params }, { status: row.status });

const PROBLEM_KEYS: Record<ChangeRequestItemProblem, MessageKey> = {
  unknown_requirement: "requirement.not_found",
  not_in_scope: "change_request.requirement_not_in_scope",
  requirement_twice: "change_request.requirement_twice",
  requirement_missing: "field.required",
};

/** Proposed content as stored: criteria keep their ids (a modified requirement's own), new ones get one. */
function proposedOf(input: Extract<TChangeRequestItemInput, { proposed: unknown }>["proposed"]): ChangeRequestProposedContent {
  return {
    title: input.title.trim(),
    description: input.description ?? "",
    type: input.type ?? "functional",
    acceptanceCriteria: withCriterionIds(input.acceptanceCriteria ?? []),
    moscow: input.moscow ?? null,
  };
}

const itemValuesOf = (item: TChangeRequestItemInput): ChangeRequestItemValues => {
  switch (item.action) {
    case "add":
      return { action: "add", requirementId: null, proposed: proposedOf(item.proposed) };
    case "modify":
      return { action: "modify", requirementId: item.requirementId, proposed: proposedOf(item.proposed) };
    case "remove":
      return { action: "remove", requirementId: item.requirementId, proposed: null };
  }
};

/** The stored items in the shape they are compared and audited in. */
const storedValuesOf = (items: readonly ChangeRequestItemRecord[]): ChangeRequestItemValues[] =>
  items.map((item) => ({ action: item.action, requirementId: item.requirementId, proposed: item.proposed }));

/** The items compared as what they change: a re-sent list with fresh ids for the same new criteria is no change. */
const itemsSignature = (items: readonly ChangeRequestItemValues[]) =>
  items.map((item) => ({ ...item, proposed: item.proposed && { ...item.proposed, acceptanceCriteria: item.proposed.acceptanceCriteria.map((c) => c.text) } }));

/** A baseline name in the actor's language, cut to fit: "After CR-3: Export to Excel". */
function baselineNameOf(actor: Actor, row: Pick<ChangeRequestRecord, "number" | "title">): string {
  const name = translate(actor.locale, "change_request.baseline_name", { key: changeRequestKey(row.number), title: row.title });
  return name.length <= BASELINE_NAME_MAX ? name : `${name.slice(0, BASELINE_NAME_MAX - 1)}…`;
}

type Stale = { kind: "stale" };
const STALE: Stale = { kind: "stale" };

export function createChangeRequestsService(deps: AppDeps) {
  const repo = createChangeRequestsRepository(deps.db);

  /** Every item's target must be a requirement of the project in scope, each named once; else 400 on the item. */
  async function checkItems(db: Db | Tx, workspaceId: string, projectId: string, items: readonly ChangeRequestItemValues[]) {
    const ids = items.flatMap((item) => (item.requirementId ? [item.requirementId] : []));
    const rows = await createChangeRequestsRepository(db).requirements(workspaceId, projectId, ids);
    const statusOf = new Map(rows.map((r) => [r.id, r.status]));
    const problems = changeRequestItemProblems(items, (id) => statusOf.get(id));
    if (problems.length > 0) {
      const fields = problems.map((p) => ({ path: `body.items.${p.index}.requirementId`, messageKey: PROBLEM_KEYS[p.problem] }));
      throw new AppError("validation_failed", "validation_failed", {}, { fields });
    }
  }

  /** The request as `actor` may see it, with its items and what each changed requirement said before. */
  async function readDetail(db: Db | Tx, actor: Actor, access: Pick<ChangeRequestAccess, "row">) {
    const r = createChangeRequestsRepository(db);
    const { row } = access;
    const items = await r.items(row.id);
    const ids = items.flatMap((item) => (item.requirementId ? [item.requirementId] : []));
    const current = await r.requirements(actor.workspaceId, row.projectId, ids);
    // A contact reads what a requirement said only while it is in front of the client.
    const readable = new Set(current.filter((req) => isStaff(actor) || requirementVisibleToClient(req.status, req.clientSharedAt !== null)).map((req) => req.id));
    const before = new Map<string, TChangeRequestContent>();
    if (row.appliedAt) {
      for (const [id, snapshot] of await r.snapshotsBefore(ids, row.appliedAt)) if (readable.has(id)) before.set(id, contentOf(snapshot));
    } else {
      for (const req of current) if (readable.has(req.id)) before.set(req.id, contentOf(req));
    }
    return presentChangeRequest(row, items, before);
  }

  async function detailById(db: Db | Tx, actor: Actor, id: string) {
    return readDetail(db, actor, await requireChangeRequestAccess(db, actor, id, "change_request.read"));
  }

  /**
   * Runs `write` on the request locked in a transaction, if it is still at `version`; a stale version answers 409
   * with the request as it is now, and nothing is written.
   */
  async function writeLocked(actor: Actor, access: ChangeRequestAccess, version: number, write: (tx: Tx, locked: ChangeRequestRecord) => Promise<ChangeRequestRecord | undefined>) {
    if (version !== access.row.version) throw versionConflict(await readDetail(deps.db, actor, access));
    const outcome = await deps.db.transaction(async (tx): Promise<ChangeRequestRecord | Stale> => {
      const locked = await createChangeRequestsRepository(tx).lock(actor.workspaceId, access.row.id);
      if (!locked || locked.version !== version) return STALE;
      return (await write(tx, locked)) ?? STALE;
    });
    if ("kind" in outcome) throw versionConflict(await detailById(deps.db, actor, access.row.id));
    return detailById(deps.db, actor, access.row.id);
  }

  /**
   * Applies an approved request inside `tx`: the project row is locked first (the baseline locks it too, and
   * requirement creation), then the items in order — adds create approved requirements, modifies write new content
   * (the frozen rule does not apply: both sides agreed to this change), removes move requirements out of scope —
   * then a new baseline is taken. A target no longer in scope refuses the whole decision (409).
   */
  async function apply(tx: Tx, actor: Actor, cr: ChangeRequestRecord, now: Date): Promise<string> {
    const key = changeRequestKey(cr.number);
    await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, cr.projectId)).for("update");
    const r = createChangeRequestsRepository(tx);
    const register = createRequirementsRepository(tx);
    const items = await r.itemRecords(cr.id);
    const targets = new Map<string, RequirementRecord>((await r.requirements(actor.workspaceId, cr.projectId, items.flatMap((i) => (i.requirementId ? [i.requirementId] : [])))).map((row) => [row.id, row]));
    const problem = changeRequestItemProblems(items, (id) => targets.get(id)?.status)[0];
    if (problem) {
      const item = items[problem.index];
      const target = item?.requirementId ? targets.get(item.requirementId) : undefined;
      throw new AppError(
        "conflict",
        "change_request.item_out_of_scope",
        { key, requirement: target ? requirementKey(target.number) : "?", status: localisedParam(`requirement.status.${target?.status ?? "rejected"}` satisfies MessageKey) },
        { itemId: item?.id },
      );
    }
    const note = (item: ChangeRequestItemRecord, requirementId: string) =>
      r.audit(actor, {
        entityType: "requirement",
        entityId: requirementId,
        projectId: cr.projectId,
        action: "change_request.apply",
        after: { changeRequest: { id: cr.id, key, title: cr.title }, itemAction: item.action },
      });

    // Existing requirements in id order, as every multi-requirement change locks them.
    const changes = items.filter((i) => i.action !== "add").sort((a, b) => ((a.requirementId ?? "") < (b.requirementId ?? "") ? -1 : 1));
    for (const item of changes) {
      const row = targets.get(item.requirementId ?? "");
      if (!row) continue;
      if (item.action === "modify" && item.proposed) {
        const set: Partial<RequirementValues> = {};
        const proposed = item.proposed;
        for (const field of ["title", "description", "type", "acceptanceCriteria", "moscow"] as const) {
          if (!jsonEqual(row[field], proposed[field])) Object.assign(set, { [field]: proposed[field] });
        }
        if (Object.keys(set).length > 0) await applyRequirementChange(tx, actor, { id: row.id, expectedVersion: row.version, steps: [{ action: "update", set }] }, now);
      } else if (item.action === "remove") {
        const step = requirementTransitionStep(row, "rejected", changeRequestRemovalOrigin(row.status), `${key}: ${cr.title}`);
        await applyRequirementChange(tx, actor, { id: row.id, expectedVersion: row.version, steps: [step] }, now);
      }
      await note(item, row.id);
    }
    for (const item of items) {
      if (item.action !== "add" || !item.proposed) continue;
      const created = await register.create(
        actor,
        cr.projectId,
        { ...item.proposed, ownerId: null, tags: [], clientPriority: null },
        [{ kind: "document", label: `${key}: ${cr.title}`.slice(0, 300), excerpt: cr.reason }],
        now,
        { status: "approved", statusReason: null },
      );
      await r.setItemResult(item.id, created.id);
      await note(item, created.id);
    }
    const baseline = await takeBaselineInTransaction(tx, deps, actor, { id: cr.projectId, workspaceId: cr.workspaceId }, {
      name: baselineNameOf(actor, cr),
      description: cr.reason,
      changeRequestId: cr.id,
    });
    return baseline.id;
  }

  return {
    /** Newest first; a contact sees the requests put in front of the client (filtered in SQL, before paging). */
    listChangeRequests: async (actor: Actor, projectId: string, query: { status?: ChangeRequestStatus | undefined; cursor?: string | undefined; limit: number }) => {
      const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      authorize(canChangeRequests(actor, "change_requests.read", facts));
      const rows = await repo.list(actor.workspaceId, projectId, changeRequestVisibility(actor, facts), query);
      const page = toPage(rows, query.limit, (row) => row.number);
      return { items: page.items.map(presentChangeRequestSummary), nextCursor: page.nextCursor };
    },

    getChangeRequest: (actor: Actor, id: string) => detailById(deps.db, actor, id),

    /** A new draft (`CR-n`); its items are checked against the register. */
    createChangeRequest: async (actor: Actor, projectId: string, input: TCreateChangeRequestRequest) => {
      const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      authorize(canChangeRequests(actor, "change_requests.write", facts));
      const items = input.items.map(itemValuesOf);
      await checkItems(deps.db, actor.workspaceId, projectId, items);
      const { items: _items, ...values } = input;
      const row = await repo.create(actor, projectId, values satisfies ChangeRequestValues, items, deps.now());
      return detailById(deps.db, actor, row.id);
    },

    /**
     * An edit of a draft or submitted request; `items`, when sent, replaces the list. Changing a submitted request
     * clears the approvals given so far: both sides decide on what it finally says.
     */
    updateChangeRequest: async (actor: Actor, id: string, input: TUpdateChangeRequestRequest) => {
      const access = await requireChangeRequestAccess(deps.db, actor, id, "change_request.edit");
      const { version, items: itemInput, ...fields } = input;
      const items = itemInput?.map(itemValuesOf);
      if (items) await checkItems(deps.db, actor.workspaceId, access.row.projectId, items);
      return writeLocked(actor, access, version, async (tx, locked) => {
        if (!changeRequestEditable(locked.status)) throw stateError("change_request.not_editable", locked);
        const r = createChangeRequestsRepository(tx);
        const set: Partial<ChangeRequestValues> = Object.fromEntries(Object.entries(fields).filter(([name, value]) => value !== undefined && !jsonEqual(locked[name as keyof ChangeRequestValues], value)));
        const storedItems = items ? await r.itemRecords(locked.id) : [];
        const itemsChanged = items !== undefined && !jsonEqual(itemsSignature(storedValuesOf(storedItems)), itemsSignature(items));
        if (Object.keys(set).length === 0 && !itemsChanged) return locked;
        const clearDecisions =
          locked.status === "submitted" && (locked.managerDecision !== null || locked.clientDecision !== null)
            ? { managerDecision: null, managerDecidedById: null, managerDecidedAt: null, managerComment: "", clientDecision: null, clientDecidedById: null, clientDecidedAt: null, clientComment: "" }
            : {};
        return r.update(actor, locked, version, { ...set, ...clearDecisions }, "update", deps.now(), itemsChanged && items ? { before: storedItems, after: items } : undefined);
      });
    },

    /** draft → submitted, once the project has a baseline and the request changes something still in scope. */
    submitChangeRequest: async (actor: Actor, id: string, input: TChangeRequestStepRequest) => {
      const access = await requireChangeRequestAccess(deps.db, actor, id, "change_request.edit");
      return writeLocked(actor, access, input.version, async (tx, locked) => {
        if (locked.status !== "draft") throw stateError("change_request.not_draft", locked);
        const r = createChangeRequestsRepository(tx);
        if (!(await r.hasBaseline(locked.projectId))) throw new AppError("conflict", "change_request.no_baseline");
        const items = await r.itemRecords(locked.id);
        if (items.length === 0) throw stateError("change_request.no_items", locked);
        await checkItems(tx, actor.workspaceId, locked.projectId, storedValuesOf(items));
        return r.update(actor, locked, input.version, { status: "submitted" }, "submit", deps.now());
      });
    },

    /** A draft or submitted request taken back by the team. */
    withdrawChangeRequest: async (actor: Actor, id: string, input: TChangeRequestStepRequest) => {
      const access = await requireChangeRequestAccess(deps.db, actor, id, "change_request.edit");
      return writeLocked(actor, access, input.version, async (tx, locked) => {
        if (!changeRequestWithdrawable(locked.status)) throw stateError("change_request.not_withdrawable", locked);
        return createChangeRequestsRepository(tx).update(actor, locked, input.version, { status: "withdrawn" }, "withdraw", deps.now());
      });
    },

    /**
     * The caller's side decides: the project manager or an admin as manager, a client contact as client. A rejection
     * rejects the request; the second approval applies it (register and new baseline) in the same transaction.
     */
    decideChangeRequest: async (actor: Actor, id: string, input: TDecideChangeRequestRequest) => {
      const side = changeRequestSideOf(actor);
      const access = await requireChangeRequestAccess(deps.db, actor, id, side === "manager" ? "change_request.decide_manager" : "change_request.decide_client");
      return writeLocked(actor, access, input.version, async (tx, locked) => {
        if (locked.status !== "submitted") throw stateError("change_request.not_submitted", locked);
        const already = side === "manager" ? locked.managerDecision : locked.clientDecision;
        if (already !== null) throw stateError("change_request.already_decided", locked, { side: localisedParam(`change_request.side.${side}`) });
        const now = deps.now();
        const decision =
          side === "manager"
            ? { managerDecision: input.decision, managerDecidedById: actor.userId, managerDecidedAt: now, managerComment: input.comment }
            : { clientDecision: input.decision, clientDecidedById: actor.userId, clientDecidedAt: now, clientComment: input.comment };
        const outcome = changeRequestOutcome({
          manager: side === "manager" ? input.decision : locked.managerDecision,
          client: side === "client" ? input.decision : locked.clientDecision,
        });
        const r = createChangeRequestsRepository(tx);
        const decided = await r.update(actor, locked, input.version, { ...decision, ...(outcome === "rejected" ? { status: "rejected" as const } : {}) }, `decide.${side}`, now);
        if (!decided || outcome !== "approved") return decided;
        const baselineId = await apply(tx, actor, decided, now);
        return r.update(actor, decided, decided.version, { status: "approved", appliedAt: now, resultingBaselineId: baselineId }, "apply", now);
      });
    },
  };
}
export type ChangeRequestsService = ReturnType<typeof createChangeRequestsService>;

