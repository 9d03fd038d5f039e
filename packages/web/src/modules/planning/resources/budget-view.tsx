import { Suspense, lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TMe, TPlanBudget, TPlanBudgetInterval, TProject } from "@jiaofu/contracts";
import { Button, Card, type Column, DataTable, EmptyState, LoadingBlock, Spinner } from "../../../ui";
import { ErrorPanel } from "../../common/error-panel";
import { formatPlanDate } from "../plan-format";
import { planPermissions } from "../plan-permissions";
import { usePlanBudget } from "../plan-resources.queries";
import { formatMoney, formatNumber } from "./resource-format";
import "./resources.css";

const BudgetChart = lazy(() => import("./budget-chart").then((m) => ({ default: m.BudgetChart })));

type Phase = TPlanBudget["phases"][number];
type Period = TPlanBudget["periods"][number];

/**
 * The Budget tab of Planning (`/projects/:id/planning/budget`): the planned cost in total, by phase, and over time —
 * per week or month with the cumulative planned value (PV) curve that monitoring will measure against.
 */
export function PlanBudgetView({ project, me }: { project: TProject; me: TMe }) {
  const { t, i18n } = useTranslation();
  const can = planPermissions(me, project);
  const [interval, setBudgetInterval] = useState<TPlanBudgetInterval>("month");
  const budget = usePlanBudget(project.id, interval);
  if (!can.internal) {
    return (
      <Card>
        <EmptyState icon="¥" title={t("planResources.teamOnly")} />
      </Card>
    );
  }
  if (budget.isPending) return <LoadingBlock />;
  if (budget.isError) return <ErrorPanel error={budget.error} onRetry={() => void budget.refetch()} />;
  const data = budget.data;
  const money = (amount: number) => formatMoney(amount, data.currency, i18n.language);
  const share = (cost: number) => (data.totalCost > 0 ? new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 }).format(cost / data.totalCost) : "—");

  const phaseColumns: Column<Phase>[] = [
    {
      key: "name",
      header: t("planResources.budget.phase"),
      primary: true,
      render: (p) => (
        <span>
          <span className="mono">{p.wbsCode}</span> {p.kind === "summary" ? <strong>{p.name}</strong> : p.name}
        </span>
      ),
    },
    { key: "start", header: t("planResources.budget.start"), nowrap: true, render: (p) => formatPlanDate(p.start, i18n.language) },
    { key: "finish", header: t("planResources.budget.finishCol"), nowrap: true, render: (p) => formatPlanDate(p.finish, i18n.language) },
    { key: "work", header: t("planResources.budget.work"), align: "end", nowrap: true, render: (p) => t("planResources.budget.hours", { value: formatNumber(p.workHours, i18n.language) }) },
    { key: "cost", header: t("planResources.budget.cost"), align: "end", nowrap: true, render: (p) => money(p.cost) },
    { key: "share", header: t("planResources.budget.share"), align: "end", nowrap: true, render: (p) => share(p.cost) },
  ];
  const periodColumns: Column<Period>[] = [
    { key: "period", header: t("planResources.budget.periodCol"), primary: true, nowrap: true, render: (p) => `${formatPlanDate(p.from, i18n.language)} – ${formatPlanDate(p.to, i18n.language)}` },
    { key: "cost", header: t("planResources.budget.perPeriod"), align: "end", nowrap: true, render: (p) => money(p.cost) },
    { key: "cumulative", header: t("planResources.budget.cumulative"), align: "end", nowrap: true, render: (p) => money(p.cumulative) },
  ];

  return (
    <div className="stack plan-budget" data-testid="plan-budget">
      <p className="subtle">{t("planResources.budget.intro")}</p>
      <div className="budget-totals">
        <div className="budget-total" data-testid="budget-total">
          <span className="budget-total-label">{t("planResources.budget.total")}</span>
          <span className="budget-total-value">{money(data.totalCost)}</span>
          {data.finish ? <span className="subtle">{t("planResources.budget.period", { date: formatPlanDate(data.finish, i18n.language) })}</span> : null}
        </div>
        <div className="budget-total">
          <span className="budget-total-label">{t("planResources.budget.resourceCost")}</span>
          <span className="budget-total-value">{money(data.resourceCost)}</span>
        </div>
        <div className="budget-total">
          <span className="budget-total-label">{t("planResources.budget.fixedCost")}</span>
          <span className="budget-total-value">{money(data.fixedCost)}</span>
        </div>
        <div className="budget-total">
          <span className="budget-total-label">{t("planResources.budget.work")}</span>
          <span className="budget-total-value">{t("planResources.budget.hours", { value: formatNumber(data.workHours, i18n.language) })}</span>
        </div>
      </div>

      {data.totalCost === 0 ? (
        <Card>
          <EmptyState icon="¥" title={t("planResources.budget.empty")} />
        </Card>
      ) : (
        <>
          <Card>
            <div className="stack">
              <div className="budget-head">
                <h3 className="card-title">{t("planResources.budget.overTime")}</h3>
                <div className="row" role="group" aria-label={t("planResources.budget.interval")}>
                  {(["week", "month"] as const).map((i) => (
                    <Button key={i} size="sm" variant={interval === i ? "secondary" : "ghost"} aria-pressed={interval === i} onClick={() => setBudgetInterval(i)} data-testid={`budget-interval-${i}`}>
                      {t(`planResources.budget.${i}`)}
                    </Button>
                  ))}
                </div>
              </div>
              <Suspense fallback={<Spinner />}>
                <BudgetChart budget={data} />
              </Suspense>
              <ul className="resource-legend" aria-hidden="true">
                <li>
                  <span className="resource-swatch resource-swatch-bar" /> {t("planResources.budget.perPeriod")}
                </li>
                <li>
                  <span className="resource-swatch resource-swatch-line" /> {t("planResources.budget.cumulative")}
                </li>
              </ul>
              <details>
                <summary>{t("planResources.budget.tableCaption")}</summary>
                <DataTable columns={periodColumns} rows={data.periods} rowKey={(p) => p.from} caption={t("planResources.budget.tableCaption")} rowProps={() => ({ "data-testid": "budget-period-row" })} />
              </details>
            </div>
          </Card>
          <Card>
            <div className="stack">
              <h3 className="card-title">{t("planResources.budget.phases")}</h3>
              <DataTable columns={phaseColumns} rows={data.phases} rowKey={(p) => p.taskId} caption={t("planResources.budget.phases")} rowProps={(p) => ({ "data-testid": "budget-phase-row", "data-wbs": p.wbsCode })} />
            </div>
          </Card>
        </>
      )}
    </div>
  );
}
