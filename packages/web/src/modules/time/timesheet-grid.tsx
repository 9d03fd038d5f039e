import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TTimeEntry, TTimesheetStatus, TTimesheetWeek } from "@jiaofu/contracts";
import { durationParseMinutes } from "@jiaofu/engine";
import { api } from "../../api";
import { apiMessageOf, isVersionConflict } from "../../lib/api-errors";
import { Badge, Banner, Button, Card, LoadingBlock, type BadgeTone } from "../../ui";
import { ProjectTaskPicker, useProjectTaskTarget } from "./project-task-picker";
import { formatCellMinutes, formatDayLabel, formatTotalMinutes, shiftWeek, thisWeekStart } from "./time-format";
import { timeChanged, useMyWeek } from "./time.queries";

/** A row of the grid: a project, or one task of it. */
type GridRow = { projectId: string; projectCode: string; projectName: string; taskId: string | null; taskName: string | null; taskWbsCode: string | null; editable: boolean };
const rowKey = (row: { projectId: string; taskId: string | null }) => `${row.projectId}/${row.taskId ?? ""}`;

export const STATUS_TONES: Record<TTimesheetStatus, BadgeTone> = { draft: "gray", submitted: "blue", approved: "green", rejected: "red" };

/**
 * How to bring a cell's entries to `target` minutes with as few writes as possible, keeping notes: more time goes on
 * the last entry (or a new one), less is taken from the last entries first (removing those it empties).
 */
export function cellChanges(entries: readonly Pick<TTimeEntry, "id" | "minutes" | "version">[], target: number) {
  const current = entries.reduce((sum, e) => sum + e.minutes, 0);
  const changes: ({ kind: "create"; minutes: number } | { kind: "update"; id: string; version: number; minutes: number } | { kind: "delete"; id: string; version: number })[] = [];
  let delta = target - current;
  if (delta > 0) {
    const last = entries.at(-1);
    changes.push(last ? { kind: "update", id: last.id, version: last.version, minutes: last.minutes + delta } : { kind: "create", minutes: delta });
  }
  for (let i = entries.length - 1; delta < 0 && i >= 0; i--) {
    const entry = entries[i];
    if (!entry) continue;
    const take = Math.min(entry.minutes, -delta);
    changes.push(take === entry.minutes ? { kind: "delete", id: entry.id, version: entry.version } : { kind: "update", id: entry.id, version: entry.version, minutes: entry.minutes - take });
    delta += take;
  }
  return changes;
}

type CellProps = { minutes: number; editable: boolean; label: string; testId: string; cellId: string; onCommit: (minutes: number) => void; onMove: (direction: -1 | 1) => void };

function TimeCell({ minutes, editable, label, testId, cellId, onCommit, onMove }: CellProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatCellMinutes(minutes));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(formatCellMinutes(minutes));
    setInvalid(false);
  }, [minutes]);
  const commit = () => {
    const parsed = durationParseMinutes(text);
    if (parsed === null || parsed > 1440) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (parsed !== minutes) onCommit(parsed);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
      onMove(1);
    } else if (event.key === "Escape") {
      setText(formatCellMinutes(minutes));
      setInvalid(false);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      onMove(event.key === "ArrowDown" ? 1 : -1);
    }
  };
  if (!editable) {
    return (
      <span className="timesheet-cell-locked mono" data-testid={testId}>
        {formatCellMinutes(minutes)}
      </span>
    );
  }
  return (
    <input
      className={invalid ? "input timesheet-cell invalid" : "input timesheet-cell"}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={handleKeyDown}
      aria-label={label}
      aria-invalid={invalid || undefined}
      title={invalid ? t("time.grid.invalidDuration") : undefined}
      inputMode="text"
      autoComplete="off"
      data-testid={testId}
      data-cell={cellId}
    />
  );
}

/** Choose a project and one of its tasks (or none) to add a row for. */
function AddRow({ onAdd }: { onAdd: (row: GridRow) => void }) {
  const { t } = useTranslation();
  const [projectId, setProjectId] = useState("");
  const [taskId, setTaskId] = useState("");
  const { target } = useProjectTaskTarget(projectId, taskId);
  const handleAdd = () => {
    if (!target) return;
    onAdd({ ...target, editable: true });
    setTaskId("");
  };
  return (
    <div className="row timesheet-add">
      <ProjectTaskPicker
        projectId={projectId}
        taskId={taskId}
        onChange={(nextProject, nextTask) => {
          setProjectId(nextProject);
          setTaskId(nextTask);
        }}
        testIdPrefix="timesheet-add"
      />
      <Button size="sm" onClick={handleAdd} disabled={!target} data-testid="timesheet-add-row">
        {t("time.grid.addRow")}
      </Button>
    </div>
  );
}

function PartStatuses({ week }: { week: TTimesheetWeek }) {
  const { t } = useTranslation();
  if (week.parts.length === 0) return null;
  return (
    <ul className="timesheet-parts" aria-label={t("time.grid.partsLabel")}>
      {week.parts.map((part) => (
        <li key={part.projectId} className="timesheet-part" data-testid="timesheet-part" data-status={part.status}>
          <strong>{part.projectCode}</strong>
          <Badge tone={STATUS_TONES[part.status]}>{t(`time.status.${part.status}`)}</Badge>
          <span className="muted">{formatTotalMinutes(part.minutes)}</span>
          {part.note ? (
            <span className="timesheet-part-note">
              {part.decidedByName ? t("time.grid.noteBy", { name: part.decidedByName }) : null}
              {part.note}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The person's week as a grid (rows: project or task; columns: Monday to Sunday). Type a duration (`1h30`, `1.5`,
 * `90m`, `1:30`) and leave the cell or press Enter; arrows move between rows, Escape undoes. Submitting sends each
 * project's part to its manager; submitted and approved rows are read-only.
 */
export function TimesheetGrid() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [weekStart, setWeekStart] = useState(thisWeekStart);
  const [added, setAdded] = useState<GridRow[]>([]);
  const week = useMyWeek(weekStart);
  const data = week.data;

  const rows = useMemo<GridRow[]>(() => {
    const fromServer = (data?.rows ?? []).map((row) => ({ ...row }));
    const seen = new Set(fromServer.map(rowKey));
    return [...fromServer, ...added.filter((row) => !seen.has(rowKey(row)))];
  }, [data, added]);

  const save = useMutation({
    mutationFn: async ({ row, date, target }: { row: GridRow; date: string; target: number }) => {
      const entries = (data?.entries ?? []).filter((e) => e.projectId === row.projectId && e.taskId === row.taskId && e.workDate === date);
      for (const change of cellChanges(entries, target)) {
        if (change.kind === "create") await api.time.createEntry({ projectId: row.projectId, taskId: row.taskId, workDate: date, minutes: change.minutes });
        else if (change.kind === "update") await api.time.updateEntry(change.id, { version: change.version, minutes: change.minutes });
        else await api.time.removeEntry(change.id);
      }
    },
    onSettled: () => timeChanged(queryClient),
  });
  const submit = useMutation({
    mutationFn: () => api.time.submitWeek({ weekStart, version: data?.version ?? 0 }),
    onSettled: () => timeChanged(queryClient),
  });

  const moveFocus = (rowIndex: number, day: number, direction: -1 | 1) => {
    const next = document.querySelector<HTMLInputElement>(`[data-cell="${rowIndex + direction}-${day}"]`);
    next?.focus();
  };
  const goToWeek = (next: string) => {
    setWeekStart(next);
    setAdded([]);
    save.reset();
    submit.reset();
  };

  const canSubmit = (data?.parts ?? []).some((part) => part.status === "draft" || part.status === "rejected");
  const days = data?.days ?? [];
  const error = save.error ?? submit.error;

  return (
    <Card
      title={t("time.grid.title")}
      actions={
        <>
          <Button size="sm" variant="ghost" onClick={() => goToWeek(shiftWeek(weekStart, -1))} aria-label={t("time.grid.previous")} data-testid="timesheet-prev">
            ‹
          </Button>
          <span className="timesheet-week" data-testid="timesheet-week-label">
            {t("time.grid.weekOf", { date: weekStart })}
          </span>
          <Button size="sm" variant="ghost" onClick={() => goToWeek(shiftWeek(weekStart, 1))} aria-label={t("time.grid.next")} data-testid="timesheet-next">
            ›
          </Button>
          <Button size="sm" variant="ghost" onClick={() => goToWeek(thisWeekStart())} disabled={weekStart === thisWeekStart()}>
            {t("time.grid.thisWeek")}
          </Button>
        </>
      }
      flush
      data-testid="timesheet-grid"
    >
      {!data ? (
        <LoadingBlock />
      ) : (
        <div className="stack timesheet-body">
          <div className="row timesheet-status-row">
            {data.parts.length > 1 ? (
              <span className="row" data-testid="timesheet-status">
                <span className="muted">{t("time.grid.weekStatus")}</span>
                <Badge tone={STATUS_TONES[data.status]}>{t(`time.status.${data.status}`)}</Badge>
              </span>
            ) : null}
            <PartStatuses week={data} />
          </div>
          {error ? (
            <Banner tone="error">{isVersionConflict(error) ? t("time.grid.conflict") : (apiMessageOf(error) ?? t("errors.network"))}</Banner>
          ) : null}
          <div className="table-wrap">
            <table className="table timesheet-table">
              <thead>
                <tr>
                  <th scope="col">{t("time.grid.row")}</th>
                  {days.map((date) => {
                    const label = formatDayLabel(date, i18n.language);
                    return (
                      <th key={date} scope="col" className="timesheet-day">
                        <span>{label.weekday}</span> <span className="muted">{label.day}</span>
                      </th>
                    );
                  })}
                  <th scope="col" className="timesheet-day">
                    {t("time.grid.total")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 ? (
                  <tr>
                    <td colSpan={9} className="muted">
                      {t("time.grid.empty")}
                    </td>
                  </tr>
                ) : null}
                {rows.map((row, rowIndex) => {
                  const serverRow = data.rows.find((r) => rowKey(r) === rowKey(row));
                  const name = row.taskName ? `${row.taskWbsCode ?? ""} ${row.taskName}`.trim() : t("time.grid.general");
                  return (
                    <tr key={rowKey(row)} data-testid="timesheet-row" data-task={row.taskName ?? ""}>
                      <th scope="row" className="timesheet-row-name">
                        <span className="mono muted">{row.projectCode}</span> <span>{name}</span>
                      </th>
                      {days.map((date, day) => (
                        <td key={date}>
                          <TimeCell
                            minutes={serverRow?.minutes[day] ?? 0}
                            editable={row.editable}
                            label={t("time.grid.cellLabel", { row: name, date })}
                            testId={`timesheet-cell-${day}`}
                            cellId={`${rowIndex}-${day}`}
                            onCommit={(target) => save.mutate({ row, date, target })}
                            onMove={(direction) => moveFocus(rowIndex, day, direction)}
                          />
                        </td>
                      ))}
                      <td className="mono timesheet-total">{formatTotalMinutes(serverRow?.total ?? 0)}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("time.grid.total")}</th>
                  {data.dayTotals.map((minutes, day) => (
                    <td key={days[day] ?? day} className="mono timesheet-total" data-testid={`timesheet-day-total-${day}`}>
                      {formatTotalMinutes(minutes)}
                    </td>
                  ))}
                  <td className="mono timesheet-total strong" data-testid="timesheet-total">
                    {formatTotalMinutes(data.total)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <div className="row timesheet-footer">
            <AddRow onAdd={(row) => setAdded((current) => [...current.filter((r) => rowKey(r) !== rowKey(row)), row])} />
            <span className="row-end">
              <Button variant="primary" onClick={() => submit.mutate()} disabled={!canSubmit} loading={submit.isPending} data-testid="timesheet-submit">
                {t("time.grid.submit")}
              </Button>
            </span>
          </div>
          <p className="muted timesheet-hint">{t("time.grid.hint")}</p>
        </div>
      )}
    </Card>
  );
}
