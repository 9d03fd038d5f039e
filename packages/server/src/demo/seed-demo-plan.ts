/**
 * The demo project's plan (docs/planning.md): the IM roll-out as a WBS of six phases — initiation, requirements and
 * design, deployment and integration, testing, go-live, closure — with milestones, FS/SS links with lags and a lead,
 * a deadline, the first tasks done, and tasks linked to the requirements they implement. Scheduled by the planning
 * module on the default calendar (Monday to Friday, mainland China's holidays and make-up days).
 */
import type { TLocale, TPlanDependencyType } from "@jiaofu/contracts";
import type { Tx } from "../db/database";
import { planDependencies, planTasks, projects, traceLinks } from "../db/schema";
import { eq } from "drizzle-orm";
import { reschedulePlanInTransaction } from "../modules/planning/planning.service";
import type { RequirementRecord } from "../modules/requirements/requirements.repository";
import { recordAudit } from "../platform/audit";
import { seedDemoPlanResources } from "./seed-demo-plan-resources";
import type { Actor } from "../platform/policy";

type Owner = "pm" | "dev";
/** A row of the WBS: its code (for links), name in both languages, and what it needs. */
type DemoTask = {
  code: string;
  zh: string;
  en: string;
  days?: number;
  owner?: Owner;
  done?: number;
  cost?: number;
  /** Predecessors: `[code, type, lag]`. */
  after?: readonly (readonly [string, TPlanDependencyType?, number?])[];
  /** Indexes into the demo requirements (0 single sign-on, 1 leavers, 2 Suzhou archive, 3 audit search, 4 5000 users, 6 knowledge base, 8 MDM). */
  implements?: readonly number[];
  /** Working days after the plan's start the task should finish by. */
  deadlineDay?: number;
};

const WBS: readonly DemoTask[] = [
  { code: "1", zh: "项目启动", en: "Initiation" },
  { code: "1.1", zh: "项目启动会", en: "Kick-off meeting", days: 1, owner: "pm", done: 100 },
  { code: "1.2", zh: "确认项目章程与沟通计划", en: "Project charter and communication plan", days: 2, owner: "pm", done: 100, after: [["1.1"]] },
  { code: "1.3", zh: "启动完成", en: "Initiation complete", days: 0, after: [["1.2"]] },
  { code: "2", zh: "需求与设计", en: "Requirements and design" },
  { code: "2.1", zh: "需求调研与确认", en: "Requirements workshops and sign-off", days: 5, owner: "pm", done: 80, after: [["1.3"]] },
  { code: "2.2", zh: "ADFS 单点登录方案设计", en: "Single sign-on design with the group's ADFS", days: 3, owner: "dev", done: 30, after: [["2.1"]], implements: [0] },
  { code: "2.3", zh: "聊天记录归档与审计检索设计", en: "Chat archive and audit search design", days: 4, owner: "dev", after: [["2.2", "SS", 1]], implements: [2, 3] },
  { code: "2.4", zh: "设计评审通过", en: "Design approved", days: 0, after: [["2.2"], ["2.3"]] },
  { code: "3", zh: "部署与集成", en: "Deployment and integration" },
  { code: "3.1", zh: "苏州机房服务器部署", en: "Servers in the Suzhou data centre", days: 3, owner: "dev", cost: 68000, after: [["2.4"]], implements: [2] },
  { code: "3.2", zh: "ADFS 单点登录集成", en: "ADFS single sign-on integration", days: 4, owner: "dev", after: [["3.1"]], implements: [0] },
  { code: "3.3", zh: "AD 账号同步与离职停用", en: "AD sync and leavers' accounts", days: 3, owner: "dev", after: [["3.2"]], implements: [1] },
  { code: "3.4", zh: "移动端接入集团 MDM", en: "Mobile apps enrolled in the group MDM", days: 2.5, owner: "dev", after: [["3.1"]], implements: [8] },
  { code: "3.5", zh: "知识库按 AD 安全组配置权限", en: "Knowledge base permissions by AD group", days: 2, owner: "dev", after: [["3.3"]], implements: [6] },
  { code: "4", zh: "测试", en: "Testing" },
  { code: "4.1", zh: "系统集成测试", en: "System integration testing", days: 5, owner: "dev", after: [["3.3"], ["3.4"], ["3.5"]] },
  { code: "4.2", zh: "5000 用户并发压测", en: "Load test with 5,000 concurrent users", days: 2, owner: "dev", after: [["4.1", "SS", 2]], implements: [4] },
  { code: "4.3", zh: "用户验收测试", en: "User acceptance testing", days: 5, owner: "pm", after: [["4.1"], ["4.2"]] },
  { code: "4.4", zh: "UAT 签字", en: "UAT sign-off", days: 0, after: [["4.3"]] },
  { code: "5", zh: "上线与推广", en: "Go-live and rollout" },
  { code: "5.1", zh: "管理员与用户培训", en: "Admin and user training", days: 3, owner: "pm", after: [["4.4", "FS", -2]] },
  { code: "5.2", zh: "试点部门上线", en: "Pilot departments go live", days: 2, owner: "dev", after: [["4.4"]] },
  { code: "5.3", zh: "全集团推广", en: "Group-wide rollout", days: 10, owner: "dev", after: [["5.2", "FS", 3]] },
  { code: "5.4", zh: "正式上线", en: "Go-live", days: 0, after: [["5.3"], ["5.1"]], deadlineDay: 60 },
  { code: "6", zh: "项目收尾", en: "Closure" },
  { code: "6.1", zh: "运维交接", en: "Handover to operations", days: 2, owner: "pm", after: [["5.4"]] },
  { code: "6.2", zh: "项目总结与经验教训", en: "Lessons learned", days: 1, owner: "pm", after: [["6.1"]] },
  { code: "6.3", zh: "项目关闭", en: "Project closed", days: 0, after: [["6.2"]] },
];

/** An ISO date `days` calendar days after `iso`. */
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Writes the demo WBS on `projectId` as `pm` and schedules it; links tasks to the demo requirements they implement.
 */
export async function seedDemoPlan(
  tx: Tx,
  pm: Actor,
  projectId: string,
  requirements: readonly RequirementRecord[],
  owners: Record<Owner, string>,
  at: (days: number, hour?: number) => Date,
): Promise<void> {
  const [project] = await tx.select().from(projects).where(eq(projects.id, projectId));
  if (!project) throw new Error("demo project missing");
  const planStart = project.startDate ?? project.createdAt.toISOString().slice(0, 10);
  const locale: TLocale = pm.locale;
  const createdAt = at(-13, 9);
  const ids = new Map<string, string>();
  const positions = new Map<string, number>();
  for (const item of WBS) {
    const parentCode = item.code.includes(".") ? item.code.slice(0, item.code.lastIndexOf(".")) : null;
    const parentId = parentCode === null ? null : (ids.get(parentCode) ?? null);
    const position = positions.get(parentCode ?? "") ?? 0;
    positions.set(parentCode ?? "", position + 1);
    const days = item.days ?? 1;
    const [row] = await tx
      .insert(planTasks)
      .values({
        workspaceId: pm.workspaceId,
        projectId,
        parentId,
        position,
        name: locale === "zh-CN" ? item.zh : item.en,
        durationDays: days,
        percentComplete: item.done ?? 0,
        workHours: item.owner === "dev" ? days * 8 : item.owner === "pm" ? days * 4 : 0,
        fixedCost: item.cost ?? 0,
        ownerId: item.owner ? owners[item.owner] : null,
        // A rough calendar-day estimate of the deadline: it is there to show a deadline, and whether it is kept.
        deadline: item.deadlineDay === undefined ? null : addDays(planStart, Math.round((item.deadlineDay * 7) / 5)),
        createdById: pm.userId,
        createdAt,
        updatedAt: createdAt,
      })
      .returning();
    if (!row) throw new Error("demo task insert failed");
    ids.set(item.code, row.id);
    await recordAudit(tx, pm, pm.workspaceId, { entityType: "plan_task", entityId: row.id, projectId, action: "create", after: { name: row.name, parentId, durationDays: days } });
  }
  const id = (code: string) => {
    const found = ids.get(code);
    if (!found) throw new Error(`demo task ${code} missing`);
    return found;
  };
  for (const item of WBS) {
    for (const [from, type = "FS", lag = 0] of item.after ?? []) {
      await tx.insert(planDependencies).values({ workspaceId: pm.workspaceId, projectId, predecessorId: id(from), successorId: id(item.code), type, lagDays: lag, createdById: pm.userId, createdAt, updatedAt: createdAt });
    }
    for (const index of item.implements ?? []) {
      const requirement = requirements[index];
      if (!requirement) throw new Error("demo requirement missing");
      const [link] = await tx
        .insert(traceLinks)
        .values({ workspaceId: pm.workspaceId, projectId, fromType: "task", fromId: id(item.code), toType: "requirement", toId: requirement.id, kind: "implements", createdById: pm.userId, createdAt })
        .returning();
      await recordAudit(tx, pm, pm.workspaceId, { entityType: "requirement", entityId: requirement.id, projectId, action: "trace.add", after: link });
    }
  }
  await seedDemoPlanResources(tx, pm, projectId, id, owners, createdAt);
  await reschedulePlanInTransaction(tx, project, pm, createdAt);
}
