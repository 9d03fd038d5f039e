import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { ZErrorResponse, ZIdParams, ZCalendarFeed, ZCalendarFeedCreated, ZPlanFeedTokenParams, ZPlanImportOutcome, ZPlanImportQuery, type TPlanExchangeFormat } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { attachmentDispositionHeader } from "../../platform/spreadsheet-export";
import { createPlanExchangeService } from "./plan-exchange.service";

const tags = ["planning"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const importErrors = { ...errors, 413: ZErrorResponse, 415: ZErrorResponse };

/** Only documents the form: multipart parsing leaves the body null, and the service reads the part itself. */
const importForm = (what: string) =>
  z.preprocess((body) => body ?? undefined, z.object({ file: z.string().meta({ format: "binary", description: what }) }).optional());

const IMPORT_DESCRIPTION =
  "multipart/form-data with one part named `file`. `mode=preview` (the default) reads the file and answers what the import " +
  "would create, with warnings and errors in the caller's language, writing nothing; `mode=commit` imports it in one " +
  "transaction and reschedules the plan (any error: 400 with details.fields and details.preview, nothing written). " +
  "The plan must be empty unless `replace=true`, which deletes the current plan in the same transaction. " +
  'See docs/planning.md "Exchange: MS Project, CSV, iCalendar".';

/**
 * Exchanging the plan (docs/planning.md "Exchange"): MS Project XML and CSV out and in, and the caller's milestone
 * feed. Who may do what: `canPlanExchange` in policy.ts.
 */
export const planExchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPlanExchangeService(app.deps, app.config);
  const readFile = (request: FastifyRequest) => async () =>
    request.isMultipart() ? request.file({ limits: { fileSize: service.maxBytes + 1 }, throwFileSizeLimit: false }) : undefined;

  app.get(
    "/projects/:id/plan/export/mspdi",
    {
      schema: {
        tags,
        summary: "The plan as Microsoft Project XML (MSPDI): tasks, links, calendar with exceptions, resources and assignments",
        params: ZIdParams,
        produces: ["application/xml"],
        response: { 200: z.string().meta({ description: "MSPDI XML" }), ...errors },
      },
    },
    async (request, reply) => {
      const { body, code } = await service.exportMspdi(requireActor(request), request.params.id, request.locale);
      return reply
        .header("content-type", "application/xml; charset=utf-8")
        .header("content-disposition", attachmentDispositionHeader(`${code}-plan.xml`, `${code}-plan.xml`))
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );

  app.get(
    "/projects/:id/plan/export/csv",
    {
      schema: {
        tags,
        summary: "The plan as CSV (UTF-8 with BOM, headers in the caller's language, predecessors as 3FS+2d)",
        params: ZIdParams,
        produces: ["text/csv"],
        response: { 200: z.string().meta({ description: "CSV" }), ...errors },
      },
    },
    async (request, reply) => {
      const { body, code } = await service.exportCsv(requireActor(request), request.params.id, request.locale);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", attachmentDispositionHeader(`${code}-plan.csv`, `${code}-plan.csv`))
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );

  const importRoute = (format: TPlanExchangeFormat, summary: string, fileDescription: string) =>
    app.post(
      `/projects/:id/plan/import/${format}`,
      {
        schema: {
          tags,
          summary,
          description: IMPORT_DESCRIPTION,
          consumes: ["multipart/form-data"],
          params: ZIdParams,
          querystring: ZPlanImportQuery,
          body: importForm(fileDescription),
          response: { 200: ZPlanImportOutcome, ...importErrors },
        },
      },
      async (request) => service.importPlan(requireActor(request), request.params.id, request.locale, format, request.query, readFile(request)),
    );
  importRoute("mspdi", "Preview or import a Microsoft Project XML (MSPDI) file into the plan", "The .xml file MS Project saved (File → Save As → XML)");
  importRoute("csv", "Preview or import a CSV (or XLSX) plan: one task per row, outline from WBS codes or an outline level column", "The .csv (UTF-8, GB18030 or UTF-16) or .xlsx file");

  app.get(
    "/projects/:id/plan/feed",
    { schema: { tags, summary: "Whether you have a milestone calendar feed of this plan, made and last fetched when", params: ZIdParams, response: { 200: ZCalendarFeed, ...errors } } },
    async (request) => service.getFeed(requireActor(request), request.params.id),
  );

  app.post(
    "/projects/:id/plan/feed",
    {
      schema: {
        tags,
        summary: "Make (or replace) your milestone calendar feed; its address is shown this once",
        params: ZIdParams,
        response: { 201: ZCalendarFeedCreated, ...errors },
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      return reply.status(201).send(await service.createFeed(requireActor(request), request.params.id, origin));
    },
  );

  app.delete(
    "/projects/:id/plan/feed",
    { schema: { tags, summary: "Revoke your milestone calendar feed (its address stops working)", params: ZIdParams, response: { 204: z.null().meta({ description: "Revoked" }), ...errors } } },
    async (request, reply) => {
      await service.revokeFeed(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

/** Fetches per client address and minute: a calendar app polls every few hours; this is for misuse. */
const FEED_RATE_LIMIT = 120;

/**
 * The milestone feed itself: no session, the token in the URL is the only key (calendar apps cannot sign in). The
 * route ignores any cookie; 404 for an unknown or revoked token, and for a person no longer allowed to read the plan.
 */
export const planFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPlanExchangeService(app.deps, app.config);
  app.get(
    "/feeds/plan/:token.ics",
    {
      schema: {
        tags,
        summary: "A plan's milestones and deadlines as an iCalendar feed (subscribe in Outlook, Google or Apple Calendar)",
        security: [],
        params: ZPlanFeedTokenParams,
        produces: ["text/calendar"],
        response: { 200: z.string().meta({ description: "iCalendar (RFC 5545)" }), 400: ZErrorResponse, 404: ZErrorResponse, 429: ZErrorResponse },
      },
      config: { rateLimit: { max: FEED_RATE_LIMIT, timeWindow: "1 minute", keyGenerator: (request) => request.ip } },
    },
    async (request, reply) => {
      const body = await service.feedCalendar(request.params.token);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", 'inline; filename="milestones.ics"')
        .header("cache-control", "private, max-age=300")
        .header("referrer-policy", "no-referrer")
        .send(body);
    },
  );
};
