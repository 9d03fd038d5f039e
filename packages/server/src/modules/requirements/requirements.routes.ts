import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZBulkUpdateRequirementsRequest,
  ZCreateRequirementRequest,
  ZErrorResponse,
  ZIdParams,
  ZListRequirementVersionsQuery,
  ZListRequirementsQuery,
  ZRequirement,
  ZRequirementDetail,
  ZRequirementTransitionRequest,
  ZRequirementVersionsPage,
  ZUpdateRequirementRequest,
  zPage,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createRequirementsService } from "./requirements.service";
import "./requirements.scope";

const tags = ["requirements"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** The requirements register (docs/requirements.md). Who may do what: `canRequirements`/`canRequirement` in policy.ts. */
export const requirementsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createRequirementsService(app.deps);

  app.get(
    "/projects/:id/requirements",
    {
      schema: {
        tags,
        summary: "List a project's requirements (client contacts: those in front of the client)",
        params: ZIdParams,
        querystring: ZListRequirementsQuery,
        response: { 200: zPage(ZRequirement), ...errors },
      },
    },
    async (request) => service.listRequirements(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/projects/:id/requirements",
    {
      schema: {
        tags,
        summary: "Create a requirement (draft, key REQ-n)",
        params: ZIdParams,
        body: ZCreateRequirementRequest,
        response: { 201: ZRequirementDetail, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createRequirement(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    "/projects/:id/requirements/bulk",
    {
      schema: {
        tags,
        summary: "Change owner, type, MoSCoW or tags of many requirements at once (all or nothing)",
        params: ZIdParams,
        body: ZBulkUpdateRequirementsRequest,
        response: { 200: z.object({ items: z.array(ZRequirement) }), ...errors },
      },
    },
    async (request) => service.bulkUpdate(requireActor(request), request.params.id, request.body),
  );

  app.get(
    "/requirements/:id",
    { schema: { tags, summary: "Get a requirement with its sources and relations", params: ZIdParams, response: { 200: ZRequirementDetail, ...errors } } },
    async (request) => service.getRequirement(requireActor(request), request.params.id),
  );

  app.patch(
    "/requirements/:id",
    {
      schema: {
        tags,
        summary: "Edit a requirement (send the version you read); editing an approved one sends it back to the client",
        params: ZIdParams,
        body: ZUpdateRequirementRequest,
        response: { 200: ZRequirementDetail, ...errors },
      },
    },
    async (request) => service.updateRequirement(requireActor(request), request.params.id, request.body),
  );

  app.post(
    "/requirements/:id/transitions",
    {
      schema: {
        tags,
        summary: "Move a requirement through the workflow (a reason is required to reject or defer)",
        params: ZIdParams,
        body: ZRequirementTransitionRequest,
        response: { 200: ZRequirementDetail, ...errors },
      },
    },
    async (request) => service.transitionRequirement(requireActor(request), request.params.id, request.body),
  );

  app.get(
    "/requirements/:id/versions",
    {
      schema: {
        tags,
        summary: "A requirement's versions, newest first, each with its changes",
        params: ZIdParams,
        querystring: ZListRequirementVersionsQuery,
        response: { 200: ZRequirementVersionsPage, ...errors },
      },
    },
    async (request) => service.listVersions(requireActor(request), request.params.id, request.query),
  );
};
