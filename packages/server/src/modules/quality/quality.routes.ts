import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ZAddQualityGateItemRequest,
  ZCreateDefectRequest,
  ZCreateQualityGateRequest,
  ZCreateTestCaseRequest,
  ZDecideQualityGateRequest,
  ZDefect,
  ZDefectList,
  ZDefectTrend,
  ZDefectTrendQuery,
  ZDeleteQualityRecordQuery,
  ZErrorResponse,
  ZIdParams,
  ZListDefectsQuery,
  ZQualityGate,
  ZQualityGateItemParams,
  ZQualityGates,
  ZRecordTestRunRequest,
  ZTestCase,
  ZTestCaseList,
  ZTestRunOutcome,
  ZUpdateDefectRequest,
  ZUpdateQualityGateItemRequest,
  ZUpdateTestCaseRequest,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { createQualityService } from "./quality.service";

const tags = ["quality"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** Quality checks (docs/monitoring.md, "Quality"). Who may do what: `canQuality` / `defectVisibility` in policy.ts. */
export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createQualityService(app.deps);

  app.get(
    "/projects/:id/quality-gates",
    { schema: { tags, summary: "The plan's phases (top-level tasks), each with its quality gate and checklist", params: ZIdParams, response: { 200: ZQualityGates, ...errors } } },
    async (request) => service.listGates(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/quality-gates",
    {
      schema: {
        tags,
        summary: "Add a phase's quality gate (open) with a checklist; without items, the default checklist for the phase's kind",
        params: ZIdParams,
        body: ZCreateQualityGateRequest,
        response: { 201: ZQualityGate, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createGate(requireActor(request), request.params.id, request.body, request.locale)),
  );

  app.post(
    "/quality-gates/:id/items",
    { schema: { tags, summary: "Add a checklist item to an open gate", params: ZIdParams, body: ZAddQualityGateItemRequest, response: { 201: ZQualityGate, ...errors } } },
    async (request, reply) => reply.status(201).send(await service.addGateItem(requireActor(request), request.params.id, request.body.text)),
  );

  app.patch(
    "/quality-gates/:id/items/:itemId",
    {
      schema: {
        tags,
        summary: "Tick or untick a checklist item and record its evidence (a note or a link); send the item's version",
        params: ZQualityGateItemParams,
        body: ZUpdateQualityGateItemRequest,
        response: { 200: ZQualityGate, ...errors },
      },
    },
    async (request) => service.updateGateItem(requireActor(request), request.params.id, request.params.itemId, request.body),
  );

  app.post(
    "/quality-gates/:id/decision",
    {
      schema: {
        tags,
        summary: "Pass the gate (every item done), waive it with a reason (managers), or reopen it; send the gate's version",
        params: ZIdParams,
        body: ZDecideQualityGateRequest,
        response: { 200: ZQualityGate, ...errors },
      },
    },
    async (request) => service.decideGate(requireActor(request), request.params.id, request.body),
  );

  app.get(
    "/projects/:id/test-cases",
    { schema: { tags, summary: "A project's test cases (TC-n) with their last run", params: ZIdParams, response: { 200: ZTestCaseList, ...errors } } },
    async (request) => service.listTestCases(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/test-cases",
    { schema: { tags, summary: "Add a test case (TC-n), optionally verifying a requirement", params: ZIdParams, body: ZCreateTestCaseRequest, response: { 201: ZTestCase, ...errors } } },
    async (request, reply) => reply.status(201).send(await service.createTestCase(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    "/test-cases/:id",
    { schema: { tags, summary: "Edit a test case (send the version you read)", params: ZIdParams, body: ZUpdateTestCaseRequest, response: { 200: ZTestCase, ...errors } } },
    async (request) => service.updateTestCase(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/test-cases/:id",
    { schema: { tags, summary: "Delete a test case (managers); its defects stay, unlinked", params: ZIdParams, querystring: ZDeleteQualityRecordQuery, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.deleteTestCase(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/test-cases/:id/runs",
    {
      schema: {
        tags,
        summary: "Record a run (passed, failed, blocked); a failed run may raise a defect linked to the test case and its requirement",
        params: ZIdParams,
        body: ZRecordTestRunRequest,
        response: { 201: ZTestRunOutcome, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.recordRun(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/projects/:id/defects",
    {
      schema: {
        tags,
        summary: "A project's defects, newest first, filtered by severity and status (client contacts: those raised by the client's side)",
        params: ZIdParams,
        querystring: ZListDefectsQuery,
        response: { 200: ZDefectList, ...errors },
      },
    },
    async (request) => service.listDefects(requireActor(request), request.params.id, request.query),
  );

  app.post(
    "/projects/:id/defects",
    { schema: { tags, summary: "Raise a defect (DEF-n, open); client contacts may raise one on their own project", params: ZIdParams, body: ZCreateDefectRequest, response: { 201: ZDefect, ...errors } } },
    async (request, reply) => reply.status(201).send(await service.createDefect(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    "/projects/:id/defects/trend",
    { schema: { tags, summary: "Defects opened, closed and open per Monday week, and the open ones by severity", params: ZIdParams, querystring: ZDefectTrendQuery, response: { 200: ZDefectTrend, ...errors } } },
    async (request) => service.defectTrend(requireActor(request), request.params.id, request.query.weeks),
  );

  app.get(
    "/defects/:id",
    { schema: { tags, summary: "Get a defect", params: ZIdParams, response: { 200: ZDefect, ...errors } } },
    async (request) => service.getDefect(requireActor(request), request.params.id),
  );

  app.patch(
    "/defects/:id",
    {
      schema: {
        tags,
        summary: "Edit a defect or move it along its workflow (open → in progress → resolved → closed; rejected; reopen); send the version",
        params: ZIdParams,
        body: ZUpdateDefectRequest,
        response: { 200: ZDefect, ...errors },
      },
    },
    async (request) => service.updateDefect(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    "/defects/:id",
    { schema: { tags, summary: "Delete a defect (managers; others reject it instead)", params: ZIdParams, querystring: ZDeleteQualityRecordQuery, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await service.deleteDefect(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};
