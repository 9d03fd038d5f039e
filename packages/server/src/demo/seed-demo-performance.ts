/**
 * The demo's performance evaluation (docs/monitoring.md, "Performance evaluation", "Health score"): the two finished
 * kick-off tasks get the day they were completed — the kick-off meeting on its planned day, the project charter a
 * day late — the time the manager logged on those days is booked on them, with estimates close to what they took;
 * and the client contact rates last week's published status report, which the health score's satisfaction part
 * reads. Works on whatever the earlier steps left: without a published report there is no rating.
 */
import { and, eq, gte, lte } from "drizzle-orm";
import type { TLocale } from "@jiaofu/contracts";
import type { Tx } from "../db/database";
import { clientSatisfactionRatings, planTasks, statusReports, timeEntries } from "../db/schema";
import { recordAudit } from "../platform/audit";
import type { Actor } from "../platform/policy";

/** Finished tasks by WBS code: how many days after its planned finish it was completed, and its estimate in hours. */
const FINISHED: Record<string, { daysLate: number; estimateHours: number }> = {
  "1.1": { daysLate: 0, estimateHours: 3 },
  "1.2": { daysLate: 1, estimateHours: 10 },
};

const RATING_COMMENT: Record<TLocale, string> = {
  en: "Clear report; we would like the cost increase explained in the next review.",
  "zh-CN": "报告清晰；希望在下次评审中说明成本上涨的原因。",
};

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoPerformance(tx: Tx, pm: Actor, projectId: string, people: Record<"pm" | "client", string>): Promise<void> {
  const tasks = await tx.select().from(planTasks).where(eq(planTasks.projectId, projectId));
  for (const task of tasks) {
    const finished = FINISHED[task.wbsCode];
    if (!finished || task.isSummary || task.percentComplete !== 100 || !task.calcStart || !task.calcFinish) continue;
    // Completed at 17:00 China time (09:00 UTC) on its planned finish, or that many days later.
    const completedAt = new Date(`${addDays(task.calcFinish, finished.daysLate)}T09:00:00Z`);
    await tx.update(planTasks).set({ completedAt, estimateHours: finished.estimateHours, remainingHours: 0 }).where(eq(planTasks.id, task.id));
    // The manager's time on those days was the kick-off work: book it on the task (the weeks' totals stay the same).
    await tx
      .update(timeEntries)
      .set({ taskId: task.id })
      .where(and(eq(timeEntries.projectId, projectId), eq(timeEntries.userId, people.pm), gte(timeEntries.workDate, task.calcStart), lte(timeEntries.workDate, task.calcFinish)));
  }

  const [report] = await tx.select().from(statusReports).where(and(eq(statusReports.projectId, projectId), eq(statusReports.status, "published"))).limit(1);
  if (!report?.publishedAt) return;
  const ratedAt = new Date(report.publishedAt.getTime() + 20 * 3_600_000);
  const [rating] = await tx
    .insert(clientSatisfactionRatings)
    .values({ workspaceId: pm.workspaceId, projectId, statusReportId: report.id, userId: people.client, rating: 4, comment: RATING_COMMENT[pm.locale], createdAt: ratedAt, updatedAt: ratedAt })
    .onConflictDoNothing()
    .returning();
  if (rating) await recordAudit(tx, { userId: people.client, workspaceId: pm.workspaceId }, pm.workspaceId, { entityType: "satisfaction_rating", entityId: rating.id, projectId, action: "create", after: rating });
}
