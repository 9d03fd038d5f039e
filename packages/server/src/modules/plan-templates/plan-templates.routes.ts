import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZAppliedPlanTemplate, ZApplyPlanTemplateRequest, ZErrorResponse, ZIdParams, ZPlanTemplateList, ZPlanTemplateListQuery } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createPlanTemplatesService } from "./plan-templates.service";

const tags = ["planning"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** Project templates for the plan (docs/planning.md, "Project templates"). Who may: `canPlanTemplate` in policy.ts. */
export const planTemplatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPlanTemplatesService(app.deps);

  app.get(
    "/plan-templates",
    {
      schema: {
        tags,
        summary: "The project templates: name, description, tasks, length; with projectId, the extras its client's industry brings",
        querystring: ZPlanTemplateListQuery,
        response: { 200: ZPlanTemplateList, ...errors },
      },
    },
    async (request) => service.list(requireActor(request), request.query, request.locale),
  );

  app.post(
    "/projects/:id/plan/template",
    {
      schema: {
        tags,
        summary: "Start an empty plan from a template: WBS, calendar and default risks, with the client industry's extras (409 when the plan has tasks)",
        params: ZIdParams,
        body: ZApplyPlanTemplateRequest,
        response: { 201: ZAppliedPlanTemplate, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.apply(requireActor(request), request.params.id, request.body, request.locale)),
  );
};
