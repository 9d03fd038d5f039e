import { describe, expect, it } from "vitest";
import { changedFields } from "./changed-fields";

type Draft = { code: string; startDate: string; notes: string };
const valuesOf = (draft: Draft) => ({ ...draft, code: draft.code.trim().toUpperCase(), startDate: draft.startDate || null });

describe("changedFields", () => {
  const base: Draft = { code: "ACME-IM", startDate: "2025-03-01", notes: "" };

  it("is empty when nothing changed", () => {
    expect(changedFields(base, { ...base }, valuesOf)).toEqual({});
  });

  it("keeps only what changed, as the request has it", () => {
    expect(changedFields(base, { ...base, code: " acme-crm ", startDate: "" }, valuesOf)).toEqual({ code: "ACME-CRM", startDate: null });
  });

  it("sends a field changed back and forth only if it differs at the end", () => {
    expect(changedFields(base, { ...base, notes: "" }, (draft) => draft)).toEqual({});
  });
});
