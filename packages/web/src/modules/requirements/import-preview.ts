/**
 * What the import dialog shows of a preview: which columns get a column in the table, which rows a filter and a
 * page hold, and where each cell's problems are. Pure, so it is tested without a browser.
 */
import type { TRequirementImportColumn, TRequirementImportIssue, TRequirementImportPreview, TRequirementImportRow } from "@jiaofu/contracts";

/** Rows per page of the preview table: a few screens of a dialog, however long the file. */
export const IMPORT_PREVIEW_PAGE_SIZE = 50;

/**
 * The columns shown in the table, in the file's order: every imported column, and the key (its warnings say that a
 * key names an existing requirement). Status and "updated at" are read but not imported, so they are only listed.
 */
export function previewTableColumns(columns: readonly TRequirementImportColumn[]): TRequirementImportColumn[] {
  return columns.filter((c) => c.field !== null && (c.imported || c.field === "key"));
}

export const rowHasProblems = (row: TRequirementImportRow) => row.errors.length > 0 || row.warnings.length > 0;

/** One page of rows, of all of them or only those with problems; `page` is clamped to the pages there are. */
export function previewPage(preview: TRequirementImportPreview, options: { onlyProblems: boolean; page: number }) {
  const rows = options.onlyProblems ? preview.rows.filter(rowHasProblems) : preview.rows;
  const pages = Math.max(1, Math.ceil(rows.length / IMPORT_PREVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(0, options.page), pages - 1);
  const start = page * IMPORT_PREVIEW_PAGE_SIZE;
  const items = rows.slice(start, start + IMPORT_PREVIEW_PAGE_SIZE);
  return { items, page, pages, total: rows.length, from: items.length > 0 ? start + 1 : 0, to: start + items.length };
}

/** The errors and warnings of one cell (`field`), or of the row as a whole (`null`). */
export function cellIssues(row: TRequirementImportRow, field: TRequirementImportIssue["field"]) {
  return { errors: row.errors.filter((e) => e.field === field), warnings: row.warnings.filter((w) => w.field === field) };
}

/** The preview inside a refused import's error (400 with `details.preview`), if there is one. */
export function previewOfImportError(details: unknown): TRequirementImportPreview | null {
  if (!details || typeof details !== "object" || !("preview" in details)) return null;
  const preview = (details as { preview: unknown }).preview;
  return preview && typeof preview === "object" && "rows" in preview && Array.isArray((preview as { rows: unknown }).rows) ? (preview as TRequirementImportPreview) : null;
}
