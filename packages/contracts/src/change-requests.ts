import { z } from "zod";
import { CHANGE_REQUEST_DECISIONS, CHANGE_REQUEST_ITEM_ACTIONS, CHANGE_REQUEST_STATUSES } from "@jiaofu/engine";
import { ZId, ZIsoDateTime, ZListQueryBase, ZVersioned } from "./common";
import { ZAcceptanceCriteriaInput, ZAcceptanceCriterion, ZMoscow, ZRelatedRequirement, ZRequirementType } from "./requirements";

/**
 * Change requests (`CR-n`): after a baseline, scope changes only through a request saying what changes (items that
 * add, modify or remove requirements), why, and at what cost, decided by the project manager and the client contact.
 * Approved by both, it is applied to the register and a new baseline is taken (docs/requirements.md).
 */
export { CHANGE_REQUEST_DECISIONS, CHANGE_REQUEST_ITEM_ACTIONS, CHANGE_REQUEST_STATUSES };
export type TChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];
export const ZChangeRequestStatus = z.enum(CHANGE_REQUEST_STATUSES);

export type TChangeRequestItemAction = (typeof CHANGE_REQUEST_ITEM_ACTIONS)[number];

export type TChangeRequestDecisionValue = (typeof CHANGE_REQUEST_DECISIONS)[number];

/** Who decides: the project's manager (or a workspace admin) and a client contact of the project. */
export const CHANGE_REQUEST_SIDES = ["manager", "client"] as const;
export type TChangeRequestSide = (typeof CHANGE_REQUEST_SIDES)[number];

/** A three-letter currency code (ISO 4217), `CNY` unless said otherwise. */
export const ZCurrency = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, { message: "field.invalid" });

/** What a requirement says: the content a change request proposes (add, modify) or the content it replaces. */
export const ZChangeRequestContent = z
  .object({
    title: z.string(),
    /** Markdown. */
    description: z.string(),
    type: ZRequirementType,
    acceptanceCriteria: z.array(ZAcceptanceCriterion),
    moscow: ZMoscow.nullable(),
  })
  .meta({ id: "ChangeRequestContent" });
export type TChangeRequestContent = z.infer<typeof ZChangeRequestContent>;

/** Proposed content as sent; criteria keep their `id` when they are a requirement's existing ones. */
export const ZChangeRequestContentInput = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(50_000).default(""),
  type: ZRequirementType.default("functional"),
  acceptanceCriteria: ZAcceptanceCriteriaInput.default([]),
  moscow: ZMoscow.nullable().default(null),
});

/** One change: a new requirement, new content for an existing one, or an existing one out of scope. */
export const ZChangeRequestItemInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("add"), proposed: ZChangeRequestContentInput }),
  z.object({ action: z.literal("modify"), requirementId: ZId, proposed: ZChangeRequestContentInput }),
  z.object({ action: z.literal("remove"), requirementId: ZId }),
]);
export type TChangeRequestItemInput = z.input<typeof ZChangeRequestItemInput>;

/** The items of a request, replaced as a whole on every save; one item per requirement. */
const ZChangeRequestItemsInput = z
  .array(ZChangeRequestItemInput)
  .max(100)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (item.action === "add") return;
      if (seen.has(item.requirementId)) ctx.addIssue({ code: "custom", message: "change_request.requirement_twice", path: [index, "requirementId"] });
      seen.add(item.requirementId);
    });
  });

/** Impact as estimated by hand (before planning exists): effort, calendar days, cost. Null: not estimated. */
const impactFields = {
  impactEffortHours: z.number().min(0).max(1_000_000).nullable(),
  impactDays: z.number().min(0).max(100_000).nullable(),
  impactCost: z.number().min(0).max(999_999_999_999).nullable(),
};

export const ZCreateChangeRequestRequest = z.object({
  title: z.string().trim().min(1).max(200),
  /** Markdown: what changes. */
  description: z.string().max(50_000).default(""),
  /** Why the change is needed. */
  reason: z.string().trim().max(5000).default(""),
  impactEffortHours: impactFields.impactEffortHours.default(null),
  impactDays: impactFields.impactDays.default(null),
  impactCost: impactFields.impactCost.default(null),
  currency: ZCurrency.default("CNY"),
  items: ZChangeRequestItemsInput.default([]),
});
export type TCreateChangeRequestRequest = z.infer<typeof ZCreateChangeRequestRequest>;

/** Fields left out stay as they are; `items`, when sent, replaces the whole list. Draft or submitted only. */
export const ZUpdateChangeRequestRequest = ZVersioned.extend({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(50_000).optional(),
  reason: z.string().trim().max(5000).optional(),
  impactEffortHours: impactFields.impactEffortHours.optional(),
  impactDays: impactFields.impactDays.optional(),
  impactCost: impactFields.impactCost.optional(),
  currency: ZCurrency.optional(),
  items: ZChangeRequestItemsInput.optional(),
}).strict();
export type TUpdateChangeRequestRequest = z.infer<typeof ZUpdateChangeRequestRequest>;

/** Submit (draft → submitted) or withdraw: the version read. */
export const ZChangeRequestStepRequest = ZVersioned;
export type TChangeRequestStepRequest = z.infer<typeof ZChangeRequestStepRequest>;

/**
 * A decision by the caller's side (the project manager or an admin: manager; a client contact: client). A rejection
 * by either side rejects the request; the second approval applies it.
 */
export const ZDecideChangeRequestRequest = ZVersioned.extend({
  decision: z.enum(CHANGE_REQUEST_DECISIONS),
  comment: z.string().trim().max(5000).default(""),
});
export type TDecideChangeRequestRequest = z.infer<typeof ZDecideChangeRequestRequest>;

export const ZChangeRequestDecision = z
  .object({
    decision: z.enum(CHANGE_REQUEST_DECISIONS),
    decidedById: ZId.nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: ZIsoDateTime,
    comment: z.string(),
  })
  .meta({ id: "ChangeRequestDecision" });
export type TChangeRequestDecision = z.infer<typeof ZChangeRequestDecision>;

/** A requirement as an item names it: "REQ-7 Single sign-on (baselined)". */
export type TChangeRequestRequirementRef = z.infer<typeof ZRelatedRequirement>;

export const ZChangeRequestItem = z
  .object({
    id: ZId,
    position: z.number().int(),
    action: z.enum(CHANGE_REQUEST_ITEM_ACTIONS),
    /** modify, remove: the requirement changed. */
    requirement: ZRelatedRequirement.nullable(),
    /** add, modify: the content proposed. */
    proposed: ZChangeRequestContent.nullable(),
    /**
     * modify, remove: what the requirement said before — its current content while the request is open, the content
     * it had just before the change once applied. Null when unknown.
     */
    before: ZChangeRequestContent.nullable(),
    /** add, once applied: the requirement created. */
    result: ZRelatedRequirement.nullable(),
  })
  .meta({ id: "ChangeRequestItem" });
export type TChangeRequestItem = z.infer<typeof ZChangeRequestItem>;

/** The baseline an applied change request produced: enough to show and link "BL-3 After CR-2: …". */
export const ZChangeRequestBaselineRef = z.object({ id: ZId, number: z.number().int(), key: z.string(), name: z.string() }).meta({ id: "ChangeRequestBaselineRef" });

export const ZChangeRequestSummary = z
  .object({
    id: ZId,
    projectId: ZId,
    number: z.number().int(),
    /** `CR-<number>`, unique in the project. */
    key: z.string(),
    title: z.string(),
    reason: z.string(),
    status: ZChangeRequestStatus,
    impactEffortHours: z.number().nullable(),
    impactDays: z.number().nullable(),
    impactCost: z.number().nullable(),
    currency: z.string(),
    managerDecision: ZChangeRequestDecision.nullable(),
    clientDecision: ZChangeRequestDecision.nullable(),
    appliedAt: ZIsoDateTime.nullable(),
    resultingBaseline: ZChangeRequestBaselineRef.nullable(),
    /** How many items of each kind. */
    itemCounts: z.object({ add: z.number().int(), modify: z.number().int(), remove: z.number().int() }),
    createdById: ZId.nullable(),
    createdByName: z.string().nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "ChangeRequestSummary" });
export type TChangeRequestSummary = z.infer<typeof ZChangeRequestSummary>;

export const ZChangeRequest = ZChangeRequestSummary.extend({
  description: z.string(),
  /** The description rendered and sanitised: safe to insert as HTML. */
  descriptionHtml: z.string(),
  items: z.array(ZChangeRequestItem),
}).meta({ id: "ChangeRequest" });
export type TChangeRequest = z.infer<typeof ZChangeRequest>;

export const ZListChangeRequestsQuery = ZListQueryBase.pick({ cursor: true, limit: true }).extend({
  /** Only requests in this status. */
  status: ZChangeRequestStatus.optional(),
});
export type TListChangeRequestsQuery = z.input<typeof ZListChangeRequestsQuery>;
