/** The planned value curve (loaded on demand): planned cost per week or month as bars, the cumulative planned cost as a line. */
import { useTranslation } from "react-i18next";
import type { TPlanBudget } from "@jiaofu/contracts";
import { formatMoney } from "./resource-format";
import { PeriodCostChart, periodAxisLabel } from "../../../ui/period-cost-chart";

export function BudgetChart({ budget }: { budget: TPlanBudget }) {
  const { t, i18n } = useTranslation();
  const money = (value: number) => formatMoney(value, budget.currency, i18n.language);
  const points = budget.periods.map((p) => ({
    label: periodAxisLabel(p.from, budget.interval),
    title: `${p.from} – ${p.to}`,
    cost: p.cost,
    costText: `${t("planResources.budget.perPeriod")}: ${money(p.cost)}`,
    cumulative: p.cumulative,
    cumulativeText: `${t("planResources.budget.cumulative")}: ${money(p.cumulative)}`,
  }));
  return <PeriodCostChart points={points} className="budget-chart" testId="budget-chart" />;
}
