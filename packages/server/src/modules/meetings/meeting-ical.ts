/**
 * Meetings as iCalendar (RFC 5545): an invitation to download (METHOD:REQUEST, with ORGANIZER and ATTENDEE lines)
 * and a subscribable feed (METHOD:PUBLISH). Times are written in the meeting's own zone (`DTSTART;TZID=…`) with a
 * VTIMEZONE per zone built from the platform's tz data, so a weekly series keeps its wall-clock time across a DST
 * change in every calendar app. An occurrence of a series that has a row of its own goes out as an override of the
 * series (same UID, RECURRENCE-ID). Pure.
 */
import { meetingKey, zoneOffsetMinutes, zonedWallClock, type WallClock } from "@jiaofu/engine";
import { icalDocument, icalEscape, icalUtc } from "../../platform/icalendar";

export type IcalPerson = { name: string; email: string };

export type IcalMeeting = {
  id: string;
  number: number;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  location: string;
  rrule: string | null;
  seriesId: string | null;
  occurrenceStart: Date | null;
  status: "scheduled" | "held" | "cancelled";
  /** Plain text (the agenda's markdown). */
  description: string;
  version: number;
  updatedAt: Date;
  organizer: IcalPerson | null;
  attendees: readonly (IcalPerson & { required: boolean })[];
  url: string;
};

export type IcalMeetingCalendar = {
  method: "REQUEST" | "PUBLISH";
  name: string;
  /** Prefixed to each SUMMARY: `ACME-ERP · MTG-3 Weekly status`. */
  projectCode: string;
  generatedAt: Date;
  /** PUBLISH feeds: how often a client should refresh, in minutes. */
  refreshMinutes?: number;
  meetings: readonly IcalMeeting[];
};

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");
const localValue = (w: WallClock) => `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}00`;
const offsetValue = (minutes: number) => `${minutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
/** A time as the zone's wall clock: `DTSTART;TZID=Asia/Shanghai:20260302T093000`. */
const zoned = (name: string, at: Date, timeZone: string) => `${name};TZID=${timeZone}:${localValue(zonedWallClock(at, timeZone))}`;
const mailto = (email: string) => `mailto:${email}`;
const cn = (name: string) => `"${name.replace(/["\r\n]/g, "")}"`;

const HOUR = 3_600_000;

/**
 * The VTIMEZONE of `timeZone` for the years `fromYear`..`toYear`: its first offset, then one observance per change
 * of offset found in those years (searched day by day, then to the minute).
 */
export function icalTimeZone(timeZone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const initial = zoneOffsetMinutes(new Date(start), timeZone);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const observance = (kind: "STANDARD" | "DAYLIGHT", at: number, from: number, to: number) => {
    // DTSTART of an observance is the local time it begins, on the clock of the offset before it.
    const local = new Date(at + from * 60_000);
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localValue({ year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes() })}`,
      `TZOFFSETFROM:${offsetValue(from)}`,
      `TZOFFSETTO:${offsetValue(to)}`,
      `END:${kind}`,
    );
  };
  const changes: { at: number; from: number; to: number }[] = [];
  let previous = initial;
  for (let t = start + 24 * HOUR; t <= end; t += 24 * HOUR) {
    const offset = zoneOffsetMinutes(new Date(t), timeZone);
    if (offset === previous) continue;
    let lo = t - 24 * HOUR;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (zoneOffsetMinutes(new Date(mid), timeZone) === previous) lo = mid;
      else hi = mid;
    }
    changes.push({ at: hi, from: previous, to: offset });
    previous = offset;
  }
  const standard = Math.min(initial, ...changes.map((c) => c.to));
  observance(initial === standard ? "STANDARD" : "DAYLIGHT", start, initial, initial);
  for (const change of changes) observance(change.to === standard ? "STANDARD" : "DAYLIGHT", change.at, change.from, change.to);
  lines.push("END:VTIMEZONE");
  return lines;
}

function eventLines(calendar: IcalMeetingCalendar, meeting: IcalMeeting, stamp: string): string[] {
  const uid = `meeting-${meeting.seriesId ?? meeting.id}@jiaofu`;
  const lines = [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `SEQUENCE:${meeting.version - 1}`,
    zoned("DTSTART", meeting.startsAt, meeting.timeZone),
    zoned("DTEND", new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000), meeting.timeZone),
  ];
  if (meeting.seriesId && meeting.occurrenceStart) lines.push(zoned("RECURRENCE-ID", meeting.occurrenceStart, meeting.timeZone));
  else if (meeting.rrule) lines.push(`RRULE:${meeting.rrule}`);
  lines.push(
    `SUMMARY:${icalEscape(`${calendar.projectCode} · ${meetingKey(meeting.number)} ${meeting.title}`)}`,
    `DESCRIPTION:${icalEscape(meeting.description)}`,
    ...(meeting.location ? [`LOCATION:${icalEscape(meeting.location)}`] : []),
    `STATUS:${meeting.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
    `LAST-MODIFIED:${icalUtc(meeting.updatedAt)}`,
    `URL:${meeting.url}`,
  );
  if (calendar.method === "REQUEST") {
    if (meeting.organizer) lines.push(`ORGANIZER;CN=${cn(meeting.organizer.name)}:${mailto(meeting.organizer.email)}`);
    for (const attendee of meeting.attendees) {
      lines.push(`ATTENDEE;CN=${cn(attendee.name)};ROLE=${attendee.required ? "REQ-PARTICIPANT" : "OPT-PARTICIPANT"};PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(attendee.email)}`);
    }
  }
  lines.push("END:VEVENT");
  return lines;
}

/** The calendar document: VTIMEZONEs for the zones used, then one VEVENT per meeting (series first, then overrides). */
export function icalWriteMeetings(calendar: IcalMeetingCalendar): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Jiaofu//Meetings//EN", "CALSCALE:GREGORIAN", `METHOD:${calendar.method}`, `X-WR-CALNAME:${icalEscape(calendar.name)}`];
  if (calendar.refreshMinutes) lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`);
  const zones = new Map<string, { from: number; to: number }>();
  for (const m of calendar.meetings) {
    const year = m.startsAt.getUTCFullYear();
    const span = zones.get(m.timeZone) ?? { from: year, to: year };
    // A series' VTIMEZONE covers a few years ahead of its start: calendar apps extend the last rule they are given.
    zones.set(m.timeZone, { from: Math.min(span.from, year), to: Math.max(span.to, m.rrule ? year + 3 : year) });
  }
  for (const [zone, span] of zones) lines.push(...icalTimeZone(zone, span.from, span.to));
  const stamp = icalUtc(calendar.generatedAt);
  const ordered = [...calendar.meetings].sort((a, b) => Number(a.seriesId !== null) - Number(b.seriesId !== null));
  for (const meeting of ordered) lines.push(...eventLines(calendar, meeting, stamp));
  lines.push("END:VCALENDAR");
  return icalDocument(lines);
}
