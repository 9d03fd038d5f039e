import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  REQUIREMENT_CONFIRMATION_DECISIONS,
  requirementConfirmationCheck,
  requirementConfirmationTarget,
  requirementContentChangedSince,
} from "./requirement-confirmation";
import type { RequirementSnapshot } from "./requirement-snapshot";
import { REQUIREMENT_STATUSES, requirementTransitionCheck } from "./requirement-workflow";

const v3: RequirementSnapshot = {
  title: "Audit search",
  description: "Search archived chats by person and keyword.",
  type: "compliance",
  status: "awaiting_client",
  statusReason: null,
  ownerId: "u1",
  tags: ["archive"],
  acceptanceCriteria: [{ id: "c1", text: "Results within 10 seconds" }],
  moscow: "must",
  clientPriority: 2,
  rank: 4,
};

describe("requirementConfirmationTarget", () => {
  it("approves, or sends back to the team for clarification", () => {
    expect(requirementConfirmationTarget("approved")).toBe("approved");
    expect(requirementConfirmationTarget("clarification_requested")).toBe("in_analysis");
  });

  it("is a move the workflow lets the client make from awaiting_client", () => {
    for (const decision of REQUIREMENT_CONFIRMATION_DECISIONS) {
      expect(requirementTransitionCheck("awaiting_client", requirementConfirmationTarget(decision), "client").ok, decision).toBe(true);
    }
  });
});

describe("requirementConfirmationCheck", () => {
  const awaiting = { status: "awaiting_client" as const, currentVersion: 3 };

  it("accepts an approval of the version read, with or without a comment", () => {
    expect(requirementConfirmationCheck(awaiting, { decision: "approved", seenVersion: 3, comment: "" })).toEqual({ ok: true, to: "approved" });
    expect(requirementConfirmationCheck(awaiting, { decision: "approved", seenVersion: 3, comment: "Fine by us" })).toEqual({ ok: true, to: "approved" });
  });

  it("needs a comment to ask for clarification (blank is none)", () => {
    expect(requirementConfirmationCheck(awaiting, { decision: "clarification_requested", seenVersion: 3, comment: " \n " })).toEqual({ ok: false, problem: "comment_required" });
    expect(requirementConfirmationCheck(awaiting, { decision: "clarification_requested", seenVersion: 3, comment: "Which keywords?" })).toEqual({ ok: true, to: "in_analysis" });
  });

  it("refuses a version other than the current one", () => {
    expect(requirementConfirmationCheck(awaiting, { decision: "approved", seenVersion: 2, comment: "" })).toEqual({ ok: false, problem: "stale" });
    expect(requirementConfirmationCheck(awaiting, { decision: "approved", seenVersion: 4, comment: "" })).toEqual({ ok: false, problem: "stale" });
  });

  it("refuses in any status but awaiting_client, before looking at the version or comment", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REQUIREMENT_STATUSES.filter((s) => s !== "awaiting_client")),
        fc.constantFrom(...REQUIREMENT_CONFIRMATION_DECISIONS),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.string(),
        (status, decision, currentVersion, seenVersion, comment) => {
          expect(requirementConfirmationCheck({ status, currentVersion }, { decision, seenVersion, comment })).toEqual({ ok: false, problem: "not_awaiting" });
        },
      ),
    );
  });

  it("accepts exactly when awaiting, current and (for clarification) commented", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REQUIREMENT_CONFIRMATION_DECISIONS),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.string({ maxLength: 5 }),
        (decision, currentVersion, seenVersion, comment) => {
          const check = requirementConfirmationCheck({ status: "awaiting_client", currentVersion }, { decision, seenVersion, comment });
          const expected = seenVersion === currentVersion && (decision === "approved" || comment.trim() !== "");
          expect(check.ok).toBe(expected);
        },
      ),
    );
  });
});

describe("requirementContentChangedSince", () => {
  it("is false when only the status, owner, tags or priorities moved", () => {
    const v4: RequirementSnapshot = { ...v3, status: "approved", ownerId: "u2", tags: ["archive", "audit"], moscow: "should", clientPriority: 1, rank: 2 };
    expect(requirementContentChangedSince(v3, v4)).toBe(false);
  });

  it("is true when the title, description, type or a criterion changed", () => {
    expect(requirementContentChangedSince(v3, { ...v3, title: "Audit search v2" })).toBe(true);
    expect(requirementContentChangedSince(v3, { ...v3, description: `${v3.description}\nExports need approval.` })).toBe(true);
    expect(requirementContentChangedSince(v3, { ...v3, type: "security" })).toBe(true);
    expect(requirementContentChangedSince(v3, { ...v3, acceptanceCriteria: [{ id: "c1", text: "Results within 5 seconds" }] })).toBe(true);
    expect(requirementContentChangedSince(v3, { ...v3, acceptanceCriteria: [...v3.acceptanceCriteria, { id: "c2", text: "Exports are approved" }] })).toBe(true);
  });

  it("ignores the key order of stored criteria (snapshots come back from JSON)", () => {
    expect(requirementContentChangedSince(v3, { ...v3, acceptanceCriteria: [{ text: "Results within 10 seconds", id: "c1" }] })).toBe(false);
  });

  it("is reflexive-false and symmetric", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (title, description) => {
        const other = { ...v3, title, description };
        expect(requirementContentChangedSince(other, other)).toBe(false);
        expect(requirementContentChangedSince(v3, other)).toBe(requirementContentChangedSince(other, v3));
      }),
    );
  });
});
