import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { durationParseMinutes } from "@jiaofu/engine";
import { api } from "../../api";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { Badge, Banner, Button, Input, LoadingBlock } from "../../ui";
import { STATUS_TONES } from "./timesheet-grid";
import { formatTotalMinutes, todayLocal } from "./time-format";
import { timeChanged, useTaskEntries } from "./time.queries";
import { TimerControl } from "./timer-control";
import "./time.css";

export type TaskTimeLogProps = {
  projectId: string;
  taskId: string;
  /** Whether the person may log time here (a manager or member of the project); else the log is read-only. */
  canLog: boolean;
};

/**
 * Time logged on a task (everyone's, newest last, with the total), a quick form to log time by hand, and the timer
 * started on this task. For the task detail drawer.
 */
export function TaskTimeLog({ projectId, taskId, canLog }: TaskTimeLogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const entries = useTaskEntries(taskId);
  const [date, setDate] = useState(todayLocal);
  const [duration, setDuration] = useState("");
  const [note, setNote] = useState("");
  const [invalid, setInvalid] = useState(false);
  const add = useMutation({
    mutationFn: (minutes: number) => api.time.createEntry({ projectId, taskId, workDate: date, minutes, note }),
    onSuccess: () => {
      setDuration("");
      setNote("");
    },
    onSettled: () => timeChanged(queryClient),
  });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = durationParseMinutes(duration);
    if (minutes === null || minutes < 1 || minutes > 1440) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    add.mutate(minutes);
  };
  const fieldErrors = fieldErrorsOf(add.error);
  return (
    <section className="stack task-time-log" aria-label={t("time.task.title")} data-testid="task-time-log">
      <div className="row">
        <h3 className="subheading">{t("time.task.title")}</h3>
        <span className="muted" data-testid="task-time-total">
          {t("time.task.total", { total: formatTotalMinutes(entries.data?.totalMinutes ?? 0) })}
        </span>
      </div>
      {canLog ? <TimerControl projectId={projectId} taskId={taskId} /> : null}
      {entries.isLoading ? <LoadingBlock /> : null}
      {entries.data && entries.data.items.length > 0 ? (
        <ul className="task-time-entries">
          {entries.data.items.map((entry) => (
            <li key={entry.id} className="row">
              <span className="mono">{entry.workDate}</span>
              <span className="mono strong-number">{formatTotalMinutes(entry.minutes)}</span>
              <span>{entry.userName}</span>
              {entry.status !== "draft" ? <Badge tone={STATUS_TONES[entry.status]}>{t(`time.status.${entry.status}`)}</Badge> : null}
              {entry.note ? <span className="muted">{entry.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : entries.data ? (
        <p className="muted">{t("time.task.none")}</p>
      ) : null}
      {canLog ? (
        <form className="row task-time-form" onSubmit={handleSubmit} noValidate>
          <Input type="date" value={date} onChange={(event) => setDate(event.target.value)} aria-label={t("time.task.date")} required />
          <Input
            value={duration}
            onChange={(event) => setDuration(event.target.value)}
            placeholder={t("time.task.durationPlaceholder")}
            aria-label={t("time.task.duration")}
            aria-invalid={invalid || fieldErrors.minutes !== undefined || undefined}
            className="task-time-duration"
            data-testid="task-time-duration"
          />
          <Input value={note} onChange={(event) => setNote(event.target.value)} placeholder={t("time.task.note")} aria-label={t("time.task.note")} maxLength={1000} />
          <Button type="submit" size="sm" loading={add.isPending} data-testid="task-time-add">
            {t("time.task.add")}
          </Button>
        </form>
      ) : null}
      {invalid ? <p className="field-error">{t("time.grid.invalidDuration")}</p> : null}
      {add.error ? <Banner tone="error">{Object.values(fieldErrors)[0] ?? apiMessageOf(add.error) ?? t("errors.network")}</Banner> : null}
    </section>
  );
}
