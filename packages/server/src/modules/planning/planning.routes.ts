import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZCreatePlanDependencyRequest,
  ZCreatePlanTaskRequest,
  ZDeletePlanTaskQuery,
  ZErrorResponse,
  ZIdParams,
  ZMovePlanTaskRequest,
  ZPlan,
  ZPlanCalendar,
  ZPlanChange,
  ZSetPlanPredecessorsRequest,
  ZUpdatePlanCalendarRequest,
  ZUpdatePlanDependencyRequest,
  ZUpdatePlanTaskRequest,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createPlanningService } from "./planning.service";
import "./planning.scope";

const tags = ["planning"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * The plan: WBS, dependencies and the project calendar (docs/planning.md). Who may do what: `canPlan` in policy.ts.
 * Every write reschedules the plan and answers with the rows that changed (`PlanChange`).
 */
export const planningRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPlanningService(app.deps);

  app.get(
    "/projects/:id/plan",
    {
      schema: {
        tags,
        summary: "The plan: tasks in WBS order with their schedule, dependencies and the calendar",
        params: ZIdParams,
        response: { 200: ZPlan, ...errors },
      },
    },
    async (request) => service.getPlan(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/plan/tasks",
    {
      schema: {
        tags,
        summary: "Add a task or milestone under a parent at a position, and reschedule",
        params: ZIdParams,
        body: ZCreatePlanTaskRequest,
        response: { 201: ZPlanChange, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createTask(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    "/plan-tasks/:id",
    {
      schema: {
        tags,
        summary: "Change a task (name, duration, dates, mode, constraint, deadline, progress …) and reschedule",
        params: ZIdParams,
        body: ZUpdatePlanTaskRequest,
        response: { 200: ZPlanChange, ...errors },
      },
    },
    async (request) => service.updateTask(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/plan-tasks/:id",
    {
      schema: {
        tags,
        summary: "Remove a task (a summary task with its tasks only when withSubtasks=true) and reschedule",
        params: ZIdParams,
        querystring: ZDeletePlanTaskQuery,
        response: { 200: ZPlanChange, ...errors },
      },
    },
    async (request) => service.deleteTask(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/plan-tasks/:id/move",
    {
      schema: {
        tags,
        summary: "Indent, outdent, move up or down, or move to a parent and position; renumber and reschedule",
        params: ZIdParams,
        body: ZMovePlanTaskRequest,
        response: { 200: ZPlanChange, ...errors },
      },
    },
    async (request) => service.moveTask(requireActor(request), request.params.id, request.body),
  );

  app.put(
    "/plan-tasks/:id/predecessors",
    {
      schema: {
        tags,
        summary: "Replace a task's predecessors (409 naming the tasks of a dependency cycle)",
        params: ZIdParams,
        body: ZSetPlanPredecessorsRequest,
        response: { 200: ZPlanChange, ...errors },
      },
    },
    async (request) => service.setPredecessors(requireActor(request), request.params.id, request.body),
  );

  app.post(
    "/projects/:id/plan/dependencies",
    {
      schema: {
        tags,
        summary: "Add a dependency (FS, SS, FF, SF with a lag or lead; 409 naming the tasks of a cycle)",
        params: ZIdParams,
        body: ZCreatePlanDependencyRequest,
        response: { 201: ZPlanChange, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createDependency(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    "/plan-dependencies/:id",
    {
      schema: {
        tags,
        summary: "Change a dependency's type or lag and reschedule",
        params: ZIdParams,
        body: ZUpdatePlanDependencyRequest,
        response: { 200: ZPlanChange, ...errors },
      },
    },
    async (request) => service.updateDependency(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/plan-dependencies/:id",
    { schema: { tags, summary: "Remove a dependency and reschedule", params: ZIdParams, response: { 200: ZPlanChange, ...errors } } },
    async (request) => service.deleteDependency(requireActor(request), request.params.id),
  );

  app.get(
    "/projects/:id/plan/calendar",
    {
      schema: { tags, summary: "The project's working calendar (weekly hours, holiday sets, exceptions)", params: ZIdParams, response: { 200: ZPlanCalendar, ...errors } },
    },
    async (request) => service.getCalendar(requireActor(request), request.params.id),
  );

  app.put(
    "/projects/:id/plan/calendar",
    {
      schema: {
        tags,
        summary: "Replace the project's working calendar (version 0: the default) and reschedule the plan on it",
        params: ZIdParams,
        body: ZUpdatePlanCalendarRequest,
        response: { 200: ZPlanCalendar, ...errors },
      },
    },
    async (request) => service.updateCalendar(requireActor(request), request.params.id, request.body),
  );
};
