import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZApplyPlanLevellingRequest,
  ZCreatePlanResourceRequest,
  ZDeletePlanResourceQuery,
  ZErrorResponse,
  ZIdParams,
  ZPlanAssignmentsChange,
  ZPlanBudget,
  ZPlanBudgetQuery,
  ZPlanChange,
  ZPlanLevellingPreview,
  ZPlanLevellingRequest,
  ZPlanResourceChange,
  ZPlanResourceList,
  ZPlanResourceLoad,
  ZSetPlanAssignmentsRequest,
  ZUpdatePlanResourceRequest,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createPlanResourcesService } from "./plan-resources.service";

const tags = ["planning"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * A plan's resources, assignments, loads, levelling and budget (docs/planning.md, "Resources, levelling and budget").
 * Who may do what: `canPlanResources` in policy.ts — the team's, never a client contact's. Writes reschedule the plan
 * and answer with the rows that changed.
 */
export const planResourcesRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPlanResourcesService(app.deps);

  app.get(
    "/projects/:id/plan/resources",
    { schema: { tags, summary: "The plan's resources (with rates) and assignments (with work and cost)", params: ZIdParams, response: { 200: ZPlanResourceList, ...errors } } },
    async (request) => service.list(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/plan/resources",
    {
      schema: {
        tags,
        summary: "Add a resource: a person or equipment (work), a material, or a cost; the name is unique in the plan",
        params: ZIdParams,
        body: ZCreatePlanResourceRequest,
        response: { 201: ZPlanResourceChange, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    "/plan-resources/:id",
    {
      schema: {
        tags,
        summary: "Change a resource (rates, max units, days off …); the tasks it is on are re-costed",
        params: ZIdParams,
        body: ZUpdatePlanResourceRequest,
        response: { 200: ZPlanResourceChange, ...errors },
      },
    },
    async (request) => service.update(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/plan-resources/:id",
    {
      schema: {
        tags,
        summary: "Remove a resource with its assignments; the tasks it was on are re-costed",
        params: ZIdParams,
        querystring: ZDeletePlanResourceQuery,
        response: { 200: ZPlanResourceChange, ...errors },
      },
    },
    async (request) => service.remove(requireActor(request), request.params.id, request.query),
  );

  app.put(
    "/plan-tasks/:id/assignments",
    {
      schema: {
        tags,
        summary: "Replace a task's assignments (resources and units); checks and bumps the task's version; reschedules",
        params: ZIdParams,
        body: ZSetPlanAssignmentsRequest,
        response: { 200: ZPlanAssignmentsChange, ...errors },
      },
    },
    async (request) => service.setAssignments(requireActor(request), request.params.id, request.body),
  );

  app.get(
    "/projects/:id/plan/resources/load",
    { schema: { tags, summary: "Every resource's load per working day, with capacity and over-allocated days", params: ZIdParams, response: { 200: ZPlanResourceLoad, ...errors } } },
    async (request) => service.load(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/plan/levelling/preview",
    {
      schema: {
        tags,
        summary: "Level the plan's resources without saving: tasks moved, finish and over-allocations before and after",
        params: ZIdParams,
        body: ZPlanLevellingRequest,
        response: { 200: ZPlanLevellingPreview, ...errors },
      },
    },
    async (request) => service.previewLevelling(requireActor(request), request.params.id, request.body, request.locale),
  );

  app.post(
    "/projects/:id/plan/levelling",
    {
      schema: {
        tags,
        summary: "Apply levelling as previewed (409 if the plan changed since): store levelling starts, reschedule",
        params: ZIdParams,
        body: ZApplyPlanLevellingRequest,
        response: { 200: ZPlanChange, ...errors },
      },
    },
    async (request) => service.applyLevelling(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/projects/:id/plan/levelling",
    { schema: { tags, summary: "Clear levelling (undo): remove every levelling start and reschedule", params: ZIdParams, response: { 200: ZPlanChange, ...errors } } },
    async (request) => service.clearLevelling(requireActor(request), request.params.id),
  );

  app.get(
    "/projects/:id/plan/budget",
    {
      schema: {
        tags,
        summary: "The plan's budget: planned cost in total, by phase and per week or month with the cumulative PV curve",
        params: ZIdParams,
        querystring: ZPlanBudgetQuery,
        response: { 200: ZPlanBudget, ...errors },
      },
    },
    async (request) => service.budget(requireActor(request), request.params.id, request.query),
  );
};
