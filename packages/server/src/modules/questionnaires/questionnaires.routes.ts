import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZAnswerParams,
  ZCreateQuestionnaireRequest,
  ZCreateRequirementFromAnswerRequest,
  ZDeleteVersionQuery,
  ZErrorResponse,
  ZIdParams,
  ZListQuestionnairesQuery,
  ZPublicTokenParams,
  ZQuestionnaire,
  ZQuestionnaireForm,
  ZQuestionnaireResults,
  ZQuestionnaireSummary,
  ZRequirementFromAnswer,
  ZSubmitQuestionnaireResponseRequest,
  ZSubmittedQuestionnaireResponse,
  ZUpdateQuestionnaireRequest,
  zPage,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { attachmentDisposition } from "./questionnaires.export";
import { createQuestionnairesService } from "./questionnaires.service";
import "./questionnaires.scope";

const tags = ["questionnaires"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 410: ZErrorResponse };

/** Limits for the public link, per client address (one node's memory; see docs/elicitation.md). */
export const PUBLIC_RATE_LIMITS = { read: 120, submit: 30 } as const;

/**
 * Questionnaires: the builder and results for the delivery team, the form and responses for client contacts in the
 * portal. Who may do what: `canQuestionnaire` in platform/policy.ts.
 */
export const questionnairesRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createQuestionnairesService(app.deps, app.config);

  app.get(
    "/projects/:id/questionnaires",
    {
      schema: {
        tags,
        summary: "List a project's questionnaires (a client contact sees those published to the portal)",
        params: ZIdParams,
        querystring: ZListQuestionnairesQuery,
        response: { 200: zPage(ZQuestionnaireSummary), ...errors },
      },
    },
    async (request) => service.listQuestionnaires(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/projects/:id/questionnaires",
    {
      schema: { tags, summary: "Create a questionnaire (a draft)", params: ZIdParams, body: ZCreateQuestionnaireRequest, response: { 201: ZQuestionnaire, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await service.createQuestionnaire(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/questionnaires/:id",
    { schema: { tags, summary: "Get a questionnaire as the builder sees it", params: ZIdParams, response: { 200: ZQuestionnaire, ...errors } } },
    async (request) => service.getQuestionnaire(requireActor(request), request.params.id),
  );

  app.patch(
    "/questionnaires/:id",
    {
      schema: {
        tags,
        summary: "Edit, reorder, publish or close a questionnaire (send the version you read)",
        params: ZIdParams,
        body: ZUpdateQuestionnaireRequest,
        response: { 200: ZQuestionnaire, ...errors },
      },
    },
    async (request) => service.updateQuestionnaire(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/questionnaires/:id",
    {
      schema: {
        tags,
        summary: "Delete a questionnaire nobody answered (optionally `?version=`)",
        params: ZIdParams,
        querystring: ZDeleteVersionQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteQuestionnaire(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/questionnaires/:id/public-link",
    { schema: { tags, summary: "Make a new public link (the old one stops working)", params: ZIdParams, response: { 200: ZQuestionnaire, ...errors } } },
    async (request) => service.regeneratePublicLink(requireActor(request), request.params.id),
  );

  app.get(
    "/questionnaires/:id/form",
    { schema: { tags, summary: "The form a client contact answers in the portal", params: ZIdParams, response: { 200: ZQuestionnaireForm, ...errors } } },
    async (request) => service.getForm(requireActor(request), request.params.id),
  );

  app.post(
    "/questionnaires/:id/responses",
    {
      schema: {
        tags,
        summary: "Answer a questionnaire in the portal (client contacts)",
        params: ZIdParams,
        body: ZSubmitQuestionnaireResponseRequest,
        response: { 201: ZSubmittedQuestionnaireResponse, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.submitPortalResponse(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/questionnaires/:id/results",
    { schema: { tags, summary: "Per-question results, NPS, free-text answers and response rate", params: ZIdParams, response: { 200: ZQuestionnaireResults, ...errors } } },
    async (request) => service.getResults(requireActor(request), request.params.id),
  );

  app.get(
    "/questionnaires/:id/results.csv",
    {
      schema: {
        tags,
        summary: "Every response as CSV (UTF-8 with BOM): one row per response, one column per question",
        params: ZIdParams,
        produces: ["text/csv"],
        response: { 200: z.string().meta({ description: "CSV" }), ...errors },
      },
    },
    async (request, reply) => {
      const { body, title } = await service.exportCsv(requireActor(request), request.params.id, request.locale);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", attachmentDisposition(request.params.id, title, "csv"))
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );

  app.get(
    "/questionnaires/:id/results.xlsx",
    {
      schema: {
        tags,
        summary: "Every response as an Excel workbook",
        params: ZIdParams,
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        response: { 200: z.string().meta({ description: "XLSX", format: "binary" }), ...errors },
      },
    },
    async (request, reply) => {
      const { body, title } = await service.exportXlsx(requireActor(request), request.params.id, request.locale);
      // Fastify sends a Buffer as is (no serialiser runs); the `200` schema above only documents the body.
      const bytes = body as unknown as string;
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", attachmentDisposition(request.params.id, title, "xlsx"))
        .header("cache-control", "private, no-store")
        .send(bytes);
    },
  );

  app.post(
    "/questionnaires/:id/responses/:responseId/answers/:questionId/requirements",
    {
      schema: {
        tags,
        summary: "Turn a free-text answer into a requirement that keeps a link to that answer",
        params: ZAnswerParams,
        body: ZCreateRequirementFromAnswerRequest,
        response: { 201: ZRequirementFromAnswer, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createRequirementFromAnswer(requireActor(request), request.params.id, request.params.responseId, request.params.questionId, request.body)),
  );
};

/**
 * The public link: no account, no cookie, no CSRF token (the authentication hook does not look at `/api/v1/public/`
 * requests at all). The token in the URL is the only key; both routes are rate limited per client address.
 */
export const publicQuestionnaireRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createQuestionnairesService(app.deps, app.config);
  const publicErrors = { 400: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 410: ZErrorResponse, 429: ZErrorResponse };

  app.get(
    "/public/questionnaires/:token",
    {
      schema: { tags, summary: "A questionnaire through its public link (no account)", security: [], params: ZPublicTokenParams, response: { 200: ZQuestionnaireForm, ...publicErrors } },
      config: { rateLimit: { max: PUBLIC_RATE_LIMITS.read, timeWindow: "1 minute", keyGenerator: (request) => request.ip } },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
      return service.getPublicForm(request.params.token);
    },
  );

  app.post(
    "/public/questionnaires/:token/responses",
    {
      schema: {
        tags,
        summary: "Answer a questionnaire through its public link (no account); send a respondentToken when it takes one response per person",
        security: [],
        params: ZPublicTokenParams,
        body: ZSubmitQuestionnaireResponseRequest,
        response: { 201: ZSubmittedQuestionnaireResponse, ...publicErrors },
      },
      config: { rateLimit: { max: PUBLIC_RATE_LIMITS.submit, timeWindow: "1 minute", keyGenerator: (request) => request.ip } },
    },
    async (request, reply) => reply.status(201).send(await service.submitPublicResponse(request.params.token, request.body)),
  );
};
