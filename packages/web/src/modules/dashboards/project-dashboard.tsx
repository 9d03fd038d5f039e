import { Suspense, lazy, type ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TProject, TProjectDashboard } from "@jiaofu/contracts";
import { Badge, Card, EmptyState, LoadingBlock, Spinner } from "../../ui";
import { ErrorPanel } from "../common/error-panel";
import { formatPlanDate } from "../planning/plan-format";
import { formatMoney, formatNumber } from "../planning/resources/resource-format";
import { indexTone } from "../monitoring/monitoring-model";
import { healthTone } from "./dashboards-model";
import { useProjectDashboard } from "./dashboards.queries";
import { SlipNote } from "./slip-note";
import "../monitoring/monitoring.css";
import "./dashboards.css";

const charts = () => import("./dashboards-charts");
const MiniSCurveChart = lazy(() => charts().then((m) => ({ default: m.MiniSCurveChart })));
const DefectsBySeverityChart = lazy(() => charts().then((m) => ({ default: m.DefectsBySeverityChart })));
const TaskStatusDonut = lazy(() => charts().then((m) => ({ default: m.TaskStatusDonut })));
const HoursPerWeekChart = lazy(() => charts().then((m) => ({ default: m.HoursPerWeekChart })));

/**
 * The team's project dashboard, at the top of the project's Overview: progress, SPI/CPI, health (managers and
 * admins), overdue count and the last report as tiles; a small S-curve, the milestones with their slip, defects by
 * severity, risks by level, tasks by board column, hours per week and the overdue tasks.
 */
export function ProjectDashboard({ project }: { project: TProject }) {
  const { t, i18n } = useTranslation();
  const query = useProjectDashboard(project.id);
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const locale = i18n.language;
  const ratio = (v: number | null) => (v === null ? "—" : formatNumber(v, locale, 2));
  const money = (v: number) => formatMoney(v, d.currency, locale);
  const latest = d.curve.at(-1);
  const totalHours = d.hoursByWeek.reduce((s, w) => s + w.hours, 0);
  const boardTasks = d.tasksByStatus.reduce((s, c) => s + c.count, 0);

  return (
    <section className="stack" aria-labelledby="project-dashboard-title" data-testid="project-dashboard">
      <h2 id="project-dashboard-title" className="visually-hidden">
        {t("dashboards.project.title")}
      </h2>
      <div className="dashboard-tiles">
        <Tile label={t("dashboards.project.progress")} value={d.percentComplete === null ? "—" : `${formatNumber(d.percentComplete, locale, 1)}%`} testId="dashboard-progress" />
        <Tile label={t("dashboards.project.spi")} value={ratio(d.spi)} tone={d.spi === null ? undefined : indexTone(d.spi)} testId="dashboard-spi" />
        <Tile label={t("dashboards.project.cpi")} value={ratio(d.cpi)} tone={d.cpi === null ? undefined : indexTone(d.cpi)} testId="dashboard-cpi" />
        {d.health ? (
          <Tile label={t("dashboards.project.health")} value={d.health.score === null ? "—" : String(d.health.score)} tone={d.health.band ? (healthTone(d.health.band) as "green" | "amber" | "red") : undefined} testId="dashboard-health">
            {d.health.band ? <Badge tone={healthTone(d.health.band)}>{t(`dashboards.health.${d.health.band}`)}</Badge> : <span className="muted">{t("dashboards.health.unscored")}</span>}
          </Tile>
        ) : null}
        <Tile label={t("dashboards.project.overdue")} value={String(d.overdueTaskCount)} tone={d.overdueTaskCount > 0 ? "red" : undefined} testId="dashboard-overdue" />
        <Tile label={t("dashboards.project.lastReport")} value={d.lastReport ? t(d.lastReport.published ? "dashboards.project.report" : "dashboards.project.reportDraft", { number: d.lastReport.number }) : "—"} testId="dashboard-report">
          {d.lastReport ? (
            <Link to={`/projects/${project.id}/monitoring/status-reports/${d.lastReport.id}`}>
              <Badge tone={d.lastReport.overall === "green" ? "green" : d.lastReport.overall === "amber" ? "amber" : "red"}>{t(`statusReports.rag.${d.lastReport.overall}`)}</Badge>
            </Link>
          ) : null}
        </Tile>
      </div>

      <div className="dashboard-grid">
        <Card>
          <div className="stack">
            <div className="dashboard-card-head">
              <h3 className="card-title">{t("dashboards.project.curve")}</h3>
              <Link to={`/projects/${project.id}/monitoring`}>{t("dashboards.project.openMonitoring")}</Link>
            </div>
            {latest ? (
              <>
                <p className="subtle">{t("dashboards.project.curveSummary", { date: formatPlanDate(latest.asOf, locale), pv: money(latest.pv), ev: money(latest.ev), ac: money(latest.ac) })}</p>
                <Suspense fallback={<Spinner />}>
                  <MiniSCurveChart data={d} />
                </Suspense>
              </>
            ) : (
              <EmptyState icon="∿" title={t("dashboards.project.curveEmpty")} />
            )}
          </div>
        </Card>
        <Card>
          <div className="stack">
            <h3 className="card-title">{t("dashboards.project.milestones")}</h3>
            <MilestoneTimeline milestones={d.milestones} locale={locale} />
          </div>
        </Card>
        <Card>
          <div className="stack">
            <h3 className="card-title">{t("dashboards.project.tasks")}</h3>
            {boardTasks === 0 ? (
              <EmptyState icon="▦" title={t("dashboards.project.tasksEmpty")} />
            ) : (
              <>
                <p className="subtle">{d.tasksByStatus.map((c) => `${c.name} ${c.count}`).join(" · ")}</p>
                <Suspense fallback={<Spinner />}>
                  <TaskStatusDonut columns={d.tasksByStatus} />
                </Suspense>
              </>
            )}
          </div>
        </Card>
        <Card>
          <div className="stack">
            <h3 className="card-title">{t("dashboards.project.defects")}</h3>
            <p className="subtle">{t("dashboards.project.defectsSummary", d.defectsBySeverity)}</p>
            <Suspense fallback={<Spinner />}>
              <DefectsBySeverityChart data={d.defectsBySeverity} />
            </Suspense>
            <h3 className="card-title">{t("dashboards.project.risks")}</h3>
            <p className="dashboard-chips" data-testid="dashboard-risks">
              {(["critical", "high", "medium", "low"] as const).map((level) => (
                <Badge key={level} tone={level === "critical" || level === "high" ? "red" : level === "medium" ? "amber" : "gray"}>
                  {t(`risks.level.${level}`)} {d.risksByLevel[level]}
                </Badge>
              ))}
            </p>
          </div>
        </Card>
        <Card>
          <div className="stack">
            <h3 className="card-title">{t("dashboards.project.hours")}</h3>
            <p className="subtle">{t("dashboards.project.hoursSummary", { total: formatNumber(totalHours, locale, 1) })}</p>
            <Suspense fallback={<Spinner />}>
              <HoursPerWeekChart weeks={d.hoursByWeek} />
            </Suspense>
          </div>
        </Card>
        <Card>
          <div className="stack" data-testid="dashboard-overdue-list">
            <h3 className="card-title">{t("dashboards.project.overdueList")}</h3>
            <OverdueList d={d} locale={locale} />
          </div>
        </Card>
      </div>
    </section>
  );
}

function Tile({ label, value, tone, testId, children }: { label: string; value: string; tone?: "green" | "amber" | "red" | "gray"; testId: string; children?: ReactNode }) {
  return (
    <div className={`monitoring-card${tone && tone !== "gray" ? ` monitoring-card-${tone}` : ""}`} data-testid={testId}>
      <span className="monitoring-card-label">{label}</span>
      <span className="monitoring-card-value" data-testid={`${testId}-value`}>
        {value}
      </span>
      {children}
    </div>
  );
}

/** Milestones in date order on a vertical line: done ticked, each with its date and its slip against the baseline. */
export function MilestoneTimeline({ milestones, locale }: { milestones: { taskId: string; name: string; date: string | null; done: boolean; slipDays?: number | null }[]; locale: string }) {
  const { t } = useTranslation();
  if (milestones.length === 0) return <EmptyState icon="◆" title={t("dashboards.project.milestonesEmpty")} />;
  return (
    <ol className="dashboard-timeline" data-testid="dashboard-milestones">
      {milestones.map((m) => (
        <li key={m.taskId} className={m.done ? "dashboard-timeline-done" : undefined}>
          <span className="dashboard-timeline-mark" aria-hidden="true">
            {m.done ? "✓" : "◆"}
          </span>
          <span className="dashboard-cell-stack">
            <span>
              {m.name} {m.done ? <span className="visually-hidden">{t("dashboards.project.done")}</span> : null}
            </span>
            <span className="subtle">
              {formatPlanDate(m.date, locale) || "—"} {m.slipDays !== undefined && !m.done ? <SlipNote days={m.slipDays} /> : null}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}

function OverdueList({ d, locale }: { d: TProjectDashboard; locale: string }) {
  const { t } = useTranslation();
  if (d.overdueTasks.length === 0) return <p className="muted">{t("dashboards.project.overdueNone")}</p>;
  return (
    <>
      <ul className="dashboard-list">
        {d.overdueTasks.map((task) => (
          <li key={task.id} data-testid="dashboard-overdue-task">
            <span>
              <span className="mono">{task.wbsCode}</span> {task.name}
            </span>
            <span className="subtle nowrap">
              {t("dashboards.project.due", { date: formatPlanDate(task.dueDate, locale) })} · <span className="dashboard-overdue">{t("dashboards.project.daysOverdue", { count: task.daysOverdue })}</span>
            </span>
          </li>
        ))}
      </ul>
      {d.overdueTaskCount > d.overdueTasks.length ? <p className="subtle">{t("dashboards.project.overdueMore", { count: d.overdueTaskCount - d.overdueTasks.length })}</p> : null}
    </>
  );
}
