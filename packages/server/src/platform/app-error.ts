import type { TErrorCode } from "@jiaofu/contracts";
import type { MessageKey } from "./messages";

/**
 * The one error type services throw. `code` decides the HTTP status (see `errorCodeHttpStatus`);
 * `messageKey` picks the user's message in their language; `internal` is for logs only.
 */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    readonly messageKey: MessageKey = code,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
  }
}

export const notFound = (key: MessageKey = "not_found") => new AppError("not_found", key);
export const forbidden = () => new AppError("forbidden");
export const versionConflict = (current?: unknown) =>
  new AppError("version_conflict", "version_conflict", {}, current === undefined ? undefined : { current });
/** A field-level validation error raised by a service (the same shape zod errors are turned into). */
export const fieldError = (path: string, key: MessageKey, code: TErrorCode = "validation_failed") =>
  new AppError(code, code === "validation_failed" ? "validation_failed" : key, {}, { fields: [{ path, messageKey: key }] });
