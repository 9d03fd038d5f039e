import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { BOARD_CATEGORIES, BOARD_MAX_COLUMNS, type TBoardCategory, type TBoardWorkflow, type TProject } from "@jiaofu/contracts";
import { api } from "../../api";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { Banner, Button, Dialog, Input, Select, useToast } from "../../ui";
import { boardKeys } from "./board.queries";

export type WorkflowDialogProps = {
  open: boolean;
  project: TProject;
  workflow: TBoardWorkflow;
  /** Cards per column now: a removed column with cards needs a column to move them to. */
  counts: ReadonlyMap<string, number>;
  onClose: () => void;
};

type Row = { key: string; id?: string; name: string; category: TBoardCategory; wipLimit: string };

/** The workflow editor (managers): rename, recategorise, reorder, limit, add and remove columns, saved as a whole. */
export function WorkflowDialog({ open, project, workflow, counts, onClose }: WorkflowDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("board.workflow.title")} description={t("board.workflow.description")} wide testId="workflow-dialog">
      <WorkflowForm project={project} workflow={workflow} counts={counts} onClose={onClose} />
    </Dialog>
  );
}

function WorkflowForm({ project, workflow, counts, onClose }: Omit<WorkflowDialogProps, "open">) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => workflow.statuses.map((s) => ({ key: s.id, id: s.id, name: s.name, category: s.category, wipLimit: s.wipLimit === null ? "" : String(s.wipLimit) })));
  const [reassign, setReassign] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const removed = workflow.statuses.filter((s) => !rows.some((r) => r.id === s.id) && (counts.get(s.id) ?? 0) > 0);
  const update = (index: number, change: Partial<Row>) => setRows(rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const moveRow = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (row) next.splice(index + by, 0, row);
    setRows(next);
  };
  const fields = fieldErrorsOf(error);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await api.board.updateWorkflow(project.id, {
        version: workflow.version,
        statuses: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name, category: r.category, wipLimit: r.wipLimit.trim() === "" ? null : Number(r.wipLimit) })),
        reassign: removed.flatMap((s) => {
          const to = rows.findIndex((r) => r.key === reassign[s.id]);
          return to === -1 ? [] : [{ from: s.id, to }];
        }),
      });
      await queryClient.invalidateQueries({ queryKey: boardKeys.board(project.id) });
      toast.show(t("board.workflow.saved"), "success");
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void handleSubmit(e)}>
      {error ? <Banner tone="error">{Object.values(fields)[0] ?? apiMessageOf(error) ?? t("errors.generic")}</Banner> : null}
      <table className="workflow-table">
        <thead>
          <tr>
            <th scope="col">{t("board.workflow.name")}</th>
            <th scope="col">{t("board.workflow.category")}</th>
            <th scope="col">{t("board.workflow.wipLimit")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("ui.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key} data-testid="workflow-row">
              <td>
                <Input aria-label={t("board.workflow.nameOf", { index: index + 1 })} value={row.name} maxLength={60} required onChange={(e) => update(index, { name: e.target.value })} data-testid="workflow-name" />
              </td>
              <td>
                <Select
                  aria-label={t("board.workflow.categoryOf", { index: index + 1 })}
                  value={row.category}
                  options={BOARD_CATEGORIES.map((c) => ({ value: c, label: t(`board.category.${c}`) }))}
                  onChange={(e) => update(index, { category: BOARD_CATEGORIES.find((c) => c === e.target.value) ?? "todo" })}
                  data-testid="workflow-category"
                />
              </td>
              <td>
                <Input
                  aria-label={t("board.workflow.wipLimitOf", { index: index + 1 })}
                  type="number"
                  min={1}
                  max={999}
                  placeholder={t("board.workflow.noLimit")}
                  value={row.wipLimit}
                  onChange={(e) => update(index, { wipLimit: e.target.value })}
                  data-testid="workflow-wip"
                />
              </td>
              <td className="workflow-actions">
                <Button size="sm" variant="ghost" disabled={index === 0} aria-label={t("board.workflow.up", { name: row.name })} onClick={() => moveRow(index, -1)}>
                  ↑
                </Button>
                <Button size="sm" variant="ghost" disabled={index === rows.length - 1} aria-label={t("board.workflow.down", { name: row.name })} onClick={() => moveRow(index, 1)}>
                  ↓
                </Button>
                <Button size="sm" variant="danger-ghost" disabled={rows.length <= 2} aria-label={t("board.workflow.remove", { name: row.name })} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                  ×
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <Button size="sm" disabled={rows.length >= BOARD_MAX_COLUMNS} onClick={() => setRows([...rows, { key: `new-${Date.now()}`, name: "", category: "in_progress", wipLimit: "" }])} data-testid="workflow-add">
          {t("board.workflow.add")}
        </Button>
      </div>
      {removed.map((s) => (
        <label key={s.id} className="board-filter">
          <span>{t("board.workflow.moveTasks", { name: s.name, count: counts.get(s.id) ?? 0 })}</span>
          <Select
            value={reassign[s.id] ?? ""}
            placeholder={t("ui.choose")}
            required
            options={rows.map((r) => ({ value: r.key, label: r.name || t("board.workflow.unnamed") }))}
            onChange={(e) => setReassign({ ...reassign, [s.id]: e.target.value })}
          />
        </label>
      ))}
      <p className="subtle">{t("board.workflow.rules")}</p>
      <div className="dialog-footer">
        <Button variant="secondary" onClick={onClose}>
          {t("ui.cancel")}
        </Button>
        <Button type="submit" variant="primary" loading={saving} data-testid="workflow-save">
          {t("ui.save")}
        </Button>
      </div>
    </form>
  );
}
