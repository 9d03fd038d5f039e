import { describe, expect, it } from "vitest";
import { cellChanges } from "./timesheet-grid";

const entry = (id: string, minutes: number) => ({ id, minutes, version: 1 });

describe("cellChanges", () => {
  it("creates an entry in an empty cell and leaves an unchanged cell alone", () => {
    expect(cellChanges([], 90)).toEqual([{ kind: "create", minutes: 90 }]);
    expect(cellChanges([entry("a", 60), entry("b", 30)], 90)).toEqual([]);
  });

  it("puts more time on the last entry", () => {
    expect(cellChanges([entry("a", 60), entry("b", 30)], 120)).toEqual([{ kind: "update", id: "b", version: 1, minutes: 60 }]);
  });

  it("takes time from the last entries first, removing those it empties", () => {
    expect(cellChanges([entry("a", 60), entry("b", 30)], 45)).toEqual([
      { kind: "delete", id: "b", version: 1 },
      { kind: "update", id: "a", version: 1, minutes: 45 },
    ]);
    expect(cellChanges([entry("a", 60), entry("b", 30)], 0)).toEqual([
      { kind: "delete", id: "b", version: 1 },
      { kind: "delete", id: "a", version: 1 },
    ]);
  });
});
