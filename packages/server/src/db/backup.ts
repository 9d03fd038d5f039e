/**
 * `createBackup`: the database and the attachment files in one gzipped tar (format in ./backup-format.ts).
 *
 * The rows are read in one read-only REPEATABLE READ transaction, so the dump is a consistent snapshot even while a
 * server keeps writing to PostgreSQL. The archive is written to `<file>.partial`, flushed to disk and renamed, so a
 * file at `<file>` is always a complete backup.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { WriteEntry } from "tar";
import {
  ATTACHMENTS_DIR,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  MANIFEST_FILE,
  SILENT_PROGRESS,
  tableFileName,
  type Progress,
  type TBackupManifest,
} from "./backup-format";
import type { Database, Tx } from "./database";
import { listAppliedMigrations } from "./migrations";
import { queryRows } from "./raw-query";
import { countRows, quoteIdent, readTableCatalog, type TableInfo } from "./table-catalog";

/** The version recorded in manifests: the server package's. */
export const APP_VERSION = (
  JSON.parse(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../package.json"), "utf8")) as { version: string }
).version;

const FETCH_ROWS = 1000;

export type CreateBackupOptions = {
  /** Where to write the backup. */
  file: string;
  /** `<data dir>/attachments`; a missing directory means no attachments. */
  attachmentsDir: string;
  /** Replace an existing file at `file` (default: refuse). */
  overwrite?: boolean;
  progress?: Progress;
  now?: () => Date;
};

export type BackupSummary = {
  file: string;
  /** Size of the backup file. */
  bytes: number;
  manifest: TBackupManifest;
};

export async function createBackup(database: Database, options: CreateBackupOptions): Promise<BackupSummary> {
  const progress = options.progress ?? SILENT_PROGRESS;
  const file = path.resolve(options.file);
  const partial = `${file}.partial`;
  if (!options.overwrite && fs.existsSync(file)) {
    throw new BackupError("file_exists", `${file} already exists. Choose another name, or pass --force to overwrite it.`);
  }
  const outputDir = path.dirname(file);
  if (!fs.existsSync(outputDir) || !fs.statSync(outputDir).isDirectory()) {
    throw new BackupError("output_unwritable", `Cannot write ${file}: the directory ${outputDir} does not exist.`);
  }

  const staging = await fs.promises.mkdtemp(path.join(outputDir, ".jiaofu-backup-"));
  try {
    const { tables, migrations } = await dumpDatabase(database, staging, progress);
    const attachments = await hashAttachments(options.attachmentsDir, progress);
    const manifest: TBackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: (options.now?.() ?? new Date()).toISOString(),
      appVersion: APP_VERSION,
      database: { kind: database.kind, migrations },
      tables,
      attachments: attachments.map(({ path: p, size, sha256 }) => ({ path: p, size, sha256 })),
    };
    await fs.promises.writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

    const entries = [
      { name: MANIFEST_FILE, absolute: path.join(staging, MANIFEST_FILE) },
      ...tables.map((t) => ({ name: t.file, absolute: path.join(staging, t.file) })),
      ...attachments.map((a) => ({ name: `${ATTACHMENTS_DIR}/${a.path}`, absolute: a.absolute })),
    ];
    await fs.promises.rm(partial, { force: true });
    try {
      await writeTarGz(partial, entries, progress);
      await fs.promises.rename(partial, file);
    } catch (error) {
      await fs.promises.rm(partial, { force: true });
      throw error;
    }
    return { file, bytes: fs.statSync(file).size, manifest };
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}

/** Dumps every table to `<staging>/database/NNN-<table>.jsonl` from one consistent snapshot. */
async function dumpDatabase(database: Database, staging: string, progress: Progress) {
  await fs.promises.mkdir(path.join(staging, "database"), { recursive: true });
  return database.db.transaction(
    async (tx) => {
      const migrations = await listAppliedMigrations(tx);
      if (migrations.length === 0) {
        throw new BackupError("no_database", "The database has never been migrated: there is nothing to back up.");
      }
      const catalog = await readTableCatalog(tx);
      const counts = new Map<string, number>();
      for (const table of catalog) counts.set(table.name, await countRows(tx, table.name));
      progress.begin("Dumping database", [...counts.values()].reduce((a, b) => a + b, 0), "rows");
      const tables: TBackupManifest["tables"] = [];
      for (const [index, table] of catalog.entries()) {
        const file = tableFileName(index, table.name);
        const dumped = await dumpTable(tx, table, path.join(staging, file), progress);
        tables.push({ name: table.name, file, rows: dumped.rows, bytes: dumped.bytes, sha256: dumped.sha256, columns: table.columns });
      }
      progress.end();
      return { tables, migrations };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

async function dumpTable(tx: Tx, table: TableInfo, file: string, progress: Progress) {
  const out = fs.createWriteStream(file);
  const hash = createHash("sha256");
  let rows = 0;
  let bytes = 0;
  const orderBy = table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map((c) => `t.${quoteIdent(c)}`).join(", ")}` : "";
  await tx.execute(
    sql.raw(`declare jiaofu_backup no scroll cursor for select row_to_json(t)::text as j from ${quoteIdent(table.name)} as t${orderBy}`),
  );
  try {
    for (;;) {
      const batch = await queryRows<{ j: string }>(tx, sql.raw(`fetch forward ${FETCH_ROWS} from jiaofu_backup`));
      if (batch.length === 0) break;
      // Raw line breaks in JSON text are insignificant whitespace (inside strings they are escaped), so flattening
      // them keeps one row per line without changing any value.
      const text = batch.map((row) => `${row.j.replace(/[\r\n]/g, " ")}\n`).join("");
      const chunk = Buffer.from(text, "utf8");
      hash.update(chunk);
      bytes += chunk.length;
      rows += batch.length;
      if (!out.write(chunk)) await once(out, "drain");
      progress.advance(batch.length);
    }
  } finally {
    await tx.execute(sql.raw("close jiaofu_backup"));
  }
  out.end();
  await once(out, "finish");
  return { rows, bytes, sha256: hash.digest("hex") };
}

type AttachmentFile = { path: string; absolute: string; size: number; sha256: string };

/** Every regular file under the attachments directory with its size and SHA-256, sorted by path. */
async function hashAttachments(dir: string, progress: Progress): Promise<AttachmentFile[]> {
  // `*.part` is an upload still arriving (see modules/attachments): not an attachment yet.
  const files = listFiles(dir).filter((file) => !file.path.endsWith(".part"));
  progress.begin("Reading attachments", files.reduce((sum, f) => sum + f.size, 0), "bytes");
  const result: AttachmentFile[] = [];
  for (const file of files) {
    result.push({ ...file, sha256: await sha256File(file.absolute, progress) });
  }
  progress.end();
  return result;
}

/** Regular files under `dir`, relative paths with `/`, sorted. Symbolic links are not followed. */
export function listFiles(dir: string): { path: string; absolute: string; size: number }[] {
  if (!fs.existsSync(dir)) return [];
  const found: { path: string; absolute: string; size: number }[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) {
        const absolute = path.join(dir, rel);
        found.push({ path: rel, absolute, size: fs.statSync(absolute).size });
      }
    }
  };
  walk("");
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function sha256File(file: string, progress: Progress = SILENT_PROGRESS): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    progress.advance(buffer.length);
  }
  return hash.digest("hex");
}

/** Writes a gzipped tar of `entries` (archive name → file on disk) and flushes it to disk. */
async function writeTarGz(file: string, entries: { name: string; absolute: string }[], progress: Progress): Promise<void> {
  const sizes = entries.map((e) => fs.statSync(e.absolute).size);
  progress.begin("Writing archive", sizes.reduce((a, b) => a + b, 0), "bytes");
  const gzip = zlib.createGzip();
  const written = pipeline(gzip, fs.createWriteStream(file, { flags: "wx" }));
  // Rejects when writing fails (disk full), so a wait for "drain" that would never come ends with the error instead.
  const failed = written.then(() => new Promise<never>(() => undefined));
  failed.catch(() => undefined);
  try {
    for (const [index, entry] of entries.entries()) {
      // `portable` leaves out this machine's user and group; a fresh link cache per entry stores hard links as files.
      const tarEntry = new WriteEntry(entry.name, { absolute: entry.absolute, portable: true, linkCache: new Map() });
      let remaining = sizes[index] ?? 0;
      for await (const chunk of tarEntry) {
        const buffer = chunk as Buffer;
        if (!gzip.write(buffer)) await Promise.race([once(gzip, "drain"), failed]);
        const counted = Math.min(remaining, buffer.length);
        remaining -= counted;
        progress.advance(counted);
      }
    }
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    throw error;
  }
  // A tar archive ends with two empty 512-byte blocks.
  gzip.end(Buffer.alloc(1024));
  await written;
  const handle = await fs.promises.open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  progress.end();
}
