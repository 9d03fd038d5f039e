import { ApiError, type TFieldError } from "@jiaofu/contracts";

/** Field errors keyed by the form's field name: the API reports `body.name`, the form knows `name`. */
export type FieldErrors = Record<string, string>;

function isFieldErrorList(value: unknown): value is TFieldError[] {
  return Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && "path" in item && "message" in item);
}

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const details = error.details;
  if (!details || typeof details !== "object" || !("fields" in details) || !isFieldErrorList(details.fields)) return {};
  const result: FieldErrors = {};
  for (const field of details.fields) {
    const name = field.path.replace(/^(body|querystring|params)\./, "");
    result[name] ??= field.message;
  }
  return result;
}

/** True for the 409 the API returns when the record changed since it was read. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === "version_conflict";
}

/** The API's localised message, or undefined for errors that are not from the API (network, bugs). */
export function apiMessageOf(error: unknown): string | undefined {
  return error instanceof ApiError ? error.message : undefined;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403);
}

/** An endpoint that the server does not have yet answers 404 with code not_found on the list route. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}
