/**
 * Change requests: after a baseline, scope changes only through a request (`CR-n`) whose items add, modify or remove
 * requirements. Two sides decide — the project manager and the client contact; a rejection by either ends it, the
 * second approval applies it. Pure rules; the server stores, authorises and applies.
 *
 * ```
 *   draft ──submit──▶ submitted ──both approve──▶ approved (applied: register changed, new baseline)
 *     │                  │ └──either rejects──▶ rejected
 *     └──withdraw──▶ withdrawn ◀──withdraw──┘
 * ```
 */
import type { RequirementStatus, RequirementTransitionOrigin } from "./requirement-workflow";

export const CHANGE_REQUEST_STATUSES = ["draft", "submitted", "approved", "rejected", "withdrawn"] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

export const CHANGE_REQUEST_ITEM_ACTIONS = ["add", "modify", "remove"] as const;
export type ChangeRequestItemAction = (typeof CHANGE_REQUEST_ITEM_ACTIONS)[number];

export const CHANGE_REQUEST_DECISIONS = ["approved", "rejected"] as const;
export type ChangeRequestDecision = (typeof CHANGE_REQUEST_DECISIONS)[number];

/** The prefix of a change request's key: `CR-1`, `CR-2`, … per project. */
export const CHANGE_REQUEST_KEY_PREFIX = "CR-";

/**
 * @example
 * changeRequestKey(4); // "CR-4"
 */
export function changeRequestKey(number: number): string {
  return `${CHANGE_REQUEST_KEY_PREFIX}${number}`;
}

/**
 * The requirements a change request may modify or remove: the agreed scope. Baselined ones are what the request is
 * for (their content is frozen); approved ones, agreed since the last baseline, may be changed in the same request
 * so that one decision covers the whole change.
 */
export const CHANGE_REQUEST_TARGET_STATUSES: readonly RequirementStatus[] = ["baselined", "approved"];

/** Whether a request in `status` can still be changed (its text, impact and items). */
export const changeRequestEditable = (status: ChangeRequestStatus): boolean => status === "draft" || status === "submitted";

/** Whether a request in `status` can be withdrawn by the team. */
export const changeRequestWithdrawable = (status: ChangeRequestStatus): boolean => status === "draft" || status === "submitted";

/**
 * Where two decisions lead: `rejected` as soon as either side rejected, `approved` once both approved, else
 * `pending` (waiting for the side that has not decided).
 *
 * @example
 * changeRequestOutcome({ manager: "approved", client: null }); // "pending"
 * changeRequestOutcome({ manager: "approved", client: "rejected" }); // "rejected"
 * changeRequestOutcome({ manager: "approved", client: "approved" }); // "approved"
 */
export function changeRequestOutcome(decisions: { manager: ChangeRequestDecision | null; client: ChangeRequestDecision | null }): "pending" | ChangeRequestDecision {
  if (decisions.manager === "rejected" || decisions.client === "rejected") return "rejected";
  if (decisions.manager === "approved" && decisions.client === "approved") return "approved";
  return "pending";
}

/** One item as the checks see it: what it does and, for modify/remove, which requirement. */
export type ChangeRequestItemRef = { action: ChangeRequestItemAction; requirementId?: string | null | undefined };

export type ChangeRequestItemProblem =
  /** The requirement does not exist in the project. */
  | "unknown_requirement"
  /** The requirement is not in scope (not baselined or approved): the register changes it directly. */
  | "not_in_scope"
  /** Another item of the request already changes this requirement. */
  | "requirement_twice"
  /** A modify or remove item names no requirement. */
  | "requirement_missing";

/**
 * The problems of a request's items against the project's requirements (`statusOf` answers a requirement's status,
 * or undefined when the project has no such requirement), each with the index of its item. Empty when all is well.
 *
 * @example
 * const statuses = new Map([["r1", "baselined"], ["r2", "draft"]]);
 * changeRequestItemProblems([{ action: "modify", requirementId: "r1" }, { action: "remove", requirementId: "r2" }, { action: "remove", requirementId: "r1" }], (id) => statuses.get(id));
 * // [{ index: 1, problem: "not_in_scope" }, { index: 2, problem: "requirement_twice" }]
 */
export function changeRequestItemProblems(
  items: readonly ChangeRequestItemRef[],
  statusOf: (requirementId: string) => RequirementStatus | undefined,
): { index: number; problem: ChangeRequestItemProblem }[] {
  const problems: { index: number; problem: ChangeRequestItemProblem }[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (item.action === "add") return;
    const id = item.requirementId;
    if (!id) {
      problems.push({ index, problem: "requirement_missing" });
      return;
    }
    if (seen.has(id)) {
      problems.push({ index, problem: "requirement_twice" });
      return;
    }
    seen.add(id);
    const status = statusOf(id);
    if (status === undefined) problems.push({ index, problem: "unknown_requirement" });
    else if (!CHANGE_REQUEST_TARGET_STATUSES.includes(status)) problems.push({ index, problem: "not_in_scope" });
  });
  return problems;
}

/**
 * Who makes the "out of scope" move when an approved request removes a requirement: the workflow reserves
 * `baselined → rejected` for change requests; an approved requirement not yet baselined can be rejected by hand
 * anyway, so the request makes that move as a person would.
 *
 * @example
 * changeRequestRemovalOrigin("baselined"); // "change_request"
 * changeRequestRemovalOrigin("approved"); // "manual"
 */
export function changeRequestRemovalOrigin(status: RequirementStatus): RequirementTransitionOrigin {
  return status === "baselined" ? "change_request" : "manual";
}
