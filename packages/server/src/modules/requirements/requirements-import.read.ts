/**
 * Reading an uploaded spreadsheet into rows of text, before anything is known about requirements: which format it
 * is, how CSV text is encoded and delimited, and the cell values of an XLSX sheet as text. No database, no clock.
 *
 * - CSV: a byte order mark decides the encoding (UTF-8, UTF-16 LE/BE); without one, bytes that are valid UTF-8 are
 *   UTF-8, and anything else is read as GB18030 — what Excel on Chinese Windows writes ("CSV (逗号分隔)"), a superset
 *   of GBK and GB2312. Chinese text in GBK is almost never valid UTF-8 (its byte pairs rarely form UTF-8 sequences),
 *   so the strict UTF-8 attempt is a reliable test. The delimiter is the one of `,` `;` tab found most often in the
 *   header line (Excel writes `;` in some regions and tabs in "Unicode text"). Parsing is csv-parse's (RFC 4180:
 *   quoted fields with line breaks, doubled quotes, CRLF or LF).
 * - XLSX: exceljs; the first worksheet with any content; each cell's value as text (rich text joined, a formula's
 *   cached result, a date as ISO 8601). Before unzipping, the archive's declared uncompressed size is checked, so a
 *   small upload cannot expand into gigabytes.
 * - Row numbers are the spreadsheet's: a CSV record (even one spanning several lines) is one row, as Excel shows it.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/** One row of the file: its number in the spreadsheet (1-based) and its cells as text. */
export type SheetRow = { rowNumber: number; cells: string[] };

export type SheetFormat = "csv" | "xlsx";

export type SheetTable = {
  format: SheetFormat;
  /** CSV only. */
  encoding: string | null;
  /** XLSX only. */
  sheetName: string | null;
  rows: SheetRow[];
};

/** Why a file could not be read at all (the service turns these into messages in the caller's language). */
export type SheetReadProblem =
  | { kind: "empty" }
  | { kind: "unsupported_format" }
  | { kind: "unreadable_xlsx" }
  | { kind: "xlsx_too_large" }
  /** `row`: the spreadsheet row where the unreadable record starts (e.g. a quote opened and never closed). */
  | { kind: "csv_malformed"; row: number };

export type SheetReadResult = { ok: true; table: SheetTable } | { ok: false; problem: SheetReadProblem };

/** An unzipped workbook may be at most this large (a ten-megabyte XLSX of text unzips to well under this). */
export const XLSX_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: an old .xls workbook, or an encrypted .xlsx. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The text of a CSV file and the encoding it was in.
 *
 * @example
 * decodeCsvBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x61])) // { text: "a", encoding: "utf-8" }
 * decodeCsvBytes(Buffer.from([0xd6, 0xd0, 0xce, 0xc4])) // { text: "中文", encoding: "gb18030" }
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** `,`, `;` or a tab: whichever appears most often outside quotes in the first non-blank line (a comma on a tie). */
export function detectCsvDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  let seenContent = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      if (seenContent) break;
    } else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    if (c.trim() !== "") seenContent = true;
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** CRLF and lone CR inside a cell become LF, so a multi-line cell reads the same from every program. */
const normaliseLineBreaks = (text: string) => text.replace(/\r\n?/g, "\n");

/** Rows of a CSV text; blank rows are dropped but keep their place in the numbering. */
export function parseCsvText(text: string): { ok: true; rows: SheetRow[] } | { ok: false; row: number } {
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectCsvDelimiter(text), record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    // csv-parse counts the records it finished; the broken one is the next.
    const done = typeof error === "object" && error !== null && "records" in error && typeof error.records === "number" ? error.records : 0;
    return { ok: false, row: done + 1 };
  }
  const rows = records.map((cells, i) => ({ rowNumber: i + 1, cells: cells.map(normaliseLineBreaks) }));
  return { ok: true, rows: rows.filter((row) => row.cells.some((cell) => cell.trim() !== "")) };
}

/**
 * The uncompressed size the ZIP archive declares (the sum over its central directory), or Infinity when the
 * directory cannot be read or uses ZIP64 (never needed by a workbook of a size we accept).
 */
export function zipDeclaredUncompressedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  for (let eocd = bytes.length - 22; eocd >= Math.max(0, bytes.length - 22 - 65_535); eocd--) {
    if (view.getUint32(eocd, true) !== 0x06054b50) continue;
    const entries = view.getUint16(eocd + 10, true);
    let offset = view.getUint32(eocd + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return Infinity;
      const size = view.getUint32(offset + 24, true);
      if (size === 0xffffffff) return Infinity;
      total += size;
      offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    return total;
  }
  return Infinity;
}

/** A cell's value as the text a person sees (formulas by their cached result; dates as ISO 8601). */
export function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) return "result" in value && value.result !== undefined ? xlsxCellText(value.result as ExcelJS.CellValue) : "";
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : xlsxCellText(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return "";
}

/** The rows of the first worksheet with any content. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetReadResult> {
  if (zipDeclaredUncompressedSize(bytes) > XLSX_MAX_UNCOMPRESSED_BYTES) return { ok: false, problem: { kind: "xlsx_too_large" } };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: { kind: "unreadable_xlsx" } };
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { ok: false, problem: { kind: "empty" } };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = normaliseLineBreaks(xlsxCellText(cell.value));
    });
    const dense = Array.from({ length: cells.length }, (_, i) => cells[i] ?? "");
    if (dense.some((cell) => cell.trim() !== "")) rows.push({ rowNumber, cells: dense });
  });
  return { ok: true, table: { format: "xlsx", encoding: null, sheetName: sheet.name, rows } };
}

/** Whether the bytes look like binary data rather than text (a NUL in the first 8 KB). */
const looksBinary = (bytes: Uint8Array) => bytes.subarray(0, 8192).includes(0);

/**
 * Reads a CSV or XLSX upload. The format is recognised from the bytes (a ZIP archive is a workbook); the file name
 * only helps to name the problem (an `.xlsx` that is not a workbook).
 */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<SheetReadResult> {
  if (bytes.length === 0) return { ok: false, problem: { kind: "empty" } };
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE) || /\.(xlsx|xlsm|xls)$/i.test(fileName)) return { ok: false, problem: { kind: "unsupported_format" } };
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && looksBinary(bytes)) return { ok: false, problem: { kind: "unsupported_format" } };
  const { text, encoding } = decodeCsvBytes(bytes);
  const parsed = parseCsvText(text);
  if (!parsed.ok) return { ok: false, problem: { kind: "csv_malformed", row: parsed.row } };
  return { ok: true, table: { format: "csv", encoding, sheetName: null, rows: parsed.rows } };
}
