import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZCreateTraceLinkRequest,
  ZErrorResponse,
  ZIdParams,
  ZListTraceLinksQuery,
  ZTraceLink,
  ZTraceabilityMatrix,
  zPage,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createTraceabilityService } from "./traceability.service";

const tags = ["traceability"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** Generic trace links (requirement ← task ← acceptance test …) and the traceability matrix with its gaps. */
export const traceabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createTraceabilityService(app.deps);

  app.get(
    "/projects/:id/trace-links",
    {
      schema: {
        tags,
        summary: "A project's trace links (the delivery team's)",
        params: ZIdParams,
        querystring: ZListTraceLinksQuery,
        response: { 200: zPage(ZTraceLink), ...errors },
      },
    },
    async (request) => service.listLinks(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/projects/:id/trace-links",
    {
      schema: {
        tags,
        summary: "Link a downstream artefact to what it serves (task implements requirement, …)",
        params: ZIdParams,
        body: ZCreateTraceLinkRequest,
        response: { 201: ZTraceLink, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createLink(requireActor(request), request.params.id, request.body)),
  );

  app.delete(
    "/trace-links/:id",
    { schema: { tags, summary: "Remove a trace link", params: ZIdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.deleteLink(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/projects/:id/traceability",
    {
      schema: {
        tags,
        summary: "The traceability matrix: each requirement with everything downstream, and the gaps",
        params: ZIdParams,
        response: { 200: ZTraceabilityMatrix, ...errors },
      },
    },
    async (request) => service.matrix(requireActor(request), request.params.id),
  );
};
