import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { PlanVarianceRow } from "@jiaofu/engine";
import type { TPlanTask } from "@jiaofu/contracts";
import { Select } from "../../../ui";
import { usePlanBaseline, usePlanBaselines } from "../plan-baselines.queries";
import { planVarianceOf } from "./plan-variance-model";

export type PlanComparePickerProps = { projectId: string; value: string | null; onChange: (baselineId: string | null) => void };

/** "Compare with baseline" on the Plan page: none, or one of the project's baselines (newest first). */
export function PlanComparePicker({ projectId, value, onChange }: PlanComparePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const baselines = usePlanBaselines(projectId);
  const list = baselines.data ?? [];
  if (list.length === 0) return null;
  return (
    <div className="plan-compare">
      <label htmlFor={id} className="subtle">
        {t("planBaselines.compareWith")}
      </label>
      <Select
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value === "" ? null : event.target.value)}
        placeholder={t("planBaselines.compareNone")}
        options={list.map((b) => ({ value: b.id, label: `${b.key} ${b.name}` }))}
        data-testid="plan-compare-baseline"
      />
    </div>
  );
}

/** Each task's variance against the baseline chosen (by task id); null while none is chosen or it loads. */
export function usePlanVarianceByTask(tasks: readonly TPlanTask[], baselineId: string | null): ReadonlyMap<string, PlanVarianceRow> | null {
  const baseline = usePlanBaseline(baselineId);
  return useMemo(() => {
    if (baselineId === null || !baseline.data) return null;
    return new Map(planVarianceOf(tasks, baseline.data).rows.map((row) => [row.taskId, row]));
  }, [tasks, baseline.data, baselineId]);
}
