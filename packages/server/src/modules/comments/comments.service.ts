import type { TComment, TEntityType } from "@jiaofu/contracts";
import { boardMentions } from "@jiaofu/engine";
import type { AppDeps } from "../../app";
import { forbidden, notFound, versionConflict } from "../../platform/app-error";
import { requireEntityScope, toEntityType, type EntityScope } from "../../platform/entity-scope";
import { renderMarkdown } from "../../platform/markdown";
import { toPage } from "../../platform/pagination";
import { canEditComment, canRemoveComment, type Actor } from "../../platform/policy";
import { createNotificationOutbox, notifyMentioned } from "../notifications/notifications.producer";
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

  /**
   * Who each body mentions: `@name` or `@e-mail` of the people of the entity's project (none outside a project). The
   * body keeps the words; the people are resolved against the project's members (and stored in the audit record).
   */
  async function mentionsOf(scope: EntityScope, bodies: readonly string[]): Promise<TComment["mentions"][]> {
    if (scope.projectId === null || !bodies.some((b) => b.includes("@"))) return bodies.map(() => []);
    const people = await repo.projectPeople(scope.projectId);
    const names = new Map(people.map((p) => [p.id, p.name]));
    return bodies.map((body) => boardMentions(body, people).map((userId) => ({ userId, name: names.get(userId) ?? "" })));
  }

  async function getPresented(actor: Actor, scope: EntityScope, id: string) {
    const row = await loadComment(actor, id);
    const [mentions] = await mentionsOf(scope, [row.body]);
    return presentComment(row, mentions);
  }

  return {
    /** The comments on an entity, oldest first. */
    listComments: async (actor: Actor, entityType: TEntityType, entityId: string, query: { cursor?: string | undefined; limit: number }) => {
      const scope = await requireEntityScope(deps.db, actor, entityType, entityId, "read");
      const rows = await repo.listForEntity(actor.workspaceId, entityType, entityId, query);
      const page = toPage(rows, query.limit, (row) => row.createdAt.toISOString());
      const mentions = await mentionsOf(scope, page.items.map((row) => row.body));
      return { items: page.items.map((row, i) => presentComment(row, mentions[i])), nextCursor: page.nextCursor };
    },

    createComment: async (actor: Actor, entityType: TEntityType, entityId: string, input: { body: string }) => {
      const scope = await requireEntityScope(deps.db, actor, entityType, entityId, "comment");
      const [mentions = []] = await mentionsOf(scope, [input.body]);
      const outbox = createNotificationOutbox(deps);
      const mentionedIds = mentions.map((m) => m.userId);
      const row = await repo.create(actor, scope, { body: input.body, bodyHtml: renderMarkdown(input.body) }, deps.now(), mentionedIds, (tx, commentId) =>
        notifyMentioned(outbox, tx, { actor, entityType, entityId, projectId: scope.projectId, commentId, body: input.body, mentionedIds }),
      );
      outbox.send();
      return getPresented(actor, scope, row.id);
    },

    /** Only the author, who must still be allowed to comment there; `version` guards against lost edits. */
    updateComment: async (actor: Actor, id: string, input: { body: string; version: number }) => {
      const current = await loadComment(actor, id);
      const scope = await requireEntityScope(deps.db, actor, toEntityType(current.entityType), current.entityId, "comment");
      if (!canEditComment(actor, current.authorId)) throw forbidden();
      const [mentions = []] = await mentionsOf(scope, [input.body]);
      const outbox = createNotificationOutbox(deps);
      const mentionedIds = mentions.map((m) => m.userId);
      const result = await repo.update(actor, scope, id, input.version, { body: input.body, bodyHtml: renderMarkdown(input.body) }, deps.now(), mentionedIds, (tx, commentId) =>
        notifyMentioned(outbox, tx, { actor, entityType: scope.entityType, entityId: scope.entityId, projectId: scope.projectId, commentId, body: input.body, mentionedIds }),
      );
      outbox.send();
      if (result.kind === "not_found") throw notFound("comment.not_found");
      if (result.kind === "stale") throw versionConflict(await getPresented(actor, scope, id));
      return getPresented(actor, scope, id);
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
