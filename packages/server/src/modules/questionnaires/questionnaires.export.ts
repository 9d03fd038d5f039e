/**
 * Exporting responses: one row per response, one column per question. The CSV/XLSX writing (BOM, RFC 4180 quoting,
 * formula defusing — a public respondent could type `=HYPERLINK(…)` as an answer) is platform/spreadsheet-export.ts.
 */
import type { TLocale, TQuestionnaireDefinition } from "@jiaofu/contracts";
import { translate } from "../../platform/messages";
import { tableToXlsx, type ExportCell, type ExportTable } from "../../platform/spreadsheet-export";

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

export async function responsesToXlsx(table: ExportTable, title: string): Promise<Buffer> {
  return tableToXlsx(table, title, { widths: [38, 26], fallbackSheetName: "Responses" });
}

/** `attachment; filename="questionnaire-<id>.csv"; filename*=UTF-8''<title>.csv`: ASCII fallback, then the real name. */
export function attachmentDisposition(id: string, title: string, extension: "csv" | "xlsx"): string {
  const safe = title.replace(/[\r\n"\\/]/g, " ").trim() || `questionnaire-${id}`;
  return `attachment; filename="questionnaire-${id}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${safe}.${extension}`)}`;
}
