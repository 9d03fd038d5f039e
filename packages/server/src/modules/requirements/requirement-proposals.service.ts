/**
 * The conflict and duplicate finder in the register (issue 4, docs/requirements.md "Analysis"): the engine's
 * `requirementFinder…` over a project's requirements, minus the pairs the team has settled, with reasons in the
 * caller's language; and the team's decision about a proposal. The finder index is built per request — a project's
 * register is hundreds of requirements, and the engine indexes 10,000 in about a second.
 */
import {
  requirementFinderAnalyzeAll,
  requirementFinderCreate,
  requirementFinderPropose,
  type RequirementProposal,
  type RequirementReasonKey,
} from "@jiaofu/engine";
import type {
  TDecideRequirementProposalRequest,
  TLocale,
  TProjectRequirementProposal,
  TRequirementProposal,
  TRequirementProposalDecision,
} from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { fieldError } from "../../platform/app-error";
import { localisedParam, translate } from "../../platform/messages";
import { authorize, canRequirement, canRequirements, type Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { requireRequirementAccess, requirementFacts } from "./requirement-access";
import { createRequirementProposalsRepository, FINDER_RELATION_KIND, finderPairKey, type FinderRequirement } from "./requirement-proposals.repository";
import { createRequirementRelationsService } from "./requirement-relations.service";
import { presentRelatedRequirement } from "./requirements.presenter";
import { createRequirementsRepository } from "./requirements.repository";

/** The project inbox returns at most this many proposals, highest scores first. */
export const PROJECT_PROPOSALS_CAP = 200;

export const finderText = (r: Pick<FinderRequirement, "id" | "title" | "description">) => ({ id: r.id, text: `${r.title}\n${r.description}` });

/**
 * The reason of a proposal in `locale`, from the engine's `reasonKey` and `reasonParams`. Flags among the params
 * (`samePolarity`, `polarityA`, `exclusiveSide`) become localised words; numbers and subjects stay as written.
 */
export function proposalReason(locale: TLocale, key: RequirementReasonKey, params: Readonly<Record<string, string | number>>): string {
  switch (key) {
    case "requirementFinder.duplicate.identical":
      return translate(locale, key);
    case "requirementFinder.duplicate.similar":
      return translate(locale, key, {
        similarity: Number(params.similarity ?? 0).toFixed(2),
        shared: params.shared === undefined || params.shared === "" ? localisedParam("requirementFinder.nothing_shared") : params.shared,
      });
    case "requirementFinder.duplicate.implied":
      return translate(locale, key, params);
    case "requirementFinder.conflict.numeric":
      return translate(locale, key, {
        ...params,
        relation: localisedParam(params.samePolarity === 0 ? "requirementFinder.numbers_allowed_and_forbidden" : "requirementFinder.numbers_incompatible"),
      });
    case "requirementFinder.conflict.polarity": {
      const word = (p: unknown) => localisedParam(Number(p) > 0 ? "requirementFinder.affirmed" : "requirementFinder.negated");
      return translate(locale, key, { ...params, polarityA: word(params.polarityA), polarityB: word(params.polarityB) });
    }
    case "requirementFinder.conflict.exclusive": {
      const only = (side: string) => (params.exclusiveSide === side ? localisedParam("requirementFinder.only") : "");
      return translate(locale, key, { ...params, onlyA: only("a"), onlyB: only("b") });
    }
  }
}

const byScore = (x: RequirementProposal, y: RequirementProposal) => y.score - x.score || `${x.a}:${x.b}`.localeCompare(`${y.a}:${y.b}`);

export function createRequirementProposalsService(deps: AppDeps) {
  const repo = createRequirementProposalsRepository(deps.db);
  const requirementsRepo = createRequirementsRepository(deps.db);

  const proposalBody = (locale: TLocale, p: RequirementProposal) => ({
    kind: p.kind,
    score: p.score,
    reason: proposalReason(locale, p.reasonKey, p.reasonParams),
    reasonKey: p.reasonKey,
    reasonParams: { ...p.reasonParams },
  });

  return {
    /** The finder's proposals for one requirement against the rest of its project (staff who read it). */
    listProposals: async (actor: Actor, locale: TLocale, requirementId: string): Promise<{ items: TRequirementProposal[] }> => {
      const access = await requireRequirementAccess(deps.db, actor, requirementId, "requirement.read_internal");
      const projectId = access.row.projectId;
      const corpus = await repo.corpus(actor.workspaceId, projectId);
      const others = corpus.filter((r) => r.id !== requirementId);
      const byId = new Map(others.map((r) => [r.id, r]));
      const settled = await repo.settledPairs(projectId);
      const proposals = requirementFinderPropose(requirementFinderCreate(others.map(finderText)), finderText(access.row))
        .filter((p) => !settled.has(finderPairKey(p.a, p.b, p.kind)))
        .sort(byScore);
      const items = proposals.flatMap((p) => {
        const other = byId.get(p.b);
        return other ? [{ ...proposalBody(locale, p), other: presentRelatedRequirement(other) }] : [];
      });
      return { items };
    },

    /** The project's analysis inbox: every open proposal, highest score first, capped at `PROJECT_PROPOSALS_CAP`. */
    listProjectProposals: async (actor: Actor, locale: TLocale, projectId: string): Promise<{ items: TProjectRequirementProposal[]; truncated: boolean }> => {
      const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      authorize(canRequirements(actor, "requirements.internal.read", facts));
      const corpus = await repo.corpus(actor.workspaceId, projectId);
      const byId = new Map(corpus.map((r) => [r.id, r]));
      const settled = await repo.settledPairs(projectId);
      const open = requirementFinderAnalyzeAll(corpus.map(finderText))
        .filter((p) => !settled.has(finderPairKey(p.a, p.b, p.kind)))
        .sort(byScore);
      const items = open.slice(0, PROJECT_PROPOSALS_CAP).flatMap((p) => {
        const a = byId.get(p.a);
        const b = byId.get(p.b);
        return a && b ? [{ ...proposalBody(locale, p), a: presentRelatedRequirement(a), b: presentRelatedRequirement(b) }] : [];
      });
      return { items, truncated: open.length > PROJECT_PROPOSALS_CAP };
    },

    /**
     * Confirm or dismiss a proposal about this requirement and `otherId`, in one transaction. Confirming creates the
     * `duplicates` / `conflicts_with` relation (open, for a conflict) through the relations service, so its rules and
     * audit apply; an existing relation of that kind is kept. Deciding again replaces the earlier decision.
     */
    decide: async (actor: Actor, requirementId: string, input: TDecideRequirementProposalRequest): Promise<TRequirementProposalDecision> => {
      const access = await requireRequirementAccess(deps.db, actor, requirementId, "requirement.update");
      if (input.otherId === requirementId) throw fieldError("body.otherId", "requirement.relation_self");
      const other = await requirementsRepo.get(actor.workspaceId, input.otherId);
      if (!other || !canRequirement(actor, "requirement.read", requirementFacts(access.project, other))) throw fieldError("body.otherId", "requirement.not_found");
      if (other.projectId !== access.row.projectId) throw fieldError("body.otherId", "requirement.relation_other_project");
      authorize(canRequirement(actor, "requirement.update", requirementFacts(access.project, other)));

      const { row, result: relation } = await repo.decide(
        actor,
        { projectId: access.row.projectId, requirementId, otherId: input.otherId, kind: input.kind, decision: input.decision, now: deps.now() },
        async (tx) => {
          if (input.decision === "dismissed") return null;
          const relations = createRequirementRelationsService({ ...deps, db: tx });
          const existing = await repo.relationBetween(tx, requirementId, input.otherId, input.kind);
          if (existing === undefined) return relations.createRelation(actor, requirementId, { toId: input.otherId, kind: FINDER_RELATION_KIND[input.kind] });
          return (await relations.listRelations(actor, requirementId)).items.find((r) => r.id === existing) ?? null;
        },
      );
      return {
        requirementId,
        otherId: input.otherId,
        kind: row.kind,
        decision: row.decision,
        decidedById: row.decidedById,
        decidedAt: row.decidedAt.toISOString(),
        relation,
      };
    },
  };
}
