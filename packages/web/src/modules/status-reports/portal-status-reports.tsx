import { useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../ui";
import { api } from "../../api";
import { formatDate } from "../../lib/format";
import { QueryContent } from "../common/query-content";
import type { TStatusReportSummary } from "@jiaofu/contracts";
import { RagBadge, ReportDimensionsTable, ReportDownloads, ReportFigures, ReportHeading, ReportText } from "./status-report-body";
import { useStatusReport, useStatusReports } from "./status-reports.queries";
import { PortalReportRating } from "../performance/report-satisfaction";
import "./status-reports.css";

/** The status reports the team published, read-only in the portal: newest first, each opened on demand. */
export function PortalStatusReports({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const list = useStatusReports(projectId);
  const rows = list.data?.items ?? [];
  // A notification's link names the report to open (`?tab=status-reports&report=<id>`).
  const [params] = useSearchParams();
  const openedId = params.get("report");
  return (
    <div className="stack">
      <p className="muted">{t("statusReports.portal.intro")}</p>
      <QueryContent query={list} isEmpty={rows.length === 0} empty={<EmptyState title={t("statusReports.portal.emptyTitle")}>{t("statusReports.portal.emptyBody")}</EmptyState>}>
        <ul className="portal-risks" data-testid="portal-status-reports">
          {rows.map((r) => (
            <PortalStatusReport key={r.id} report={r} initiallyOpen={r.id === openedId} />
          ))}
        </ul>
      </QueryContent>
    </div>
  );
}

function PortalStatusReport({ report, initiallyOpen }: { report: TStatusReportSummary; initiallyOpen: boolean }) {
  const { i18n } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <li className="portal-risk" data-testid="portal-status-report" data-key={report.key}>
      <details open={initiallyOpen} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="status-report-heading">
          <RagBadge rag={report.overall} />
          <strong>
            {report.key} {report.title}
          </strong>
          <span className="subtle">
            {formatDate(report.periodFrom, i18n.language)} – {formatDate(report.periodTo, i18n.language)}
          </span>
        </summary>
        {open ? <PortalStatusReportBody id={report.id} /> : null}
      </details>
    </li>
  );
}

function PortalStatusReportBody({ id }: { id: string }) {
  const report = useStatusReport(id);
  return (
    <QueryContent query={report} isEmpty={false} empty={null}>
      {report.data ? (
        <div className="stack">
          <div className="status-report-actions">
            <ReportHeading report={report.data} />
            <ReportDownloads report={report.data} pdfUrl={api.statusReports.pdfUrl(id)} markdownUrl={api.statusReports.markdownUrl(id)} />
          </div>
          <ReportDimensionsTable report={report.data} />
          <ReportText report={report.data} />
          <ReportFigures report={report.data} />
          <PortalReportRating reportId={id} />
        </div>
      ) : null}
    </QueryContent>
  );
}
