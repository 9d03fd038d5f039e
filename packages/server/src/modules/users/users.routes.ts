import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZCreateUserRequest,
  ZErrorResponse,
  ZIdParams,
  ZListUsersQuery,
  ZPasswordResetLink,
  ZUpdateUserRequest,
  ZUser,
  zPage,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createUsersService } from "./users.service";

const tags = ["users"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createUsersService(app.deps, app.config);

  app.get(
    "/users",
    { schema: { tags, summary: "List people in the workspace (delivery staff only)", querystring: ZListUsersQuery, response: { 200: zPage(ZUser), ...errors } } },
    async (request) => service.listUsers(requireActor(request), request.query),
  );

  app.post(
    "/users",
    { schema: { tags, summary: "Create a person (staff create client contacts; owners/admins anyone)", body: ZCreateUserRequest, response: { 201: ZUser, ...errors } } },
    async (request, reply) => reply.status(201).send(await service.createUser(requireActor(request), request.body)),
  );

  app.get(
    "/users/:id",
    { schema: { tags, summary: "Get a person", params: ZIdParams, response: { 200: ZUser, ...errors } } },
    async (request) => service.getUser(requireActor(request), request.params.id),
  );

  app.patch(
    "/users/:id",
    { schema: { tags, summary: "Update a person (send the version you read)", params: ZIdParams, body: ZUpdateUserRequest, response: { 200: ZUser, ...errors } } },
    async (request) => service.updateUser(requireActor(request), request.params.id, request.body),
  );

  app.post(
    "/users/:id/password-reset-link",
    { schema: { tags, summary: "Create a password reset link to hand to the person (owners/admins)", params: ZIdParams, response: { 201: ZPasswordResetLink, ...errors } } },
    async (request, reply) => reply.status(201).send(await service.createPasswordResetLink(requireActor(request), request.params.id)),
  );
};
