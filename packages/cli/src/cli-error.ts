/**
 * An expected failure of a command: printed as one line (`error: <message>`) and the process exits with
 * `exitCode` (1). Anything else that is thrown is a bug and is printed the same way, with the stack trace only
 * when JIAOFU_DEBUG=1.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}
