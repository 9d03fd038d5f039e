import { describe, expect, it } from "vitest";
import { LINK_TYPE_CODES, LINK_TYPES, linkTypeFromName } from "./link-type";

describe("linkTypeFromName", () => {
  it("maps each name to its code and back through LINK_TYPES", () => {
    for (const name of LINK_TYPES) {
      const code = linkTypeFromName(name);
      expect(code).toBe(LINK_TYPE_CODES[name]);
      expect(LINK_TYPES[code ?? -1]).toBe(name);
    }
  });

  it("keeps the bit layout the core relies on: bit 0 clear = predecessor's finish, bit 1 set = successor's finish", () => {
    expect(LINK_TYPES.filter((t) => (LINK_TYPE_CODES[t] & 1) === 0)).toEqual(["FS", "FF"]);
    expect(LINK_TYPES.filter((t) => (LINK_TYPE_CODES[t] & 2) !== 0)).toEqual(["FF", "SF"]);
  });

  it.each(["fs", "XX", "", 0, null, undefined])("refuses %j", (name) => {
    expect(linkTypeFromName(name)).toBeUndefined();
  });
});
