import { loadConfig, openDatabaseFromConfig, type Config, type Database } from "@jiaofu/server";

/**
 * Opens the configured database for one command and always closes it (and releases the data-directory lock)
 * afterwards. A second process on the same data directory fails here with DataDirLockedError.
 */
export async function withDatabase<T>(command: string, work: (database: Database, config: Config) => Promise<T>, config: Config = loadConfig()): Promise<T> {
  const { database, release } = await openDatabaseFromConfig(config, command);
  try {
    return await work(database, config);
  } finally {
    await database.close();
    await release();
  }
}

/** Where the data lives, for messages: the data directory, or PostgreSQL's host and database (never the password). */
export function describeDatabase(config: Config): string {
  if (!config.DATABASE_URL) return `the embedded database in ${config.dataDir}`;
  try {
    const url = new URL(config.DATABASE_URL);
    return `PostgreSQL at ${url.host}${url.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}
