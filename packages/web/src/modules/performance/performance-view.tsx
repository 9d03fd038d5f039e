import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TMe, TProject } from "@jiaofu/contracts";
import { Card, EmptyState, LoadingBlock } from "../../ui";
import { ErrorPanel } from "../common/error-panel";
import { HealthScoreCard } from "./health-score-card";
import { PeoplePerformance } from "./people-performance";
import { PeriodPicker } from "./period-picker";
import { type PerformancePeriod, presetPeriod, todayIso } from "./performance-model";
import { performancePermissions } from "./performance-permissions";
import { useProjectPerformance } from "./performance.queries";
import "./performance.css";

/**
 * Monitoring → Performance (`/projects/:id/monitoring/performance`): the health score with its formula and the people's
 * figures over a period. The project's managers and admins only (others get the not-allowed state; the API 403).
 */
export function PerformanceView({ project, me }: { project: TProject; me: TMe }) {
  const { t } = useTranslation();
  if (!performancePermissions(me, project).read) {
    return (
      <Card>
        <div data-testid="performance-not-allowed">
          <EmptyState icon="⊘" title={t("performance.managersOnly")} />
        </div>
      </Card>
    );
  }
  return <AllowedPerformanceView project={project} />;
}

function AllowedPerformanceView({ project }: { project: TProject }) {
  const [period, setPeriod] = useState<PerformancePeriod>(() => presetPeriod("last30", todayIso()));
  const query = useProjectPerformance(project.id, period);
  return (
    <div className="stack" data-testid="performance">
      <PeriodPicker value={period} onChange={setPeriod} />
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className={query.isPlaceholderData ? "stack performance-stale" : "stack"}>
          <HealthScoreCard health={query.data.health} />
          <PeoplePerformance people={query.data.people} />
        </div>
      )}
    </div>
  );
}
