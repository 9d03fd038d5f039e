/**
 * The dashboards' charts (recharts, loaded on demand): health distribution, SPI against CPI, a small S-curve, defects
 * by severity, tasks by board column, hours per week. Each is hidden from screen readers: the card it sits in gives
 * the same numbers as text.
 */
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { useTranslation } from "react-i18next";
import type { TPortfolio, TProjectDashboard } from "@jiaofu/contracts";
import { readChartColors } from "../../ui/chart-colors";
import { formatMoney } from "../planning/resources/resource-format";
import { healthBars, type HealthBarKey, type ScatterPoint, statusSlices } from "./dashboards-model";

const TOKENS = {
  green: "--color-success",
  amber: "--color-warning",
  red: "--color-danger",
  gray: "--color-text-muted",
  blue: "--color-primary",
  grid: "--color-border",
  text: "--color-text-muted",
} as const;
const readColors = () => readChartColors(TOKENS);
type Colors = ReturnType<typeof readColors>;

const bandColor = (c: Colors, key: HealthBarKey | null) => (key === "healthy" ? c.green : key === "watch" ? c.amber : key === "at_risk" ? c.red : c.gray);
const shortDate = (iso: string) => iso.slice(5);
/** Board columns: to do grey, in progress blue/amber, done green. */
const categoryColor = (c: Colors, category: "todo" | "in_progress" | "done", index: number) =>
  category === "done" ? c.green : category === "todo" ? c.gray : index % 2 === 0 ? c.blue : c.amber;

export function HealthDistributionChart({ summary }: { summary: TPortfolio["summary"] }) {
  const { t } = useTranslation();
  const colors = readColors();
  const rows = healthBars(summary).map((b) => ({ ...b, label: t(`dashboards.health.${b.key}`) }));
  return (
    <div className="dashboard-chart" aria-hidden="true" data-testid="portfolio-health-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="label" tick={{ fill: colors.text, fontSize: 12 }} stroke={colors.grid} interval={0} />
          <YAxis allowDecimals={false} tick={{ fill: colors.text, fontSize: 12 }} stroke={colors.grid} width={32} />
          <Tooltip cursor={{ fill: "transparent" }} />
          <Bar dataKey="count" name={t("dashboards.charts.projects")} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.key} fill={bandColor(colors, r.key)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function SpiCpiScatterChart({ points }: { points: ScatterPoint[] }) {
  const { t } = useTranslation();
  const colors = readColors();
  const tick = { fill: colors.text, fontSize: 12 };
  const values = points.flatMap((p) => [p.spi, p.cpi]);
  // Room around the outermost points so none sits on the frame; 0.6–1.4 at least, with the 1.0 lines inside.
  const lo = Math.min(0.6, ...values.map((v) => Math.floor((v - 0.05) * 10) / 10));
  const hi = Math.max(1.4, ...values.map((v) => Math.ceil((v + 0.05) * 10) / 10));
  return (
    <div className="dashboard-chart" aria-hidden="true" data-testid="portfolio-scatter-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 12, bottom: 16, left: 0 }}>
          <CartesianGrid stroke={colors.grid} />
          <XAxis type="number" dataKey="spi" name="SPI" domain={[lo, hi]} tick={tick} stroke={colors.grid} label={{ value: "SPI", position: "insideBottomRight", offset: -8, fill: colors.text, fontSize: 12 }} />
          <YAxis type="number" dataKey="cpi" name="CPI" domain={[lo, hi]} tick={tick} stroke={colors.grid} width={36} label={{ value: "CPI", angle: -90, position: "insideLeft", fill: colors.text, fontSize: 12 }} />
          <ZAxis range={[70, 70]} />
          <ReferenceLine x={1} stroke={colors.text} strokeDasharray="4 4" />
          <ReferenceLine y={1} stroke={colors.text} strokeDasharray="4 4" />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as ScatterPoint | undefined) : undefined;
              if (!p) return null;
              return (
                <div className="resource-tooltip">
                  <strong>
                    {p.code} {p.name}
                  </strong>
                  <div>{t("dashboards.charts.spiValue", { value: p.spi.toFixed(2) })}</div>
                  <div>{t("dashboards.charts.cpiValue", { value: p.cpi.toFixed(2) })}</div>
                </div>
              );
            }}
          />
          <Scatter data={points} isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.code} fill={bandColor(colors, p.band)} />
            ))}
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

export function MiniSCurveChart({ data }: { data: TProjectDashboard }) {
  const { t, i18n } = useTranslation();
  const colors = readColors();
  const tick = { fill: colors.text, fontSize: 11 };
  const compact = (value: number) => new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 }).format(value);
  return (
    <div className="dashboard-chart" aria-hidden="true" data-testid="dashboard-s-curve">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data.curve} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="asOf" tick={tick} stroke={colors.grid} tickFormatter={shortDate} minTickGap={12} />
          <YAxis tick={tick} stroke={colors.grid} width={44} tickFormatter={compact} />
          <Tooltip formatter={(value) => formatMoney(Number(value), data.currency, i18n.language)} />
          <Legend verticalAlign="top" height={24} />
          <Line name={t("dashboards.project.pv")} dataKey="pv" stroke={colors.blue} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line name={t("dashboards.project.ev")} dataKey="ev" stroke={colors.green} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line name={t("dashboards.project.ac")} dataKey="ac" stroke={colors.red} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function DefectsBySeverityChart({ data }: { data: TProjectDashboard["defectsBySeverity"] }) {
  const { t } = useTranslation();
  const colors = readColors();
  const rows = (["critical", "major", "minor", "trivial"] as const).map((s) => ({ key: s, label: t(`quality.severity.${s}`), count: data[s] }));
  const fill = { critical: colors.red, major: colors.amber, minor: colors.blue, trivial: colors.gray };
  return (
    <div className="dashboard-chart dashboard-chart-small" aria-hidden="true" data-testid="dashboard-defects-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 8 }}>
          <XAxis type="number" allowDecimals={false} tick={{ fill: colors.text, fontSize: 11 }} stroke={colors.grid} />
          <YAxis type="category" dataKey="label" tick={{ fill: colors.text, fontSize: 12 }} stroke={colors.grid} width={64} />
          <Tooltip cursor={{ fill: "transparent" }} />
          <Bar dataKey="count" name={t("dashboards.project.defects")} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.key} fill={fill[r.key]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function TaskStatusDonut({ columns }: { columns: TProjectDashboard["tasksByStatus"] }) {
  const colors = readColors();
  const slices = statusSlices(columns);
  return (
    <div className="dashboard-chart dashboard-chart-small" aria-hidden="true" data-testid="dashboard-status-donut">
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie data={slices} dataKey="count" nameKey="name" innerRadius="55%" outerRadius="85%" paddingAngle={1} isAnimationActive={false}>
            {slices.map((s, i) => (
              <Cell key={s.id} fill={categoryColor(colors, s.category, i)} />
            ))}
          </Pie>
          <Tooltip />
          <Legend verticalAlign="bottom" height={24} />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}

export function HoursPerWeekChart({ weeks }: { weeks: TProjectDashboard["hoursByWeek"] }) {
  const { t } = useTranslation();
  const colors = readColors();
  return (
    <div className="dashboard-chart dashboard-chart-small" aria-hidden="true" data-testid="dashboard-hours-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={weeks} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="weekStart" tick={{ fill: colors.text, fontSize: 11 }} stroke={colors.grid} tickFormatter={shortDate} />
          <YAxis tick={{ fill: colors.text, fontSize: 11 }} stroke={colors.grid} width={36} />
          <Tooltip cursor={{ fill: "transparent" }} />
          <Bar dataKey="hours" name={t("dashboards.project.hours")} fill={colors.blue} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
