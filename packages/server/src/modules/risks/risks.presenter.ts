import { requirementKey, riskAssessment, riskKey, riskReviewOverdue, type RiskRating } from "@jiaofu/engine";
import type { TRisk, TRiskRequirementLink, TRiskReview, TRiskSummary } from "@jiaofu/contracts";
import { renderMarkdown } from "../../platform/markdown";
import type { RiskReviewRow, RiskRow } from "./risks.repository";

const rating = (value: number) => value as RiskRating;

/**
 * `internal`: may the caller see the team's material (the status reason)? A client contact may not: it is presented
 * as null. `today` (`YYYY-MM-DD`) decides whether the review is overdue.
 */
export function presentRiskSummary(row: RiskRow, internal: boolean, today: string): TRiskSummary {
  const { score, level } = riskAssessment(rating(row.probability), rating(row.impact));
  return {
    id: row.id,
    projectId: row.projectId,
    number: row.number,
    key: riskKey(row.number),
    title: row.title,
    category: row.category,
    probability: row.probability,
    impact: row.impact,
    score,
    level,
    strategy: row.strategy,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    trigger: row.trigger,
    reviewDate: row.reviewDate,
    reviewOverdue: riskReviewOverdue(row.reviewDate, row.status, today),
    status: row.status,
    statusReason: internal ? row.statusReason : null,
    sharedWithClient: row.sharedWithClient,
    lastReviewedAt: row.lastReviewedAt?.toISOString() ?? null,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export type LinkedRequirementRow = { linkId: string; id: string; number: number; title: string; status: TRiskRequirementLink["requirement"]["status"] };

export function presentRisk(row: RiskRow, internal: boolean, today: string, requirements: readonly LinkedRequirementRow[]): TRisk {
  return {
    ...presentRiskSummary(row, internal, today),
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    responsePlan: row.responsePlan,
    responsePlanHtml: renderMarkdown(row.responsePlan),
    requirements: requirements.map((r) => ({ linkId: r.linkId, requirement: { id: r.id, key: requirementKey(r.number), title: r.title, status: r.status } })),
  };
}

/** `internal`: whether the caller reads the team's notes (a client contact gets them empty). */
export function presentRiskReview(row: RiskReviewRow, internal: boolean): TRiskReview {
  const before = row.probabilityBefore !== null && row.impactBefore !== null ? riskAssessment(rating(row.probabilityBefore), rating(row.impactBefore)).score : null;
  const changed = row.probabilityBefore !== row.probabilityAfter || row.impactBefore !== row.impactAfter || row.statusBefore !== row.statusAfter;
  return {
    id: row.id,
    riskId: row.riskId,
    reviewedById: row.reviewedById,
    reviewedByName: row.reviewedByName,
    reviewedAt: row.reviewedAt.toISOString(),
    riskVersion: row.riskVersion,
    kind: row.statusBefore === null ? "assessment" : changed ? "change" : "review",
    probabilityBefore: row.probabilityBefore,
    probabilityAfter: row.probabilityAfter,
    impactBefore: row.impactBefore,
    impactAfter: row.impactAfter,
    scoreBefore: before,
    scoreAfter: riskAssessment(rating(row.probabilityAfter), rating(row.impactAfter)).score,
    statusBefore: row.statusBefore,
    statusAfter: row.statusAfter,
    note: internal ? row.note : "",
    nextReviewDate: row.nextReviewDate,
  };
}
