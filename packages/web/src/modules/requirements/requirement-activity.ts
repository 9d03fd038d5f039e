import { useTranslation } from "react-i18next";
import { MOSCOW_PRIORITIES, REQUIREMENT_STATUSES, REQUIREMENT_TYPES } from "@jiaofu/contracts";
import { isOneOf } from "../../lib/is-one-of";
import type { ActivityVocabulary } from "../collaboration/activity-panel";
import { confirmationActivityWording } from "../client-confirmation/confirmation-activity";
import { changeRequestRequirementWording } from "../change-requests/change-request-activity";

/** The server's audit actions on a requirement, and the message that words each. */
const ACTION_KEYS = {
  create: "create",
  update: "update",
  transition: "transition",
  "transition.automatic": "automatic",
  "relation.add": "relationAdd",
  "relation.resolve": "relationResolve",
  "relation.reopen": "relationReopen",
  "relation.remove": "relationRemove",
  "trace.add": "traceAdd",
  "trace.remove": "traceRemove",
} as const;
const ACTIONS = Object.keys(ACTION_KEYS) as (keyof typeof ACTION_KEYS)[];
const FIELDS = ["title", "description", "type", "status", "statusReason", "ownerId", "tags", "acceptanceCriteria", "moscow", "clientPriority", "kind", "resolutionNote"] as const;
/** Bookkeeping of requirements and relations, already said by the action or the version history. */
const HIDDEN = ["number", "rank", "clientSharedAt", "createdById", "resolvedById", "resolvedAt", "fromId", "toId", "sources"] as const;

/** How the activity log words a requirement's events: "changed its status", "Status: Draft → In analysis". */
export function useRequirementActivityVocabulary(): ActivityVocabulary {
  const { t } = useTranslation();
  const confirmation = confirmationActivityWording(t);
  const changeRequest = changeRequestRequirementWording(t);
  return {
    action: (action) => confirmation.action(action) ?? changeRequest.action(action) ?? (isOneOf(ACTIONS, action) ? t(`requirements.activity.${ACTION_KEYS[action]}`) : undefined),
    field: (field) => confirmation.field(field) ?? changeRequest.field(field) ?? (isOneOf(FIELDS, field) ? (field === "kind" || field === "resolutionNote" ? t(`requirements.activity.fields.${field}`) : t(`requirements.history.fields.${field}`)) : undefined),
    value: (field, value) => {
      const answer = confirmation.value(field, value) ?? changeRequest.value(field, value);
      if (answer !== undefined) return answer;
      if (typeof value === "string") {
        if (field === "status" && isOneOf(REQUIREMENT_STATUSES, value)) return t(`requirements.status.${value}`);
        if (field === "status" && (value === "open" || value === "resolved")) return t(`requirements.relations.${value}`);
        if (field === "type" && isOneOf(REQUIREMENT_TYPES, value)) return t(`requirements.type.${value}`);
        if (field === "moscow" && isOneOf(MOSCOW_PRIORITIES, value)) return t(`requirements.moscow.${value}`);
      }
      if (field === "tags" && Array.isArray(value)) return value.join(t("requirements.activity.listSeparator"));
      if (field === "acceptanceCriteria" && Array.isArray(value)) {
        return value.map((c: unknown) => (c && typeof c === "object" && "text" in c ? String(c.text) : "")).join(t("requirements.activity.listSeparator"));
      }
      return undefined;
    },
    hidden: [...HIDDEN, ...changeRequest.hidden],
  };
}
