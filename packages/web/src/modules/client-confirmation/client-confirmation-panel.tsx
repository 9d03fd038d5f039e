import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TRequirementDetail } from "@jiaofu/contracts";
import { formatDateTime } from "../../lib/format";
import { ConfirmationSummaryBadge } from "./confirmation-badges";
import { ConfirmationHistory } from "./confirmation-history";
import "./client-confirmation.css";

export type ClientConfirmationPanelProps = { requirement: TRequirementDetail };

/**
 * On the team's requirement page: what the client answered in the portal (who, when, which version), whether the
 * requirement changed since, what to do next, and the whole history of answers.
 */
export function ClientConfirmationPanel({ requirement }: ClientConfirmationPanelProps) {
  const { t, i18n } = useTranslation();
  const last = requirement.confirmation;
  const asked = last?.decision === "clarification_requested";
  return (
    <div className="stack" data-testid="client-confirmation-panel">
      {last ? (
        <div className="stack confirmation-summary">
          <ConfirmationSummaryBadge summary={last} />
          <p>
            {t(`confirmations.team.${last.decision}`, {
              name: last.contactName,
              version: last.requirementVersion,
              date: formatDateTime(last.confirmedAt, i18n.language),
            })}
          </p>
          {last.changedSince ? <p className="subtle">{t(asked ? "confirmations.team.changedSinceQuestion" : "confirmations.team.changedSinceApproved")}</p> : null}
          {asked && requirement.status === "in_analysis" ? (
            <p className="subtle">
              {t("confirmations.team.answerInComments")} <Link to="?tab=comments">{t("confirmations.team.openComments")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {requirement.status === "awaiting_client" ? <p className="subtle">{t("confirmations.team.awaiting")}</p> : last ? null : <p className="subtle">{t("confirmations.team.none")}</p>}
      <ConfirmationHistory requirementId={requirement.id} />
    </div>
  );
}
