/**
 * Entry of the `jiaofu` CLI: parses the arguments with commander and runs one command from ./commands. Commands are
 * imported only when they run, so `--help` and argument errors answer at once without loading the server.
 *
 * Exit codes: 0 success; 1 any error (bad arguments, bad configuration, data directory in use, a refused or failed
 * backup/restore, …), reported as one line on stderr.
 */
import fs from "node:fs";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { TLocale } from "@jiaofu/contracts";

const VERSION = (JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

const ENVIRONMENT_HELP = `
Configuration comes from environment variables, e.g.:
  JIAOFU_DATA_DIR   data directory: embedded database and attachments (default ./data)
  DATABASE_URL      use this PostgreSQL database instead of the embedded one
  PORT, HOST        where \`serve\` listens (default 3000, 0.0.0.0)
  JIAOFU_DEMO       seed the demo workspace on first start (default 1)
See docs/cli.md for every command, its exit codes and the backup format.`;

const localeOption = (what: string) =>
  new Option("--locale <locale>", `${what} (default: JIAOFU_DEMO_LOCALE, else zh-CN)`).choices(["zh-CN", "en"]);

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command("jiaofu")
    .description("Jiaofu (交付): self-hostable service delivery platform")
    .version(VERSION, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText("after", ENVIRONMENT_HELP);

  const run = (load: () => Promise<number>) => async () => setExitCode(await load());

  program
    .command("serve")
    .description("start the server; prints its URL (and the demo logins), stops cleanly on Ctrl-C or SIGTERM")
    .action(run(async () => (await import("./commands/serve-app")).serveApp()));

  program
    .command("migrate")
    .description("apply pending database migrations and list them")
    .action(run(async () => (await import("./commands/migrate-database")).migrateDatabase()));

  program
    .command("seed-demo")
    .description("fill an EMPTY database with the demo workspace (refuses if a workspace exists)")
    .addOption(localeOption("language of the demo texts"))
    .action(async (options: { locale?: TLocale }) => setExitCode(await (await import("./commands/seed-demo")).seedDemo(options)));

  program
    .command("create-admin")
    .description("create an owner/admin account (and the workspace when there is none)")
    .requiredOption("--email <email>", "sign-in email (required)")
    .requiredOption("--name <name>", "display name (required)")
    .option("--password <password>", "at least 8 characters; asked for (hidden) when omitted and stdin is a terminal")
    .option("--title <title>", "job title shown next to the name")
    .addOption(new Option("--role <role>", "workspace role (default: owner for a new workspace, else admin)").choices(["owner", "admin"]))
    .addOption(localeOption("the user's language"))
    .option("--workspace-name <name>", "name of the workspace if it has to be created", "Jiaofu")
    .action(async (options: { email: string; name: string; password?: string; title?: string; role?: "owner" | "admin"; locale?: TLocale; workspaceName?: string }) =>
      setExitCode(await (await import("./commands/create-admin")).createAdmin(options)),
    );

  program
    .command("backup")
    .description("write the database and all attachments to FILE (a .tar.gz)")
    .argument("<file>", "backup file to write, e.g. jiaofu-2025-01-31.tar.gz")
    .option("-f, --force", "overwrite FILE if it exists")
    .action(async (file: string, options: { force?: boolean }) =>
      setExitCode(await (await import("./commands/create-backup")).createBackup(file, options)),
    );

  program
    .command("restore")
    .description("restore FILE into an EMPTY data directory and database (all or nothing)")
    .argument("<file>", "backup file written by `jiaofu backup`")
    .option("-f, --force", "replace existing data (database rows and attachments) instead of refusing")
    .action(async (file: string, options: { force?: boolean }) =>
      setExitCode(await (await import("./commands/restore-backup")).restoreBackup(file, options)),
    );

  program
    .command("purge")
    .description("delete expired sessions and password resets; erase files of attachments removed more than DAYS ago")
    .option("--dry-run", "count what would be deleted, change nothing")
    .option("--older-than <days>", "erase files of attachments removed at least DAYS ago (default 30)", (value) => {
      const days = Number(value);
      if (!Number.isInteger(days) || days < 0) throw new InvalidArgumentError("must be a whole number of days ≥ 0");
      return days;
    })
    .action(async (options: { dryRun?: boolean; olderThan?: number }) =>
      setExitCode(await (await import("./commands/purge-data")).purgeData(options)),
    );

  const stdio = { stdout: (text: string) => void process.stdout.write(text), stderr: (text: string) => void process.stderr.write(text) };

  program
    .command("schedule")
    .description("critical path of a network in the scheduling interchange format (../shared/scheduling/README.md)")
    .requiredOption("--input <file>", "network JSON: {tasks:[{id,duration}], links:[{from,to,type,lag}]}")
    .option("--output <file>", "write every task's ES/EF/LS/LF/TF as JSON")
    .option("--repeat <k>", "time K runs and report the median", (value) => {
      const k = Number(value);
      if (!Number.isInteger(k) || k < 1) throw new InvalidArgumentError("must be a whole number ≥ 1");
      return k;
    })
    .action(async (options: { input: string; output?: string; repeat?: number }) =>
      setExitCode(await (await import("./commands/schedule")).runScheduleCommand(options, stdio)),
    );

  program
    .command("requirements-analyze")
    .description("propose likely duplicate and conflicting requirements (zh-CN and en), the same finder the app runs")
    .requiredOption("--input <file>", 'JSON: {"requirements":[{"id":"R1","text":"…"}]}')
    .option("--output <file>", "write the proposals there instead of standard output")
    .action(async (options: { input: string; output?: string }) =>
      setExitCode(await (await import("./commands/requirements-analyze")).runRequirementsAnalyzeCommand(options, stdio)),
    );

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    // commander has already printed its own one-line message (unknown command, missing argument, …) or the help.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    const { describeExpectedError } = await import("./describe-error");
    const message = describeExpectedError(error);
    if (message !== undefined) {
      console.error(`error: ${message}`);
    } else {
      const text = error instanceof Error ? error.message : String(error);
      if (process.env.JIAOFU_DEBUG === "1" && error instanceof Error) console.error(error.stack);
      else console.error(`error: ${text} (unexpected; run again with JIAOFU_DEBUG=1 to see the stack trace)`);
    }
    return 1;
  }
}
