/**
 * The Jiaofu backup file: one gzipped tar holding
 *
 *   manifest.json                     what is inside (`ZBackupManifest`), written first
 *   database/NNN-<table>.jsonl        one file per table, in insert order; one `row_to_json` object per line
 *   attachments/<storage key>         the files under `<data dir>/attachments`, byte for byte
 *
 * The rows are a logical dump made by PostgreSQL's own `row_to_json` and loaded back with `json_populate_recordset`,
 * so values round-trip exactly (timestamps with their offset, numerics and jsonb as written) and a backup made on
 * PGlite restores into PostgreSQL and the other way round. See docs/cli.md, "Backup format".
 */
import { z } from "zod";

export const BACKUP_FORMAT = "jiaofu-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";
export const DATABASE_DIR = "database";
export const ATTACHMENTS_DIR = "attachments";

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A relative path with `/` separators that cannot climb out of the directory it is unpacked in. */
const ZSafeRelativePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.startsWith("/") && !p.includes("\\") && !p.includes("\0") && p.split("/").every((part) => part !== "" && part !== "." && part !== ".."), {
    message: "unsafe path",
  });

export const ZBackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  appVersion: z.string(),
  database: z.object({
    kind: z.enum(["pglite", "postgres"]),
    /** The migrations applied to the database when it was backed up: its schema version. */
    migrations: z.array(z.object({ createdAt: z.number().int(), hash: z.string() })),
  }),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      file: ZSafeRelativePath,
      rows: z.number().int().min(0),
      bytes: z.number().int().min(0),
      sha256: ZSha256,
      columns: z.array(z.string()),
    }),
  ),
  attachments: z.array(z.object({ path: ZSafeRelativePath, size: z.number().int().min(0), sha256: ZSha256 })),
});
export type TBackupManifest = z.infer<typeof ZBackupManifest>;

export type BackupErrorCode =
  | "file_exists"
  | "file_unreadable"
  | "output_unwritable"
  | "not_a_backup"
  | "unsupported_format"
  | "corrupt"
  | "schema_newer"
  | "no_database"
  | "not_empty"
  | "verification_failed";

/** An expected failure of backup or restore; `message` is written for the person running the command. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BackupError";
  }
}

export type ProgressUnit = "rows" | "bytes" | "files";

/**
 * How backup and restore report progress: a sequence of steps, each with a known total. The CLI draws a bar on a
 * terminal and prints plain lines otherwise; tests pass `SILENT_PROGRESS`.
 */
export type Progress = {
  begin: (step: string, total: number, unit: ProgressUnit) => void;
  advance: (amount: number) => void;
  end: () => void;
  /** A one-off line of information (a table restored, a warning). */
  note: (message: string) => void;
};

export const SILENT_PROGRESS: Progress = { begin: () => undefined, advance: () => undefined, end: () => undefined, note: () => undefined };

/** `database/003-users.jsonl`: the number keeps `ls` in insert order. */
export function tableFileName(index: number, table: string): string {
  const safe = table.replace(/[^A-Za-z0-9_.-]/g, "_");
  return `${DATABASE_DIR}/${String(index).padStart(3, "0")}-${safe}.jsonl`;
}
