import { z } from "zod";
import { ZId } from "./common";

/**
 * Importing requirements from a spreadsheet (CSV or XLSX, docs/requirements.md "Import"): a preview that reads the
 * file and says, row by row and column by column, what would be created and what is wrong; and the import itself,
 * which creates every row in one transaction or — if any row has an error — nothing.
 */

/** The columns the import recognises; the register's export writes all of them. */
export const REQUIREMENT_IMPORT_FIELDS = [
  "key",
  "title",
  "type",
  "status",
  "moscow",
  "clientPriority",
  "owner",
  "tags",
  "acceptanceCriteria",
  "description",
  "updatedAt",
] as const;
export const ZRequirementImportField = z.enum(REQUIREMENT_IMPORT_FIELDS);
export type TRequirementImportField = z.infer<typeof ZRequirementImportField>;

/** The columns whose values become part of the new requirements (key, status and updatedAt are read, not kept). */
export const REQUIREMENT_IMPORTED_FIELDS = ["title", "type", "moscow", "clientPriority", "owner", "tags", "acceptanceCriteria", "description"] as const satisfies readonly TRequirementImportField[];

/** At most this many requirements per file (rows below the header, blank rows not counted). */
export const REQUIREMENT_IMPORT_MAX_ROWS = 5000;
/** At most this many megabytes per file (or the server's upload limit, if lower). */
export const REQUIREMENT_IMPORT_MAX_MB = 10;

export const ZRequirementImportColumn = z
  .object({
    /** 0-based position in the header row. */
    index: z.number().int(),
    /** The spreadsheet's column letter: A, B, …, AA. */
    letter: z.string(),
    /** The header as written in the file. */
    header: z.string(),
    /** What the column was recognised as; null when it was not (it is ignored). */
    field: ZRequirementImportField.nullable(),
    /** Whether its values become part of the new requirements. */
    imported: z.boolean(),
    /** Why a column is read but not kept, or not recognised — in the caller's language; null for imported columns. */
    note: z.string().nullable(),
  })
  .meta({ id: "RequirementImportColumn" });
export type TRequirementImportColumn = z.infer<typeof ZRequirementImportColumn>;

export const ZRequirementImportIssue = z
  .object({
    /** The column the problem is in; null for the row as a whole. */
    field: ZRequirementImportField.nullable(),
    /** A stable code (the message key), for programs. */
    code: z.string(),
    /** In the caller's language. */
    message: z.string(),
  })
  .meta({ id: "RequirementImportIssue" });
export type TRequirementImportIssue = z.infer<typeof ZRequirementImportIssue>;

export const ZRequirementImportRow = z
  .object({
    /** The row's number in the spreadsheet (the header row is usually 1). */
    rowNumber: z.number().int(),
    /** Each recognised column's text as read from the file (long texts shortened for display). */
    values: z.partialRecord(ZRequirementImportField, z.string()),
    /** Any error means nothing is imported. */
    errors: z.array(ZRequirementImportIssue),
    /** The row is imported, but read this first (e.g. its key names an existing requirement). */
    warnings: z.array(ZRequirementImportIssue),
  })
  .meta({ id: "RequirementImportRow" });
export type TRequirementImportRow = z.infer<typeof ZRequirementImportRow>;

export const ZRequirementImportPreview = z
  .object({
    fileName: z.string(),
    format: z.enum(["csv", "xlsx"]),
    /** For CSV: the text encoding found (`utf-8`, `gb18030` for files saved by Excel on Chinese Windows, `utf-16le`…). */
    encoding: z.string().nullable(),
    /** For XLSX: the sheet read (the first one with any content). */
    sheetName: z.string().nullable(),
    columns: z.array(ZRequirementImportColumn),
    rows: z.array(ZRequirementImportRow),
    counts: z.object({
      /** Rows of requirements (blank rows are skipped). */
      rows: z.number().int(),
      /** Rows without errors. */
      ok: z.number().int(),
      /** Rows with at least one error. */
      withErrors: z.number().int(),
      /** Rows with at least one warning. */
      withWarnings: z.number().int(),
    }),
    limits: z.object({ maxRows: z.number().int(), maxMegabytes: z.number() }),
    /** True when there is at least one row and no row has an error. */
    canImport: z.boolean(),
  })
  .meta({ id: "RequirementImportPreview" });
export type TRequirementImportPreview = z.infer<typeof ZRequirementImportPreview>;

export const ZRequirementImportResult = z
  .object({
    fileName: z.string(),
    /** The new requirements, in the file's order. */
    created: z.array(z.object({ id: ZId, key: z.string(), title: z.string(), rowNumber: z.number().int() })),
    /**
     * The conflict and duplicate finder run over the register right after the import: how many open proposals involve
     * an imported requirement, and how many imported requirements have one. Null when the register is too large to
     * analyse on the spot (the project's analysis inbox still has them).
     */
    proposals: z.object({ total: z.number().int(), requirements: z.number().int() }).nullable(),
  })
  .meta({ id: "RequirementImportResult" });
export type TRequirementImportResult = z.infer<typeof ZRequirementImportResult>;
