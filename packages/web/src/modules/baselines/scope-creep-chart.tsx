/**
 * The scope-creep chart (recharts), loaded on demand so the chart library stays out of the bundle every other page
 * loads. A picture of numbers the card also gives as a table: hidden from screen readers, which read the table.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import { readChartColors } from "../../ui/chart-colors";

/** The theme token behind each series (theme.css); SVG attributes need the values, not `var(…)`. */
const TOKENS = { added: "--color-success", changed: "--color-warning", removed: "--color-danger", grid: "--color-border", text: "--color-text-muted" } as const;

const readColors = () => readChartColors(TOKENS);

/** Read once, when the module loads (after the theme's stylesheet). */
const COLORS = readColors();
const tick = { fill: COLORS.text, fontSize: 12 };

export type ScopeCreepChartProps = { points: { label: string; added: number; changed: number; removed: number }[] };

/** Added, changed and removed requirements per baseline (and today), stacked. */
export function ScopeCreepChart({ points }: ScopeCreepChartProps) {
  const { t } = useTranslation();
  const series = [
    { key: "added", name: t("baselines.counts.added"), color: COLORS.added },
    { key: "changed", name: t("baselines.counts.changed"), color: COLORS.changed },
    { key: "removed", name: t("baselines.counts.removed"), color: COLORS.removed },
  ] as const;
  return (
    <div className="scope-creep-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 4, left: -20 }}>
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis dataKey="label" tick={tick} stroke={COLORS.grid} interval={0} />
          <YAxis allowDecimals={false} tick={tick} stroke={COLORS.grid} />
          <Tooltip cursor={{ fill: COLORS.grid, fillOpacity: 0.4 }} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="scope" fill={s.color} maxBarSize={40} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
