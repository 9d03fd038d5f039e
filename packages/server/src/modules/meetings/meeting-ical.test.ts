import { describe, expect, it } from "vitest";
import { icalTimeZone, icalWriteMeetings } from "./meeting-ical";

describe("meeting iCalendar", () => {
  it("writes a VTIMEZONE with one fixed observance for a zone without DST", () => {
    expect(icalTimeZone("Asia/Shanghai", 2026, 2027)).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:Asia/Shanghai",
      "BEGIN:STANDARD",
      "DTSTART:20260101T080000",
      "TZOFFSETFROM:+0800",
      "TZOFFSETTO:+0800",
      "END:STANDARD",
      "END:VTIMEZONE",
    ]);
  });

  it("writes Europe/Berlin's DST changes at 02:00 CET and 03:00 CEST local time", () => {
    const lines = icalTimeZone("Europe/Berlin", 2026, 2026).join("\n");
    expect(lines).toContain("BEGIN:DAYLIGHT\nDTSTART:20260329T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT");
    expect(lines).toContain("BEGIN:STANDARD\nDTSTART:20261025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD");
  });

  it("writes a cancelled one-off meeting with its local times, escaped text and no attendees in a published feed", () => {
    const text = icalWriteMeetings({
      method: "PUBLISH",
      name: "ACME meetings",
      projectCode: "ACME",
      generatedAt: new Date("2026-03-01T00:00:00Z"),
      refreshMinutes: 60,
      meetings: [
        {
          id: "m1",
          number: 4,
          title: "评审, 第二轮",
          startsAt: new Date("2026-03-02T06:00:00Z"),
          durationMinutes: 90,
          timeZone: "Asia/Shanghai",
          location: "",
          rrule: null,
          seriesId: null,
          occurrenceStart: null,
          status: "cancelled",
          description: "## Agenda\n- one; two",
          version: 3,
          updatedAt: new Date("2026-02-28T00:00:00Z"),
          organizer: { name: "Wang Fang", email: "wang@example.com" },
          attendees: [{ name: "Li Lei", email: "li@example.com", required: true }],
          url: "https://jiaofu.example/projects/p/execution/meetings/m1",
        },
      ],
    });
    expect(text).toContain("\r\nDTSTART;TZID=Asia/Shanghai:20260302T140000\r\nDTEND;TZID=Asia/Shanghai:20260302T153000\r\n");
    expect(text).toContain("SUMMARY:ACME · MTG-4 评审\\, 第二轮\r\n");
    expect(text).toContain("DESCRIPTION:## Agenda\\n- one\\; two\r\n");
    expect(text).toContain("STATUS:CANCELLED\r\n");
    expect(text).toContain("SEQUENCE:2\r\n");
    expect(text).not.toContain("ATTENDEE");
    expect(text).not.toContain("ORGANIZER");
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT60M");
  });
});
