import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TWorkspacePerformance } from "@jiaofu/contracts";
import { Badge, Card, type Column, DataTable, EmptyState, LoadingBlock } from "../../ui";
import { ErrorPanel } from "../common/error-panel";
import { useSignedInMe, isAdmin, isStaff } from "../auth/session";
import { PeoplePerformance } from "./people-performance";
import { PeriodPicker } from "./period-picker";
import { bandTone, type PerformancePeriod, presetPeriod, todayIso } from "./performance-model";
import { usePerformanceScope, useWorkspacePerformance } from "./performance.queries";
import "./performance.css";

type Project = TWorkspacePerformance["projects"][number];

export const performanceProjectPath = (projectId: string) => `/projects/${projectId}/monitoring/performance`;

/** `/performance`: per person across the projects the signed-in manager manages (an admin: all), with each project's health. */
export function WorkspacePerformance() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const scope = usePerformanceScope(isStaff(me) && !isAdmin(me));
  const allowed = isAdmin(me) || (isStaff(me) && (scope.data?.projects.length ?? 0) > 0);
  return (
    <div className="page stack">
      <div className="page-header">
        <div className="page-title-group">
          <h1>{t("performance.workspace.title")}</h1>
          <p className="muted">{t("performance.workspace.intro")}</p>
        </div>
      </div>
      {isStaff(me) && !isAdmin(me) && scope.isPending ? (
        <LoadingBlock />
      ) : allowed ? (
        <AllowedWorkspacePerformance />
      ) : (
        <Card>
          <div data-testid="performance-not-allowed">
            <EmptyState icon="⊘" title={t("performance.managersOnly")} />
          </div>
        </Card>
      )}
    </div>
  );
}

function AllowedWorkspacePerformance() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PerformancePeriod>(() => presetPeriod("last30", todayIso()));
  const query = useWorkspacePerformance(period);
  const columns: Column<Project>[] = [
    {
      key: "project",
      header: t("performance.workspace.projectColumns.project"),
      primary: true,
      render: (p) => (
        <Link to={performanceProjectPath(p.id)}>
          <span className="mono">{p.code}</span> {p.name}
        </Link>
      ),
    },
    {
      key: "health",
      header: t("performance.workspace.projectColumns.health"),
      align: "end",
      nowrap: true,
      render: (p) => (p.score === null ? "—" : <Badge tone={bandTone(p.band)}>{`${p.score} · ${p.band ? t(`performance.health.band.${p.band}`) : ""}`}</Badge>),
    },
  ];
  return (
    <div className="stack" data-testid="workspace-performance">
      <PeriodPicker value={period} onChange={setPeriod} />
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className={query.isPlaceholderData ? "stack performance-stale" : "stack"}>
          <PeoplePerformance people={query.data.people} />
          <Card title={t("performance.workspace.projects")} data-testid="performance-projects">
            {query.data.projects.length === 0 ? (
              <EmptyState title={t("performance.workspace.noProjects")} />
            ) : (
              <DataTable columns={columns} rows={query.data.projects} rowKey={(p) => p.id} caption={t("performance.workspace.projects")} />
            )}
          </Card>
        </div>
      )}
    </div>
  );
}
