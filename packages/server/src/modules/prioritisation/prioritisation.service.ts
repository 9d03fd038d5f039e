import { randomUUID } from "node:crypto";
import {
  jsonEqual,
  priorityInputsMerge,
  priorityInputsNormalise,
  rankByScore,
  rankPlace,
  requirementKey,
  requirementRankCompare,
  requirementScore,
  type RequirementStatus,
} from "@jiaofu/engine";
import {
  RANKED_VIEW_MAX,
  type TRankByScoreRequest,
  type TSetClientPriorityRequest,
  type TUpdatePriorityInputsRequest,
  type TUpdateScoringModelRequest,
  type ZMoveRequirementRequest,
} from "@jiaofu/contracts";
import type { z } from "zod";
import type { AppDeps } from "../../app";
import { AppError, fieldError, versionConflict } from "../../platform/app-error";
import {
  authorize,
  canPrioritisation,
  canRequirement,
  canRequirementPriority,
  canRequirements,
  requirementVisibility,
  type Actor,
  type PrioritisationAction,
  type RequirementPriorityAction,
} from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { requireRequirementAccess, type RequirementAccess } from "../requirements/requirement-access";
import { applyRequirementChange, createRequirementsRepository, StaleRequirement, type RequirementChange } from "../requirements/requirements.repository";
import { createRequirementsService } from "../requirements/requirements.service";
import { createPrioritisationRepository } from "./prioritisation.repository";
import { presentRankedRequirement, presentScoringModel, scoringOf } from "./prioritisation.presenter";

type MoveInput = z.output<typeof ZMoveRequirementRequest>;

/** A new criterion's id: short, stable, and what a weighted input is keyed by. */
const newCriterionId = () => `c-${randomUUID().slice(0, 8)}`;

/** Prioritisation use-cases (docs/requirements.md "Prioritisation"). Who may: `canPrioritisation`, `canRequirementPriority`. */
export function createPrioritisationService(deps: AppDeps) {
  const repo = createPrioritisationRepository(deps.db);
  const register = createRequirementsService(deps);

  async function requireProject(actor: Actor, projectId: string, action: PrioritisationAction) {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canPrioritisation(actor, action, access.facts));
    return access;
  }

  /** The requirement if the actor sees it (else 404) and may do `action` on it (else 403). */
  async function requireRequirement(actor: Actor, id: string, action: RequirementPriorityAction): Promise<RequirementAccess> {
    const access = await requireRequirementAccess(deps.db, actor, id, "requirement.read");
    authorize(canRequirementPriority(actor, action, access.facts));
    return access;
  }

  /** The requirement as the ranked view shows it to `actor`, scored under the project's model. */
  async function rankedById(actor: Actor, id: string) {
    const access = await requireRequirementAccess(deps.db, actor, id, "requirement.read");
    const scoring = scoringOf(await repo.model(actor.workspaceId, access.row.projectId));
    return presentRankedRequirement(access.row, canRequirement(actor, "requirement.read_internal", access.facts), scoring);
  }

  /** A 409 carrying the requirement as it is now. */
  const staleRequirement = async (actor: Actor, id: string) => versionConflict(await register.getRequirement(actor, id));

  /** One edit of a requirement's priority fields: a version and an audit row, or 409 if it changed meanwhile. */
  async function applyEdit(actor: Actor, change: RequirementChange) {
    const result = await createRequirementsRepository(deps.db).apply(actor, [change], deps.now());
    if (result.kind === "stale") throw await staleRequirement(actor, change.id);
  }

  return {
    getScoringModel: async (actor: Actor, projectId: string) => {
      await requireProject(actor, projectId, "priorities.model.read");
      return presentScoringModel(projectId, await repo.model(actor.workspaceId, projectId));
    },

    /**
     * Chooses the model and (optionally) replaces the weighted criteria. Criteria sent with an id keep it, so the
     * values entered against them stay; new ones get one. Criteria left out of the request stay as they are.
     */
    updateScoringModel: async (actor: Actor, projectId: string, input: TUpdateScoringModelRequest) => {
      await requireProject(actor, projectId, "priorities.configure");
      const result = await deps.db.transaction(async (tx) => {
        const r = createPrioritisationRepository(tx);
        const current = await r.model(actor.workspaceId, projectId, { forUpdate: true });
        if ((current?.version ?? 0) !== input.version) return { kind: "stale" as const };
        const criteria = input.criteria ? input.criteria.map((c) => ({ id: c.id ?? newCriterionId(), name: c.name, weight: c.weight })) : (current?.criteria ?? []);
        const saved = await r.saveModel(tx, actor, projectId, input.version, { model: input.model, criteria }, current, deps.now());
        return saved ? { kind: "ok" as const } : { kind: "stale" as const };
      });
      const now = await repo.model(actor.workspaceId, projectId);
      if (result.kind === "stale") throw versionConflict(presentScoringModel(projectId, now));
      return presentScoringModel(projectId, now);
    },

    /**
     * The ranked view: every requirement the actor sees (of `status`, when given), MoSCoW tier then rank, each
     * with its score. Not paged — dragging needs whole tiers — but capped at `RANKED_VIEW_MAX`.
     */
    ranked: async (actor: Actor, projectId: string, query: { status?: RequirementStatus[] | undefined }) => {
      const { facts } = await requireProject(actor, projectId, "priorities.read");
      const internal = canRequirements(actor, "requirements.internal.read", facts);
      const scoring = scoringOf(await repo.model(actor.workspaceId, projectId));
      const rows = await createRequirementsRepository(deps.db).list(actor.workspaceId, projectId, requirementVisibility(actor, facts), {
        status: query.status,
        sort: { key: "rank", desc: false },
        limit: RANKED_VIEW_MAX,
      });
      return {
        model: scoring.model,
        criteria: internal ? scoring.criteria : [],
        modelVersion: internal ? scoring.version : 0,
        items: rows.slice(0, RANKED_VIEW_MAX).map((row) => presentRankedRequirement(row, internal, scoring)),
        truncated: rows.length > RANKED_VIEW_MAX,
      };
    },

    /** Sets, changes or clears scoring inputs. Never reopens anything: inputs are not what the client agreed to. */
    updateInputs: async (actor: Actor, id: string, input: TUpdatePriorityInputsRequest) => {
      const { row } = await requireRequirement(actor, id, "requirement.priority.rank");
      if (input.version !== row.version) throw await staleRequirement(actor, id);
      if (input.weighted) {
        const known = new Set(scoringOf(await repo.model(actor.workspaceId, row.projectId)).criteria.map((c) => c.id));
        // Clearing the value of a criterion removed since is allowed: it tidies up.
        const unknown = Object.entries(input.weighted).find(([criterionId, value]) => value !== null && !known.has(criterionId));
        if (unknown) throw fieldError(`body.weighted.${unknown[0]}`, "prioritisation.unknown_criterion");
      }
      const current = priorityInputsNormalise(row.priorityInputs);
      const next = priorityInputsMerge(current, input);
      if (!jsonEqual(current, next)) await applyEdit(actor, { id, expectedVersion: input.version, steps: [{ action: "update", set: { priorityInputs: next } }] });
      return rankedById(actor, id);
    },

    /** The client's own priority: a contact on a requirement they see, or the team on their behalf. */
    setClientPriority: async (actor: Actor, id: string, input: TSetClientPriorityRequest) => {
      const { row } = await requireRequirement(actor, id, "requirement.priority.client");
      if (input.version !== row.version) throw await staleRequirement(actor, id);
      if (input.clientPriority !== row.clientPriority) {
        await applyEdit(actor, { id, expectedVersion: input.version, steps: [{ action: "update", set: { clientPriority: input.clientPriority } }] });
      }
      return rankedById(actor, id);
    },

    /**
     * A drag and drop, in one transaction with the project locked: into tier `moscow`, between its neighbours. The
     * moved requirement gets a version (its tier and rank); when the neighbours are too close to split, the tier is
     * renumbered and each renumbered requirement gets one too.
     */
    move: async (actor: Actor, id: string, input: MoveInput) => {
      const { row } = await requireRequirement(actor, id, "requirement.priority.rank");
      if (input.version !== row.version) throw await staleRequirement(actor, id);
      for (const [field, neighbourId] of [["previousId", input.previousId], ["nextId", input.nextId]] as const) {
        if (neighbourId === id) throw fieldError(`body.${field}`, "field.invalid");
      }
      let renumbered = 0;
      try {
        await deps.db.transaction(async (tx) => {
          const r = createPrioritisationRepository(tx);
          await r.lockProject(tx, row.projectId);
          const tier = (await r.tier(actor.workspaceId, row.projectId, input.moscow, id)).sort(requirementRankCompare);
          const position = (neighbourId: string | null, field: "previousId" | "nextId") => {
            if (neighbourId === null) return null;
            const at = tier.findIndex((item) => item.id === neighbourId);
            if (at < 0) throw fieldError(`body.${field}`, "prioritisation.neighbour_not_in_tier");
            return at;
          };
          const previousAt = position(input.previousId, "previousId");
          const nextAt = position(input.nextId, "nextId");
          if (previousAt !== null && nextAt !== null && previousAt >= nextAt) {
            throw new AppError("conflict", "prioritisation.order_changed", { key: requirementKey(row.number) }, { previousId: input.previousId, nextId: input.nextId });
          }
          const placement = rankPlace(tier, input.previousId, input.nextId);
          const changes: RequirementChange[] = placement.renumbered.flatMap((change) => {
            const item = tier.find((t) => t.id === change.id);
            return item ? [{ id: item.id, expectedVersion: item.version, steps: [{ action: "update" as const, set: { rank: change.rank } }] }] : [];
          });
          if (input.moscow !== row.moscow || placement.rank !== row.rank) {
            changes.push({ id, expectedVersion: input.version, steps: [{ action: "update", set: { moscow: input.moscow, rank: placement.rank } }] });
          }
          // A fixed order, as the register's bulk edit does, so concurrent writers cannot deadlock.
          for (const change of changes.sort((a, b) => (a.id < b.id ? -1 : 1))) await applyRequirementChange(tx, actor, change, deps.now());
          renumbered = placement.renumbered.length;
        });
      } catch (error) {
        if (error instanceof StaleRequirement) throw await staleRequirement(actor, id);
        throw error;
      }
      return { requirement: await rankedById(actor, id), renumbered };
    },

    /**
     * "Rank by score": every MoSCoW tier of the project ordered by score, highest first (unscored after, in their
     * order), in one transaction; each requirement whose rank changes gets a version, and the project's audit log
     * records the re-ranking. `modelVersion` is the model the person saw: changed since, it is a 409.
     */
    rankByScore: async (actor: Actor, projectId: string, input: TRankByScoreRequest) => {
      await requireProject(actor, projectId, "priorities.configure");
      const outcome = await deps.db
        .transaction(async (tx) => {
        const r = createPrioritisationRepository(tx);
        await r.lockProject(tx, projectId);
        const model = await r.model(actor.workspaceId, projectId, { forUpdate: true });
        const scoring = scoringOf(model);
        if (scoring.version !== input.modelVersion) return { kind: "stale_model" as const };
        if (scoring.model === "none") throw new AppError("conflict", "prioritisation.no_model");
        const rows = await r.all(actor.workspaceId, projectId);
        const scored = rows.map((row) => ({ ...row, score: requirementScore(scoring.model, priorityInputsNormalise(row.priorityInputs), scoring.criteria).score }));
        const changes = rankByScore(scored);
        const byId = new Map(rows.map((row) => [row.id, row]));
        const applied: { id: string; from: number; to: number }[] = [];
        for (const change of [...changes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
          const current = byId.get(change.id);
          if (!current) continue;
          await applyRequirementChange(tx, actor, { id: change.id, expectedVersion: current.version, steps: [{ action: "update", set: { rank: change.rank } }] }, deps.now());
          applied.push({ id: change.id, from: current.rank, to: change.rank });
        }
        await r.recordProjectAudit(tx, actor, projectId, "requirements.rank_by_score", { model: scoring.model, modelVersion: scoring.version, changes: applied });
        return { kind: "ok" as const, changed: applied.length };
        })
        .catch(async (error: unknown) => {
          // A requirement edited between the read and its re-ranking: nothing was written; the person tries again.
          if (error instanceof StaleRequirement) throw await staleRequirement(actor, error.requirementId);
          throw error;
        });
      if (outcome.kind === "stale_model") throw versionConflict(presentScoringModel(projectId, await repo.model(actor.workspaceId, projectId)));
      return { changed: outcome.changed };
    },
  };
}
export type PrioritisationService = ReturnType<typeof createPrioritisationService>;
