/**
 * The demo's task board (docs/execution.md, "Board"): the default workflow in the demo's language with WIP limits,
 * and the plan's tasks spread across it as a team mid-way through design would have them — initiation done, the
 * requirements sign-off in review, the SSO and archive designs in progress, the rest to do — with assignees (the
 * plan's owners, a pair on the workshops), estimates, work remaining and checklists.
 */
import { and, eq } from "drizzle-orm";
import type { TLocale } from "@jiaofu/contracts";
import type { Tx } from "../db/database";
import { planTaskAssignees, planTasks, taskStatuses } from "../db/schema";
import { recordAudit } from "../platform/audit";
import type { Actor } from "../platform/policy";

type Owner = "pm" | "dev";
type Column = "todo" | "doing" | "review" | "done";

const COLUMNS: { key: Column; category: "todo" | "in_progress" | "done"; name: Record<TLocale, string>; wipLimit: number | null }[] = [
  { key: "todo", category: "todo", name: { en: "To do", "zh-CN": "待办" }, wipLimit: null },
  { key: "doing", category: "in_progress", name: { en: "In progress", "zh-CN": "进行中" }, wipLimit: 3 },
  { key: "review", category: "in_progress", name: { en: "In review", "zh-CN": "评审中" }, wipLimit: 2 },
  { key: "done", category: "done", name: { en: "Done", "zh-CN": "已完成" }, wipLimit: null },
];

type Checklist = Record<TLocale, string[]>;
/** Where the demo's leaf tasks stand, by WBS code; tasks not named stay in "To do" (never moved). */
const CARDS: Record<string, { column: Column; position: number; assignees: Owner[]; checklist?: { items: Checklist; done: number } }> = {
  "1.1": { column: "done", position: 0, assignees: ["pm"] },
  "1.2": { column: "done", position: 1, assignees: ["pm"] },
  "2.1": {
    column: "review",
    position: 0,
    assignees: ["pm", "dev"],
    checklist: { items: { en: ["Workshop with IT", "Workshop with HR", "Client sign-off"], "zh-CN": ["与 IT 部门研讨", "与人力资源部研讨", "客户签字确认"] }, done: 2 },
  },
  "2.2": {
    column: "doing",
    position: 0,
    assignees: ["dev"],
    checklist: { items: { en: ["Claim rules agreed", "Token lifetime", "Fallback login"], "zh-CN": ["确认声明规则", "令牌有效期", "备用登录方式"] }, done: 1 },
  },
  "2.3": { column: "doing", position: 1, assignees: ["dev"] },
  "3.1": {
    column: "todo",
    position: 0,
    assignees: ["dev"],
    checklist: { items: { en: ["Rack space confirmed", "Firewall rules requested"], "zh-CN": ["确认机柜位置", "提交防火墙策略申请"] }, done: 0 },
  },
};

export async function seedDemoBoard(tx: Tx, pm: Actor, projectId: string, owners: Record<Owner, string>, now: Date): Promise<void> {
  const locale: TLocale = pm.locale;
  const statuses = await tx
    .insert(taskStatuses)
    .values(COLUMNS.map((c, position) => ({ workspaceId: pm.workspaceId, projectId, name: c.name[locale], category: c.category, position, wipLimit: c.wipLimit, createdAt: now, updatedAt: now })))
    .returning();
  await recordAudit(tx, pm, pm.workspaceId, { entityType: "task_workflow", entityId: projectId, projectId, action: "create", after: statuses.map((s) => ({ id: s.id, name: s.name, category: s.category, wipLimit: s.wipLimit })) });
  const statusOf = new Map(COLUMNS.map((c, i) => [c.key, statuses[i]?.id ?? ""]));

  const tasks = await tx.select().from(planTasks).where(eq(planTasks.projectId, projectId));
  for (const task of tasks) {
    if (task.isSummary || task.durationDays === 0) continue;
    const card = CARDS[task.wbsCode];
    const estimateHours = task.durationDays * 8;
    const remainingHours = Math.round(estimateHours * (1 - task.percentComplete / 100) * 100) / 100;
    const assignees = card?.assignees ?? (task.ownerId === owners.pm ? ["pm" as const] : task.ownerId === owners.dev ? ["dev" as const] : []);
    await tx
      .update(planTasks)
      .set({
        statusId: card ? statusOf.get(card.column) : null,
        boardPosition: card?.position ?? 0,
        estimateHours,
        remainingHours,
        checklist: card?.checklist ? card.checklist.items[locale].map((text, i) => ({ id: `c${i + 1}`, text, done: i < (card.checklist?.done ?? 0) })) : [],
      })
      .where(and(eq(planTasks.id, task.id), eq(planTasks.projectId, projectId)));
    if (assignees.length > 0) {
      await tx.insert(planTaskAssignees).values(assignees.map((who, i) => ({ taskId: task.id, userId: owners[who], projectId, workspaceId: pm.workspaceId, createdAt: new Date(now.getTime() + i) })));
    }
  }
}
