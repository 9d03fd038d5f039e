/**
 * `restoreBackup`: puts a backup made by `createBackup` back, into an empty database and data directory (or, with
 * `force`, in place of what is there).
 *
 * 1. Unpack the archive into a work directory beside the attachments and check every file against the manifest
 *    (size and SHA-256) before the database is touched.
 * 2. One transaction: bring the database to the backup's schema version (dropping an empty newer schema first), load
 *    every table in dependency order, reset the sequences, compare every row count with the manifest, then apply the
 *    migrations that are newer than the backup. Any failure rolls all of it back.
 * 3. Move the unpacked attachments into place.
 */
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { sql } from "drizzle-orm";
import { Unpack, type ReadEntry } from "tar";
import { listFiles, sha256File } from "./backup";
import {
  ATTACHMENTS_DIR,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  DATABASE_DIR,
  MANIFEST_FILE,
  SILENT_PROGRESS,
  ZBackupManifest,
  type Progress,
  type TBackupManifest,
} from "./backup-format";
import type { Database, Db, Tx } from "./database";
import { applyMigrationsInTransaction, lastMigrationTime, listAppliedMigrations, readMigrations, type Migration } from "./migrations";
import { queryRows } from "./raw-query";
import { countRows, quoteIdent, readTableCatalog, type TableInfo } from "./table-catalog";

/** Rows sent to the database in one statement; a batch also closes at BATCH_BYTES. */
const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

export type RestoreBackupOptions = {
  file: string;
  /** `<data dir>/attachments`. */
  attachmentsDir: string;
  /** Where the archive is unpacked first: the data directory, so the attachments can be moved into place by rename. */
  workDir: string;
  /** Replace the data that is there instead of refusing. */
  force?: boolean;
  progress?: Progress;
  /** The migrations of this version (tests pass their own). */
  migrations?: Migration[];
};

export type RestoreSummary = {
  manifest: TBackupManifest;
  /** Migrations newer than the backup, applied after its rows were loaded. */
  migrationsApplied: string[];
  /** Whether existing data was replaced (`force`). */
  replaced: boolean;
};

export async function restoreBackup(database: Database, options: RestoreBackupOptions): Promise<RestoreSummary> {
  const progress = options.progress ?? SILENT_PROGRESS;
  const file = path.resolve(options.file);
  assertReadableFile(file);
  const migrations = options.migrations ?? readMigrations();

  // Refuse early, before spending time on unpacking; checked again inside the transaction.
  const existing = await nonEmptyTables(database.db);
  const attachmentsPresent = hasAnyFile(options.attachmentsDir);
  if (!options.force) assertEmpty(existing, attachmentsPresent ? options.attachmentsDir : undefined);

  await fs.promises.mkdir(options.workDir, { recursive: true });
  const staging = await fs.promises.mkdtemp(path.join(options.workDir, ".jiaofu-restore-"));
  try {
    await unpack(file, staging, progress);
    const manifest = readManifest(staging);
    await verifyFiles(staging, manifest, progress);
    const backupMigrations = checkSchemaVersion(manifest, migrations, progress);

    const migrationsApplied = await database.db.transaction(async (tx) =>
      loadDatabase(tx, staging, manifest, migrations, backupMigrations, options.force ?? false, progress),
    );
    await moveAttachmentsIntoPlace(path.join(staging, ATTACHMENTS_DIR), options.attachmentsDir);
    return { manifest, migrationsApplied, replaced: existing.length > 0 || attachmentsPresent };
  } finally {
    await removeWorkDir(staging, progress);
  }
}

/** Cleans up the unpacked files without hiding the error that brought us here. */
async function removeWorkDir(dir: string, progress: Progress): Promise<void> {
  try {
    // An aborted unpack may still be closing files: retry briefly.
    await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    progress.note(`Could not remove the work directory ${dir}; delete it by hand.`);
  }
}

function assertReadableFile(file: string): void {
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "permission denied";
    throw new BackupError("file_unreadable", `Cannot read ${file}: ${reason}.`);
  }
  if (!fs.statSync(file).isFile()) throw new BackupError("file_unreadable", `Cannot read ${file}: not a file.`);
}

function assertEmpty(tables: { name: string; rows: number }[], attachmentsDir: string | undefined): void {
  if (tables.length === 0 && !attachmentsDir) return;
  const what = [
    ...(tables.length > 0 ? [`the database has data (${tables.map((t) => `${t.name}: ${t.rows}`).join(", ")})`] : []),
    ...(attachmentsDir ? [`${attachmentsDir} has files`] : []),
  ];
  throw new BackupError(
    "not_empty",
    `Refusing to restore over existing data: ${what.join("; ")}. Restore into an empty data directory and database, or pass --force to replace everything.`,
  );
}

async function nonEmptyTables(db: Db | Tx): Promise<{ name: string; rows: number }[]> {
  const found: { name: string; rows: number }[] = [];
  for (const table of await readTableCatalog(db)) {
    const rows = await countRows(db, table.name);
    if (rows > 0) found.push({ name: table.name, rows });
  }
  return found;
}

function hasAnyFile(dir: string): boolean {
  if (!fs.existsSync(dir)) return false;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || hasAnyFile(path.join(dir, entry.name))) return true;
  }
  return false;
}

/** Unpacks the archive; only regular files and directories under the known top-level names are taken. */
async function unpack(file: string, staging: string, progress: Progress): Promise<void> {
  progress.begin("Unpacking backup", fs.statSync(file).size, "bytes");
  const accepted = (entryPath: string) =>
    entryPath === MANIFEST_FILE || entryPath.startsWith(`${DATABASE_DIR}/`) || entryPath.startsWith(`${ATTACHMENTS_DIR}/`);
  try {
    await new Promise<void>((resolve, reject) => {
      const extractor = new Unpack({
        cwd: staging,
        strict: true,
        preserveOwner: false,
        filter: (entryPath, entry) => {
          const type = (entry as ReadEntry).type;
          return (type === "File" || type === "OldFile" || type === "Directory") && accepted(entryPath.replace(/^\.\//, ""));
        },
      });
      extractor.on("error", reject);
      extractor.on("close", () => resolve());
      const input = fs.createReadStream(file);
      input.on("error", reject);
      input.on("data", (chunk) => progress.advance(chunk.length));
      input.pipe(extractor);
    });
  } catch (error) {
    throw new BackupError("not_a_backup", `${file} is not a readable Jiaofu backup (${(error as Error).message}).`);
  }
  progress.end();
}

function readManifest(staging: string): TBackupManifest {
  const manifestPath = path.join(staging, MANIFEST_FILE);
  if (!fs.existsSync(manifestPath)) throw new BackupError("not_a_backup", `The file is not a Jiaofu backup: it has no ${MANIFEST_FILE}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
  } catch {
    throw new BackupError("corrupt", `The backup's ${MANIFEST_FILE} is not valid JSON.`);
  }
  const header = raw as { format?: unknown; formatVersion?: unknown };
  if (header.format !== BACKUP_FORMAT) throw new BackupError("not_a_backup", "The file is not a Jiaofu backup (unknown manifest format).");
  if (typeof header.formatVersion === "number" && header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      "unsupported_format",
      `The backup uses format version ${header.formatVersion}; this version of Jiaofu reads up to ${BACKUP_FORMAT_VERSION}. Upgrade Jiaofu to restore it.`,
    );
  }
  const parsed = ZBackupManifest.safeParse(raw);
  if (!parsed.success) {
    throw new BackupError("corrupt", `The backup's ${MANIFEST_FILE} is invalid: ${parsed.error.issues[0]?.path.join(".") ?? ""} ${parsed.error.issues[0]?.message ?? ""}`.trim());
  }
  return parsed.data;
}

/** Every file the manifest lists is present with its size and hash, and there is nothing else. */
async function verifyFiles(staging: string, manifest: TBackupManifest, progress: Progress): Promise<void> {
  const expected = [
    ...manifest.tables.map((t) => ({ path: t.file, size: t.bytes, sha256: t.sha256 })),
    ...manifest.attachments.map((a) => ({ path: `${ATTACHMENTS_DIR}/${a.path}`, size: a.size, sha256: a.sha256 })),
  ];
  progress.begin("Verifying files", expected.reduce((sum, f) => sum + f.size, 0), "bytes");
  for (const entry of expected) {
    const absolute = path.join(staging, entry.path);
    if (!fs.existsSync(absolute)) throw new BackupError("corrupt", `The backup is incomplete: ${entry.path} is missing.`);
    const size = fs.statSync(absolute).size;
    if (size !== entry.size) throw new BackupError("corrupt", `The backup is damaged: ${entry.path} has ${size} bytes, the manifest says ${entry.size}.`);
    if ((await sha256File(absolute, progress)) !== entry.sha256) {
      throw new BackupError("corrupt", `The backup is damaged: ${entry.path} does not match its SHA-256 in the manifest.`);
    }
  }
  const listed = new Set(expected.map((e) => e.path));
  const extra = [DATABASE_DIR, ATTACHMENTS_DIR]
    .flatMap((dir) => listFiles(path.join(staging, dir)).map((f) => `${dir}/${f.path}`))
    .filter((p) => !listed.has(p));
  if (extra.length > 0) throw new BackupError("corrupt", `The backup holds files its manifest does not list: ${extra.slice(0, 3).join(", ")}.`);
  progress.end();
}

/** The backup's schema must be one this version knows; returns its migrations in our order. */
function checkSchemaVersion(manifest: TBackupManifest, migrations: Migration[], progress: Progress): Migration[] {
  const local = new Map(migrations.map((m) => [m.createdAt, m]));
  const result: Migration[] = [];
  for (const applied of manifest.database.migrations) {
    const known = local.get(applied.createdAt);
    if (!known) {
      throw new BackupError(
        "schema_newer",
        `The backup was made by a newer version of Jiaofu (${manifest.appVersion}; its database has a migration from ${new Date(applied.createdAt).toISOString()} this version does not know). Upgrade Jiaofu, then restore.`,
      );
    }
    if (known.hash !== applied.hash) progress.note(`Note: migration ${known.tag} differs from the one the backup's database applied.`);
    result.push(known);
  }
  return result;
}

async function loadDatabase(
  tx: Tx,
  staging: string,
  manifest: TBackupManifest,
  migrations: Migration[],
  backupMigrations: Migration[],
  force: boolean,
  progress: Progress,
): Promise<string[]> {
  const existing = await nonEmptyTables(tx);
  if (!force) assertEmpty(existing, undefined);
  const backupLevel = lastMigrationTime(backupMigrations);
  let level = lastMigrationTime(await listAppliedMigrations(tx));
  if (level > backupLevel) {
    // The database already has a newer schema than the backup (a fresh install of a newer Jiaofu, or --force):
    // start from nothing, so the backup's rows meet the schema they were written for.
    await dropSchemaObjects(tx);
    level = 0;
  } else if (existing.length > 0) {
    await tx.execute(sql.raw(`truncate table ${existing.map((t) => quoteIdent(t.name)).join(", ")} restart identity cascade`));
  }
  await applyMigrationsInTransaction(
    tx,
    migrations.filter((m) => m.createdAt > level && m.createdAt <= backupLevel),
  );

  const catalog = await readTableCatalog(tx);
  const inBackup = new Map(manifest.tables.map((t) => [t.name, t]));
  const unexpected = manifest.tables.filter((t) => !catalog.some((c) => c.name === t.name)).map((t) => t.name);
  const missing = catalog.filter((c) => !inBackup.has(c.name)).map((c) => c.name);
  if (unexpected.length > 0 || missing.length > 0) {
    throw new BackupError(
      "corrupt",
      `The backup's tables do not match its schema version (${[...unexpected.map((n) => `unexpected ${n}`), ...missing.map((n) => `missing ${n}`)].join(", ")}).`,
    );
  }

  progress.begin("Restoring database", manifest.tables.reduce((sum, t) => sum + t.rows, 0), "rows");
  for (const table of catalog) {
    const backup = inBackup.get(table.name);
    if (backup) await insertRows(tx, table, backup.columns, path.join(staging, backup.file), progress);
  }
  for (const table of catalog) {
    const backup = inBackup.get(table.name);
    if (backup && table.deferredColumns.length > 0) await setDeferredColumns(tx, table, path.join(staging, backup.file));
  }
  for (const table of catalog) {
    for (const { column, sequence } of table.sequences) {
      await tx.execute(
        sql.raw(
          `select setval(${quoteLiteral(sequence)}::regclass, coalesce((select max(${quoteIdent(column)}) from ${quoteIdent(table.name)}), 0) + 1, false)`,
        ),
      );
    }
  }
  for (const table of manifest.tables) {
    const rows = await countRows(tx, table.name);
    if (rows !== table.rows) {
      throw new BackupError("verification_failed", `Restore check failed: ${table.name} has ${rows} rows, the backup has ${table.rows}. Nothing was changed.`);
    }
  }
  progress.end();

  const newer = migrations.filter((m) => m.createdAt > backupLevel);
  await applyMigrationsInTransaction(tx, newer);
  return newer.map((m) => m.tag);
}

/** Drops everything the migrations create in `public`, and forgets them. Only used on an empty or forced database. */
async function dropSchemaObjects(tx: Tx): Promise<void> {
  const relations = await queryRows<{ name: string; kind: string }>(
    tx,
    sql`select c.relname::text as name, c.relkind::text as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S') and not c.relispartition`,
  );
  const statement = { r: "table", p: "table", v: "view", m: "materialized view", S: "sequence" } as Record<string, string>;
  for (const relation of relations) {
    await tx.execute(sql.raw(`drop ${statement[relation.kind] ?? "table"} if exists ${quoteIdent(relation.name)} cascade`));
  }
  const types = await queryRows<{ name: string }>(
    tx,
    sql`select t.typname::text as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' and t.typtype in ('e', 'd')`,
  );
  for (const type of types) await tx.execute(sql.raw(`drop type if exists ${quoteIdent(type.name)} cascade`));
  await tx.execute(sql`delete from drizzle.__drizzle_migrations`);
}

/** Reads a JSONL table file in batches of rows, each batch as the text of one JSON array. */
async function* jsonArrayBatches(file: string): AsyncGenerator<{ json: string; rows: number }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  let batch: string[] = [];
  let bytes = 0;
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    bytes += line.length;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      yield { json: `[${batch.join(",")}]`, rows: batch.length };
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield { json: `[${batch.join(",")}]`, rows: batch.length };
}

/**
 * PostgreSQL turns each JSON object back into a row of the table's own type (`json_populate_recordset`), so every
 * value is parsed by the database exactly as it was printed. Deferred columns go in as null (see `TableInfo`).
 */
async function insertRows(tx: Tx, table: TableInfo, backupColumns: string[], file: string, progress: Progress): Promise<void> {
  const columns = table.columns.filter((c) => backupColumns.includes(c));
  if (columns.length === 0) return;
  const target = columns.map(quoteIdent).join(", ");
  const source = columns.map((c) => (table.deferredColumns.includes(c) ? "null" : `s.${quoteIdent(c)}`)).join(", ");
  const statement = `insert into ${quoteIdent(table.name)} (${target}) overriding system value select ${source} from json_populate_recordset(null::${quoteIdent(table.name)}, `;
  for await (const batch of jsonArrayBatches(file)) {
    await tx.execute(sql`${sql.raw(statement)}${batch.json}::json) as s`);
    progress.advance(batch.rows);
  }
}

async function setDeferredColumns(tx: Tx, table: TableInfo, file: string): Promise<void> {
  if (table.primaryKey.length === 0) {
    throw new BackupError("corrupt", `Cannot restore ${table.name}: it references itself but has no primary key.`);
  }
  const assignments = table.deferredColumns.map((c) => `${quoteIdent(c)} = s.${quoteIdent(c)}`).join(", ");
  const match = table.primaryKey.map((c) => `t.${quoteIdent(c)} = s.${quoteIdent(c)}`).join(" and ");
  const statement = `update ${quoteIdent(table.name)} as t set ${assignments} from json_populate_recordset(null::${quoteIdent(table.name)}, `;
  for await (const batch of jsonArrayBatches(file)) {
    await tx.execute(sql`${sql.raw(statement)}${batch.json}::json) as s where ${sql.raw(match)}`);
  }
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Replaces `<data dir>/attachments` with the unpacked one (both in the data directory, so these are renames). */
async function moveAttachmentsIntoPlace(unpacked: string, attachmentsDir: string): Promise<void> {
  const previous = `${attachmentsDir}.replaced-${process.pid}-${Date.now()}`;
  const hadPrevious = fs.existsSync(attachmentsDir);
  if (hadPrevious) await fs.promises.rename(attachmentsDir, previous);
  if (fs.existsSync(unpacked)) {
    await fs.promises.mkdir(path.dirname(attachmentsDir), { recursive: true });
    try {
      await fs.promises.rename(unpacked, attachmentsDir);
    } catch (error) {
      // The attachments directory is a mount of its own: copy instead.
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
      await fs.promises.cp(unpacked, attachmentsDir, { recursive: true });
    }
  } else {
    await fs.promises.mkdir(attachmentsDir, { recursive: true });
  }
  if (hadPrevious) await fs.promises.rm(previous, { recursive: true, force: true });
}
