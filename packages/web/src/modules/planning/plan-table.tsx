import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TPlanTask } from "@jiaofu/contracts";
import type { PlanVarianceRow } from "@jiaofu/engine";
import { formatDayCount, formatPlanDate } from "./plan-format";
import { formatVariance, varianceTone } from "./baselines/plan-variance-model";
import "./baselines/plan-baselines.css";

/** The table's columns, in order. */
export const PLAN_COLUMNS = ["wbs", "name", "duration", "start", "finish", "predecessors", "percent", "float", "critical"] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** The columns a person types into (Tab walks through them). */
export const PLAN_EDITABLE_COLUMNS = ["name", "duration", "start", "finish", "predecessors", "percent"] as const satisfies readonly PlanColumn[];
export type PlanEditableColumn = (typeof PLAN_EDITABLE_COLUMNS)[number];

/** A summary's duration, dates and progress come from the tasks under it; its name and predecessors are its own. */
export function planCellEditable(task: TPlanTask, column: PlanEditableColumn): boolean {
  return task.kind !== "summary" || column === "name" || column === "predecessors";
}

/** The next (or previous) column of the row a person may type into, if any. */
export function planNextEditableColumn(task: TPlanTask, from: PlanEditableColumn, step: 1 | -1): PlanEditableColumn | undefined {
  let i = PLAN_EDITABLE_COLUMNS.indexOf(from) + step;
  while (i >= 0 && i < PLAN_EDITABLE_COLUMNS.length) {
    const column = PLAN_EDITABLE_COLUMNS[i] as PlanEditableColumn;
    if (planCellEditable(task, column)) return column;
    i += step;
  }
  return undefined;
}

export type PlanCellEdit = { taskId: string; column: PlanEditableColumn };
/** Where the edit goes after a commit: stays on the row, or on to the next or previous cell. */
export type PlanCommitMove = "stay" | "next" | "prev" | "none";

/** Row height in pixels: fixed, so a long plan renders only the rows in view. */
const ROW_HEIGHT = 36;
/** Rows rendered above and below the visible ones, so fast scrolling does not show blank space. */
const OVERSCAN = 12;

export type PlanTableProps = {
  tasks: readonly TPlanTask[];
  predecessorsText: (task: TPlanTask) => string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  editing: PlanCellEdit | null;
  onEdit: (edit: PlanCellEdit | null) => void;
  onCommit: (task: TPlanTask, column: PlanEditableColumn, value: string, move: PlanCommitMove) => void;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  canEdit: boolean;
  /** Keys the table does not handle itself (indent, move, add, delete …). */
  onKeyCommand: (event: KeyboardEvent<HTMLTableElement>) => boolean;
  /** "Compare with baseline": each task's variance (by task id) adds the variance columns; cost only with `varianceCost`. */
  variance?: ReadonlyMap<string, PlanVarianceRow> | null;
  varianceCost?: boolean;
};

/** The columns "compare with baseline" adds (labels in planBaselines.columns). */
const VARIANCE_COLUMNS = ["startVariance", "finishVariance", "durationVariance", "costVariance"] as const;
const VARIANCE_FIELDS = { startVariance: "startVarianceDays", finishVariance: "finishVarianceDays", durationVariance: "durationVarianceDays", costVariance: "costVariance" } as const;

/**
 * The WBS as an editable tree grid: one row per task in WBS order (summaries bold, with their tasks indented below
 * them), only the rows in view rendered. Arrow keys move the selection, Enter or F2 edits, Tab goes to the next cell,
 * Escape cancels; the page handles the structural shortcuts.
 */
export function PlanTable({ tasks, predecessorsText, selectedId, onSelect, editing, onEdit, onCommit, collapsed, onToggle, canEdit, onKeyCommand, variance = null, varianceCost = false }: PlanTableProps) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const focusPending = useRef(false);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    setViewport(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const selectedIndex = selectedId === null ? -1 : tasks.findIndex((task) => task.id === selectedId);

  // Keep the selected row in view, then focus it (it exists only once rendered).
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || selectedIndex < 0) return;
    const header = ROW_HEIGHT;
    const top = selectedIndex * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT + header > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT + header - element.clientHeight;
  }, [selectedIndex]);
  useEffect(() => {
    if (!focusPending.current || editing !== null) return;
    const row = tableRef.current?.querySelector<HTMLTableRowElement>(`tr[data-task-id="${selectedId ?? ""}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(tasks.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const slice = tasks.slice(first, last);

  function select(index: number) {
    const task = tasks[Math.max(0, Math.min(tasks.length - 1, index))];
    if (!task) return;
    focusPending.current = true;
    onSelect(task.id);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (editing !== null || event.defaultPrevented) return;
    if (onKeyCommand(event)) {
      focusPending.current = true;
      return;
    }
    const selected = selectedIndex >= 0 ? tasks[selectedIndex] : undefined;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        select(selectedIndex + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        select(selectedIndex - 1);
        break;
      case "Home":
        event.preventDefault();
        select(0);
        break;
      case "End":
        event.preventDefault();
        select(tasks.length - 1);
        break;
      case "ArrowRight":
      case "ArrowLeft":
        if (selected?.kind === "summary" && collapsed.has(selected.id) === (event.key === "ArrowRight")) {
          event.preventDefault();
          onToggle(selected.id);
        }
        break;
      case "Enter":
      case "F2":
        if (selected && canEdit) {
          event.preventDefault();
          onEdit({ taskId: selected.id, column: "name" });
        }
        break;
      default:
        break;
    }
  }

  function commit(task: TPlanTask, column: PlanEditableColumn, value: string, move: PlanCommitMove) {
    focusPending.current = move === "stay";
    onCommit(task, column, value, move);
  }

  const columnLabel = (column: PlanColumn) => t(`plan.columns.${column}`);
  const varianceColumns = variance === null ? [] : VARIANCE_COLUMNS.filter((column) => varianceCost || column !== "costVariance");
  const cell = (task: TPlanTask, column: PlanEditableColumn, display: ReactNode, input: { type: "text" | "date"; value: string; className?: string }) => {
    const active = editing?.taskId === task.id && editing.column === column;
    const editable = canEdit && planCellEditable(task, column);
    return (
      <td
        className={[`plan-cell plan-col-${column}`, editable ? "plan-editable" : "", input.className ?? ""].filter(Boolean).join(" ")}
        onClick={editable && selectedId === task.id && !active ? () => onEdit({ taskId: task.id, column }) : undefined}
        onDoubleClick={editable ? () => onEdit({ taskId: task.id, column }) : undefined}
        data-testid={`plan-cell-${column}`}
      >
        {active ? (
          <CellInput
            type={input.type}
            initial={input.value}
            label={`${columnLabel(column)} ${task.wbsCode}`}
            onCommit={(value, move) => commit(task, column, value, move)}
            onCancel={() => {
              focusPending.current = true;
              onEdit(null);
            }}
          />
        ) : (
          display
        )}
      </td>
    );
  };

  return (
    <div className="plan-grid-scroll" ref={scrollRef} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} data-testid="plan-grid">
      <table
        ref={tableRef}
        className={variance === null ? "table plan-grid" : "table plan-grid with-variance"}
        role="treegrid"
        aria-label={t("plan.table.label")}
        aria-rowcount={tasks.length + 1}
        aria-multiselectable={false}
        onKeyDown={handleKeyDown}
      >
        <thead>
          <tr aria-rowindex={1}>
            {PLAN_COLUMNS.map((column) => (
              <th key={column} scope="col" className={`plan-col-${column}`}>
                {column === "critical" ? <span className="visually-hidden">{columnLabel(column)}</span> : columnLabel(column)}
              </th>
            ))}
            {varianceColumns.map((column) => (
              <th key={column} scope="col" className="plan-col-variance">
                {t(`planBaselines.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 ? <tr className="plan-spacer" aria-hidden="true" style={{ height: first * ROW_HEIGHT }} /> : null}
          {slice.map((task, offset) => {
            const index = first + offset;
            const summary = task.kind === "summary";
            const selected = task.id === selectedId;
            const s = task.schedule;
            const violations = s.violations
              .map((v) =>
                v.kind === "deadline"
                  ? t("plan.violation.deadline", { value: formatDayCount(v.byDays, i18n.language) })
                  : v.kind === "manual"
                    ? t("plan.violation.manual", { value: formatDayCount(v.byDays, i18n.language) })
                    : t("plan.violation.constraint", { constraint: t(`plan.constraint.${v.kind}`), value: formatDayCount(v.byDays, i18n.language) }),
              )
              .join(" · ");
            return (
              <tr
                key={task.id}
                data-task-id={task.id}
                data-testid="plan-row"
                data-wbs={task.wbsCode}
                data-kind={task.kind}
                aria-rowindex={index + 2}
                aria-level={task.outlineLevel}
                aria-selected={selected}
                aria-expanded={summary ? !collapsed.has(task.id) : undefined}
                tabIndex={selected || (selectedId === null && index === 0) ? 0 : -1}
                className={["plan-row", summary ? "plan-row-summary" : "", selected ? "is-selected" : "", s.critical ? "is-critical" : ""].filter(Boolean).join(" ")}
                onClick={() => onSelect(task.id)}
              >
                <td className="plan-cell plan-col-wbs mono">{task.wbsCode}</td>
                {cell(
                  task,
                  "name",
                  <span className="plan-name" style={{ paddingInlineStart: (task.outlineLevel - 1) * 18 }}>
                    {summary ? (
                      <button
                        type="button"
                        className="plan-toggle"
                        tabIndex={-1}
                        aria-label={collapsed.has(task.id) ? t("plan.table.expand", { name: task.name }) : t("plan.table.collapse", { name: task.name })}
                        onClick={(event) => {
                          event.stopPropagation();
                          onToggle(task.id);
                        }}
                      >
                        <span aria-hidden="true">{collapsed.has(task.id) ? "▸" : "▾"}</span>
                      </button>
                    ) : (
                      <span className="plan-toggle-space" aria-hidden="true" />
                    )}
                    {task.kind === "milestone" ? (
                      <span className="plan-milestone" title={t("plan.table.milestone")} aria-hidden="true">
                        ◆
                      </span>
                    ) : null}
                    <span className="plan-name-text">{task.name}</span>
                    {task.schedulingMode === "manual" ? (
                      <span className="plan-flag" title={t("plan.table.manual")} aria-label={t("plan.table.manual")}>
                        ⌖
                      </span>
                    ) : null}
                    {violations ? (
                      <span className="plan-flag plan-flag-warning" title={violations} aria-label={violations} data-testid="plan-violation">
                        ⚠
                      </span>
                    ) : null}
                  </span>,
                  { type: "text", value: task.name, className: "plan-name-cell" },
                )}
                {cell(task, "duration", t("plan.days", { value: formatDayCount(s.durationDays ?? task.durationDays, i18n.language) }), { type: "text", value: String(task.durationDays), className: "num" })}
                {cell(task, "start", formatPlanDate(s.start, i18n.language), { type: "date", value: s.start ?? "", className: "nowrap" })}
                {cell(task, "finish", formatPlanDate(s.finish, i18n.language), { type: "date", value: s.finish ?? "", className: "nowrap" })}
                {cell(task, "predecessors", <span className="mono">{predecessorsText(task)}</span>, { type: "text", value: predecessorsText(task) })}
                {cell(task, "percent", `${Math.round(summary ? (s.percentComplete ?? 0) : task.percentComplete)}%`, { type: "text", value: String(task.percentComplete), className: "num" })}
                <td className="plan-cell plan-col-float num">{s.totalFloatDays === null ? "" : t("plan.days", { value: formatDayCount(s.totalFloatDays, i18n.language) })}</td>
                <td className="plan-cell plan-col-critical">
                  {s.critical ? (
                    <span className="plan-critical" title={t("plan.critical")} data-testid="plan-critical">
                      <span className="visually-hidden">{t("plan.critical")}</span>
                    </span>
                  ) : null}
                </td>
                {varianceColumns.map((column) => {
                  const value = variance?.get(task.id)?.[VARIANCE_FIELDS[column]] ?? null;
                  const text = formatVariance(value, i18n.language, column === "costVariance" ? { maximumFractionDigits: 0 } : {});
                  return (
                    <td key={column} className={["plan-cell plan-col-variance num", varianceTone(value)].filter(Boolean).join(" ")} data-testid={`plan-cell-${column}`}>
                      {column === "costVariance" || value === null ? text : t("planBaselines.days", { value: text })}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {last < tasks.length ? <tr className="plan-spacer" aria-hidden="true" style={{ height: (tasks.length - last) * ROW_HEIGHT }} /> : null}
        </tbody>
      </table>
    </div>
  );
}

type CellInputProps = {
  type: "text" | "date";
  initial: string;
  label: string;
  onCommit: (value: string, move: PlanCommitMove) => void;
  onCancel: () => void;
};

/** The input of the cell being edited: Enter saves, Tab saves and moves on, Escape cancels, leaving the cell saves. */
function CellInput({ type, initial, label, onCommit, onCancel }: CellInputProps) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    if (type === "text") ref.current?.select();
  }, [type]);
  function finish(move: PlanCommitMove) {
    if (done.current) return;
    done.current = true;
    onCommit(value, move);
  }
  return (
    <input
      ref={ref}
      className="input plan-cell-input"
      type={type}
      value={value}
      aria-label={label}
      data-testid="plan-cell-input"
      onChange={(event) => setValue(event.target.value)}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === "Enter") {
          event.preventDefault();
          finish("stay");
        } else if (event.key === "Tab") {
          event.preventDefault();
          finish(event.shiftKey ? "prev" : "next");
        } else if (event.key === "Escape") {
          event.preventDefault();
          done.current = true;
          onCancel();
        }
      }}
      onBlur={() => finish("none")}
    />
  );
}
