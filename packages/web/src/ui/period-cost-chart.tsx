/**
 * Cost per period as bars with the running total as a line (recharts): the plan's budget (planned value) and the
 * approved actual cost draw with it. Import it from a lazily loaded module, not from the ui index, so recharts stays
 * out of the main bundle. `aria-hidden`: the table beside each chart carries the same numbers for screen readers.
 */
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import { readChartColors } from "./chart-colors";

const TOKENS = { bar: "--color-primary", line: "--color-warning", grid: "--color-border", text: "--color-text-muted" } as const;

export type PeriodCostPoint = {
  /** The axis label (short: 2026-10, or a week's Monday as 10-12). */
  label: string;
  /** The tooltip's heading (the period in full). */
  title: string;
  /** The period's cost, and the sentence the tooltip says of it. */
  cost: number;
  costText: string;
  /** The running total, and its sentence. */
  cumulative: number;
  cumulativeText: string;
};

/** Short axis labels: a month as 2026-10, a week by its Monday (10-12). */
export const periodAxisLabel = (start: string, interval: "week" | "month") => (interval === "month" ? start.slice(0, 7) : start.slice(5));

export function PeriodCostChart({ points, className, testId }: { points: PeriodCostPoint[]; className: string; testId: string }) {
  const { i18n } = useTranslation();
  const colors = readChartColors(TOKENS);
  const tick = { fill: colors.text, fontSize: 12 };
  const compact = (value: number) => new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 }).format(value);
  return (
    <div className={className} aria-hidden="true" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="label" tick={tick} stroke={colors.grid} minTickGap={8} />
          <YAxis tick={tick} stroke={colors.grid} width={56} tickFormatter={compact} />
          <Tooltip
            cursor={{ fill: colors.grid, fillOpacity: 0.35 }}
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as PeriodCostPoint | undefined) : undefined;
              if (!p) return null;
              return (
                <div className="resource-tooltip">
                  <strong>{p.title}</strong>
                  <div>{p.costText}</div>
                  <div>{p.cumulativeText}</div>
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
