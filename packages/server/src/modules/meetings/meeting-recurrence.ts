/**
 * Recurring meetings: reading an RRULE (RFC 5545) and listing a series' occurrences in a range, with the `rrule`
 * package. A series recurs on the wall clock of its time zone ("Mondays 09:30 Europe/Berlin" stays 09:30 across a DST
 * change), so the rule is expanded on floating times — the wall clock read as if it were UTC — and each occurrence is
 * turned back into an instant in the meeting's zone (engine `zonedInstant`). An `UNTIL` is read on the same floating
 * clock, i.e. as the zone's wall time.
 */
import { createRequire } from "node:module";
import { wallClockAsUtc, wallClockOfUtc, zonedInstant, zonedWallClock } from "@jiaofu/engine";

// `rrule` ships a UMD build as its CommonJS entry, which Node's ESM loader cannot see named exports in.
const require = createRequire(import.meta.url);
const { RRule, rrulestr } = require("rrule") as typeof import("rrule");

/** Meetings recur by day, week, month or year; an hourly "meeting" is a mistake, not a rhythm. */
const MEETING_FREQUENCIES = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);
/** At most this many occurrences are listed for one range (a daily series over the longest range is 400). */
const MAX_OCCURRENCES = 1000;
const DAY_MS = 86_400_000;

/**
 * The rule in the form stored and written to iCalendar (`FREQ=WEEKLY;BYDAY=MO`), or null when it cannot be read, has
 * a DTSTART of its own, or recurs more often than daily.
 */
export function normaliseMeetingRrule(text: string): string | null {
  const body = text.trim().replace(/^RRULE:/i, "").toUpperCase();
  if (!body || /DTSTART|[\r\n]/.test(body)) return null;
  try {
    const rule = rrulestr(`RRULE:${body}`, { dtstart: new Date(Date.UTC(2026, 0, 1)) });
    if (!(rule instanceof RRule) || !MEETING_FREQUENCIES.has(rule.options.freq)) return null;
    // Reading the first occurrence catches the rules that parse but cannot be expanded (an unknown BYDAY).
    rule.after(new Date(Date.UTC(2025, 11, 31)), true);
    return body;
  } catch {
    return null;
  }
}

export type RecurringMeeting = { startsAt: Date; timeZone: string; rrule: string };

function ruleOf(meeting: RecurringMeeting) {
  const dtstart = new Date(wallClockAsUtc(zonedWallClock(meeting.startsAt, meeting.timeZone)));
  return rrulestr(`RRULE:${meeting.rrule}`, { dtstart }) as InstanceType<typeof RRule>;
}

const toInstant = (floating: Date, timeZone: string) => zonedInstant(wallClockOfUtc(floating), timeZone);

/**
 * The starts of a series' occurrences with `from <= start < to`, in order (the first occurrence is the series'
 * own start).
 */
export function meetingOccurrencesBetween(meeting: RecurringMeeting, from: Date, to: Date): Date[] {
  const rule = ruleOf(meeting);
  const starts: Date[] = [];
  // The floating range is widened by a day each side: a zone's offset is never more than 14 hours.
  rule.between(new Date(from.getTime() - DAY_MS), new Date(to.getTime() + DAY_MS), true, (floating) => {
    const start = toInstant(floating, meeting.timeZone);
    if (start >= from && start < to) starts.push(start);
    return starts.length < MAX_OCCURRENCES;
  });
  return starts;
}

/** The next `count` occurrence starts at or after `after` that are not in `skip` (epoch milliseconds). */
export function meetingNextOccurrences(meeting: RecurringMeeting, after: Date, count: number, skip: ReadonlySet<number> = new Set()): Date[] {
  const rule = ruleOf(meeting);
  const found: Date[] = [];
  let cursor = new Date(after.getTime() - DAY_MS);
  let inclusive = true;
  for (let guard = 0; found.length < count && guard < count + skip.size + 60; guard += 1) {
    const floating = rule.after(cursor, inclusive);
    if (!floating) break;
    inclusive = false;
    cursor = floating;
    const start = toInstant(floating, meeting.timeZone);
    if (start >= after && !skip.has(start.getTime())) found.push(start);
  }
  return found;
}

/** Whether `start` is one of the series' occurrences. */
export function meetingHasOccurrence(meeting: RecurringMeeting, start: Date): boolean {
  return meetingOccurrencesBetween(meeting, start, new Date(start.getTime() + 60_000)).some((s) => s.getTime() === start.getTime());
}
