import { useTranslation } from "react-i18next";
import { RISK_CATEGORIES, RISK_STATUSES, RISK_STRATEGIES } from "@jiaofu/contracts";
import { isOneOf } from "../../lib/is-one-of";
import type { ActivityVocabulary } from "../collaboration/activity-panel";

/** The server's audit actions on a risk, and the message that words each. */
const ACTION_KEYS = {
  create: "create",
  update: "update",
  review: "review",
  "requirement.link": "requirementLink",
  "requirement.unlink": "requirementUnlink",
} as const;
const ACTIONS = Object.keys(ACTION_KEYS) as (keyof typeof ACTION_KEYS)[];
const FIELDS = ["title", "description", "category", "probability", "impact", "strategy", "responsePlan", "ownerId", "trigger", "reviewDate", "status", "statusReason", "sharedWithClient", "key"] as const;
/** Bookkeeping that means nothing to a reader (the linked requirement is named by its key). */
const HIDDEN = ["number", "createdById", "templateKey", "requirementIds", "requirementId"] as const;

/** How the activity log words a risk's events: "reviewed it", "Status: Open → Monitoring". */
export function useRiskActivityVocabulary(): ActivityVocabulary {
  const { t } = useTranslation();
  return {
    action: (action) => (isOneOf(ACTIONS, action) ? t(`risks.activity.${ACTION_KEYS[action]}`) : undefined),
    field: (field) => (isOneOf(FIELDS, field) ? t(`risks.activity.fields.${field}`) : undefined),
    value: (field, value) => {
      if (typeof value !== "string") return undefined;
      if (field === "status" && isOneOf(RISK_STATUSES, value)) return t(`risks.status.${value}`);
      if (field === "category" && isOneOf(RISK_CATEGORIES, value)) return t(`risks.category.${value}`);
      if (field === "strategy" && isOneOf(RISK_STRATEGIES, value)) return t(`risks.strategy.${value}`);
      return undefined;
    },
    hidden: HIDDEN,
  };
}
