import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZBaseline,
  ZBaselineCompareQuery,
  ZBaselineComparison,
  ZBaselineDetail,
  ZBaselinePreview,
  ZCreateBaselineRequest,
  ZErrorResponse,
  ZIdParams,
  ZScopeCreep,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createBaselinesService } from "./baselines.service";

const tags = ["baselines"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * Scope baselines and scope creep (docs/requirements.md). Who may do what: `canBaselines` in policy.ts. Baselines are
 * immutable: there is deliberately no route to change or remove one (a test checks the route table).
 */
export const baselinesRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createBaselinesService(app.deps);

  app.get(
    "/projects/:id/baselines",
    {
      schema: {
        tags,
        summary: "List a project's baselines, oldest first, with their size and changes since the previous one",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZBaseline) }), ...errors },
      },
    },
    async (request) => service.listBaselines(requireActor(request), request.params.id),
  );

  app.get(
    "/projects/:id/baselines/preview",
    {
      schema: {
        tags,
        summary: "What a baseline taken now would hold, what it leaves out and the open conflicts blocking it (staff)",
        params: ZIdParams,
        response: { 200: ZBaselinePreview, ...errors },
      },
    },
    async (request) => service.previewBaseline(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/baselines",
    {
      schema: {
        tags,
        summary: "Take baseline BL-n: snapshot the requirements in scope and baseline the approved ones (409 on open conflicts)",
        params: ZIdParams,
        body: ZCreateBaselineRequest,
        response: { 201: ZBaselineDetail, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createBaseline(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/projects/:id/scope-creep",
    {
      schema: {
        tags,
        summary: "Scope creep since the first baseline (added, changed, removed) and the series over every baseline",
        params: ZIdParams,
        response: { 200: ZScopeCreep, ...errors },
      },
    },
    async (request) => service.scopeCreep(requireActor(request), request.params.id),
  );

  app.get(
    "/baselines/:id",
    { schema: { tags, summary: "Get a baseline with the requirements it holds", params: ZIdParams, response: { 200: ZBaselineDetail, ...errors } } },
    async (request) => service.getBaseline(requireActor(request), request.params.id),
  );

  app.get(
    "/baselines/:id/compare",
    {
      schema: {
        tags,
        summary: "Compare a baseline with another of its project, or with the register today (with=current)",
        params: ZIdParams,
        querystring: ZBaselineCompareQuery,
        response: { 200: ZBaselineComparison, ...errors },
      },
    },
    async (request) => service.compareBaselines(requireActor(request), request.params.id, request.query),
  );
};
