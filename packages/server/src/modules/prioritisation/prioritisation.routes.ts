import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ZErrorResponse,
  ZIdParams,
  ZMoveRequirementRequest,
  ZMoveRequirementResult,
  ZRankByScoreRequest,
  ZRankByScoreResult,
  ZRankedRequirement,
  ZRequirementPriorities,
  ZRequirementPrioritiesQuery,
  ZScoringModel,
  ZSetClientPriorityRequest,
  ZUpdatePriorityInputsRequest,
  ZUpdateScoringModelRequest,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createPrioritisationService } from "./prioritisation.service";

const tags = ["prioritisation"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * Prioritisation of the requirements register (docs/requirements.md "Prioritisation"). Who may do what:
 * `canPrioritisation` and `canRequirementPriority` in policy.ts.
 */
export const prioritisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPrioritisationService(app.deps);

  app.get(
    "/projects/:id/requirement-scoring-model",
    {
      schema: {
        tags,
        summary: "The project's scoring model (none, RICE, WSJF or weighted criteria) and its criteria",
        params: ZIdParams,
        response: { 200: ZScoringModel, ...errors },
      },
    },
    async (request) => service.getScoringModel(requireActor(request), request.params.id),
  );

  app.put(
    "/projects/:id/requirement-scoring-model",
    {
      schema: {
        tags,
        summary: "Choose the scoring model and edit the weighted criteria (send the version you read; 0 the first time)",
        params: ZIdParams,
        body: ZUpdateScoringModelRequest,
        response: { 200: ZScoringModel, ...errors },
      },
    },
    async (request) => service.updateScoringModel(requireActor(request), request.params.id, request.body),
  );

  app.get(
    "/projects/:id/requirement-priorities",
    {
      schema: {
        tags,
        summary: "The ranked view: requirements by MoSCoW tier then rank, each with its score (client contacts: those they see)",
        params: ZIdParams,
        querystring: ZRequirementPrioritiesQuery,
        response: { 200: ZRequirementPriorities, ...errors },
      },
    },
    async (request) => service.ranked(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/projects/:id/requirement-priorities/rank-by-score",
    {
      schema: {
        tags,
        summary: "Order every MoSCoW tier by score, highest first (one transaction; audited)",
        params: ZIdParams,
        body: ZRankByScoreRequest,
        response: { 200: ZRankByScoreResult, ...errors },
      },
    },
    async (request) => service.rankByScore(requireActor(request), request.params.id, request.body),
  );

  app.post(
    "/requirements/:id/move",
    {
      schema: {
        tags,
        summary: "Drag and drop: put a requirement into a MoSCoW tier between two neighbours",
        params: ZIdParams,
        body: ZMoveRequirementRequest,
        response: { 200: ZMoveRequirementResult, ...errors },
      },
    },
    async (request) => service.move(requireActor(request), request.params.id, request.body),
  );

  app.patch(
    "/requirements/:id/priority-inputs",
    {
      schema: {
        tags,
        summary: "Set or clear a requirement's scoring inputs (RICE, WSJF, weighted criteria)",
        params: ZIdParams,
        body: ZUpdatePriorityInputsRequest,
        response: { 200: ZRankedRequirement, ...errors },
      },
    },
    async (request) => service.updateInputs(requireActor(request), request.params.id, request.body),
  );

  app.put(
    "/requirements/:id/client-priority",
    {
      schema: {
        tags,
        summary: "The client's own priority, 1 (highest) to 5, or null (client contacts on requirements they see; the team for them)",
        params: ZIdParams,
        body: ZSetClientPriorityRequest,
        response: { 200: ZRankedRequirement, ...errors },
      },
    },
    async (request) => service.setClientPriority(requireActor(request), request.params.id, request.body),
  );
};
