/**
 * The committed migrations and which of them a database has applied.
 *
 * drizzle-kit writes the migrations to `packages/server/drizzle` (`meta/_journal.json` lists them in order);
 * Drizzle's migrator applies the ones newer than the last applied and records each in
 * `drizzle.__drizzle_migrations` as (hash = sha256 of the file, created_at = the journal's `when`). This file reads
 * the same facts so `jiaofu migrate` can say what it did, and backup/restore can move data between schema versions.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { MIGRATIONS_DIR, migrateDatabase, type Database, type Db, type Tx } from "./database";
import { queryRows } from "./raw-query";

export type Migration = {
  /** The file name without `.sql`, e.g. `0000_init`. */
  tag: string;
  /** The journal's `when` (ms since epoch): the order key Drizzle compares. */
  createdAt: number;
  hash: string;
  statements: string[];
};

export type AppliedMigration = { createdAt: number; hash: string };

type Journal = { entries: { tag: string; when: number }[] };

/** The migrations shipped with this version of Jiaofu, oldest first. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta", "_journal.json"), "utf8")) as Journal;
  return journal.entries.map((entry) => {
    const text = fs.readFileSync(path.join(dir, `${entry.tag}.sql`), "utf8");
    return {
      tag: entry.tag,
      createdAt: entry.when,
      // Same hash and split as drizzle-orm's readMigrationFiles, so both can share one migrations table.
      hash: createHash("sha256").update(text).digest("hex"),
      statements: text.split("--> statement-breakpoint"),
    };
  });
}

/** The migrations recorded in the database, oldest first; empty when the database was never migrated. */
export async function listAppliedMigrations(db: Db | Tx): Promise<AppliedMigration[]> {
  const [table] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!table?.present) return [];
  const rows = await queryRows<{ hash: string; created_at: string }>(
    db,
    sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((row) => ({ hash: row.hash, createdAt: Number(row.created_at) }));
}

/** The newest applied migration's `createdAt`, 0 for a database that was never migrated. */
export function lastMigrationTime(applied: AppliedMigration[]): number {
  return applied.reduce((max, m) => Math.max(max, m.createdAt), 0);
}

export type MigrationReport = {
  /** Migrations this run applied, oldest first. */
  applied: Migration[];
  /** Migrations that were already in place. */
  alreadyApplied: number;
  /** Recorded in the database but unknown to this version: the database was migrated by a newer Jiaofu. */
  unknown: AppliedMigration[];
};

/** Applies the pending migrations (as `migrateDatabase` does) and reports which they were. */
export async function migrateWithReport(database: Database, migrations: Migration[] = readMigrations()): Promise<MigrationReport> {
  const before = await listAppliedMigrations(database.db);
  const last = lastMigrationTime(before);
  const known = new Set(migrations.map((m) => m.createdAt));
  await migrateDatabase(database);
  return {
    applied: migrations.filter((m) => m.createdAt > last),
    alreadyApplied: migrations.filter((m) => m.createdAt <= last).length,
    unknown: before.filter((m) => !known.has(m.createdAt)),
  };
}

/**
 * Applies `migrations` inside the caller's transaction and records them, exactly as Drizzle's migrator would. Restore
 * uses it so that bringing an empty database to the backup's schema, loading the rows and migrating to the current
 * schema are one all-or-nothing transaction.
 */
export async function applyMigrationsInTransaction(tx: Tx, migrations: Migration[]): Promise<void> {
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(
    sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
  for (const migration of migrations) {
    for (const statement of migration.statements) {
      if (statement.trim()) await tx.execute(sql.raw(statement));
    }
    await tx.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.createdAt})`,
    );
  }
}
