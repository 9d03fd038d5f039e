/**
 * The demo's meetings (docs/execution.md, "Meetings"): the kick-off, held with minutes, decisions and two action
 * items that became plan tasks (owner, assignee, deadline); the weekly status meeting, a series on Mondays 09:30
 * China time, whose second occurrence was held (its own meeting, with minutes); and a client review, shared with the
 * client, held with minutes and a decision the client reads in the portal.
 */
import { meetingAgendaTemplate } from "@jiaofu/engine";
import { eq } from "drizzle-orm";
import type { TLocale } from "@jiaofu/contracts";
import type { Tx } from "../db/database";
import { meetingAttendees, meetingItems, meetings, planTaskAssignees, planTasks, projects } from "../db/schema";
import { recordAudit } from "../platform/audit";
import type { Actor } from "../platform/policy";
import { reschedulePlanInTransaction } from "../modules/planning/planning.service";

type Person = "pm" | "dev" | "client";

const DAY_MS = 86_400_000;
const TEXT: Record<
  TLocale,
  {
    kickoff: string;
    kickoffMinutes: string;
    kickoffDecisions: string[];
    kickoffActions: { text: string; owner: Person; dueInDays: number }[];
    weekly: string;
    weeklyMinutes: string;
    weeklyDecision: string;
    review: string;
    reviewMinutes: string;
    reviewDecision: string;
    location: string;
  }
> = {
  en: {
    kickoff: "Project kick-off",
    kickoffMinutes:
      "## Summary\nThe sponsor opened the project: the new identity platform must be live before the **annual audit**.\n\n## Agreed\n- Weekly status on Mondays 09:30, client review at the end of each phase\n- Change requests go through the portal\n\n## Open questions\n- Who owns the HR feed on the client side (answer by Friday)",
    kickoffDecisions: ["Single sign-on through the client's ADFS, no separate passwords", "Go-live target stays at the end of the quarter"],
    kickoffActions: [
      { text: "Request the ADFS test tenant from the client's IT", owner: "dev", dueInDays: 3 },
      { text: "Send the RACI and the meeting calendar to the sponsor", owner: "pm", dueInDays: 2 },
    ],
    weekly: "Weekly status",
    weeklyMinutes: "## Progress\n- Requirements workshops done, sign-off in review\n- SSO design started\n\n## Blockers\n- ADFS test tenant not yet received (action from the kick-off)",
    weeklyDecision: "Start the SSO design against the vendor's sandbox while the tenant is pending",
    review: "Requirements review with the client",
    reviewMinutes: "## Reviewed\nThe requirements baseline BL-1 and the SSO design.\n\n## Feedback\n- The audit search needs an export to Excel (raised as a change request)\n\n## Outcome\nAccepted with the change request open.",
    reviewDecision: "Requirements accepted; the export goes through a change request",
    location: "Client HQ, meeting room 3 / Teams",
  },
  "zh-CN": {
    kickoff: "项目启动会",
    kickoffMinutes:
      "## 会议摘要\n项目发起人宣布项目启动：新的身份平台必须在**年度审计**前上线。\n\n## 达成一致\n- 每周一 09:30 召开周例会，每个阶段结束时召开客户评审会\n- 变更请求通过客户门户提交\n\n## 待决问题\n- 客户方由谁负责人力资源数据接口（周五前答复）",
    kickoffDecisions: ["通过客户的 ADFS 实现单点登录，不再单独设置密码", "上线目标仍为本季度末"],
    kickoffActions: [
      { text: "向客户 IT 部门申请 ADFS 测试租户", owner: "dev", dueInDays: 3 },
      { text: "将 RACI 矩阵和会议日历发送给项目发起人", owner: "pm", dueInDays: 2 },
    ],
    weekly: "周例会",
    weeklyMinutes: "## 进展\n- 需求研讨会已完成，签字确认评审中\n- 单点登录设计已启动\n\n## 阻碍\n- 尚未收到 ADFS 测试租户（启动会行动项）",
    weeklyDecision: "在等待租户期间，先基于厂商沙箱开展单点登录设计",
    review: "客户需求评审会",
    reviewMinutes: "## 评审内容\n需求基线 BL-1 和单点登录设计。\n\n## 反馈\n- 审计检索需要导出 Excel（已作为变更请求提出）\n\n## 结论\n通过，变更请求待处理。",
    reviewDecision: "需求通过；导出功能走变更请求流程",
    location: "客户总部 3 号会议室 / 腾讯会议",
  },
};

/** The Monday on or before `date` at 01:30 UTC (09:30 in Asia/Shanghai). */
function mondayMorning(date: Date): Date {
  const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS);
  monday.setUTCHours(1, 30, 0, 0);
  return monday;
}

export async function seedDemoMeetings(tx: Tx, pm: Actor, projectId: string, people: Record<Person, string>, now: Date): Promise<void> {
  const locale: TLocale = pm.locale;
  const text = TEXT[locale];
  const [project] = await tx.select().from(projects).where(eq(projects.id, projectId));
  if (!project) throw new Error("demo project missing");
  let number = 0;
  const base = { workspaceId: pm.workspaceId, projectId, createdById: pm.userId };

  async function meeting(values: Omit<typeof meetings.$inferInsert, "number" | "workspaceId" | "projectId">, attendees: { who: Person; attended: boolean | null }[]) {
    number += 1;
    const [row] = await tx
      .insert(meetings)
      .values({ ...base, number, ...values, createdAt: values.startsAt, updatedAt: values.startsAt })
      .returning();
    if (!row) throw new Error("demo meeting insert failed");
    await tx.insert(meetingAttendees).values(attendees.map((a) => ({ meetingId: row.id, workspaceId: pm.workspaceId, userId: people[a.who], required: true, attended: a.attended })));
    await recordAudit(tx, pm, pm.workspaceId, { entityType: "meeting", entityId: row.id, projectId, action: "create", after: { kind: row.kind, title: row.title, status: row.status } });
    return row;
  }

  async function item(meetingId: string, position: number, kind: "decision" | "action", itemText: string, extra: { ownerId?: string; dueDate?: string; taskId?: string } = {}) {
    const [row] = await tx.insert(meetingItems).values({ workspaceId: pm.workspaceId, projectId, meetingId, kind, position, text: itemText, ...extra }).returning();
    if (!row) throw new Error("demo meeting item insert failed");
    return row;
  }

  // The kick-off, sixteen days ago, with the client: held, minutes, decisions, and action items made plan tasks.
  const kickoffAt = new Date(now.getTime() - 16 * DAY_MS);
  kickoffAt.setUTCHours(2, 0, 0, 0);
  const kickoff = await meeting(
    { kind: "kickoff", title: text.kickoff, startsAt: kickoffAt, durationMinutes: 90, location: text.location, agenda: meetingAgendaTemplate("kickoff", locale), minutes: text.kickoffMinutes, status: "held", sharedWithClient: false },
    [
      { who: "pm", attended: true },
      { who: "dev", attended: true },
      { who: "client", attended: true },
    ],
  );
  let position = 0;
  for (const decision of text.kickoffDecisions) await item(kickoff.id, position++, "decision", decision);
  // The manager filed the kick-off's action items under the phase under way (WBS 2), after its tasks.
  const tasks = await tx.select({ id: planTasks.id, parentId: planTasks.parentId, wbsCode: planTasks.wbsCode }).from(planTasks).where(eq(planTasks.projectId, projectId));
  const phase = tasks.find((t) => t.wbsCode === "2");
  if (!phase) throw new Error("demo phase 2 missing");
  const siblings = tasks.filter((t) => t.parentId === phase.id).length;
  for (const [index, action] of text.kickoffActions.entries()) {
    const due = new Date(now.getTime() + action.dueInDays * DAY_MS).toISOString().slice(0, 10);
    const ownerId = people[action.owner];
    const [task] = await tx
      .insert(planTasks)
      .values({ ...base, parentId: phase.id, position: siblings + index, name: action.text, notes: `${kickoff.title} (MTG-${kickoff.number})`, durationDays: 1, ownerId, deadline: due, createdAt: kickoffAt, updatedAt: kickoffAt })
      .returning();
    if (!task) throw new Error("demo task insert failed");
    await tx.insert(planTaskAssignees).values({ taskId: task.id, userId: ownerId, workspaceId: pm.workspaceId, projectId, createdAt: kickoffAt });
    const row = await item(kickoff.id, position++, "action", action.text, { ownerId, dueDate: due, taskId: task.id });
    await recordAudit(tx, pm, pm.workspaceId, { entityType: "plan_task", entityId: task.id, projectId, action: "create", after: { name: task.name, ownerId, deadline: due, fromMeetingItem: row.id } });
  }
  await reschedulePlanInTransaction(tx, project, pm, kickoffAt);

  // The weekly status series (Mondays 09:30) from the Monday after the kick-off, its second occurrence held as its own meeting.
  const seriesStart = mondayMorning(new Date(now.getTime() - 8 * DAY_MS));
  const team = [
    { who: "pm" as const, attended: null },
    { who: "dev" as const, attended: null },
  ];
  const series = await meeting({ kind: "weekly_status", title: text.weekly, startsAt: seriesStart, durationMinutes: 45, location: "Teams", rrule: "FREQ=WEEKLY;BYDAY=MO", agenda: meetingAgendaTemplate("weekly_status", locale), status: "scheduled", sharedWithClient: false }, team);
  const heldAt = new Date(seriesStart.getTime() + 7 * DAY_MS);
  const held = await meeting(
    { kind: "weekly_status", title: text.weekly, startsAt: heldAt, durationMinutes: 45, location: "Teams", seriesId: series.id, occurrenceStart: heldAt, agenda: series.agenda, minutes: text.weeklyMinutes, status: "held", sharedWithClient: false },
    team.map((a) => ({ ...a, attended: true })),
  );
  await item(held.id, 0, "decision", text.weeklyDecision);

  // The client review three days ago: shared with the client, who reads its minutes in the portal.
  const reviewAt = new Date(now.getTime() - 3 * DAY_MS);
  reviewAt.setUTCHours(6, 0, 0, 0);
  const review = await meeting(
    { kind: "client_review", title: text.review, startsAt: reviewAt, durationMinutes: 60, location: text.location, agenda: meetingAgendaTemplate("client_review", locale), minutes: text.reviewMinutes, status: "held", sharedWithClient: true },
    [
      { who: "pm", attended: true },
      { who: "dev", attended: false },
      { who: "client", attended: true },
    ],
  );
  await item(review.id, 0, "decision", text.reviewDecision);
}
