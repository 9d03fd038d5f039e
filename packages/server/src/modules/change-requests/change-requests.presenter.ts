import { baselineKey, changeRequestKey, type RequirementSnapshot } from "@jiaofu/engine";
import type { TChangeRequest, TChangeRequestContent, TChangeRequestDecision, TChangeRequestItem, TChangeRequestSummary } from "@jiaofu/contracts";
import { renderMarkdown } from "../../platform/markdown";
import { presentRelatedRequirement } from "../requirements/requirements.presenter";
import type { ChangeRequestItemRow, ChangeRequestRow } from "./change-requests.repository";

function presentDecision(decision: "approved" | "rejected" | null, byId: string | null, byName: string | null, at: Date | null, comment: string): TChangeRequestDecision | null {
  if (decision === null || at === null) return null;
  return { decision, decidedById: byId, decidedByName: byName, decidedAt: at.toISOString(), comment };
}

export function presentChangeRequestSummary(row: ChangeRequestRow): TChangeRequestSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    number: row.number,
    key: changeRequestKey(row.number),
    title: row.title,
    reason: row.reason,
    status: row.status,
    impactEffortHours: row.impactEffortHours,
    impactDays: row.impactDays,
    impactCost: row.impactCost === null ? null : Number(row.impactCost),
    currency: row.currency,
    managerDecision: presentDecision(row.managerDecision, row.managerDecidedById, row.managerDecidedByName, row.managerDecidedAt, row.managerComment),
    clientDecision: presentDecision(row.clientDecision, row.clientDecidedById, row.clientDecidedByName, row.clientDecidedAt, row.clientComment),
    appliedAt: row.appliedAt?.toISOString() ?? null,
    resultingBaseline: row.baseline ? { ...row.baseline, key: baselineKey(row.baseline.number) } : null,
    itemCounts: row.itemCounts,
    createdById: row.createdById,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The content fields of a requirement snapshot (or a requirement row), as a request shows them. */
export const contentOf = (source: Pick<RequirementSnapshot, "title" | "description" | "type" | "acceptanceCriteria" | "moscow">): TChangeRequestContent => ({
  title: source.title,
  description: source.description,
  type: source.type,
  acceptanceCriteria: source.acceptanceCriteria,
  moscow: source.moscow,
});

/**
 * `before`: what each modified or removed requirement said before, by requirement id — left out where the caller
 * may not see it.
 */
export function presentChangeRequest(row: ChangeRequestRow, items: ChangeRequestItemRow[], before: Map<string, TChangeRequestContent>): TChangeRequest {
  return {
    ...presentChangeRequestSummary(row),
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    items: items.map(
      (item): TChangeRequestItem => ({
        id: item.id,
        position: item.position,
        action: item.action,
        requirement: item.requirement ? presentRelatedRequirement(item.requirement) : null,
        proposed: item.proposed ? contentOf(item.proposed) : null,
        before: item.requirementId ? (before.get(item.requirementId) ?? null) : null,
        result: item.result ? presentRelatedRequirement(item.result) : null,
      }),
    ),
  };
}
