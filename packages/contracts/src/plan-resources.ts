import { z } from "zod";
import { ZId, ZIsoDate } from "./common";
import { ZPlanCalendarException } from "./planning";

/**
 * A plan's resources and assignments (issue 5; docs/planning.md, "Resources, levelling and budget"): people and
 * equipment paid by time (`work`), consumables (`material`) and fixed amounts (`cost`), assigned to tasks in units
 * per working day. Costs are in the project's currency. Client contacts never see resources, rates or loads.
 */
export const PLAN_RESOURCE_KINDS = ["work", "material", "cost"] as const;
export type TPlanResourceKind = (typeof PLAN_RESOURCE_KINDS)[number];
export const ZPlanResourceKind = z.enum(PLAN_RESOURCE_KINDS);

export const ZPlanResource = z
  .object({
    id: ZId,
    projectId: ZId,
    name: z.string(),
    kind: ZPlanResourceKind,
    /** The workspace user this resource is, if any. */
    userId: ZId.nullable(),
    role: z.string(),
    /** Units available per working day (1 = one person full time). */
    maxUnits: z.number(),
    /** Per hour (work) or per unit (material), in the project's currency. */
    costPerHour: z.number(),
    costPerUse: z.number(),
    materialLabel: z.string(),
    /** Days off (or worked differently) on top of the project calendar. */
    exceptions: z.array(ZPlanCalendarException),
    version: z.number().int(),
  })
  .meta({ id: "PlanResource" });
export type TPlanResource = z.infer<typeof ZPlanResource>;

export const ZPlanAssignment = z
  .object({
    id: ZId,
    taskId: ZId,
    resourceId: ZId,
    /** Per working day of the task: 1 = full time; a material's quantity per day. */
    units: z.number(),
    /** Hours of work (work resources: units × the task's working hours); 0 for material and cost resources. */
    workHours: z.number(),
    /** rate × hours (work), rate × units × days (material), plus the cost per use. */
    cost: z.number(),
    version: z.number().int(),
  })
  .meta({ id: "PlanAssignment" });
export type TPlanAssignment = z.infer<typeof ZPlanAssignment>;

export const ZPlanResourceList = z
  .object({
    projectId: ZId,
    currency: z.string(),
    resources: z.array(ZPlanResource),
    assignments: z.array(ZPlanAssignment),
  })
  .meta({ id: "PlanResourceList" });
export type TPlanResourceList = z.infer<typeof ZPlanResourceList>;

/**
 * A resource's load per working day of the plan, for the histogram: `units` assigned that day, `capacity` what the
 * resource has that day (0 on its days off). Days without load are left out; `overAllocated` lists the working days
 * where units > capacity.
 */
export const ZPlanResourceLoad = z
  .object({
    projectId: ZId,
    resources: z.array(
      z.object({
        resourceId: ZId,
        name: z.string(),
        maxUnits: z.number(),
        days: z.array(z.object({ date: ZIsoDate, day: z.number().int(), units: z.number(), capacity: z.number() })),
        overAllocatedDays: z.number().int(),
      }),
    ),
  })
  .meta({ id: "PlanResourceLoad" });
export type TPlanResourceLoad = z.infer<typeof ZPlanResourceLoad>;
