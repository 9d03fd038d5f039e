/**
 * Starting Jiaofu: lock the data directory (embedded database), open and migrate the database, seed the demo
 * workspace on first start, listen, and shut down cleanly on SIGINT/SIGTERM.
 */
import { buildApp } from "./app";
import { loadConfig, type Config } from "./config";
import { openDatabaseFromConfig } from "./db/open-from-config";
import { migrateDatabase } from "./db/database";
import { createMailer } from "./platform/mailer";
import { seedDemoIfEmpty, DEMO_PASSWORD, DEMO_ACCOUNTS } from "./demo/seed-demo";
import { startDailySnapshots } from "./modules/monitoring/monitoring.service";
import { startStatusReportSchedules } from "./modules/status-reports/status-reports.service";
import { startDueNotifications } from "./modules/notifications/notifications.due";
import { notificationEmailsSettled } from "./modules/notifications/notifications.producer";

export { buildApp } from "./app";
export { loadConfig, ConfigError, type Config } from "./config";
export { openDatabase, migrateDatabase, type Database, type Db } from "./db/database";
export { openDatabaseFromConfig } from "./db/open-from-config";
export { acquireDataDirLock, DataDirLockedError } from "./db/data-dir-lock";
export { attachmentsDir } from "./db/open-from-config";
export { migrateWithReport, readMigrations, type MigrationReport } from "./db/migrations";
export { createBackup, APP_VERSION, type BackupSummary } from "./db/backup";
export { restoreBackup, type RestoreSummary } from "./db/restore";
export { BackupError, type Progress, type ProgressUnit, type TBackupManifest } from "./db/backup-format";
export { createAdmin, CreateAdminError, type CreatedAdmin } from "./db/create-admin";
export { seedDemo, seedDemoIfEmpty, DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo/seed-demo";
export { purgeExpiredData, DEFAULT_PURGE_OLDER_THAN_DAYS, type PurgeSummary } from "./platform/purge";

export type RunningServer = { url: string; close: () => Promise<void> };

export async function startServer(config: Config = loadConfig(), command = "serve"): Promise<RunningServer> {
  const { database, release } = await openDatabaseFromConfig(config, command);
  try {
    await migrateDatabase(database);
    const deps = { database, db: database.db, mailer: createMailer(config.SMTP_URL, config.SMTP_FROM), now: () => new Date() };
    const seeded = config.JIAOFU_DEMO ? await seedDemoIfEmpty(database.db, config.JIAOFU_DEMO_LOCALE) : false;
    const app = await buildApp({ config, deps });
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    // Listening on every interface (the default): tell people the address they type, not whichever interface
    // Fastify happened to list first.
    const wildcard = config.HOST === "0.0.0.0" || config.HOST === "::";
    const url = wildcard ? `http://localhost:${new URL(address).port}` : address;
    app.log.info({ url, database: database.kind, seeded }, "Jiaofu is listening");
    // Today's progress snapshot of every active project (docs/monitoring.md, "When snapshots are taken").
    const stopSnapshots = startDailySnapshots(deps, app.log);
    // Weekly status reports of the projects that scheduled one (docs/monitoring.md, "Status reports").
    const stopReportSchedules = startStatusReportSchedules(deps, app.log);
    // Hourly: tasks due soon or overdue notify their owner and assignees (docs/monitoring.md, "Notifications").
    const stopDueNotifications = startDueNotifications(deps, app.log);
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await stopSnapshots();
        await stopReportSchedules();
        await stopDueNotifications();
        await notificationEmailsSettled(deps);
        await app.close();
        await database.close();
        await release();
      })());
    return { url, close };
  } catch (error) {
    await database.close();
    await release();
    throw error;
  }
}

/** The lines `npm start` prints after the server is up. */
export function describeStart(url: string, demo: boolean): string {
  const lines = [`Jiaofu is running at ${url}`, `API docs: ${url}/api/docs`];
  if (demo) {
    lines.push(`Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.email.padEnd(20)} ${account.description}`);
  }
  lines.push("Press Ctrl-C to stop.");
  return lines.join("\n");
}
