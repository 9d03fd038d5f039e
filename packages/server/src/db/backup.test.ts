/**
 * Backup and restore on real databases. `openTestDatabase()` is PGlite in the first test run and PostgreSQL in the
 * second (TEST_DATABASE_URL), and the other side of each round trip is a fresh PGlite: in the PostgreSQL run these
 * are cross-kind restores in both directions.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import * as tar from "tar";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import { seedDemo } from "../demo/seed-demo";
import { createBackup } from "./backup";
import { BackupError, type TBackupManifest } from "./backup-format";
import { migrateDatabase, openDatabase, type Database } from "./database";
import { applyMigrationsInTransaction, listAppliedMigrations, readMigrations, type Migration } from "./migrations";
import { queryRows } from "./raw-query";
import { restoreBackup } from "./restore";
import { apiTokens, attachments, auditLog, clients, passwordResets, sessions, users } from "./schema";
import { readTableCatalog } from "./table-catalog";

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), "jiaofu-backup-test-"));
let tempCounter = 0;
const tempDir = () => {
  const dir = path.join(tempRoot, String(tempCounter++));
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

const openDatabases: Database[] = [];
async function track(database: Promise<Database>): Promise<Database> {
  const opened = await database;
  openDatabases.push(opened);
  return opened;
}
/** A fresh in-memory PGlite that has never been migrated. */
const freshPglite = () => track(openDatabase({ kind: "pglite", dataDir: undefined }));

/** Every table's rows as JSON text (in UTC, sorted): equal snapshots mean equal data. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const result: Record<string, string[]> = {};
    for (const table of await readTableCatalog(tx)) {
      const rows = await queryRows<{ j: string }>(tx, sql.raw(`select row_to_json(t)::text as j from "${table.name}" t order by 1`));
      result[table.name] = rows.map((row) => row.j);
    }
    return result;
  });
}

function readTree(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const absolute = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, absolute)] = createHash("sha256").update(fs.readFileSync(absolute)).digest("hex");
    }
  }
  return files;
}

/** The demo workspace plus a row in every other table, odd values included, and three attachment files. */
async function fillSource(database: Database, attachmentsDir: string): Promise<void> {
  await seedDemo(database.db, "zh-CN", new Date("2025-03-01T08:00:00Z"));
  const [pm] = await database.db.select().from(users).where(sql`${users.email} = 'pm@demo.test'`);
  if (!pm) throw new Error("demo pm missing");
  const files = [
    { key: `${pm.workspaceId}/2025/03/规格书 v2.pdf`, bytes: randomBytes(300_000) },
    { key: `${pm.workspaceId}/2025/03/empty.txt`, bytes: Buffer.alloc(0) },
    { key: `${pm.workspaceId}/${"long-directory-name-".repeat(6)}/photo.jpg`, bytes: randomBytes(1000) },
  ];
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(attachmentsDir, file.key)), { recursive: true });
    fs.writeFileSync(path.join(attachmentsDir, file.key), file.bytes);
    await database.db.insert(attachments).values({
      workspaceId: pm.workspaceId,
      entityType: "project",
      entityId: pm.id,
      uploaderId: pm.id,
      fileName: path.basename(file.key),
      contentType: "application/octet-stream",
      size: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      storageKey: file.key,
    });
  }
  await database.db.insert(sessions).values({ idHash: "h1", userId: pm.id, csrfToken: "c", expiresAt: new Date("2030-01-01T00:00:00.123Z") });
  await database.db.insert(apiTokens).values({ userId: pm.id, name: "CI 'token' \"x\"", prefix: "jf_abc", tokenHash: "t1" });
  await database.db.insert(passwordResets).values({ userId: pm.id, tokenHash: "r1", expiresAt: new Date("2030-01-01T00:00:00Z") });
  await database.db
    .insert(clients)
    .values({ workspaceId: pm.workspaceId, name: "Line\nbreaks\tand \\ backslashes", notes: "emoji 🚀 and 中文 and \u0001 control" });
  // Raw SQL: a number too big for a JS double must survive the round trip exactly.
  await database.db.execute(
    sql`insert into audit_log (workspace_id, entity_type, entity_id, action, before)
        values (${pm.workspaceId}, 'client', ${pm.id}, 'update', '{"nested": {"list": [1, 2.50, "3"], "big": 12345678901234567890123, "text": "a\\nb"}}'::jsonb)`,
  );
}

afterEach(async () => {
  for (const database of openDatabases.splice(0)) await database.close();
});
afterAll(() => {
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

describe("createBackup and restoreBackup", () => {
  let source: Database;
  let sourceAttachments = "";
  let backupFile = "";
  let manifest: TBackupManifest;
  let expected: Record<string, string[]>;

  beforeAll(async () => {
    source = await openTestDatabase();
    sourceAttachments = path.join(tempDir(), "attachments");
    await fillSource(source, sourceAttachments);
    backupFile = path.join(tempDir(), "backup.tar.gz");
    manifest = (await createBackup(source, { file: backupFile, attachmentsDir: sourceAttachments })).manifest;
    expected = await snapshot(source);
  });
  afterAll(async () => {
    await source.close();
  });

  it("writes a manifest with every table's row count and every attachment's hash", async () => {
    expect(manifest.database.kind).toBe(source.kind);
    expect(manifest.database.migrations).toHaveLength(readMigrations().length);
    const counts = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    for (const [table, rows] of Object.entries(expected)) expect(counts[table], table).toBe(rows.length);
    expect(manifest.attachments.map((a) => a.path).sort()).toEqual(Object.keys(readTree(sourceAttachments)).sort());
    // Parents come before the tables that reference them.
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf("workspaces")).toBeLessThan(order.indexOf("users"));
    expect(order.indexOf("users")).toBeLessThan(order.indexOf("projects"));
    expect(order.indexOf("projects")).toBeLessThan(order.indexOf("project_members"));
  });

  it("restores into a fresh database with identical rows and attachment bytes", async () => {
    const target = await freshPglite();
    const dataDir = tempDir();
    const summary = await restoreBackup(target, { file: backupFile, attachmentsDir: path.join(dataDir, "attachments"), workDir: dataDir });
    expect(summary.migrationsApplied).toEqual([]);
    expect(await snapshot(target)).toEqual(expected);
    expect(readTree(path.join(dataDir, "attachments"))).toEqual(readTree(sourceAttachments));
    expect(fs.readdirSync(dataDir)).toEqual(["attachments"]);
    expect(await listAppliedMigrations(target.db)).toEqual(await listAppliedMigrations(source.db));

    // Sequences continue after the restored ids.
    const [maxId] = await queryRows<{ max: string }>(target.db, sql`select max(id)::text as max from audit_log`);
    const [inserted] = await target.db
      .insert(auditLog)
      .values({ workspaceId: randomUuid(), entityType: "x", entityId: randomUuid(), action: "x" })
      .returning({ id: auditLog.id });
    expect(inserted?.id).toBeGreaterThan(Number(maxId?.max));
  });

  it("restores a fresh PGlite's backup into the test database (the other kind in the PostgreSQL run)", async () => {
    const pglite = await freshPglite();
    await migrateDatabase(pglite);
    const pgliteAttachments = path.join(tempDir(), "attachments");
    await fillSource(pglite, pgliteAttachments);
    const file = path.join(tempDir(), "pglite.tar.gz");
    await createBackup(pglite, { file, attachmentsDir: pgliteAttachments });

    const target = await track(openTestDatabase());
    const dataDir = tempDir();
    await restoreBackup(target, { file, attachmentsDir: path.join(dataDir, "attachments"), workDir: dataDir });
    expect(await snapshot(target)).toEqual(await snapshot(pglite));
    expect(readTree(path.join(dataDir, "attachments"))).toEqual(readTree(pgliteAttachments));
  });

  it("refuses a database with data, and replaces it with force", async () => {
    const target = await freshPglite();
    await migrateDatabase(target);
    await seedDemo(target.db, "en");
    const dataDir = tempDir();
    const options = { file: backupFile, attachmentsDir: path.join(dataDir, "attachments"), workDir: dataDir };
    await expect(restoreBackup(target, options)).rejects.toMatchObject({ code: "not_empty" });
    const summary = await restoreBackup(target, { ...options, force: true });
    expect(summary.replaced).toBe(true);
    expect(await snapshot(target)).toEqual(expected);
  });

  it("refuses an attachments directory with files", async () => {
    const target = await freshPglite();
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, "attachments", "x"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "attachments", "x", "old.bin"), "old");
    const options = { file: backupFile, attachmentsDir: path.join(dataDir, "attachments"), workDir: dataDir };
    await expect(restoreBackup(target, options)).rejects.toMatchObject({ code: "not_empty" });
    await restoreBackup(target, { ...options, force: true });
    expect(readTree(path.join(dataDir, "attachments"))).toEqual(readTree(sourceAttachments));
  });

  it("is all or nothing: a row-count mismatch rolls everything back", async () => {
    const tampered = await rewriteBackup(backupFile, (dir) => {
      const manifestPath = path.join(dir, "manifest.json");
      const data = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as TBackupManifest;
      const users = data.tables.find((t) => t.name === "users");
      if (users) users.rows += 1;
      fs.writeFileSync(manifestPath, JSON.stringify(data));
    });
    const target = await freshPglite();
    await migrateDatabase(target);
    await seedDemo(target.db, "en");
    const before = await snapshot(target);
    const dataDir = tempDir();
    const error = await restoreBackup(target, { file: tampered, attachmentsDir: path.join(dataDir, "attachments"), workDir: dataDir, force: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect(error).toMatchObject({ code: "verification_failed" });
    expect(await snapshot(target)).toEqual(before);
    expect(fs.existsSync(path.join(dataDir, "attachments"))).toBe(false);
  });

  it("rejects a backup whose files do not match the manifest, before touching the database", async () => {
    const tampered = await rewriteBackup(backupFile, (dir) => {
      const file = manifest.tables.find((t) => t.name === "clients")?.file ?? "";
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      fs.writeFileSync(path.join(dir, file), text.replace("华东制造集团", "华东制造集圑"));
    });
    const target = await freshPglite();
    const dataDir = tempDir();
    await expect(restoreBackup(target, { file: tampered, attachmentsDir: path.join(dataDir, "attachments"), workDir: dataDir })).rejects.toMatchObject({
      code: "corrupt",
    });
    expect(await listAppliedMigrations(target.db)).toEqual([]);
  });

  it("rejects a file that is not a backup", async () => {
    const file = path.join(tempDir(), "notes.txt");
    fs.writeFileSync(file, "hello");
    const target = await freshPglite();
    const dataDir = tempDir();
    await expect(restoreBackup(target, { file, attachmentsDir: path.join(dataDir, "attachments"), workDir: dataDir })).rejects.toMatchObject({
      code: "not_a_backup",
    });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("refuses to overwrite an existing file unless asked to", async () => {
    await expect(createBackup(source, { file: backupFile, attachmentsDir: sourceAttachments })).rejects.toMatchObject({ code: "file_exists" });
  });
});

describe("restoring across schema versions", () => {
  const current = readMigrations();
  const last = current.at(-1);
  if (!last) throw new Error("no migrations");
  /** A later migration that adds a column with a default and fills it from existing data. */
  const next: Migration = {
    tag: "9999_test_tier",
    createdAt: last.createdAt + 1000,
    hash: "test",
    statements: [
      `alter table "clients" add column "tier" text not null default 'standard'`,
      `update "clients" set "tier" = 'key' where "name" like '%华东%'`,
    ],
  };
  const newer = [...current, next];

  async function backupOfDemo(migrations: Migration[]): Promise<string> {
    const database = await freshPglite();
    await database.db.transaction((tx) => applyMigrationsInTransaction(tx, migrations));
    await seedDemo(database.db, "zh-CN");
    const file = path.join(tempDir(), "demo.tar.gz");
    await createBackup(database, { file, attachmentsDir: path.join(tempDir(), "none") });
    return file;
  }

  it("loads an older backup at its own schema, then applies the newer migrations", async () => {
    const file = await backupOfDemo(current);
    const target = await freshPglite();
    const dataDir = tempDir();
    const summary = await restoreBackup(target, { file, attachmentsDir: path.join(dataDir, "attachments"), workDir: dataDir, migrations: newer });
    expect(summary.migrationsApplied).toEqual([next.tag]);
    const tiers = await queryRows<{ name: string; tier: string }>(target.db, sql`select name, tier from clients order by name`);
    expect(tiers).toEqual([
      { name: "华东制造集团", tier: "key" },
      { name: "青禾律师事务所", tier: "standard" },
    ]);
  });

  it("restores an older backup into an empty database already at a newer schema", async () => {
    const file = await backupOfDemo(current);
    const target = await freshPglite();
    await target.db.transaction((tx) => applyMigrationsInTransaction(tx, newer));
    const dataDir = tempDir();
    await restoreBackup(target, { file, attachmentsDir: path.join(dataDir, "attachments"), workDir: dataDir, migrations: newer });
    expect(await listAppliedMigrations(target.db)).toHaveLength(newer.length);
    const [row] = await queryRows<{ count: number }>(target.db, sql`select count(*)::int as count from clients where tier = 'key'`);
    expect(row?.count).toBe(1);
  });

  it("refuses a backup made by a newer version", async () => {
    const file = await backupOfDemo(newer);
    const target = await freshPglite();
    const dataDir = tempDir();
    await expect(
      restoreBackup(target, { file, attachmentsDir: path.join(dataDir, "attachments"), workDir: dataDir, migrations: current }),
    ).rejects.toMatchObject({ code: "schema_newer" });
  });
});

function randomUuid(): string {
  return globalThis.crypto.randomUUID();
}

/** Unpacks a backup, lets `change` edit the files, and packs it again (manifest first). */
async function rewriteBackup(file: string, change: (dir: string) => void): Promise<string> {
  const dir = tempDir();
  await tar.x({ file, cwd: dir });
  change(dir);
  const out = path.join(tempDir(), "tampered.tar.gz");
  await tar.c({ gzip: true, file: out, cwd: dir }, ["manifest.json", ...fs.readdirSync(dir).filter((f) => f !== "manifest.json")]);
  return out;
}
