import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZCreateSavedViewRequest, ZErrorResponse, ZIdParams, ZSavedView, ZSavedViewParams } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createSavedViewsService } from "./saved-views.service";

const tags = ["requirements"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** Named filters of the register: private, or shared with the project's team. */
export const savedViewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createSavedViewsService(app.deps);

  app.get(
    "/projects/:id/saved-views",
    { schema: { tags, summary: "Your saved views of the register and those shared with the team", params: ZIdParams, response: { 200: z.object({ items: z.array(ZSavedView) }), ...errors } } },
    async (request) => service.listSavedViews(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/saved-views",
    { schema: { tags, summary: "Save a view of the register", params: ZIdParams, body: ZCreateSavedViewRequest, response: { 201: ZSavedView, ...errors } } },
    async (request, reply) => reply.status(201).send(await service.createSavedView(requireActor(request), request.params.id, request.body)),
  );

  app.delete(
    "/projects/:id/saved-views/:viewId",
    { schema: { tags, summary: "Remove a saved view (yours; a shared one: also a manager)", params: ZSavedViewParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.deleteSavedView(requireActor(request), request.params.id, request.params.viewId);
      return reply.status(204).send(null);
    },
  );
};
