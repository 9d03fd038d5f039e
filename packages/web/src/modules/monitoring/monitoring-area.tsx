import { useTranslation } from "react-i18next";
import type { TMe, TProject } from "@jiaofu/contracts";
import { Button, Card, EmptyState, SubnavLink, useToast } from "../../ui";
import { planPermissions } from "../planning/plan-permissions";
import { BurndownView } from "./burndown-view";
import { EarnedValueView } from "./earned-value-view";
import { MilestoneTrendView } from "./milestone-trend-view";
import { useRefreshSnapshot } from "./monitoring.queries";
import { QualityView } from "../quality/quality-view";
import { StatusReportsView } from "../status-reports/status-reports-view";
import { statusReportsPath } from "../status-reports/status-reports.queries";
import { PerformanceView } from "../performance/performance-view";
import { performancePermissions } from "../performance/performance-permissions";
import "./monitoring.css";

/** What the Monitoring area shows, from its address. */
export type MonitoringAreaView = { kind: "earned-value" } | { kind: "burndown" } | { kind: "milestones" } | { kind: "status-reports"; reportId?: string } | { kind: "quality" } | { kind: "performance" };

export const monitoringPath = (projectId: string) => `/projects/${projectId}/monitoring`;
export const burndownPath = (projectId: string) => `/projects/${projectId}/monitoring/burndown`;
export const milestoneTrendPath = (projectId: string) => `/projects/${projectId}/monitoring/milestones`;
export const qualityPath = (projectId: string) => `/projects/${projectId}/monitoring/quality`;
export const performancePath = (projectId: string) => `/projects/${projectId}/monitoring/performance`;

/**
 * The Monitoring area of a project (docs/monitoring.md): earned value with the S-curve, burndown/burnup and the
 * milestone trend — the team's figures (a client contact gets a notice; the server refuses them too).
 */
export function MonitoringArea({ project, me, view }: { project: TProject; me: TMe; view: MonitoringAreaView }) {
  const { t } = useTranslation();
  const can = planPermissions(me, project);
  const refresh = useRefreshSnapshot(project.id);
  const toast = useToast();
  if (!can.internal) {
    return (
      <Card>
        <EmptyState icon="∿" title={t("monitoring.teamOnly")} />
      </Card>
    );
  }
  const tab = (kind: MonitoringAreaView["kind"], to: string, label: string, testId: string) => (
    <SubnavLink to={to} active={view.kind === kind} testId={testId}>
      {label}
    </SubnavLink>
  );
  return (
    <div className="stack">
      <div className="monitoring-head">
        <nav className="subnav" aria-label={t("monitoring.subnav.label")}>
          {tab("earned-value", monitoringPath(project.id), t("monitoring.subnav.earnedValue"), "earned-value-tab")}
          {tab("burndown", burndownPath(project.id), t("monitoring.subnav.burndown"), "burndown-tab")}
          {tab("milestones", milestoneTrendPath(project.id), t("monitoring.subnav.milestones"), "milestone-trend-tab")}
          {tab("quality", qualityPath(project.id), t("quality.tab"), "quality-tab")}
          {tab("status-reports", statusReportsPath(project.id), t("statusReports.tab"), "status-reports-tab")}
          {performancePermissions(me, project).read ? tab("performance", performancePath(project.id), t("performance.tab"), "performance-tab") : null}
        </nav>
        {can.edit ? (
          <Button
            size="sm"
            variant="ghost"
            disabled={refresh.isPending}
            data-testid="monitoring-refresh"
            onClick={() => refresh.mutate(undefined, { onSuccess: () => toast.show(t("monitoring.refreshed"), "success") })}
          >
            {t("monitoring.refresh")}
          </Button>
        ) : null}
      </div>
      {view.kind === "earned-value" ? (
        <EarnedValueView project={project} />
      ) : view.kind === "burndown" ? (
        <BurndownView project={project} />
      ) : view.kind === "status-reports" ? (
        <StatusReportsView project={project} me={me} reportId={view.reportId} />
      ) : view.kind === "quality" ? (
        <QualityView project={project} me={me} />
      ) : view.kind === "performance" ? (
        <PerformanceView project={project} me={me} />
      ) : (
        <MilestoneTrendView project={project} />
      )}
    </div>
  );
}
