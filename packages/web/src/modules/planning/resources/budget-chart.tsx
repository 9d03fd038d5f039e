/**
 * The planned value curve (recharts, loaded on demand): planned cost per week or month as bars and the cumulative
 * planned cost as a line. The table beside it carries the same numbers for screen readers.
 */
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import type { TPlanBudget } from "@jiaofu/contracts";
import { formatMoney } from "./resource-format";
import { readChartColors } from "../../../ui/chart-colors";

const TOKENS = { bar: "--color-primary", line: "--color-warning", grid: "--color-border", text: "--color-text-muted" } as const;

const readColors = () => readChartColors(TOKENS);

/** Short axis labels: a month as 2026-10, a week by its Monday (10-12). */
export const periodLabel = (from: string, interval: TPlanBudget["interval"]) => (interval === "month" ? from.slice(0, 7) : from.slice(5));

export function BudgetChart({ budget }: { budget: TPlanBudget }) {
  const { t, i18n } = useTranslation();
  const colors = readColors();
  const tick = { fill: colors.text, fontSize: 12 };
  const compact = (value: number) => new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 }).format(value);
  const data = budget.periods.map((p) => ({ ...p, label: periodLabel(p.from, budget.interval) }));
  return (
    <div className="budget-chart" aria-hidden="true" data-testid="budget-chart">
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
                  <strong>
                    {p.from} – {p.to}
                  </strong>
                  <div>
                    {t("planResources.budget.perPeriod")}: {formatMoney(p.cost, budget.currency, i18n.language)}
                  </div>
                  <div>
                    {t("planResources.budget.cumulative")}: {formatMoney(p.cumulative, budget.currency, i18n.language)}
                  </div>
                </div>
              );
            }}
          />
          <Bar dataKey="cost" fill={colors.bar} fillOpacity={0.75} isAnimationActive={false} />
          <Line type="monotone" dataKey="cumulative" stroke={colors.line} strokeWidth={3} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
