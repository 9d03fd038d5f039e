import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZDecideRequirementProposalRequest,
  ZErrorResponse,
  ZIdParams,
  ZProjectRequirementProposals,
  ZRequirementProposal,
  ZRequirementProposalDecision,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createRequirementProposalsService } from "./requirement-proposals.service";

const tags = ["requirements"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/**
 * The conflict and duplicate finder's proposals (issue 4). Staff who read the project see them; those who may edit
 * both requirements decide; client contacts never see them (`requirement.read_internal`, `requirements.internal.read`).
 */
export const requirementProposalsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createRequirementProposalsService(app.deps);

  app.get(
    "/requirements/:id/proposals",
    {
      schema: {
        tags,
        summary: "Possible duplicates of and conflicts with this requirement, highest score first (undecided, unrelated pairs)",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZRequirementProposal) }), ...errors },
      },
    },
    async (request) => service.listProposals(requireActor(request), request.locale, request.params.id),
  );

  app.get(
    "/projects/:id/requirement-proposals",
    {
      schema: {
        tags,
        summary: "The project's analysis inbox: open finder proposals, highest score first, at most 200",
        params: ZIdParams,
        response: { 200: ZProjectRequirementProposals, ...errors },
      },
    },
    async (request) => service.listProjectProposals(requireActor(request), request.locale, request.params.id),
  );

  app.post(
    "/requirements/:id/proposals/decisions",
    {
      schema: {
        tags,
        summary: "Confirm a proposal (creates the relation) or dismiss it (never proposed again); deciding again replaces it",
        params: ZIdParams,
        body: ZDecideRequirementProposalRequest,
        response: { 200: ZRequirementProposalDecision, ...errors },
      },
    },
    async (request) => service.decide(requireActor(request), request.params.id, request.body),
  );
};
