import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { requirementNextStatuses, requirementTransitionCheck } from "@jiaofu/engine";
import type { TRequirementDetail, TRequirementStatus } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, Dialog, TextareaField, useToast, type ButtonProps } from "../../ui";
import { apiMessageOf, fieldErrorsOf, isVersionConflict } from "../../lib/api-errors";
import { DialogForm } from "../common/dialog-form";
import { VersionConflictBanner } from "../common/version-conflict-banner";
import { RequirementStatusBadge } from "./requirement-badges";
import { requirementChanged, requirementKeys } from "./requirements.queries";

/** The move forward along the happy path from each status (shown as the main button). */
const FORWARD: Partial<Record<TRequirementStatus, TRequirementStatus>> = {
  draft: "in_analysis",
  in_analysis: "awaiting_client",
  awaiting_client: "approved",
  rejected: "draft",
  deferred: "in_analysis",
};

/** The label of a move: by where it goes, with "back to analysis" when it is a step back. */
export function transitionLabelKey(from: TRequirementStatus, to: TRequirementStatus) {
  if (to === "in_analysis" && from !== "draft" && from !== "deferred") return "requirements.workflow.backToAnalysis" as const;
  if (to === "awaiting_client" && from === "approved") return "requirements.workflow.reconfirm" as const;
  return `requirements.workflow.to.${to}` as const;
}

function variantOf(from: TRequirementStatus, to: TRequirementStatus): ButtonProps["variant"] {
  if (FORWARD[from] === to) return "primary";
  if (to === "rejected") return "danger-ghost";
  return "secondary";
}

export type RequirementWorkflowProps = {
  requirement: TRequirementDetail;
  canWrite: boolean;
  /** The edit form has unsaved changes: moving now would drop them. */
  blocked: boolean;
};

/**
 * Where the requirement stands and the moves it can make next, computed from the engine's workflow rules (the same
 * ones the server applies). Rejecting and deferring ask for a reason; a refusal from the server is shown as it says.
 */
export function RequirementWorkflow({ requirement, canWrite, blocked }: RequirementWorkflowProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<TRequirementStatus | null>(null);
  const next = requirementNextStatuses(requirement.status);
  const openConflicts = requirement.relations.filter((r) => r.kind === "conflicts_with" && r.status === "open").length;

  const move = useMutation({
    mutationFn: (input: { to: TRequirementStatus; reason?: string }) =>
      api.requirements.transition(requirement.id, { version: requirement.version, to: input.to, reason: input.reason }),
    onSuccess: async (updated) => {
      setAsking(null);
      await requirementChanged(queryClient, updated);
      toast.show(t("requirements.workflow.moved", { key: updated.key, status: t(`requirements.status.${updated.status}`) }), "success");
    },
  });

  function handleMove(to: TRequirementStatus) {
    move.reset();
    if (to === "rejected" || to === "deferred") setAsking(to);
    else move.mutate({ to });
  }

  return (
    <div className="stack workflow">
      <div className="workflow-current">
        <span className="subtle">{t("requirements.workflow.current")}</span>
        <RequirementStatusBadge status={requirement.status} />
      </div>
      {requirement.statusReason ? (
        <div>
          <p className="subheading">{requirement.status === "rejected" || requirement.status === "deferred" ? t("requirements.workflow.reason") : t("requirements.workflow.note")}</p>
          <p className="pre-wrap">{requirement.statusReason}</p>
        </div>
      ) : null}
      {move.isError && asking === null ? (
        isVersionConflict(move.error) ? (
          <VersionConflictBanner
            reloading={false}
            onReload={() => {
              move.reset();
              void queryClient.invalidateQueries({ queryKey: requirementKeys.detail(requirement.id) });
            }}
          />
        ) : (
          <Banner tone="error">{apiMessageOf(move.error) ?? t("errors.network")}</Banner>
        )
      ) : null}
      {canWrite && next.length > 0 ? (
        <>
          <div className="workflow-actions" role="group" aria-label={t("requirements.workflow.actions")}>
            {next.map((to) => (
              <Button
                key={to}
                size="sm"
                variant={variantOf(requirement.status, to)}
                onClick={() => handleMove(to)}
                loading={move.isPending && move.variables.to === to && asking === null}
                disabled={blocked || move.isPending}
                data-testid={`transition-${to}`}
              >
                {t(transitionLabelKey(requirement.status, to))}
              </Button>
            ))}
          </div>
          {blocked ? <p className="subtle">{t("requirements.workflow.saveFirst")}</p> : null}
        </>
      ) : null}
      {next.length === 0 ? <p className="subtle">{t("requirements.workflow.noManualMoves")}</p> : null}
      {requirement.status === "approved" ? <p className="subtle">{t("requirements.workflow.baselineLater")}</p> : null}
      {openConflicts > 0 ? <Banner tone="warning">{t("requirements.workflow.openConflicts", { count: openConflicts })}</Banner> : null}
      <Dialog
        open={asking !== null}
        onClose={() => {
          setAsking(null);
          move.reset();
        }}
        title={asking === "deferred" ? t("requirements.workflow.deferTitle", { key: requirement.key }) : t("requirements.workflow.rejectTitle", { key: requirement.key })}
        description={t("requirements.workflow.reasonDescription")}
        testId="transition-reason-dialog"
      >
        {asking ? (
          <ReasonForm
            from={requirement.status}
            to={asking}
            busy={move.isPending}
            error={move.error}
            onCancel={() => {
              setAsking(null);
              move.reset();
            }}
            onSubmit={(reason) => move.mutate({ to: asking, reason })}
          />
        ) : null}
      </Dialog>
    </div>
  );
}

type ReasonFormProps = {
  from: TRequirementStatus;
  to: TRequirementStatus;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
};

function ReasonForm({ from, to, busy, error, onCancel, onSubmit }: ReasonFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const check = requirementTransitionCheck(from, to, "manual", reason);
  const missing = !check.ok && check.problem === "reason_required";
  const fieldError = fieldErrorsOf(error).reason ?? (tried && missing ? t("requirements.workflow.reasonRequired") : undefined);
  return (
    <DialogForm
      onSubmit={() => {
        setTried(true);
        if (!missing) onSubmit(reason);
      }}
      onCancel={onCancel}
      submitLabel={t(transitionLabelKey(from, to))}
      submitting={busy}
      error={error}
    >
      <TextareaField
        label={t("requirements.workflow.reason")}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        rows={4}
        maxLength={2000}
        error={fieldError}
        data-testid="transition-reason"
      />
    </DialogForm>
  );
}
