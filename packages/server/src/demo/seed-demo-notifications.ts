/**
 * A few unread notifications for the demo people (docs/monitoring.md, "Notifications"), made by the module's own
 * producer from the data seeded before: the developer was assigned their open tasks on the board and one of them is
 * due soon; the client contact hears of last week's published status report; the manager was mentioned by the
 * developer on a task.
 */
import { and, asc, eq, inArray, isNotNull, lt } from "drizzle-orm";
import type { Tx } from "../db/database";
import { planTaskAssignees, planTasks, statusReports } from "../db/schema";
import { notify, reportPublishedNotification } from "../modules/notifications/notifications.producer";
import type { Actor } from "../platform/policy";

type People = { pm: string; dev: string; client: string };

export async function seedDemoNotifications(tx: Tx, pm: Actor, projectId: string, people: People): Promise<void> {
  const base = { workspaceId: pm.workspaceId, projectId };
  const devTasks = await tx
    .select({ id: planTasks.id, name: planTasks.name, wbsCode: planTasks.wbsCode, deadline: planTasks.deadline, finish: planTasks.calcFinish })
    .from(planTasks)
    .innerJoin(planTaskAssignees, eq(planTaskAssignees.taskId, planTasks.id))
    .where(and(eq(planTasks.projectId, projectId), eq(planTaskAssignees.userId, people.dev), lt(planTasks.percentComplete, 100), isNotNull(planTasks.calcFinish)))
    .orderBy(asc(planTasks.calcFinish))
    .limit(3);
  for (const task of devTasks.slice(0, 2)) {
    await notify(tx, { ...base, kind: "assigned", entityType: "plan_task", entityId: task.id, actorId: people.pm, recipientIds: [people.dev], params: { taskName: task.name, taskCode: task.wbsCode } });
  }
  const soon = devTasks[0];
  if (soon) {
    const dueDate = soon.deadline ?? soon.finish ?? "";
    await notify(tx, { ...base, kind: "due_soon", entityType: "plan_task", entityId: soon.id, actorId: null, recipientIds: [people.dev], params: { taskName: soon.name, taskCode: soon.wbsCode, dueDate }, dedupeKey: `due_soon:${soon.id}:${dueDate}` });
  }
  const mentionOn = devTasks[1] ?? soon;
  if (mentionOn) {
    await notify(tx, {
      ...base,
      kind: "mentioned",
      entityType: "plan_task",
      entityId: mentionOn.id,
      actorId: people.dev,
      recipientIds: [people.pm],
      params: { entityTitle: mentionOn.name, excerpt: pm.locale === "zh-CN" ? `@${pm.name} 这个任务的接口文档请帮忙确认一下。` : `@${pm.name} could you confirm the interface document for this task?` },
    });
  }
  const published = await tx
    .select()
    .from(statusReports)
    .where(and(eq(statusReports.projectId, projectId), inArray(statusReports.status, ["published"])));
  for (const report of published) await notify(tx, await reportPublishedNotification(tx, report, people.pm));
}
