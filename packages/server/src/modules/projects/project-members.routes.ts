import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZAddProjectMemberRequest,
  ZErrorResponse,
  ZIdParams,
  ZProjectMember,
  ZProjectMemberParams,
  ZUpdateProjectMemberRequest,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createProjectMembersService } from "./project-members.service";

const tags = ["projects"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

export const projectMembersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createProjectMembersService(app.deps);

  app.get(
    "/projects/:id/members",
    { schema: { tags, summary: "List a project's members", params: ZIdParams, response: { 200: z.object({ items: z.array(ZProjectMember) }), ...errors } } },
    async (request) => service.listMembers(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/members",
    { schema: { tags, summary: "Add a member to a project", params: ZIdParams, body: ZAddProjectMemberRequest, response: { 201: ZProjectMember, ...errors } } },
    async (request, reply) => reply.status(201).send(await service.addMember(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    "/projects/:id/members/:userId",
    {
      schema: {
        tags,
        summary: "Change a member's project role (send the version you read)",
        params: ZProjectMemberParams,
        body: ZUpdateProjectMemberRequest,
        response: { 200: ZProjectMember, ...errors },
      },
    },
    async (request) => service.updateMember(requireActor(request), request.params.id, request.params.userId, request.body),
  );

  app.delete(
    "/projects/:id/members/:userId",
    { schema: { tags, summary: "Remove a member from a project", params: ZProjectMemberParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.removeMember(requireActor(request), request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );
};
