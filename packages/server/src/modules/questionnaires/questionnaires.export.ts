/**
 * Exporting responses: one row per response, one column per question, as CSV (RFC 4180, UTF-8 with a byte order
 * mark so Excel reads Chinese correctly) or XLSX (exceljs).
 *
 * Spreadsheet formula injection: a public respondent could type `=HYPERLINK(…)` as an answer. In CSV every text
 * cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) is prefixed
 * with an apostrophe; in XLSX cells are written as typed strings, never as formulas.
 */
import ExcelJS from "exceljs";
import type { TLocale, TQuestionnaireDefinition } from "@jiaofu/contracts";
import { translate } from "../../platform/messages";

export type ExportCell = string | number;
export type ExportTable = { header: string[]; rows: ExportCell[][] };

export type ExportResponse = {
  id: string;
  submittedAt: Date;
  channel: "portal" | "public";
  respondentName: string | null;
  answers: Readonly<Record<string, string | readonly string[] | number>>;
};

/** The table of responses; the respondent column is left out of anonymous questionnaires. */
export function responsesTable(definition: TQuestionnaireDefinition, responses: readonly ExportResponse[], opts: { anonymous: boolean; locale: TLocale }): ExportTable {
  const questions = definition.sections.flatMap((s) => s.questions);
  const t = (key: Parameters<typeof translate>[1]) => translate(opts.locale, key);
  const header = [t("export.response"), t("export.submitted_at"), t("export.channel"), ...(opts.anonymous ? [] : [t("export.respondent")]), ...questions.map((q) => q.text)];
  const rows = responses.map((r) => [
    r.id,
    r.submittedAt.toISOString(),
    t(r.channel === "portal" ? "export.channel_portal" : "export.channel_public"),
    ...(opts.anonymous ? [] : [r.respondentName ?? ""]),
    ...questions.map((q): ExportCell => {
      const value = Object.hasOwn(r.answers, q.id) ? r.answers[q.id] : undefined;
      if (value === undefined) return "";
      switch (q.kind) {
        case "single_choice":
        case "multiple_choice": {
          const picked = Array.isArray(value) ? value : [value];
          return picked.map((id) => q.options.find((o) => o.id === id)?.label ?? String(id)).join("; ");
        }
        case "rating":
        case "nps":
          return typeof value === "number" ? value : "";
        case "free_text":
          return typeof value === "string" ? value : "";
      }
    }),
  ]);
  return { header, rows };
}

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
const sheetName = (title: string) => [...title.replace(/[[\]:*?/\\]/g, " ").trim()].slice(0, 31).join("") || "Responses";

export async function tableToXlsx(table: ExportTable, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Jiaofu";
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 38 : i === 1 ? 26 : 24;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `attachment; filename="questionnaire-<id>.csv"; filename*=UTF-8''<title>.csv`: ASCII fallback, then the real name. */
export function attachmentDisposition(id: string, title: string, extension: "csv" | "xlsx"): string {
  const safe = title.replace(/[\r\n"\\/]/g, " ").trim() || `questionnaire-${id}`;
  return `attachment; filename="questionnaire-${id}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${safe}.${extension}`)}`;
}
