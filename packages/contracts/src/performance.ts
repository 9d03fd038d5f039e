import { z } from "zod";
import { ZId, ZIsoDate, ZIsoDateTime } from "./common";

/**
 * Performance evaluation and project health (issue 6; docs/monitoring.md, "Performance evaluation", "Health score"):
 * managers only — never members, viewers or client contacts. And the client's satisfaction rating of a published
 * status report, which feeds the health score.
 */

/** The period (inclusive dates); default: the 30 days ending today. At most 366 days. */
export const ZPerformanceQuery = z.object({ from: ZIsoDate.optional(), to: ZIsoDate.optional() });
export type TPerformanceQuery = z.input<typeof ZPerformanceQuery>;

/** One person's figures over the period (formulas: docs/monitoring.md, "Performance evaluation"). */
export const ZPersonPerformance = z
  .object({
    personId: ZId,
    name: z.string(),
    /** Planned work spread over the working days of the period; actual: submitted + approved weeks; approved apart. */
    plannedHours: z.number(),
    actualHours: z.number(),
    approvedHours: z.number(),
    /** actual − planned. */
    varianceHours: z.number(),
    completedTasks: z.number().int(),
    dueTasks: z.number().int(),
    onTimeTasks: z.number().int(),
    /** On time / completed with a due day, %; null: none was due. */
    onTimeRate: z.number().nullable(),
    estimatedTasks: z.number().int(),
    estimateHours: z.number(),
    estimatedActualHours: z.number(),
    /** Mean absolute percentage error of the estimates, %; null: no estimated task. */
    estimateMape: z.number().nullable(),
    /** Σ actual / Σ estimate; null: no estimated task. */
    estimateRatio: z.number().nullable(),
  })
  .meta({ id: "PersonPerformance" });
export type TPersonPerformance = z.infer<typeof ZPersonPerformance>;

export const HEALTH_PARTS = ["schedule", "cost", "quality", "risk", "satisfaction"] as const;
export type THealthPart = (typeof HEALTH_PARTS)[number];
export const HEALTH_BANDS = ["healthy", "watch", "at_risk"] as const;
export type THealthBand = (typeof HEALTH_BANDS)[number];

/** One part of the health score: its score (null: not measured, left out), its weight and the weight it counted with, and the figures its rule used. */
export const ZHealthScorePart = z
  .object({
    part: z.enum(HEALTH_PARTS),
    score: z.number().nullable(),
    weight: z.number(),
    effectiveWeight: z.number(),
    figures: z.record(z.string(), z.number().nullable()),
  })
  .meta({ id: "HealthScorePart" });
export type THealthScorePart = z.infer<typeof ZHealthScorePart>;

/** A project's health score: Σ effective weight × part score, 0–100 (null: nothing measurable yet). */
export const ZProjectHealth = z
  .object({
    score: z.number().nullable(),
    band: z.enum(HEALTH_BANDS).nullable(),
    parts: z.array(ZHealthScorePart),
    /** The day SPI and CPI were measured on (the latest progress snapshot); null: none yet. */
    measuredOn: ZIsoDate.nullable(),
    /** How many days back client ratings count. */
    satisfactionWindowDays: z.number().int(),
  })
  .meta({ id: "ProjectHealth" });
export type TProjectHealth = z.infer<typeof ZProjectHealth>;

/** `GET /projects/:id/performance`. */
export const ZProjectPerformance = z
  .object({
    projectId: ZId,
    from: ZIsoDate,
    to: ZIsoDate,
    health: ZProjectHealth,
    people: z.array(ZPersonPerformance),
  })
  .meta({ id: "ProjectPerformance" });
export type TProjectPerformance = z.infer<typeof ZProjectPerformance>;

/** A project the caller may evaluate, with its health score. */
export const ZPerformanceProject = z
  .object({ id: ZId, code: z.string(), name: z.string(), score: z.number().nullable(), band: z.enum(HEALTH_BANDS).nullable() })
  .meta({ id: "PerformanceProject" });

/** `GET /performance`: per person across the projects the caller manages (an admin: every project). */
export const ZWorkspacePerformance = z
  .object({ from: ZIsoDate, to: ZIsoDate, projects: z.array(ZPerformanceProject), people: z.array(ZPersonPerformance) })
  .meta({ id: "WorkspacePerformance" });
export type TWorkspacePerformance = z.infer<typeof ZWorkspacePerformance>;

/** `GET /performance/scope`: whether the caller evaluates anything at all (the navigation asks), and which projects. */
export const ZPerformanceScope = z
  .object({ projects: z.array(z.object({ id: ZId, code: z.string(), name: z.string() })) })
  .meta({ id: "PerformanceScope" });
export type TPerformanceScope = z.infer<typeof ZPerformanceScope>;

// ---- Client satisfaction ---------------------------------------------------------------------------------------

export const SATISFACTION_COMMENT_MAX = 2000;

/** One client contact's rating of a published status report. */
export const ZSatisfactionRating = z
  .object({
    id: ZId,
    statusReportId: ZId,
    userId: ZId,
    userName: z.string(),
    rating: z.number().int().min(1).max(5),
    comment: z.string(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "SatisfactionRating" });
export type TSatisfactionRating = z.infer<typeof ZSatisfactionRating>;

/**
 * A report's ratings. The team sees every rating with the average; a client contact sees their own (`mine`) and
 * whether they may rate (a published report of their project).
 */
export const ZStatusReportSatisfaction = z
  .object({
    statusReportId: ZId,
    average: z.number().nullable(),
    count: z.number().int(),
    ratings: z.array(ZSatisfactionRating),
    mine: ZSatisfactionRating.nullable(),
    canRate: z.boolean(),
  })
  .meta({ id: "StatusReportSatisfaction" });
export type TStatusReportSatisfaction = z.infer<typeof ZStatusReportSatisfaction>;

/** The caller's own rating: `version` 0 to give a first one, else the version of the one read (409 when it moved on). */
export const ZRateStatusReportRequest = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(SATISFACTION_COMMENT_MAX).default(""),
  version: z.number().int().min(0),
});
export type TRateStatusReportRequest = z.input<typeof ZRateStatusReportRequest>;
