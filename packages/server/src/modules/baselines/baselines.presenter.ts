import { baselineKey, requirementKey, type BaselineCompareCounts, type BaselineItem } from "@jiaofu/engine";
import type { TBaseline, TBaselineBlocker, TBaselineItem, TBaselineRequirementRef, TBaselineSide } from "@jiaofu/contracts";
import type { RequirementRecord } from "../requirements/requirements.repository";
import { presentSnapshot } from "../requirements/requirements.presenter";
import type { BaselineRow, OpenConflictRow } from "./baselines.repository";

/** `sincePrevious`: the comparison with the baseline before, or null for the first. */
export function presentBaseline(row: BaselineRow, sincePrevious: BaselineCompareCounts | null): TBaseline {
  return {
    id: row.id,
    projectId: row.projectId,
    number: row.number,
    key: baselineKey(row.number),
    name: row.name,
    description: row.description,
    changeRequestId: row.changeRequestId,
    createdById: row.createdById,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    requirementCount: row.requirementCount,
    sincePrevious: sincePrevious && { added: sincePrevious.added, changed: sincePrevious.changed, removed: sincePrevious.removed },
  };
}

/** `internal`: may the caller see status reasons? A client contact may not. */
export function presentBaselineItem(item: BaselineItem, internal: boolean): TBaselineItem {
  return { requirementId: item.requirementId, key: requirementKey(item.number), version: item.version, snapshot: presentSnapshot(item.snapshot, internal) };
}

export const presentSide = (row: Pick<BaselineRow, "id" | "number" | "name" | "createdAt">): TBaselineSide => ({
  baselineId: row.id,
  key: baselineKey(row.number),
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

/** The register today, as the newer side of a comparison. */
export const TODAY_SIDE: TBaselineSide = { baselineId: null, key: null, name: null, createdAt: null };

export const presentRequirementRef = (row: Pick<RequirementRecord, "id" | "number" | "title" | "status">): TBaselineRequirementRef => ({
  id: row.id,
  key: requirementKey(row.number),
  title: row.title,
  status: row.status,
});

/** Both ends of an open conflict; only staff see a preview or a refusal, so titles are fine to show. */
export function presentBlocker(row: OpenConflictRow): TBaselineBlocker {
  return {
    relationId: row.id,
    from: { id: row.from.id, key: requirementKey(row.from.number), title: row.from.title, status: row.from.status },
    to: { id: row.to.id, key: requirementKey(row.to.number), title: row.to.title, status: row.to.status },
  };
}
