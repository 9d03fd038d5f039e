/**
 * Recognising PostgreSQL constraint errors, whichever driver raised them (node-postgres puts the fields on the
 * error, Drizzle on PGlite on its `cause`). Services turn them into field-level 409/400 answers.
 */
type PgErrorFields = { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };

function pgError(error: unknown): { code: string | undefined; constraint: string | undefined } {
  const e = error as PgErrorFields;
  return { code: e.code ?? e.cause?.code, constraint: e.constraint ?? e.cause?.constraint };
}

/** unique_violation (23505), optionally of one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const { code, constraint: name } = pgError(error);
  return code === "23505" && (!constraint || name === constraint);
}

/** check_violation (23514) of the named constraint. */
export function isCheckViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: name } = pgError(error);
  return code === "23514" && name === constraint;
}
