import { z } from "zod";
import { REQUIREMENT_CONFIRMATION_DECISIONS, REQUIREMENT_STATUSES } from "@jiaofu/engine";
import { ZId, ZIsoDateTime, ZVersioned } from "./common";

/**
 * The client's confirmation of requirements (docs/requirements.md, "Client confirmation"): a contact of the client
 * approves a requirement awaiting the client, or asks for clarification with a comment. Each answer records who,
 * when and which version they read.
 */
export { REQUIREMENT_CONFIRMATION_DECISIONS };
export const ZRequirementConfirmationDecision = z.enum(REQUIREMENT_CONFIRMATION_DECISIONS);
export type TRequirementConfirmationDecision = z.infer<typeof ZRequirementConfirmationDecision>;

export const ZRequirementConfirmation = z
  .object({
    id: ZId,
    requirementId: ZId,
    projectId: ZId,
    /** The version the contact read and answered (the move it caused made the next one). */
    requirementVersion: z.number().int(),
    decision: ZRequirementConfirmationDecision,
    /** Markdown; always given with a request for clarification (it is also posted as a comment on the requirement). */
    comment: z.string(),
    contactId: ZId,
    contactName: z.string(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: "RequirementConfirmation" });
export type TRequirementConfirmation = z.infer<typeof ZRequirementConfirmation>;

/** The latest confirmation of a requirement, and whether what it says has changed since. */
export const ZRequirementConfirmationSummary = z
  .object({
    decision: ZRequirementConfirmationDecision,
    contactId: ZId,
    contactName: z.string(),
    confirmedAt: ZIsoDateTime,
    requirementVersion: z.number().int(),
    /**
     * The title, description, type or acceptance criteria differ from the version confirmed. A move through the
     * workflow, owner, tags or priorities do not count: they change the version, not what the client agreed to.
     */
    changedSince: z.boolean(),
  })
  .meta({ id: "RequirementConfirmationSummary" });
export type TRequirementConfirmationSummary = z.infer<typeof ZRequirementConfirmationSummary>;

/** `version` is the version the contact read: a requirement changed since is refused (409), so they confirm what they saw. */
export const ZConfirmRequirementRequest = ZVersioned.extend({
  decision: ZRequirementConfirmationDecision,
  /** Required to ask for clarification; optional with an approval. */
  comment: z.string().trim().max(5000).default(""),
}).refine((r) => r.decision !== "clarification_requested" || r.comment !== "", { message: "confirmation.comment_required", path: ["comment"] });
export type TConfirmRequirementRequest = z.infer<typeof ZConfirmRequirementRequest>;

/**
 * What a confirmation did: the answer recorded and where the requirement stands now (`approved`, or `in_analysis`
 * after a request for clarification — it then leaves the portal until the team sends it again).
 */
export const ZRequirementConfirmationOutcome = z
  .object({
    confirmation: ZRequirementConfirmation,
    requirement: z.object({ id: ZId, key: z.string(), status: z.enum(REQUIREMENT_STATUSES), version: z.number().int() }),
  })
  .meta({ id: "RequirementConfirmationOutcome" });
export type TRequirementConfirmationOutcome = z.infer<typeof ZRequirementConfirmationOutcome>;

export const ZRequirementConfirmationsList = z.object({ items: z.array(ZRequirementConfirmation) }).meta({ id: "RequirementConfirmationsList" });

/** One requirement in front of the client, awaiting their answer, with their last answer if they gave one before. */
export const ZPendingConfirmation = z
  .object({
    id: ZId,
    key: z.string(),
    title: z.string(),
    version: z.number().int(),
    /** When it was (last) sent to the client for confirmation. */
    awaitingSince: ZIsoDateTime,
    lastConfirmation: ZRequirementConfirmationSummary.nullable(),
  })
  .meta({ id: "PendingConfirmation" });
export type TPendingConfirmation = z.infer<typeof ZPendingConfirmation>;

export const ZPendingConfirmations = z
  .object({
    /** Oldest waiting first, at most 200. */
    items: z.array(ZPendingConfirmation),
    /** How many await the client in all. */
    total: z.number().int(),
  })
  .meta({ id: "PendingConfirmations" });
export type TPendingConfirmations = z.infer<typeof ZPendingConfirmations>;
