import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZClientProjectDashboard, ZErrorResponse, ZIdParams, ZPortfolio, ZPortfolioQuery, ZProjectDashboard } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createDashboardsService } from "./dashboards.service";

const tags = ["dashboards"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };

/**
 * Dashboards (docs/monitoring.md, "Dashboards"): the portfolio (staff), the team's project dashboard and the
 * client-safe one. Who may: `canReadPortfolio`, `canDashboard`, and for the health score `canPerformance(…,
 * "performance.read", …)`, in policy.ts.
 */
export const dashboardsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createDashboardsService(app.deps);

  app.get(
    "/portfolio",
    {
      schema: {
        tags,
        summary: "Every project the caller reads: stage, progress, SPI/CPI, health (managers and admins), next milestone, top risk, overdue tasks, open defects, last report",
        querystring: ZPortfolioQuery,
        response: { 200: ZPortfolio, ...errors },
      },
    },
    async (request) => service.portfolio(requireActor(request), request.query),
  );

  app.get(
    "/projects/:id/dashboard",
    {
      schema: {
        tags,
        summary: "The team's project dashboard: progress, SPI/CPI and a small S-curve, phases, milestones, risks, defects, board columns, overdue tasks, hours per week, health",
        params: ZIdParams,
        response: { 200: ZProjectDashboard, ...errors },
      },
    },
    async (request) => service.projectDashboard(requireActor(request), request.params.id, request.locale),
  );

  app.get(
    "/projects/:id/client-dashboard",
    {
      schema: {
        tags,
        summary: "The client-safe project dashboard of the portal: progress, phases, milestone dates, the latest published report, shared risks, the client's defects, upcoming client meetings",
        params: ZIdParams,
        response: { 200: ZClientProjectDashboard, ...errors },
      },
    },
    async (request) => service.clientDashboard(requireActor(request), request.params.id),
  );
};
