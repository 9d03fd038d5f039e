/**
 * A status report as the contracts shape it, said in the reader's language: each dimension's rule as text. For a
 * client contact the money is nulled (the team's costs) and only the risks shared with the client are listed.
 */
import { STATUS_REPORT_DIMENSIONS, type StatusReportDimension } from "@jiaofu/engine";
import type { TLocale, TStatusReport, TStatusReportSummary } from "@jiaofu/contracts";
import { isMessageKey, translate } from "../../platform/messages";
import type { StoredStatusReportContent } from "./status-reports.generate";
import type { StatusReportRecord, StatusReportRow } from "./status-reports.repository";

export const OVERRIDE_RULE = "status_report.rule.override";
export const statusReportKey = (n: number) => `SR-${n}`;

export function presentStatusReportSummary(row: StatusReportRecord): TStatusReportSummary {
  return {
    id: row.id,
    key: statusReportKey(row.number),
    projectId: row.projectId,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    title: row.title,
    status: row.status,
    overall: row.overall,
    generatedBy: row.generatedBy,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/**
 * The text of the rule that set a dimension's colour, in `locale`. A client contact reads the risk rule without the
 * risk's key when that risk is not shared with the client (its score still explains the colour).
 */
export function ruleText(row: StatusReportRecord, dimension: StatusReportDimension, locale: TLocale, clientView: boolean): string {
  const content = row.content as StoredStatusReportContent;
  let key = row.dimensions[dimension].rule;
  const params = key === OVERRIDE_RULE ? (content.overrides[dimension] ?? {}) : (content.generated[dimension]?.rule.params ?? {});
  const named = "risk" in params ? params.risk : undefined;
  if (clientView && dimension === "risk" && typeof named === "string" && named !== "") {
    const shared = content.topRisks.some((r) => r.key === named && r.sharedWithClient);
    if (!shared && isMessageKey(`${key}_unnamed`)) key = `${key}_unnamed`;
  }
  return isMessageKey(key) ? translate(locale, key, params) : key;
}

export function presentStatusReport(row: StatusReportRow, locale: TLocale, clientView: boolean): TStatusReport {
  const stored = row.content as StoredStatusReportContent;
  const dimensions = {} as TStatusReport["dimensions"];
  for (const d of STATUS_REPORT_DIMENSIONS) {
    const dim = row.dimensions[d];
    dimensions[d] = { rag: dim.rag, ruleKey: dim.rule, ruleText: ruleText(row, d, locale, clientView), note: dim.note, generatedRag: dim.rule === OVERRIDE_RULE ? (stored.generated[d]?.rag ?? null) : null };
  }
  const ev = stored.earnedValue;
  return {
    ...presentStatusReportSummary(row),
    projectCode: row.projectCode,
    projectName: row.projectName,
    dimensions,
    content: {
      asOf: stored.asOf,
      currency: stored.currency,
      percentComplete: stored.percentComplete,
      earnedValue: clientView ? { spi: ev.spi, cpi: ev.cpi, bac: null, pv: null, ev: null, ac: null, eac: null, vac: null } : ev,
      phases: stored.phases,
      milestones: stored.milestones,
      completedInPeriod: stored.completedInPeriod,
      topRisks: stored.topRisks.filter((r) => !clientView || r.sharedWithClient).map(({ sharedWithClient: _shared, ...r }) => r),
      openChangeRequests: stored.openChangeRequests,
      defects: stored.defects,
    },
    summary: row.summary,
    nextSteps: row.nextSteps,
    createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? "" } : null,
    publishedBy: row.publishedById ? { id: row.publishedById, name: row.publishedByName ?? "" } : null,
    createdAt: row.createdAt.toISOString(),
  };
}
