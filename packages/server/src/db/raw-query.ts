import type { SQL } from "drizzle-orm";
import type { Db, Tx } from "./database";

/**
 * Runs raw SQL and returns its rows. Both drivers (PGlite and node-postgres) answer `execute` with an object holding
 * `rows`; Drizzle's types do not say so for the shared `PgDatabase`, hence this one cast in one place.
 */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
