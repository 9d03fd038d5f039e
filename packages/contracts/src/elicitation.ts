import { z } from "zod";
import { ZId, ZIsoDateTime, ZListQueryBase, ZVersioned } from "./common";
import { ZRelatedRequirement, ZRequirementType } from "./requirements";

/**
 * Elicitation sessions: interviews, focus groups and workshops with the client, their participants, agenda and
 * markdown notes, and the passages of the notes that became requirements.
 */
export const ELICITATION_SESSION_KINDS = ["interview", "focus_group", "workshop"] as const;
export type TElicitationSessionKind = (typeof ELICITATION_SESSION_KINDS)[number];
export const ZElicitationSessionKind = z.enum(ELICITATION_SESSION_KINDS);

/** A participant with an account: a member of the delivery team on the project, or a contact of its client. */
export const ZElicitationParticipant = z
  .object({
    userId: ZId,
    name: z.string(),
    title: z.string(),
    kind: z.enum(["staff", "contact"]),
  })
  .meta({ id: "ElicitationParticipant" });
export type TElicitationParticipant = z.infer<typeof ZElicitationParticipant>;

/** A requirement as a passage or an answer points at it: enough to show "REQ-7 Single sign-on (approved)". */
export const ZRequirementRef = ZRelatedRequirement;
export type TRequirementRef = z.infer<typeof ZRequirementRef>;

const sessionCore = {
  id: ZId,
  projectId: ZId,
  kind: ZElicitationSessionKind,
  title: z.string(),
  startsAt: ZIsoDateTime,
  endsAt: ZIsoDateTime.nullable(),
  location: z.string(),
  participants: z.array(ZElicitationParticipant),
  /** People without an account (names as typed). */
  guests: z.array(z.string()),
  /** Passages marked in the notes, and how many of them no longer match the notes (`detached`). */
  passageCount: z.number().int(),
  detachedPassageCount: z.number().int(),
  createdById: ZId.nullable(),
  createdByName: z.string().nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  version: z.number().int(),
};

export const ZElicitationSessionSummary = z.object(sessionCore).meta({ id: "ElicitationSessionSummary" });
export type TElicitationSessionSummary = z.infer<typeof ZElicitationSessionSummary>;

export const ZElicitationSession = z
  .object({
    ...sessionCore,
    agenda: z.string(),
    /** Markdown rendered on the server and sanitised: safe to insert as HTML. */
    agendaHtml: z.string(),
    /** The markdown source; passage offsets count UTF-16 code units of this text. */
    notes: z.string(),
    notesHtml: z.string(),
  })
  .meta({ id: "ElicitationSession" });
export type TElicitationSession = z.infer<typeof ZElicitationSession>;

export const ZListElicitationSessionsQuery = ZListQueryBase.extend({
  kind: ZElicitationSessionKind.optional(),
  sort: z.enum(["startsAt", "-startsAt", "title", "-title", "updatedAt", "-updatedAt"]).default("-startsAt"),
});

const sessionFields = {
  kind: ZElicitationSessionKind,
  title: z.string().trim().min(1).max(200),
  startsAt: ZIsoDateTime,
  endsAt: ZIsoDateTime.nullable(),
  location: z.string().trim().max(200),
  /** Users: members of the project's delivery team or contacts of the project's client. */
  participantIds: z.array(ZId).max(100),
  guests: z.array(z.string().trim().min(1).max(120)).max(50),
  agenda: z.string().max(50_000),
  notes: z.string().max(200_000),
};

const endsAfterStart = (s: { startsAt?: string | undefined; endsAt?: string | null | undefined }) =>
  !s.startsAt || !s.endsAt || Date.parse(s.startsAt) <= Date.parse(s.endsAt);

export const ZCreateElicitationSessionRequest = z
  .object({
    kind: sessionFields.kind,
    title: sessionFields.title,
    startsAt: sessionFields.startsAt,
    endsAt: sessionFields.endsAt.default(null),
    location: sessionFields.location.default(""),
    participantIds: sessionFields.participantIds.default([]),
    guests: sessionFields.guests.default([]),
    agenda: sessionFields.agenda.default(""),
    notes: sessionFields.notes.default(""),
  })
  .refine(endsAfterStart, { message: "end_before_start", path: ["endsAt"] });
export type TCreateElicitationSessionRequest = z.infer<typeof ZCreateElicitationSessionRequest>;

/** Fields left out stay as they are. Editing `notes` re-anchors every passage on its excerpt. */
export const ZUpdateElicitationSessionRequest = ZVersioned.extend({
  kind: sessionFields.kind.optional(),
  title: sessionFields.title.optional(),
  startsAt: sessionFields.startsAt.optional(),
  endsAt: sessionFields.endsAt.optional(),
  location: sessionFields.location.optional(),
  participantIds: sessionFields.participantIds.optional(),
  guests: sessionFields.guests.optional(),
  agenda: sessionFields.agenda.optional(),
  notes: sessionFields.notes.optional(),
}).refine(endsAfterStart, { message: "end_before_start", path: ["endsAt"] });
export type TUpdateElicitationSessionRequest = z.infer<typeof ZUpdateElicitationSessionRequest>;

/** `?version=` on a delete: refused with 409 when the session changed since it was read. */
export const ZDeleteVersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/**
 * A passage of the notes: `start`..`end` (UTF-16 code units, end exclusive) and the text it covered. When the
 * notes are edited the passage follows its excerpt; `detached` when the excerpt is no longer in the notes (the
 * passage and its links are kept, with their last offsets).
 */
export const ZElicitationPassage = z
  .object({
    id: ZId,
    sessionId: ZId,
    start: z.number().int(),
    end: z.number().int(),
    excerpt: z.string(),
    detached: z.boolean(),
    /** The requirements made from this passage, oldest first. */
    requirements: z.array(ZRequirementRef),
    createdById: ZId.nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
  })
  .meta({ id: "ElicitationPassage" });
export type TElicitationPassage = z.infer<typeof ZElicitationPassage>;

export const ZPassageRange = z.object({
  start: z.number().int().min(0).max(200_000),
  end: z.number().int().min(0).max(200_000),
});
export const ZCreatePassageRequest = ZPassageRange;
export type TCreatePassageRequest = z.infer<typeof ZCreatePassageRequest>;

export const ZPassageParams = z.object({ id: ZId, passageId: ZId });

/**
 * The requirement's fields when one is made from a source (a passage or a questionnaire answer). Left out, the title
 * is taken from the excerpt and the description quotes it. `type` is the requirements register's type.
 */
export const ZRequirementFromSourceFields = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(20_000).optional(),
  type: ZRequirementType.optional(),
});

export const ZCreateRequirementFromPassageRequest = ZPassageRange.extend(ZRequirementFromSourceFields.shape);
export type TCreateRequirementFromPassageRequest = z.infer<typeof ZCreateRequirementFromPassageRequest>;

export const ZRequirementFromPassage = z
  .object({ passage: ZElicitationPassage, requirement: ZRequirementRef })
  .meta({ id: "RequirementFromPassage" });
export type TRequirementFromPassage = z.infer<typeof ZRequirementFromPassage>;
