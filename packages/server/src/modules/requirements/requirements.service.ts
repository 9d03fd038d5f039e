import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import {
  MOSCOW_PRIORITIES,
  REQUIREMENT_CLIENT_STATUSES,
  REQUIREMENT_STATUSES,
  requirementEditEffect,
  requirementKey,
  requirementNumberFromText,
  requirementSnapshotDiff,
  requirementTransitionCheck,
  requirementVisibleToClient,
  type RequirementSnapshot,
  type RequirementStatus,
  type RequirementTransitionCheck,
  type RequirementTransitionOrigin,
} from "@jiaofu/engine";
import {
  ZCreateRequirementRequest,
  type TBulkUpdateRequirementsRequest,
  type TCreateRequirementRequest,
  type TRequirementSourceInput,
  type TRequirementTransitionRequest,
  type TRequirementVersion,
  type TUpdateRequirementRequest,
} from "@jiaofu/contracts";
import type { z } from "zod";
import type { AppDeps } from "../../app";
import type { Db, Tx } from "../../db/database";
import { requirements } from "../../db/schema";
import { AppError, fieldError, versionConflict } from "../../platform/app-error";
import { localisedParam, type LocalisedParam, type MessageKey } from "../../platform/messages";
import { decodeCursor, encodeCursor, parseSort, toPage } from "../../platform/pagination";
import { authorize, canRequirement, canRequirements, requirementVisibility, type Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { requireRequirementAccess, type RequirementAccess } from "./requirement-access";
import { presentRelation, relationsVisibleTo } from "./requirement-relations.service";
import { createRequirementRelationsRepository } from "./requirement-relations.repository";
import { presentConfirmationSummary } from "./requirement-confirmations.presenter";
import { createRequirementConfirmationsRepository } from "./requirement-confirmations.repository";
import { presentRequirement, presentRequirementDetail, presentSnapshot, presentSource, presentRelatedRequirement } from "./requirements.presenter";
import {
  createRequirementsRepository,
  requirementSnapshotOf,
  type RequirementChange,
  type RequirementRecord,
  type RequirementRow,
  type RequirementSourceValues,
  type RequirementStep,
  type RequirementValues,
  type RequirementVersionRow,
} from "./requirements.repository";

/** Workflow order as a number, for `sort=status`. */
const STATUS_ORDER = sql<number>`(case ${requirements.status} ${sql.raw(REQUIREMENT_STATUSES.map((s, i) => `when '${s}' then ${i}`).join(" "))} end)`;
/** Unset client priority sorts after 5. */
const CLIENT_PRIORITY = sql<number>`coalesce(${requirements.clientPriority}, 6)`;

const SORT_COLUMNS = {
  key: requirements.number,
  title: requirements.title,
  status: STATUS_ORDER,
  updatedAt: requirements.updatedAt,
  priority: CLIENT_PRIORITY,
};

const moscowTier = (row: Pick<RequirementRow, "moscow">) => (row.moscow ? MOSCOW_PRIORITIES.indexOf(row.moscow) : MOSCOW_PRIORITIES.length);

/** A row's sort value as it compares in SQL (see `toPage`). */
const sortValue = (key: string) => (row: RequirementRow) => {
  switch (key) {
    case "title":
      return row.title;
    case "status":
      return REQUIREMENT_STATUSES.indexOf(row.status);
    case "updatedAt":
      return row.updatedAt.toISOString();
    case "priority":
      return row.clientPriority ?? 6;
    case "rank":
      return `${moscowTier(row)}|${row.rank}`;
    default:
      return row.number;
  }
};

export type ListRequirementsQuery = {
  status?: RequirementStatus[] | undefined;
  type?: string[] | undefined;
  moscow?: string[] | undefined;
  ownerId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  sort: string;
  cursor?: string | undefined;
  limit: number;
};

/**
 * Where a requirement made by another module came from. Sessions and questionnaires check their own ids before
 * calling `createRequirementFromSource`; the register checks a contact against the project's client.
 */
export type RequirementSourceSpec =
  | { kind: "session_passage"; sessionId: string; passageId?: string | null; excerpt: string; start: number; end: number }
  | { kind: "questionnaire_answer"; questionnaireId: string; responseId: string; questionId: string; excerpt: string }
  | TRequirementSourceInput;

/** The fields of a new requirement as another module passes them (defaults filled in as for the API). */
export type RequirementDraftInput = Omit<z.input<typeof ZCreateRequirementRequest>, "sources">;

const statusParam = (status: RequirementStatus): LocalisedParam => localisedParam(`requirement.status.${status}` satisfies MessageKey);

/** Tags trimmed, without blanks or repeats (the first spelling wins, case-insensitively). */
function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const folded = tag.toLowerCase();
    if (tag === "" || seen.has(folded)) continue;
    seen.add(folded);
    out.push(tag);
  }
  return out;
}

/** Criteria as stored: each keeps the id it was sent with, a new one gets a fresh id. */
export const withCriterionIds = (criteria: readonly { id?: string | undefined; text: string }[]) => criteria.map((c) => ({ id: c.id ?? randomUUID(), text: c.text }));

/** The refusal of a transition, in the caller's language, naming from, to and what is allowed instead. */
function transitionError(row: Pick<RequirementRecord, "number" | "status">, to: RequirementStatus, check: Extract<RequirementTransitionCheck, { ok: false }>): AppError {
  const details = { from: row.status, to, allowed: check.allowed };
  const params = {
    key: requirementKey(row.number),
    from: statusParam(row.status),
    to: statusParam(to),
    allowed: check.allowed.length > 0 ? check.allowed.map(statusParam) : localisedParam("requirement.status.none"),
  };
  switch (check.problem) {
    case "reason_required":
      return fieldError("body.reason", "requirement.reason_required");
    case "unchanged":
      return new AppError("conflict", "requirement.transition_unchanged", params, details);
    case "not_allowed":
      return new AppError("conflict", "requirement.transition_not_allowed", params, details);
    case "reserved":
      return new AppError("conflict", "requirement.transition_reserved", params, details);
  }
}

/**
 * The step that moves `row` to `to` when `via` may make that move, or the refusal as the API words it. The
 * transitions endpoint passes `manual`; taking a baseline passes `baseline` (modules/baselines).
 */
export function requirementTransitionStep(
  row: Pick<RequirementRecord, "number" | "status">,
  to: RequirementStatus,
  via: RequirementTransitionOrigin,
  reason: string | null,
): RequirementStep {
  const check = requirementTransitionCheck(row.status, to, via, reason);
  if (!check.ok) throw transitionError(row, to, check);
  return { action: "transition", set: { status: to, statusReason: reason }, automatic: false };
}

/** The field names whose values differ between two snapshots. */
const changedFields = (before: RequirementSnapshot, after: RequirementSnapshot) => requirementSnapshotDiff(before, after).map((c) => c.field);

/**
 * The steps an edit takes: the edit itself and, when it changes what an approved requirement says, the automatic
 * move back to the client. Throws when the content is frozen (baselined and later: change requests, to come).
 */
function editSteps(row: RequirementRow, set: Partial<RequirementValues> & { rank?: number }): RequirementStep[] {
  const before = requirementSnapshotOf(row);
  const fields = changedFields(before, { ...before, ...set });
  if (fields.length === 0) return [];
  const effect = requirementEditEffect(row.status, fields);
  switch (effect) {
    case "frozen":
      throw new AppError("conflict", "requirement.content_frozen", { key: requirementKey(row.number), status: statusParam(row.status) }, { id: row.id, fields });
    case "reconfirm":
      return [
        { action: "update", set },
        { action: "transition", set: { status: "awaiting_client", statusReason: null }, automatic: true },
      ];
    case "none":
      return [{ action: "update", set }];
  }
}

export function createRequirementsService(deps: AppDeps) {
  const repo = createRequirementsRepository(deps.db);

  /** The requirement as `actor` may see it, with sources and relations. */
  async function readDetail(db: Db | Tx, actor: Actor, access: RequirementAccess) {
    const internal = canRequirement(actor, "requirement.read_internal", access.facts);
    const r = createRequirementsRepository(db);
    const sources = internal ? await r.sources(access.row.id) : [];
    const relations = relationsVisibleTo(actor, access.project, await createRequirementRelationsRepository(db).listFor(actor.workspaceId, access.row.id));
    const confirmation = (await createRequirementConfirmationsRepository(db).latestFor([access.row.id])).get(access.row.id);
    return presentRequirementDetail(access.row, internal, sources, relations.map(presentRelation), presentConfirmationSummary(confirmation, access.row));
  }

  async function detailById(db: Db | Tx, actor: Actor, id: string) {
    return readDetail(db, actor, await requireRequirementAccess(db, actor, id, "requirement.read"));
  }

  async function requireOwner(db: Db | Tx, actor: Actor, projectId: string, ownerId: string | null | undefined, path: string) {
    if (!ownerId) return;
    if (!(await createRequirementsRepository(db).isProjectStaff(actor.workspaceId, projectId, ownerId))) throw fieldError(path, "requirement.owner_not_staff");
  }

  /** Creation, shared by the API and by other modules (within their transaction when they pass one). */
  async function create(db: Db | Tx, actor: Actor, projectId: string, input: Omit<TCreateRequirementRequest, "sources">, sources: RequirementSourceSpec[]) {
    const { project, facts } = await requireProjectAccess(db, actor, projectId, "project.read");
    authorize(canRequirements(actor, "requirements.write", facts));
    await requireOwner(db, actor, projectId, input.ownerId, "body.ownerId");
    const r = createRequirementsRepository(db);
    const values: RequirementSourceValues[] = [];
    for (const [i, source] of sources.entries()) {
      switch (source.kind) {
        case "contact":
          if (!(await r.isClientContact(actor.workspaceId, project.clientId, source.contactId))) throw fieldError(`body.sources.${i}.contactId`, "requirement.contact_not_client");
          values.push({ kind: "contact", contactId: source.contactId, excerpt: source.excerpt });
          break;
        case "document":
          values.push({ kind: "document", label: source.label, excerpt: source.excerpt });
          break;
        case "session_passage":
          values.push({ kind: "session_passage", sessionId: source.sessionId, passageId: source.passageId ?? null, excerpt: source.excerpt, startOffset: source.start, endOffset: source.end });
          break;
        case "questionnaire_answer":
          values.push({ kind: "questionnaire_answer", questionnaireId: source.questionnaireId, responseId: source.responseId, questionId: source.questionId, excerpt: source.excerpt });
          break;
      }
    }
    const row = await r.create(
      actor,
      projectId,
      {
        title: input.title,
        description: input.description,
        type: input.type,
        ownerId: input.ownerId,
        tags: normaliseTags(input.tags),
        acceptanceCriteria: withCriterionIds(input.acceptanceCriteria),
        moscow: input.moscow,
        clientPriority: input.clientPriority,
      },
      values,
      deps.now(),
    );
    return detailById(db, actor, row.id);
  }

  /** Applies `changes`; a stale one answers 409 with that requirement as it is now, and nothing is written. */
  async function applyOrConflict(actor: Actor, changes: RequirementChange[]) {
    const result = await repo.apply(actor, changes, deps.now());
    if (result.kind === "stale") throw versionConflict(await detailById(deps.db, actor, result.id));
    return result.rows;
  }

  /** The versions of a requirement as presented, diffing each against the one before it. */
  function presentVersions(rows: RequirementVersionRow[], previousOf: (i: number) => RequirementSnapshot | null, internal: boolean): TRequirementVersion[] {
    return rows.map((row, i) => {
      const snapshot = presentSnapshot(row.snapshot, internal);
      const previous = previousOf(i);
      return {
        version: row.version,
        action: row.action,
        automatic: row.automatic,
        changedById: row.changedById,
        changedByName: row.changedByName,
        changedAt: row.changedAt.toISOString(),
        snapshot,
        changes: requirementSnapshotDiff(previous && presentSnapshot(previous, internal), snapshot),
      };
    });
  }

  return {
    /** A contact sees only the requirements in front of the client (filtered in SQL, before paging). */
    listRequirements: async (actor: Actor, projectId: string, query: ListRequirementsQuery) => {
      const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      authorize(canRequirements(actor, "requirements.read", facts));
      const desc = query.sort.startsWith("-");
      const key = desc ? query.sort.slice(1) : query.sort;
      const sort = key === "rank" ? { key: "rank" as const, desc } : parseSort(query.sort, SORT_COLUMNS);
      const rows = await repo.list(actor.workspaceId, projectId, requirementVisibility(actor, facts), {
        ...query,
        qNumber: query.q ? requirementNumberFromText(query.q) : null,
        sort,
      });
      const page = toPage(rows, query.limit, sortValue(key));
      const internal = canRequirements(actor, "requirements.internal.read", facts);
      return { items: page.items.map((row) => presentRequirement(row, internal)), nextCursor: page.nextCursor };
    },

    getRequirement: (actor: Actor, id: string) => detailById(deps.db, actor, id),

    createRequirement: (actor: Actor, projectId: string, input: TCreateRequirementRequest) => {
      const { sources, ...fields } = input;
      return create(deps.db, actor, projectId, fields, sources);
    },

    /**
     * For other modules (elicitation sessions, questionnaires): a requirement made from `source`, with the same
     * checks as the API. Pass `tx` to make it part of your own transaction (e.g. with your link row).
     */
    createRequirementFromSource: async (actor: Actor, projectId: string, input: RequirementDraftInput, source: RequirementSourceSpec, options: { tx?: Tx } = {}) => {
      const parsed = ZCreateRequirementRequest.omit({ sources: true }).safeParse(input);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => ({ path: ["body", ...issue.path.map(String)].join("."), messageKey: "field.invalid" }));
        throw new AppError("validation_failed", "validation_failed", {}, { fields });
      }
      return create(options.tx ?? deps.db, actor, projectId, parsed.data, [source]);
    },

    /** The register's sources pointing at a session or questionnaire of the project (staff only). */
    listRequirementSources: async (actor: Actor, projectId: string, ref: { sessionId?: string; questionnaireId?: string }) => {
      const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      authorize(canRequirements(actor, "requirements.internal.read", facts));
      const rows = await repo.sourcesOf(actor.workspaceId, projectId, ref);
      return rows.map((r) => ({ requirement: presentRelatedRequirement(r.requirement), source: presentSource({ ...r.source, contactName: null }) }));
    },

    /**
     * An edit. Only the fields sent change; an edit of the content of an approved requirement sends it back to the
     * client (a second, automatic version); a stale `version` is a 409 with the current requirement.
     */
    updateRequirement: async (actor: Actor, id: string, input: TUpdateRequirementRequest) => {
      const access = await requireRequirementAccess(deps.db, actor, id, "requirement.update");
      const { row } = access;
      if (input.version !== row.version) throw versionConflict(await readDetail(deps.db, actor, access));
      if (input.ownerId !== undefined && input.ownerId !== row.ownerId) await requireOwner(deps.db, actor, row.projectId, input.ownerId, "body.ownerId");
      const { version, tags, acceptanceCriteria, ...rest } = input;
      const set: Partial<RequirementValues> & { rank?: number } = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      if (tags !== undefined) set.tags = normaliseTags(tags);
      if (acceptanceCriteria !== undefined) set.acceptanceCriteria = withCriterionIds(acceptanceCriteria);
      const steps = editSteps(row, set);
      if (steps.length === 0) return readDetail(deps.db, actor, access);
      await applyOrConflict(actor, [{ id, expectedVersion: version, steps }]);
      return detailById(deps.db, actor, id);
    },

    /** A move through the workflow by a person (docs/requirements.md has the table). */
    transitionRequirement: async (actor: Actor, id: string, input: TRequirementTransitionRequest) => {
      const access = await requireRequirementAccess(deps.db, actor, id, "requirement.update");
      const { row } = access;
      if (input.version !== row.version) throw versionConflict(await readDetail(deps.db, actor, access));
      const reason = input.reason?.trim() ? input.reason.trim() : null;
      await applyOrConflict(actor, [{ id, expectedVersion: input.version, steps: [requirementTransitionStep(row, input.to, "manual", reason)] }]);
      return detailById(deps.db, actor, id);
    },

    /**
     * Newest first, each with its changes since the previous version. A client contact sees only the versions that
     * were in front of the client, without status reasons, diffed against the previous such version.
     */
    listVersions: async (actor: Actor, id: string, query: { cursor?: string | undefined; limit: number }) => {
      const access = await requireRequirementAccess(deps.db, actor, id, "requirement.read");
      const internal = canRequirement(actor, "requirement.read_internal", access.facts);
      const beforeVersion = query.cursor ? Number(decodeCursor(query.cursor).v) : undefined;
      if (beforeVersion !== undefined && !Number.isInteger(beforeVersion)) throw fieldError("querystring.cursor", "field.invalid");
      let items: TRequirementVersion[];
      let more: boolean;
      if (internal) {
        const rows = await repo.versions(id, { beforeVersion, limit: query.limit });
        more = rows.length > query.limit;
        // The row after the page is the predecessor of the page's last version.
        items = presentVersions(rows.slice(0, query.limit), (i) => rows[i + 1]?.snapshot ?? null, true);
      } else {
        const all = await repo.allVersions(id);
        let shared = false;
        const visible = all.filter((v) => {
          if ((REQUIREMENT_CLIENT_STATUSES as readonly string[]).includes(v.snapshot.status)) shared = true;
          return requirementVisibleToClient(v.snapshot.status, shared);
        });
        const newestFirst = visible.reverse();
        // A version that changed only what a contact does not see (a reason, the scoring inputs) shows nothing new: left out.
        const presented = presentVersions(newestFirst, (i) => newestFirst[i + 1]?.snapshot ?? null, false).filter((v) => v.changes.length > 0 || v.action === "create");
        const from = presented.filter((v) => beforeVersion === undefined || v.version < beforeVersion);
        items = from.slice(0, query.limit);
        more = from.length > query.limit;
      }
      const last = items[items.length - 1];
      const ownerIds = new Set<string>();
      for (const item of items) {
        if (item.snapshot.ownerId) ownerIds.add(item.snapshot.ownerId);
        for (const change of item.changes) {
          if (change.field !== "ownerId") continue;
          for (const value of [change.before, change.after]) if (typeof value === "string") ownerIds.add(value);
        }
      }
      const people = Object.fromEntries(await repo.userNames(actor.workspaceId, [...ownerIds]));
      return { items, nextCursor: more && last ? encodeCursor({ v: last.version, id }) : null, people };
    },

    /**
     * One change to many requirements of a project, in one transaction: every id must exist in the project, every
     * version given must be current, no content of a baselined requirement may change — or nothing is written.
     */
    bulkUpdate: async (actor: Actor, projectId: string, input: TBulkUpdateRequirementsRequest) => {
      const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      authorize(canRequirements(actor, "requirements.write", facts));
      const { patch } = input;
      if (patch.ownerId) await requireOwner(deps.db, actor, projectId, patch.ownerId, "body.patch.ownerId");
      const rows = await repo.getMany(actor.workspaceId, projectId, input.ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const missing = input.ids.flatMap((id, i) => (byId.has(id) ? [] : [{ path: `body.ids.${i}`, messageKey: "requirement.not_found" }]));
      if (missing.length > 0) throw new AppError("validation_failed", "validation_failed", {}, { fields: missing });
      const stale = rows.filter((r) => input.versions?.[r.id] !== undefined && input.versions[r.id] !== r.version);
      if (stale.length > 0) throw versionConflict(stale.map((r) => presentRequirement(r, true)));
      const changes: RequirementChange[] = [];
      for (const id of input.ids) {
        const row = byId.get(id);
        if (!row) continue;
        const set: Partial<RequirementValues> = {};
        if (patch.ownerId !== undefined) set.ownerId = patch.ownerId;
        if (patch.type !== undefined) set.type = patch.type;
        if (patch.moscow !== undefined) set.moscow = patch.moscow;
        if (patch.addTags || patch.removeTags) {
          const remove = new Set((patch.removeTags ?? []).map((t) => t.trim().toLowerCase()));
          set.tags = normaliseTags([...row.tags, ...(patch.addTags ?? [])]).filter((t) => !remove.has(t.toLowerCase()));
        }
        const steps = editSteps(row, set);
        if (steps.length > 0) changes.push({ id, expectedVersion: row.version, steps });
      }
      if (changes.length > 0) await applyOrConflict(actor, changes);
      const after = new Map((await repo.getMany(actor.workspaceId, projectId, input.ids)).map((r) => [r.id, r]));
      return { items: input.ids.flatMap((id) => (after.has(id) ? [presentRequirement(after.get(id) as RequirementRow, true)] : [])) };
    },

  };
}
export type RequirementsService = ReturnType<typeof createRequirementsService>;
