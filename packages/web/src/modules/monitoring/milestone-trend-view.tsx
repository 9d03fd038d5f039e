import { Suspense, lazy } from "react";
import { useTranslation } from "react-i18next";
import type { TMilestoneTrend, TProject } from "@jiaofu/contracts";
import { Card, type Column, DataTable, EmptyState, LoadingBlock, Spinner } from "../../ui";
import { ErrorPanel } from "../common/error-panel";
import { formatPlanDate } from "../planning/plan-format";
import { useMilestoneTrend } from "./monitoring.queries";

const MilestoneTrendChart = lazy(() => import("./monitoring-charts").then((m) => ({ default: m.MilestoneTrendChart })));

/** Monitoring → Milestone trend (`/projects/:id/monitoring/milestones`): each milestone's forecast per status date. */
export function MilestoneTrendView({ project }: { project: TProject }) {
  const { t, i18n } = useTranslation();
  const query = useMilestoneTrend(project.id);
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const date = (iso: string | null) => formatPlanDate(iso, i18n.language);
  const columns: Column<string>[] = [
    { key: "asOf", header: t("monitoring.trend.statusDate"), primary: true, nowrap: true, render: (asOf) => date(asOf) },
    ...data.milestones.map(
      (m): Column<string> => ({
        key: m.taskId,
        header: `${m.wbsCode} ${m.name}`,
        nowrap: true,
        render: (asOf) => date(m.points.find((p) => p.asOf === asOf)?.finish ?? null),
      }),
    ),
  ];
  return (
    <div className="stack" data-testid="milestone-trend">
      <Card>
        <div className="stack">
          <h3 className="card-title">{t("monitoring.trend.title")}</h3>
          <p className="subtle">{t("monitoring.trend.intro")}</p>
          {data.milestones.length === 0 ? (
            <EmptyState icon="◆" title={t("monitoring.trend.empty")} />
          ) : (
            <>
              <ul className="monitoring-trend-summary" data-testid="milestone-trend-summary">
                {data.milestones.map((m) => (
                  <li key={m.taskId}>{m.slipDays ? t("monitoring.trend.slip", { name: `${m.wbsCode} ${m.name}`, finish: date(m.finish), days: m.slipDays }) : t("monitoring.trend.noSlip", { name: `${m.wbsCode} ${m.name}`, finish: date(m.finish) })}</li>
                ))}
              </ul>
              <Suspense fallback={<Spinner />}>
                <MilestoneTrendChart data={data} />
              </Suspense>
              <details>
                <summary>{t("monitoring.trend.table")}</summary>
                <TrendTable data={data} columns={columns} />
              </details>
            </>
          )}
        </div>
      </Card>
    </div>
  );
}

function TrendTable({ data, columns }: { data: TMilestoneTrend; columns: Column<string>[] }) {
  const { t } = useTranslation();
  return <DataTable columns={columns} rows={data.dates} rowKey={(d) => d} caption={t("monitoring.trend.table")} />;
}
