/**
 * An iCalendar (RFC 5545) document of all-day events, written by hand: the subset a milestone feed needs is small
 * (VCALENDAR with VEVENTs of DATE values). Escaping, folding and UTC values are shared with meeting invitations
 * (platform/icalendar.ts). Pure.
 */
import { icalDocument, icalEscape, icalUtc as utc } from "../../platform/icalendar";

export { icalEscape, icalFold } from "../../platform/icalendar";

export type IcalEvent = {
  /** Globally unique and stable across fetches, so calendar apps update the event instead of adding a new one. */
  uid: string;
  /** `YYYY-MM-DD`: an all-day event on that date (DTEND the next day, exclusive). */
  date: string;
  summary: string;
  description: string;
  /** When the event's source last changed. */
  lastModified: Date;
  /** Optional link back to the app. */
  url?: string;
  categories?: string;
};

export type IcalCalendar = {
  /** PRODID: who wrote it. */
  productId: string;
  /** X-WR-CALNAME: the name calendar apps show for a subscription. */
  name: string;
  /** How often a client should refresh (REFRESH-INTERVAL and X-PUBLISHED-TTL), in minutes. */
  refreshMinutes: number;
  /** DTSTAMP of every event: when this document was generated. */
  generatedAt: Date;
  events: readonly IcalEvent[];
};

/** `2026-09-28` → `20260928` */
const dateValue = (iso: string) => iso.replaceAll("-", "");
function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function icalWrite(calendar: IcalCalendar): string {
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${calendar.productId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icalEscape(calendar.name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`,
    `X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`,
  ];
  const stamp = utc(calendar.generatedAt);
  for (const event of calendar.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(event.date)}`,
      `DTEND;VALUE=DATE:${dateValue(nextDay(event.date))}`,
      `SUMMARY:${icalEscape(event.summary)}`,
      `DESCRIPTION:${icalEscape(event.description)}`,
      `LAST-MODIFIED:${utc(event.lastModified)}`,
      ...(event.categories ? [`CATEGORIES:${icalEscape(event.categories)}`] : []),
      ...(event.url ? [`URL:${event.url}`] : []),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return icalDocument(lines);
}
