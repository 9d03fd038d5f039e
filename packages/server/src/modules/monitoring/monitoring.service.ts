/**
 * Monitoring use-cases (docs/monitoring.md): earned value with the S-curve and variance, burndown/burnup, milestone
 * trend, and today's progress snapshot. Snapshots are written on the first monitoring read of a project each day,
 * on an explicit refresh, and by the daily pass over active projects (`snapshotActiveProjects`); one row per project
 * and day, upserted, so several app nodes writing the same day are harmless.
 */
import type { TBurndown, TBurndownQuery, TEarnedValue, TEarnedValueQuery, TMilestoneTrend, TProgressSnapshot } from "@jiaofu/contracts";
import { earnedValueIndicators, earnedValueSCurve, milestoneTrendSeries, progressBurnSeries, type ProgressWorkMeasurement } from "@jiaofu/engine";
import type { AppDeps } from "../../app";
import { startPeriodicPass, type PassLog } from "../../platform/periodic-pass";
import type { Db, Tx } from "../../db/database";
import { fieldError, notFound } from "../../platform/app-error";
import { authorize, canMonitoring, type Actor, type MonitoringAction } from "../../platform/policy";
import { requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { measureProject, type ProjectMeasurement } from "./monitoring.measure";
import { presentFigures, presentSnapshot } from "./monitoring.presenter";
import { createMonitoringRepository, type PlanBaselineRow, type ProgressSnapshotRow } from "./monitoring.repository";

type ProjectRow = ProjectAccess["project"];

/** The status date of "today": the UTC calendar day of the clock. */
export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

const planBaselineKey = (n: number) => `PB-${n}`;

/**
 * Measures the project today against its default baseline (the latest; none: the current plan) and writes the day's
 * snapshot: the totals, each phase's figures and work, each milestone's forecast finish.
 */
export async function takeProgressSnapshot(db: Db | Tx, project: ProjectRow, asOf: string): Promise<ProgressSnapshotRow> {
  const repo = createMonitoringRepository(db);
  const m = await measureProject(db, project, asOf, (await repo.latestBaseline(project.id)) ?? null);
  return repo.upsertSnapshot({
    workspaceId: project.workspaceId,
    projectId: project.id,
    asOf,
    baselineId: m.baseline?.id ?? null,
    plannedValue: m.pv,
    earnedValue: m.ev,
    actualCost: m.ac,
    budgetAtCompletion: m.bac,
    percentComplete: m.progress.percentComplete,
    detail: {
      phases: m.phases.map((p) => ({ taskId: p.taskId, plannedValue: p.pv, earnedValue: p.ev, actualCost: p.ac, workHours: p.workHours, remainingHours: p.remainingHours })),
      milestones: m.milestones.map((x) => ({ taskId: x.taskId, finish: x.finish })),
    },
  });
}

/**
 * The daily pass: today's snapshot for every active project (not closed, with a plan) that has none yet. Each
 * project on its own, so one plan that cannot be measured does not stop the others; returns how many were written.
 */
export async function snapshotActiveProjects(deps: Pick<AppDeps, "db" | "now">, onError: (projectId: string, error: unknown) => void = () => {}): Promise<number> {
  const repo = createMonitoringRepository(deps.db);
  const today = todayOf(deps.now());
  let written = 0;
  for (const project of await repo.activeProjects()) {
    try {
      if (await repo.hasSnapshot(project.id, today)) continue;
      await takeProgressSnapshot(deps.db, project, today);
      written++;
    } catch (error) {
      onError(project.id, error);
    }
  }
  return written;
}

/**
 * Runs the daily pass now and then every hour (a project already snapshotted today is skipped, so the pass is cheap
 * and any node may run it). Returns the function that stops it, resolving once a pass under way has finished (so the
 * database is not closed under it).
 */
export function startDailySnapshots(deps: Pick<AppDeps, "db" | "now">, log: PassLog): () => Promise<void> {
  const onError = (projectId: string, error: unknown) => log.error({ err: error, projectId }, "progress snapshot failed");
  return startPeriodicPass(() => snapshotActiveProjects(deps, onError), 60 * 60 * 1000, log, "daily progress snapshots failed");
}

export function createMonitoringService(deps: AppDeps) {
  const repo = createMonitoringRepository(deps.db);

  async function requireProject(actor: Actor, projectId: string, action: MonitoringAction): Promise<ProjectAccess> {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canMonitoring(actor, action, access.facts));
    return access;
  }

  /** Today's snapshot, written on the first monitoring read of the day. */
  async function ensureTodaySnapshot(project: ProjectRow, today: string): Promise<void> {
    if (!(await repo.hasSnapshot(project.id, today))) await takeProgressSnapshot(deps.db, project, today);
  }

  /** The baseline asked for: undefined → the latest (or none), "current" → none, an id → that baseline of the project (404 otherwise). */
  async function baselineOf(projectId: string, choice: string | undefined): Promise<PlanBaselineRow | null> {
    if (choice === "current") return null;
    if (choice === undefined) return (await repo.latestBaseline(projectId)) ?? null;
    const row = await repo.baseline(projectId, choice);
    if (!row) throw notFound("plan_baseline.not_found");
    return row;
  }

  return {
    earnedValue: async (actor: Actor, projectId: string, query: TEarnedValueQuery): Promise<TEarnedValue> => {
      const { project } = await requireProject(actor, projectId, "monitoring.read");
      const today = todayOf(deps.now());
      const statusDate = query.asOf ?? today;
      if (statusDate > today) throw fieldError("querystring.asOf", "monitoring.future_status_date");
      const eacMethod = query.eacMethod ?? "cpi";
      const baseline = await baselineOf(project.id, query.baselineId);
      await ensureTodaySnapshot(project, today);
      const live = await measureProject(deps.db, project, today, baseline);
      const snapshots = await repo.snapshots(project.id);

      let totals: { bac: number; pv: number; ev: number; ac: number };
      let phaseFigures: (phase: ProjectMeasurement["phases"][number]) => { pv: number; ev: number; ac: number };
      let shownBaseline: PlanBaselineRow | null = baseline;
      let source: TEarnedValue["source"] = "live";
      let progress = live.progress;
      if (statusDate === today) {
        totals = live;
        phaseFigures = (p) => p;
      } else {
        // A past status date: progress then cannot be recomputed, so its snapshot is the record.
        const snapshot = await repo.snapshotOnOrBefore(project.id, statusDate);
        if (!snapshot) throw notFound("monitoring.no_snapshot");
        source = "snapshot";
        totals = { bac: snapshot.budgetAtCompletion, pv: snapshot.plannedValue, ev: snapshot.earnedValue, ac: snapshot.actualCost };
        const byPhase = new Map(snapshot.detail.phases.map((p) => [p.taskId, p]));
        phaseFigures = (p) => {
          const s = byPhase.get(p.taskId);
          return { pv: s?.plannedValue ?? 0, ev: s?.earnedValue ?? 0, ac: s?.actualCost ?? 0 };
        };
        shownBaseline = snapshot.baselineId === null ? null : ((await repo.baseline(project.id, snapshot.baselineId)) ?? null);
        progress = { percentComplete: snapshot.percentComplete, basis: live.progress.basis };
      }

      const measured = snapshots.map((s) => ({ asOf: s.asOf, ev: s.earnedValue, ac: s.actualCost }));
      if (statusDate === today) measured.push({ asOf: today, ev: live.ev, ac: live.ac });
      return {
        projectId: project.id,
        currency: project.currency,
        statusDate,
        source,
        baseline: shownBaseline ? { id: shownBaseline.id, key: planBaselineKey(shownBaseline.number), name: shownBaseline.name } : null,
        eacMethod,
        progress,
        project: presentFigures(earnedValueIndicators(totals, eacMethod)),
        phases: live.phases.map((p) => {
          const f = phaseFigures(p);
          return {
            taskId: p.taskId,
            wbsCode: p.wbsCode,
            name: p.name,
            start: p.start,
            finish: p.finish,
            workHours: Math.round(p.workHours * 100) / 100,
            remainingHours: Math.round(p.remainingHours * 100) / 100,
            progress: Math.round(p.progress * 100) / 100,
            figures: presentFigures(earnedValueIndicators({ bac: p.bac, ...f }, eacMethod)),
          };
        }),
        curve: earnedValueSCurve(live.plannedWeeks, measured, statusDate).map((p) => ({
          ...p,
          ev: p.ev === null ? null : Math.round(p.ev * 100) / 100,
          ac: p.ac === null ? null : Math.round(p.ac * 100) / 100,
        })),
        variance: live.variance,
        snapshotCount: snapshots.length,
      };
    },

    refreshSnapshot: async (actor: Actor, projectId: string): Promise<TProgressSnapshot> => {
      const { project } = await requireProject(actor, projectId, "monitoring.refresh");
      return presentSnapshot(await takeProgressSnapshot(deps.db, project, todayOf(deps.now())));
    },

    burndown: async (actor: Actor, projectId: string, query: TBurndownQuery): Promise<TBurndown> => {
      const { project } = await requireProject(actor, projectId, "monitoring.read");
      const today = todayOf(deps.now());
      await ensureTodaySnapshot(project, today);
      const [plan, snapshots] = await Promise.all([measureProject(deps.db, project, today, null), repo.snapshots(project.id)]);
      const choices = plan.phases.filter((p) => p.isSummary);
      const phase = query.phaseId === undefined ? null : choices.find((p) => p.taskId === query.phaseId);
      if (phase === undefined) throw notFound("monitoring.phase_not_found");
      const measured: ProgressWorkMeasurement[] = snapshots.map((s) => {
        const parts = phase ? s.detail.phases.filter((p) => p.taskId === phase.taskId) : s.detail.phases;
        return { asOf: s.asOf, workHours: parts.reduce((a, p) => a + p.workHours, 0), remainingHours: parts.reduce((a, p) => a + p.remainingHours, 0) };
      });
      let start: string | null = null;
      let finish: string | null = null;
      for (const p of phase ? [phase] : plan.phases) {
        if (p.start !== null && (start === null || p.start < start)) start = p.start;
        if (p.finish !== null && (finish === null || p.finish > finish)) finish = p.finish;
      }
      const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
      return {
        projectId: project.id,
        phase: phase ? { taskId: phase.taskId, wbsCode: phase.wbsCode, name: phase.name } : null,
        plannedStart: start,
        plannedFinish: finish,
        points: progressBurnSeries(measured, start, finish).map((p) => ({ date: p.date, scope: round(p.scope), remaining: round(p.remaining), done: round(p.done), ideal: round(p.ideal) })),
        phases: choices.map((p) => ({ taskId: p.taskId, wbsCode: p.wbsCode, name: p.name })),
      };
    },

    milestoneTrend: async (actor: Actor, projectId: string): Promise<TMilestoneTrend> => {
      const { project } = await requireProject(actor, projectId, "monitoring.read");
      const today = todayOf(deps.now());
      await ensureTodaySnapshot(project, today);
      const [plan, snapshots] = await Promise.all([measureProject(deps.db, project, today, null), repo.snapshots(project.id)]);
      const lines = milestoneTrendSeries(
        snapshots.map((s) => ({ asOf: s.asOf, milestones: s.detail.milestones })),
        plan.milestones.map((m) => m.taskId),
      );
      return {
        projectId: project.id,
        dates: snapshots.map((s) => s.asOf),
        milestones: plan.milestones.map((m, i) => ({ ...m, slipDays: lines[i]?.slipDays ?? null, points: [...(lines[i]?.points ?? [])] })),
      };
    },
  };
}
export type MonitoringService = ReturnType<typeof createMonitoringService>;
