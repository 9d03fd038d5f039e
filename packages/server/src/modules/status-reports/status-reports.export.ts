/**
 * A status report as Markdown and as PDF (docs/monitoring.md, "Status reports"), rendered from the report as the
 * reader may see it, in the reader's language. The PDF embeds Noto Sans SC (OFL, from `@embedpdf/fonts-sc`), subset
 * to the characters used, so Chinese text renders on any viewer without installed fonts.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import { STATUS_REPORT_DIMENSIONS } from "@jiaofu/engine";
import type { TLocale, TStatusReport } from "@jiaofu/contracts";
import { translate, type MessageKey } from "../../platform/messages";

const fontDir = join(dirname(createRequire(import.meta.url).resolve("@embedpdf/fonts-sc")), "..", "fonts");
const REGULAR_FONT = join(fontDir, "NotoSansHans-Regular.otf");
const BOLD_FONT = join(fontDir, "NotoSansHans-Bold.otf");

const RAG_COLOURS = { green: "#2e7d32", amber: "#ef8f00", red: "#c62828" } as const;

type Table = { head: string[]; rows: string[][] };

/** The report's sections as plain text tables, shared by both formats. */
function sections(report: TStatusReport, locale: TLocale) {
  const t = (key: MessageKey, params?: Record<string, unknown>) => translate(locale, key, params);
  const rag = (r: TStatusReport["overall"]) => t(`status_report.rag.${r}`);
  const num = (x: number | null) => (x === null ? "—" : String(x));
  const c = report.content;
  const dimensions: Table = {
    head: [t("status_report.export.dimension"), t("status_report.export.colour"), t("status_report.export.rule"), t("status_report.export.note")],
    rows: STATUS_REPORT_DIMENSIONS.map((d) => [t(`status_report.dimension.${d}`), rag(report.dimensions[d].rag), report.dimensions[d].ruleText, report.dimensions[d].note]),
  };
  const progress: Table = {
    head: [t("status_report.export.phase"), t("status_report.export.percent_complete"), t("status_report.export.finish")],
    rows: c.phases.map((p) => [`${p.wbsCode} ${p.name}`, `${p.progress} %`, p.finish ?? "—"]),
  };
  const milestones: Table = {
    head: [t("status_report.export.milestone"), t("status_report.export.forecast"), t("status_report.export.baseline"), t("status_report.export.slip_days")],
    rows: c.milestones.map((m) => [`${m.wbsCode} ${m.name}${m.done ? " (100 %)" : ""}`, m.finish ?? "—", m.baselineFinish ?? "—", num(m.slipDays)]),
  };
  const risks: Table = {
    head: [t("status_report.export.risk"), t("status_report.export.score"), t("status_report.export.owner")],
    rows: c.topRisks.map((r) => [`${r.key} ${r.title}`, String(r.score), r.owner ?? "—"]),
  };
  const changes: Table = {
    head: [t("status_report.export.change_request"), t("status_report.export.impact_days")],
    rows: c.openChangeRequests.map((x) => [`${x.key} ${x.title}`, num(x.impactDays)]),
  };
  const figures = [
    `${t("status_report.export.percent_complete")}: ${c.percentComplete} %`,
    `SPI: ${num(c.earnedValue.spi)}`,
    `CPI: ${num(c.earnedValue.cpi)}`,
    ...(c.earnedValue.vac === null ? [] : [`VAC: ${c.earnedValue.vac} ${c.currency}`]),
  ].join(" · ");
  const header = [
    `${t("status_report.export.period")}: ${report.periodFrom} – ${report.periodTo} · ${t("status_report.export.as_of")}: ${c.asOf}`,
    report.publishedAt
      ? t("status_report.export.published_on", { date: report.publishedAt.slice(0, 10), person: report.publishedBy?.name ?? "" })
      : t("status_report.export.status.draft"),
  ];
  return {
    t,
    title: `${report.projectCode} ${report.projectName} — ${report.key} ${report.title}`,
    header,
    overall: `${t("status_report.export.overall")}: ${rag(report.overall)}`,
    dimensions,
    figures,
    blocks: [
      { heading: t("status_report.export.progress"), table: progress },
      { heading: t("status_report.export.milestones"), table: milestones },
      { heading: t("status_report.export.top_risks"), table: risks },
      { heading: t("status_report.export.open_change_requests"), table: changes },
    ],
  };
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");

function markdownTable(table: Table, none: string): string {
  if (table.rows.length === 0) return `${none}\n`;
  return [`| ${table.head.map(cell).join(" | ")} |`, `| ${table.head.map(() => "---").join(" | ")} |`, ...table.rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n") + "\n";
}

export function statusReportMarkdown(report: TStatusReport, locale: TLocale): string {
  const s = sections(report, locale);
  const none = s.t("status_report.export.none");
  const parts = [`# ${s.title}`, s.header.join("  \n"), `**${s.overall}**`, markdownTable(s.dimensions, none), s.figures];
  parts.push(`## ${s.t("status_report.export.summary")}`, report.summary.trim() || none);
  for (const b of s.blocks) parts.push(`## ${b.heading}`, markdownTable(b.table, none));
  parts.push(`## ${s.t("status_report.export.next_steps")}`, report.nextSteps.trim() || none);
  return parts.join("\n\n").replace(/\n{3,}/g, "\n\n") + "\n";
}

/** Renders the PDF into a buffer (A4, one column; tables as aligned rows that wrap within their column). */
export function statusReportPdf(report: TStatusReport, locale: TLocale): Promise<Buffer> {
  const s = sections(report, locale);
  const none = s.t("status_report.export.none");
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: s.title, Subject: report.key }, lang: locale });
  doc.registerFont("body", REGULAR_FONT);
  doc.registerFont("bold", BOLD_FONT);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 100;
  const heading = (text: string) => {
    doc.moveDown(0.6).font("bold").fontSize(13).fillColor("#000").text(text, 50);
    doc.moveDown(0.2);
  };
  const paragraph = (text: string) => doc.font("body").fontSize(10).fillColor("#000").text(text, 50, undefined, { width });
  const table = (tbl: Table, weights: number[], colour?: (row: number, col: number) => string | undefined) => {
    if (tbl.rows.length === 0) return paragraph(none);
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w / total) * width);
    const drawRow = (cells: string[], font: string, row: number) => {
      doc.font(font).fontSize(9);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || " ", { width: (widths[i] ?? 0) - 6 }))) + 4;
      if (doc.y + height > doc.page.height - 50) doc.addPage();
      const top = doc.y;
      let x = 50;
      cells.forEach((c, i) => {
        doc.fillColor(colour?.(row, i) ?? "#000").text(c, x, top + 2, { width: (widths[i] ?? 0) - 6 });
        x += widths[i] ?? 0;
      });
      doc.moveTo(50, top + height).lineTo(50 + width, top + height).lineWidth(0.3).strokeColor("#bbb").stroke();
      doc.x = 50;
      doc.y = top + height;
    };
    drawRow(tbl.head, "bold", -1);
    tbl.rows.forEach((r, i) => drawRow(r, "body", i));
  };

  doc.font("bold").fontSize(16).fillColor("#000").text(s.title, { width });
  doc.font("body").fontSize(9).fillColor("#444").text(s.header.join("\n"), { width });
  doc.moveDown(0.5).font("bold").fontSize(13).fillColor(RAG_COLOURS[report.overall]).text(s.overall);
  doc.moveDown(0.3);
  table(s.dimensions, [1, 0.8, 3.2, 3], (row, col) => (row >= 0 && col === 1 ? RAG_COLOURS[report.dimensions[STATUS_REPORT_DIMENSIONS[row] ?? "scope"].rag] : undefined));
  doc.moveDown(0.4);
  paragraph(s.figures);
  heading(s.t("status_report.export.summary"));
  paragraph(report.summary.trim() || none);
  const weights = [[4, 1, 1.5], [4, 1.4, 1.4, 1], [4, 1, 1.5], [5, 1.2]];
  s.blocks.forEach((b, i) => {
    heading(b.heading);
    table(b.table, weights[i] ?? [1]);
  });
  heading(s.t("status_report.export.next_steps"));
  paragraph(report.nextSteps.trim() || none);
  doc.end();
  return done;
}
