/**
 * `jiaofu restore FILE`: put a backup back into an empty data directory and database; with --force, in place of
 * whatever is there. All or nothing: the database part is one transaction.
 */
import fs from "node:fs";
import path from "node:path";
import { attachmentsDir, loadConfig, restoreBackup as readBackup } from "@jiaofu/server";
import { CliError } from "../cli-error";
import { plural } from "../format";
import { describeDatabase, withDatabase } from "../open-database";
import { createProgressReporter } from "../progress-reporter";

export type RestoreBackupOptions = { force?: boolean };

export async function restoreBackup(file: string, options: RestoreBackupOptions): Promise<number> {
  const config = loadConfig();
  assertReadableFile(path.resolve(file));
  return withDatabase(
    "restore",
    async (database) => {
      const summary = await readBackup(database, {
        file,
        attachmentsDir: attachmentsDir(config),
        workDir: config.dataDir,
        force: options.force ?? false,
        progress: createProgressReporter(),
      });
      const { manifest } = summary;
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `Restored the backup of ${manifest.createdAt} (Jiaofu ${manifest.appVersion}, ${manifest.database.kind}) into ${describeDatabase(config)}: ` +
          `${plural(manifest.tables.length, "table")}, ${plural(rows, "row")}, ${plural(manifest.attachments.length, "attachment")}.`,
      );
      if (summary.migrationsApplied.length > 0) {
        console.log(`Then applied ${plural(summary.migrationsApplied.length, "newer migration")}: ${summary.migrationsApplied.join(", ")}.`);
      }
      if (summary.replaced) console.log("The data that was there before has been replaced (--force).");
      return 0;
    },
    config,
  );
}

/** Checked before the database is opened, so a typo does not create an empty data directory. */
function assertReadableFile(file: string): void {
  let stat: fs.Stats;
  try {
    fs.accessSync(file, fs.constants.R_OK);
    stat = fs.statSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "permission denied";
    throw new CliError(`Cannot read ${file}: ${reason}.`);
  }
  if (!stat.isFile()) throw new CliError(`Cannot read ${file}: not a file.`);
}
