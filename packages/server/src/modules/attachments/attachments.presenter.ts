import type { TAttachment } from "@jiaofu/contracts";
import { toEntityType } from "../../platform/entity-scope";
import type { AttachmentRow } from "./attachments.repository";

/** The storage key stays on the server. */
export function presentAttachment(row: AttachmentRow): TAttachment {
  return {
    id: row.id,
    entityType: toEntityType(row.entityType),
    entityId: row.entityId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    uploaderId: row.uploaderId,
    uploaderName: row.uploaderName,
    createdAt: row.createdAt.toISOString(),
  };
}
