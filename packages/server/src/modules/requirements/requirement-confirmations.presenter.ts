import { requirementContentChangedSince, requirementKey } from "@jiaofu/engine";
import type { TPendingConfirmation, TRequirementConfirmation, TRequirementConfirmationSummary } from "@jiaofu/contracts";
import type { ConfirmationRow, LatestConfirmation } from "./requirement-confirmations.repository";
import { requirementSnapshotOf, type RequirementRecord } from "./requirements.repository";

export function presentConfirmation(row: ConfirmationRow): TRequirementConfirmation {
  return {
    id: row.id,
    requirementId: row.requirementId,
    projectId: row.projectId,
    requirementVersion: row.requirementVersion,
    decision: row.decision,
    comment: row.comment,
    contactId: row.contactId,
    contactName: row.contactName,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The latest confirmation of `current`, and whether what it says changed since the version the contact answered. */
export function presentConfirmationSummary(latest: LatestConfirmation | undefined, current: RequirementRecord): TRequirementConfirmationSummary | null {
  if (!latest) return null;
  return {
    decision: latest.decision,
    contactId: latest.contactId,
    contactName: latest.contactName,
    confirmedAt: latest.createdAt.toISOString(),
    requirementVersion: latest.requirementVersion,
    // Every version is written with its snapshot; the join is outer only so that a confirmation is never dropped.
    changedSince: latest.confirmedSnapshot !== null && requirementContentChangedSince(latest.confirmedSnapshot, requirementSnapshotOf(current)),
  };
}

export function presentPendingConfirmation(row: RequirementRecord & { awaitingSince: Date }, latest: LatestConfirmation | undefined): TPendingConfirmation {
  return {
    id: row.id,
    key: requirementKey(row.number),
    title: row.title,
    version: row.version,
    awaitingSince: row.awaitingSince.toISOString(),
    lastConfirmation: presentConfirmationSummary(latest, row),
  };
}
