/**
 * The risk register (`RISK-n`, docs/risks.md): create, read, edit and review a project's risks, the heat map and
 * exposure, links to the requirements a risk threatens, and the default risks of a kind of project. Every change of
 * probability, impact or status writes a review row (before → after) in the same transaction as the change; a review
 * that changes nothing is recorded too. Every write is audited on the risk.
 */
import {
  RISK_ACTIVE_STATUSES,
  RISK_LEVELS,
  jsonEqual,
  requirementKey,
  requirementVisibleToClient,
  riskCatalogue,
  riskCatalogueKey,
  riskExposureSeries,
  riskHeatMap,
  riskKey,
  riskStatusProblem,
  type RiskCatalogueEntry,
  type RiskHistory,
  type RiskRating,
} from "@jiaofu/engine";
import type {
  TAddDefaultRisksRequest,
  TCreateRiskRequest,
  TLocale,
  TRecordRiskReviewRequest,
  TRiskHeatMap,
  TRiskLevel,
  TRiskSort,
  TUpdateRiskRequest,
} from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Db, Tx } from "../../db/database";
import { AppError, fieldError, notFound, versionConflict } from "../../platform/app-error";
import { parseSort, toPage } from "../../platform/pagination";
import { authorize, canRisk, canRisks, isStaff, riskVisibility, type Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { createRequirementsRepository } from "../requirements/requirements.repository";
import { requireRiskAccess, type RiskAccess } from "./risk-access";
import { presentRisk, presentRiskReview, presentRiskSummary } from "./risks.presenter";
import {
  RISK_SORT_COLUMNS,
  createRisksRepository,
  riskSortValue,
  type RiskFilters,
  type RiskRecord,
  type RiskSortKey,
  type RiskValues,
} from "./risks.repository";

/** The time zone "today" is taken in for review dates: the product's users work on China Standard Time. */
const REVIEW_TIME_ZONE = "Asia/Shanghai";
const DAY_MS = 24 * 60 * 60 * 1000;
/** The exposure trend: the end of each of the last 12 weeks. */
const EXPOSURE_WEEKS = 12;

/** `YYYY-MM-DD` of `at` in `REVIEW_TIME_ZONE`. */
export function riskToday(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: REVIEW_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/**
 * A default risk as a new register row in `locale`: open, unowned, not shared with the client. Project templates
 * (modules/plan-templates) add theirs the same way.
 */
export function riskValuesFromCatalogue(entry: RiskCatalogueEntry, locale: TLocale): RiskValues {
  const text = entry.text[locale];
  return {
    title: text.title,
    description: text.description,
    category: entry.category,
    probability: entry.probability,
    impact: entry.impact,
    strategy: entry.strategy,
    responsePlan: text.responsePlan,
    ownerId: null,
    trigger: text.trigger,
    reviewDate: null,
    status: "open",
    statusReason: null,
    sharedWithClient: false,
  };
}

type Stale = { kind: "stale" };
const STALE: Stale = { kind: "stale" };

type ListQuery = RiskFilters & { sort: TRiskSort; cursor?: string | undefined; limit: number };

export function createRisksService(deps: AppDeps) {
  const repo = createRisksRepository(deps.db);

  async function requireRegister(actor: Actor, projectId: string, action: "risks.read" | "risks.write") {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canRisks(actor, action, access.facts));
    return access;
  }

  /** The owner must be on the project's delivery team (or an admin), like a requirement's. */
  async function requireOwner(db: Db | Tx, actor: Actor, projectId: string, ownerId: string | null | undefined) {
    if (!ownerId) return;
    if (!(await createRequirementsRepository(db).isProjectStaff(actor.workspaceId, projectId, ownerId))) throw fieldError("body.ownerId", "requirement.owner_not_staff");
  }

  /** The risk as `actor` may see it: the linked requirements a contact sees are those in front of the client. */
  async function readDetail(db: Db | Tx, actor: Actor, access: Pick<RiskAccess, "row" | "facts">) {
    const linked = await createRisksRepository(db).linkedRequirements(access.row.id);
    const visible = isStaff(actor) ? linked : linked.filter((r) => requirementVisibleToClient(r.status, r.clientSharedAt !== null));
    return presentRisk(access.row, canRisk(actor, "risk.read_internal", access.facts), riskToday(deps.now()), visible);
  }

  async function detailById(db: Db | Tx, actor: Actor, id: string) {
    return readDetail(db, actor, await requireRiskAccess(db, actor, id, "risk.read"));
  }

  /**
   * Runs `write` on the risk locked in a transaction, if it is still at `version`; a stale version answers 409 with
   * the risk as it is now, and nothing is written.
   */
  async function writeLocked(actor: Actor, access: RiskAccess, version: number, write: (tx: Tx, locked: RiskRecord) => Promise<RiskRecord | undefined>) {
    if (version !== access.row.version) throw versionConflict(await readDetail(deps.db, actor, access));
    const outcome = await deps.db.transaction(async (tx): Promise<RiskRecord | Stale> => {
      const locked = await createRisksRepository(tx).lock(actor.workspaceId, access.row.id);
      if (!locked || locked.version !== version) return STALE;
      return (await write(tx, locked)) ?? STALE;
    });
    if ("kind" in outcome) throw versionConflict(await detailById(deps.db, actor, access.row.id));
    return detailById(deps.db, actor, access.row.id);
  }

  /** The requirements among `ids` must be in the project; else a 400 on the first one that is not. */
  async function requireRequirements(actor: Actor, projectId: string, ids: readonly string[], path: (index: number) => string) {
    const found = new Set((await repo.requirementsOf(actor.workspaceId, projectId, ids)).map((r) => r.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw fieldError(path(missing), "risk.requirement_not_found");
  }

  return {
    /** A page of the register, highest score first unless asked otherwise; a contact sees the shared risks only. */
    listRisks: async (actor: Actor, projectId: string, query: ListQuery) => {
      const { facts } = await requireRegister(actor, projectId, "risks.read");
      const sort = parseSort(query.sort, RISK_SORT_COLUMNS);
      const today = riskToday(deps.now());
      const rows = await repo.list(actor.workspaceId, projectId, riskVisibility(actor, facts), { ...query, sort }, today);
      const page = toPage(rows, query.limit, (row) => riskSortValue(sort.key as RiskSortKey, row));
      const internal = isStaff(actor);
      return { items: page.items.map((row) => presentRiskSummary(row, internal, today)), nextCursor: page.nextCursor };
    },

    /**
     * The 5×5 heat map of the risks matching the filters (the active ones when no status is asked for), the count
     * per level, the overdue reviews, and exposure at the end of each of the last 12 weeks.
     */
    heatMap: async (actor: Actor, projectId: string, filters: RiskFilters): Promise<TRiskHeatMap> => {
      const { facts } = await requireRegister(actor, projectId, "risks.read");
      const visibility = riskVisibility(actor, facts);
      const now = deps.now();
      const today = riskToday(now);
      const placed = await repo.all(actor.workspaceId, projectId, visibility, { ...filters, status: filters.status ?? [...RISK_ACTIVE_STATUSES] }, today);
      const map = riskHeatMap(placed.map((r) => ({ key: r.id, probability: r.probability as RiskRating, impact: r.impact as RiskRating })));
      const byId = new Map(placed.map((r) => [r.id, r]));
      const levels = Object.fromEntries(RISK_LEVELS.map((level) => [level, 0])) as Record<TRiskLevel, number>;
      for (const cell of map.cells) levels[cell.level] += cell.count;

      const histories = new Map<string, { at: number; state: RiskHistory[number]["state"] }[]>();
      for (const entry of await repo.historyOf(actor.workspaceId, projectId, visibility)) {
        const list = histories.get(entry.riskId) ?? [];
        list.push({ at: entry.reviewedAt.getTime(), state: { probability: entry.probability as RiskRating, impact: entry.impact as RiskRating, status: entry.status } });
        histories.set(entry.riskId, list);
      }
      const instants = Array.from({ length: EXPOSURE_WEEKS }, (_, i) => now.getTime() - (EXPOSURE_WEEKS - 1 - i) * 7 * DAY_MS);
      const series = riskExposureSeries([...histories.values()], instants);

      return {
        cells: map.cells.map((cell) => ({
          probability: cell.probability,
          impact: cell.impact,
          score: cell.score,
          level: cell.level,
          count: cell.count,
          risks: cell.keys.flatMap((id) => {
            const r = byId.get(id);
            return r ? [{ id: r.id, key: riskKey(r.number), title: r.title }] : [];
          }),
        })),
        total: map.total,
        levels,
        overdue: await repo.overdueCount(actor.workspaceId, projectId, visibility, today),
        exposure: instants.map((instant, i) => ({ date: riskToday(new Date(instant)), total: series[i] ?? 0 })),
      };
    },

    getRisk: (actor: Actor, id: string) => detailById(deps.db, actor, id),

    /** A new risk (`RISK-n`, open), its first assessment in the review history, and the requirements it threatens. */
    createRisk: async (actor: Actor, projectId: string, input: TCreateRiskRequest) => {
      await requireRegister(actor, projectId, "risks.write");
      await requireOwner(deps.db, actor, projectId, input.ownerId);
      const requirementIds = [...new Set(input.requirementIds)];
      await requireRequirements(actor, projectId, requirementIds, (i) => `body.requirementIds.${i}`);
      const { requirementIds: _ids, ...fields } = input;
      const values: RiskValues = { ...fields, title: fields.title.trim(), status: "open", statusReason: null };
      const { created } = await repo.create(actor, projectId, [{ values, requirementIds }], deps.now());
      const row = created[0];
      if (!row) throw new Error("risk not created");
      return detailById(deps.db, actor, row.id);
    },

    /** The default risks of a kind of project, in the caller's language; those added before are skipped. */
    addDefaultRisks: async (actor: Actor, projectId: string, input: TAddDefaultRisksRequest) => {
      await requireRegister(actor, projectId, "risks.write");
      const entries = riskCatalogue(input.kind).map((entry) => ({ values: riskValuesFromCatalogue(entry, actor.locale), templateKey: riskCatalogueKey(input.kind, entry) }));
      const { created, skipped } = await repo.create(actor, projectId, entries, deps.now());
      const today = riskToday(deps.now());
      return { created: created.map((row) => presentRiskSummary({ ...row, ownerName: null, lastReviewedAt: row.createdAt }, true, today)), skipped };
    },

    /**
     * An edit (send `version`). A change of probability, impact or status writes a review with `note`; a `note`
     * alone is recorded as a review. Closing needs `statusReason`; another status change clears a reason not re-sent.
     */
    updateRisk: async (actor: Actor, id: string, input: TUpdateRiskRequest) => {
      const access = await requireRiskAccess(deps.db, actor, id, "risk.update");
      const { version, note, ...fields } = input;
      if (fields.ownerId !== undefined && fields.ownerId !== access.row.ownerId) await requireOwner(deps.db, actor, access.row.projectId, fields.ownerId);
      return writeLocked(actor, access, version, async (tx, locked) => {
        const set: Partial<RiskValues> = Object.fromEntries(
          Object.entries(fields).filter(([name, value]) => value !== undefined && !jsonEqual(locked[name as keyof RiskValues], value)),
        );
        if (set.title !== undefined) set.title = set.title.trim();
        const statusChanges = set.status !== undefined;
        if (statusChanges && fields.statusReason === undefined) set.statusReason = null;
        const status = set.status ?? locked.status;
        if (riskStatusProblem(status, set.statusReason === undefined ? locked.statusReason : set.statusReason)) throw fieldError("body.statusReason", "risk.reason_required");
        const reviewNote = note ?? "";
        if (Object.keys(set).length === 0 && !reviewNote) return locked;
        const nextReviewDate = set.reviewDate === undefined ? locked.reviewDate : set.reviewDate;
        return createRisksRepository(tx).update(actor, locked, version, set, { note: reviewNote, nextReviewDate, always: reviewNote !== "" }, "update", deps.now());
      });
    },

    /** The review history, newest first; a contact (on a shared risk) gets it without the team's notes. */
    listReviews: async (actor: Actor, id: string) => {
      const access = await requireRiskAccess(deps.db, actor, id, "risk.read");
      const internal = canRisk(actor, "risk.read_internal", access.facts);
      return { items: (await repo.reviews(id)).map((row) => presentRiskReview(row, internal)) };
    },

    /** "Looked at it": a review that changes nothing but the next review date (when sent), with a note. */
    recordReview: async (actor: Actor, id: string, input: TRecordRiskReviewRequest) => {
      const access = await requireRiskAccess(deps.db, actor, id, "risk.update");
      let reviewId = "";
      const risk = await writeLocked(actor, access, input.version, async (tx, locked) => {
        const nextReviewDate = input.nextReviewDate === undefined ? locked.reviewDate : input.nextReviewDate;
        const r = createRisksRepository(tx);
        const after = await r.update(actor, locked, input.version, nextReviewDate === locked.reviewDate ? {} : { reviewDate: nextReviewDate }, { note: input.note, nextReviewDate, always: true }, "review", deps.now());
        const [latest] = after ? await r.reviews(after.id) : [];
        reviewId = latest?.id ?? "";
        return after;
      });
      const review = (await repo.reviews(id)).find((row) => row.id === reviewId);
      if (!review) throw new Error("review vanished");
      return { review: presentRiskReview(review, true), risk };
    },

    linkRequirement: async (actor: Actor, id: string, requirementId: string) => {
      const access = await requireRiskAccess(deps.db, actor, id, "risk.update");
      const [requirement] = await repo.requirementsOf(actor.workspaceId, access.row.projectId, [requirementId]);
      if (!requirement) throw fieldError("body.requirementId", "risk.requirement_not_found");
      const key = requirementKey(requirement.number);
      const link = await repo.linkRequirement(actor, access.row, { id: requirement.id, key });
      if (!link) throw new AppError("conflict", "risk.requirement_linked", { requirement: key, key: riskKey(access.row.number) });
      return { linkId: link.id, requirement: { id: requirement.id, key, title: requirement.title, status: requirement.status } };
    },

    unlinkRequirement: async (actor: Actor, id: string, requirementId: string) => {
      const access = await requireRiskAccess(deps.db, actor, id, "risk.update");
      const [requirement] = await repo.requirementsOf(actor.workspaceId, access.row.projectId, [requirementId]);
      if (!requirement || !(await repo.unlinkRequirement(actor, access.row, { id: requirement.id, key: requirementKey(requirement.number) }))) {
        throw notFound("risk.requirement_not_linked");
      }
    },
  };
}
export type RisksService = ReturnType<typeof createRisksService>;
