import { zonedInstant, zonedWallClock } from "@jiaofu/engine";

/** A start as people read it, in the meeting's own zone: "2026年3月2日 09:30 (Asia/Shanghai)". */
export function formatMeetingTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** The day of week and time only, for a series' next occurrences. */
export function formatMeetingDay(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a `datetime-local` input shows it in `timeZone`: `2026-03-02T09:30`. */
export function localInputOf(iso: string, timeZone: string): string {
  const w = zonedWallClock(new Date(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** A `datetime-local` value read in `timeZone`, as an ISO instant; null when it is not a date and time. */
export function instantOfLocalInput(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  return zonedInstant({ year, month, day, hour, minute }, timeZone).toISOString();
}

const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

/** The RRULE of a preset, on the weekday of the local start (`2026-03-02T09:30` is a Monday). */
export function rruleOfPreset(preset: "weekly" | "biweekly" | "monthly", localStart: string): string {
  const day = WEEKDAYS[new Date(`${localStart.slice(0, 10)}T00:00:00Z`).getUTCDay()] ?? "MO";
  switch (preset) {
    case "weekly":
      return `FREQ=WEEKLY;BYDAY=${day}`;
    case "biweekly":
      return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`;
    case "monthly":
      return "FREQ=MONTHLY";
  }
}
