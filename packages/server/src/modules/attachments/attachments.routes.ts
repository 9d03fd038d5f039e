import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ENTITY_TYPES, ZAttachment, ZErrorResponse, ZIdParams } from "@jiaofu/contracts";
import { requireActor } from "../../platform/authentication";
import { ZEntityIdParams, entityRoutePrefix } from "../../platform/entity-scope";
import { contentDisposition, servedContentType } from "./attachments.files";
import { createAttachmentsService } from "./attachments.service";

const tags = ["attachments"];
/** Only documents the form: multipart parsing leaves the body null, and the handler streams the part itself. */
const ZUploadForm = z.preprocess(
  (body) => body ?? undefined,
  z.object({ file: z.string().meta({ format: "binary", description: "The file (its name is kept)" }) }).optional(),
);
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };

/**
 * Files on any entity: `/api/v1/{clients|projects|users|…}/:entityId/attachments` (one pair per entry of
 * `ENTITY_TYPES`), `/api/v1/attachments/:id/content` to download and `/api/v1/attachments/:id` to remove.
 * Who may do what: `platform/entity-scope.ts`; what is accepted and how it is served: docs/decisions/0005-attachments.md.
 */
export const attachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createAttachmentsService(app.deps, app.config);

  for (const entityType of ENTITY_TYPES) {
    const path = `${entityRoutePrefix(entityType)}/attachments`;
    app.get(
      path,
      {
        schema: {
          tags,
          summary: `List the files on a ${entityType}, newest first`,
          params: ZEntityIdParams,
          response: { 200: z.object({ items: z.array(ZAttachment) }), ...errors },
        },
      },
      async (request) => service.listAttachments(requireActor(request), entityType, request.params.entityId),
    );

    app.post(
      path,
      {
        schema: {
          tags,
          summary: `Attach a file to a ${entityType}`,
          description:
            "multipart/form-data with one part named `file`, at most JIAOFU_MAX_UPLOAD_MB. The type is recognised from the bytes; " +
            "programs and scripts are refused (415), HTML and SVG are kept as plain text.",
          consumes: ["multipart/form-data"],
          params: ZEntityIdParams,
          body: ZUploadForm,
          response: { 201: ZAttachment, ...errors, 413: ZErrorResponse, 415: ZErrorResponse },
        },
      },
      async (request, reply) => {
        const readFile = async () => (request.isMultipart() ? request.file() : undefined);
        return reply.status(201).send(await service.uploadAttachment(requireActor(request), entityType, request.params.entityId, readFile));
      },
    );
  }

  app.get(
    "/attachments/:id/content",
    {
      schema: {
        tags,
        summary: "Download a file (always as an attachment, never rendered by the browser)",
        params: ZIdParams,
        produces: ["application/octet-stream"],
        response: {
          200: z.string().meta({ description: "The file's bytes", format: "binary" }),
          304: z.null().meta({ description: "Unchanged since the ETag you sent" }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { attachment, size, open } = await service.openAttachment(requireActor(request), request.params.id);
      const etag = `"${attachment.sha256}"`;
      reply
        .header("x-content-type-options", "nosniff")
        // Belt and braces should a browser render it anyway: no script, no plugins, an opaque origin.
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cross-origin-resource-policy", "same-origin")
        // Access can be withdrawn at any time: browsers may keep a copy but must ask again before using it.
        .header("cache-control", "private, no-cache")
        .header("etag", etag);
      if (request.headers["if-none-match"] === etag) return reply.status(304).send(null);
      // Fastify pipes a stream as is (no serialiser runs); the `200` schema above only documents the body.
      const body = open() as unknown as string;
      return reply
        .type(servedContentType(attachment.contentType))
        .header("content-length", size)
        .header("content-disposition", contentDisposition(attachment.fileName))
        .send(body);
    },
  );

  app.delete(
    "/attachments/:id",
    {
      schema: {
        tags,
        summary: "Remove a file (its uploader, the project's manager or an admin)",
        params: ZIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteAttachment(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
