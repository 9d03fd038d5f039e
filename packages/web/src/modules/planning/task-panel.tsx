import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PLAN_CONSTRAINT_TYPES, PLAN_DATED_CONSTRAINTS, PLAN_SUMMARY_CONSTRAINTS, type TPlanConstraintType, type TPlanSchedulingMode, type TPlanTask, type TProject, type TUpdatePlanTaskRequest } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, Dialog, InputField, SelectField, Spinner, TextareaField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { useProjectMembers } from "../projects/projects.queries";
import { RequirementPicker } from "../requirements/requirement-picker";
import { requirementKeys } from "../requirements/requirements.queries";
import { formatDayCount, formatPlanDate } from "./plan-format";
import type { PlanPermissions } from "./plan-permissions";
import { planKeys, useTaskTraceLinks } from "./planning.queries";
import { TaskResources } from "./resources/task-resources";

export type TaskPanelProps = {
  project: TProject;
  task: TPlanTask;
  can: PlanPermissions;
  saving: boolean;
  error: unknown;
  onSave: (changes: Omit<TUpdatePlanTaskRequest, "version">) => void;
  onClose: () => void;
};

type Draft = {
  name: string;
  notes: string;
  durationDays: string;
  schedulingMode: TPlanSchedulingMode;
  manualStart: string;
  constraintType: TPlanConstraintType;
  constraintDate: string;
  deadline: string;
  percentComplete: string;
  workHours: string;
  fixedCost: string;
  ownerId: string;
};

const draftOf = (task: TPlanTask): Draft => ({
  name: task.name,
  notes: task.notes ?? "",
  durationDays: String(task.durationDays),
  schedulingMode: task.schedulingMode,
  manualStart: task.manualStart ?? task.schedule.start ?? "",
  constraintType: task.constraintType,
  constraintDate: task.constraintDate ?? "",
  deadline: task.deadline ?? "",
  percentComplete: String(task.percentComplete),
  workHours: String(task.workHours ?? 0),
  fixedCost: String(task.fixedCost ?? 0),
  ownerId: task.ownerId ?? "",
});

/** Only what the person changed, as the API takes it (numbers as numbers, empty dates as null). */
function changesOf(task: TPlanTask, draft: Draft): Omit<TUpdatePlanTaskRequest, "version"> {
  const before = draftOf(task);
  const out: Omit<TUpdatePlanTaskRequest, "version"> = {};
  if (draft.name !== before.name) out.name = draft.name;
  if (draft.notes !== before.notes) out.notes = draft.notes;
  if (draft.durationDays !== before.durationDays && task.kind !== "summary") out.durationDays = Number(draft.durationDays);
  if (draft.schedulingMode !== before.schedulingMode) out.schedulingMode = draft.schedulingMode;
  if (draft.schedulingMode === "manual" && (draft.manualStart !== before.manualStart || draft.schedulingMode !== before.schedulingMode)) out.manualStart = draft.manualStart || null;
  if (draft.constraintType !== before.constraintType) out.constraintType = draft.constraintType;
  const dated = PLAN_DATED_CONSTRAINTS.includes(draft.constraintType);
  if (dated && (draft.constraintDate !== before.constraintDate || draft.constraintType !== before.constraintType)) out.constraintDate = draft.constraintDate || null;
  if (draft.deadline !== before.deadline) out.deadline = draft.deadline || null;
  if (draft.percentComplete !== before.percentComplete) out.percentComplete = Number(draft.percentComplete);
  if (draft.workHours !== before.workHours) out.workHours = Number(draft.workHours);
  if (draft.fixedCost !== before.fixedCost) out.fixedCost = Number(draft.fixedCost);
  if (draft.ownerId !== before.ownerId) out.ownerId = draft.ownerId || null;
  return out;
}

/**
 * A task's details beside the table: what the table has no room for (mode, constraint, deadline, notes, owner,
 * work and cost), its early and late dates and float, and the requirements it implements.
 */
export function TaskPanel({ project, task, can, saving, error, onSave, onClose }: TaskPanelProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(task));
  const members = useProjectMembers(project.id, can.internal);
  const summary = task.kind === "summary";
  const errors = fieldErrorsOf(error);
  const readOnly = !can.edit;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const s = task.schedule;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSave(changesOf(task, draft));
  }

  const owners = (members.data?.items ?? []).filter((m) => m.role === "manager" || m.role === "member").map((m) => ({ value: m.userId, label: m.name }));
  const constraints = (summary ? PLAN_SUMMARY_CONSTRAINTS : PLAN_CONSTRAINT_TYPES).map((c) => ({ value: c, label: t(`plan.constraint.${c}`) }));
  const days = (value: number | null) => (value === null ? "" : t("plan.days", { value: formatDayCount(value, i18n.language) }));

  return (
    <aside className="card plan-panel" aria-label={t("plan.panel.label")} data-testid="plan-task-panel">
      <div className="card-header plan-panel-header">
        <div>
          <p className="subtle mono">
            {task.wbsCode} · {t(`plan.kind.${task.kind}`)}
          </p>
          <h3 className="card-title">{task.name}</h3>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t("plan.panel.close")} data-testid="plan-panel-close">
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="card-body stack">
        <form className="form plan-panel-form" noValidate onSubmit={handleSubmit}>
          {error && Object.keys(errors).length === 0 ? <Banner tone="error">{apiMessageOf(error) ?? t("errors.network")}</Banner> : null}
          <fieldset disabled={readOnly} className="plan-fieldset">
            <InputField label={t("plan.panel.name")} value={draft.name} onChange={(e) => set("name", e.target.value)} error={errors.name} data-testid="plan-panel-name" />
            <div className="form-grid">
              {summary ? (
                <InputField label={t("plan.panel.duration")} value={formatDayCount(s.durationDays, i18n.language)} hint={t("plan.panel.durationSummary")} disabled readOnly />
              ) : (
                <InputField label={t("plan.panel.duration")} inputMode="decimal" value={draft.durationDays} onChange={(e) => set("durationDays", e.target.value)} error={errors.durationDays} data-testid="plan-panel-duration" />
              )}
              <InputField
                label={t("plan.panel.percent")}
                type="number"
                min={0}
                max={100}
                value={summary ? String(s.percentComplete ?? 0) : draft.percentComplete}
                disabled={summary}
                onChange={(e) => set("percentComplete", e.target.value)}
                error={errors.percentComplete}
              />
            </div>
            {summary ? null : (
              <>
                <SelectField
                  label={t("plan.panel.mode")}
                  value={draft.schedulingMode}
                  onChange={(e) => set("schedulingMode", e.target.value as TPlanSchedulingMode)}
                  options={(["auto", "manual"] as const).map((m) => ({ value: m, label: t(`plan.mode.${m}`) }))}
                  error={errors.schedulingMode}
                  data-testid="plan-panel-mode"
                />
                {draft.schedulingMode === "manual" ? (
                  <InputField label={t("plan.panel.manualStart")} type="date" value={draft.manualStart} onChange={(e) => set("manualStart", e.target.value)} error={errors.manualStart} />
                ) : null}
              </>
            )}
            <SelectField
              label={t("plan.panel.constraintType")}
              value={draft.constraintType}
              onChange={(e) => set("constraintType", e.target.value as TPlanConstraintType)}
              options={constraints}
              error={errors.constraintType}
              data-testid="plan-panel-constraint"
            />
            {PLAN_DATED_CONSTRAINTS.includes(draft.constraintType) ? (
              <InputField label={t("plan.panel.constraintDate")} type="date" value={draft.constraintDate} onChange={(e) => set("constraintDate", e.target.value)} error={errors.constraintDate} data-testid="plan-panel-constraint-date" />
            ) : null}
            <InputField label={t("plan.panel.deadline")} type="date" value={draft.deadline} onChange={(e) => set("deadline", e.target.value)} error={errors.deadline} optional data-testid="plan-panel-deadline" />
            {can.internal ? (
              <>
                <SelectField
                  label={t("plan.panel.owner")}
                  value={draft.ownerId}
                  onChange={(e) => set("ownerId", e.target.value)}
                  options={owners}
                  placeholder={t("plan.panel.noOwner")}
                  error={errors.ownerId}
                />
                {summary ? (
                  <p className="subtle">{t("plan.panel.rolledUp", { work: formatDayCount(s.workHours, i18n.language), cost: formatDayCount(s.cost, i18n.language) })}</p>
                ) : (
                  <div className="form-grid">
                    <InputField label={t("plan.panel.work")} type="number" min={0} step="0.5" value={draft.workHours} onChange={(e) => set("workHours", e.target.value)} error={errors.workHours} />
                    <InputField label={t("plan.panel.cost")} type="number" min={0} step="0.01" value={draft.fixedCost} onChange={(e) => set("fixedCost", e.target.value)} error={errors.fixedCost} />
                  </div>
                )}
                <TextareaField label={t("plan.panel.notes")} rows={3} value={draft.notes} onChange={(e) => set("notes", e.target.value)} error={errors.notes} optional />
              </>
            ) : null}
          </fieldset>
          {readOnly ? null : (
            <div className="form-actions">
              <Button type="submit" variant="primary" loading={saving} data-testid="plan-panel-save">
                {t("plan.panel.save")}
              </Button>
            </div>
          )}
        </form>

        <section className="stack plan-panel-section" aria-labelledby={`schedule-${task.id}`}>
          <h4 className="subheading" id={`schedule-${task.id}`}>
            {t("plan.panel.schedule")}
          </h4>
          <dl className="plan-dates">
            <dt>{t("plan.panel.earlyStart")}</dt>
            <dd>{formatPlanDate(s.earlyStart, i18n.language)}</dd>
            <dt>{t("plan.panel.earlyFinish")}</dt>
            <dd>{formatPlanDate(s.earlyFinish, i18n.language)}</dd>
            <dt>{t("plan.panel.lateStart")}</dt>
            <dd>{formatPlanDate(s.lateStart, i18n.language)}</dd>
            <dt>{t("plan.panel.lateFinish")}</dt>
            <dd>{formatPlanDate(s.lateFinish, i18n.language)}</dd>
            <dt>{t("plan.panel.totalFloat")}</dt>
            <dd>
              {days(s.totalFloatDays)} {s.critical ? <span className="badge badge-red">{t("plan.critical")}</span> : null}
            </dd>
          </dl>
        </section>

        {can.internal ? <TaskResources key={task.id} project={project} task={task} canAssign={can.edit} /> : null}
        {can.internal ? <LinkedRequirements project={project} task={task} canLink={can.edit} /> : null}
      </div>
    </aside>
  );
}

/** The requirements the task implements (trace links `task implements requirement`), with a picker to add one. */
function LinkedRequirements({ project, task, canLink }: { project: TProject; task: TPlanTask; canLink: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const links = useTaskTraceLinks(project.id, task.id);
  const [picking, setPicking] = useState(false);
  const [choice, setChoice] = useState("");
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: planKeys.taskLinks(project.id, task.id) });
    void queryClient.invalidateQueries({ queryKey: requirementKeys.traceability(project.id) });
  };
  const add = useMutation({
    mutationFn: (requirementId: string) => api.traceability.createLink(project.id, { fromType: "task", fromId: task.id, toType: "requirement", toId: requirementId, kind: "implements" }),
    onSuccess: () => {
      setPicking(false);
      setChoice("");
      refresh();
      toast.show(t("plan.panel.linked"), "success");
    },
  });
  const remove = useMutation({
    mutationFn: (linkId: string) => api.traceability.removeLink(linkId),
    onSuccess: () => {
      refresh();
      toast.show(t("plan.panel.unlinked"), "success");
    },
    onError: (error) => toast.show(apiMessageOf(error) ?? t("errors.network"), "error"),
  });
  const requirements = (links.data ?? []).filter((l) => l.fromId === task.id && l.toType === "requirement");

  return (
    <section className="stack plan-panel-section" aria-labelledby={`requirements-${task.id}`} data-testid="plan-task-requirements">
      <div className="plan-panel-section-heading">
        <h4 className="subheading" id={`requirements-${task.id}`}>
          {t("plan.panel.requirements")}
        </h4>
        {canLink ? (
          <Button size="sm" variant="secondary" onClick={() => setPicking(true)} data-testid="plan-link-requirement">
            {t("plan.panel.linkRequirement")}
          </Button>
        ) : null}
      </div>
      <p className="subtle">{t("plan.panel.requirementsHint")}</p>
      {links.isPending ? <Spinner size="sm" label={t("ui.loading")} /> : null}
      {links.isSuccess && requirements.length === 0 ? <p className="subtle">{t("plan.panel.noRequirements")}</p> : null}
      <ul className="link-list">
        {requirements.map((link) => (
          <li key={link.id} className="plan-linked-requirement" data-testid="plan-linked-requirement">
            <span>{link.toLabel}</span>
            {canLink ? (
              <button type="button" className="icon-button" onClick={() => remove.mutate(link.id)} aria-label={t("plan.panel.unlink", { key: link.toLabel.split(" ")[0] ?? "" })}>
                <span aria-hidden="true">×</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <Dialog
        open={picking}
        onClose={() => setPicking(false)}
        title={t("plan.panel.linkRequirement")}
        onSubmit={() => choice && add.mutate(choice)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setPicking(false)}>
              {t("ui.cancel")}
            </Button>
            <Button type="submit" variant="primary" loading={add.isPending} disabled={!choice} data-testid="plan-link-requirement-submit">
              {t("plan.panel.link")}
            </Button>
          </>
        }
      >
        <div className="stack">
          {add.error ? <Banner tone="error">{apiMessageOf(add.error) ?? t("errors.network")}</Banner> : null}
          <RequirementPicker projectId={project.id} exclude={requirements.map((r) => r.toId)} value={choice} onChange={setChoice} />
        </div>
      </Dialog>
    </section>
  );
}
