import { and, asc, desc, eq, isNull, lte } from "drizzle-orm";
import type { TEntityType } from "@jiaofu/contracts";
import type { Db } from "../../db/database";
import { attachments, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { EntityScope } from "../../platform/entity-scope";
import type { Actor } from "../../platform/policy";

export type AttachmentRow = typeof attachments.$inferSelect & { uploaderName: string };

export type NewAttachment = Pick<typeof attachments.$inferInsert, "fileName" | "contentType" | "size" | "sha256" | "storageKey">;

const auditOf = (scope: EntityScope) => ({ entityType: "attachment", projectId: scope.projectId });

export function createAttachmentsRepository(db: Db) {
  const selectWithUploader = () =>
    db.select({ attachment: attachments, uploaderName: users.name }).from(attachments).innerJoin(users, eq(users.id, attachments.uploaderId));
  const flatten = (r: { attachment: typeof attachments.$inferSelect; uploaderName: string }): AttachmentRow => ({
    ...r.attachment,
    uploaderName: r.uploaderName,
  });

  return {
    /**
     * Attachments removed (soft-deleted) at or before `cutoff`, oldest first: the ones whose bytes `purge` may
     * erase. Their rows stay (see `purgeDatabase`).
     */
    listDeletedBefore: (cutoff: Date) =>
      db
        .select({ id: attachments.id, storageKey: attachments.storageKey, size: attachments.size })
        .from(attachments)
        .where(lte(attachments.deletedAt, cutoff))
        .orderBy(asc(attachments.deletedAt), asc(attachments.id)),

    /** The live files on an entity, newest first. */
    listForEntity: async (workspaceId: string, entityType: TEntityType, entityId: string) => {
      const rows = await selectWithUploader()
        .where(
          and(
            eq(attachments.workspaceId, workspaceId),
            eq(attachments.entityType, entityType),
            eq(attachments.entityId, entityId),
            isNull(attachments.deletedAt),
          ),
        )
        .orderBy(desc(attachments.createdAt), desc(attachments.id));
      return rows.map(flatten);
    },

    /** A live (not deleted) attachment of the workspace. */
    get: async (workspaceId: string, id: string) => {
      const [row] = await selectWithUploader().where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.id, id), isNull(attachments.deletedAt)));
      return row ? flatten(row) : undefined;
    },

    create: (actor: Actor, scope: EntityScope, values: NewAttachment, now: Date) =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(attachments)
          .values({
            ...values,
            workspaceId: actor.workspaceId,
            entityType: scope.entityType,
            entityId: scope.entityId,
            uploaderId: actor.userId,
            createdAt: now,
          })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, actor.workspaceId, { ...auditOf(scope), entityId: row.id, action: "create", after: row });
        return row;
      }),

    /** Soft delete: the row and the bytes stay (history, backups); the file is no longer listed or served. */
    softDelete: (actor: Actor, scope: EntityScope, id: string, now: Date) =>
      db.transaction(async (tx) => {
        const [before] = await tx.select().from(attachments).where(and(eq(attachments.id, id), isNull(attachments.deletedAt)));
        if (!before) return false;
        const [after] = await tx
          .update(attachments)
          .set({ deletedAt: now })
          .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)))
          .returning();
        if (!after) return false;
        await recordAudit(tx, actor, actor.workspaceId, { ...auditOf(scope), entityId: id, action: "delete", before, after });
        return true;
      }),
  };
}
