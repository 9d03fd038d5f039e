import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZAddDefaultRisksRequest,
  ZAddDefaultRisksResponse,
  ZCreateRiskRequest,
  ZErrorResponse,
  ZIdParams,
  ZLinkRiskRequirementRequest,
  ZListRisksQuery,
  ZRecordRiskReviewRequest,
  ZRecordRiskReviewResponse,
  ZRisk,
  ZRiskHeatMap,
  ZRiskHeatMapQuery,
  ZRiskRequirementLink,
  ZRiskRequirementParams,
  ZRiskReview,
  ZRiskSummary,
  ZUpdateRiskRequest,
  zPage,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createRisksService } from "./risks.service";
import "./risks.scope";

const tags = ["risks"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** The risk register (docs/risks.md). Who may do what: `canRisks` / `canRisk` in policy.ts. */
export const risksRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createRisksService(app.deps);

  app.get(
    "/projects/:id/risks",
    {
      schema: {
        tags,
        summary: "List a project's risks, highest score first (client contacts: those shared with the client)",
        params: ZIdParams,
        querystring: ZListRisksQuery,
        response: { 200: zPage(ZRiskSummary), ...errors },
      },
    },
    async (request) => service.listRisks(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/projects/:id/risks",
    {
      schema: {
        tags,
        summary: "Add a risk (key RISK-n, open); its first assessment starts the review history",
        params: ZIdParams,
        body: ZCreateRiskRequest,
        response: { 201: ZRisk, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createRisk(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/projects/:id/risks/heat-map",
    {
      schema: {
        tags,
        summary: "The 5×5 probability × impact heat map (active risks unless a status is asked for), levels, overdue reviews and exposure over 12 weeks",
        params: ZIdParams,
        querystring: ZRiskHeatMapQuery,
        response: { 200: ZRiskHeatMap, ...errors },
      },
    },
    async (request) => service.heatMap(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/projects/:id/risks/defaults",
    {
      schema: {
        tags,
        summary: "Add the default risks of a kind of project (SaaS onboarding, on-premise deployment); those added before are skipped",
        params: ZIdParams,
        body: ZAddDefaultRisksRequest,
        response: { 201: ZAddDefaultRisksResponse, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.addDefaultRisks(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/risks/:id",
    { schema: { tags, summary: "Get a risk with the requirements it threatens", params: ZIdParams, response: { 200: ZRisk, ...errors } } },
    async (request) => service.getRisk(requireActor(request), request.params.id),
  );

  app.patch(
    "/risks/:id",
    {
      schema: {
        tags,
        summary: "Edit a risk (send the version you read); a change of probability, impact or status writes a review with `note`",
        params: ZIdParams,
        body: ZUpdateRiskRequest,
        response: { 200: ZRisk, ...errors },
      },
    },
    async (request) => service.updateRisk(requireActor(request), request.params.id, request.body),
  );

  app.get(
    "/risks/:id/reviews",
    {
      schema: { tags, summary: "A risk's review history, newest first", params: ZIdParams, response: { 200: z.object({ items: z.array(ZRiskReview) }), ...errors } },
    },
    async (request) => service.listReviews(requireActor(request), request.params.id),
  );

  app.post(
    "/risks/:id/reviews",
    {
      schema: {
        tags,
        summary: "Record a review that changes nothing but the next review date: a note, and the date",
        params: ZIdParams,
        body: ZRecordRiskReviewRequest,
        response: { 201: ZRecordRiskReviewResponse, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.recordReview(requireActor(request), request.params.id, request.body)),
  );

  app.post(
    "/risks/:id/requirements",
    {
      schema: {
        tags,
        summary: "Link a requirement the risk threatens (a trace link `risk threatens requirement`)",
        params: ZIdParams,
        body: ZLinkRiskRequirementRequest,
        response: { 201: ZRiskRequirementLink, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.linkRequirement(requireActor(request), request.params.id, request.body.requirementId)),
  );

  app.delete(
    "/risks/:id/requirements/:requirementId",
    { schema: { tags, summary: "Unlink a requirement from the risk", params: ZRiskRequirementParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.unlinkRequirement(requireActor(request), request.params.id, request.params.requirementId);
      return reply.status(204).send(null);
    },
  );
};
