import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import {
  ZErrorResponse,
  ZGenerateStatusReportRequest,
  ZIdParams,
  ZPublishStatusReportRequest,
  ZStatusReport,
  ZStatusReportList,
  ZStatusReportSchedule,
  ZUpdateStatusReportRequest,
  ZUpdateStatusReportScheduleRequest,
} from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import type { Actor } from "../../platform/policy";
import { attachmentDispositionHeader } from "../../platform/spreadsheet-export";
import { createStatusReportsService } from "./status-reports.service";

const tags = ["status-reports"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** The actor, speaking the request's language (an explicit Accept-Language wins over the profile): rules and exports are said in it. */
const reader = (request: FastifyRequest): Actor => ({ ...requireActor(request), locale: request.locale });

/**
 * Status reports (docs/monitoring.md, "Status reports"). Who may do what: `canStatusReports` / `canStatusReport` in
 * policy.ts — the team generates and edits drafts, managers publish and schedule, a client contact reads the
 * published reports of their own projects.
 */
export const statusReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createStatusReportsService(app.deps);

  app.get(
    "/projects/:id/status-reports",
    { schema: { tags, summary: "A project's status reports, newest period first (client contacts: the published ones)", params: ZIdParams, response: { 200: ZStatusReportList, ...errors } } },
    async (request) => service.list(reader(request), request.params.id),
  );

  app.post(
    "/projects/:id/status-reports",
    {
      schema: {
        tags,
        summary: "Generate a draft report (SR-n) for a period from the project's data: RAG per dimension with its rule, progress, milestones, top risks, open change requests",
        params: ZIdParams,
        body: ZGenerateStatusReportRequest,
        response: { 201: ZStatusReport, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.generate(reader(request), request.params.id, request.body)),
  );

  app.get(
    "/status-reports/:id",
    { schema: { tags, summary: "Get a status report", params: ZIdParams, response: { 200: ZStatusReport, ...errors } } },
    async (request) => service.get(reader(request), request.params.id),
  );

  app.patch(
    "/status-reports/:id",
    {
      schema: {
        tags,
        summary: "Edit a draft (send the version you read): title, summary, next steps, per-dimension note and colour (null: back to the rule's); a published report answers 409",
        params: ZIdParams,
        body: ZUpdateStatusReportRequest,
        response: { 200: ZStatusReport, ...errors },
      },
    },
    async (request) => service.update(reader(request), request.params.id, request.body),
  );

  app.post(
    "/status-reports/:id/publish",
    {
      schema: { tags, summary: "Publish a draft to the client portal; it never changes afterwards", params: ZIdParams, body: ZPublishStatusReportRequest, response: { 200: ZStatusReport, ...errors } },
    },
    async (request) => service.publish(reader(request), request.params.id, request.body.version),
  );

  app.get(
    "/status-reports/:id/export.md",
    {
      schema: { tags, summary: "The report as Markdown", params: ZIdParams, produces: ["text/markdown"], response: { 200: z.string().meta({ description: "Markdown" }), ...errors } },
    },
    async (request, reply) => {
      const { body, fileName } = await service.exportMarkdown(reader(request), request.params.id);
      return reply
        .header("content-type", "text/markdown; charset=utf-8")
        .header("content-disposition", attachmentDispositionHeader(fileName, fileName))
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );

  app.get(
    "/status-reports/:id/export.pdf",
    {
      schema: {
        tags,
        summary: "The report as PDF (A4, Noto Sans SC embedded so Chinese renders)",
        params: ZIdParams,
        produces: ["application/pdf"],
        response: { 200: z.any().meta({ description: "PDF", format: "binary" }), ...errors },
      },
    },
    async (request, reply) => {
      const { body, fileName } = await service.exportPdf(reader(request), request.params.id);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", attachmentDispositionHeader(fileName, fileName))
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );

  app.get(
    "/projects/:id/status-report-schedule",
    { schema: { tags, summary: "The project's weekly report schedule (defaults, version 0, when none is saved)", params: ZIdParams, response: { 200: ZStatusReportSchedule, ...errors } } },
    async (request) => service.schedule(reader(request), request.params.id),
  );

  app.put(
    "/projects/:id/status-report-schedule",
    {
      schema: {
        tags,
        summary: "Set the weekly schedule: weekday, time and time zone; generate a draft or publish at once",
        params: ZIdParams,
        body: ZUpdateStatusReportScheduleRequest,
        response: { 200: ZStatusReportSchedule, ...errors },
      },
    },
    async (request) => service.saveSchedule(reader(request), request.params.id, request.body),
  );
};
