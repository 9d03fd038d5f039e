import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ENTITY_TYPES,
  ZComment,
  ZCreateCommentRequest,
  ZErrorResponse,
  ZIdParams,
  ZListCommentsQuery,
  ZUpdateCommentRequest,
  zPage,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { ZEntityIdParams, entityRoutePrefix } from "../../platform/entity-scope";
import { createCommentsService } from "./comments.service";

const tags = ["comments"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * Comments on any entity: `/api/v1/{clients|projects|users|…}/:entityId/comments` (one pair of routes per entry of
 * `ENTITY_TYPES`), and `/api/v1/comments/:id` to edit or remove one. Who may do what: `platform/entity-scope.ts`.
 */
export const commentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createCommentsService(app.deps);

  for (const entityType of ENTITY_TYPES) {
    const path = `${entityRoutePrefix(entityType)}/comments`;
    app.get(
      path,
      {
        schema: {
          tags,
          summary: `List the comments on a ${entityType}, oldest first`,
          params: ZEntityIdParams,
          querystring: ZListCommentsQuery,
          response: { 200: zPage(ZComment), ...errors },
        },
      },
      async (request) => service.listComments(requireActor(request), entityType, request.params.entityId, request.query),
    );

    app.post(
      path,
      {
        schema: {
          tags,
          summary: `Comment on a ${entityType} (markdown; the response carries the sanitised HTML)`,
          params: ZEntityIdParams,
          body: ZCreateCommentRequest,
          response: { 201: ZComment, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createComment(requireActor(request), entityType, request.params.entityId, request.body)),
    );
  }

  app.patch(
    "/comments/:id",
    {
      schema: {
        tags,
        summary: "Edit your comment (send the version you read)",
        params: ZIdParams,
        body: ZUpdateCommentRequest,
        response: { 200: ZComment, ...errors },
      },
    },
    async (request) => service.updateComment(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/comments/:id",
    { schema: { tags, summary: "Remove a comment (its author or an admin)", params: ZIdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.deleteComment(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
