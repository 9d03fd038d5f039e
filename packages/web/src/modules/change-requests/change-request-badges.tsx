import { useTranslation } from "react-i18next";
import { CHANGE_REQUEST_ITEM_ACTIONS, type TChangeRequestDecisionValue, type TChangeRequestItemAction, type TChangeRequestStatus } from "@jiaofu/contracts";
import { Badge, type BadgeTone } from "../../ui";

const STATUS_TONES: Record<TChangeRequestStatus, BadgeTone> = {
  draft: "gray",
  submitted: "amber",
  approved: "green",
  rejected: "red",
  withdrawn: "gray",
};

export function ChangeRequestStatusBadge({ status }: { status: TChangeRequestStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONES[status]}>{t(`changeRequests.status.${status}`)}</Badge>;
}

const ACTION_TONES: Record<TChangeRequestItemAction, BadgeTone> = { add: "green", modify: "blue", remove: "red" };

/** What an item does: add a requirement, change one, or take one out of scope. */
export function ItemActionBadge({ action }: { action: TChangeRequestItemAction }) {
  const { t } = useTranslation();
  return (
    <Badge tone={ACTION_TONES[action]} dot={false}>
      {t(`changeRequests.action.${action}`)}
    </Badge>
  );
}

/** A side's decision, or "waiting" while it has not decided. */
export function DecisionBadge({ decision }: { decision: TChangeRequestDecisionValue | null }) {
  const { t } = useTranslation();
  if (decision === null) return <Badge tone="amber">{t("changeRequests.decisions.pending")}</Badge>;
  return <Badge tone={decision === "approved" ? "green" : "red"}>{t(`changeRequests.decisions.${decision}`)}</Badge>;
}

/** "1 new · 2 changed": the kinds of change a request makes, the ones it has. */
export function ItemCounts({ counts }: { counts: Record<TChangeRequestItemAction, number> }) {
  const { t } = useTranslation();
  const parts = CHANGE_REQUEST_ITEM_ACTIONS.filter((action) => counts[action] > 0).map((action) => t(`changeRequests.counts.${action}`, { count: counts[action] }));
  return <span>{parts.length > 0 ? parts.join(" · ") : t("changeRequests.counts.none")}</span>;
}
