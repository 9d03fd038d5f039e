import { useTranslation } from "react-i18next";
import { MarkdownText } from "../../ui";
import { formatDateTime } from "../../lib/format";
import { QueryContent } from "../common/query-content";
import { ConfirmationDecisionBadge } from "./confirmation-badges";
import { useConfirmations } from "./confirmations.queries";

export type ConfirmationHistoryProps = {
  requirementId: string;
  /** Say "not answered yet" when there is nothing (the team's panel); the portal shows nothing instead. */
  showEmpty?: boolean;
};

/** Every answer the client gave on a requirement, newest first: who, when, which version, and what they wrote. */
export function ConfirmationHistory({ requirementId, showEmpty = true }: ConfirmationHistoryProps) {
  const { t, i18n } = useTranslation();
  const list = useConfirmations(requirementId);
  const items = list.data ?? [];
  if (!showEmpty && list.isSuccess && items.length === 0) return null;
  return (
    <section className="stack confirmation-history" aria-labelledby={`confirmation-history-${requirementId}`}>
      <h3 className="subheading" id={`confirmation-history-${requirementId}`}>
        {t("confirmations.history.title")}
      </h3>
      <QueryContent query={list} isEmpty={items.length === 0} empty={<p className="muted">{t("confirmations.history.empty")}</p>}>
        <ol className="confirmation-list" aria-label={t("confirmations.history.label")}>
          {items.map((item) => (
            <li key={item.id} className="confirmation-item" data-testid="confirmation-item" data-decision={item.decision} data-version={item.requirementVersion}>
              <div className="confirmation-item-head">
                <ConfirmationDecisionBadge decision={item.decision} />
                <span className="subtle">{t("confirmations.history.answered", { version: t("confirmations.version", { version: item.requirementVersion }) })}</span>
              </div>
              <div className="subtle">
                <span className="confirmation-who">{item.contactName}</span>
                <span aria-hidden="true"> · </span>
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, i18n.language)}</time>
              </div>
              {item.comment ? (
                <div className="confirmation-comment">
                  <MarkdownText text={item.comment} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </QueryContent>
    </section>
  );
}
