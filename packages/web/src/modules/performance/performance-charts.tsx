/**
 * Planned against actual hours per person (recharts, loaded on demand). Hidden from screen readers: the table beside
 * it gives the same numbers.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import type { TPersonPerformance } from "@jiaofu/contracts";
import { readChartColors } from "../../ui/chart-colors";
import { formatNumber } from "../planning/resources/resource-format";

const TOKENS = { planned: "--color-primary", actual: "--color-success", grid: "--color-border", text: "--color-text-muted" } as const;

export function HoursChart({ people }: { people: readonly TPersonPerformance[] }) {
  const { t, i18n } = useTranslation();
  const colors = readChartColors(TOKENS);
  const tick = { fill: colors.text, fontSize: 12 };
  const rows = people.map((p) => ({ name: p.name, planned: p.plannedHours, actual: p.actualHours }));
  const hours = (value: unknown) => formatNumber(Number(value), i18n.language, 1);
  return (
    <div className="performance-chart" aria-hidden="true" data-testid="performance-hours-chart" style={{ height: Math.max(160, 56 + rows.length * 44) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} barGap={2} barCategoryGap="24%">
          <CartesianGrid horizontal={false} stroke={colors.grid} />
          <XAxis type="number" tick={tick} stroke={colors.grid} tickFormatter={hours} />
          <YAxis type="category" dataKey="name" tick={tick} stroke={colors.grid} width={96} />
          <Tooltip formatter={(value, name) => [hours(value), name]} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Bar dataKey="planned" name={t("performance.people.legend.planned")} fill={colors.planned} radius={[0, 3, 3, 0]} />
          <Bar dataKey="actual" name={t("performance.people.legend.actual")} fill={colors.actual} radius={[0, 3, 3, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
