import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import type { Db } from "../../db/database";
import { attachments, auditLog, comments, users } from "../../db/schema";
import type { EntityScope } from "../../platform/entity-scope";

export type AuditRow = typeof auditLog.$inferSelect & { actorName: string | null };

export function createAuditRepository(db: Db) {
  return {
    /**
     * An entity's history, newest first (by id: rows written in one transaction share a timestamp). It holds the
     * entity's own rows and those of the comments and files on it; a project's also holds every row filed under it
     * (`project_id`: members, comments, and later stages' requirements, tasks …).
     */
    listForEntity: async (workspaceId: string, scope: Pick<EntityScope, "entityType" | "entityId">, page: { beforeId?: number | undefined; limit: number }) => {
      const { entityType, entityId } = scope;
      const commentIds = db.select({ id: comments.id }).from(comments).where(and(eq(comments.entityType, entityType), eq(comments.entityId, entityId)));
      const attachmentIds = db
        .select({ id: attachments.id })
        .from(attachments)
        .where(and(eq(attachments.entityType, entityType), eq(attachments.entityId, entityId)));
      const rows = await db
        .select({ entry: auditLog, actorName: users.name })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(
          and(
            eq(auditLog.workspaceId, workspaceId),
            or(
              and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)),
              and(eq(auditLog.entityType, "comment"), inArray(auditLog.entityId, commentIds)),
              and(eq(auditLog.entityType, "attachment"), inArray(auditLog.entityId, attachmentIds)),
              entityType === "project" ? eq(auditLog.projectId, entityId) : undefined,
            ),
            page.beforeId === undefined ? undefined : lt(auditLog.id, page.beforeId),
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(page.limit + 1);
      return rows.map((r): AuditRow => ({ ...r.entry, actorName: r.actorName }));
    },
  };
}
