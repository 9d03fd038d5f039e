import { describe, expect, it } from "vitest";
import { formatPredecessors, parsePredecessors } from "./predecessor-text";

const ids: Record<string, string> = { "1": "t1", "1.2": "t12", "3": "t3", "4": "t4" };
const idOf = (code: string) => ids[code];
const codeOf = (id: string) => Object.keys(ids).find((code) => ids[code] === id);

describe("parsePredecessors", () => {
  it("reads codes with types and lags, FS and 0 by default", () => {
    expect(parsePredecessors("3FS+2d, 1.2; 4ss-1.5", idOf, "self")).toEqual({
      ok: true,
      predecessors: [
        { predecessorId: "t3", type: "FS", lagDays: 2 },
        { predecessorId: "t12", type: "FS", lagDays: 0 },
        { predecessorId: "t4", type: "SS", lagDays: -1.5 },
      ],
    });
  });

  it("accepts Chinese punctuation and units, spaces, a lag without a type, and an empty cell", () => {
    expect(parsePredecessors("3 FF + 2 天，1+0.5工作日", idOf, "self")).toEqual({
      ok: true,
      predecessors: [
        { predecessorId: "t3", type: "FF", lagDays: 2 },
        { predecessorId: "t1", type: "FS", lagDays: 0.5 },
      ],
    });
    expect(parsePredecessors("  ", idOf, "self")).toEqual({ ok: true, predecessors: [] });
  });

  it("says which entry is wrong and why", () => {
    expect(parsePredecessors("3XX", idOf, "self")).toEqual({ ok: false, error: { kind: "syntax", entry: "3XX" } });
    expect(parsePredecessors("3, 9", idOf, "self")).toEqual({ ok: false, error: { kind: "unknown-task", entry: "9" } });
    expect(parsePredecessors("1.2", idOf, "t12")).toEqual({ ok: false, error: { kind: "self", entry: "1.2" } });
    expect(parsePredecessors("3, 3SS", idOf, "self")).toEqual({ ok: false, error: { kind: "duplicate", entry: "3SS" } });
    expect(parsePredecessors("3FS+1.255d", idOf, "self")).toEqual({ ok: false, error: { kind: "lag-decimals", entry: "3FS+1.255d" } });
    expect(parsePredecessors("3FS+10000d", idOf, "self")).toEqual({ ok: false, error: { kind: "lag-range", entry: "3FS+10000d" } });
    expect(parsePredecessors("FS+2d", idOf, "self")).toEqual({ ok: false, error: { kind: "syntax", entry: "FS+2d" } });
  });
});

describe("formatPredecessors", () => {
  it("writes FS without a lag as the bare code, everything else in full, in WBS order", () => {
    const text = formatPredecessors(
      [
        { predecessorId: "t4", type: "SS", lagDays: -1 },
        { predecessorId: "t12", type: "FS", lagDays: 0 },
        { predecessorId: "t3", type: "FS", lagDays: 2.5 },
      ],
      codeOf,
    );
    expect(text).toBe("1.2, 3FS+2.5d, 4SS-1d");
    expect(parsePredecessors(text, idOf, "self")).toMatchObject({ ok: true });
  });
});

describe("parseDayCount", () => {
  it("reads durations as people type them", async () => {
    const { parseDayCount } = await import("./plan-format");
    expect(parseDayCount("3")).toBe(3);
    expect(parseDayCount("2.5d")).toBe(2.5);
    expect(parseDayCount(" 2,5 天")).toBe(2.5);
    expect(parseDayCount("1.234")).toBeUndefined();
    expect(parseDayCount("-1")).toBeUndefined();
    expect(parseDayCount("abc")).toBeUndefined();
  });
});
