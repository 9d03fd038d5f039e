import { Suspense, lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TBurndown, TProject } from "@jiaofu/contracts";
import { Card, type Column, DataTable, EmptyState, LoadingBlock, Select, Spinner } from "../../ui";
import { ErrorPanel } from "../common/error-panel";
import { formatPlanDate } from "../planning/plan-format";
import { formatNumber } from "../planning/resources/resource-format";
import { latestBurn } from "./monitoring-model";
import { useBurndown } from "./monitoring.queries";

const BurndownChart = lazy(() => import("./monitoring-charts").then((m) => ({ default: m.BurndownChart })));

type Point = TBurndown["points"][number];

/** Monitoring → Burndown (`/projects/:id/monitoring/burndown`): remaining and done work of a phase or the project. */
export function BurndownView({ project }: { project: TProject }) {
  const { t, i18n } = useTranslation();
  const [phaseId, setPhaseId] = useState("");
  const query = useBurndown(project.id, phaseId);
  const hours = (value: number | null) => (value === null ? "—" : formatNumber(value, i18n.language, 1));
  const columns: Column<Point>[] = [
    { key: "date", header: t("monitoring.burndown.date"), primary: true, nowrap: true, render: (p) => formatPlanDate(p.date, i18n.language) },
    { key: "remaining", header: t("monitoring.burndown.remaining"), align: "end", nowrap: true, render: (p) => hours(p.remaining) },
    { key: "done", header: t("monitoring.burndown.done"), align: "end", nowrap: true, render: (p) => hours(p.done) },
    { key: "scope", header: t("monitoring.burndown.scope"), align: "end", nowrap: true, render: (p) => hours(p.scope) },
    { key: "ideal", header: t("monitoring.burndown.ideal"), align: "end", nowrap: true, render: (p) => hours(p.ideal) },
  ];
  const data = query.data;
  const latest = data ? latestBurn(data.points) : null;
  return (
    <div className="stack" data-testid="burndown">
      <div className="monitoring-controls">
        <label className="field monitoring-control">
          <span className="field-label">{t("monitoring.burndown.phase")}</span>
          <Select
            value={phaseId}
            onChange={(e) => setPhaseId(e.target.value)}
            data-testid="burndown-phase"
            options={[{ value: "", label: t("monitoring.burndown.wholeProject") }, ...(data?.phases ?? []).map((p) => ({ value: p.taskId, label: `${p.wbsCode} ${p.name}` }))]}
          />
        </label>
      </div>
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card>
          <div className="stack">
            <h3 className="card-title">{t("monitoring.burndown.title")}</h3>
            <p className="subtle">{t("monitoring.burndown.intro")}</p>
            {latest === null ? (
              <EmptyState icon="↘" title={t("monitoring.burndown.empty")} />
            ) : (
              <>
                <p data-testid="burndown-summary">
                  {t("monitoring.burndown.summary", { date: formatPlanDate(latest.date, i18n.language), remaining: hours(latest.remaining), done: hours(latest.done), scope: hours(latest.scope), ideal: hours(latest.ideal) })}
                </p>
                <Suspense fallback={<Spinner />}>
                  <BurndownChart data={query.data} />
                </Suspense>
                <details>
                  <summary>{t("monitoring.burndown.table")}</summary>
                  <DataTable columns={columns} rows={query.data.points} rowKey={(p) => p.date} caption={t("monitoring.burndown.table")} />
                </details>
              </>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
