import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { ZErrorResponse, ZIdParams, ZRequirementImportPreview, ZRequirementImportResult } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { attachmentDispositionHeader } from "../../platform/spreadsheet-export";
import { createRequirementsImportService } from "./requirements-import.service";

const tags = ["requirements"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 413: ZErrorResponse, 415: ZErrorResponse };
/** Only documents the form: multipart parsing leaves the body null, and the service reads the part itself. */
const ZImportForm = z.preprocess(
  (body) => body ?? undefined,
  z.object({ file: z.string().meta({ format: "binary", description: "The .csv (UTF-8, GB18030 or UTF-16) or .xlsx file" }) }).optional(),
);
const FORM_DESCRIPTION =
  "multipart/form-data with one part named `file`. Headers as the register's export writes them (English or Chinese) " +
  "or the field codes; see docs/requirements.md \"Import\" for the columns, accepted values and limits.";

/**
 * Importing requirements from a spreadsheet (docs/requirements.md "Import"): the staff who may write the register
 * (`canRequirements(…, "requirements.write")`); client contacts and viewers 403, strangers 404.
 */
export const requirementsImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createRequirementsImportService(app.deps, app.config);
  const readFile = (request: FastifyRequest) => async () =>
    request.isMultipart() ? request.file({ limits: { fileSize: service.maxBytes + 1 }, throwFileSizeLimit: false }) : undefined;

  app.post(
    "/projects/:id/requirements/import/preview",
    {
      schema: {
        tags,
        summary: "Read a CSV or XLSX file and say what importing it would create, with every row's errors (writes nothing)",
        description: FORM_DESCRIPTION,
        consumes: ["multipart/form-data"],
        params: ZIdParams,
        body: ZImportForm,
        response: { 200: ZRequirementImportPreview, ...errors },
      },
    },
    async (request) => service.previewImport(requireActor(request), request.params.id, request.locale, readFile(request)),
  );

  app.post(
    "/projects/:id/requirements/import",
    {
      schema: {
        tags,
        summary: "Import a CSV or XLSX file: every row becomes a draft requirement, in one transaction; any row with an error and nothing is written",
        description: `${FORM_DESCRIPTION} A row with an error answers 400 with details.fields (rows.<row>.<column>) and details.preview.`,
        consumes: ["multipart/form-data"],
        params: ZIdParams,
        body: ZImportForm,
        response: { 201: ZRequirementImportResult, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.importRequirements(requireActor(request), request.params.id, request.locale, readFile(request))),
  );

  app.get(
    "/projects/:id/requirements/import/template.csv",
    {
      schema: {
        tags,
        summary: "An empty CSV with the import's headers in the caller's language",
        params: ZIdParams,
        produces: ["text/csv"],
        response: { 200: z.string().meta({ description: "CSV" }), 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse },
      },
    },
    async (request, reply) => {
      const body = await service.importTemplate(requireActor(request), request.params.id, request.locale);
      const name = request.locale === "zh-CN" ? "需求导入模板.csv" : "requirements-import-template.csv";
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", attachmentDispositionHeader("requirements-import-template.csv", name))
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );
};
