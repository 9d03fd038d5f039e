import { useTranslation } from "react-i18next";
import type { TRequirementConfirmationDecision, TRequirementConfirmationSummary } from "@jiaofu/contracts";
import { Badge, type BadgeTone } from "../../ui";

export const DECISION_TONES: Record<TRequirementConfirmationDecision, BadgeTone> = { approved: "green", clarification_requested: "amber" };

export function ConfirmationDecisionBadge({ decision }: { decision: TRequirementConfirmationDecision }) {
  const { t } = useTranslation();
  return <Badge tone={DECISION_TONES[decision]}>{t(`confirmations.decision.${decision}`)}</Badge>;
}

/**
 * The client's last answer at a glance — "Client approved v3" — with "changed since" beside it when the content
 * changed after that answer (what the client agreed to is no longer what the requirement says).
 */
export function ConfirmationSummaryBadge({ summary }: { summary: TRequirementConfirmationSummary }) {
  const { t } = useTranslation();
  return (
    <span className="confirmation-badge" data-testid="confirmation-badge" data-decision={summary.decision} data-changed={summary.changedSince || undefined}>
      <Badge tone={DECISION_TONES[summary.decision]}>{t(`confirmations.badge.${summary.decision}`, { version: summary.requirementVersion })}</Badge>
      {summary.changedSince ? (
        <span className="confirmation-changed" title={t("confirmations.badge.changedSinceLabel")}>
          <span aria-hidden="true">· </span>
          {t("confirmations.badge.changedSince")}
        </span>
      ) : null}
    </span>
  );
}
