import { useTranslation } from "react-i18next";
import { Button } from "../../ui";
import { usePendingConfirmations } from "./confirmations.queries";
import "./client-confirmation.css";

export type AwaitingClientNoticeProps = {
  projectId: string;
  /** Filters the register to the requirements awaiting the client; left out when it already is. */
  onShow?: () => void;
};

/**
 * Above the register: how many requirements wait for the client's answer, and how many of those changed after the
 * client's last answer (they are back for re-confirmation). Nothing while none wait.
 */
export function AwaitingClientNotice({ projectId, onShow }: AwaitingClientNoticeProps) {
  const { t } = useTranslation();
  const pending = usePendingConfirmations(projectId);
  if (!pending.data || pending.data.total === 0) return null;
  const changed = pending.data.items.filter((item) => item.lastConfirmation?.changedSince).length;
  return (
    <div className="awaiting-client-notice" role="status" data-testid="awaiting-client-notice">
      <span className="awaiting-client-dot" aria-hidden="true" />
      <span>{t("confirmations.register.awaiting", { count: pending.data.total })}</span>
      {changed > 0 ? <span className="subtle">{t("confirmations.register.changedSince", { count: changed })}</span> : null}
      {onShow ? (
        <Button size="sm" variant="ghost" onClick={onShow} data-testid="show-awaiting-client">
          {t("confirmations.register.show")}
        </Button>
      ) : null}
    </div>
  );
}
