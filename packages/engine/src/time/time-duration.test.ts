import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { durationFormatMinutes, durationParseMinutes } from "./time-duration";

describe("durationParseMinutes", () => {
  it.each([
    ["1h30", 90],
    ["1h 30m", 90],
    ["1H30M", 90],
    ["1.5", 90],
    ["1,5", 90],
    ["1.5h", 90],
    ["90m", 90],
    ["90min", 90],
    ["1:30", 90],
    ["0:05", 5],
    ["2", 120],
    ["2h", 120],
    [".25", 15],
    ["1小时30分", 90],
    ["45分钟", 45],
    ["", 0],
    ["  ", 0],
  ])("reads %j as %i minutes", (text, minutes) => {
    expect(durationParseMinutes(text)).toBe(minutes);
  });

  it.each(["abc", "1:75", "-1", "1h-30", "h", "1..5", "1:3"])("refuses %j", (text) => {
    expect(durationParseMinutes(text)).toBeNull();
  });

  it("reads back what it formats", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (minutes) => {
        expect(durationParseMinutes(durationFormatMinutes(minutes))).toBe(minutes);
      }),
    );
  });

  it("formats hours and minutes", () => {
    expect(durationFormatMinutes(90)).toBe("1h30");
    expect(durationFormatMinutes(120)).toBe("2h");
    expect(durationFormatMinutes(45)).toBe("45m");
    expect(durationFormatMinutes(65)).toBe("1h05");
    expect(durationFormatMinutes(0)).toBe("0");
  });
});
