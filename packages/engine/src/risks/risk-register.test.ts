import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  RISK_REVIEWED_FIELDS,
  RISK_STATUSES,
  riskIsActive,
  riskKey,
  riskNumberFromText,
  riskReviewOverdue,
  riskReviewedChanges,
  riskStatusProblem,
  type RiskState,
} from "./risk-register";
import { RISK_RATINGS } from "./risk-score";

const state = fc.record({
  probability: fc.constantFrom(...RISK_RATINGS),
  impact: fc.constantFrom(...RISK_RATINGS),
  status: fc.constantFrom(...RISK_STATUSES),
}) as fc.Arbitrary<RiskState>;

describe("risk keys", () => {
  it("formats and finds keys", () => {
    expect(riskKey(3)).toBe("RISK-3");
    expect(riskNumberFromText("RISK-12")).toBe(12);
    expect(riskNumberFromText(" risk 4 ")).toBe(4);
    expect(riskNumberFromText("risk4")).toBe(4);
    expect(riskNumberFromText("12 servers")).toBeNull();
    expect(riskNumberFromText("REQ-1")).toBeNull();
  });

  it("reads back every key it makes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (n) => {
        expect(riskNumberFromText(riskKey(n))).toBe(n);
      }),
    );
  });
});

describe("riskReviewedChanges", () => {
  it("names the fields a review records", () => {
    expect(riskReviewedChanges({ probability: 4, impact: 3, status: "open" }, { probability: 2, impact: 3, status: "monitoring" })).toEqual(["probability", "status"]);
    expect(riskReviewedChanges({ probability: 4, impact: 3, status: "open" }, { probability: 4, impact: 3, status: "open" })).toEqual([]);
  });

  it("is empty exactly when the states are equal, and symmetric", () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        const changes = riskReviewedChanges(a, b);
        expect(changes.length === 0).toBe(RISK_REVIEWED_FIELDS.every((f) => a[f] === b[f]));
        expect(riskReviewedChanges(b, a)).toEqual(changes);
      }),
    );
  });
});

describe("riskStatusProblem", () => {
  it("asks for a reason to close, and for nothing else", () => {
    expect(riskStatusProblem("closed", "")).toBe("reason_required");
    expect(riskStatusProblem("closed", "   ")).toBe("reason_required");
    expect(riskStatusProblem("closed", null)).toBe("reason_required");
    expect(riskStatusProblem("closed", "The vendor delivered")).toBeNull();
    for (const status of RISK_STATUSES.filter((s) => s !== "closed")) expect(riskStatusProblem(status, "")).toBeNull();
  });

  it("counts open and monitoring as active", () => {
    expect(RISK_STATUSES.filter(riskIsActive)).toEqual(["open", "monitoring"]);
  });
});

describe("riskReviewOverdue", () => {
  it("works out the worked examples", () => {
    expect(riskReviewOverdue("2025-03-01", "open", "2025-03-02")).toBe(true);
    expect(riskReviewOverdue("2025-03-02", "open", "2025-03-02")).toBe(false);
    expect(riskReviewOverdue("2025-03-01", "closed", "2025-03-09")).toBe(false);
    expect(riskReviewOverdue("2025-03-01", "occurred", "2025-03-09")).toBe(true);
    expect(riskReviewOverdue(null, "open", "2025-03-09")).toBe(false);
    expect(riskReviewOverdue("2024-12-31", "monitoring", "2025-01-01")).toBe(true);
  });

  it("agrees with comparing the days as dates", () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.constantFrom(...RISK_STATUSES), (review, today, status) => {
        expect(riskReviewOverdue(review, status, today)).toBe(status !== "closed" && Date.parse(review) < Date.parse(today));
      }),
    );
  });
});
