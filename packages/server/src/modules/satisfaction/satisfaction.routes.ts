import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZErrorResponse, ZIdParams, ZRateStatusReportRequest, ZStatusReportSatisfaction } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createSatisfactionService } from "./satisfaction.service";

const tags = ["status-reports"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * Client satisfaction with a published status report (docs/monitoring.md, "Health score"): the project's client
 * contacts rate, the team reads — `canSatisfaction` in policy.ts.
 */
export const satisfactionRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createSatisfactionService(app.deps);

  app.get(
    "/status-reports/:id/satisfaction",
    {
      schema: {
        tags,
        summary: "A report's client satisfaction: the team gets every rating and the average; a client contact their own, and whether they may rate",
        params: ZIdParams,
        response: { 200: ZStatusReportSatisfaction, ...errors },
      },
    },
    async (request) => service.get(requireActor(request), request.params.id),
  );

  app.put(
    "/status-reports/:id/satisfaction",
    {
      schema: {
        tags,
        summary: "Rate a published report (client contacts of the project): 1–5 stars and a comment; version 0 for a first rating, else the version read",
        params: ZIdParams,
        body: ZRateStatusReportRequest,
        response: { 200: ZStatusReportSatisfaction, ...errors },
      },
    },
    async (request) => service.rate(requireActor(request), request.params.id, request.body),
  );
};
