import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZChangeRequest,
  ZChangeRequestImpactEstimate,
  ZChangeRequestImpactEstimateRequest,
  ZChangeRequestStepRequest,
  ZChangeRequestSummary,
  ZCreateChangeRequestRequest,
  ZDecideChangeRequestRequest,
  ZErrorResponse,
  ZIdParams,
  ZListChangeRequestsQuery,
  ZUpdateChangeRequestRequest,
  zPage,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createChangeRequestImpactService } from "./change-request-impact";
import { createChangeRequestsService } from "./change-requests.service";
import "./change-requests.scope";

const tags = ["change requests"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** Change requests (docs/requirements.md "Change requests"). Who may do what: `canChangeRequests`/`canChangeRequest` in policy.ts. */
export const changeRequestsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createChangeRequestsService(app.deps);
  const impact = createChangeRequestImpactService(app.deps);

  app.get(
    "/projects/:id/change-requests",
    {
      schema: {
        tags,
        summary: "List a project's change requests, newest first (client contacts: those submitted)",
        params: ZIdParams,
        querystring: ZListChangeRequestsQuery,
        response: { 200: zPage(ZChangeRequestSummary), ...errors },
      },
    },
    async (request) => service.listChangeRequests(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/projects/:id/change-requests",
    {
      schema: {
        tags,
        summary: "Draft a change request (key CR-n) with its items",
        params: ZIdParams,
        body: ZCreateChangeRequestRequest,
        response: { 201: ZChangeRequest, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createChangeRequest(requireActor(request), request.params.id, request.body)),
  );

  app.post(
    "/projects/:id/change-requests/impact-estimate",
    {
      schema: {
        tags,
        summary: "Estimate effort, working days and cost from the plan tasks traced to the requirements a request modifies or removes (nulls when none); writes nothing",
        params: ZIdParams,
        body: ZChangeRequestImpactEstimateRequest,
        response: { 200: ZChangeRequestImpactEstimate, ...errors },
      },
    },
    async (request) => impact.estimate(requireActor(request), request.params.id, request.body.requirementIds),
  );

  app.get(
    "/change-requests/:id",
    { schema: { tags, summary: "Get a change request with its items and decisions", params: ZIdParams, response: { 200: ZChangeRequest, ...errors } } },
    async (request) => service.getChangeRequest(requireActor(request), request.params.id),
  );

  app.patch(
    "/change-requests/:id",
    {
      schema: {
        tags,
        summary: "Edit a draft or submitted change request (send the version you read; `items` replaces the list)",
        params: ZIdParams,
        body: ZUpdateChangeRequestRequest,
        response: { 200: ZChangeRequest, ...errors },
      },
    },
    async (request) => service.updateChangeRequest(requireActor(request), request.params.id, request.body),
  );

  app.post(
    "/change-requests/:id/submit",
    {
      schema: {
        tags,
        summary: "Submit a draft for decision (the project needs a baseline)",
        params: ZIdParams,
        body: ZChangeRequestStepRequest,
        response: { 200: ZChangeRequest, ...errors },
      },
    },
    async (request) => service.submitChangeRequest(requireActor(request), request.params.id, request.body),
  );

  app.post(
    "/change-requests/:id/withdraw",
    {
      schema: { tags, summary: "Withdraw a draft or submitted change request", params: ZIdParams, body: ZChangeRequestStepRequest, response: { 200: ZChangeRequest, ...errors } },
    },
    async (request) => service.withdrawChangeRequest(requireActor(request), request.params.id, request.body),
  );

  app.post(
    "/change-requests/:id/decisions",
    {
      schema: {
        tags,
        summary: "Approve or reject as the project manager or as the client contact; the second approval applies the request and takes a new baseline",
        params: ZIdParams,
        body: ZDecideChangeRequestRequest,
        response: { 200: ZChangeRequest, ...errors },
      },
    },
    async (request) => service.decideChangeRequest(requireActor(request), request.params.id, request.body),
  );
};
