import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZBurndown, ZBurndownQuery, ZEarnedValue, ZEarnedValueQuery, ZErrorResponse, ZIdParams, ZMilestoneTrend, ZProgressSnapshot } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createMonitoringService } from "./monitoring.service";

const tags = ["monitoring"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * Monitoring (docs/monitoring.md): earned value, burndown/burnup, milestone trend, today's snapshot. The team's only:
 * `canMonitoring` in policy.ts.
 */
export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createMonitoringService(app.deps);

  app.get(
    "/projects/:id/earned-value",
    {
      schema: {
        tags,
        summary: "Earned value (PV, EV, AC, SV, CV, SPI, CPI, EAC, ETC, VAC, TCPI) for the project and each phase, the weekly S-curve and the variance against a baseline",
        params: ZIdParams,
        querystring: ZEarnedValueQuery,
        response: { 200: ZEarnedValue, ...errors },
      },
    },
    async (request) => service.earnedValue(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/projects/:id/progress-snapshots",
    { schema: { tags, summary: "Write today's progress snapshot again (one per project and day)", params: ZIdParams, response: { 200: ZProgressSnapshot, ...errors } } },
    async (request) => service.refreshSnapshot(requireActor(request), request.params.id),
  );

  app.get(
    "/projects/:id/burndown",
    {
      schema: {
        tags,
        summary: "Burndown and burnup of a phase (a top-level summary task) or the whole project, in work hours, from the snapshots",
        params: ZIdParams,
        querystring: ZBurndownQuery,
        response: { 200: ZBurndown, ...errors },
      },
    },
    async (request) => service.burndown(requireActor(request), request.params.id, request.query),
  );

  app.get(
    "/projects/:id/milestone-trend",
    { schema: { tags, summary: "Each milestone's forecast finish at each snapshot date", params: ZIdParams, response: { 200: ZMilestoneTrend, ...errors } } },
    async (request) => service.milestoneTrend(requireActor(request), request.params.id),
  );
};
