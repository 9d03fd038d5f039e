/**
 * The demo plan's resources (docs/planning.md, "Resources, levelling and budget"): the project manager and the
 * developer (the demo users), an architecture consultant, an operations engineer and a tester, with hourly rates in
 * CNY; training handbooks as a material and travel as a cost resource; and who works on which task. The developer is
 * on "ADFS single sign-on integration" and "Mobile apps enrolled in the group MDM" at the same time — an
 * over-allocation that levelling resolves within the MDM task's float (it moves after the integration and the
 * project finish stays).
 */
import type { TLocale } from "@jiaofu/contracts";
import type { Tx } from "../db/database";
import { planAssignments, planResources } from "../db/schema";
import { recordAudit } from "../platform/audit";
import type { Actor } from "../platform/policy";

type DemoResource = {
  key: string;
  zh: string;
  en: string;
  kind: "work" | "material" | "cost";
  roleZh?: string;
  roleEn?: string;
  user?: "pm" | "dev";
  maxUnits?: number;
  costPerHour?: number;
  costPerUse?: number;
  labelZh?: string;
  labelEn?: string;
};

const RESOURCES: readonly DemoResource[] = [
  { key: "pm", zh: "项目经理", en: "Project manager", kind: "work", roleZh: "项目经理", roleEn: "Project manager", user: "pm", costPerHour: 400 },
  { key: "dev", zh: "开发工程师", en: "Developer", kind: "work", roleZh: "开发", roleEn: "Developer", user: "dev", costPerHour: 300 },
  { key: "architect", zh: "架构顾问", en: "Architecture consultant", kind: "work", roleZh: "顾问", roleEn: "Consultant", costPerHour: 600 },
  { key: "ops", zh: "运维工程师", en: "Operations engineer", kind: "work", roleZh: "运维", roleEn: "Operations", costPerHour: 250 },
  { key: "qa", zh: "测试工程师", en: "Tester", kind: "work", roleZh: "测试", roleEn: "QA", costPerHour: 220 },
  { key: "handbooks", zh: "培训手册", en: "Training handbooks", kind: "material", labelZh: "册", labelEn: "copies", costPerHour: 35 },
  { key: "travel", zh: "差旅费", en: "Travel", kind: "cost", costPerUse: 3000 },
];

/** Who works on which task (by WBS code), in units per working day. */
const ASSIGNMENTS: readonly (readonly [string, string, number])[] = [
  ["1.1", "pm", 1],
  ["1.2", "pm", 0.5],
  ["2.1", "pm", 1],
  ["2.1", "architect", 0.5],
  ["2.2", "dev", 1],
  ["2.3", "architect", 1],
  ["3.1", "ops", 1],
  ["3.2", "dev", 1],
  ["3.3", "ops", 1],
  // In parallel with 3.2 on the same developer: the over-allocation the demo levels.
  ["3.4", "dev", 1],
  ["3.5", "ops", 1],
  ["4.1", "qa", 1],
  ["4.2", "dev", 1],
  ["4.3", "pm", 0.5],
  ["5.1", "pm", 0.5],
  ["5.1", "handbooks", 100],
  ["5.2", "dev", 1],
  ["5.2", "travel", 1],
  ["5.3", "dev", 0.5],
  ["5.3", "ops", 1],
  ["6.1", "pm", 0.5],
  ["6.1", "ops", 0.5],
  ["6.2", "pm", 1],
];

/** Writes the demo resources and assignments of the plan on `projectId`; the caller reschedules the plan after. */
export async function seedDemoPlanResources(tx: Tx, pm: Actor, projectId: string, taskId: (code: string) => string, users: Record<"pm" | "dev", string>, createdAt: Date): Promise<void> {
  const locale: TLocale = pm.locale;
  const zh = locale === "zh-CN";
  const ids = new Map<string, string>();
  for (const r of RESOURCES) {
    const [row] = await tx
      .insert(planResources)
      .values({
        workspaceId: pm.workspaceId,
        projectId,
        name: zh ? r.zh : r.en,
        kind: r.kind,
        userId: r.user ? users[r.user] : null,
        role: (zh ? r.roleZh : r.roleEn) ?? "",
        maxUnits: r.maxUnits ?? 1,
        costPerHour: r.costPerHour ?? 0,
        costPerUse: r.costPerUse ?? 0,
        materialLabel: (zh ? r.labelZh : r.labelEn) ?? "",
        createdById: pm.userId,
        createdAt,
        updatedAt: createdAt,
      })
      .returning();
    if (!row) throw new Error("demo resource insert failed");
    ids.set(r.key, row.id);
    await recordAudit(tx, pm, pm.workspaceId, { entityType: "plan_resource", entityId: row.id, projectId, action: "create", after: { name: row.name, kind: row.kind, costPerHour: row.costPerHour } });
  }
  await tx.insert(planAssignments).values(
    ASSIGNMENTS.map(([code, key, units]) => ({
      workspaceId: pm.workspaceId,
      projectId,
      taskId: taskId(code),
      resourceId: ids.get(key) as string,
      units,
      createdById: pm.userId,
      createdAt,
      updatedAt: createdAt,
    })),
  );
}
