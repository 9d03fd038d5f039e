/**
 * iCalendar (RFC 5545) text, written by hand: the parts every document shares, used by the plan's milestone feed
 * (modules/plan-exchange) and by meeting invitations and feeds (modules/meetings). The two things that go wrong in
 * hand-written iCalendar are handled here with tests — TEXT escaping (backslash, semicolon, comma, line breaks) and
 * line folding at 75 octets without splitting a UTF-8 character. Lines end with CRLF. Pure.
 */

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

/** A UTC DATE-TIME value: `20260928T083000Z`. */
export const icalUtc = (date: Date) =>
  `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;

/** A document from its content lines: each folded, CRLF after every line. */
export const icalDocument = (lines: readonly string[]) => lines.map(icalFold).join("\r\n") + "\r\n";
