/**
 * The risk register's vocabulary and rules: keys (`RISK-n`), categories, response strategies (PMBOK's four for
 * threats), statuses, what a change to a risk means for its review history, and when a review is overdue.
 *
 * ```
 *   open ⇄ monitoring ⇄ occurred (it happened: now an issue)
 *     └───────┴───────────┴──▶ closed (a reason is required) ──reopen──▶ open | monitoring
 * ```
 */
import type { RiskRating } from "./risk-score";

export const RISK_CATEGORIES = ["technical", "schedule", "cost", "scope", "resource", "stakeholder", "security", "vendor", "other"] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Responses to a threat: remove the cause, reduce probability or impact, hand it to a third party, or live with it. */
export const RISK_STRATEGIES = ["avoid", "mitigate", "transfer", "accept"] as const;
export type RiskStrategy = (typeof RISK_STRATEGIES)[number];

/**
 * `open`: identified, the response is being carried out. `monitoring`: the response is in place, the team watches
 * the trigger. `occurred`: the risk happened and is handled as an issue. `closed`: no longer a risk (with a reason).
 */
export const RISK_STATUSES = ["open", "monitoring", "occurred", "closed"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** The statuses that still threaten the project: what the heat map and the exposure count by default. */
export const RISK_ACTIVE_STATUSES = ["open", "monitoring"] as const satisfies readonly RiskStatus[];

export const riskIsActive = (status: RiskStatus): boolean => (RISK_ACTIVE_STATUSES as readonly RiskStatus[]).includes(status);

/** The prefix of a risk's key: `RISK-1`, `RISK-2`, … per project. */
export const RISK_KEY_PREFIX = "RISK-";

/**
 * @example
 * riskKey(3); // "RISK-3"
 */
export function riskKey(number: number): string {
  return `${RISK_KEY_PREFIX}${number}`;
}

/**
 * The number in a search text that looks like a risk key (`RISK-3`, `risk 3`), or null, so `?q=RISK-3` finds
 * that risk exactly.
 *
 * @example
 * riskNumberFromText("RISK-12"); // 12
 * riskNumberFromText("risk 4"); // 4
 * riskNumberFromText("12 servers"); // null
 */
export function riskNumberFromText(text: string): number | null {
  const match = /^risk[\s-]?(\d{1,9})$/i.exec(text.trim());
  return match?.[1] ? Number(match[1]) : null;
}

/** What a review records of a risk: its assessment and status. */
export type RiskState = { probability: RiskRating; impact: RiskRating; status: RiskStatus };

export const RISK_REVIEWED_FIELDS = ["probability", "impact", "status"] as const satisfies readonly (keyof RiskState)[];
export type RiskReviewedField = (typeof RISK_REVIEWED_FIELDS)[number];

/**
 * The reviewed fields that differ between two states, in `RISK_REVIEWED_FIELDS` order. An edit that changes any of
 * them writes a review row (before → after) in the same transaction; one that changes none does not.
 *
 * @example
 * riskReviewedChanges({ probability: 4, impact: 3, status: "open" }, { probability: 2, impact: 3, status: "monitoring" });
 * // ["probability", "status"]
 */
export function riskReviewedChanges(before: RiskState, after: RiskState): RiskReviewedField[] {
  return RISK_REVIEWED_FIELDS.filter((field) => before[field] !== after[field]);
}

export type RiskStatusProblem = "reason_required";

/**
 * Whether a move to `to` may be made as given. Every move between statuses is allowed (a risk may be reopened,
 * an occurred risk go back to monitoring once handled); closing needs a reason, so the register says why a risk
 * stopped being one.
 *
 * @example
 * riskStatusProblem("closed", ""); // "reason_required"
 * riskStatusProblem("closed", "The vendor delivered"); // null
 * riskStatusProblem("monitoring", ""); // null
 */
export function riskStatusProblem(to: RiskStatus, reason: string | null | undefined): RiskStatusProblem | null {
  return to === "closed" && !reason?.trim() ? "reason_required" : null;
}

/** `YYYY-MM-DD` dates compare as strings. */
export type IsoDate = string;

/**
 * Whether a risk's review is overdue on `today` (both `YYYY-MM-DD`, in the project's calendar): it has a review
 * date before today and is not closed. Due today is not overdue yet.
 *
 * @example
 * riskReviewOverdue("2025-03-01", "open", "2025-03-02"); // true
 * riskReviewOverdue("2025-03-02", "open", "2025-03-02"); // false
 * riskReviewOverdue("2025-03-01", "closed", "2025-03-09"); // false
 * riskReviewOverdue(null, "open", "2025-03-09"); // false
 */
export function riskReviewOverdue(reviewDate: IsoDate | null, status: RiskStatus, today: IsoDate): boolean {
  return reviewDate !== null && status !== "closed" && reviewDate < today;
}
