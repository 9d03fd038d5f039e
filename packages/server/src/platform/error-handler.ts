/**
 * The edge mapper: every error leaves the server as `{error:{code,message,details}}` in the caller's language,
 * with the status `errorCodeHttpStatus` gives. Stack traces stay in the log.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { errorCodeHttpStatus, type TErrorCode, type TFieldError, type TLocale } from "@jiaofu/contracts";
import { AppError } from "./app-error";
import { isMessageKey, translate, type MessageKey } from "./messages";

type ValidationItem = { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> };

/** The value the client sent at `path` inside the body/query/params, to tell "missing" from "wrong". */
function valueAt(root: unknown, path: string[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function fieldMessage(locale: TLocale, item: ValidationItem, sent: unknown): string {
  const p = item.params;
  if (sent === undefined && item.keyword !== "unrecognized_keys" && item.keyword !== "custom") return translate(locale, "field.required");
  switch (item.keyword) {
    case "invalid_type":
      return translate(locale, "field.invalid");
    case "too_small":
      if (p.origin === "string" || p.origin === "array") return translate(locale, "field.too_short", p);
      return translate(locale, p.inclusive === false ? "field.too_small_exclusive" : "field.too_small", p);
    case "too_big":
      if (p.origin === "string" || p.origin === "array") return translate(locale, "field.too_long", p);
      return translate(locale, p.inclusive === false ? "field.too_big_exclusive" : "field.too_big", p);
    case "invalid_format": {
      const format = String(p.format);
      if (format === "email") return translate(locale, "field.invalid_email");
      if (format === "uuid" || format === "guid") return translate(locale, "field.invalid_uuid");
      if (format === "date" || format === "datetime") return translate(locale, "field.invalid_date");
      if (format === "regex" && item.message && isMessageKey(item.message)) return translate(locale, item.message);
      return translate(locale, "field.invalid");
    }
    case "invalid_value":
      return translate(locale, "field.invalid_option", { options: Array.isArray(p.values) ? p.values.join(", ") : "" });
    case "unrecognized_keys":
      return translate(locale, "field.unknown");
    default:
      return item.message && isMessageKey(item.message) ? translate(locale, item.message) : translate(locale, "field.invalid");
  }
}

export function sendError(
  reply: FastifyReply,
  locale: TLocale,
  code: TErrorCode,
  key: MessageKey = code,
  params: Record<string, unknown> = {},
  details?: unknown,
) {
  const error: { code: TErrorCode; message: string; details?: unknown } = { code, message: translate(locale, key, params) };
  if (details !== undefined) error.details = details;
  return reply.status(errorCodeHttpStatus(code)).send({ error });
}

function localiseDetails(locale: TLocale, details: unknown): unknown {
  if (details && typeof details === "object" && "fields" in details && Array.isArray(details.fields)) {
    const fields = (details.fields as { path: string; messageKey?: string; message?: string }[]).map((f) => ({
      path: f.path,
      message: f.messageKey && isMessageKey(f.messageKey) ? translate(locale, f.messageKey) : (f.message ?? ""),
    }));
    return { ...details, fields };
  }
  return details;
}

export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale;
    if (error instanceof AppError) {
      return sendError(reply, locale, error.code, error.messageKey, error.params, localiseDetails(locale, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext;
      const input = context === "body" ? request.body : context === "querystring" ? request.query : context === "params" ? request.params : undefined;
      const fields: TFieldError[] = (error.validation as unknown as ValidationItem[]).map((item) => {
        const segments = item.instancePath.split("/").filter(Boolean);
        return {
          path: [context, ...segments].filter(Boolean).join("."),
          message: fieldMessage(locale, item, valueAt(input, segments)),
        };
      });
      return sendError(reply, locale, "validation_failed", "validation_failed", {}, { fields });
    }
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.code === "FST_REQ_FILE_TOO_LARGE" || error.statusCode === 413) {
      return sendError(reply, locale, "payload_too_large", "payload_too_large", { limitMb: request.server.config.JIAOFU_MAX_UPLOAD_MB });
    }
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || error.statusCode === 415) {
      return sendError(reply, locale, "unsupported_media_type");
    }
    if (error.statusCode === 429) {
      return sendError(reply, locale, "rate_limited", "rate_limited", { seconds: 60 });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON and similar protocol errors from Fastify itself.
      return sendError(reply, locale, "validation_failed", "validation_failed", {}, { reason: error.message });
    }
    request.log.error({ err: error }, "unhandled error");
    return sendError(reply, locale, "internal");
  });
  app.setNotFoundHandler((request, reply) => {
    // The web app's own routes (/projects/…) are served its index.html; unknown API paths get the JSON error.
    if (options.spaFallback && request.method === "GET" && !request.url.startsWith("/api/")) return reply.sendFile("index.html");
    return sendError(reply, request.locale, "not_found");
  });
}
