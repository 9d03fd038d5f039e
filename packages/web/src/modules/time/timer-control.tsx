import { useEffect, useState } from "react";
import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TRunningTimer } from "@jiaofu/contracts";
import { api } from "../../api";
import { apiMessageOf } from "../../lib/api-errors";
import { Banner, Button } from "../../ui";
import { browserTimeZone, formatElapsed } from "./time-format";
import { timeChanged, useTimer } from "./time.queries";
import "./time.css";

/** Milliseconds since `startedAt`, ticking every second while shown. */
function useElapsed(startedAt: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [startedAt]);
  return startedAt ? now - Date.parse(startedAt) : 0;
}

function useTimerActions() {
  const queryClient = useQueryClient();
  const onSettled = () => timeChanged(queryClient);
  const start = useMutation({
    mutationFn: (target: { projectId: string; taskId: string | null }) => api.time.startTimer({ ...target, timeZone: browserTimeZone() }),
    onSettled,
  });
  const stop = useMutation({ mutationFn: () => api.time.stopTimer({ timeZone: browserTimeZone() }), onSettled });
  const discard = useMutation({ mutationFn: () => api.time.discardTimer(), onSettled });
  return { start, stop, discard, error: start.error ?? stop.error ?? discard.error };
}

function RunningTimer({ timer, actions, compact }: { timer: TRunningTimer; actions: ReturnType<typeof useTimerActions>; compact: boolean }) {
  const { t } = useTranslation();
  const elapsed = useElapsed(timer.startedAt);
  const target = timer.taskName ? `${timer.projectCode} · ${timer.taskName}` : timer.projectCode;
  return (
    <div className="timer timer-running" role="status" aria-label={t("time.timer.runningOn", { target })}>
      <span className="timer-dot" aria-hidden="true" />
      <span className="timer-elapsed mono" data-testid="timer-elapsed">
        {formatElapsed(elapsed)}
      </span>
      {compact ? null : (
        <span className="timer-target" title={`${timer.projectName} · ${timer.taskName ?? ""}`}>
          {target}
        </span>
      )}
      <Button size="sm" variant="primary" onClick={() => actions.stop.mutate()} loading={actions.stop.isPending} data-testid="timer-stop">
        {t("time.timer.stop")}
      </Button>
      {compact ? null : (
        <Button size="sm" variant="ghost" onClick={() => actions.discard.mutate()} loading={actions.discard.isPending} data-testid="timer-discard">
          {t("time.timer.discard")}
        </Button>
      )}
    </div>
  );
}

export type TimerControlProps = {
  /** Where "Start" starts the timer; without a project only a running timer is shown. */
  projectId?: string;
  taskId?: string | null;
  /** The header's small form: elapsed time and Stop only. */
  compact?: boolean;
};

/**
 * The person's timer: while it runs, the elapsed time and Stop (Discard too); else Start on the given project and
 * task. Starting while another timer runs stops that one into entries first (the server does it).
 */
export function TimerControl({ projectId, taskId = null, compact = false }: TimerControlProps) {
  const { t } = useTranslation();
  const timer = useTimer();
  const actions = useTimerActions();
  const running = timer.data?.timer ?? null;
  const runningHere = running !== null && running.projectId === projectId && running.taskId === taskId;
  return (
    <div className="stack timer-control">
      <div className="row">
        {running && (compact || runningHere || !projectId) ? <RunningTimer timer={running} actions={actions} compact={compact} /> : null}
        {projectId && !runningHere ? (
          <Button size="sm" onClick={() => actions.start.mutate({ projectId, taskId })} loading={actions.start.isPending} data-testid="timer-start">
            {running ? t("time.timer.switch") : t("time.timer.start")}
          </Button>
        ) : null}
      </div>
      {actions.error && !compact ? <Banner tone="error">{apiMessageOf(actions.error) ?? t("errors.network")}</Banner> : null}
    </div>
  );
}

/** The top bar's running timer, linking to the Time page; nothing while no timer runs. */
export function HeaderTimer() {
  const { t } = useTranslation();
  const timer = useTimer();
  const running = timer.data?.timer ?? null;
  if (!running) return null;
  return (
    <div className="header-timer">
      <Link to="/time" className="header-timer-link" aria-label={t("time.timer.openTime")}>
        {running.projectCode}
      </Link>
      <TimerControl compact />
    </div>
  );
}
