import { Suspense, lazy } from "react";
import { useTranslation } from "react-i18next";
import type { TPersonPerformance } from "@jiaofu/contracts";
import { Card, type Column, DataTable, EmptyState, Spinner } from "../../ui";
import { formatNumber } from "../planning/resources/resource-format";

const HoursChart = lazy(() => import("./performance-charts").then((m) => ({ default: m.HoursChart })));

/** Per person: planned against actual hours (chart and table), on-time completion and estimate accuracy, with the formulas. */
export function PeoplePerformance({ people }: { people: readonly TPersonPerformance[] }) {
  const { t, i18n } = useTranslation();
  const num = (value: number, digits = 1) => formatNumber(value, i18n.language, digits);
  const columns: Column<TPersonPerformance>[] = [
    { key: "person", header: t("performance.people.columns.person"), primary: true, render: (p) => <strong>{p.name}</strong> },
    { key: "planned", header: t("performance.people.columns.planned"), align: "end", nowrap: true, render: (p) => num(p.plannedHours) },
    { key: "actual", header: t("performance.people.columns.actual"), align: "end", nowrap: true, render: (p) => num(p.actualHours) },
    { key: "approved", header: t("performance.people.columns.approved"), align: "end", nowrap: true, render: (p) => <span className="subtle">{num(p.approvedHours)}</span> },
    {
      key: "variance",
      header: t("performance.people.columns.variance"),
      align: "end",
      nowrap: true,
      render: (p) => <span className={p.varianceHours < 0 ? "monitoring-negative" : undefined}>{`${p.varianceHours > 0 ? "+" : ""}${num(p.varianceHours)}`}</span>,
    },
    {
      key: "onTime",
      header: t("performance.people.columns.onTime"),
      align: "end",
      nowrap: true,
      render: (p) => (p.onTimeRate === null ? t("performance.people.noData") : t("performance.people.onTimeValue", { rate: `${num(p.onTimeRate)}%`, onTime: p.onTimeTasks, due: p.dueTasks })),
    },
    {
      key: "estimate",
      header: t("performance.people.columns.estimate"),
      align: "end",
      nowrap: true,
      render: (p) =>
        p.estimateMape === null || p.estimateRatio === null ? t("performance.people.noData") : t("performance.people.estimateValue", { mape: `${num(p.estimateMape)}%`, ratio: num(p.estimateRatio, 2) }),
    },
  ];
  return (
    <Card title={t("performance.people.title")} data-testid="performance-people">
      {people.length === 0 ? (
        <EmptyState icon="◔" title={t("performance.people.empty")} />
      ) : (
        <div className="stack">
          <h3 className="performance-subtitle">{t("performance.people.chartTitle")}</h3>
          <Suspense fallback={<Spinner />}>
            <HoursChart people={people} />
          </Suspense>
          <DataTable columns={columns} rows={[...people]} rowKey={(p) => p.personId} caption={t("performance.people.caption")} rowProps={(p) => ({ "data-testid": "performance-person", "data-person": p.name })} />
          <details className="monitoring-formulas">
            <summary>{t("performance.people.formulaTitle")}</summary>
            <dl>
              {(["planned", "actual", "onTime", "estimate"] as const).map((k) => (
                <div key={k}>
                  <dt>{t(`performance.people.columns.${k}`)}</dt>
                  <dd className="subtle">{t(`performance.people.formula.${k}`)}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
      )}
    </Card>
  );
}
