import { durationFormatMinutes, timeAddDays, timeDateInZone, timeWeekStart } from "@jiaofu/engine";

/** Minutes as the grid shows them: `1h30`, `45m`; empty for none (a blank cell). */
export const formatCellMinutes = (minutes: number) => (minutes === 0 ? "" : durationFormatMinutes(minutes));

/** Minutes as a total: `7h30`, `0`. */
export const formatTotalMinutes = (minutes: number) => durationFormatMinutes(minutes);

/** Hours with one decimal for sentences and charts (`7.5`). */
export const formatHours = (minutes: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minutes / 60);

/** The browser's IANA time zone, sent with timer stops so a day is the person's own day. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Today's date on the person's wall clock. */
export const todayLocal = () => timeDateInZone(new Date(), browserTimeZone());

/** This week's Monday on the person's wall clock. */
export const thisWeekStart = () => timeWeekStart(todayLocal());

/** `02:05:09` from milliseconds. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** Short day label for a date in the UI language (Mon 3/3, 周一 3/3). */
export function formatDayLabel(date: string, locale: string): { weekday: string; day: string } {
  const d = new Date(`${date}T00:00:00Z`);
  return {
    weekday: new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(d),
    day: new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", timeZone: "UTC" }).format(d),
  };
}

export const shiftWeek = (weekStart: string, weeks: number) => timeAddDays(weekStart, weeks * 7);
