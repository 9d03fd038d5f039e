import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZErrorResponse, ZIdParams, ZPerformanceQuery, ZPerformanceScope, ZProjectPerformance, ZWorkspacePerformance } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createPerformanceService } from "./performance.service";

const tags = ["performance"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };

/**
 * Performance evaluation and project health (docs/monitoring.md, "Performance evaluation", "Health score"): the
 * project's managers and the workspace's admins only — `canPerformance` / `canPerformanceOverview` in policy.ts.
 */
export const performanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPerformanceService(app.deps);

  app.get(
    "/projects/:id/performance",
    {
      schema: {
        tags,
        summary: "Per person over a period (default: the last 30 days): planned vs actual hours, on-time completion, estimate accuracy; and the project's health score with its parts, weights and figures",
        params: ZIdParams,
        querystring: ZPerformanceQuery,
        response: { 200: ZProjectPerformance, ...errors },
      },
    },
    async (request) => service.project(requireActor(request), request.params.id, request.query),
  );

  app.get(
    "/performance",
    {
      schema: {
        tags,
        summary: "Per person across the projects the caller manages (an admin: every project), with each project's health score",
        querystring: ZPerformanceQuery,
        response: { 200: ZWorkspacePerformance, ...errors },
      },
    },
    async (request) => service.workspace(requireActor(request), request.query),
  );

  app.get(
    "/performance/scope",
    { schema: { tags, summary: "The projects the caller evaluates (none: no performance page for them)", response: { 200: ZPerformanceScope, ...errors } } },
    async (request) => service.scope(requireActor(request)),
  );
};
