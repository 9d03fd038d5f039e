import { priorityInputsNormalise, requirementScore, type ScoringCriterion, type ScoringModel } from "@jiaofu/engine";
import type { TRankedRequirement, TScoringModel } from "@jiaofu/contracts";
import { presentRequirement } from "../requirements/requirements.presenter";
import type { RequirementRow } from "../requirements/requirements.repository";
import type { ScoringModelRow } from "./prioritisation.repository";

/** The model scores are computed by: the project's, or `none` while it never chose one. */
export type Scoring = { model: ScoringModel; criteria: ScoringCriterion[]; version: number };

export const scoringOf = (row: ScoringModelRow | undefined): Scoring =>
  row ? { model: row.model, criteria: row.criteria, version: row.version } : { model: "none", criteria: [], version: 0 };

export function presentScoringModel(projectId: string, row: ScoringModelRow | undefined): TScoringModel {
  return {
    projectId,
    model: row?.model ?? "none",
    criteria: row?.criteria ?? [],
    updatedById: row?.updatedById ?? null,
    updatedByName: row?.updatedByName ?? null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    version: row?.version ?? 0,
  };
}

/**
 * A requirement as the ranked view shows it, scored under `scoring`. `internal`: may the caller see the team's
 * inputs? A contact gets the score, but neither the inputs nor which of them are missing.
 */
export function presentRankedRequirement(row: RequirementRow, internal: boolean, scoring: Scoring): TRankedRequirement {
  const r = presentRequirement(row, internal);
  const { score, missing } = requirementScore(scoring.model, priorityInputsNormalise(row.priorityInputs), scoring.criteria);
  return {
    id: r.id,
    projectId: r.projectId,
    number: r.number,
    key: r.key,
    title: r.title,
    type: r.type,
    status: r.status,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    tags: r.tags,
    moscow: r.moscow,
    clientPriority: r.clientPriority,
    rank: r.rank,
    priorityInputs: r.priorityInputs,
    updatedAt: r.updatedAt,
    version: r.version,
    score,
    scoreMissing: internal ? missing : [],
  };
}
