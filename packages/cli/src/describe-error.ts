/** Turns an error a command threw into the line the person at the terminal reads. */
import { BackupError, ConfigError, CreateAdminError, DataDirLockedError } from "@jiaofu/server";
import { CliError } from "./cli-error";

/** The message for an expected error, or undefined for a bug. */
export function describeExpectedError(error: unknown): string | undefined {
  if (
    error instanceof CliError ||
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof BackupError ||
    error instanceof CreateAdminError
  ) {
    return error.message;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // Cannot reach PostgreSQL: say where we tried, not a stack trace.
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "28P01" || code === "3D000") {
    return `Cannot connect to the database named by DATABASE_URL: ${(error as Error).message}`;
  }
  return undefined;
}
