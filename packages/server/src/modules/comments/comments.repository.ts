import { and, eq, isNull } from "drizzle-orm";
import type { TEntityType } from "@jiaofu/contracts";
import type { Db, Tx } from "../../db/database";
import { comments, projectMembers, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { EntityScope } from "../../platform/entity-scope";
import { afterCursor, orderBy, type SortSpec } from "../../platform/pagination";
import type { Actor } from "../../platform/policy";

export type CommentRow = typeof comments.$inferSelect & { authorName: string };

/** Oldest first; ties (same millisecond) broken by id. */
export const COMMENT_ORDER: SortSpec = { key: "createdAt", expr: comments.createdAt, desc: false };

const auditOf = (scope: EntityScope) => ({ entityType: "comment", projectId: scope.projectId });

/** With a transaction handle, writes join the caller's transaction (e.g. a client's question posted with their confirmation). */
export function createCommentsRepository(db: Db | Tx) {
  const selectWithAuthor = () =>
    db
      .select({ comment: comments, authorName: users.name })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId));
  const flatten = (r: { comment: typeof comments.$inferSelect; authorName: string }): CommentRow => ({
    ...r.comment,
    authorName: r.authorName,
  });

  return {
    listForEntity: async (workspaceId: string, entityType: TEntityType, entityId: string, page: { cursor?: string | undefined; limit: number }) => {
      const rows = await selectWithAuthor()
        .where(
          and(
            eq(comments.workspaceId, workspaceId),
            eq(comments.entityType, entityType),
            eq(comments.entityId, entityId),
            isNull(comments.deletedAt),
            afterCursor(COMMENT_ORDER, comments.id, page.cursor),
          ),
        )
        .orderBy(...orderBy(COMMENT_ORDER, comments.id))
        .limit(page.limit + 1);
      return rows.map(flatten);
    },

    /** The people of a project (every member), whom its comments can mention. */
    projectPeople: (projectId: string) =>
      db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(projectMembers)
        .innerJoin(users, eq(users.id, projectMembers.userId))
        .where(eq(projectMembers.projectId, projectId)),

    /** A live (not deleted) comment of the workspace. */
    get: async (workspaceId: string, id: string) => {
      const [row] = await selectWithAuthor().where(and(eq(comments.workspaceId, workspaceId), eq(comments.id, id), isNull(comments.deletedAt)));
      return row ? flatten(row) : undefined;
    },

    /** `mentions`: who the body mentions, kept in the audit record of the comment. */
    /** `within` runs in the same transaction once the comment is written (the mentioned people's notifications). */
    create: (actor: Actor, scope: EntityScope, values: { body: string; bodyHtml: string }, now: Date, mentions: readonly string[] = [], within?: (tx: Tx, commentId: string) => Promise<void>) =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(comments)
          .values({
            workspaceId: actor.workspaceId,
            entityType: scope.entityType,
            entityId: scope.entityId,
            authorId: actor.userId,
            ...values,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, actor, actor.workspaceId, { ...auditOf(scope), entityId: row.id, action: "create", after: { ...row, mentions } });
        await within?.(tx, row.id);
        return row;
      }),

    /** Updates only if `version` is still current; `stale` when someone else changed it first. */
    update: (actor: Actor, scope: EntityScope, id: string, version: number, values: { body: string; bodyHtml: string }, now: Date, mentions: readonly string[] = [], within?: (tx: Tx, commentId: string) => Promise<void>) =>
      db.transaction(async (tx) => {
        const [before] = await tx.select().from(comments).where(and(eq(comments.id, id), isNull(comments.deletedAt)));
        if (!before) return { kind: "not_found" as const };
        const [after] = await tx
          .update(comments)
          .set({ ...values, updatedAt: now, version: before.version + 1 })
          .where(and(eq(comments.id, id), eq(comments.version, version), isNull(comments.deletedAt)))
          .returning();
        if (!after) return { kind: "stale" as const };
        await recordAudit(tx, actor, actor.workspaceId, { ...auditOf(scope), entityId: id, action: "update", before, after: { ...after, mentions } });
        await within?.(tx, id);
        return { kind: "ok" as const };
      }),

    /** Soft delete: the row stays (the audit log refers to it) but is no longer listed or editable. */
    softDelete: (actor: Actor, scope: EntityScope, id: string, now: Date) =>
      db.transaction(async (tx) => {
        const [before] = await tx.select().from(comments).where(and(eq(comments.id, id), isNull(comments.deletedAt)));
        if (!before) return false;
        const [after] = await tx
          .update(comments)
          .set({ deletedAt: now, version: before.version + 1 })
          .where(and(eq(comments.id, id), isNull(comments.deletedAt)))
          .returning();
        if (!after) return false;
        await recordAudit(tx, actor, actor.workspaceId, { ...auditOf(scope), entityId: id, action: "delete", before, after });
        return true;
      }),
  };
}
