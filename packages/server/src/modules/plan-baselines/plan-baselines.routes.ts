import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZErrorResponse, ZIdParams, ZPlanBaseline, ZPlanBaselineList, ZPlanBaselineSummary, ZSavePlanBaselineRequest } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createPlanBaselinesService } from "./plan-baselines.service";

const tags = ["planning"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * Plan baselines (docs/planning.md, "Baselines and variance"): immutable snapshots of the schedule, so no update
 * route. Who may do what: `canPlanBaseline` in policy.ts.
 */
export const planBaselinesRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPlanBaselinesService(app.deps);

  app.get(
    "/projects/:id/plan/baselines",
    { schema: { tags, summary: "The plan's baselines (PB-n), newest first", params: ZIdParams, response: { 200: ZPlanBaselineList, ...errors } } },
    async (request) => service.list(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/plan/baselines",
    {
      schema: {
        tags,
        summary: "Save the plan as it is scheduled now as the next baseline (409 on an empty plan)",
        params: ZIdParams,
        body: ZSavePlanBaselineRequest,
        response: { 201: ZPlanBaselineSummary, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.save(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/plan-baselines/:id",
    { schema: { tags, summary: "A baseline with every task as it was (work and cost null for client contacts)", params: ZIdParams, response: { 200: ZPlanBaseline, ...errors } } },
    async (request) => service.get(requireActor(request), request.params.id),
  );

  app.delete(
    "/plan-baselines/:id",
    { schema: { tags, summary: "Delete a baseline", params: ZIdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.remove(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
