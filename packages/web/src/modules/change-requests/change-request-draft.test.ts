import { describe, expect, it } from "vitest";
import type { TChangeRequest } from "@jiaofu/contracts";
import { EMPTY_CHANGE_REQUEST_DRAFT, changeRequestChanges, changeRequestValuesOf, draftOfChangeRequest, itemErrors, itemRequirementIds, type ChangeRequestDraft } from "./change-request-draft";
import { contentChanges } from "./change-request-items";

const ref = { id: "11111111-1111-4111-8111-111111111111", key: "REQ-1", title: "Sign in", status: "baselined" as const };
const content = { title: "Sign in", description: "Users sign in.", type: "functional" as const, acceptanceCriteria: [{ id: "c1", text: "Wrong passwords fail" }], moscow: "must" as const };

const stored: TChangeRequest = {
  id: "22222222-2222-4222-8222-222222222222",
  projectId: "33333333-3333-4333-8333-333333333333",
  number: 1,
  key: "CR-1",
  title: "SSO",
  reason: "Policy",
  status: "draft",
  impactEffortHours: 40,
  impactDays: null,
  impactCost: 1200.5,
  currency: "CNY",
  managerDecision: null,
  clientDecision: null,
  appliedAt: null,
  resultingBaseline: null,
  itemCounts: { add: 1, modify: 1, remove: 1 },
  createdById: null,
  createdByName: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
  version: 3,
  description: "",
  descriptionHtml: "",
  items: [
    { id: "i1", position: 0, action: "add", requirement: null, proposed: { ...content, title: "WeCom" }, before: null, result: null },
    { id: "i2", position: 1, action: "modify", requirement: ref, proposed: { ...content, title: "Sign in with SSO" }, before: content, result: null },
    { id: "i3", position: 2, action: "remove", requirement: { ...ref, id: "44444444-4444-4444-8444-444444444444", key: "REQ-2" }, proposed: null, before: content, result: null },
  ],
};

describe("the change request draft", () => {
  it("reads a stored request and sends it back as the API takes it", () => {
    const draft = draftOfChangeRequest(stored);
    expect(draft).toMatchObject({ impactEffortHours: "40", impactDays: "", impactCost: "1200.5", currency: "CNY" });
    expect(changeRequestValuesOf(draft)).toEqual({
      title: "SSO",
      description: "",
      reason: "Policy",
      impactEffortHours: 40,
      impactDays: null,
      impactCost: 1200.5,
      currency: "CNY",
      items: [
        { action: "add", proposed: { ...content, title: "WeCom" } },
        { action: "modify", requirementId: ref.id, proposed: { ...content, title: "Sign in with SSO" } },
        { action: "remove", requirementId: "44444444-4444-4444-8444-444444444444" },
      ],
    });
    expect(itemRequirementIds(draft.items)).toEqual([ref.id, "44444444-4444-4444-8444-444444444444"]);
  });

  it("sends only what changed, the items as a whole", () => {
    const base = draftOfChangeRequest(stored);
    expect(changeRequestChanges(base, { ...base, reason: "Policy " })).toEqual({});
    expect(changeRequestChanges(base, { ...base, currency: "usd", impactDays: "2" })).toEqual({ currency: "USD", impactDays: 2 });
    const fewer: ChangeRequestDraft = { ...base, items: base.items.slice(1) };
    expect(Object.keys(changeRequestChanges(base, fewer))).toEqual(["items"]);
    expect(changeRequestValuesOf(EMPTY_CHANGE_REQUEST_DRAFT)).toMatchObject({ impactCost: null, currency: "CNY", items: [] });
  });

  it("hands each item the API's errors under its index", () => {
    expect(itemErrors({ "items.1.proposed.title": "Required.", "items.1.requirementId": "Twice.", "items.10.proposed.title": "No.", title: "Top" }, 1)).toEqual({ title: "Required.", requirementId: "Twice." });
  });

  it("lists the content fields a modification changes", () => {
    expect(contentChanges(content, { ...content, title: "Sign in with SSO", moscow: null })).toEqual([
      { field: "title", before: "Sign in", after: "Sign in with SSO" },
      { field: "moscow", before: "must", after: null },
    ]);
    expect(contentChanges(content, content)).toEqual([]);
  });
});
