import { z } from "zod";
import { RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES, RISK_STRATEGIES, RISK_TEMPLATE_KINDS } from "@jiaofu/engine";
import { ZId, ZIsoDate, ZIsoDateTime, ZListQueryBase, ZVersioned } from "./common";
import { ZRelatedRequirement, zCsvOf } from "./requirements";

/**
 * The risk register (`RISK-n`, docs/risks.md): a project's risks on the 5×5 probability × impact matrix, their
 * response, owner, trigger and review date, an append-only review history, links to the requirements they threaten,
 * and the heat map. Score and level are computed by the engine from probability and impact.
 */
export { RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES, RISK_STRATEGIES, RISK_TEMPLATE_KINDS };
export type TRiskCategory = (typeof RISK_CATEGORIES)[number];
export type TRiskStrategy = (typeof RISK_STRATEGIES)[number];
export type TRiskStatus = (typeof RISK_STATUSES)[number];
export type TRiskLevel = (typeof RISK_LEVELS)[number];
export type TRiskTemplateKind = (typeof RISK_TEMPLATE_KINDS)[number];
export const ZRiskCategory = z.enum(RISK_CATEGORIES);
export const ZRiskStrategy = z.enum(RISK_STRATEGIES);
export const ZRiskStatus = z.enum(RISK_STATUSES);
export const ZRiskLevel = z.enum(RISK_LEVELS);

/** 1 (very low) to 5 (very high). */
export const ZRiskRating = z.number().int().min(1).max(5);

const ZRiskTitle = z.string().trim().min(1).max(200);
const ZRiskMarkdown = z.string().max(20_000);
const ZRiskTrigger = z.string().trim().max(1000);
/** A review or status note: why a risk was closed, what the review found. */
const ZRiskNote = z.string().trim().max(5000);

export const ZRiskSummary = z
  .object({
    id: ZId,
    projectId: ZId,
    number: z.number().int(),
    /** `RISK-<number>`, unique in the project. */
    key: z.string(),
    title: z.string(),
    category: ZRiskCategory,
    probability: ZRiskRating,
    impact: ZRiskRating,
    /** probability × impact, 1–25. */
    score: z.number().int(),
    level: ZRiskLevel,
    strategy: ZRiskStrategy,
    ownerId: ZId.nullable(),
    ownerName: z.string().nullable(),
    trigger: z.string(),
    /** The next review, `YYYY-MM-DD`. */
    reviewDate: ZIsoDate.nullable(),
    /** Review date before today and not closed. */
    reviewOverdue: z.boolean(),
    status: ZRiskStatus,
    /** Why it was closed (or the last status change's note). Null for client contacts: internal. */
    statusReason: z.string().nullable(),
    sharedWithClient: z.boolean(),
    /** When it was last reviewed or changed in probability, impact or status. */
    lastReviewedAt: ZIsoDateTime.nullable(),
    createdById: ZId.nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "RiskSummary" });
export type TRiskSummary = z.infer<typeof ZRiskSummary>;

/** A requirement a risk threatens, through the trace link `risk threatens requirement`. */
export const ZRiskRequirementLink = z
  .object({ linkId: ZId, requirement: ZRelatedRequirement })
  .meta({ id: "RiskRequirementLink" });
export type TRiskRequirementLink = z.infer<typeof ZRiskRequirementLink>;

export const ZRisk = ZRiskSummary.extend({
  /** Markdown. */
  description: z.string(),
  descriptionHtml: z.string(),
  /** Markdown. */
  responsePlan: z.string(),
  responsePlanHtml: z.string(),
  /** The requirements it threatens (a client contact sees only those in front of the client). */
  requirements: z.array(ZRiskRequirementLink),
}).meta({ id: "Risk" });
export type TRisk = z.infer<typeof ZRisk>;

export const RISK_SORTS = ["score", "key", "reviewDate", "updatedAt"] as const;
export type TRiskSort = (typeof RISK_SORTS)[number] | `-${(typeof RISK_SORTS)[number]}`;
const RISK_SORT_VALUES = RISK_SORTS.flatMap((s) => [s, `-${s}`]) as [TRiskSort, ...TRiskSort[]];

/** `true` or `false` in a query string. */
const ZQueryBoolean = z.enum(["true", "false"]).transform((v) => v === "true");

/** The register's filters (the heat map takes the same, without paging and sort). */
const riskFilters = {
  /** One or more statuses, `status=open,monitoring`. */
  status: zCsvOf(RISK_STATUSES).optional(),
  category: zCsvOf(RISK_CATEGORIES).optional(),
  /** Levels by score: low 1–4, medium 5–9, high 10–16, critical 17–25. */
  level: zCsvOf(RISK_LEVELS).optional(),
  ownerId: ZId.optional(),
  /** Only risks whose review is overdue (`true`) or not (`false`). */
  overdue: ZQueryBoolean.optional(),
  /** One cell of the heat map. */
  probability: z.coerce.number().int().min(1).max(5).optional(),
  impact: z.coerce.number().int().min(1).max(5).optional(),
};

export const ZListRisksQuery = ZListQueryBase.extend({
  ...riskFilters,
  /** `score` (highest first by default: `-score`) · `key` · `reviewDate` (unset last) · `updatedAt`; `-` reverses. */
  sort: z.enum(RISK_SORT_VALUES).default("-score"),
});
export type TListRisksQuery = z.input<typeof ZListRisksQuery>;

/** The heat map's risks: the register's filters; without `status`, the active ones (open, monitoring). */
export const ZRiskHeatMapQuery = ZListQueryBase.pick({ q: true }).extend(riskFilters);
export type TRiskHeatMapQuery = z.input<typeof ZRiskHeatMapQuery>;

export const ZRiskHeatMapCell = z
  .object({
    probability: ZRiskRating,
    impact: ZRiskRating,
    score: z.number().int(),
    level: ZRiskLevel,
    count: z.number().int(),
    /** The risks in the cell, highest score first then by key. */
    risks: z.array(z.object({ id: ZId, key: z.string(), title: z.string() })),
  })
  .meta({ id: "RiskHeatMapCell" });
export type TRiskHeatMapCell = z.infer<typeof ZRiskHeatMapCell>;

export const ZRiskHeatMap = z
  .object({
    /** 25 cells, top to bottom and left to right: probability 5 → 1, then impact 1 → 5. */
    cells: z.array(ZRiskHeatMapCell),
    total: z.number().int(),
    /** Risks per level among those placed. */
    levels: z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int(), critical: z.number().int() }),
    /** Risks not closed whose review is overdue (whatever the filters). */
    overdue: z.number().int(),
    /**
     * Exposure — the sum of the scores of the active risks the caller sees — at the end of each of the last 12 weeks
     * (today last), rebuilt from the review history.
     */
    exposure: z.array(z.object({ date: ZIsoDate, total: z.number().int() })),
  })
  .meta({ id: "RiskHeatMap" });
export type TRiskHeatMap = z.infer<typeof ZRiskHeatMap>;

export const ZCreateRiskRequest = z.object({
  title: ZRiskTitle,
  description: ZRiskMarkdown.default(""),
  category: ZRiskCategory.default("other"),
  probability: ZRiskRating,
  impact: ZRiskRating,
  strategy: ZRiskStrategy.default("mitigate"),
  responsePlan: ZRiskMarkdown.default(""),
  ownerId: ZId.nullable().default(null),
  trigger: ZRiskTrigger.default(""),
  reviewDate: ZIsoDate.nullable().default(null),
  sharedWithClient: z.boolean().default(false),
  /** Requirements of the project it threatens. */
  requirementIds: z.array(ZId).max(50).default([]),
});
export type TCreateRiskRequest = z.infer<typeof ZCreateRiskRequest>;

/**
 * Fields left out stay as they are. A change of probability, impact or status writes a review (before → after) with
 * `note`; closing needs `statusReason`.
 */
export const ZUpdateRiskRequest = ZVersioned.extend({
  title: ZRiskTitle.optional(),
  description: ZRiskMarkdown.optional(),
  category: ZRiskCategory.optional(),
  probability: ZRiskRating.optional(),
  impact: ZRiskRating.optional(),
  strategy: ZRiskStrategy.optional(),
  responsePlan: ZRiskMarkdown.optional(),
  ownerId: ZId.nullable().optional(),
  trigger: ZRiskTrigger.optional(),
  reviewDate: ZIsoDate.nullable().optional(),
  status: ZRiskStatus.optional(),
  /** Required to close; kept as the risk's status note. */
  statusReason: ZRiskNote.optional(),
  sharedWithClient: z.boolean().optional(),
  /** The review's note, when probability, impact or status change. */
  note: ZRiskNote.optional(),
}).strict();
export type TUpdateRiskRequest = z.infer<typeof ZUpdateRiskRequest>;

/** A review that changes nothing but says it was looked at: a note and, usually, the next review date. */
export const ZRecordRiskReviewRequest = ZVersioned.extend({
  note: ZRiskNote.default(""),
  /** Null clears it; left out keeps the current one. */
  nextReviewDate: ZIsoDate.nullable().optional(),
});
export type TRecordRiskReviewRequest = z.infer<typeof ZRecordRiskReviewRequest>;

export const ZRiskReview = z
  .object({
    id: ZId,
    riskId: ZId,
    reviewedById: ZId.nullable(),
    reviewedByName: z.string().nullable(),
    reviewedAt: ZIsoDateTime,
    riskVersion: z.number().int(),
    /** `assessment`: the first one, at creation · `change`: probability, impact or status changed · `review`: looked at, nothing changed. */
    kind: z.enum(["assessment", "change", "review"]),
    probabilityBefore: ZRiskRating.nullable(),
    probabilityAfter: ZRiskRating,
    impactBefore: ZRiskRating.nullable(),
    impactAfter: ZRiskRating,
    scoreBefore: z.number().int().nullable(),
    scoreAfter: z.number().int(),
    statusBefore: ZRiskStatus.nullable(),
    statusAfter: ZRiskStatus,
    /** Empty for client contacts: the team's notes. */
    note: z.string(),
    nextReviewDate: ZIsoDate.nullable(),
  })
  .meta({ id: "RiskReview" });
export type TRiskReview = z.infer<typeof ZRiskReview>;

export const ZRecordRiskReviewResponse = z.object({ review: ZRiskReview, risk: ZRisk }).meta({ id: "RecordRiskReviewResponse" });

export const ZLinkRiskRequirementRequest = z.object({ requirementId: ZId });
export type TLinkRiskRequirementRequest = z.infer<typeof ZLinkRiskRequirementRequest>;
export const ZRiskRequirementParams = z.object({ id: ZId, requirementId: ZId });

export const ZAddDefaultRisksRequest = z.object({ kind: z.enum(RISK_TEMPLATE_KINDS) });
export type TAddDefaultRisksRequest = z.infer<typeof ZAddDefaultRisksRequest>;

/** What adding the defaults did: the risks created, and how many were already in the register. */
export const ZAddDefaultRisksResponse = z
  .object({ created: z.array(ZRiskSummary), skipped: z.number().int() })
  .meta({ id: "AddDefaultRisksResponse" });
export type TAddDefaultRisksResponse = z.infer<typeof ZAddDefaultRisksResponse>;
