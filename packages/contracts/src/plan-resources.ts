import { z } from "zod";
import { ZId, ZIsoDate, ZVersioned } from "./common";
import { ZPlanCalendarException, ZPlanChange } from "./planning";

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
 * A resource's load per working day of the plan, for the histogram: `units` assigned that day (its peak, for plans
 * with fractions of days), `capacity` what the resource has that day (its max units; 0 on its days off; 0 for a
 * material, which has no limit). Days without load are left out; `overAllocated` marks the days a work resource is
 * loaded above its capacity, and `overAllocatedDays` counts them. Cost resources carry no load.
 */
export const ZPlanResourceLoad = z
  .object({
    projectId: ZId,
    resources: z.array(
      z.object({
        resourceId: ZId,
        name: z.string(),
        kind: ZPlanResourceKind,
        maxUnits: z.number(),
        days: z.array(z.object({ date: ZIsoDate, day: z.number().int(), units: z.number(), capacity: z.number(), overAllocated: z.boolean() })),
        overAllocatedDays: z.number().int(),
      }),
    ),
  })
  .meta({ id: "PlanResourceLoad" });
export type TPlanResourceLoad = z.infer<typeof ZPlanResourceLoad>;

// ---- writing resources and assignments ----------------------------------------------------------------------------

/** Amounts with at most `decimals` decimals (units are stored to the thousandth, money to the cent). */
const withDecimals = (decimals: number) => (value: number) => Math.abs(Math.round(value * 10 ** decimals) - value * 10 ** decimals) < 1e-6;
const ZUnits = z.number().min(0).max(10_000).refine(withDecimals(3), { message: "plan_resource.three_decimals" });
const ZMoney = z.number().min(0).max(1e12).refine(withDecimals(2), { message: "plan_resource.two_decimals" });

const resourceFields = {
  name: z.string().trim().min(1).max(200),
  kind: ZPlanResourceKind,
  userId: ZId.nullable(),
  role: z.string().trim().max(100),
  maxUnits: ZUnits,
  costPerHour: ZMoney,
  costPerUse: ZMoney,
  materialLabel: z.string().trim().max(50),
  exceptions: z.array(ZPlanCalendarException).max(500),
};

/** A new resource; everything but the name has a default (work, full time, no rate, no days off). */
export const ZCreatePlanResourceRequest = z
  .object({
    name: resourceFields.name,
    kind: resourceFields.kind.default("work"),
    userId: resourceFields.userId.optional(),
    role: resourceFields.role.optional(),
    maxUnits: resourceFields.maxUnits.optional(),
    costPerHour: resourceFields.costPerHour.optional(),
    costPerUse: resourceFields.costPerUse.optional(),
    materialLabel: resourceFields.materialLabel.optional(),
    exceptions: resourceFields.exceptions.optional(),
  })
  .strict();
export type TCreatePlanResourceRequest = z.infer<typeof ZCreatePlanResourceRequest>;

export const ZUpdatePlanResourceRequest = ZVersioned.extend({
  name: resourceFields.name.optional(),
  kind: resourceFields.kind.optional(),
  userId: resourceFields.userId.optional(),
  role: resourceFields.role.optional(),
  maxUnits: resourceFields.maxUnits.optional(),
  costPerHour: resourceFields.costPerHour.optional(),
  costPerUse: resourceFields.costPerUse.optional(),
  materialLabel: resourceFields.materialLabel.optional(),
  exceptions: resourceFields.exceptions.optional(),
}).strict();
export type TUpdatePlanResourceRequest = z.infer<typeof ZUpdatePlanResourceRequest>;

export const ZDeletePlanResourceQuery = z.object({ version: z.coerce.number().int().positive() });
export type TDeletePlanResourceQuery = z.infer<typeof ZDeletePlanResourceQuery>;

/** What a resource change did: the resource, and the plan rows whose work and cost it changed (rates, kinds). */
export const ZPlanResourceChange = z
  .object({
    resource: ZPlanResource.nullable(),
    removedResourceId: ZId.nullable(),
    assignments: z.array(ZPlanAssignment),
    removedAssignmentIds: z.array(ZId),
    plan: ZPlanChange,
  })
  .meta({ id: "PlanResourceChange" });
export type TPlanResourceChange = z.infer<typeof ZPlanResourceChange>;

/**
 * A task's assignments, all at once (the task panel's "Resources" section): replaces the set. `version` is the
 * task's: an assignment change is a change of the task, so two people editing one task's resources (or its other
 * fields) cannot overwrite each other unnoticed.
 */
export const ZSetPlanAssignmentsRequest = ZVersioned.extend({
  assignments: z
    .array(z.object({ resourceId: ZId, units: ZUnits.refine((u) => u > 0, { message: "plan_resource.units_positive" }) }).strict())
    .max(100),
}).strict();
export type TSetPlanAssignmentsRequest = z.infer<typeof ZSetPlanAssignmentsRequest>;

/** What an assignment change did: the task's assignments now, and the plan rows the reschedule changed. */
export const ZPlanAssignmentsChange = z
  .object({ taskId: ZId, assignments: z.array(ZPlanAssignment), plan: ZPlanChange })
  .meta({ id: "PlanAssignmentsChange" });
export type TPlanAssignmentsChange = z.infer<typeof ZPlanAssignmentsChange>;

// ---- levelling --------------------------------------------------------------------------------------------------

export const ZPlanLevellingRequest = z
  .object({
    /** Delay tasks only within their total float, so the project finish does not move. */
    withinSlackOnly: z.boolean().default(false),
  })
  .strict();
export type TPlanLevellingRequest = z.infer<typeof ZPlanLevellingRequest>;

/** Apply levelling: `basis` is the preview's, so what is applied is what was shown (409 if the plan changed). */
export const ZApplyPlanLevellingRequest = ZPlanLevellingRequest.extend({ basis: z.string().min(1).max(200) }).strict();
export type TApplyPlanLevellingRequest = z.infer<typeof ZApplyPlanLevellingRequest>;

export const PLAN_UNLEVELLABLE_REASONS = ["units-above-max", "no-slack", "fixed", "alap", "do-not-level"] as const;

/**
 * Levelling's before and after, without writing anything: the tasks it moves (dates before → after, `shiftDays` in
 * working days, negative when clearing an earlier levelling lets a task start sooner), the project finish, every
 * work resource's over-allocated working days before and after, and what could not be levelled, with the reason in
 * the caller's language. `basis` identifies the plan the preview was computed from; send it back to apply.
 */
export const ZPlanLevellingPreview = z
  .object({
    projectId: ZId,
    withinSlackOnly: z.boolean(),
    basis: z.string(),
    /** Whether the plan is levelled now (some task has a levelling start). */
    levelled: z.boolean(),
    finishBefore: ZIsoDate.nullable(),
    finishAfter: ZIsoDate.nullable(),
    finishChangeDays: z.number(),
    moved: z.array(
      z.object({
        taskId: ZId,
        wbsCode: z.string(),
        name: z.string(),
        startBefore: ZIsoDate.nullable(),
        finishBefore: ZIsoDate.nullable(),
        startAfter: ZIsoDate.nullable(),
        finishAfter: ZIsoDate.nullable(),
        shiftDays: z.number(),
      }),
    ),
    overAllocations: z.array(z.object({ resourceId: ZId, name: z.string(), daysBefore: z.number().int(), daysAfter: z.number().int() })),
    unlevellable: z.array(
      z.object({
        taskId: ZId,
        wbsCode: z.string(),
        name: z.string(),
        resourceId: ZId.nullable(),
        reason: z.enum(PLAN_UNLEVELLABLE_REASONS),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: "PlanLevellingPreview" });
export type TPlanLevellingPreview = z.infer<typeof ZPlanLevellingPreview>;

// ---- budget -----------------------------------------------------------------------------------------------------

export const PLAN_BUDGET_INTERVALS = ["week", "month"] as const;
export type TPlanBudgetInterval = (typeof PLAN_BUDGET_INTERVALS)[number];
export const ZPlanBudgetQuery = z.object({ interval: z.enum(PLAN_BUDGET_INTERVALS).default("month") });
export type TPlanBudgetQuery = z.infer<typeof ZPlanBudgetQuery>;

/**
 * The plan's budget: the planned cost (each task's fixed cost plus its assignments' costs) in the project's
 * currency, by phase (each top-level task, a summary with its roll-up) and over time — per week or month, and
 * cumulative. The cumulative series is the planned value (PV) curve the monitoring stage measures earned value
 * against: each task's cost is spread evenly over its working days (MS Project's default "prorated" accrual).
 */
export const ZPlanBudget = z
  .object({
    projectId: ZId,
    currency: z.string(),
    interval: z.enum(PLAN_BUDGET_INTERVALS),
    start: ZIsoDate.nullable(),
    finish: ZIsoDate.nullable(),
    totalCost: z.number(),
    fixedCost: z.number(),
    resourceCost: z.number(),
    workHours: z.number(),
    phases: z.array(
      z.object({
        taskId: ZId,
        wbsCode: z.string(),
        name: z.string(),
        kind: z.enum(["task", "milestone", "summary"]),
        start: ZIsoDate.nullable(),
        finish: ZIsoDate.nullable(),
        workHours: z.number(),
        cost: z.number(),
      }),
    ),
    /** Periods from the plan's first to its last working day: `from` and `to` are the period's calendar bounds. */
    periods: z.array(z.object({ from: ZIsoDate, to: ZIsoDate, cost: z.number(), cumulative: z.number() })),
  })
  .meta({ id: "PlanBudget" });
export type TPlanBudget = z.infer<typeof ZPlanBudget>;
