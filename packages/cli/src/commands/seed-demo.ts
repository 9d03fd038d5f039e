/**
 * `jiaofu seed-demo`: fill an empty database with the demo workspace. It refuses a database that already has a
 * workspace (there is no --force: demo rows mixed into real data help nobody; use a fresh data directory).
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD, migrateWithReport, seedDemoIfEmpty } from "@jiaofu/server";
import type { TLocale } from "@jiaofu/contracts";
import { CliError } from "../cli-error";
import { describeDatabase, withDatabase } from "../open-database";
import { describeMigrationReport } from "./migrate-database";

export type SeedDemoOptions = { locale?: TLocale };

export async function seedDemo(options: SeedDemoOptions): Promise<number> {
  return withDatabase("seed-demo", async (database, config) => {
    const where = describeDatabase(config);
    const report = await migrateWithReport(database);
    if (report.applied.length > 0) console.log(describeMigrationReport(report, where));
    const locale = options.locale ?? config.JIAOFU_DEMO_LOCALE;
    if (!(await seedDemoIfEmpty(database.db, locale))) {
      throw new CliError(
        `${where} already has a workspace; seed-demo only fills an empty database. Point JIAOFU_DATA_DIR (or DATABASE_URL) at an empty one.`,
      );
    }
    console.log(`Seeded the demo workspace (${locale}) into ${where}.`);
    console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(20)} ${account.description}`);
    return 0;
  });
}
