import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZCreateElicitationSessionRequest,
  ZCreatePassageRequest,
  ZCreateRequirementFromPassageRequest,
  ZDeleteVersionQuery,
  ZElicitationPassage,
  ZElicitationSession,
  ZElicitationSessionSummary,
  ZErrorResponse,
  ZIdParams,
  ZListElicitationSessionsQuery,
  ZPassageParams,
  ZRequirementFromPassage,
  ZUpdateElicitationSessionRequest,
  zPage,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createElicitationService } from "./elicitation.service";
import "./elicitation.scope";

const tags = ["elicitation"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * Elicitation sessions (interviews, focus groups, workshops) of a project, and the passages of their notes.
 * Who may do what: `canElicitationSession` in platform/policy.ts.
 */
export const elicitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createElicitationService(app.deps);

  app.get(
    "/projects/:id/elicitation-sessions",
    {
      schema: {
        tags,
        summary: "List a project's elicitation sessions (a client contact sees those they took part in)",
        params: ZIdParams,
        querystring: ZListElicitationSessionsQuery,
        response: { 200: zPage(ZElicitationSessionSummary), ...errors },
      },
    },
    async (request) => service.listSessions(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/projects/:id/elicitation-sessions",
    {
      schema: {
        tags,
        summary: "Record an interview, focus group or workshop (project managers and members)",
        params: ZIdParams,
        body: ZCreateElicitationSessionRequest,
        response: { 201: ZElicitationSession, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createSession(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/elicitation-sessions/:id",
    { schema: { tags, summary: "Get a session with its agenda and notes", params: ZIdParams, response: { 200: ZElicitationSession, ...errors } } },
    async (request) => service.getSession(requireActor(request), request.params.id),
  );

  app.patch(
    "/elicitation-sessions/:id",
    {
      schema: {
        tags,
        summary: "Update a session (send the version you read); new notes re-anchor every passage on its text",
        params: ZIdParams,
        body: ZUpdateElicitationSessionRequest,
        response: { 200: ZElicitationSession, ...errors },
      },
    },
    async (request) => service.updateSession(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/elicitation-sessions/:id",
    {
      schema: {
        tags,
        summary: "Delete a session no requirement came from (optionally `?version=` to refuse a stale delete)",
        params: ZIdParams,
        querystring: ZDeleteVersionQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteSession(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/elicitation-sessions/:id/passages",
    {
      schema: {
        tags,
        summary: "The passages marked in the notes and the requirements each became",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZElicitationPassage) }), ...errors },
      },
    },
    async (request) => service.listPassages(requireActor(request), request.params.id),
  );

  app.post(
    "/elicitation-sessions/:id/passages",
    {
      schema: {
        tags,
        summary: "Mark a passage of the current notes (UTF-16 offsets, end exclusive); an identical one is reused",
        params: ZIdParams,
        body: ZCreatePassageRequest,
        response: { 200: z.object({ passage: ZElicitationPassage, created: z.boolean() }), 201: z.object({ passage: ZElicitationPassage, created: z.boolean() }), ...errors },
      },
    },
    async (request, reply) => {
      const result = await service.createPassage(requireActor(request), request.params.id, request.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  app.delete(
    "/elicitation-sessions/:id/passages/:passageId",
    { schema: { tags, summary: "Remove a passage no requirement came from", params: ZPassageParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.removePassage(requireActor(request), request.params.id, request.params.passageId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/elicitation-sessions/:id/requirements",
    {
      schema: {
        tags,
        summary: "Turn a passage of the notes into a requirement that keeps a link to that exact passage",
        params: ZIdParams,
        body: ZCreateRequirementFromPassageRequest,
        response: { 201: ZRequirementFromPassage, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createRequirementFromPassage(requireActor(request), request.params.id, request.body)),
  );
};
