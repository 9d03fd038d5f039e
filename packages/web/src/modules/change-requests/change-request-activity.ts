import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { CHANGE_REQUEST_DECISIONS, CHANGE_REQUEST_STATUSES } from "@jiaofu/contracts";
import { isOneOf } from "../../lib/is-one-of";
import type { ActivityVocabulary } from "../collaboration/activity-panel";

/** The server's audit actions on a change request, and the message that words each. */
const ACTION_KEYS = {
  create: "create",
  update: "update",
  submit: "submit",
  withdraw: "withdraw",
  "decide.manager": "decideManager",
  "decide.client": "decideClient",
  apply: "apply",
} as const;
const ACTIONS = Object.keys(ACTION_KEYS) as (keyof typeof ACTION_KEYS)[];
const FIELDS = ["title", "description", "reason", "status", "impactEffortHours", "impactDays", "impactCost", "currency", "managerDecision", "managerComment", "clientDecision", "clientComment"] as const;
/** Bookkeeping the action already says (who decided, when, which baseline), and the item list (shown on the page). */
const HIDDEN = ["number", "createdById", "managerDecidedById", "managerDecidedAt", "clientDecidedById", "clientDecidedAt", "appliedAt", "resultingBaselineId", "items"] as const;

/** How the activity log words a change request's events: "submitted it", "Status: Draft → Submitted". */
export function useChangeRequestActivityVocabulary(): ActivityVocabulary {
  const { t } = useTranslation();
  return {
    action: (action) => (isOneOf(ACTIONS, action) ? t(`changeRequests.activity.${ACTION_KEYS[action]}`) : undefined),
    field: (field) => (isOneOf(FIELDS, field) ? t(`changeRequests.activity.fields.${field}`) : undefined),
    value: (field, value) => {
      if (typeof value !== "string") return undefined;
      if (field === "status" && isOneOf(CHANGE_REQUEST_STATUSES, value)) return t(`changeRequests.status.${value}`);
      if ((field === "managerDecision" || field === "clientDecision") && isOneOf(CHANGE_REQUEST_DECISIONS, value)) return t(`changeRequests.decisions.${value}`);
      return undefined;
    },
    hidden: HIDDEN,
  };
}

/**
 * How a requirement's activity log words what an applied change request did to it ("changed it through an approved
 * change request", "Change request: CR-3 Single sign-on"); the requirement's own vocabulary asks this first.
 */
export function changeRequestRequirementWording(t: TFunction) {
  return {
    action: (action: string) => (action === "change_request.apply" ? t("changeRequests.activity.appliedToRequirement") : undefined),
    field: (field: string) => (field === "changeRequest" ? t("changeRequests.activity.fields.changeRequest") : undefined),
    value: (field: string, value: unknown) =>
      field === "changeRequest" && value && typeof value === "object" && "key" in value && "title" in value ? `${String(value.key)} ${String(value.title)}` : undefined,
    /** The item's kind is said by the action and the change request's page. */
    hidden: ["itemAction"] as const,
  };
}
