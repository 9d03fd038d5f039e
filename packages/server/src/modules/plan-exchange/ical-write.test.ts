import { describe, expect, it } from "vitest";
import { icalEscape, icalFold, icalWrite } from "./ical-write";

describe("iCalendar writing (RFC 5545)", () => {
  it("escapes TEXT values: backslash, semicolon, comma and line breaks", () => {
    expect(icalEscape("Go-live; phase 2, part\\1\r\nnext")).toBe("Go-live\\; phase 2\\, part\\\\1\\nnext");
  });

  it("folds lines at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"交付里程碑".repeat(10)}`;
    const folded = icalFold(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(icalFold("SHORT:line")).toBe("SHORT:line");
  });

  it("writes all-day events with a stable UID, an exclusive DTEND and CRLF line ends", () => {
    const text = icalWrite({
      productId: "-//Jiaofu//Test//EN",
      name: "ACME milestones",
      refreshMinutes: 60,
      generatedAt: new Date("2026-09-01T08:30:00Z"),
      events: [{ uid: "milestone-1@jiaofu", date: "2026-12-31", summary: "ACME · Go-live, phase 1", description: "WBS 3.4", lastModified: new Date("2026-08-01T00:00:00Z") }],
    });
    expect(text).toContain("\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n");
    expect(text).toContain("SUMMARY:ACME · Go-live\\, phase 1\r\n");
    expect(text).toContain("DTSTAMP:20260901T083000Z\r\n");
    expect(text).toContain("LAST-MODIFIED:20260801T000000Z\r\n");
    expect(text.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });
});
