/**
 * Approved actual cost per period (recharts, loaded on demand): the period's cost as bars, the running total as a
 * line. The table beside it carries the same numbers for screen readers.
 */
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import type { TActualCost } from "@jiaofu/contracts";
import { formatMoney } from "../planning/resources/resource-format";
import { formatHours } from "./time-format";
import { readChartColors } from "../../ui/chart-colors";

const TOKENS = { bar: "--color-primary", line: "--color-warning", grid: "--color-border", text: "--color-text-muted" } as const;

const readColors = () => readChartColors(TOKENS);

export function ActualCostChart({ cost }: { cost: TActualCost }) {
  const { t, i18n } = useTranslation();
  const colors = readColors();
  const tick = { fill: colors.text, fontSize: 12 };
  const compact = (value: number) => new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 }).format(value);
  const data = cost.periods.map((p) => ({ ...p, label: cost.interval === "month" ? p.start.slice(0, 7) : p.start.slice(5) }));
  return (
    <div className="actual-cost-chart" aria-hidden="true" data-testid="actual-cost-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="label" tick={tick} stroke={colors.grid} minTickGap={8} />
          <YAxis tick={tick} stroke={colors.grid} width={56} tickFormatter={compact} />
          <Tooltip
            cursor={{ fill: colors.grid, fillOpacity: 0.35 }}
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
              if (!p) return null;
              return (
                <div className="resource-tooltip">
                  <strong>{p.start}</strong>
                  <div>
                    {t("time.cost.perPeriod")}: {formatMoney(p.cost, cost.currency, i18n.language)} ({t("time.cost.hours", { hours: formatHours(p.minutes, i18n.language) })})
                  </div>
                  <div>
                    {t("time.cost.cumulative")}: {formatMoney(p.cumulativeCost, cost.currency, i18n.language)}
                  </div>
                </div>
              );
            }}
          />
          <Bar dataKey="cost" fill={colors.bar} fillOpacity={0.75} isAnimationActive={false} />
          <Line type="monotone" dataKey="cumulativeCost" stroke={colors.line} strokeWidth={3} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
