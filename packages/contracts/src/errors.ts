import { z } from "zod";

/**
 * Every error the API can return, by code. The server maps each code to an HTTP status with an
 * exhaustive switch (`errorCodeHttpStatus`), and the web/CLI show the localised `message`.
 */
export const ERROR_CODES = [
  "validation_failed",
  "unauthenticated",
  "invalid_credentials",
  "rate_limited",
  "csrf_failed",
  "forbidden",
  "not_found",
  "version_conflict",
  "conflict",
  "gone",
  "payload_too_large",
  "unsupported_media_type",
  "invalid_token",
  "internal",
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];

export const ZErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "ErrorResponse" });
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

/** One field-level problem inside `details.fields` of a `validation_failed` error. */
export type TFieldError = { path: string; message: string };

export function errorCodeHttpStatus(code: TErrorCode): number {
  switch (code) {
    case "validation_failed":
      return 400;
    case "unauthenticated":
    case "invalid_credentials":
    case "invalid_token":
      return 401;
    case "csrf_failed":
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "version_conflict":
    case "conflict":
      return 409;
    case "gone":
      return 410;
    case "payload_too_large":
      return 413;
    case "unsupported_media_type":
      return 415;
    case "rate_limited":
      return 429;
    case "internal":
      return 500;
  }
}
