import { z } from "zod";
import { RICE_FIELDS, SCORING_INPUT_RANGES, SCORING_MODELS, WEIGHTED_VALUE_MAX, WSJF_FIELDS } from "@jiaofu/engine";
import { ZId, ZIsoDateTime } from "./common";
import { ZClientPriority, ZListRequirementsQuery, ZMoscow, ZRequirement } from "./requirements";

/**
 * Prioritisation of the requirements register (docs/requirements.md "Prioritisation"): the project's scoring model
 * (RICE, WSJF or weighted criteria) beside MoSCoW, each requirement's inputs and score, the ranked view, moving a
 * requirement within and between MoSCoW tiers, ranking by score, and the client's own priority.
 */
export { RICE_FIELDS, SCORING_INPUT_RANGES, SCORING_MODELS, WEIGHTED_VALUE_MAX, WSJF_FIELDS };

export const ZScoringModelKind = z.enum(SCORING_MODELS);
export type TScoringModelKind = z.infer<typeof ZScoringModelKind>;

/** At most this many weighted criteria: more stop being a judgement anyone can make. */
export const SCORING_CRITERIA_MAX = 12;
/** The largest weight of a criterion (weights are relative: 1, 2, 3 or 10, 20, 30 rank the same). */
export const SCORING_WEIGHT_MAX = 100;

export const ZScoringCriterion = z
  .object({
    /** Stable: a requirement's weighted inputs are keyed by it, so renaming a criterion keeps them. */
    id: z.string(),
    name: z.string(),
    /** > 0; the score is the weighted mean of the values (0–10), so it stays on the 0–10 scale. */
    weight: z.number(),
  })
  .meta({ id: "ScoringCriterion" });
export type TScoringCriterion = z.infer<typeof ZScoringCriterion>;

export const ZScoringModel = z
  .object({
    projectId: ZId,
    model: ZScoringModelKind,
    /** The weighted model's criteria; kept (and returned) while another model is chosen. */
    criteria: z.array(ZScoringCriterion),
    updatedById: ZId.nullable(),
    updatedByName: z.string().nullable(),
    updatedAt: ZIsoDateTime.nullable(),
    /** 0 until the project first saves a model (it is `none` until then). Send it back with a change. */
    version: z.number().int(),
  })
  .meta({ id: "ScoringModel" });
export type TScoringModel = z.infer<typeof ZScoringModel>;

const ZCriterionId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { message: "field.invalid" });

/** A criterion as sent: keep `id` to keep the values entered against it; leave it out for a new one. */
export const ZScoringCriterionInput = z.object({
  id: ZCriterionId.optional(),
  name: z.string().trim().min(1).max(60),
  weight: z.number().gt(0).max(SCORING_WEIGHT_MAX),
});

export const ZUpdateScoringModelRequest = z
  .strictObject({
    /** The version read (0 when the project has never saved one). */
    version: z.number().int().min(0),
    model: ZScoringModelKind,
    criteria: z
      .array(ZScoringCriterionInput)
      .max(SCORING_CRITERIA_MAX)
      .superRefine((criteria, ctx) => {
        const ids = new Set<string>();
        const names = new Set<string>();
        criteria.forEach((c, i) => {
          if (c.id !== undefined) {
            if (ids.has(c.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "prioritisation.criterion_id_taken" });
            ids.add(c.id);
          }
          const name = c.name.toLocaleLowerCase();
          if (names.has(name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: "prioritisation.criterion_name_taken" });
          names.add(name);
        });
      })
      .optional(),
  })
  .refine((r) => r.model !== "weighted" || (r.criteria?.length ?? 0) > 0, {
    path: ["criteria"],
    message: "prioritisation.criteria_required",
    when: (payload) => payload.issues.length === 0,
  });
export type TUpdateScoringModelRequest = z.infer<typeof ZUpdateScoringModelRequest>;

/** A number in `[min, max]`, null to clear it, left out to keep it. */
const zInput = ([min, max]: readonly [number, number]) => z.number().min(min).max(max).nullable().optional();

/**
 * A change to a requirement's inputs, per model: a number sets an input, null clears it, a field left out stays.
 * Weighted values are keyed by the project's criterion ids (an unknown id is refused).
 */
export const ZUpdatePriorityInputsRequest = z.strictObject({
  version: z.number().int().positive(),
  rice: z
    .strictObject({
      reach: zInput(SCORING_INPUT_RANGES.rice.reach),
      impact: zInput(SCORING_INPUT_RANGES.rice.impact),
      confidence: zInput(SCORING_INPUT_RANGES.rice.confidence),
      effort: zInput(SCORING_INPUT_RANGES.rice.effort),
    })
    .optional(),
  wsjf: z
    .strictObject({
      businessValue: zInput(SCORING_INPUT_RANGES.wsjf.businessValue),
      timeCriticality: zInput(SCORING_INPUT_RANGES.wsjf.timeCriticality),
      riskReduction: zInput(SCORING_INPUT_RANGES.wsjf.riskReduction),
      jobSize: zInput(SCORING_INPUT_RANGES.wsjf.jobSize),
    })
    .optional(),
  weighted: z.record(ZCriterionId, z.number().min(0).max(WEIGHTED_VALUE_MAX).nullable()).optional(),
});
export type TUpdatePriorityInputsRequest = z.infer<typeof ZUpdatePriorityInputsRequest>;

/** A requirement in the ranked view: what the table shows, its inputs, and its score under the project's model. */
export const ZRankedRequirement = ZRequirement.pick({
  id: true,
  projectId: true,
  number: true,
  key: true,
  title: true,
  type: true,
  status: true,
  ownerId: true,
  ownerName: true,
  tags: true,
  moscow: true,
  clientPriority: true,
  rank: true,
  priorityInputs: true,
  updatedAt: true,
  version: true,
})
  .extend({
    /** Under the project's model, rounded to 2 decimals; null when the model is `none` or an input is missing. */
    score: z.number().nullable(),
    /** The inputs still missing for a score: RICE/WSJF field names, or criterion ids (empty for client contacts). */
    scoreMissing: z.array(z.string()),
  })
  .meta({ id: "RankedRequirement" });
export type TRankedRequirement = z.infer<typeof ZRankedRequirement>;

/** The most requirements the ranked view returns (it is not paged: a drag needs the whole tier). */
export const RANKED_VIEW_MAX = 2000;

export const ZRequirementPrioritiesQuery = z.object({
  /** Only these statuses (`status=draft,approved`); all by default. */
  status: ZListRequirementsQuery.shape.status,
});
export type TRequirementPrioritiesQuery = z.input<typeof ZRequirementPrioritiesQuery>;

export const ZRequirementPriorities = z
  .object({
    /** The model the scores are computed by (client contacts get no criteria: they are the team's). */
    model: ZScoringModelKind,
    criteria: z.array(ZScoringCriterion),
    modelVersion: z.number().int(),
    /** MoSCoW tier (must → wont → not prioritised), then manual rank. */
    items: z.array(ZRankedRequirement),
    /** More than `RANKED_VIEW_MAX` matched; narrow the statuses. */
    truncated: z.boolean(),
  })
  .meta({ id: "RequirementPriorities" });
export type TRequirementPriorities = z.infer<typeof ZRequirementPriorities>;

/**
 * A drag and drop: the requirement goes into tier `moscow` (null: not prioritised), right after `previousId` (the
 * requirement now above it), or right before `nextId` when it went to the top, or at the end of the tier when the
 * tier shows nothing else. Both neighbours must be in that tier, in that order.
 */
export const ZMoveRequirementRequest = z
  .strictObject({
    version: z.number().int().positive(),
    moscow: ZMoscow.nullable(),
    previousId: ZId.nullable().default(null),
    nextId: ZId.nullable().default(null),
  })
  .refine((r) => r.previousId === null || r.previousId !== r.nextId, { path: ["nextId"], message: "field.invalid" });
export type TMoveRequirementRequest = z.input<typeof ZMoveRequirementRequest>;

export const ZMoveRequirementResult = z
  .object({
    requirement: ZRankedRequirement,
    /** How many other requirements of the tier were renumbered to make room (0 almost always). */
    renumbered: z.number().int(),
  })
  .meta({ id: "MoveRequirementResult" });
export type TMoveRequirementResult = z.infer<typeof ZMoveRequirementResult>;

export const ZRankByScoreRequest = z.strictObject({
  /** The scoring model's version the person confirmed ranking by: a model changed since is a 409. */
  modelVersion: z.number().int().min(0),
});
export type TRankByScoreRequest = z.infer<typeof ZRankByScoreRequest>;

export const ZRankByScoreResult = z
  .object({
    /** The requirements whose rank changed (each got a new version). */
    changed: z.number().int(),
  })
  .meta({ id: "RankByScoreResult" });
export type TRankByScoreResult = z.infer<typeof ZRankByScoreResult>;

/** The client's own priority, 1 (highest) to 5, or null to withdraw it. */
export const ZSetClientPriorityRequest = z.strictObject({
  version: z.number().int().positive(),
  clientPriority: ZClientPriority.nullable(),
});
export type TSetClientPriorityRequest = z.infer<typeof ZSetClientPriorityRequest>;
