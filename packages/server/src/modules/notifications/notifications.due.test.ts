import { calendarDayFromIso, calendarDayToIso, calendarWorkingDaysBetween, planCalendarCompile, planDefaultCalendar } from "@jiaofu/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DUE_SOON_WORKING_DAYS, isDueSoon } from "./notifications.due";

/** The default project calendar: Monday to Friday with China's holidays and make-up working days. */
const calendar = planCalendarCompile(planDefaultCalendar());

describe("isDueSoon", () => {
  it("looks two working days ahead, over weekends", () => {
    expect(isDueSoon(calendar, "2026-11-12", "2026-11-16")).toBe(true); // Thursday → Monday
    expect(isDueSoon(calendar, "2026-11-12", "2026-11-17")).toBe(false);
    expect(isDueSoon(calendar, "2026-11-13", "2026-11-17")).toBe(true); // Friday → Tuesday
    expect(isDueSoon(calendar, "2026-11-14", "2026-11-17")).toBe(true); // Saturday → Tuesday
    expect(isDueSoon(calendar, "2026-11-16", "2026-11-16")).toBe(true); // due today
    expect(isDueSoon(calendar, "2026-11-16", "2026-11-15")).toBe(false); // past: overdue, not due soon
  });

  it("counts China's holidays and make-up days: on 30 September a task due 9 October is due soon", () => {
    // 2026: 10-01…10-07 off (国庆), Saturday 10-10 a make-up working day.
    expect(isDueSoon(calendar, "2026-09-30", "2026-10-09")).toBe(true); // 09-30 and 10-08 are the working days before
    expect(isDueSoon(calendar, "2026-09-29", "2026-10-09")).toBe(false);
  });

  it("agrees with the calendar's working-day count for any pair of days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 30 }), (start, span) => {
        const today = calendarDayToIso((calendarDayFromIso("2020-01-01") + start) as never);
        const due = calendarDayToIso((calendarDayFromIso(today) + span) as never);
        const between = calendarWorkingDaysBetween(calendar, calendarDayFromIso(today), calendarDayFromIso(due));
        expect(isDueSoon(calendar, today, due)).toBe(between <= DUE_SOON_WORKING_DAYS);
      }),
    );
  });
});
