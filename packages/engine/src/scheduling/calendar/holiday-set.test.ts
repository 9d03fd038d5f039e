import { describe, expect, it } from "vitest";
import { type HolidaySet, holidaySetCheck, holidaySetCoversYear, holidaySetEntryDays, holidaySetLibrary } from "./holiday-set";

const companyDays: HolidaySet = {
  id: "acme",
  name: { zh: "公司假期", en: "Company days" },
  entries: [{ from: "2025-12-24", to: "2025-12-31", kind: "off", name: { en: "Year-end shutdown" } }],
};

describe("holiday sets", () => {
  it("are keyed by id in a library (a later set wins)", () => {
    const replaced: HolidaySet = { ...companyDays, entries: [] };
    expect(Object.keys(holidaySetLibrary(companyDays))).toEqual(["acme"]);
    expect(holidaySetLibrary(companyDays, replaced).acme).toBe(replaced);
  });

  it("check user-defined entries", () => {
    expect(holidaySetCheck(companyDays)).toEqual({ ok: true, value: companyDays });
    const check = (set: Partial<HolidaySet>) => holidaySetCheck({ ...companyDays, ...set });
    expect(check({ entries: [{ from: "2025-10-01", to: "2025-09-30", kind: "off" }] })).toEqual({
      ok: false,
      error: { kind: "invalid-calendar", code: "bad-date", path: "entries[0].to", message: "entries[0].to: 2025-09-30 is before 2025-10-01" },
    });
    expect(check({ entries: [{ from: "2025-13-01", kind: "off" }] })).toMatchObject({ ok: false, error: { path: "entries[0].from" } });
    expect(check({ entries: [{ from: "2025-01-01", to: "soon", kind: "off" }] })).toMatchObject({ ok: false, error: { path: "entries[0].to" } });
    expect(check({ entries: [{ from: "2025-01-01", kind: "holiday" as "off" }] })).toMatchObject({ ok: false, error: { path: "entries[0].kind" } });
    expect(check({ entries: [{ from: "2025-01-01", kind: "working", offFromMinute: 600 }] })).toMatchObject({ ok: false, error: { code: "bad-interval" } });
    expect(check({ entries: [{ from: "2025-01-01", kind: "off", offFromMinute: 1440 }] })).toMatchObject({ ok: false, error: { code: "bad-interval" } });
    expect(check({ id: "" })).toMatchObject({ ok: false, error: { path: "id" } });
    expect(check({ coverage: { fromYear: 2026, toYear: 2025 } })).toMatchObject({ ok: false, error: { path: "coverage" } });
  });

  it("know their days and the years they cover", () => {
    expect(holidaySetEntryDays({ from: "2024-10-01", to: "2024-10-07", kind: "off" })).toEqual({ from: 19997, to: 20003 });
    expect(holidaySetEntryDays({ from: "2024-10-01", kind: "off" })).toEqual({ from: 19997, to: 19997 });
    expect(holidaySetCoversYear(companyDays, 1990)).toBe(true); // no coverage stated: the set is what it is
    expect(holidaySetCoversYear({ ...companyDays, coverage: { fromYear: 2025, toYear: 2025 } }, 2026)).toBe(false);
  });
});
