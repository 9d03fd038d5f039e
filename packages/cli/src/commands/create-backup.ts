/** `jiaofu backup FILE`: the database and the attachments in one file (format: docs/cli.md). */
import fs from "node:fs";
import path from "node:path";
import { attachmentsDir, createBackup as writeBackup, loadConfig } from "@jiaofu/server";
import { CliError } from "../cli-error";
import { formatBytes, plural } from "../format";
import { describeDatabase, withDatabase } from "../open-database";
import { createProgressReporter } from "../progress-reporter";

export type CreateBackupOptions = { force?: boolean };

export async function createBackup(file: string, options: CreateBackupOptions): Promise<number> {
  const config = loadConfig();
  // Opening would create an empty embedded database; a typo in JIAOFU_DATA_DIR should say so instead.
  if (!config.DATABASE_URL && !fs.existsSync(path.join(config.dataDir, "pgdata"))) {
    throw new CliError(`There is no database in ${config.dataDir} (JIAOFU_DATA_DIR): nothing to back up.`);
  }
  return withDatabase(
    "backup",
    async (database) => {
      const summary = await writeBackup(database, {
        file,
        attachmentsDir: attachmentsDir(config),
        overwrite: options.force ?? false,
        progress: createProgressReporter(),
      });
      const rows = summary.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      const attachmentBytes = summary.manifest.attachments.reduce((sum, a) => sum + a.size, 0);
      console.log(
        `Backed up ${describeDatabase(config)} to ${summary.file} (${formatBytes(summary.bytes)}): ` +
          `${plural(summary.manifest.tables.length, "table")}, ${plural(rows, "row")}, ` +
          `${plural(summary.manifest.attachments.length, "attachment")} (${formatBytes(attachmentBytes)}).`,
      );
      return 0;
    },
    config,
  );
}
