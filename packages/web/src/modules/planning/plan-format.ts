/** How the plan shows dates and day counts. */

/**
 * A plan date with its weekday, so a make-up working day (调休) reads as what it is: "Sat, 10/10/26" / "26/10/10周六".
 * Calendar dates are shown as written, never shifted by the browser's time zone.
 */
export function formatPlanDate(isoDate: string | null | undefined, locale: string): string {
  if (!isoDate) return "";
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return planDateFormat(locale).format(new Date(Date.UTC(year, month - 1, day)));
}

/** A plan date without its weekday ("10/10/26" / "26/10/10"), for tables of many dates side by side. */
export function formatPlanDateCompact(isoDate: string | null | undefined, locale: string): string {
  if (!isoDate) return "";
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return planDateFormat(locale, false).format(new Date(Date.UTC(year, month - 1, day)));
}

// One formatter per language: building an Intl.DateTimeFormat costs far more than formatting with it, and the Gantt
// chart formats dates for every row that scrolls into view.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function planDateFormat(locale: string, withWeekday = true): Intl.DateTimeFormat {
  const key = `${locale}|${withWeekday ? "w" : ""}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...(withWeekday ? { weekday: "short" as const } : {}), year: "2-digit", month: "numeric", day: "numeric", timeZone: "UTC" });
    dateFormats.set(key, format);
  }
  return format;
}

/** Working days to at most two decimals, without trailing zeros: 2, 2.5, 0.25. */
export function formatDayCount(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return "";
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A duration typed in a cell: "3", "2.5", "2.5d", "2,5 天" → working days; undefined when it is not one. */
export function parseDayCount(text: string): number | undefined {
  const cleaned = text.trim().replace(/\s*(d|days?|天|工作日)$/i, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-6 ? value : undefined;
}
