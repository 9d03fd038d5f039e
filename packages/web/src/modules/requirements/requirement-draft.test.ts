import { describe, expect, it } from "vitest";
import { addTags, draftOfRequirement, moveItem, requirementChanges, requirementValuesOf, EMPTY_REQUIREMENT_DRAFT } from "./requirement-draft";

const base = {
  ...EMPTY_REQUIREMENT_DRAFT,
  title: "Single sign-on",
  tags: ["auth"],
  acceptanceCriteria: [{ key: "c1", id: "c1", text: "Users log in with the client's IdP" }],
};

describe("requirement draft", () => {
  it("turns blank choices into nulls for the API", () => {
    expect(requirementValuesOf({ ...base, ownerId: "", moscow: "", clientPriority: "" })).toMatchObject({ ownerId: null, moscow: null, clientPriority: null });
    expect(requirementValuesOf({ ...base, moscow: "must", clientPriority: "2" })).toMatchObject({ moscow: "must", clientPriority: 2 });
  });

  it("sends new criteria without an id and kept ones with theirs", () => {
    const values = requirementValuesOf({ ...base, acceptanceCriteria: [...base.acceptanceCriteria, { key: "new-1", text: " Log out " }] });
    expect(values.acceptanceCriteria).toEqual([{ id: "c1", text: "Users log in with the client's IdP" }, { text: "Log out" }]);
  });

  it("lists only what really changed", () => {
    expect(requirementChanges(base, { ...base, tags: ["auth"] })).toEqual({});
    expect(requirementChanges(base, { ...base, title: " Single sign-on " })).toEqual({});
    expect(requirementChanges(base, { ...base, tags: ["auth", "sso"], moscow: "should" })).toEqual({ tags: ["auth", "sso"], moscow: "should" });
  });

  it("reads a requirement back into a draft", () => {
    const draft = draftOfRequirement({
      id: "r",
      projectId: "p",
      number: 1,
      key: "REQ-1",
      title: "T",
      description: "",
      type: "security",
      status: "draft",
      statusReason: null,
      ownerId: null,
      ownerName: null,
      tags: [],
      acceptanceCriteria: [{ id: "a", text: "x" }],
      moscow: null,
      clientPriority: 3,
      rank: 0,
      priorityInputs: {},
      createdById: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
      version: 1,
    });
    expect(draft).toMatchObject({ type: "security", ownerId: "", moscow: "", clientPriority: "3", acceptanceCriteria: [{ key: "a", id: "a", text: "x" }] });
  });
});

describe("tags and lists", () => {
  it("adds typed tags without repeats", () => {
    expect(addTags(["Auth"], "auth, sso ,，性能")).toEqual(["Auth", "sso", "性能"]);
    expect(addTags([], "   ")).toEqual([]);
  });

  it("moves an item within bounds", () => {
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 5)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
  });
});
