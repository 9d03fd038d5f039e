import { useState } from "react";
import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TChangeRequest, TChangeRequestDecision, TChangeRequestDecisionValue, TChangeRequestSide } from "@jiaofu/contracts";
import { api } from "../../api";
import { Button, Dialog, TextareaField, useToast } from "../../ui";
import { formatDateTime } from "../../lib/format";
import { fieldErrorsOf } from "../../lib/api-errors";
import { DialogForm } from "../common/dialog-form";
import { DecisionBadge } from "./change-request-badges";
import { changeRequestChanged, changeRequestKeys } from "./change-requests.queries";

/** "12,000.50 CNY" in the reader's language; the code as typed if the browser does not know it. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount)} ${currency}`;
  }
}

/** What the request says: its description, why, and the impact as estimated by hand. */
export function ChangeRequestSummary({ changeRequest }: { changeRequest: TChangeRequest }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const { impactEffortHours, impactDays, impactCost } = changeRequest;
  return (
    <div className="stack">
      <section aria-labelledby="cr-description">
        <h3 className="subheading" id="cr-description">
          {t("changeRequests.fields.description")}
        </h3>
        {changeRequest.description.trim() ? (
          // descriptionHtml is rendered from Markdown and sanitised on the server (see ZChangeRequest).
          <div className="prose" dangerouslySetInnerHTML={{ __html: changeRequest.descriptionHtml }} />
        ) : (
          <p className="muted">{t("changeRequests.noDescription")}</p>
        )}
      </section>
      <section aria-labelledby="cr-reason">
        <h3 className="subheading" id="cr-reason">
          {t("changeRequests.fields.reason")}
        </h3>
        {changeRequest.reason ? <p className="pre-wrap">{changeRequest.reason}</p> : <p className="muted">{t("changeRequests.noReason")}</p>}
      </section>
      <dl className="details cr-impact" data-testid="cr-impact">
        <div>
          <dt>{t("changeRequests.fields.impactEffortHours")}</dt>
          <dd>{impactEffortHours === null ? <span className="muted">{t("changeRequests.notEstimated")}</span> : t("changeRequests.hours", { value: number.format(impactEffortHours) })}</dd>
        </div>
        <div>
          <dt>{t("changeRequests.fields.impactDays")}</dt>
          <dd>{impactDays === null ? <span className="muted">{t("changeRequests.notEstimated")}</span> : t("changeRequests.days", { value: number.format(impactDays) })}</dd>
        </div>
        <div>
          <dt>{t("changeRequests.fields.impactCost")}</dt>
          <dd>{impactCost === null ? <span className="muted">{t("changeRequests.notEstimated")}</span> : formatMoney(impactCost, changeRequest.currency, i18n.language)}</dd>
        </div>
      </dl>
    </div>
  );
}

export type ChangeRequestDecisionsProps = {
  changeRequest: TChangeRequest;
  /** Where the baseline the request produced is shown. */
  baselineHref: string;
};

/** Both sides' decisions (who, when, what they said), and what the approved request produced. */
export function ChangeRequestDecisions({ changeRequest, baselineHref }: ChangeRequestDecisionsProps) {
  const { t, i18n } = useTranslation();
  const baseline = changeRequest.resultingBaseline;
  return (
    <div className="stack">
      <ul className="cr-decisions" aria-label={t("changeRequests.decisions.label")}>
        <DecisionRow side="manager" decision={changeRequest.managerDecision} status={changeRequest.status} />
        <DecisionRow side="client" decision={changeRequest.clientDecision} status={changeRequest.status} />
      </ul>
      {baseline && changeRequest.appliedAt ? (
        <p data-testid="cr-resulting-baseline">
          {t("changeRequests.decisions.applied", { when: formatDateTime(changeRequest.appliedAt, i18n.language) })}{" "}
          <Link to={baselineHref} className="strong-link">
            {baseline.key} {baseline.name}
          </Link>
        </p>
      ) : changeRequest.status === "submitted" ? (
        <p className="subtle">{t("changeRequests.decisions.whenBoth")}</p>
      ) : null}
    </div>
  );
}

function DecisionRow({ side, decision, status }: { side: TChangeRequestSide; decision: TChangeRequestDecision | null; status: TChangeRequest["status"] }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="cr-decision" data-testid={`cr-decision-${side}`} data-decision={decision?.decision ?? "pending"}>
      <div className="cr-decision-head">
        <span className="cr-decision-side">{t(`changeRequests.decisions.side.${side}`)}</span>
        {decision || status === "submitted" ? <DecisionBadge decision={decision?.decision ?? null} /> : <span className="muted">{t("changeRequests.decisions.none")}</span>}
      </div>
      {decision ? (
        <>
          <p className="subtle">
            {t("changeRequests.decisions.by", { name: decision.decidedByName ?? t("activity.unknownRecord"), when: formatDateTime(decision.decidedAt, i18n.language) })}
          </p>
          {decision.comment ? <p className="pre-wrap cr-decision-comment">{decision.comment}</p> : null}
        </>
      ) : null}
    </li>
  );
}

export type DecisionButtonsProps = { changeRequest: TChangeRequest; side: TChangeRequestSide };

/** Approve and Reject for the caller's side, while the request waits for that side's decision. */
export function DecisionButtons({ changeRequest, side }: DecisionButtonsProps) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<TChangeRequestDecisionValue | null>(null);
  const own = side === "manager" ? changeRequest.managerDecision : changeRequest.clientDecision;
  if (changeRequest.status !== "submitted" || own !== null) return null;
  return (
    <>
      <Button variant="primary" size="sm" onClick={() => setDeciding("approved")} data-testid="cr-approve">
        {t("changeRequests.actions.approve")}
      </Button>
      <Button variant="danger-ghost" size="sm" onClick={() => setDeciding("rejected")} data-testid="cr-reject">
        {t("changeRequests.actions.reject")}
      </Button>
      <Dialog
        open={deciding !== null}
        onClose={() => setDeciding(null)}
        title={deciding === "rejected" ? t("changeRequests.decide.rejectTitle", { key: changeRequest.key }) : t("changeRequests.decide.approveTitle", { key: changeRequest.key })}
        description={deciding === "rejected" ? t("changeRequests.decide.rejectDescription") : t(`changeRequests.decide.approveDescription.${side}`)}
        testId="cr-decide-dialog"
      >
        {deciding ? <DecideForm changeRequest={changeRequest} decision={deciding} onDone={() => setDeciding(null)} /> : null}
      </Dialog>
    </>
  );
}

function DecideForm({ changeRequest, decision, onDone }: { changeRequest: TChangeRequest; decision: TChangeRequestDecisionValue; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [reloading, setReloading] = useState(false);
  const decide = useMutation({
    mutationFn: () => api.changeRequests.decide(changeRequest.id, { decision, comment, version: changeRequest.version }),
    onSuccess: async (updated) => {
      await changeRequestChanged(queryClient, updated);
      toast.show(
        updated.status === "approved"
          ? t("changeRequests.decide.applied", { key: updated.key, baseline: updated.resultingBaseline?.key ?? "" })
          : t(`changeRequests.decide.done.${decision}`, { key: updated.key }),
        "success",
      );
      onDone();
    },
  });
  async function handleReload() {
    setReloading(true);
    try {
      await queryClient.refetchQueries({ queryKey: changeRequestKeys.detail(changeRequest.id), exact: true });
      decide.reset();
    } finally {
      setReloading(false);
    }
  }
  return (
    <DialogForm
      onSubmit={() => decide.mutate()}
      onCancel={onDone}
      submitLabel={decision === "rejected" ? t("changeRequests.actions.reject") : t("changeRequests.actions.approve")}
      submitting={decide.isPending}
      error={decide.error}
      onReload={() => void handleReload()}
      reloading={reloading}
    >
      <TextareaField
        label={t("changeRequests.decide.comment")}
        hint={decision === "rejected" ? t("changeRequests.decide.commentHintReject") : t("changeRequests.decide.commentHint")}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        rows={4}
        maxLength={5000}
        error={fieldErrorsOf(decide.error).comment}
        data-testid="cr-decide-comment"
      />
    </DialogForm>
  );
}
