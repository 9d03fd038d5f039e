import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZErrorResponse, ZExportRequirementsQuery, ZIdParams } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { attachmentDispositionHeader } from "../../platform/spreadsheet-export";
import { createRequirementsExportService } from "./requirements-export.service";

const tags = ["requirements"];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `attachment; filename="<CODE>-requirements.csv"; filename*=UTF-8''<CODE>-requirements.csv` */
const disposition = (code: string, extension: "csv" | "xlsx") => attachmentDispositionHeader(`${code}-requirements.${extension}`, `${code}-requirements.${extension}`);

/** The register as CSV or XLSX, with the list's filters and visibility (GET /projects/:id/requirements). */
export const requirementsExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createRequirementsExportService(app.deps);

  app.get(
    "/projects/:id/requirements/export.csv",
    {
      schema: {
        tags,
        summary: "The requirements the list gives you (same filters), as CSV (UTF-8 with BOM)",
        params: ZIdParams,
        querystring: ZExportRequirementsQuery,
        produces: ["text/csv"],
        response: { 200: z.string().meta({ description: "CSV" }), ...errors },
      },
    },
    async (request, reply) => {
      const { body, code } = await service.exportCsv(requireActor(request), request.params.id, request.query, request.locale);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", disposition(code, "csv"))
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );

  app.get(
    "/projects/:id/requirements/export.xlsx",
    {
      schema: {
        tags,
        summary: "The requirements the list gives you (same filters), as an Excel workbook",
        params: ZIdParams,
        querystring: ZExportRequirementsQuery,
        produces: [XLSX],
        response: { 200: z.string().meta({ description: "XLSX", format: "binary" }), ...errors },
      },
    },
    async (request, reply) => {
      const { body, code } = await service.exportXlsx(requireActor(request), request.params.id, request.query, request.locale);
      // Fastify sends a Buffer as is (no serialiser runs); the `200` schema above only documents the body.
      const bytes = body as unknown as string;
      return reply
        .header("content-type", XLSX)
        .header("content-disposition", disposition(code, "xlsx"))
        .header("cache-control", "private, no-store")
        .send(bytes);
    },
  );
};
