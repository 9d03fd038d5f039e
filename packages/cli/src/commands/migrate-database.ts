/** `jiaofu migrate`: apply the pending schema migrations and say which. */
import { migrateWithReport, type MigrationReport } from "@jiaofu/server";
import { CliError } from "../cli-error";
import { plural } from "../format";
import { describeDatabase, withDatabase } from "../open-database";

export async function migrateDatabase(): Promise<number> {
  return withDatabase("migrate", async (database, config) => {
    const report = await migrateWithReport(database);
    console.log(describeMigrationReport(report, describeDatabase(config)));
    if (report.unknown.length > 0) {
      throw new CliError(
        `The database has ${plural(report.unknown.length, "migration")} this version of Jiaofu does not know: it was migrated by a newer version. Run that version (or newer).`,
      );
    }
    return 0;
  });
}

export function describeMigrationReport(report: MigrationReport, where: string): string {
  if (report.applied.length === 0) {
    return `The schema of ${where} is up to date (${plural(report.alreadyApplied, "migration")} applied).`;
  }
  return [
    `Applied ${plural(report.applied.length, "migration")} to ${where}:`,
    ...report.applied.map((m) => `  ${m.tag}`),
    ...(report.alreadyApplied > 0 ? [`(${plural(report.alreadyApplied, "earlier migration")} already applied)`] : []),
  ].join("\n");
}
