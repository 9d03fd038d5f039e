/**
 * The monitoring charts (recharts, loaded on demand): the S-curve, the burndown/burnup and the milestone trend. Each
 * is hidden from screen readers: the view beside it gives the same numbers as text and in a table.
 */
import { CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import type { TBurndown, TEarnedValue, TMilestoneTrend } from "@jiaofu/contracts";
import { formatMoney } from "../planning/resources/resource-format";
import { burnRows, dayIso, milestoneTrendRows, sCurveRows, statusWeekOf } from "./monitoring-model";
import { readChartColors } from "../../ui/chart-colors";

const TOKENS = {
  pv: "--color-primary",
  ev: "--color-success",
  ac: "--color-danger",
  ideal: "--color-text-muted",
  scope: "--color-warning",
  grid: "--color-border",
  text: "--color-text-muted",
} as const;

const readColors = () => readChartColors(TOKENS);

/** Milestone lines: a fixed palette that reads on light and dark themes. */
const MILESTONE_COLORS = ["#2563eb", "#d97706", "#059669", "#db2777", "#7c3aed", "#0891b2", "#65a30d", "#dc2626"];

const shortDate = (iso: string) => iso.slice(5);

export function EarnedValueChart({ data }: { data: TEarnedValue }) {
  const { t, i18n } = useTranslation();
  const colors = readColors();
  const tick = { fill: colors.text, fontSize: 12 };
  const compact = (value: number) => new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 }).format(value);
  const money = (value: number | null) => (value === null ? "—" : formatMoney(value, data.currency, i18n.language));
  const rows = sCurveRows(data.curve);
  const statusWeek = statusWeekOf(data.curve, data.statusDate);
  return (
    <div className="monitoring-chart" aria-hidden="true" data-testid="s-curve-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="x" tick={tick} stroke={colors.grid} tickFormatter={shortDate} minTickGap={12} />
          <YAxis tick={tick} stroke={colors.grid} width={56} tickFormatter={compact} />
          <Tooltip
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as (typeof rows)[number] | undefined) : undefined;
              if (!p) return null;
              return (
                <div className="resource-tooltip">
                  <strong>
                    {p.from} – {p.to}
                  </strong>
                  <div>
                    {t("monitoring.curve.pv")}: {money(p.pv)}
                  </div>
                  <div>
                    {t("monitoring.curve.ev")}: {money(p.ev)}
                  </div>
                  <div>
                    {t("monitoring.curve.ac")}: {money(p.ac)}
                  </div>
                </div>
              );
            }}
          />
          <Legend verticalAlign="top" height={28} />
          {statusWeek ? <ReferenceLine x={statusWeek} stroke={colors.text} strokeDasharray="4 4" label={{ value: t("monitoring.curve.statusLine"), fill: colors.text, fontSize: 12, position: "insideTopLeft" }} /> : null}
          <Line name={t("monitoring.curve.pv")} type="monotone" dataKey="pv" stroke={colors.pv} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line name={t("monitoring.curve.ev")} type="monotone" dataKey="ev" stroke={colors.ev} strokeWidth={3} dot connectNulls isAnimationActive={false} />
          <Line name={t("monitoring.curve.ac")} type="monotone" dataKey="ac" stroke={colors.ac} strokeWidth={2} strokeDasharray="6 3" dot connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export function BurndownChart({ data }: { data: TBurndown }) {
  const { t } = useTranslation();
  const colors = readColors();
  const tick = { fill: colors.text, fontSize: 12 };
  const rows = burnRows(data.points);
  return (
    <div className="monitoring-chart" aria-hidden="true" data-testid="burndown-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="x" type="number" domain={["dataMin", "dataMax"]} tick={tick} stroke={colors.grid} tickFormatter={(day: number) => shortDate(dayIso(day))} minTickGap={12} />
          <YAxis tick={tick} stroke={colors.grid} width={48} />
          <Tooltip labelFormatter={(value) => dayIso(Number(value))} />
          <Legend verticalAlign="top" height={28} />
          <Line name={t("monitoring.burndown.ideal")} type="linear" dataKey="ideal" stroke={colors.ideal} strokeDasharray="4 4" dot={false} connectNulls isAnimationActive={false} />
          <Line name={t("monitoring.burndown.remaining")} type="monotone" dataKey="remaining" stroke={colors.ac} strokeWidth={3} connectNulls isAnimationActive={false} />
          <Line name={t("monitoring.burndown.done")} type="monotone" dataKey="done" stroke={colors.ev} strokeWidth={3} connectNulls isAnimationActive={false} />
          <Line name={t("monitoring.burndown.scope")} type="stepAfter" dataKey="scope" stroke={colors.scope} strokeWidth={1.5} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function MilestoneTrendChart({ data }: { data: TMilestoneTrend }) {
  const { t } = useTranslation();
  const colors = readColors();
  const tick = { fill: colors.text, fontSize: 12 };
  const { rows, domain, xDomain } = milestoneTrendRows(data);
  const label = (day: number) => shortDate(dayIso(day));
  return (
    <div className="monitoring-chart monitoring-chart-tall" aria-hidden="true" data-testid="milestone-trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={colors.grid} />
          <XAxis dataKey="x" type="number" domain={xDomain ?? ["dataMin", "dataMax"]} tick={tick} stroke={colors.grid} tickFormatter={label} />
          <YAxis type="number" domain={domain ?? ["dataMin", "dataMax"]} tick={tick} stroke={colors.grid} width={48} tickFormatter={label} />
          <Tooltip labelFormatter={(value) => dayIso(Number(value))} formatter={(value) => dayIso(Number(value))} />
          <Legend verticalAlign="top" />
          <Line name={t("monitoring.trend.diagonal")} dataKey="diagonal" stroke={colors.ideal} strokeDasharray="4 4" dot={false} isAnimationActive={false} />
          {data.milestones.map((m, i) => (
            <Line
              key={m.taskId}
              name={`${m.wbsCode} ${m.name}`}
              dataKey={m.taskId}
              stroke={MILESTONE_COLORS[i % MILESTONE_COLORS.length]}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
