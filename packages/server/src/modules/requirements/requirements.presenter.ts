import {
  priorityInputsNormalise,
  requirementKey,
  type RequirementSnapshot,
} from "@jiaofu/engine";
import type {
  TRequirement,
  TRequirementConfirmationSummary,
  TRequirementDetail,
  TRequirementRelation,
  TRequirementSnapshot,
  TRequirementSource,
} from "@jiaofu/contracts";
import { renderMarkdown } from "../../platform/markdown";
import type { RequirementRecord, RequirementRow, RequirementSourceRow } from "./requirements.repository";

/**
 * `internal`: may the caller see the team's material (status reason)? A client contact may not: the reason is
 * presented as null, whatever it says.
 */
export function presentRequirement(row: RequirementRow, internal: boolean): TRequirement {
  return {
    id: row.id,
    projectId: row.projectId,
    number: row.number,
    key: requirementKey(row.number),
    title: row.title,
    description: row.description,
    type: row.type,
    status: row.status,
    statusReason: internal ? row.statusReason : null,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    tags: row.tags,
    acceptanceCriteria: row.acceptanceCriteria,
    moscow: row.moscow,
    clientPriority: row.clientPriority,
    rank: row.rank,
    // The team's estimates (effort, reach…) stay internal; a contact sees the resulting score in the ranked view.
    priorityInputs: internal ? priorityInputsNormalise(row.priorityInputs) : {},
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentRequirementDetail(
  row: RequirementRow,
  internal: boolean,
  sources: RequirementSourceRow[],
  relations: TRequirementRelation[],
  confirmation: TRequirementConfirmationSummary | null,
): TRequirementDetail {
  return {
    ...presentRequirement(row, internal),
    descriptionHtml: renderMarkdown(row.description),
    sources: internal ? sources.map(presentSource) : [],
    relations,
    confirmation,
  };
}

export function presentSource(row: RequirementSourceRow): TRequirementSource {
  return {
    id: row.id,
    kind: row.kind,
    sessionId: row.sessionId,
    passageId: row.passageId,
    questionnaireId: row.questionnaireId,
    responseId: row.responseId,
    questionId: row.questionId,
    contactId: row.contactId,
    contactName: row.contactName,
    label: row.label,
    excerpt: row.excerpt,
    start: row.startOffset,
    end: row.endOffset,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A stored snapshot as the contract shows it; without the reason for a client contact. */
export function presentSnapshot(snapshot: RequirementSnapshot, internal: boolean): TRequirementSnapshot {
  const { priorityInputs, ...rest } = snapshot;
  return { ...rest, statusReason: internal ? snapshot.statusReason : null, ...(internal && priorityInputs ? { priorityInputs } : {}) };
}

/** The other end of a relation. */
export const presentRelatedRequirement = (row: Pick<RequirementRecord, "id" | "number" | "title" | "status">) => ({
  id: row.id,
  key: requirementKey(row.number),
  title: row.title,
  status: row.status,
});
