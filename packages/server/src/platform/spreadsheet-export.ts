/**
 * Writing a table as CSV (RFC 4180, UTF-8 with a byte order mark so Excel reads Chinese correctly) or XLSX
 * (exceljs), for the modules' exports (questionnaire responses, the requirements register).
 *
 * Spreadsheet formula injection: a user could type `=HYPERLINK(…)` into a text field. In CSV every text cell that a
 * spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) is prefixed with an
 * apostrophe; in XLSX cells are written as typed strings, never as formulas.
 */
import ExcelJS from "exceljs";

export type ExportCell = string | number;
export type ExportTable = { header: string[]; rows: ExportCell[][] };

/** A text cell a spreadsheet would take for a formula, defused with a leading apostrophe. */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(cell: ExportCell): string {
  const text = typeof cell === "number" ? String(cell) : defuseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV: CRLF between records, fields with a quote, comma or line break quoted, quotes doubled; a UTF-8 BOM
 * first.
 *
 * @example
 * tableToCsv({ header: ["a", "b"], rows: [["x,y", 3]] }) // "\uFEFFa,b\r\n\"x,y\",3\r\n"
 */
export function tableToCsv(table: ExportTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvField).join(","));
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join("")}`;
}

/** Characters Excel refuses in a sheet name, and its 31-character limit. */
const sheetName = (title: string, fallback: string) => [...title.replace(/[[\]:*?/\\]/g, " ").trim()].slice(0, 31).join("") || fallback;

/** One sheet, header row bold and frozen; `widths[i]` for column i (default 24). */
export async function tableToXlsx(table: ExportTable, title: string, options: { widths?: readonly number[]; fallbackSheetName?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Jiaofu";
  const sheet = workbook.addWorksheet(sheetName(title, options.fallbackSheetName ?? "Sheet1"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = options.widths?.[i] ?? 24;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * `attachment; filename="<fallback>"; filename*=UTF-8''<name>` (RFC 6266 / RFC 5987): an ASCII fallback, then the
 * real name percent-encoded. Quotes, slashes and line breaks in `name` become spaces.
 */
export function attachmentDispositionHeader(fallback: string, name: string): string {
  const asciiFallback = fallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const safe = name.replace(/[\r\n"\\/]/g, " ").trim() || asciiFallback;
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
