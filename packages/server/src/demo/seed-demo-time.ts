/**
 * The demo's time tracking (docs/execution.md, "Time tracking"): the project manager and the developer logged time on
 * the plan's tasks every working day since the week the project started (at most the last four weeks, up to last week). The
 * earlier weeks were submitted and approved by the manager (their rates fixed from the plan's resources, so the
 * project has an actual cost); the developer's last week was submitted and awaits the manager's decision; the
 * manager's own last week is still a draft. Each person also has an own cost
 * per hour (the fallback rate, shown to admins on the People page).
 */
import { and, eq, inArray } from "drizzle-orm";
import { timeAddDays, timeDateInZone, timeWeekStart } from "@jiaofu/engine";
import type { Tx } from "../db/database";
import { planTasks, projects, timeEntries, timesheetProjects, timesheets, users } from "../db/schema";
import { createTimeRepository } from "../modules/time/time.repository";
import { DEFAULT_TIME_ZONE } from "../modules/time/time.service";
import { recordAudit } from "../platform/audit";
import type { Actor } from "../platform/policy";

type Person = "pm" | "dev";
/** Minutes per working day, by task WBS code (null: the project in general). */
const DAY_PLAN: Record<Person, readonly (readonly [string | null, number])[]> = {
  pm: [
    ["2.1", 180],
    [null, 60],
  ],
  dev: [
    ["2.2", 360],
    ["2.3", 90],
  ],
};
const OWN_RATES: Record<Person, number> = { pm: 380, dev: 280 };

export async function seedDemoTime(tx: Tx, pm: Actor, projectId: string, people: Record<Person, string>, now: Date): Promise<void> {
  const codes = [...new Set(Object.values(DAY_PLAN).flatMap((plan) => plan.map(([code]) => code).filter((code): code is string => code !== null)))];
  const tasks = await tx.select({ id: planTasks.id, wbsCode: planTasks.wbsCode }).from(planTasks).where(and(eq(planTasks.projectId, projectId), inArray(planTasks.wbsCode, codes)));
  const taskId = (code: string | null) => (code === null ? null : (tasks.find((t) => t.wbsCode === code)?.id ?? null));
  for (const person of ["pm", "dev"] as const) await tx.update(users).set({ costPerHour: OWN_RATES[person] }).where(eq(users.id, people[person]));

  const repo = createTimeRepository(tx);
  const [project] = await tx.select({ startDate: projects.startDate }).from(projects).where(eq(projects.id, projectId));
  // From the Monday of the week the project started (the kick-off week's preparation counts too).
  const firstDay = project?.startDate ? timeWeekStart(project.startDate) : "0000-01-01";
  const thisWeek = timeWeekStart(timeDateInZone(now, DEFAULT_TIME_ZONE));
  for (const weeksAgo of [4, 3, 2, 1]) {
    const weekStart = timeAddDays(thisWeek, -7 * weeksAgo);
    const workDays = Array.from({ length: 5 }, (_, day) => timeAddDays(weekStart, day)).filter((date) => date >= firstDay);
    if (workDays.length === 0) continue;
    const friday = new Date(`${timeAddDays(weekStart, 4)}T10:00:00Z`);
    for (const person of ["pm", "dev"] as const) {
      const userId = people[person];
      const entries = workDays.flatMap((workDate) =>
        DAY_PLAN[person].map(([code, minutes]) => ({ workspaceId: pm.workspaceId, projectId, taskId: taskId(code), userId, workDate, minutes, source: "manual" as const, createdAt: friday, updatedAt: friday })),
      );
      await tx.insert(timeEntries).values(entries);
      const approved = weeksAgo > 1;
      const submitted = approved || person === "dev";
      if (!submitted) continue;
      const minutes = entries.reduce((sum, e) => sum + e.minutes, 0);
      const [sheet] = await tx
        .insert(timesheets)
        .values({ workspaceId: pm.workspaceId, userId, weekStart, status: approved ? "approved" : "submitted", submittedAt: friday, createdAt: friday, updatedAt: friday })
        .returning();
      if (!sheet) throw new Error("demo timesheet insert failed");
      const decidedAt = new Date(friday.getTime() + 3 * 24 * 3600 * 1000);
      await tx.insert(timesheetProjects).values({
        timesheetId: sheet.id,
        projectId,
        workspaceId: pm.workspaceId,
        minutes,
        status: approved ? "approved" : "submitted",
        decidedById: approved ? pm.userId : null,
        decidedAt: approved ? decidedAt : null,
      });
      await recordAudit(tx, { userId, workspaceId: pm.workspaceId }, pm.workspaceId, { entityType: "timesheet", entityId: sheet.id, action: "submit", after: { weekStart, minutes } });
      if (!approved) continue;
      const rate = await repo.rateFor(projectId, userId);
      await repo.fixRates(userId, projectId, weekStart, timeAddDays(weekStart, 6), rate, decidedAt);
      await recordAudit(tx, pm, pm.workspaceId, { entityType: "timesheet", entityId: sheet.id, projectId, action: "approve", after: { status: "approved", costPerHour: rate } });
    }
  }
}
