import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHANGE_REQUEST_DECISIONS,
  CHANGE_REQUEST_ITEM_ACTIONS,
  CHANGE_REQUEST_STATUSES,
  CHANGE_REQUEST_TARGET_STATUSES,
  changeRequestEditable,
  changeRequestItemProblems,
  changeRequestKey,
  changeRequestOutcome,
  changeRequestRemovalOrigin,
  changeRequestWithdrawable,
} from "./change-request";
import { REQUIREMENT_STATUSES, requirementTransitionCheck, type RequirementStatus } from "./requirement-workflow";

describe("change request keys and statuses", () => {
  it("formats keys per project", () => {
    expect(changeRequestKey(1)).toBe("CR-1");
    expect(changeRequestKey(42)).toBe("CR-42");
  });

  it("edits and withdraws only open requests", () => {
    expect(CHANGE_REQUEST_STATUSES.filter(changeRequestEditable)).toEqual(["draft", "submitted"]);
    expect(CHANGE_REQUEST_STATUSES.filter(changeRequestWithdrawable)).toEqual(["draft", "submitted"]);
  });
});

describe("changeRequestOutcome", () => {
  it("works out the worked examples", () => {
    expect(changeRequestOutcome({ manager: null, client: null })).toBe("pending");
    expect(changeRequestOutcome({ manager: "approved", client: null })).toBe("pending");
    expect(changeRequestOutcome({ manager: null, client: "approved" })).toBe("pending");
    expect(changeRequestOutcome({ manager: "approved", client: "approved" })).toBe("approved");
    expect(changeRequestOutcome({ manager: "rejected", client: null })).toBe("rejected");
    expect(changeRequestOutcome({ manager: "approved", client: "rejected" })).toBe("rejected");
  });

  it("is symmetric, rejects on any rejection, approves only on two approvals", () => {
    const decision = fc.option(fc.constantFrom(...CHANGE_REQUEST_DECISIONS), { nil: null });
    fc.assert(
      fc.property(decision, decision, (manager, client) => {
        const outcome = changeRequestOutcome({ manager, client });
        expect(changeRequestOutcome({ manager: client, client: manager })).toBe(outcome);
        expect(outcome === "rejected").toBe(manager === "rejected" || client === "rejected");
        expect(outcome === "approved").toBe(manager === "approved" && client === "approved");
      }),
    );
  });
});

describe("changeRequestItemProblems", () => {
  const statuses = new Map<string, RequirementStatus>([
    ["r1", "baselined"],
    ["r2", "draft"],
    ["r3", "approved"],
  ]);
  const statusOf = (id: string) => statuses.get(id);

  it("accepts adds and in-scope targets, and names each problem by item", () => {
    expect(changeRequestItemProblems([{ action: "add" }, { action: "modify", requirementId: "r1" }, { action: "remove", requirementId: "r3" }], statusOf)).toEqual([]);
    expect(
      changeRequestItemProblems(
        [
          { action: "modify", requirementId: "r1" },
          { action: "remove", requirementId: "r2" },
          { action: "remove", requirementId: "r1" },
          { action: "modify", requirementId: "nope" },
          { action: "remove" },
        ],
        statusOf,
      ),
    ).toEqual([
      { index: 1, problem: "not_in_scope" },
      { index: 2, problem: "requirement_twice" },
      { index: 3, problem: "unknown_requirement" },
      { index: 4, problem: "requirement_missing" },
    ]);
  });

  it("finds a problem exactly for the targets out of scope or repeated (property)", () => {
    const ids = ["a", "b", "c", "d"];
    const item = fc.record({ action: fc.constantFrom(...CHANGE_REQUEST_ITEM_ACTIONS), requirementId: fc.constantFrom(...ids) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), fc.array(fc.constantFrom(...REQUIREMENT_STATUSES), { minLength: ids.length, maxLength: ids.length }), (items, picked) => {
        const byId = new Map(ids.map((id, i) => [id, picked[i] as RequirementStatus]));
        const problems = changeRequestItemProblems(items, (id) => byId.get(id));
        const seen = new Set<string>();
        const expected = items.flatMap((it, index) => {
          if (it.action === "add") return [];
          if (seen.has(it.requirementId)) return [index];
          seen.add(it.requirementId);
          return CHANGE_REQUEST_TARGET_STATUSES.includes(byId.get(it.requirementId) as RequirementStatus) ? [] : [index];
        });
        expect(problems.map((p) => p.index)).toEqual(expected);
      }),
    );
  });
});

describe("changeRequestRemovalOrigin", () => {
  it("makes a move the workflow allows, for every status a request may remove", () => {
    for (const status of CHANGE_REQUEST_TARGET_STATUSES) {
      expect(requirementTransitionCheck(status, "rejected", changeRequestRemovalOrigin(status), "CR-1: out of scope").ok).toBe(true);
    }
  });
});
