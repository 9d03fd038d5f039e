import type { TComment } from "@jiaofu/contracts";
import { toEntityType } from "../../platform/entity-scope";
import type { CommentRow } from "./comments.repository";

export function presentComment(row: CommentRow, mentions: TComment["mentions"] = []): TComment {
  return {
    id: row.id,
    entityType: toEntityType(row.entityType),
    entityId: row.entityId,
    authorId: row.authorId,
    authorName: row.authorName,
    body: row.body,
    bodyHtml: row.bodyHtml,
    mentions,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
