/**
 * A resource's load histogram (recharts, loaded on demand): a bar per day or week with the units assigned — red where
 * the resource is over-allocated — and its capacity as a step line. A picture of what the summary sentence beside it
 * says: hidden from screen readers.
 */
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import { formatPlanDate } from "../plan-format";
import { formatNumber } from "./resource-format";
import { readChartColors } from "../../../ui/chart-colors";

/** The theme tokens behind the chart (theme.css); SVG attributes need the values, not `var(…)`. */
const TOKENS = { bar: "--color-primary", over: "--color-danger", capacity: "--color-text", grid: "--color-border", text: "--color-text-muted" } as const;

const readColors = () => readChartColors(TOKENS);

/** One bar: a day (or the week starting on `date`), its peak units and capacity. */
export type LoadBar = { date: string; units: number; capacity: number | null; overAllocated: boolean };

export type LoadHistogramChartProps = { bars: readonly LoadBar[]; showCapacity: boolean };

export function LoadHistogramChart({ bars, showCapacity }: LoadHistogramChartProps) {
  const { t, i18n } = useTranslation();
  const colors = readColors();
  const tick = { fill: colors.text, fontSize: 12 };
  return (
    <div className="resource-histogram-chart" aria-hidden="true" data-testid="resource-histogram-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={[...bars]} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} barCategoryGap="12%">
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="date" tick={tick} stroke={colors.grid} tickFormatter={(date: string) => date.slice(5)} minTickGap={12} />
          <YAxis tick={tick} stroke={colors.grid} width={40} allowDecimals tickFormatter={(value: number) => formatNumber(value, i18n.language)} />
          <Tooltip
            cursor={{ fill: colors.grid, fillOpacity: 0.35 }}
            content={({ active, payload }) => {
              const bar = active ? (payload?.[0]?.payload as LoadBar | undefined) : undefined;
              if (!bar) return null;
              return (
                <div className="resource-tooltip">
                  <strong>{formatPlanDate(bar.date, i18n.language)}</strong>
                  <div>
                    {t("planResources.histogram.units")}: {formatNumber(bar.units, i18n.language, 3)}
                  </div>
                  {showCapacity && bar.capacity !== null ? (
                    <div>
                      {t("planResources.histogram.capacity")}: {formatNumber(bar.capacity, i18n.language, 3)}
                    </div>
                  ) : null}
                  {bar.overAllocated ? <div className="resource-text-danger">{t("planResources.histogram.over")}</div> : null}
                </div>
              );
            }}
          />
          <Bar dataKey="units" isAnimationActive={false}>
            {bars.map((bar) => (
              <Cell key={bar.date} fill={bar.overAllocated ? colors.over : colors.bar} data-over={bar.overAllocated ? "true" : "false"} />
            ))}
          </Bar>
          {showCapacity ? <Line type="stepAfter" dataKey="capacity" stroke={colors.capacity} strokeDasharray="5 4" strokeWidth={2} dot={false} isAnimationActive={false} /> : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
