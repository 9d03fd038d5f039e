import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge, Card, EmptyState, LoadingBlock } from "../../ui";
import { api } from "../../api";
import { ErrorPanel } from "../common/error-panel";
import { formatPlanDate } from "../planning/plan-format";
import { formatNumber } from "../planning/resources/resource-format";
import { useClientDashboard } from "./dashboards.queries";
import { MilestoneTimeline } from "./project-dashboard";
import "../monitoring/monitoring.css";
import "./dashboards.css";

const ragTone = (rag: "green" | "amber" | "red") => (rag === "green" ? "green" : rag === "amber" ? "amber" : "red");

/**
 * The client's project dashboard in the portal: overall and phase progress, milestone dates, the latest published
 * status report, the risks the team shares, the defects the client raised and the upcoming client meetings. The
 * server answers nothing internal (no costs, earned value, health or notes), so there is nothing here to hide.
 */
export function ClientDashboard({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const query = useClientDashboard(projectId);
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const locale = i18n.language;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="stack" aria-labelledby="client-dashboard-title" data-testid="client-dashboard">
      <h2 id="client-dashboard-title" className="card-title">
        {t("dashboards.client.title")}
      </h2>
      <div className="dashboard-grid">
        <Card>
          <div className="stack">
            <h3 className="card-title">{t("dashboards.client.progress")}</h3>
            <div className="dashboard-big" data-testid="client-dashboard-progress">
              {d.percentComplete === null ? "—" : `${formatNumber(d.percentComplete, locale, 0)}%`}
            </div>
            {d.percentComplete !== null ? <Bar percent={d.percentComplete} label={t("dashboards.client.progress")} /> : null}
            {d.phases.length > 0 ? (
              <>
                <h3 className="card-title">{t("dashboards.client.phases")}</h3>
                <ul className="dashboard-list" data-testid="client-dashboard-phases">
                  {d.phases.map((p) => (
                    <li key={p.taskId} className="dashboard-phase">
                      <span>{p.name}</span>
                      <span className="subtle nowrap">{formatNumber(p.percentComplete, locale, 0)}%</span>
                      <Bar percent={p.percentComplete} label={p.name} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        </Card>
        <Card>
          <div className="stack">
            <h3 className="card-title">{t("dashboards.client.milestones")}</h3>
            <MilestoneTimeline milestones={d.milestones} locale={locale} />
          </div>
        </Card>
        <Card>
          <div className="stack" data-testid="client-dashboard-report">
            <h3 className="card-title">{t("dashboards.client.report")}</h3>
            {d.latestReport ? (
              <>
                <p>
                  <Badge tone={ragTone(d.latestReport.overall)}>{t(`dashboards.client.rag.${d.latestReport.overall}`)}</Badge> <strong>{d.latestReport.title}</strong>
                </p>
                <p className="subtle">{formatPlanDate(d.latestReport.periodTo, locale)}</p>
                <p className="dashboard-chips">
                  <Link to={`/portal/projects/${projectId}?tab=status-reports`}>{t("dashboards.client.reportOpen")}</Link>
                  <a href={api.statusReports.pdfUrl(d.latestReport.id)}>{t("dashboards.client.reportPdf")}</a>
                </p>
              </>
            ) : (
              <p className="muted">{t("dashboards.client.reportNone")}</p>
            )}
          </div>
        </Card>
        <Card>
          <div className="stack" data-testid="client-dashboard-meetings">
            <h3 className="card-title">{t("dashboards.client.meetings")}</h3>
            {d.meetings.length === 0 ? (
              <p className="muted">{t("dashboards.client.meetingsNone")}</p>
            ) : (
              <ul className="dashboard-list">
                {d.meetings.map((m) => (
                  <li key={m.id}>
                    <span>{m.title}</span>
                    <span className="subtle">
                      {dateTime.format(new Date(m.startsAt))} · {t(`meetings.kind.${m.kind}`)}
                      {m.location ? ` · ${m.location}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Card>
        <Card>
          <div className="stack" data-testid="client-dashboard-risks">
            <h3 className="card-title">{t("dashboards.client.risks")}</h3>
            {d.risks.length === 0 ? (
              <p className="muted">{t("dashboards.client.risksNone")}</p>
            ) : (
              <ul className="dashboard-list">
                {d.risks.map((r) => (
                  <li key={r.id}>
                    <span>
                      <span className="mono">{r.key}</span> {r.title}
                    </span>
                    <span className="dashboard-chips">
                      <Badge tone={r.level === "critical" || r.level === "high" ? "red" : r.level === "medium" ? "amber" : "gray"}>{t(`risks.level.${r.level}`)}</Badge>
                      <span className="subtle">{t(`risks.status.${r.status}`)}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Card>
        <Card>
          <div className="stack" data-testid="client-dashboard-defects">
            <h3 className="card-title">{t("dashboards.client.defects")}</h3>
            {d.defects.length === 0 ? (
              <EmptyState icon="✓" title={t("dashboards.client.defectsNone")} />
            ) : (
              <ul className="dashboard-list">
                {d.defects.map((x) => (
                  <li key={x.id}>
                    <span>
                      <span className="mono">{x.key}</span> {x.title}
                    </span>
                    <span className="dashboard-chips">
                      <Badge tone={x.severity === "critical" ? "red" : x.severity === "major" ? "amber" : "gray"}>{t(`quality.severity.${x.severity}`)}</Badge>
                      <span className="subtle">{t(`quality.status.${x.status}`)}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Card>
      </div>
    </section>
  );
}

function Bar({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, percent));
  return (
    <div className="dashboard-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value)}>
      <span style={{ width: `${value}%` }} />
    </div>
  );
}
