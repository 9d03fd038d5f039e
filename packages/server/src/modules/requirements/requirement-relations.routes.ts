import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZCreateRequirementRelationRequest,
  ZErrorResponse,
  ZIdParams,
  ZRequirementRelation,
  ZUpdateRequirementRelationRequest,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createRequirementRelationsService } from "./requirement-relations.service";

const tags = ["requirements"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** Relations between requirements: conflicts, duplicates, dependencies, refinements. */
export const requirementRelationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createRequirementRelationsService(app.deps);

  app.get(
    "/requirements/:id/relations",
    { schema: { tags, summary: "A requirement's relations", params: ZIdParams, response: { 200: z.object({ items: z.array(ZRequirementRelation) }), ...errors } } },
    async (request) => service.listRelations(requireActor(request), request.params.id),
  );

  app.post(
    "/requirements/:id/relations",
    {
      schema: {
        tags,
        summary: "Relate this requirement to another of the project (no duplicates, no cycles)",
        params: ZIdParams,
        body: ZCreateRequirementRelationRequest,
        response: { 201: ZRequirementRelation, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createRelation(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    "/requirement-relations/:id",
    {
      schema: {
        tags,
        summary: "Resolve a conflict with a note, or reopen it (send the version you read)",
        params: ZIdParams,
        body: ZUpdateRequirementRelationRequest,
        response: { 200: ZRequirementRelation, ...errors },
      },
    },
    async (request) => service.updateRelation(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/requirement-relations/:id",
    { schema: { tags, summary: "Remove a relation", params: ZIdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.deleteRelation(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
