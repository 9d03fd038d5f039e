import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../ui";
import { api } from "../../api";
import { formatDate } from "../../lib/format";
import { QueryContent } from "../common/query-content";
import type { TStatusReportSummary } from "@jiaofu/contracts";
import { RagBadge, ReportDimensionsTable, ReportDownloads, ReportFigures, ReportHeading, ReportText } from "./status-report-body";
import { useStatusReport, useStatusReports } from "./status-reports.queries";
import "./status-reports.css";

/** The status reports the team published, read-only in the portal: newest first, each opened on demand. */
export function PortalStatusReports({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const list = useStatusReports(projectId);
  const rows = list.data?.items ?? [];
  return (
    <div className="stack">
      <p className="muted">{t("statusReports.portal.intro")}</p>
      <QueryContent query={list} isEmpty={rows.length === 0} empty={<EmptyState title={t("statusReports.portal.emptyTitle")}>{t("statusReports.portal.emptyBody")}</EmptyState>}>
        <ul className="portal-risks" data-testid="portal-status-reports">
          {rows.map((r) => (
            <PortalStatusReport key={r.id} report={r} />
          ))}
        </ul>
      </QueryContent>
    </div>
  );
}

function PortalStatusReport({ report }: { report: TStatusReportSummary }) {
  const { i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li className="portal-risk" data-testid="portal-status-report" data-key={report.key}>
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
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
        </div>
      ) : null}
    </QueryContent>
  );
}
