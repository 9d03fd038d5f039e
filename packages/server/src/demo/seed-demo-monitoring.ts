/**
 * The demo project's monitoring history (docs/monitoring.md): the plan baseline PB-1 the manager signed when the plan
 * was agreed (the server quote was 60,000 then; it is 68,000 now: a cost variance), and a progress snapshot for each of
 * the four past weeks, so the S-curve, burndown and milestone trend have a history on the first visit.
 *
 * Progress on a past date cannot be recomputed (only today's percent complete is stored), so the story is written
 * into the snapshots: the planned value and approved actual cost of each date are measured exactly; the earned value
 * followed the plan at first and fell behind week by week (SPI from 1.0 down to today's); the not-yet-reached
 * milestones were forecast a little earlier each week before (some slipped a day or two a week).
 */
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db/database";
import { planBaselines, planBaselineTasks, planTasks, projects } from "../db/schema";
import { measureProject } from "../modules/monitoring/monitoring.measure";
import { createMonitoringRepository } from "../modules/monitoring/monitoring.repository";
import { reschedulePlanInTransaction } from "../modules/planning/planning.service";
import { recordAudit } from "../platform/audit";
import type { Actor } from "../platform/policy";

const DAY_MS = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** A forecast that would fall on a weekend moves back to the Friday before. */
function weekday(iso: string): string {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(iso, -1) : dow === 0 ? addDays(iso, -2) : iso;
}

/** The task whose quote changed since the baseline, and what it was then. */
const QUOTED_TASK_COST_THEN = 60_000;
const QUOTED_TASK_COST_NOW = 68_000;

export async function seedDemoMonitoring(tx: Tx, pm: Actor, projectId: string, now: Date): Promise<void> {
  const [project] = await tx.select().from(projects).where(eq(projects.id, projectId));
  if (!project) throw new Error("demo project missing");
  const today = now.toISOString().slice(0, 10);
  const baselineAt = new Date(`${project.startDate ?? today}T09:00:00Z`);
  // The plan as the schedule stands (the same as the plan page shows), then PB-1 with the server quote of then.
  await reschedulePlanInTransaction(tx, project, pm, baselineAt);
  const tasks = await tx.select().from(planTasks).where(eq(planTasks.projectId, projectId));
  const quoted = tasks.find((t) => t.fixedCost === QUOTED_TASK_COST_NOW);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  /** The task's cost at baseline: the server quote was lower, and it rolls up into its summaries. */
  const costThen = (id: string, cost: number | null) => {
    if (cost === null || !quoted) return cost;
    for (let t = byId.get(quoted.id); t; t = t.parentId ? byId.get(t.parentId) : undefined) if (t.id === id) return cost - (QUOTED_TASK_COST_NOW - QUOTED_TASK_COST_THEN);
    return cost;
  };
  let finish: string | null = null;
  let workHours = 0;
  let cost = 0;
  for (const t of tasks) {
    if (t.calcFinish !== null && (finish === null || t.calcFinish > finish)) finish = t.calcFinish;
    if (!t.wbsCode.includes(".")) {
      workHours += t.calcWorkHours ?? 0;
      cost += costThen(t.id, t.calcCost) ?? 0;
    }
  }
  const [baseline] = await tx
    .insert(planBaselines)
    .values({
      workspaceId: pm.workspaceId,
      projectId,
      number: 1,
      name: pm.locale === "zh-CN" ? "启动会确认的计划" : "Plan agreed at kick-off",
      note: "",
      finish,
      workHours,
      cost,
      taskCount: tasks.length,
      createdById: pm.userId,
      createdAt: baselineAt,
    })
    .returning();
  if (!baseline) throw new Error("demo plan baseline insert failed");
  await tx.insert(planBaselineTasks).values(
    tasks.map((t) => ({
      baselineId: baseline.id,
      taskId: t.id,
      wbsCode: t.wbsCode,
      name: t.name,
      isSummary: t.isSummary,
      start: t.calcStart,
      finish: t.calcFinish,
      startDay: t.calcStartDay,
      finishDay: t.calcFinishDay,
      durationDays: t.calcDurationDays,
      workHours: t.calcWorkHours,
      cost: costThen(t.id, t.calcCost),
    })),
  );
  await recordAudit(tx, pm, pm.workspaceId, { entityType: "plan_baseline", entityId: baseline.id, projectId, action: "create", after: { key: "PB-1", name: baseline.name, finish, workHours, cost, taskCount: tasks.length } });

  await seedDemoSnapshots(tx, project, today, 4);
}

/**
 * A snapshot for each of the `weeks` past weeks (today − 7, − 14, …), told as described in the file comment. Today's
 * own snapshot is written by the first monitoring read (or the daily pass).
 */
export async function seedDemoSnapshots(db: Db | Tx, project: typeof projects.$inferSelect, today: string, weeks: number): Promise<void> {
  const repo = createMonitoringRepository(db);
  const baseline = (await repo.latestBaseline(project.id)) ?? null;
  const current = await measureProject(db, project, today, baseline);
  const spiNow = current.pv > 0 ? Math.min(1, current.ev / current.pv) : 1;
  const doneNow = new Map(current.phases.map((p) => [p.taskId, p.workHours - p.remainingHours]));
  for (let k = weeks; k >= 1; k--) {
    const asOf = addDays(today, -7 * k);
    const then = await measureProject(db, project, asOf, baseline);
    // SPI 1.0 at the oldest snapshot, falling evenly to today's.
    const spi = 1 - ((1 - spiNow) * (weeks - k)) / weeks;
    const earned = (pv: number, evNow: number) => Math.min(evNow, pv * spi);
    const ev = earned(then.pv, current.ev);
    const share = current.ev > 0 ? ev / current.ev : 0;
    await repo.upsertSnapshot({
      workspaceId: project.workspaceId,
      projectId: project.id,
      asOf,
      baselineId: baseline?.id ?? null,
      plannedValue: then.pv,
      earnedValue: ev,
      actualCost: then.ac,
      budgetAtCompletion: then.bac,
      percentComplete: current.progress.percentComplete * share,
      detail: {
        phases: then.phases.map((p) => {
          const now = current.phases.find((c) => c.taskId === p.taskId);
          const phaseEv = earned(p.pv, now?.ev ?? 0);
          const phaseShare = now && now.ev > 0 ? phaseEv / now.ev : 0;
          const done = (doneNow.get(p.taskId) ?? 0) * phaseShare;
          return { taskId: p.taskId, plannedValue: p.pv, earnedValue: phaseEv, actualCost: p.ac, workHours: p.workHours, remainingHours: Math.max(0, p.workHours - done) };
        }),
        // Milestones still ahead on that date were forecast earlier per week back (they slipped since): the first
        // slipped a day a week, the next two, the one after held its date, and so on round.
        milestones: current.milestones.map((m, i) => ({
          taskId: m.taskId,
          finish: m.finish === null || m.finish <= asOf ? m.finish : weekday(addDays(m.finish, -k * ((i + 1) % 3))),
        })),
      },
    });
  }
}
