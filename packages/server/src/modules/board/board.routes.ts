import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZBoard,
  ZBoardCard,
  ZBoardTaskDetail,
  ZBoardWorkflow,
  ZCreateBoardCardRequest,
  ZErrorResponse,
  ZIdParams,
  ZMoveBoardCardRequest,
  ZMyWork,
  ZMyWorkQuery,
  ZSetBoardAssigneesRequest,
  ZUpdateBoardTaskRequest,
  ZUpdateBoardWorkflowRequest,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createBoardService } from "./board.service";
import "./board.scope";

const tags = ["board"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * The task board (docs/execution.md, "Board"): the workflow, the board, moves, quick add, the task detail and "My
 * work". Who may do what: `canBoard` in policy.ts. Comments, files and history of a task are the generic modules'
 * (`/plan_tasks/:entityId/…`, see board.scope.ts).
 */
export const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createBoardService(app.deps);

  app.get(
    "/projects/:id/board/workflow",
    { schema: { tags, summary: "The project's workflow: board columns in order (the default one is made on first read)", params: ZIdParams, response: { 200: ZBoardWorkflow, ...errors } } },
    async (request) => service.getWorkflow(requireActor(request), request.params.id),
  );

  app.put(
    "/projects/:id/board/workflow",
    {
      schema: {
        tags,
        summary: "Replace the workflow: names, categories, order, WIP limits; removed columns' tasks move to a named column",
        params: ZIdParams,
        body: ZUpdateBoardWorkflowRequest,
        response: { 200: ZBoardWorkflow, ...errors },
      },
    },
    async (request) => service.updateWorkflow(requireActor(request), request.params.id, request.body),
  );

  app.get(
    "/projects/:id/board",
    { schema: { tags, summary: "The board: workflow, cards (the plan's leaf tasks), phases and the people who can be assigned", params: ZIdParams, response: { 200: ZBoard, ...errors } } },
    async (request) => service.getBoard(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/board/cards",
    { schema: { tags, summary: "Quick add: a task with a name in a column, under a phase or at the top of the plan", params: ZIdParams, body: ZCreateBoardCardRequest, response: { 201: ZBoardCard, ...errors } } },
    async (request, reply) => reply.status(201).send(await service.createCard(requireActor(request), request.params.id, request.body)),
  );

  app.post(
    "/plan-tasks/:id/board-move",
    {
      schema: {
        tags,
        summary: "Move a card to a column, before or after a card (409 at a WIP limit unless a manager forces it); done completes the task",
        params: ZIdParams,
        body: ZMoveBoardCardRequest,
        response: { 200: ZBoardCard, ...errors },
      },
    },
    async (request) => service.moveCard(requireActor(request), request.params.id, request.body),
  );

  app.get(
    "/plan-tasks/:id/board-detail",
    { schema: { tags, summary: "The task detail: card, description, checklist, requirements it is traced to", params: ZIdParams, response: { 200: ZBoardTaskDetail, ...errors } } },
    async (request) => service.getTask(requireActor(request), request.params.id),
  );

  app.patch(
    "/plan-tasks/:id/board-detail",
    { schema: { tags, summary: "Change a task's description, checklist, estimate, remaining work or deadline", params: ZIdParams, body: ZUpdateBoardTaskRequest, response: { 200: ZBoardTaskDetail, ...errors } } },
    async (request) => service.updateTask(requireActor(request), request.params.id, request.body),
  );

  app.put(
    "/plan-tasks/:id/assignees",
    { schema: { tags, summary: "Replace a task's assignees (the project's managers and members)", params: ZIdParams, body: ZSetBoardAssigneesRequest, response: { 200: ZBoardTaskDetail, ...errors } } },
    async (request) => service.setAssignees(requireActor(request), request.params.id, request.body),
  );

  app.get(
    "/me/work",
    { schema: { tags, summary: "My work: the tasks assigned to me across projects, grouped by due date", querystring: ZMyWorkQuery, response: { 200: ZMyWork, ...errors } } },
    async (request) => service.myWork(requireActor(request), request.query),
  );
};
