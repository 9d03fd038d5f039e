import { describe, expect, it } from "vitest";
import { auditChanges, auditSubject } from "./audit-diff";

describe("auditChanges", () => {
  it("lists changed fields and skips bookkeeping columns", () => {
    const before = { id: "1", name: "Acme", stage: "planning", version: 1, updatedAt: "a" };
    const after = { id: "1", name: "Acme Ltd", stage: "planning", version: 2, updatedAt: "b" };
    expect(auditChanges(before, after)).toEqual([{ field: "name", before: "Acme", after: "Acme Ltd" }]);
  });

  it("treats a field set from null as a change", () => {
    expect(auditChanges({ endDate: null }, { endDate: "2025-06-30" })).toEqual([{ field: "endDate", before: null, after: "2025-06-30" }]);
  });

  it("lists nothing for a creation or deletion", () => {
    expect(auditChanges(null, { name: "Acme" })).toEqual([]);
    expect(auditChanges({ name: "Acme" }, null)).toEqual([]);
  });
});

describe("auditSubject", () => {
  it("prefers the code, then the name", () => {
    expect(auditSubject(null, { code: "ACME-IM", name: "Rollout" })).toBe("ACME-IM");
    expect(auditSubject({ name: "Acme" }, null)).toBe("Acme");
    expect(auditSubject(null, null)).toBeNull();
  });
});

describe("auditSubject for memberships and comments", () => {
  it("names the member from the people the app knows", () => {
    const names = new Map([["u1", "Li Na"]]);
    expect(auditSubject(null, { role: "manager", userId: "u1" }, names)).toBe("Li Na");
  });

  it("quotes the start of a comment", () => {
    expect(auditSubject(null, { body: "Could go-live\nmove up?" })).toBe("“Could go-live move up?”");
  });
});
