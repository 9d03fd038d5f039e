/**
 * `jiaofu purge [--dry-run] [--older-than DAYS]`: delete expired sessions and dead password reset tokens, and erase
 * the files of attachments removed more than DAYS ago (their rows stay; see platform/purge.ts in the server).
 */
import fs from "node:fs";
import path from "node:path";
import { attachmentsDir, DEFAULT_PURGE_OLDER_THAN_DAYS, loadConfig, purgeExpiredData, type PurgeSummary } from "@jiaofu/server";
import { CliError } from "../cli-error";
import { formatBytes, plural } from "../format";
import { describeDatabase, withDatabase } from "../open-database";
import { createProgressReporter } from "../progress-reporter";

export type PurgeDataOptions = { dryRun?: boolean; olderThan?: number };

export async function purgeData(options: PurgeDataOptions): Promise<number> {
  const config = loadConfig();
  // Opening would create an empty embedded database; a typo in JIAOFU_DATA_DIR should say so instead.
  if (!config.DATABASE_URL && !fs.existsSync(path.join(config.dataDir, "pgdata"))) {
    throw new CliError(`There is no database in ${config.dataDir} (JIAOFU_DATA_DIR): nothing to purge.`);
  }
  return withDatabase(
    "purge",
    async (database) => {
      const summary = await purgeExpiredData(database.db, {
        now: new Date(),
        olderThanDays: options.olderThan ?? DEFAULT_PURGE_OLDER_THAN_DAYS,
        dryRun: options.dryRun ?? false,
        attachmentsDir: attachmentsDir(config),
        progress: createProgressReporter(),
      });
      console.log(describePurge(summary, describeDatabase(config)));
      return 0;
    },
    config,
  );
}

export function describePurge(summary: PurgeSummary, where: string): string {
  const counts =
    `${plural(summary.expiredSessions, "expired session")}, ${plural(summary.deadPasswordResets, "used or expired password reset")}, ` +
    `${plural(summary.attachmentFiles, "file")} (${formatBytes(summary.attachmentBytes)}) of attachments removed before ${summary.cutoff.toISOString()}`;
  return summary.dryRun ? `Dry run, nothing changed. Purging ${where} would delete ${counts}.` : `Purged ${where}: deleted ${counts}.`;
}
