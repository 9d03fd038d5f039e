/**
 * Dates, times and sizes in the UI language. Calendar dates (`YYYY-MM-DD`) are shown as they are written, never
 * shifted by the browser's time zone.
 */

/** `formatDate("2025-03-01", "en")` → "Mar 1, 2025"; `"zh-CN"` → "2025年3月1日". */
export function formatDate(isoDate: string | null | undefined, locale: string): string | null {
  if (!isoDate) return null;
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  const date = new Date(Date.UTC(year, month - 1, day));
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** A moment in time, in the browser's time zone. */
export function formatDateTime(isoDateTime: string | null | undefined, locale: string): string | null {
  if (!isoDateTime) return null;
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** The calendar day of a moment, in the browser's time zone: "Mar 1, 2025". */
export function formatDay(isoDateTime: string | null | undefined, locale: string): string | null {
  if (!isoDateTime) return null;
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(date);
}

/** "3 minutes ago" / "3 分钟前", falling back to the full date after a week. */
export function formatRelative(isoDateTime: string, locale: string, now: Date = new Date()): string {
  const date = new Date(isoDateTime);
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (abs < 60) return rtf.format(seconds, "second");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), "day");
  return formatDateTime(isoDateTime, locale) ?? isoDateTime;
}

/** `formatBytes(1536, "en")` → "1.5 KB". */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit] ?? "B"}`;
}
