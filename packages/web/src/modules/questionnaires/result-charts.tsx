/**
 * The results charts (recharts). This module is loaded on demand by the results page, so the chart library stays
 * out of the bundle every other page loads. Charts are pictures of numbers the page also gives as text: they are
 * hidden from screen readers, which read the tables beside them.
 */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import { npsCategoryOf } from "./results-model";

/** The theme token behind each chart colour (theme.css); SVG attributes need the values, not `var(…)`. */
const CHART_TOKENS = {
  primary: "--color-primary",
  promoter: "--color-success",
  passive: "--color-warning",
  detractor: "--color-danger",
  grid: "--color-border",
  text: "--color-text-muted",
} as const;

function readChartColors(): Record<keyof typeof CHART_TOKENS, string> {
  const style = getComputedStyle(document.documentElement);
  const entries = Object.entries(CHART_TOKENS).map(([name, token]) => [name, style.getPropertyValue(token).trim() || "currentColor"]);
  return Object.fromEntries(entries) as Record<keyof typeof CHART_TOKENS, string>;
}

/** Read once, when the charts module loads (after the theme's stylesheet). */
export const CHART_COLORS = readChartColors();

const tick = { fill: CHART_COLORS.text, fontSize: 12 };

export type ChoiceChartProps = { options: { label: string; count: number; share: number | null }[] };

/** Options as horizontal bars, the count at the end of each bar. */
export function ChoiceChart({ options }: ChoiceChartProps) {
  const height = Math.max(120, options.length * 40 + 24);
  const data = options.map((option) => ({ name: option.label, count: option.count }));
  return (
    <div className="result-chart-box" aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 36, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
          <XAxis type="number" allowDecimals={false} tick={tick} stroke={CHART_COLORS.grid} />
          <YAxis type="category" dataKey="name" width={120} tick={tick} stroke={CHART_COLORS.grid} interval={0} />
          <Tooltip cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.5 }} />
          <Bar dataKey="count" fill={CHART_COLORS.primary} radius={[0, 4, 4, 0]} maxBarSize={26} isAnimationActive={false}>
            <LabelList dataKey="count" position="right" fill={CHART_COLORS.text} fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export type DistributionChartProps = { distribution: { value: number; count: number }[]; kind: "rating" | "nps" };

/** How many chose each point of the scale (1–5, or 0–10 coloured by NPS category). */
export function DistributionChart({ distribution, kind }: DistributionChartProps) {
  const data = distribution.map((point) => ({ name: String(point.value), value: point.value, count: point.count }));
  return (
    <div className="result-chart-box" aria-hidden="true" style={{ height: 200 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 20, right: 8, bottom: 4, left: -20 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="name" tick={tick} stroke={CHART_COLORS.grid} interval={0} />
          <YAxis allowDecimals={false} tick={tick} stroke={CHART_COLORS.grid} />
          <Tooltip cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.5 }} />
          <Bar dataKey="count" radius={[4, 4, 0, 0]} maxBarSize={44} isAnimationActive={false}>
            {data.map((point) => (
              <Cell key={point.name} fill={kind === "nps" ? CHART_COLORS[npsCategoryOf(point.value)] : CHART_COLORS.primary} />
            ))}
            <LabelList dataKey="count" position="top" fill={CHART_COLORS.text} fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export type NpsBarProps = { promoters: number; passives: number; detractors: number };

/** Promoters, passives and detractors as one bar of 100%. */
export function NpsBar({ promoters, passives, detractors }: NpsBarProps) {
  const { t } = useTranslation();
  const total = promoters + passives + detractors;
  const parts = [
    { key: "detractor", label: t("questionnaires.results.detractors"), count: detractors },
    { key: "passive", label: t("questionnaires.results.passives"), count: passives },
    { key: "promoter", label: t("questionnaires.results.promoters"), count: promoters },
  ] as const;
  return (
    <div className="nps-bar" aria-hidden="true">
      {total === 0 ? (
        <div className="nps-bar-empty" />
      ) : (
        parts
          .filter((part) => part.count > 0)
          .map((part) => (
            <div key={part.key} className="nps-bar-part" style={{ flexGrow: part.count, background: CHART_COLORS[part.key] }} title={`${part.label}: ${part.count}`}>
              {Math.round((part.count / total) * 100)}%
            </div>
          ))
      )}
    </div>
  );
}
