/**
 * The client's confirmation of a requirement: a contact of the client, in the portal, approves the version they read
 * or asks for clarification with a comment. Pure rules; the server records the confirmation and makes the move.
 */
import { jsonEqual, type RequirementSnapshot } from "./requirement-snapshot";
import { REQUIREMENT_CONTENT_FIELDS, type RequirementStatus } from "./requirement-workflow";

export const REQUIREMENT_CONFIRMATION_DECISIONS = ["approved", "clarification_requested"] as const;
export type RequirementConfirmationDecision = (typeof REQUIREMENT_CONFIRMATION_DECISIONS)[number];

/**
 * Where a decision sends the requirement: an approval makes it `approved`; a request for clarification sends it back
 * to the team (`in_analysis`), which answers and sends it again.
 *
 * @example
 * requirementConfirmationTarget("approved"); // "approved"
 * requirementConfirmationTarget("clarification_requested"); // "in_analysis"
 */
export function requirementConfirmationTarget(decision: RequirementConfirmationDecision): RequirementStatus {
  switch (decision) {
    case "approved":
      return "approved";
    case "clarification_requested":
      return "in_analysis";
  }
}

export type RequirementConfirmationProblem =
  /** The requirement is not waiting for the client: already approved, back with the team, rejected… */
  | "not_awaiting"
  /** It changed since the contact read it: they must confirm what it says now, not what it said then. */
  | "stale"
  /** A request for clarification says what needs clarifying. */
  | "comment_required";

export type RequirementConfirmationCheck =
  | { ok: true; to: RequirementStatus }
  | { ok: false; problem: RequirementConfirmationProblem };

/**
 * Whether a contact may record `decision` on a requirement now in `status` at `currentVersion`, having read
 * `seenVersion`. Checked in this order: the status (nothing to confirm), the version (confirm what you read), the
 * comment (blank counts as none).
 *
 * @example
 * requirementConfirmationCheck({ status: "awaiting_client", currentVersion: 3 }, { decision: "approved", seenVersion: 3, comment: "" });
 * // { ok: true, to: "approved" }
 * requirementConfirmationCheck({ status: "awaiting_client", currentVersion: 4 }, { decision: "approved", seenVersion: 3, comment: "" });
 * // { ok: false, problem: "stale" }: edited after the contact opened it
 * requirementConfirmationCheck({ status: "awaiting_client", currentVersion: 3 }, { decision: "clarification_requested", seenVersion: 3, comment: " " });
 * // { ok: false, problem: "comment_required" }
 */
export function requirementConfirmationCheck(
  requirement: { status: RequirementStatus; currentVersion: number },
  input: { decision: RequirementConfirmationDecision; seenVersion: number; comment: string },
): RequirementConfirmationCheck {
  if (requirement.status !== "awaiting_client") return { ok: false, problem: "not_awaiting" };
  if (input.seenVersion !== requirement.currentVersion) return { ok: false, problem: "stale" };
  if (input.decision === "clarification_requested" && input.comment.trim() === "") return { ok: false, problem: "comment_required" };
  return { ok: true, to: requirementConfirmationTarget(input.decision) };
}

/**
 * Whether what a requirement says (title, description, type, acceptance criteria) differs between the version a
 * contact confirmed and `current`. A move through the workflow, a new owner, tags or priorities change the version
 * number but not what the client agreed to, so they do not count.
 *
 * @example
 * // Approved at v3 (the approval itself made v4), then the team added a criterion (v5):
 * requirementContentChangedSince(v3, v5); // true
 * requirementContentChangedSince(v3, v4); // false: only the status moved
 */
export function requirementContentChangedSince(confirmed: RequirementSnapshot, current: RequirementSnapshot): boolean {
  return REQUIREMENT_CONTENT_FIELDS.some((field) => !jsonEqual(confirmed[field], current[field]));
}
