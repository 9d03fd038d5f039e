/** Approved actual cost per period (loaded on demand): the period's cost as bars, the running total as a line. */
import { useTranslation } from "react-i18next";
import type { TActualCost } from "@jiaofu/contracts";
import { formatMoney } from "../planning/resources/resource-format";
import { PeriodCostChart, periodAxisLabel } from "../../ui/period-cost-chart";
import { formatHours } from "./time-format";

export function ActualCostChart({ cost }: { cost: TActualCost }) {
  const { t, i18n } = useTranslation();
  const money = (value: number) => formatMoney(value, cost.currency, i18n.language);
  const points = cost.periods.map((p) => ({
    label: periodAxisLabel(p.start, cost.interval),
    title: p.start,
    cost: p.cost,
    costText: `${t("time.cost.perPeriod")}: ${money(p.cost)} (${t("time.cost.hours", { hours: formatHours(p.minutes, i18n.language) })})`,
    cumulative: p.cumulativeCost,
    cumulativeText: `${t("time.cost.cumulative")}: ${money(p.cumulativeCost)}`,
  }));
  return <PeriodCostChart points={points} className="actual-cost-chart" testId="actual-cost-chart" />;
}
