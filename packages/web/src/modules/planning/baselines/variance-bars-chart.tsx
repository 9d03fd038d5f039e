/**
 * Variance bars (recharts, loaded on demand so the chart library stays out of the plan page's bundle): per task the
 * baseline bar and the current bar on one axis of working days from the plan's start. A picture of what the table
 * beside it gives in numbers: hidden from screen readers, which read the table.
 */
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { planWbsCompare, type PlanVarianceRow } from "@jiaofu/engine";
import { formatPlanDate } from "../plan-format";
import { formatVariance } from "./plan-variance-model";
import { readChartColors } from "../../../ui/chart-colors";

/** The theme tokens behind the bars (theme.css); SVG attributes need the values, not `var(…)`. */
const TOKENS = { baseline: "--color-border-strong", late: "--color-warning", early: "--color-success", same: "--color-primary", grid: "--color-border", text: "--color-text-muted" } as const;

const readColors = () => readChartColors(TOKENS);
const COLORS = readColors();
const tick = { fill: COLORS.text, fontSize: 12 };
/** Milestones have no length: drawn as a sliver so they still show. */
const MILESTONE_WIDTH = 0.15;
const ROW_HEIGHT = 34;

/** Below this width the task labels get a narrower column, so the bars keep most of a phone's screen. */
const NARROW = "(max-width: 640px)";
const subscribeNarrow = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};
const isNarrow = () => window.matchMedia(NARROW).matches;

/**
 * `label` cut to about `width` Latin characters, a Chinese character counting as two (it is twice as wide), so a
 * label fits its column on one line: recharts would otherwise wrap it at spaces, or not at all in Chinese.
 */
function truncateLabel(label: string, width: number): string {
  let used = 0;
  for (let i = 0; i < label.length; i++) {
    used += /[\u2e80-\uffff]/.test(label.charAt(i)) ? 2 : 1;
    if (used > width) return `${label.slice(0, i)}…`;
  }
  return label;
}

type Datum = { label: string; baseline: [number, number]; current: [number, number]; finishVariance: number; row: PlanVarianceRow };

const span = (start: number | null | undefined, finish: number | null | undefined): [number, number] => {
  const from = start ?? 0;
  const to = finish ?? from;
  return [from, Math.max(to, from + MILESTONE_WIDTH)];
};

export type VarianceBarsChartProps = { rows: readonly PlanVarianceRow[] };

export function VarianceBarsChart({ rows }: VarianceBarsChartProps) {
  const { t, i18n } = useTranslation();
  const data: Datum[] = [...rows].sort((a, b) => planWbsCompare(a.wbsCode, b.wbsCode)).map((row) => ({
    label: `${row.wbsCode} ${row.name}`,
    baseline: span(row.baseline?.startDay, row.baseline?.finishDay),
    current: span(row.current?.startDay, row.current?.finishDay),
    finishVariance: row.finishVarianceDays ?? 0,
    row,
  }));
  const narrow = useSyncExternalStore(subscribeNarrow, isNarrow);
  const labelWidth = narrow ? 104 : 180;
  const truncate = (label: string) => truncateLabel(label, Math.floor(labelWidth / 8));
  const ends = data.flatMap((datum) => [...datum.baseline, ...datum.current]);
  const domain = [Math.floor(Math.min(...ends)), Math.ceil(Math.max(...ends))];
  const legend = [
    { key: "baseline", label: t("planBaselines.chart.baseline"), color: COLORS.baseline },
    { key: "late", label: t("planBaselines.chart.slipped"), color: COLORS.late },
    { key: "early", label: t("planBaselines.chart.ahead"), color: COLORS.early },
    { key: "same", label: t("planBaselines.chart.onTime"), color: COLORS.same },
  ];
  return (
    <div aria-hidden="true" data-testid="variance-chart">
      <div className="variance-chart" style={{ height: data.length * ROW_HEIGHT + 48 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} barGap={1} barCategoryGap="18%">
            <CartesianGrid horizontal={false} stroke={COLORS.grid} />
            <XAxis type="number" domain={domain} tick={tick} stroke={COLORS.grid} allowDecimals={false} label={{ value: t("planBaselines.chart.axis"), position: "insideBottomRight", offset: -2, fill: COLORS.text, fontSize: 12 }} height={40} />
            <YAxis type="category" dataKey="label" width={labelWidth} tick={tick} tickFormatter={truncate} stroke={COLORS.grid} interval={0} />
            <Tooltip
              cursor={{ fill: COLORS.grid, fillOpacity: 0.35 }}
              content={({ active, payload }) => {
                const datum = active ? (payload?.[0]?.payload as Datum | undefined) : undefined;
                if (!datum) return null;
                const { row } = datum;
                return (
                  <div className="variance-tooltip">
                    <strong>{datum.label}</strong>
                    <div>
                      {t("planBaselines.chart.baseline")}: {formatPlanDate(row.baseline?.start, i18n.language)} – {formatPlanDate(row.baseline?.finish, i18n.language)}
                    </div>
                    <div>
                      {t("planBaselines.chart.current")}: {formatPlanDate(row.current?.start, i18n.language)} – {formatPlanDate(row.current?.finish, i18n.language)}
                    </div>
                    <div>
                      {t("planBaselines.columns.finishVariance")}: {t("planBaselines.days", { value: formatVariance(row.finishVarianceDays, i18n.language) })}
                    </div>
                  </div>
                );
              }}
            />
            <Bar dataKey="baseline" name={t("planBaselines.chart.baseline")} fill={COLORS.baseline} isAnimationActive={false} />
            <Bar dataKey="current" name={t("planBaselines.chart.current")} fill={COLORS.same} isAnimationActive={false}>
              {data.map((datum) => (
                <Cell key={datum.row.taskId} fill={datum.finishVariance > 0 ? COLORS.late : datum.finishVariance < 0 ? COLORS.early : COLORS.same} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="variance-legend">
        {legend.map((item) => (
          <li key={item.key}>
            <span className="variance-swatch" style={{ background: item.color }} />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
