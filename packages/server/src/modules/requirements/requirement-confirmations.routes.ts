import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZConfirmRequirementRequest,
  ZErrorResponse,
  ZIdParams,
  ZPendingConfirmations,
  ZRequirementConfirmationOutcome,
  ZRequirementConfirmationsList,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createRequirementConfirmationsService } from "./requirement-confirmations.service";

const tags = ["requirements"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * The client's confirmation of requirements (docs/requirements.md, "Client confirmation"). Who may: `canRequirement`
 * "requirement.confirm" (the project's client contacts) and "requirement.read" in policy.ts.
 */
export const requirementConfirmationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createRequirementConfirmationsService(app.deps);

  app.post(
    "/requirements/:id/confirmations",
    {
      schema: {
        tags,
        summary: "A client contact approves a requirement awaiting the client, or asks for clarification (send the version you read)",
        params: ZIdParams,
        body: ZConfirmRequirementRequest,
        response: { 201: ZRequirementConfirmationOutcome, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.confirmRequirement(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/requirements/:id/confirmations",
    {
      schema: {
        tags,
        summary: "A requirement's confirmations by the client, newest first",
        params: ZIdParams,
        response: { 200: ZRequirementConfirmationsList, ...errors },
      },
    },
    async (request) => service.listConfirmations(requireActor(request), request.params.id),
  );

  app.get(
    "/projects/:id/confirmations/pending",
    {
      schema: {
        tags,
        summary: "The project's requirements awaiting the client's confirmation, longest waiting first",
        params: ZIdParams,
        response: { 200: ZPendingConfirmations, ...errors },
      },
    },
    async (request) => service.pendingConfirmations(requireActor(request), request.params.id),
  );
};
