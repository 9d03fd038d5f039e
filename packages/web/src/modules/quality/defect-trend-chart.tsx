/** The defect trend (recharts, loaded on demand): hidden from screen readers, the table beside it gives the numbers. */
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import type { TDefectTrend } from "./quality-model";
import { readChartColors } from "../../ui/chart-colors";

const TOKENS = { opened: "--color-danger", closed: "--color-success", open: "--color-primary", grid: "--color-border", text: "--color-text-muted" } as const;

export function DefectTrendChart({ data }: { data: TDefectTrend }) {
  const { t } = useTranslation();
  const colors = readChartColors(TOKENS);
  const tick = { fill: colors.text, fontSize: 12 };
  return (
    <div className="monitoring-chart" aria-hidden="true" data-testid="defect-trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data.weeks} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="weekStart" tick={tick} stroke={colors.grid} tickFormatter={(iso: string) => iso.slice(5)} minTickGap={12} />
          <YAxis tick={tick} stroke={colors.grid} width={32} allowDecimals={false} />
          <Tooltip />
          <Legend verticalAlign="top" height={28} />
          <Bar name={t("quality.trend.opened")} dataKey="opened" fill={colors.opened} isAnimationActive={false} />
          <Bar name={t("quality.trend.closed")} dataKey="closed" fill={colors.closed} isAnimationActive={false} />
          <Line name={t("quality.trend.open")} type="monotone" dataKey="open" stroke={colors.open} strokeWidth={2} dot isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
