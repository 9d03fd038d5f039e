import { z } from "zod";
import { ZId, ZIsoDateTime, ZListQueryBase, ZVersioned } from "./common";

/**
 * Entities that comments, attachments and the audit log can hang off. Later stages add theirs
 * (requirement, task, ticket, …) here and register a scope resolver on the server.
 */
export const ENTITY_TYPES = ["client", "project", "user", "elicitation_session", "questionnaire", "requirement", "change_request", "risk", "plan_task"] as const;
export type TEntityType = (typeof ENTITY_TYPES)[number];
export const ZEntityType = z.enum(ENTITY_TYPES);
export const ZEntityParams = z.object({ entityType: ZEntityType, entityId: ZId });

export const ZComment = z
  .object({
    id: ZId,
    entityType: ZEntityType,
    entityId: ZId,
    authorId: ZId,
    authorName: z.string(),
    body: z.string(),
    /** Markdown rendered on the server and sanitised: safe to insert as HTML. */
    bodyHtml: z.string(),
    /** The project's people the body mentions (`@name` or `@e-mail`), in order; empty outside a project. */
    mentions: z.array(z.object({ userId: ZId, name: z.string() })),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "Comment" });
export type TComment = z.infer<typeof ZComment>;

export const ZCreateCommentRequest = z.object({ body: z.string().trim().min(1).max(20_000) });
export const ZUpdateCommentRequest = ZVersioned.extend({ body: z.string().trim().min(1).max(20_000) });
export const ZListCommentsQuery = ZListQueryBase.pick({ cursor: true, limit: true });

export const ZAttachment = z
  .object({
    id: ZId,
    entityType: ZEntityType,
    entityId: ZId,
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploaderId: ZId,
    uploaderName: z.string(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: "Attachment" });
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZAuditEntry = z
  .object({
    id: z.string(),
    entityType: z.string(),
    entityId: ZId,
    action: z.string(),
    actorId: ZId.nullable(),
    actorName: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: "AuditEntry" });
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export const ZListAuditQuery = ZListQueryBase.pick({ cursor: true, limit: true });
