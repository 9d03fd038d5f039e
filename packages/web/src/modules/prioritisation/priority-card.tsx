import { useState } from "react";
import { useTranslation } from "react-i18next";
import { requirementScore } from "@jiaofu/engine";
import type { TRequirementDetail } from "@jiaofu/contracts";
import { Button, Spinner } from "../../ui";
import { ClientPriority, MoscowBadge } from "../requirements/requirement-badges";
import { PriorityInputsDialog } from "./priority-inputs-dialog";
import { ScoreCell, formatPriorityInputs } from "./priority-labels";
import { useScoringModel } from "./prioritisation.queries";
import "./prioritisation.css";

export type PriorityCardProps = { requirement: TRequirementDetail; canWrite: boolean };

/**
 * A requirement's priorities on its page (the team's side): MoSCoW, its score under the project's model with the
 * inputs it was computed from, and the client's own priority beside them.
 */
export function PriorityCard({ requirement, canWrite }: PriorityCardProps) {
  const { t, i18n } = useTranslation();
  const model = useScoringModel(requirement.projectId);
  const [editing, setEditing] = useState(false);
  if (model.isPending) return <Spinner />;
  const kind = model.data?.model ?? "none";
  const criteria = model.data?.criteria ?? [];
  const { score, missing } = requirementScore(kind, requirement.priorityInputs, criteria);
  return (
    <div className="stack priority-card" data-testid="priority-card">
      <dl className="priority-facts">
        <div>
          <dt>{t("prioritisation.columns.moscow")}</dt>
          <dd>
            <MoscowBadge moscow={requirement.moscow} />
          </dd>
        </div>
        <div>
          <dt>{t("prioritisation.scoreUnder", { model: t(`prioritisation.model.${kind}`) })}</dt>
          <dd data-testid="priority-card-score">
            <ScoreCell score={score} missing={missing} model={kind} criteria={criteria} />
          </dd>
        </div>
        <div>
          <dt>{t("prioritisation.columns.clientPriority")}</dt>
          <dd>
            <ClientPriority value={requirement.clientPriority} />
          </dd>
        </div>
      </dl>
      {kind !== "none" ? <p className="subtle priority-inputs-line">{formatPriorityInputs(t, i18n.language, requirement.priorityInputs, criteria)}</p> : null}
      {canWrite && kind !== "none" ? (
        <div>
          <Button size="sm" onClick={() => setEditing(true)} data-testid="edit-inputs">
            {t("prioritisation.inputs.edit")}
          </Button>
        </div>
      ) : null}
      {editing ? <PriorityInputsDialog open onClose={() => setEditing(false)} target={requirement} model={kind} criteria={criteria} /> : null}
    </div>
  );
}
