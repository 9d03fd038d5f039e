/**
 * Opening the database: the embedded PGlite under the data directory (default) or a PostgreSQL server when
 * `DATABASE_URL` is set. Both are used through the same Drizzle API (`Db`), so no other code knows which one runs.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as `Db`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL (used by backup/restore and tests). */
  exec: (sql: string) => Promise<void>;
  /** LISTEN/NOTIFY: several app nodes on one database hear each other's events. */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
  notify: (channel: string, payload: string) => Promise<void>;
  close: () => Promise<void>;
  /** PGlite only: the whole data directory as a tarball (the test template). */
  dumpDataDir?: () => Promise<Blob>;
};

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle");

export type OpenDatabaseOptions =
  | { kind: "pglite"; dataDir: string | undefined; loadDataDir?: Blob }
  | { kind: "postgres"; url: string; poolSize?: number };

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.kind === "pglite") return openPglite(options.dataDir, options.loadDataDir);
  return openPostgres(options.url, options.poolSize ?? 10);
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  const client = await PGlite.create(dataDir ? path.join(dataDir, "pgdata") : undefined, loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    exec: async (text) => {
      await client.exec(text);
    },
    listen: async (channel, onPayload) => {
      const unsubscribe = await client.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    notify: async (channel, payload) => {
      await client.query("select pg_notify($1, $2)", [channel, payload]);
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
    dumpDataDir: async () => {
      const dump = await client.dumpDataDir("none");
      return dump instanceof Blob ? dump : new Blob([dump]);
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client whose connection the server ends (restart, failover, pg_terminate_backend) is emitted as an
  // 'error' on the pool; unhandled, it would crash the process. The pool drops that client and connects afresh on
  // the next query, so there is nothing else to do.
  pool.on("error", () => undefined);
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const listeners: pg.PoolClient[] = [];
  return {
    db,
    kind: "postgres",
    exec: async (text) => {
      await pool.query(text);
    },
    listen: async (channel, onPayload) => {
      const client = await pool.connect();
      client.on("error", () => undefined);
      listeners.push(client);
      client.on("notification", (message) => {
        if (message.channel === channel) onPayload(message.payload ?? "");
      });
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      return async () => {
        await client.query(`unlisten ${pg.escapeIdentifier(channel)}`);
        const index = listeners.indexOf(client);
        if (index >= 0) listeners.splice(index, 1);
        client.release();
      };
    },
    notify: async (channel, payload) => {
      await pool.query("select pg_notify($1, $2)", [channel, payload]);
    },
    close: async () => {
      for (const client of listeners.splice(0)) client.release();
      await pool.end();
    },
  };
}

/** Applies the committed drizzle-kit migrations; idempotent. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  }
}
