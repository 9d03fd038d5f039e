/** Pure helpers of the performance pages: periods, the health band's tone, the formula rows. */
import type { THealthBand, TProjectHealth } from "@jiaofu/contracts";

export type PerformancePeriod = { from: string; to: string };
export type PeriodPreset = "last30" | "last90" | "thisMonth";
export const PERIOD_PRESETS: readonly PeriodPreset[] = ["last30", "last90", "thisMonth"];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const minusDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000));

/** A preset period ending `today` (YYYY-MM-DD). */
export function presetPeriod(preset: PeriodPreset, today: string): PerformancePeriod {
  switch (preset) {
    case "last30":
      return { from: minusDays(today, 29), to: today };
    case "last90":
      return { from: minusDays(today, 89), to: today };
    case "thisMonth":
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

export const todayIso = () => iso(new Date());

/** Whether a period can be asked for: two dates, the start not after the end. */
export const isValidPeriod = (p: PerformancePeriod) => /^\d{4}-\d{2}-\d{2}$/.test(p.from) && /^\d{4}-\d{2}-\d{2}$/.test(p.to) && p.from <= p.to;

/** The colour a band is shown in. */
export const bandTone = (band: THealthBand | null): "green" | "amber" | "red" | "gray" => (band === "healthy" ? "green" : band === "watch" ? "amber" : band === "at_risk" ? "red" : "gray");

/** Each part's points in the total: score × effective weight / 100 (0 when not measured), one decimal. */
export function healthPoints(part: TProjectHealth["parts"][number]): number | null {
  return part.score === null ? null : Math.round(part.score * part.effectiveWeight) / 100;
}
