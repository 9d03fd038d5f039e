import { z } from "zod";
import { ZId, ZIsoDate, ZIsoDateTime } from "./common";

/**
 * Plan baselines (issue 5; docs/planning.md, "Baselines and variance"): `PB-n`, immutable snapshots of every task's
 * schedule, work and cost, to measure the current plan against (variance = current − baseline; positive is later,
 * longer or dearer).
 */
export const ZPlanBaselineSummary = z
  .object({
    id: ZId,
    projectId: ZId,
    number: z.number().int(),
    /** `PB-3`. */
    key: z.string(),
    name: z.string(),
    note: z.string(),
    finish: ZIsoDate.nullable(),
    workHours: z.number().nullable(),
    cost: z.number().nullable(),
    taskCount: z.number().int(),
    createdById: ZId.nullable(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: "PlanBaselineSummary" });
export type TPlanBaselineSummary = z.infer<typeof ZPlanBaselineSummary>;

/** One task as the baseline holds it (`startDay` / `finishDay` in working days from the plan's day 0, for bars). */
export const ZPlanBaselineTask = z
  .object({
    taskId: ZId,
    wbsCode: z.string(),
    name: z.string(),
    isSummary: z.boolean(),
    start: ZIsoDate.nullable(),
    finish: ZIsoDate.nullable(),
    startDay: z.number().nullable(),
    finishDay: z.number().nullable(),
    durationDays: z.number().nullable(),
    /** Null for a client contact. */
    workHours: z.number().nullable(),
    cost: z.number().nullable(),
  })
  .meta({ id: "PlanBaselineTask" });
export type TPlanBaselineTask = z.infer<typeof ZPlanBaselineTask>;

export const ZPlanBaseline = ZPlanBaselineSummary.extend({ tasks: z.array(ZPlanBaselineTask) }).meta({ id: "PlanBaseline" });
export type TPlanBaseline = z.infer<typeof ZPlanBaseline>;

/** `POST /projects/:id/plan/baselines`: a name (required) and a note. */
export const ZSavePlanBaselineRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    note: z.string().trim().max(4000).default(""),
  })
  .meta({ id: "SavePlanBaselineRequest" });
export type TSavePlanBaselineRequest = z.input<typeof ZSavePlanBaselineRequest>;

export const ZPlanBaselineList = z.object({ items: z.array(ZPlanBaselineSummary) }).meta({ id: "PlanBaselineList" });
export type TPlanBaselineList = z.infer<typeof ZPlanBaselineList>;
