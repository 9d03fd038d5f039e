/**
 * An iCalendar (RFC 5545) document of all-day events, written by hand: the subset a milestone feed needs is small
 * (VCALENDAR with VEVENTs of DATE values), and the two things that go wrong in hand-written iCalendar are handled
 * here with tests — TEXT escaping (backslash, semicolon, comma, line breaks) and line folding at 75 octets without
 * splitting a UTF-8 character. Lines end with CRLF. Pure.
 */

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

/**
 * TEXT value escaping (RFC 5545 §3.3.11): `\` `;` `,` escaped, line breaks as `\n`.
 *
 * @example
 * icalEscape("Go-live; phase 2, part\n1"); // "Go-live\\; phase 2\\, part\\n1"
 */
export function icalEscape(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * Folds a content line so no line is longer than 75 octets (§3.1): continuation lines start with one space, and a
 * line is never cut inside a UTF-8 character (Chinese names are three octets a character).
 */
export function icalFold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  // The first line has 75 octets; continuation lines 74 after their leading space.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const pad = (n: number) => String(n).padStart(2, "0");
/** `20260928T083000Z` */
const utc = (date: Date) =>
  `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
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
  return lines.map(icalFold).join("\r\n") + "\r\n";
}
