import { describe, expect, it } from "vitest";
import { meetingHasOccurrence, meetingNextOccurrences, meetingOccurrencesBetween, normaliseMeetingRrule } from "./meeting-recurrence";

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("meeting recurrence (RRULE)", () => {
  it("reads daily to yearly rules and refuses the rest", () => {
    expect(normaliseMeetingRrule("rrule:freq=weekly;byday=mo,th")).toBe("FREQ=WEEKLY;BYDAY=MO,TH");
    expect(normaliseMeetingRrule("FREQ=MONTHLY;BYDAY=1MO;COUNT=6")).toBe("FREQ=MONTHLY;BYDAY=1MO;COUNT=6");
    expect(normaliseMeetingRrule("FREQ=HOURLY")).toBeNull();
    expect(normaliseMeetingRrule("FREQ=WEEKLY;BYDAY=XX")).toBeNull();
    expect(normaliseMeetingRrule("DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY")).toBeNull();
    expect(normaliseMeetingRrule("EVERY MONDAY")).toBeNull();
  });

  it("expands on the zone's wall clock: Asia/Shanghai keeps its UTC time, America/New_York moves with DST (8 March 2026)", () => {
    const shanghai = { startsAt: new Date("2026-03-02T01:30:00Z"), timeZone: "Asia/Shanghai", rrule: "FREQ=WEEKLY;BYDAY=MO" };
    expect(iso(meetingOccurrencesBetween(shanghai, new Date("2026-03-01T00:00:00Z"), new Date("2026-03-17T00:00:00Z")))).toEqual([
      "2026-03-02T01:30:00.000Z",
      "2026-03-09T01:30:00.000Z",
      "2026-03-16T01:30:00.000Z",
    ]);
    // Fridays 10:00 in New York: 15:00 UTC in EST, 14:00 UTC in EDT.
    const newYork = { startsAt: new Date("2026-03-06T15:00:00Z"), timeZone: "America/New_York", rrule: "FREQ=WEEKLY;BYDAY=FR;COUNT=3" };
    expect(iso(meetingOccurrencesBetween(newYork, new Date("2026-03-01T00:00:00Z"), new Date("2026-04-01T00:00:00Z")))).toEqual([
      "2026-03-06T15:00:00.000Z",
      "2026-03-13T14:00:00.000Z",
      "2026-03-20T14:00:00.000Z",
    ]);
  });

  it("lists the next occurrences, skipping those opened, and knows its own occurrences", () => {
    const series = { startsAt: new Date("2026-03-02T01:30:00Z"), timeZone: "Asia/Shanghai", rrule: "FREQ=WEEKLY;BYDAY=MO" };
    const skip = new Set([new Date("2026-03-16T01:30:00Z").getTime()]);
    expect(iso(meetingNextOccurrences(series, new Date("2026-03-10T00:00:00Z"), 2, skip))).toEqual(["2026-03-23T01:30:00.000Z", "2026-03-30T01:30:00.000Z"]);
    expect(meetingHasOccurrence(series, new Date("2026-03-09T01:30:00Z"))).toBe(true);
    expect(meetingHasOccurrence(series, new Date("2026-03-09T02:30:00Z"))).toBe(false);
  });
});
