import { describe, expect, it } from "vitest";
import {
  SCHEDULE_CONSTRAINT_CODES,
  SCHEDULE_CONSTRAINT_TYPES,
  scheduleConstraintEarlyStartBound,
  scheduleConstraintFromName,
  scheduleConstraintIsDated,
  scheduleConstraintLateStartBound,
} from "./schedule-constraint";
import type { DayNumber, WorkDays } from "./schedule-units";

describe("schedule constraints", () => {
  it("names and codes agree, in MS Project's order", () => {
    SCHEDULE_CONSTRAINT_TYPES.forEach((name, code) => {
      expect(SCHEDULE_CONSTRAINT_CODES[name]).toBe(code);
      expect(scheduleConstraintFromName(name)).toBe(code);
    });
    expect(scheduleConstraintFromName("snet")).toBeUndefined();
    expect(scheduleConstraintFromName(2)).toBeUndefined();
  });

  it("only ASAP and ALAP take no day", () => {
    expect(SCHEDULE_CONSTRAINT_TYPES.filter((name) => !scheduleConstraintIsDated(SCHEDULE_CONSTRAINT_CODES[name]))).toEqual(["ASAP", "ALAP"]);
  });

  it("bounds the early start from below and the late start from above, as the table says (day 12, 5 days)", () => {
    const c = 12 as DayNumber;
    const d = 5 as WorkDays;
    const table = SCHEDULE_CONSTRAINT_TYPES.map((name) => [
      name,
      scheduleConstraintEarlyStartBound(SCHEDULE_CONSTRAINT_CODES[name], c, d) ?? "-",
      scheduleConstraintLateStartBound(SCHEDULE_CONSTRAINT_CODES[name], c, d) ?? "-",
    ]);
    expect(table).toEqual([
      ["ASAP", "-", "-"],
      ["ALAP", "-", "-"],
      ["SNET", 12, "-"],
      ["SNLT", "-", 12],
      ["FNET", 7, "-"],
      ["FNLT", "-", 7],
      ["MSO", 12, 12],
      ["MFO", 7, 7],
    ]);
  });
});
