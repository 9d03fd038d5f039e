import { z } from "zod";
import { ZId, ZIsoDateTime } from "./common";
import { ZRequirementFieldChange, ZRequirementSnapshot, ZRequirementStatus } from "./requirements";

/**
 * Scope baselines (`BL-n`): named, immutable snapshots of a project's agreed requirements; comparisons between two
 * baselines or a baseline and today; the scope-creep figure since the first baseline (docs/requirements.md).
 */

export const ZCreateBaselineRequest = z.object({
  name: z.string().trim().min(1).max(200),
  /** Plain text: why this baseline was taken (a milestone, a signed scope …). */
  description: z.string().trim().max(5000).default(""),
});
export type TCreateBaselineRequest = z.infer<typeof ZCreateBaselineRequest>;

/** Added, changed and removed requirements. */
export const ZScopeCreepCounts = z
  .object({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() })
  .meta({ id: "ScopeCreepCounts" });
export type TScopeCreepCounts = z.infer<typeof ZScopeCreepCounts>;

export const ZBaseline = z
  .object({
    id: ZId,
    projectId: ZId,
    number: z.number().int(),
    /** `BL-n`. */
    key: z.string(),
    name: z.string(),
    description: z.string(),
    /** The change request whose application took this baseline, if any. */
    changeRequestId: ZId.nullable(),
    createdById: ZId.nullable(),
    createdByName: z.string().nullable(),
    createdAt: ZIsoDateTime,
    requirementCount: z.number().int(),
    /** What changed since the previous baseline; null for the first. */
    sincePrevious: ZScopeCreepCounts.nullable(),
  })
  .meta({ id: "Baseline" });
export type TBaseline = z.infer<typeof ZBaseline>;

/** One requirement as a baseline holds it (or as it stands today). */
export const ZBaselineItem = z
  .object({
    requirementId: ZId,
    key: z.string(),
    /** The requirement's version in the baseline. */
    version: z.number().int(),
    snapshot: ZRequirementSnapshot,
  })
  .meta({ id: "BaselineItem" });
export type TBaselineItem = z.infer<typeof ZBaselineItem>;

export const ZBaselineDetail = ZBaseline.extend({
  items: z.array(ZBaselineItem),
  /** Names of the owners the items mention, by id. */
  people: z.record(z.string(), z.string()),
}).meta({ id: "BaselineDetail" });
export type TBaselineDetail = z.infer<typeof ZBaselineDetail>;

/** A requirement as a preview or a blocker names it. */
export const ZBaselineRequirementRef = z
  .object({ id: ZId, key: z.string(), title: z.string(), status: ZRequirementStatus })
  .meta({ id: "BaselineRequirementRef" });
export type TBaselineRequirementRef = z.infer<typeof ZBaselineRequirementRef>;

/** An open conflict that blocks a baseline: both requirements it relates. */
export const ZBaselineBlocker = z
  .object({ relationId: ZId, from: ZBaselineRequirementRef, to: ZBaselineRequirementRef })
  .meta({ id: "BaselineBlocker" });
export type TBaselineBlocker = z.infer<typeof ZBaselineBlocker>;

/** What a baseline taken now would hold, what it leaves out, and what blocks it (staff only). */
export const ZBaselinePreview = z
  .object({
    /** `BL-n` the baseline would get. */
    nextKey: z.string(),
    /** Every requirement in scope (approved, baselined, delivered, accepted). */
    items: z.array(ZBaselineRequirementRef),
    /** The approved requirements that would become baselined. */
    toBaseline: z.array(ZBaselineRequirementRef),
    /** Not agreed yet (draft, in analysis, awaiting the client): left out. */
    leftOut: z.array(ZBaselineRequirementRef),
    blockers: z.array(ZBaselineBlocker),
    /** What would change since the last baseline; null when there is none. */
    sinceLast: ZScopeCreepCounts.extend({ baselineId: ZId, key: z.string() }).nullable(),
    /** Whether a baseline can be taken now (something approved, no blockers). */
    ready: z.boolean(),
  })
  .meta({ id: "BaselinePreview" });
export type TBaselinePreview = z.infer<typeof ZBaselinePreview>;

/** The other side of a comparison: a baseline id, or `current` for the register today. */
export const ZBaselineCompareQuery = z.object({ with: z.union([ZId, z.literal("current")]) });
export type TBaselineCompareQuery = z.infer<typeof ZBaselineCompareQuery>;

/** One side of a comparison: a baseline, or today (`baselineId` null). */
export const ZBaselineSide = z
  .object({ baselineId: ZId.nullable(), key: z.string().nullable(), name: z.string().nullable(), createdAt: ZIsoDateTime.nullable() })
  .meta({ id: "BaselineSide" });
export type TBaselineSide = z.infer<typeof ZBaselineSide>;

const ZBaselineChange = z.object({ before: ZBaselineItem, after: ZBaselineItem, changes: z.array(ZRequirementFieldChange) });

export const ZBaselineComparison = z
  .object({
    /** The older side (sides are put in order, whichever was asked first). */
    from: ZBaselineSide,
    to: ZBaselineSide,
    counts: z.object({
      from: z.number().int(),
      to: z.number().int(),
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      adjusted: z.number().int(),
      unchanged: z.number().int(),
    }),
    added: z.array(ZBaselineItem),
    /** `after`: how the requirement stands on the newer side out of scope (rejected …), or null when it is gone. */
    removed: z.array(z.object({ before: ZBaselineItem, after: ZBaselineItem.nullable() })),
    /** What was agreed changed: title, description, type, acceptance criteria, MoSCoW or client priority. */
    changed: z.array(ZBaselineChange),
    /** Only the owner, tags, rank or scoring inputs changed: not scope creep. */
    adjusted: z.array(ZBaselineChange),
    people: z.record(z.string(), z.string()),
  })
  .meta({ id: "BaselineComparison" });
export type TBaselineComparison = z.infer<typeof ZBaselineComparison>;

export const ZScopeCreepPoint = z
  .object({
    side: ZBaselineSide,
    size: z.number().int(),
    sinceFirst: ZScopeCreepCounts,
    sincePrevious: ZScopeCreepCounts,
  })
  .meta({ id: "ScopeCreepPoint" });

/** Scope creep since the first baseline; `figure` is null before any baseline. */
export const ZScopeCreep = z
  .object({
    first: ZBaselineSide.nullable(),
    figure: ZScopeCreepCounts.extend({
      baseSize: z.number().int(),
      currentSize: z.number().int(),
      netChange: z.number().int(),
      addedPercent: z.number().nullable(),
      changedPercent: z.number().nullable(),
      removedPercent: z.number().nullable(),
      totalPercent: z.number().nullable(),
    }).nullable(),
    /** Each baseline oldest first, then today. */
    series: z.array(ZScopeCreepPoint),
  })
  .meta({ id: "ScopeCreep" });
export type TScopeCreep = z.infer<typeof ZScopeCreep>;
