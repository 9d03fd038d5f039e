import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TPlanTask, TProject } from "@jiaofu/contracts";
import { api } from "../../../api";
import { Banner, Button, Input, Select, Spinner } from "../../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../../lib/api-errors";
import { formatPlanDate } from "../plan-format";
import { usePlanResources, useSetPlanAssignments } from "../plan-resources.queries";
import { usePlanWrite } from "../planning.queries";
import { formatMoney, formatNumber, formatUnits } from "./resource-format";
import "./resources.css";

export type TaskResourcesProps = { project: TProject; task: TPlanTask; canAssign: boolean };

/**
 * The task panel's Resources section: who works on the task and how much (units per day), with the work and cost
 * each brings; add a resource, change its units, remove it (one PUT of the task's assignments, naming the task's
 * version). And the task's levelling priority.
 */
export function TaskResources({ project, task, canAssign }: TaskResourcesProps) {
  const { t, i18n } = useTranslation();
  const resources = usePlanResources(project.id);
  const save = useSetPlanAssignments(project.id);
  const [adding, setAdding] = useState("");
  const [addUnits, setAddUnits] = useState("1");
  const summary = task.kind === "summary";
  if (resources.isPending) return <Spinner size="sm" label={t("ui.loading")} />;
  if (resources.isError) return null;
  const { currency } = resources.data;
  const byId = new Map(resources.data.resources.map((r) => [r.id, r]));
  const mine = resources.data.assignments.filter((a) => a.taskId === task.id);
  const free = resources.data.resources.filter((r) => !mine.some((a) => a.resourceId === r.id));
  const errors = fieldErrorsOf(save.error);
  const failed = save.error && Object.keys(errors).length === 0 ? apiMessageOf(save.error) : Object.values(errors)[0];

  const write = (next: { resourceId: string; units: number }[]) => save.mutate({ taskId: task.id, body: { version: task.version, assignments: next } });
  const current = () => mine.map((a) => ({ resourceId: a.resourceId, units: a.units }));
  const parseUnits = (text: string) => Number(text.replace(",", "."));

  return (
    <section className="stack plan-panel-section" aria-labelledby={`resources-${task.id}`} data-testid="task-resources">
      <h4 className="subheading" id={`resources-${task.id}`}>
        {t("planResources.task.title")}
      </h4>
      {failed ? <Banner tone="error">{failed}</Banner> : null}
      {summary ? (
        <p className="subtle">{t("planResources.task.summary")}</p>
      ) : (
        <>
          {mine.length === 0 ? <p className="subtle">{t("planResources.task.empty")}</p> : null}
          <ul className="task-resources-list">
            {mine.map((a) => {
              const r = byId.get(a.resourceId);
              if (!r) return null;
              return (
                <li key={a.id} className="task-resource" data-testid="task-resource" data-name={r.name}>
                  <span className="task-resource-name">{r.name}</span>
                  {canAssign ? (
                    <Input
                      key={`${a.id}-${a.units}`}
                      aria-label={t("planResources.task.unitsLabel", { name: r.name })}
                      defaultValue={String(a.units)}
                      inputMode="decimal"
                      onBlur={(e) => {
                        const units = parseUnits(e.target.value);
                        if (units === a.units || !Number.isFinite(units)) return;
                        write(current().map((x) => (x.resourceId === a.resourceId ? { ...x, units } : x)));
                      }}
                      data-testid="task-resource-units"
                    />
                  ) : (
                    <span>{formatUnits(a.units, r.kind, i18n.language)}</span>
                  )}
                  {canAssign ? (
                    <button type="button" className="icon-button" onClick={() => write(current().filter((x) => x.resourceId !== a.resourceId))} aria-label={t("planResources.task.removeLabel", { name: r.name })} data-testid="task-resource-remove">
                      <span aria-hidden="true">×</span>
                    </button>
                  ) : (
                    <span />
                  )}
                  <span className="task-resource-amounts">
                    {r.kind === "work" ? `${formatUnits(a.units, r.kind, i18n.language)} · ${t("planResources.task.hours", { value: formatNumber(a.workHours, i18n.language) })} · ` : ""}
                    {formatMoney(a.cost, currency, i18n.language)}
                  </span>
                </li>
              );
            })}
          </ul>
          {canAssign ? (
            resources.data.resources.length === 0 ? (
              <p className="subtle">{t("planResources.task.noResources")}</p>
            ) : free.length > 0 ? (
              <div className="task-resource-add">
                <Select
                  aria-label={t("planResources.task.resource")}
                  value={adding}
                  onChange={(e) => setAdding(e.target.value)}
                  placeholder={t("planResources.task.choose")}
                  options={free.map((r) => ({ value: r.id, label: r.name }))}
                  data-testid="task-resource-choose"
                />
                <Input aria-label={t("planResources.task.units")} value={addUnits} onChange={(e) => setAddUnits(e.target.value)} inputMode="decimal" data-testid="task-resource-add-units" />
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={adding === ""}
                  loading={save.isPending}
                  onClick={() => {
                    write([...current(), { resourceId: adding, units: parseUnits(addUnits) }]);
                    setAdding("");
                    setAddUnits("1");
                  }}
                  data-testid="task-resource-add"
                >
                  {t("planResources.task.add")}
                </Button>
              </div>
            ) : null
          ) : null}
          {task.levellingStart ? <p className="subtle" data-testid="task-levelling-start">{t("planResources.task.levelled", { date: formatPlanDate(task.levellingStart, i18n.language) })}</p> : null}
          <TaskPriority project={project} task={task} canEdit={canAssign} />
        </>
      )}
    </section>
  );
}

/** The task's levelling priority (0–1000), saved through the task's PATCH. */
function TaskPriority({ project, task, canEdit }: { project: TProject; task: TPlanTask; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = usePlanWrite(project.id, (priority: number) => api.planning.updateTask(task.id, { version: task.version, priority }));
  const [value, setValue] = useState(String(task.priority));
  const error = fieldErrorsOf(update.error).priority;
  return (
    <div className="stack task-priority">
      <label className="field-label" htmlFor={`priority-${task.id}`}>
        {t("planResources.task.priority")}
      </label>
      <div className="row">
        <Input id={`priority-${task.id}`} value={value} inputMode="numeric" disabled={!canEdit} onChange={(e) => setValue(e.target.value)} aria-describedby={`priority-hint-${task.id}`} data-testid="task-priority" />
        {canEdit ? (
          <Button size="sm" variant="secondary" disabled={value === String(task.priority)} loading={update.isPending} onClick={() => update.mutate(Number(value))} data-testid="task-priority-save">
            {t("planResources.task.prioritySet")}
          </Button>
        ) : null}
      </div>
      <p className="subtle" id={`priority-hint-${task.id}`}>
        {error ?? t("planResources.task.priorityHint")}
      </p>
    </div>
  );
}
