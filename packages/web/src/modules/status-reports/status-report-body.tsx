import { useTranslation } from "react-i18next";
import { STATUS_REPORT_DIMENSION_KEYS, type TStatusReport } from "@jiaofu/contracts";
import { Badge, type BadgeTone } from "../../ui";
import { formatDate } from "../../lib/format";

export const RAG_TONES: Record<TStatusReport["overall"], BadgeTone> = { green: "green", amber: "amber", red: "red" };

export function RagBadge({ rag }: { rag: TStatusReport["overall"] }) {
  const { t } = useTranslation();
  return (
    <Badge tone={RAG_TONES[rag]} dot>
      {t(`statusReports.rag.${rag}`)}
    </Badge>
  );
}

export function ReportStatusBadge({ status }: { status: TStatusReport["status"] }) {
  const { t } = useTranslation();
  return <Badge tone={status === "published" ? "teal" : "gray"}>{t(`statusReports.status.${status}`)}</Badge>;
}

/** The report's download links (PDF with the Chinese font embedded, Markdown). */
export function ReportDownloads({ report, pdfUrl, markdownUrl }: { report: TStatusReport; pdfUrl: string; markdownUrl: string }) {
  const { t } = useTranslation();
  return (
    <div className="status-report-downloads">
      <a className="btn btn-ghost btn-sm" href={pdfUrl} download={`${report.projectCode}-${report.key}.pdf`} data-testid="status-report-pdf">
        {t("statusReports.downloadPdf")}
      </a>
      <a className="btn btn-ghost btn-sm" href={markdownUrl} download={`${report.projectCode}-${report.key}.md`} data-testid="status-report-markdown">
        {t("statusReports.downloadMarkdown")}
      </a>
    </div>
  );
}

/** The dimensions read-only: colour, the rule that set it, the team's note. */
export function ReportDimensionsTable({ report }: { report: TStatusReport }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table status-report-dimensions">
        <thead>
          <tr>
            <th scope="col">{t("statusReports.dimensionHeader")}</th>
            <th scope="col">{t("statusReports.colour")}</th>
            <th scope="col">{t("statusReports.rule")}</th>
            <th scope="col">{t("statusReports.note")}</th>
          </tr>
        </thead>
        <tbody>
          {STATUS_REPORT_DIMENSION_KEYS.map((d) => (
            <tr key={d} data-testid={`status-report-dimension-${d}`} data-rag={report.dimensions[d].rag}>
              <th scope="row">{t(`statusReports.dimension.${d}`)}</th>
              <td>
                <RagBadge rag={report.dimensions[d].rag} />
              </td>
              <td>{report.dimensions[d].ruleText}</td>
              <td className="pre-wrap">{report.dimensions[d].note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The figures of the report as generated: progress, earned-value indices, milestones, top risks, open change requests. */
export function ReportFigures({ report }: { report: TStatusReport }) {
  const { t, i18n } = useTranslation();
  const c = report.content;
  const none = <p className="muted">{t("statusReports.none")}</p>;
  const date = (d: string | null) => formatDate(d, i18n.language) ?? "—";
  return (
    <div className="stack">
      <section className="stack status-report-tight" aria-labelledby="sr-progress">
        <h3 id="sr-progress">{t("statusReports.progress")}</h3>
        <div className="monitoring-cards">
          <div className="monitoring-card">
            <span className="subtle">{t("statusReports.progress")}</span>
            <strong>{t("statusReports.percentComplete", { value: c.percentComplete })}</strong>
          </div>
          <div className="monitoring-card">
            <span className="subtle">{t("statusReports.spi")}</span>
            <strong>{c.earnedValue.spi ?? "—"}</strong>
          </div>
          <div className="monitoring-card">
            <span className="subtle">{t("statusReports.cpi")}</span>
            <strong>{c.earnedValue.cpi ?? "—"}</strong>
          </div>
        </div>
        {c.phases.length > 0 ? (
          <ul className="status-report-list">
            {c.phases.map((p) => (
              <li key={p.wbsCode}>
                <span className="mono subtle">{p.wbsCode}</span> {p.name} — {t("statusReports.percentComplete", { value: p.progress })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="stack status-report-tight" aria-labelledby="sr-milestones">
        <h3 id="sr-milestones">{t("statusReports.milestones")}</h3>
        {c.milestones.length === 0 ? (
          none
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("statusReports.milestones")}</th>
                  <th scope="col">{t("statusReports.forecast")}</th>
                  <th scope="col">{t("statusReports.baseline")}</th>
                  <th scope="col">{t("statusReports.slip")}</th>
                </tr>
              </thead>
              <tbody>
                {c.milestones.map((m) => (
                  <tr key={m.wbsCode}>
                    <td>
                      {m.name} {m.done ? <Badge tone="green">{t("statusReports.done")}</Badge> : null}
                    </td>
                    <td>{date(m.finish)}</td>
                    <td>{date(m.baselineFinish)}</td>
                    <td>{m.slipDays ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="stack status-report-tight" aria-labelledby="sr-risks">
        <h3 id="sr-risks">{t("statusReports.topRisks")}</h3>
        {c.topRisks.length === 0 ? (
          none
        ) : (
          <ul className="status-report-list">
            {c.topRisks.map((r) => (
              <li key={r.key}>
                <span className="mono subtle">{r.key}</span> {r.title} — {t("statusReports.score")} {r.score}
                {r.owner ? ` · ${r.owner}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="stack status-report-tight" aria-labelledby="sr-crs">
        <h3 id="sr-crs">{t("statusReports.openChangeRequests")}</h3>
        {c.openChangeRequests.length === 0 ? (
          none
        ) : (
          <ul className="status-report-list">
            {c.openChangeRequests.map((x) => (
              <li key={x.key}>
                <span className="mono subtle">{x.key}</span> {x.title}
                {x.impactDays !== null ? ` — ${t("statusReports.impactDays")} ${x.impactDays}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** Title line: key, status, overall colour, period and who published it. */
export function ReportHeading({ report }: { report: TStatusReport }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="stack status-report-tight">
      <div className="status-report-heading">
        <span className="mono subtle">{report.key}</span>
        <h2 className="status-report-title">{report.title}</h2>
        <ReportStatusBadge status={report.status} />
        <span className="subtle">{t("statusReports.overall")}</span>
        <span data-testid="status-report-overall" data-rag={report.overall}>
          <RagBadge rag={report.overall} />
        </span>
      </div>
      <p className="subtle">
        {[
          `${formatDate(report.periodFrom, i18n.language) ?? ""} – ${formatDate(report.periodTo, i18n.language) ?? ""}`,
          t("statusReports.asOf", { date: formatDate(report.content.asOf, i18n.language) ?? "" }),
          report.publishedAt ? t("statusReports.publishedOn", { date: formatDate(report.publishedAt.slice(0, 10), i18n.language) ?? "", person: report.publishedBy?.name ?? "" }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
    </div>
  );
}

/** Summary and next steps, read-only. */
export function ReportText({ report }: { report: TStatusReport }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="stack status-report-tight">
        <h3>{t("statusReports.summary")}</h3>
        <p className="pre-wrap" data-testid="status-report-summary-text">{report.summary || t("statusReports.none")}</p>
      </section>
      <section className="stack status-report-tight">
        <h3>{t("statusReports.nextSteps")}</h3>
        <p className="pre-wrap">{report.nextSteps || t("statusReports.none")}</p>
      </section>
    </>
  );
}
