import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZCreateProjectRequest,
  ZErrorResponse,
  ZIdParams,
  ZListProjectsQuery,
  ZProject,
  ZProjectListItem,
  ZUpdateProjectRequest,
  zPage,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createProjectsService } from "./projects.service";

const tags = ["projects"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

export const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createProjectsService(app.deps);

  app.get(
    "/projects",
    { schema: { tags, summary: "List the projects you can see", querystring: ZListProjectsQuery, response: { 200: zPage(ZProjectListItem), ...errors } } },
    async (request) => service.listProjects(requireActor(request), request.query),
  );

  app.post(
    "/projects",
    { schema: { tags, summary: "Create a project (delivery staff)", body: ZCreateProjectRequest, response: { 201: ZProject, ...errors } } },
    async (request, reply) => reply.status(201).send(await service.createProject(requireActor(request), request.body)),
  );

  app.get(
    "/projects/:id",
    { schema: { tags, summary: "Get a project", params: ZIdParams, response: { 200: ZProject, ...errors } } },
    async (request) => service.getProject(requireActor(request), request.params.id),
  );

  app.patch(
    "/projects/:id",
    { schema: { tags, summary: "Update a project (send the version you read)", params: ZIdParams, body: ZUpdateProjectRequest, response: { 200: ZProject, ...errors } } },
    async (request) => service.updateProject(requireActor(request), request.params.id, request.body),
  );
};
