import { z } from "zod";
import { ZId, ZIsoDate } from "./common";

/**
 * A change request's impact estimated from the plan (docs/requirements.md "Change requests"): for the requirements
 * the request modifies or removes, the plan tasks traced to them (`task` → `requirement`). Sent with the draft's
 * requirement ids, so the form can estimate a request it has not saved yet.
 */
export const ZChangeRequestImpactEstimateRequest = z.object({
  /** The requirements the request modifies or removes (a request holds at most 100 items). */
  requirementIds: z.array(ZId).max(100),
});
export type TChangeRequestImpactEstimateRequest = z.infer<typeof ZChangeRequestImpactEstimateRequest>;

/** A plan task the estimate counted. */
export const ZChangeRequestImpactTask = z
  .object({
    id: ZId,
    wbsCode: z.string(),
    name: z.string(),
    start: ZIsoDate.nullable(),
    finish: ZIsoDate.nullable(),
    /** As scheduled: the task's own, or rolled up for a summary task (its tasks are then not counted again). */
    durationDays: z.number().nullable(),
    workHours: z.number(),
    cost: z.number(),
    /** Which of the requested requirements the task is traced to. */
    requirementIds: z.array(ZId),
  })
  .meta({ id: "ChangeRequestImpactTask" });
export type TChangeRequestImpactTask = z.infer<typeof ZChangeRequestImpactTask>;

/**
 * The estimate: `effortHours` sums the tasks' work, `cost` their fixed cost (Jiaofu has no rates yet), and `days` is
 * the working days the tasks span together, from the earliest start to the latest finish (parallel work is not
 * counted twice). All null when no task is traced to the requirements.
 */
export const ZChangeRequestImpactEstimate = z
  .object({
    effortHours: z.number().nullable(),
    days: z.number().nullable(),
    cost: z.number().nullable(),
    tasks: z.array(ZChangeRequestImpactTask),
  })
  .meta({ id: "ChangeRequestImpactEstimate" });
export type TChangeRequestImpactEstimate = z.infer<typeof ZChangeRequestImpactEstimate>;
