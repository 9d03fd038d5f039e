import { z } from "zod";
import {
  MOSCOW_PRIORITIES,
  REQUIREMENT_RELATION_KINDS,
  REQUIREMENT_SNAPSHOT_FIELDS,
  REQUIREMENT_STATUSES,
  REQUIREMENT_TYPES,
} from "@jiaofu/engine";
import { ZId, ZIsoDateTime, ZListQueryBase, ZVersioned } from "./common";
import { ZRequirementConfirmationSummary } from "./requirement-confirmations";

/**
 * The requirements register: requirements with per-project keys (`REQ-1`), their versions, sources, relations,
 * saved views of the register, and generic traceability links (docs/requirements.md).
 */
export { MOSCOW_PRIORITIES, REQUIREMENT_RELATION_KINDS, REQUIREMENT_STATUSES, REQUIREMENT_TYPES };

export const ZRequirementStatus = z.enum(REQUIREMENT_STATUSES);
export type TRequirementStatus = z.infer<typeof ZRequirementStatus>;
export const ZRequirementType = z.enum(REQUIREMENT_TYPES);
export type TRequirementType = z.infer<typeof ZRequirementType>;
export const ZMoscow = z.enum(MOSCOW_PRIORITIES);
export type TMoscow = z.infer<typeof ZMoscow>;
export const ZRequirementRelationKind = z.enum(REQUIREMENT_RELATION_KINDS);
export type TRequirementRelationKind = z.infer<typeof ZRequirementRelationKind>;

export const REQUIREMENT_SOURCE_KINDS = ["session_passage", "questionnaire_answer", "contact", "document"] as const;
export type TRequirementSourceKind = (typeof REQUIREMENT_SOURCE_KINDS)[number];

/** The client's own priority: 1 (highest) to 5. */
export const ZClientPriority = z.number().int().min(1).max(5);

/**
 * A requirement's inputs to the scoring models, per model (kept when the project switches models): RICE reach,
 * impact, confidence (%), effort (person-months); WSJF business value, time criticality, risk reduction, job size;
 * weighted: a value 0–10 per criterion id. Only what was entered is present. See docs/requirements.md
 * "Prioritisation"; the ranges are the engine's `SCORING_INPUT_RANGES`.
 */
export const ZPriorityInputs = z
  .object({
    rice: z.object({ reach: z.number(), impact: z.number(), confidence: z.number(), effort: z.number() }).partial().optional(),
    wsjf: z.object({ businessValue: z.number(), timeCriticality: z.number(), riskReduction: z.number(), jobSize: z.number() }).partial().optional(),
    weighted: z.record(z.string(), z.number()).optional(),
  })
  .meta({ id: "PriorityInputs" });
export type TPriorityInputs = z.infer<typeof ZPriorityInputs>;
const ZTag = z.string().trim().min(1).max(40);
const ZTags = z.array(ZTag).max(20);

export const ZAcceptanceCriterion = z.object({ id: ZId, text: z.string() }).meta({ id: "AcceptanceCriterion" });
export type TAcceptanceCriterion = z.infer<typeof ZAcceptanceCriterion>;
/** A criterion as sent: keep `id` to edit an existing one, leave it out for a new one (the server assigns it). */
const ZAcceptanceCriterionInput = z.object({ id: ZId.optional(), text: z.string().trim().min(1).max(2000) });
export const ZAcceptanceCriteriaInput = z
  .array(ZAcceptanceCriterionInput)
  .max(50)
  .refine((list) => new Set(list.flatMap((c) => (c.id ? [c.id] : []))).size === list.filter((c) => c.id).length, { message: "field.invalid" });

export const ZRequirement = z
  .object({
    id: ZId,
    projectId: ZId,
    number: z.number().int(),
    /** `REQ-<number>`, unique in the project. */
    key: z.string(),
    title: z.string(),
    /** Markdown. */
    description: z.string(),
    type: ZRequirementType,
    status: ZRequirementStatus,
    /** Why it was rejected or deferred (or the last transition's note). Null for client contacts: internal. */
    statusReason: z.string().nullable(),
    ownerId: ZId.nullable(),
    ownerName: z.string().nullable(),
    tags: z.array(z.string()),
    acceptanceCriteria: z.array(ZAcceptanceCriterion),
    moscow: ZMoscow.nullable(),
    clientPriority: z.number().int().nullable(),
    /** Manual order within a MoSCoW tier (smaller first). */
    rank: z.number(),
    /** The scoring models' inputs. Empty for client contacts: the team's estimates (the ranked view shows the score). */
    priorityInputs: ZPriorityInputs,
    createdById: ZId.nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "Requirement" });
export type TRequirement = z.infer<typeof ZRequirement>;

export const ZRequirementSource = z
  .object({
    id: ZId,
    kind: z.enum(REQUIREMENT_SOURCE_KINDS),
    sessionId: ZId.nullable(),
    passageId: ZId.nullable(),
    questionnaireId: ZId.nullable(),
    responseId: ZId.nullable(),
    questionId: ZId.nullable(),
    contactId: ZId.nullable(),
    contactName: z.string().nullable(),
    /** For a document: its name or location ("SOW v2 §3.1"). */
    label: z.string(),
    excerpt: z.string(),
    /** For a session passage: UTF-16 offsets in the notes (end exclusive). */
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: "RequirementSource" });
export type TRequirementSource = z.infer<typeof ZRequirementSource>;

/** A source given when creating a requirement through the register (sessions and questionnaires make their own). */
export const ZRequirementSourceInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("contact"), contactId: ZId, excerpt: z.string().trim().max(5000).default("") }),
  z.object({ kind: z.literal("document"), label: z.string().trim().min(1).max(300), excerpt: z.string().trim().max(5000).default("") }),
]);
export type TRequirementSourceInput = z.infer<typeof ZRequirementSourceInput>;

/** The other end of a relation, enough to show "REQ-7 Single sign-on (approved)". */
export const ZRelatedRequirement = z
  .object({ id: ZId, key: z.string(), title: z.string(), status: ZRequirementStatus })
  .meta({ id: "RelatedRequirement" });

export const ZRequirementRelation = z
  .object({
    id: ZId,
    projectId: ZId,
    /** Read "from <kind> to": from depends on to; from refines (is a child of) to. Symmetric kinds are stored with either order. */
    kind: ZRequirementRelationKind,
    from: ZRelatedRequirement,
    to: ZRelatedRequirement,
    /** Conflicts only: open until resolved with a note; null for the other kinds. */
    status: z.enum(["open", "resolved"]).nullable(),
    resolutionNote: z.string(),
    resolvedById: ZId.nullable(),
    resolvedAt: ZIsoDateTime.nullable(),
    createdById: ZId.nullable(),
    createdAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "RequirementRelation" });
export type TRequirementRelation = z.infer<typeof ZRequirementRelation>;

export const ZRequirementDetail = ZRequirement.extend({
  /** The description rendered and sanitised: safe to insert as HTML. */
  descriptionHtml: z.string(),
  /** Where it came from. Empty for client contacts (interview notes and answers are the team's material). */
  sources: z.array(ZRequirementSource),
  relations: z.array(ZRequirementRelation),
  /** The client's latest confirmation (who, when, which version, changed since?), or null if none was given yet. */
  confirmation: ZRequirementConfirmationSummary.nullable(),
}).meta({ id: "RequirementDetail" });
export type TRequirementDetail = z.infer<typeof ZRequirementDetail>;

/**
 * `a,b` or repeated keys; each value one of `values`. A wrong value is reported on the parameter itself
 * ("must be one of …"), not on a position inside it.
 */
export function zCsvOf<const T extends readonly [string, ...string[]]>(values: T) {
  const input = z.union([z.string(), z.array(z.string())]).meta({ description: `One or more of ${values.join(", ")}, comma-separated (or the key repeated).` });
  return input.transform((v, ctx): T[number][] => {
    const list = (Array.isArray(v) ? v : v.split(","))
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (list.length === 0 || list.some((s) => !values.includes(s))) {
      ctx.addIssue({ code: "invalid_value", values: [...values], input: v });
      return z.NEVER;
    }
    return [...new Set(list)] as T[number][];
  });
}

export const REQUIREMENT_SORTS = ["key", "title", "status", "updatedAt", "rank", "priority"] as const;
const SORT_VALUES = REQUIREMENT_SORTS.flatMap((s) => [s, `-${s}`]) as [string, ...string[]];

export const ZListRequirementsQuery = ZListQueryBase.extend({
  /** One or more statuses, `status=draft,in_analysis`. */
  status: zCsvOf(REQUIREMENT_STATUSES).optional(),
  type: zCsvOf(REQUIREMENT_TYPES).optional(),
  /** MoSCoW tiers; `none` for requirements not prioritised yet. */
  moscow: zCsvOf([...MOSCOW_PRIORITIES, "none"]).optional(),
  ownerId: ZId.optional(),
  tag: ZTag.optional(),
  /**
   * `key` REQ number · `title` · `status` in workflow order · `updatedAt` · `rank` MoSCoW tier (must first, unset
   * last) then manual rank — the ranked view · `priority` the client's priority (1 first, unset last). `-` reverses.
   */
  sort: z.enum(SORT_VALUES).default("key"),
});
export type TListRequirementsQuery = z.input<typeof ZListRequirementsQuery>;
/** The register's export (CSV/XLSX): the list's filters and sort, every matching row (no paging). */
export const ZExportRequirementsQuery = ZListRequirementsQuery.omit({ cursor: true, limit: true });
export type TExportRequirementsQuery = z.input<typeof ZExportRequirementsQuery>;

export const ZCreateRequirementRequest = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(50_000).default(""),
  type: ZRequirementType.default("functional"),
  ownerId: ZId.nullable().default(null),
  tags: ZTags.default([]),
  acceptanceCriteria: ZAcceptanceCriteriaInput.default([]),
  moscow: ZMoscow.nullable().default(null),
  clientPriority: ZClientPriority.nullable().default(null),
  sources: z.array(ZRequirementSourceInput).max(20).default([]),
});
export type TCreateRequirementRequest = z.infer<typeof ZCreateRequirementRequest>;

/** Fields left out stay as they are. Status changes go through `/transitions`. */
export const ZUpdateRequirementRequest = ZVersioned.extend({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(50_000).optional(),
  type: ZRequirementType.optional(),
  ownerId: ZId.nullable().optional(),
  tags: ZTags.optional(),
  acceptanceCriteria: ZAcceptanceCriteriaInput.optional(),
  moscow: ZMoscow.nullable().optional(),
  clientPriority: ZClientPriority.nullable().optional(),
  rank: z.number().min(-1e12).max(1e12).optional(),
}).strict();
export type TUpdateRequirementRequest = z.infer<typeof ZUpdateRequirementRequest>;

export const ZRequirementTransitionRequest = ZVersioned.extend({
  to: ZRequirementStatus,
  /** Required to reject or defer; optional otherwise (kept as the status reason). */
  reason: z.string().trim().max(2000).optional(),
});
export type TRequirementTransitionRequest = z.infer<typeof ZRequirementTransitionRequest>;

export const ZRequirementSnapshot = z
  .object({
    title: z.string(),
    description: z.string(),
    type: ZRequirementType,
    status: ZRequirementStatus,
    statusReason: z.string().nullable(),
    ownerId: ZId.nullable(),
    tags: z.array(z.string()),
    acceptanceCriteria: z.array(ZAcceptanceCriterion),
    moscow: ZMoscow.nullable(),
    clientPriority: z.number().int().nullable(),
    rank: z.number(),
    /** Left out while no input is entered (and for client contacts). */
    priorityInputs: ZPriorityInputs.optional(),
  })
  .meta({ id: "RequirementSnapshot" });
export type TRequirementSnapshot = z.infer<typeof ZRequirementSnapshot>;

export const ZRequirementFieldChange = z
  .object({
    field: z.enum(REQUIREMENT_SNAPSHOT_FIELDS),
    before: z.unknown(),
    after: z.unknown(),
    /** The description's line-by-line diff. */
    lines: z.array(z.object({ op: z.enum(["same", "added", "removed"]), text: z.string() })).optional(),
  })
  .meta({ id: "RequirementFieldChange" });

export const ZRequirementVersion = z
  .object({
    version: z.number().int(),
    action: z.enum(["create", "update", "transition"]),
    /** Made by the system (a content edit after approval sent it back to the client), not by a person's choice. */
    automatic: z.boolean(),
    changedById: ZId.nullable(),
    changedByName: z.string().nullable(),
    changedAt: ZIsoDateTime,
    snapshot: ZRequirementSnapshot,
    /** What changed since the previous version (every filled field for the first). */
    changes: z.array(ZRequirementFieldChange),
  })
  .meta({ id: "RequirementVersion" });
export type TRequirementVersion = z.infer<typeof ZRequirementVersion>;

export const ZRequirementVersionsPage = z
  .object({
    items: z.array(ZRequirementVersion),
    nextCursor: z.string().nullable(),
    /** Names of the people the versions mention (owners), by id. */
    people: z.record(z.string(), z.string()),
  })
  .meta({ id: "RequirementVersionsPage" });
export const ZListRequirementVersionsQuery = ZListQueryBase.pick({ cursor: true, limit: true });

export const ZCreateRequirementRelationRequest = z.object({ toId: ZId, kind: ZRequirementRelationKind });
export type TCreateRequirementRelationRequest = z.infer<typeof ZCreateRequirementRelationRequest>;

/** Resolve a conflict (with a note saying how) or reopen it. */
export const ZUpdateRequirementRelationRequest = ZVersioned.extend({
  status: z.enum(["open", "resolved"]),
  resolutionNote: z.string().trim().max(5000).optional(),
}).refine((r) => r.status !== "resolved" || (r.resolutionNote ?? "") !== "", { message: "field.required", path: ["resolutionNote"] });
export type TUpdateRequirementRelationRequest = z.infer<typeof ZUpdateRequirementRelationRequest>;

/** One change applied to many requirements, all or nothing. Status is not bulk-editable: use the transitions. */
export const ZBulkUpdateRequirementsRequest = z.object({
  ids: z
    .array(ZId)
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: "field.invalid" }),
  /** The version each requirement was read at, by id; a requirement left out is checked against what the server reads. */
  versions: z.record(z.string(), z.number().int().positive()).optional(),
  patch: z
    .strictObject({
      ownerId: ZId.nullable().optional(),
      type: ZRequirementType.optional(),
      moscow: ZMoscow.nullable().optional(),
      addTags: ZTags.optional(),
      removeTags: ZTags.optional(),
    })
    .refine((p) => Object.values(p).some((v) => v !== undefined), {
      message: "field.required",
      // Only for an otherwise valid patch: an unknown field (say `status`) is reported as such, alone.
      when: (payload) => payload.issues.length === 0,
    }),
});
export type TBulkUpdateRequirementsRequest = z.infer<typeof ZBulkUpdateRequirementsRequest>;

/** The filters of a saved view: the list query without paging. */
export const ZRequirementViewFilters = z
  .strictObject({
    status: z.array(ZRequirementStatus).optional(),
    type: z.array(ZRequirementType).optional(),
    moscow: z.array(z.enum([...MOSCOW_PRIORITIES, "none"])).optional(),
    ownerId: ZId.optional(),
    tag: ZTag.optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(SORT_VALUES).optional(),
  })
  .meta({ id: "RequirementViewFilters" });

export const ZSavedView = z
  .object({
    id: ZId,
    projectId: ZId,
    userId: ZId,
    userName: z.string(),
    name: z.string(),
    filters: ZRequirementViewFilters,
    /** Shared with everyone on the project's team; otherwise only its author sees it. */
    shared: z.boolean(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
  })
  .meta({ id: "SavedView" });
export type TSavedView = z.infer<typeof ZSavedView>;

export const ZCreateSavedViewRequest = z.object({
  name: z.string().trim().min(1).max(100),
  filters: ZRequirementViewFilters,
  shared: z.boolean().default(false),
});
export type TCreateSavedViewRequest = z.infer<typeof ZCreateSavedViewRequest>;
export const ZSavedViewParams = z.object({ id: ZId, viewId: ZId });

// ---------------------------------------------------------------------------------------------------------------
// Traceability

/**
 * What a trace link can connect. Each later stage registers its type on the server (the link's ends must exist in
 * the project); until then links to that type are refused.
 */
export const TRACE_ENTITY_TYPES = ["requirement", "task", "acceptance_test", "deliverable", "ticket", "risk"] as const;
export type TTraceEntityType = (typeof TRACE_ENTITY_TYPES)[number];
export const ZTraceEntityType = z.enum(TRACE_ENTITY_TYPES);

/**
 * Read "from <kind> to", from the downstream artefact to what it serves: task implements requirement, acceptance_test
 * verifies requirement, deliverable delivers requirement/task, ticket reported_against deliverable; risk threatens
 * requirement (only a risk threatens, and a risk only threatens — docs/risks.md).
 */
export const TRACE_LINK_KINDS = ["implements", "verifies", "delivers", "reported_against", "relates_to", "threatens"] as const;
export type TTraceLinkKind = (typeof TRACE_LINK_KINDS)[number];
export const ZTraceLinkKind = z.enum(TRACE_LINK_KINDS);

export const ZTraceLink = z
  .object({
    id: ZId,
    projectId: ZId,
    fromType: ZTraceEntityType,
    fromId: ZId,
    fromLabel: z.string(),
    toType: ZTraceEntityType,
    toId: ZId,
    toLabel: z.string(),
    kind: ZTraceLinkKind,
    createdById: ZId.nullable(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: "TraceLink" });
export type TTraceLink = z.infer<typeof ZTraceLink>;

export const ZListTraceLinksQuery = ZListQueryBase.pick({ cursor: true, limit: true }).extend({
  /** Only links with this artefact at either end. */
  type: ZTraceEntityType.optional(),
  id: ZId.optional(),
  kind: ZTraceLinkKind.optional(),
});

export const ZCreateTraceLinkRequest = z.object({
  fromType: ZTraceEntityType,
  fromId: ZId,
  toType: ZTraceEntityType,
  toId: ZId,
  kind: ZTraceLinkKind,
});
export type TCreateTraceLinkRequest = z.infer<typeof ZCreateTraceLinkRequest>;

export const ZTraceDownstreamItem = z
  .object({
    type: ZTraceEntityType,
    id: ZId,
    label: z.string(),
    kind: ZTraceLinkKind,
    linkId: ZId,
    /** 1 = linked to the requirement itself; 2 = linked to something at depth 1; … */
    depth: z.number().int(),
    viaType: ZTraceEntityType,
    viaId: ZId,
  })
  .meta({ id: "TraceDownstreamItem" });

export const ZTraceabilityRow = z
  .object({
    requirement: ZRelatedRequirement,
    /** Everything downstream, grouped by type in `TRACE_ENTITY_TYPES` order (types with nothing are left out). */
    downstream: z.array(z.object({ type: ZTraceEntityType, items: z.array(ZTraceDownstreamItem) })),
    /** Approved or baselined, and nothing downstream. */
    gap: z.boolean(),
  })
  .meta({ id: "TraceabilityRow" });

export const ZTraceabilityMatrix = z
  .object({
    rows: z.array(ZTraceabilityRow),
    gaps: z.array(ZRelatedRequirement),
  })
  .meta({ id: "TraceabilityMatrix" });
export type TTraceabilityMatrix = z.infer<typeof ZTraceabilityMatrix>;

// ---- The conflict and duplicate finder (issue 4, docs/requirements.md "Analysis") ---------------------------------

export const ZRequirementProposalKind = z.enum(["duplicate", "conflict"]);
export type TRequirementProposalKind = z.infer<typeof ZRequirementProposalKind>;
export const ZRequirementProposalDecisionValue = z.enum(["confirmed", "dismissed"]);

/** One finder proposal about a requirement: the other requirement and why they look alike or contradict. */
export const ZRequirementProposal = z
  .object({
    kind: ZRequirementProposalKind,
    /** In [0, 1]; the list is ordered by it, highest first. */
    score: z.number(),
    /** The evidence in the caller's language ("same subject …, incompatible numbers 500 vs 5000"). */
    reason: z.string(),
    /** The message key and parameters the reason was rendered from, for clients that render it themselves. */
    reasonKey: z.string(),
    reasonParams: z.record(z.string(), z.union([z.string(), z.number()])),
    other: ZRelatedRequirement,
  })
  .meta({ id: "RequirementProposal" });
export type TRequirementProposal = z.infer<typeof ZRequirementProposal>;

/** A proposal of the project's analysis inbox: both requirements. */
export const ZProjectRequirementProposal = ZRequirementProposal.omit({ other: true })
  .extend({ a: ZRelatedRequirement, b: ZRelatedRequirement })
  .meta({ id: "ProjectRequirementProposal" });
export type TProjectRequirementProposal = z.infer<typeof ZProjectRequirementProposal>;

export const ZProjectRequirementProposals = z
  .object({
    items: z.array(ZProjectRequirementProposal),
    /** True when there were more than the 200 returned (highest scores first); decide some and ask again. */
    truncated: z.boolean(),
  })
  .meta({ id: "ProjectRequirementProposals" });

/** Confirm a proposal (creates the relation) or dismiss it (never proposed again). Deciding again replaces it. */
export const ZDecideRequirementProposalRequest = z.object({
  otherId: ZId,
  kind: ZRequirementProposalKind,
  decision: ZRequirementProposalDecisionValue,
});
export type TDecideRequirementProposalRequest = z.infer<typeof ZDecideRequirementProposalRequest>;

export const ZRequirementProposalDecision = z
  .object({
    requirementId: ZId,
    otherId: ZId,
    kind: ZRequirementProposalKind,
    decision: ZRequirementProposalDecisionValue,
    decidedById: ZId,
    decidedAt: ZIsoDateTime,
    /** The `duplicates` or `conflicts_with` relation a confirmation created or found; null when dismissed. */
    relation: ZRequirementRelation.nullable(),
  })
  .meta({ id: "RequirementProposalDecision" });
export type TRequirementProposalDecision = z.infer<typeof ZRequirementProposalDecision>;
