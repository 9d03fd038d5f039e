import { z } from "zod";
import { ZId, ZIsoDate } from "./common";

/**
 * Monitoring (issue 6; docs/monitoring.md): earned value per project and phase with the S-curve and the variance
 * against a plan baseline, burndown/burnup from the daily progress snapshots, and the milestone trend. The team's:
 * a client contact gets none of these (they hold costs).
 */

export const MONITORING_EAC_METHODS = ["cpi", "budget_rate", "cpi_spi"] as const;
export type TEarnedValueEacMethod = (typeof MONITORING_EAC_METHODS)[number];

/** `GET /projects/:id/earned-value`: the baseline to measure against (default: the latest; none: the current plan), the status date (default today), the EAC method. */
export const ZEarnedValueQuery = z.object({
  baselineId: z.union([ZId, z.literal("current")]).optional(),
  asOf: ZIsoDate.optional(),
  eacMethod: z.enum(MONITORING_EAC_METHODS).default("cpi"),
});
export type TEarnedValueQuery = z.input<typeof ZEarnedValueQuery>;

/** The indicators of the project or a phase, with the four measurements they come from. Null: not measurable (a zero denominator). */
export const ZEarnedValueFigures = z
  .object({
    bac: z.number(),
    pv: z.number(),
    ev: z.number(),
    ac: z.number(),
    sv: z.number(),
    cv: z.number(),
    spi: z.number().nullable(),
    cpi: z.number().nullable(),
    eac: z.number().nullable(),
    eacByMethod: z.object({ cpi: z.number().nullable(), budget_rate: z.number().nullable(), cpi_spi: z.number().nullable() }),
    etc: z.number().nullable(),
    vac: z.number().nullable(),
    tcpiBac: z.number().nullable(),
    tcpiEac: z.number().nullable(),
    /** EV / BAC, %. */
    percentComplete: z.number().nullable(),
    /** PV / BAC, %. */
    percentScheduled: z.number().nullable(),
  })
  .meta({ id: "EarnedValueFigures" });
export type TEarnedValueFigures = z.infer<typeof ZEarnedValueFigures>;

export const PROGRESS_BASES = ["work", "cost", "duration", "count"] as const;

/** One phase (a top-level task of the plan) with its figures and its progress by effort. */
export const ZEarnedValuePhase = z
  .object({
    taskId: ZId,
    wbsCode: z.string(),
    name: z.string(),
    start: ZIsoDate.nullable(),
    finish: ZIsoDate.nullable(),
    workHours: z.number(),
    remainingHours: z.number(),
    /** Progress by effort (work, else cost, else duration). */
    progress: z.number(),
    figures: ZEarnedValueFigures,
  })
  .meta({ id: "EarnedValuePhase" });

export const ZEarnedValueCurvePoint = z
  .object({ from: ZIsoDate, to: ZIsoDate, pv: z.number(), ev: z.number().nullable(), ac: z.number().nullable() })
  .meta({ id: "EarnedValueCurvePoint" });

/** Current plan − baseline: positive is later or dearer. Days are working days on the plan's calendar. */
export const ZEarnedValueVariance = z
  .object({
    baselineStart: ZIsoDate.nullable(),
    currentStart: ZIsoDate.nullable(),
    startVarianceDays: z.number().nullable(),
    baselineFinish: ZIsoDate.nullable(),
    currentFinish: ZIsoDate.nullable(),
    finishVarianceDays: z.number().nullable(),
    baselineCost: z.number().nullable(),
    currentCost: z.number().nullable(),
    costVariance: z.number().nullable(),
    slipped: z.number().int(),
  })
  .meta({ id: "EarnedValueVariance" });

export const ZEarnedValue = z
  .object({
    projectId: ZId,
    currency: z.string(),
    statusDate: ZIsoDate,
    /** `live`: measured now from the plan and the approved time; `snapshot`: a past status date, read from the snapshot on or before it. */
    source: z.enum(["live", "snapshot"]),
    /** The baseline PV and BAC come from; null: the current plan. */
    baseline: z.object({ id: ZId, key: z.string(), name: z.string() }).nullable(),
    eacMethod: z.enum(MONITORING_EAC_METHODS),
    /** The project's progress by effort and what it was weighted by. */
    progress: z.object({ percentComplete: z.number(), basis: z.enum(PROGRESS_BASES) }),
    project: ZEarnedValueFigures,
    phases: z.array(ZEarnedValuePhase),
    /** Weekly: PV over the whole plan; EV and AC from the snapshots and the status date, up to it. */
    curve: z.array(ZEarnedValueCurvePoint),
    /** Null when measured against the current plan. */
    variance: ZEarnedValueVariance.nullable(),
    /** The dates of the stored snapshots (the history the curve and burndown are drawn from). */
    snapshotCount: z.number().int(),
  })
  .meta({ id: "EarnedValue" });
export type TEarnedValue = z.infer<typeof ZEarnedValue>;

/** `POST /projects/:id/progress-snapshots`: today's snapshot, written again (idempotent per project and day). */
export const ZProgressSnapshot = z
  .object({
    projectId: ZId,
    asOf: ZIsoDate,
    baselineId: ZId.nullable(),
    plannedValue: z.number(),
    earnedValue: z.number(),
    actualCost: z.number(),
    budgetAtCompletion: z.number(),
    percentComplete: z.number(),
  })
  .meta({ id: "ProgressSnapshot" });
export type TProgressSnapshot = z.infer<typeof ZProgressSnapshot>;

/** `GET /projects/:id/burndown?phaseId=`: a phase (a top-level task), or the whole project without it. */
export const ZBurndownQuery = z.object({ phaseId: ZId.optional() });
export type TBurndownQuery = z.input<typeof ZBurndownQuery>;

export const ZBurndown = z
  .object({
    projectId: ZId,
    /** The phase drawn; null: the project. */
    phase: z.object({ taskId: ZId, wbsCode: z.string(), name: z.string() }).nullable(),
    plannedStart: ZIsoDate.nullable(),
    plannedFinish: ZIsoDate.nullable(),
    /** Work hours: scope (total), remaining and done per snapshot; the ideal remaining line. */
    points: z.array(
      z.object({ date: ZIsoDate, scope: z.number().nullable(), remaining: z.number().nullable(), done: z.number().nullable(), ideal: z.number().nullable() }),
    ),
    /** The phases there are to choose from. */
    phases: z.array(z.object({ taskId: ZId, wbsCode: z.string(), name: z.string() })),
  })
  .meta({ id: "Burndown" });
export type TBurndown = z.infer<typeof ZBurndown>;

export const ZMilestoneTrend = z
  .object({
    projectId: ZId,
    /** The snapshot dates (x axis), in order. */
    dates: z.array(ZIsoDate),
    milestones: z.array(
      z.object({
        taskId: ZId,
        wbsCode: z.string(),
        name: z.string(),
        /** Its forecast finish today. */
        finish: ZIsoDate.nullable(),
        /** Calendar days from its first forecast to its latest (positive: slipped). */
        slipDays: z.number().nullable(),
        points: z.array(z.object({ asOf: ZIsoDate, finish: ZIsoDate.nullable() })),
      }),
    ),
  })
  .meta({ id: "MilestoneTrend" });
export type TMilestoneTrend = z.infer<typeof ZMilestoneTrend>;
