import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  REQUIREMENT_STATUSES,
  REQUIREMENT_TRANSITION_ORIGINS,
  type RequirementStatus,
  type RequirementTransitionOrigin,
  requirementEditEffect,
  requirementNextStatuses,
  requirementTransitionCheck,
  requirementVisibleToClient,
} from "./requirement-workflow";

/**
 * The table in docs/requirements.md, written out independently of the code: row = from, column = to.
 * M manual · R manual, reason required · E manual or automatic on a content edit · C manual or the client contact's
 * confirmation · B baseline · X an approved change request · D delivery · A acceptance · . no such move.
 */
const TABLE = `
                 draft in_analysis awaiting_client approved baselined delivered accepted rejected deferred
draft              .        M            .            .         .         .        .        R        R
in_analysis        .        .            M            .         .         .        .        R        R
awaiting_client    .        C            .            C         .         .        .        R        R
approved           .        M            E            .         B         .        .        R        R
baselined          .        .            .            .         .         D        .        X        .
delivered          .        .            .            .         .         .        A        .        .
accepted           .        .            .            .         .         .        .        .        .
rejected           M        .            .            .         .         .        .        .        .
deferred           .        M            .            .         .         .        .        .        .
`;

const [header = "", ...lines] = TABLE.trim().split("\n");
const columns = header.trim().split(/\s+/) as RequirementStatus[];
const cells = new Map<string, string>();
for (const line of lines) {
  const [from = "", ...marks] = line.trim().split(/\s+/);
  marks.forEach((mark, i) => cells.set(`${from}>${columns[i]}`, mark));
}
const ORIGINS_OF: Record<string, RequirementTransitionOrigin[]> = {
  ".": [],
  M: ["manual"],
  R: ["manual"],
  E: ["manual", "edit"],
  C: ["manual", "client"],
  X: ["change_request"],
  B: ["baseline"],
  D: ["delivery"],
  A: ["acceptance"],
};

describe("requirement workflow", () => {
  it("documents every pair of statuses", () => {
    expect(columns).toEqual([...REQUIREMENT_STATUSES]);
    expect(cells.size).toBe(REQUIREMENT_STATUSES.length ** 2);
  });

  for (const from of REQUIREMENT_STATUSES) {
    for (const to of REQUIREMENT_STATUSES) {
      const mark = cells.get(`${from}>${to}`) ?? "?";
      it(`${from} → ${to}: ${mark}`, () => {
        for (const via of REQUIREMENT_TRANSITION_ORIGINS) {
          const check = requirementTransitionCheck(from, to, via, "because");
          const expected = (ORIGINS_OF[mark] ?? []).includes(via);
          expect(check.ok, `${from} → ${to} by ${via}`).toBe(expected);
          if (!check.ok) {
            const problem = from === to ? "unchanged" : mark === "." ? "not_allowed" : "reserved";
            expect(check.problem, `${from} → ${to} by ${via}`).toBe(problem);
          }
        }
        // A reason is needed exactly for R moves.
        const unreasoned = requirementTransitionCheck(from, to, "manual", "  ");
        if (mark === "R") expect(unreasoned).toMatchObject({ ok: false, problem: "reason_required" });
        else expect(unreasoned.ok).toBe(["M", "E", "C"].includes(mark));
      });
    }
  }

  it("lists the allowed next statuses with every refusal, in workflow order", () => {
    expect(requirementTransitionCheck("draft", "approved")).toEqual({ ok: false, problem: "not_allowed", allowed: ["in_analysis", "rejected", "deferred"] });
    expect(requirementNextStatuses("awaiting_client")).toEqual(["in_analysis", "approved", "rejected", "deferred"]);
    expect(requirementNextStatuses("approved", "baseline")).toEqual(["baselined"]);
    expect(requirementNextStatuses("accepted")).toEqual([]);
  });

  it("lets every status except accepted be left somehow, and accepted only be reached by acceptance", () => {
    for (const from of REQUIREMENT_STATUSES) {
      const exits = REQUIREMENT_TRANSITION_ORIGINS.flatMap((via) => requirementNextStatuses(from, via));
      expect(exits.length > 0, from).toBe(from !== "accepted");
    }
    fc.assert(
      fc.property(fc.constantFrom(...REQUIREMENT_STATUSES), fc.constantFrom(...REQUIREMENT_TRANSITION_ORIGINS), (from, via) => {
        expect(requirementTransitionCheck(from, "accepted", via).ok).toBe(from === "delivered" && via === "acceptance");
      }),
    );
  });

  it("sends an approved requirement back to the client when its content changes, and freezes baselined content", () => {
    expect(requirementEditEffect("approved", ["description"])).toBe("reconfirm");
    expect(requirementEditEffect("approved", ["acceptanceCriteria"])).toBe("reconfirm");
    expect(requirementEditEffect("approved", ["tags", "moscow", "ownerId", "clientPriority", "rank"])).toBe("none");
    expect(requirementEditEffect("in_analysis", ["title"])).toBe("none");
    expect(requirementEditEffect("awaiting_client", ["type"])).toBe("none");
    for (const status of ["baselined", "delivered", "accepted"] as const) {
      expect(requirementEditEffect(status, ["title"])).toBe("frozen");
      expect(requirementEditEffect(status, ["tags"])).toBe("none");
    }
    // The automatic move is a legal transition of its own.
    expect(requirementTransitionCheck("approved", "awaiting_client", "edit").ok).toBe(true);
  });

  it("keeps drafts and analysis from client contacts, and shows rejected/deferred only once shared", () => {
    const visible = REQUIREMENT_STATUSES.filter((s) => requirementVisibleToClient(s, false));
    expect(visible).toEqual(["awaiting_client", "approved", "baselined", "delivered", "accepted"]);
    const onceShared = REQUIREMENT_STATUSES.filter((s) => requirementVisibleToClient(s, true));
    expect(onceShared).toEqual(["awaiting_client", "approved", "baselined", "delivered", "accepted", "rejected", "deferred"]);
  });
});
