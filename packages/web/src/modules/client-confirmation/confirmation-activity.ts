import type { TFunction } from "i18next";
import { REQUIREMENT_CONFIRMATION_DECISIONS } from "@jiaofu/contracts";
import { isOneOf } from "../../lib/is-one-of";

/** The audit rows a confirmation writes on its requirement: `confirmation.<decision>`, with these fields. */
const ACTIONS = REQUIREMENT_CONFIRMATION_DECISIONS.map((decision) => `confirmation.${decision}` as const);
const FIELDS = ["decision", "requirementVersion", "comment"] as const;

/**
 * How a requirement's activity log words the client's answers ("approved it in the portal", "Answer: Approved");
 * the requirement's own vocabulary asks this first.
 */
export function confirmationActivityWording(t: TFunction) {
  return {
    action: (action: string) => (isOneOf(ACTIONS, action) ? t(`confirmations.activity.${action === "confirmation.approved" ? "approved" : "clarification_requested"}`) : undefined),
    field: (field: string) => (isOneOf(FIELDS, field) ? t(`confirmations.activity.fields.${field}`) : undefined),
    value: (field: string, value: unknown) =>
      field === "decision" && typeof value === "string" && isOneOf(REQUIREMENT_CONFIRMATION_DECISIONS, value) ? t(`confirmations.decision.${value}`) : undefined,
  };
}
