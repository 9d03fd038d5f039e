/** The text of the time header's cells, in the reader's language ("Oct 2026" / "2026年10月", "Q4" / "4季度"). */
import type { TFunction } from "i18next";
import { type GanttHeaderCell, ganttDateParts } from "./gantt-scale";

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    formats.set(key, f);
  }
  return f;
}

export function ganttHeaderLabel(unit: GanttHeaderCell["unit"], day: number, locale: string, t: TFunction): string {
  const at = new Date(day * 86_400_000);
  switch (unit) {
    case "year":
      return String(ganttDateParts(day).year);
    case "quarter":
      return t("gantt.quarter", { n: Math.floor(ganttDateParts(day).month / 3) + 1 });
    case "month":
      return format(locale, { month: "short" }).format(at);
    case "week":
      return format(locale, { month: "numeric", day: "numeric" }).format(at);
    case "day":
      return String(ganttDateParts(day).date);
  }
}

/** The top tier's month cells name the year too ("Oct 2026"): they are the only place the year shows at day zoom. */
export function ganttMonthYearLabel(day: number, locale: string): string {
  return format(locale, { year: "numeric", month: "short" }).format(new Date(day * 86_400_000));
}
