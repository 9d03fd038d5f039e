import type { TEntityType } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { forbidden, notFound, versionConflict } from "../../platform/app-error";
import { requireEntityScope, toEntityType } from "../../platform/entity-scope";
import { renderMarkdown } from "../../platform/markdown";
import { toPage } from "../../platform/pagination";
import { canEditComment, canRemoveComment, type Actor } from "../../platform/policy";
import { createCommentsRepository, type CommentRow } from "./comments.repository";
import { presentComment } from "./comments.presenter";

export function createCommentsService(deps: AppDeps) {
  const repo = createCommentsRepository(deps.db);

  /** A live comment of the actor's workspace, or 404. Callers then apply its entity's rules (`requireEntityScope`). */
  async function loadComment(actor: Actor, id: string): Promise<CommentRow> {
    const row = await repo.get(actor.workspaceId, id);
    if (!row) throw notFound("comment.not_found");
    return row;
  }

  async function getPresented(actor: Actor, id: string) {
    return presentComment(await loadComment(actor, id));
  }

  return {
    /** The comments on an entity, oldest first. */
    listComments: async (actor: Actor, entityType: TEntityType, entityId: string, query: { cursor?: string | undefined; limit: number }) => {
      await requireEntityScope(deps.db, actor, entityType, entityId, "read");
      const rows = await repo.listForEntity(actor.workspaceId, entityType, entityId, query);
      const page = toPage(rows, query.limit, (row) => row.createdAt.toISOString());
      return { items: page.items.map(presentComment), nextCursor: page.nextCursor };
    },

    createComment: async (actor: Actor, entityType: TEntityType, entityId: string, input: { body: string }) => {
      const scope = await requireEntityScope(deps.db, actor, entityType, entityId, "comment");
      const row = await repo.create(actor, scope, { body: input.body, bodyHtml: renderMarkdown(input.body) }, deps.now());
      return getPresented(actor, row.id);
    },

    /** Only the author, who must still be allowed to comment there; `version` guards against lost edits. */
    updateComment: async (actor: Actor, id: string, input: { body: string; version: number }) => {
      const current = await loadComment(actor, id);
      const scope = await requireEntityScope(deps.db, actor, toEntityType(current.entityType), current.entityId, "comment");
      if (!canEditComment(actor, current.authorId)) throw forbidden();
      const result = await repo.update(actor, scope, id, input.version, { body: input.body, bodyHtml: renderMarkdown(input.body) }, deps.now());
      if (result.kind === "not_found") throw notFound("comment.not_found");
      if (result.kind === "stale") throw versionConflict(await getPresented(actor, id));
      return getPresented(actor, id);
    },

    /** The author or an admin, who must still be able to read the entity. */
    deleteComment: async (actor: Actor, id: string) => {
      const current = await loadComment(actor, id);
      const scope = await requireEntityScope(deps.db, actor, toEntityType(current.entityType), current.entityId, "read");
      if (!canRemoveComment(actor, current.authorId)) throw forbidden();
      if (!(await repo.softDelete(actor, scope, id, deps.now()))) throw notFound("comment.not_found");
    },
  };
}
export type CommentsService = ReturnType<typeof createCommentsService>;
