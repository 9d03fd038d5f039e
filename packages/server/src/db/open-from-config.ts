import path from "node:path";
import type { Config } from "../config";
import { acquireDataDirLock } from "./data-dir-lock";
import { openDatabase, type Database } from "./database";

/**
 * Opens the database the configuration names. For the embedded database the data directory is locked first, so
 * a second process fails at once instead of corrupting it.
 */
export async function openDatabaseFromConfig(config: Config, command: string): Promise<{ database: Database; release: () => Promise<void> }> {
  if (config.DATABASE_URL) {
    const database = await openDatabase({ kind: "postgres", url: config.DATABASE_URL });
    return { database, release: async () => undefined };
  }
  const lock = await acquireDataDirLock(config.dataDir, command);
  try {
    const database = await openDatabase({ kind: "pglite", dataDir: config.dataDir });
    return { database, release: lock.release };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

export function attachmentsDir(config: Config): string {
  return path.join(config.dataDir, "attachments");
}
