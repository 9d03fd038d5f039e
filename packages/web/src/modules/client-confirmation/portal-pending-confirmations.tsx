import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TPendingConfirmation } from "@jiaofu/contracts";
import { Badge, Card } from "../../ui";
import { formatDay } from "../../lib/format";
import { portalRequirementPath, portalRequirementsPath } from "../requirements/requirement-paths";
import { usePendingConfirmations } from "./confirmations.queries";
import "./client-confirmation.css";

/**
 * On a client contact's project page: the requirements waiting for their answer, longest waiting first, each saying
 * whether it came back after an earlier answer. Nothing is shown while none wait.
 */
export function PortalPendingConfirmations({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const pending = usePendingConfirmations(projectId);
  if (!pending.data || pending.data.total === 0) return null;
  const { items, total } = pending.data;

  return (
    <Card title={t("confirmations.pending.title")} titleLevel={2} className="portal-pending" data-testid="pending-confirmations">
      <p className="subtle portal-pending-intro">{t("confirmations.pending.intro", { count: total })}</p>
      <ul className="link-list">
        {items.map((item) => (
          <li key={item.id} data-testid="pending-confirmation" data-key={item.key}>
            <span className="person-text">
              <Link to={portalRequirementPath(projectId, item.id)} className="strong-link">
                <span className="mono subtle">{item.key}</span> {item.title}
              </Link>
              <span className="subtle pending-meta">
                <time dateTime={item.awaitingSince}>{t("confirmations.pending.waiting", { date: formatDay(item.awaitingSince, i18n.language) })}</time>
                <PendingNote item={item} />
              </span>
            </span>
            <Link to={portalRequirementPath(projectId, item.id)} className="btn btn-primary btn-sm">
              {t("confirmations.pending.review")}
            </Link>
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <p className="subtle">
          <Link to={portalRequirementsPath(projectId)}>{t("confirmations.pending.more", { shown: items.length, count: total })}</Link>
        </p>
      ) : null}
    </Card>
  );
}

/** Why a requirement is back: it changed after the client approved it, or the team answered their question. */
function PendingNote({ item }: { item: TPendingConfirmation }) {
  const { t } = useTranslation();
  const last = item.lastConfirmation;
  if (!last) return null;
  const text =
    last.decision === "approved"
      ? t("confirmations.pending.changedSinceApproved", { version: last.requirementVersion })
      : last.changedSince
        ? t("confirmations.pending.changedSinceQuestion")
        : t("confirmations.pending.again");
  return (
    <Badge tone={last.decision === "approved" ? "amber" : "blue"} dot={false}>
      {text}
    </Badge>
  );
}
