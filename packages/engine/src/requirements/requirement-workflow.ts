/**
 * The life of a requirement: its statuses, which moves between them exist, who may make each move, and what an edit
 * does to a requirement the client has already approved. Pure rules; the server applies them and records history.
 *
 * ```
 *   draft → in_analysis → awaiting_client → approved ⇒ baselined ⇒ delivered ⇒ accepted
 *     ↑          ↑   ↖──────────┘    ↑  ↖───────┘│
 *     │          │  (clarification)  └───────────┘ (re-confirm; also automatic on a content edit)
 *  rejected   deferred        rejected / deferred reachable from draft … approved, each with a reason
 * ```
 * `⇒` moves belong to later features (baseline, delivery, acceptance), not to the transitions endpoint.
 */

/** Every status, in workflow order (the order `sort=status` uses). */
export const REQUIREMENT_STATUSES = [
  "draft",
  "in_analysis",
  "awaiting_client",
  "approved",
  "baselined",
  "delivered",
  "accepted",
  "rejected",
  "deferred",
] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

/**
 * Who makes a move. `manual`: a person through the transitions endpoint. `edit`: the system, because a content edit
 * reopened an approved requirement. `client`: a client contact's confirmation in the portal (approve, or ask for
 * clarification). `baseline`: taking a scope baseline. `change_request`: applying a change request both sides
 * approved. `delivery`, `acceptance`: the dedicated features of later stages.
 */
export const REQUIREMENT_TRANSITION_ORIGINS = ["manual", "edit", "client", "baseline", "change_request", "delivery", "acceptance"] as const;
export type RequirementTransitionOrigin = (typeof REQUIREMENT_TRANSITION_ORIGINS)[number];

export type RequirementTransitionRule = {
  from: RequirementStatus;
  to: RequirementStatus;
  /** The origins that may make this move. */
  via: readonly RequirementTransitionOrigin[];
  /** A reason must be given (rejecting or deferring). */
  reasonRequired: boolean;
};

const rule = (from: RequirementStatus, to: RequirementStatus, via: readonly RequirementTransitionOrigin[] = ["manual"]): RequirementTransitionRule => ({
  from,
  to,
  via,
  reasonRequired: to === "rejected" || to === "deferred",
});

/**
 * The documented transition table (docs/requirements.md); any pair not listed is refused.
 *
 * @example
 * REQUIREMENT_TRANSITIONS.find((r) => r.from === "approved" && r.to === "baselined")?.via; // ["baseline"]
 */
export const REQUIREMENT_TRANSITIONS: readonly RequirementTransitionRule[] = [
  rule("draft", "in_analysis"),
  rule("draft", "rejected"),
  rule("draft", "deferred"),
  rule("in_analysis", "awaiting_client"),
  rule("in_analysis", "rejected"),
  rule("in_analysis", "deferred"),
  // The client contact approves in the portal (the team may also record an approval given elsewhere).
  rule("awaiting_client", "approved", ["manual", "client"]),
  // The client asked for clarification: back to the team.
  rule("awaiting_client", "in_analysis", ["manual", "client"]),
  rule("awaiting_client", "rejected"),
  rule("awaiting_client", "deferred"),
  // Re-confirm with the client; the system makes the same move when the content changes after approval.
  rule("approved", "awaiting_client", ["manual", "edit"]),
  rule("approved", "in_analysis"),
  rule("approved", "rejected"),
  rule("approved", "deferred"),
  rule("approved", "baselined", ["baseline"]),
  rule("baselined", "delivered", ["delivery"]),
  // Removed from scope by an approved change request.
  rule("baselined", "rejected", ["change_request"]),
  rule("delivered", "accepted", ["acceptance"]),
  // Reopened: a rejected requirement starts over as a draft; a deferred one goes back to analysis.
  rule("rejected", "draft"),
  rule("deferred", "in_analysis"),
];

/**
 * The statuses a requirement in `from` can move to by `via`, in workflow order.
 *
 * @example
 * requirementNextStatuses("awaiting_client"); // ["in_analysis", "approved", "rejected", "deferred"]
 * requirementNextStatuses("approved", "baseline"); // ["baselined"]
 */
export function requirementNextStatuses(from: RequirementStatus, via: RequirementTransitionOrigin = "manual"): RequirementStatus[] {
  const targets = new Set(REQUIREMENT_TRANSITIONS.filter((r) => r.from === from && r.via.includes(via)).map((r) => r.to));
  return REQUIREMENT_STATUSES.filter((s) => targets.has(s));
}

export type RequirementTransitionProblem =
  /** `to` is the current status. */
  | "unchanged"
  /** No such move exists. */
  | "not_allowed"
  /** The move exists but belongs to another feature (e.g. only a baseline makes a requirement baselined). */
  | "reserved"
  /** Rejecting or deferring needs a reason. */
  | "reason_required";

export type RequirementTransitionCheck =
  | { ok: true; rule: RequirementTransitionRule }
  | { ok: false; problem: RequirementTransitionProblem; allowed: RequirementStatus[] };

/**
 * Whether `from → to` may be made by `via`, with `reason` (blank counts as none). On refusal, `allowed` lists the
 * statuses `via` could move to instead, for the message.
 *
 * @example
 * requirementTransitionCheck("draft", "approved"); // { ok: false, problem: "not_allowed", allowed: ["in_analysis", "rejected", "deferred"] }
 * requirementTransitionCheck("draft", "rejected", "manual", " "); // { ok: false, problem: "reason_required", … }
 * requirementTransitionCheck("approved", "baselined"); // { ok: false, problem: "reserved", … }: only a baseline does that
 */
export function requirementTransitionCheck(
  from: RequirementStatus,
  to: RequirementStatus,
  via: RequirementTransitionOrigin = "manual",
  reason: string | null = null,
): RequirementTransitionCheck {
  const allowed = requirementNextStatuses(from, via);
  if (from === to) return { ok: false, problem: "unchanged", allowed };
  const found = REQUIREMENT_TRANSITIONS.find((r) => r.from === from && r.to === to);
  if (!found) return { ok: false, problem: "not_allowed", allowed };
  if (!found.via.includes(via)) return { ok: false, problem: "reserved", allowed };
  if (found.reasonRequired && (reason ?? "").trim() === "") return { ok: false, problem: "reason_required", allowed };
  return { ok: true, rule: found };
}

/** The fields whose change alters what was agreed: editing them after approval needs the client's confirmation again. */
export const REQUIREMENT_CONTENT_FIELDS = ["title", "description", "type", "acceptanceCriteria"] as const;
export type RequirementContentField = (typeof REQUIREMENT_CONTENT_FIELDS)[number];

/** Statuses whose content is frozen: after a baseline, scope changes go through a change request. */
export const REQUIREMENT_FROZEN_STATUSES: readonly RequirementStatus[] = ["baselined", "delivered", "accepted"];

/**
 * What editing `changedFields` does to a requirement in `status`:
 * - `none`: just the edit;
 * - `reconfirm`: the content of an approved requirement changed, so it goes back to `awaiting_client` (origin `edit`);
 * - `frozen`: the content of a baselined, delivered or accepted requirement may only change through a change request.
 * Fields other than the content (owner, tags, MoSCoW, client priority, rank) never reopen anything.
 *
 * @example
 * requirementEditEffect("approved", ["description"]); // "reconfirm"
 * requirementEditEffect("approved", ["tags", "moscow"]); // "none"
 * requirementEditEffect("baselined", ["title"]); // "frozen"
 */
export function requirementEditEffect(status: RequirementStatus, changedFields: readonly string[]): "none" | "reconfirm" | "frozen" {
  const content = changedFields.some((f) => (REQUIREMENT_CONTENT_FIELDS as readonly string[]).includes(f));
  if (!content) return "none";
  if (REQUIREMENT_FROZEN_STATUSES.includes(status)) return "frozen";
  if (status === "approved") return "reconfirm";
  return "none";
}

/** Statuses in which the requirement is in front of the client (from the first request for confirmation on). */
export const REQUIREMENT_CLIENT_STATUSES: readonly RequirementStatus[] = ["awaiting_client", "approved", "baselined", "delivered", "accepted"];

/**
 * Whether a client contact may see a requirement in `status`. The team's drafts and analysis stay internal; a
 * rejected or deferred requirement is shown only if it had been put in front of the client before (`everShared`),
 * so a draft the team threw away never surfaces in the portal.
 *
 * @example
 * requirementVisibleToClient("in_analysis", true); // false: back with the team
 * requirementVisibleToClient("rejected", false); // false: an internal draft that was dropped
 * requirementVisibleToClient("rejected", true); // true
 */
export function requirementVisibleToClient(status: RequirementStatus, everShared: boolean): boolean {
  if (REQUIREMENT_CLIENT_STATUSES.includes(status)) return true;
  return (status === "rejected" || status === "deferred") && everShared;
}
