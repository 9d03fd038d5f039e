import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiError, type TRequirementConfirmationDecision, type TRequirementDetail } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, Dialog, TextareaField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { formatDateTime } from "../../lib/format";
import { DialogForm } from "../common/dialog-form";
import { requirementKeys } from "../requirements/requirements.queries";
import { ConfirmationHistory } from "./confirmation-history";
import { requirementConfirmed } from "./confirmations.queries";
import "./client-confirmation.css";

export type PortalConfirmationPanelProps = {
  requirement: TRequirementDetail;
  /** The signed-in person is a contact of the client, on this project: they answer; anyone else only reads. */
  canConfirm: boolean;
};

/** 409: the requirement changed or moved since the page was loaded; the answer was not recorded. */
const isStale = (error: unknown) => error instanceof ApiError && error.status === 409;

/**
 * In the portal, under what a requirement says: the client's answer to "is this what you need?". While it awaits the
 * client, a contact approves the version on screen or asks for clarification (a question is required); either way
 * the server records who, when and which version. A requirement changed in the meantime is refused, and the panel
 * offers to show the current version instead. Below, every earlier answer.
 */
export function PortalConfirmationPanel({ requirement, canConfirm }: PortalConfirmationPanelProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<TRequirementConfirmationDecision | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const awaiting = requirement.status === "awaiting_client";
  const last = requirement.confirmation;

  const confirm = useMutation({
    mutationFn: (input: { decision: TRequirementConfirmationDecision; comment: string }) =>
      api.confirmations.confirm(requirement.id, { decision: input.decision, comment: input.comment, version: requirement.version }),
    onSuccess: async (outcome) => {
      setAsking(null);
      const asked = outcome.confirmation.decision === "clarification_requested";
      if (asked) {
        // Back with the team, the requirement leaves the portal: return to the project, where the list says what is left.
        toast.show(t("confirmations.portal.asked", { key: outcome.requirement.key }), "success");
        await navigate(`/portal/projects/${requirement.projectId}`);
      } else {
        toast.show(t("confirmations.portal.approved", { key: outcome.requirement.key, version: outcome.confirmation.requirementVersion }), "success");
      }
      await requirementConfirmed(queryClient, { requirementId: requirement.id, projectId: requirement.projectId, leftPortal: asked });
    },
    onError: (error) => {
      if (!isStale(error)) return;
      setAsking(null);
      setRefusal(apiMessageOf(error) ?? t("errors.network"));
    },
  });

  function handleOpen(decision: TRequirementConfirmationDecision) {
    confirm.reset();
    setRefusal(null);
    setAsking(decision);
  }

  async function handleReload() {
    setReloading(true);
    try {
      await queryClient.invalidateQueries({ queryKey: requirementKeys.detail(requirement.id) });
    } finally {
      setReloading(false);
      setRefusal(null);
    }
  }

  const lastText = last
    ? t(last.decision === "approved" ? "confirmations.portal.lastApproved" : "confirmations.portal.lastQuestion", {
        name: last.contactName,
        version: last.requirementVersion,
        date: formatDateTime(last.confirmedAt, i18n.language),
      })
    : null;

  return (
    <div className="stack portal-confirmation" data-testid="portal-confirmation">
      {refusal ? (
        <Banner
          tone="warning"
          action={
            <Button size="sm" variant="secondary" onClick={() => void handleReload()} loading={reloading} data-testid="confirmation-reload">
              {t("confirmations.portal.reload")}
            </Button>
          }
        >
          <span data-testid="confirmation-refused">{refusal}</span>
        </Banner>
      ) : null}
      {awaiting ? (
        <>
          <p>{t("confirmations.portal.intro", { version: requirement.version })}</p>
          {last ? (
            <p className="subtle">
              {lastText}{" "}
              {last.changedSince ? t(last.decision === "approved" ? "confirmations.portal.changedSinceApproved" : "confirmations.portal.changedSinceQuestion") : null}
            </p>
          ) : null}
          {canConfirm ? (
            <div className="workflow-actions" role="group" aria-label={t("confirmations.portal.actions")}>
              <Button variant="primary" onClick={() => handleOpen("approved")} disabled={confirm.isPending} data-testid="confirm-approve">
                {t("confirmations.portal.approve")}
              </Button>
              <Button variant="secondary" onClick={() => handleOpen("clarification_requested")} disabled={confirm.isPending} data-testid="confirm-clarify">
                {t("confirmations.portal.askClarification")}
              </Button>
            </div>
          ) : null}
        </>
      ) : lastText ? (
        <p>{lastText}</p>
      ) : null}
      <ConfirmationHistory requirementId={requirement.id} showEmpty={false} />
      <Dialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t(asking === "approved" ? "confirmations.portal.approveTitle" : "confirmations.portal.clarifyTitle", { key: requirement.key })}
        description={asking === "approved" ? t("confirmations.portal.approveDescription", { version: requirement.version }) : t("confirmations.portal.clarifyDescription")}
        testId="confirmation-dialog"
      >
        {asking ? (
          <AnswerForm
            decision={asking}
            version={requirement.version}
            busy={confirm.isPending}
            error={isStale(confirm.error) ? null : confirm.error}
            onCancel={() => setAsking(null)}
            onSubmit={(comment) => confirm.mutate({ decision: asking, comment })}
          />
        ) : null}
      </Dialog>
    </div>
  );
}

type AnswerFormProps = {
  decision: TRequirementConfirmationDecision;
  version: number;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (comment: string) => void;
};

/** The comment with an answer: optional with an approval, the question itself when asking for clarification. */
function AnswerForm({ decision, version, busy, error, onCancel, onSubmit }: AnswerFormProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState("");
  const [tried, setTried] = useState(false);
  const question = decision === "clarification_requested";
  const missing = question && comment.trim() === "";
  const fieldError = fieldErrorsOf(error).comment ?? (tried && missing ? t("confirmations.portal.questionRequired") : undefined);
  return (
    <DialogForm
      onSubmit={() => {
        setTried(true);
        if (!missing) onSubmit(comment);
      }}
      onCancel={onCancel}
      submitLabel={question ? t("confirmations.portal.send") : t("confirmations.portal.confirmApprove", { version })}
      submitting={busy}
      error={error}
    >
      <TextareaField
        label={question ? t("confirmations.portal.question") : t("confirmations.portal.approveComment")}
        optional={!question}
        hint={question ? undefined : t("confirmations.portal.approveCommentHint")}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        rows={question ? 5 : 3}
        maxLength={5000}
        required={question}
        error={fieldError}
        data-testid="confirmation-comment"
      />
    </DialogForm>
  );
}
