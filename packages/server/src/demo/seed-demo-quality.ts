/**
 * The demo project's quality checks (docs/monitoring.md, "Quality"): a gate for each of the first two phases — the
 * first passed with its evidence, the second open with half of its checklist done — twelve test cases verifying the
 * requirements, most run, and seven defects raised over the past five weeks (one by the client contact), so the
 * defect trend has a history on the first visit.
 */
import { asc, and, eq, isNull } from "drizzle-orm";
import { defectStatusStamps, qualityGateDefaultChecklist, type DefectSeverity, type DefectStatus, type TestRunResult } from "@jiaofu/engine";
import type { Tx } from "../db/database";
import { planTasks, qualityGateItems, qualityGates } from "../db/schema";
import { createQualityRepository } from "../modules/quality/quality.repository";
import type { RequirementRecord } from "../modules/requirements/requirements.repository";
import { recordAudit } from "../platform/audit";
import { translate } from "../platform/messages";
import type { Actor } from "../platform/policy";

type Bilingual = { en: string; "zh-CN": string };

const EVIDENCE: Bilingual = { en: "Review minutes and sign-off in the project wiki", "zh-CN": "评审纪要与签字确认见项目 Wiki" };

/** Twelve test cases: title, the requirement it verifies (index into the demo's requirements) and its last run. */
const TEST_CASES: { title: Bilingual; requirement: number; result: TestRunResult | null; daysAgo: number }[] = [
  { title: { en: "Sign in with the corporate SSO account", "zh-CN": "使用企业 SSO 账号登录" }, requirement: 0, result: "passed", daysAgo: 9 },
  { title: { en: "SSO session expires after 8 hours", "zh-CN": "SSO 会话 8 小时后过期" }, requirement: 0, result: "failed", daysAgo: 4 },
  { title: { en: "A leaver's account is disabled the same day", "zh-CN": "离职人员账号当天被禁用" }, requirement: 1, result: "passed", daysAgo: 8 },
  { title: { en: "Disabled account cannot sign in", "zh-CN": "已禁用账号无法登录" }, requirement: 1, result: "passed", daysAgo: 8 },
  { title: { en: "Search the audit log by user", "zh-CN": "按用户检索审计日志" }, requirement: 3, result: "blocked", daysAgo: 3 },
  { title: { en: "Export the audit log to CSV", "zh-CN": "导出审计日志为 CSV" }, requirement: 3, result: "failed", daysAgo: 2 },
  { title: { en: "Role change is recorded in the audit log", "zh-CN": "角色变更记录在审计日志中" }, requirement: 2, result: "passed", daysAgo: 6 },
  { title: { en: "Data import of 10,000 employees", "zh-CN": "导入 1 万名员工数据" }, requirement: 2, result: "failed", daysAgo: 5 },
  { title: { en: "Chinese names sort by pinyin", "zh-CN": "中文姓名按拼音排序" }, requirement: 4, result: "passed", daysAgo: 7 },
  { title: { en: "Mobile layout of the approval page", "zh-CN": "审批页面的移动端布局" }, requirement: 4, result: null, daysAgo: 0 },
  { title: { en: "Password reset e-mail arrives within a minute", "zh-CN": "一分钟内收到密码重置邮件" }, requirement: 0, result: null, daysAgo: 0 },
  { title: { en: "Backup and restore of the tenant", "zh-CN": "租户的备份与恢复" }, requirement: 2, result: null, daysAgo: 0 },
];

/** Seven defects: severity, where they ended up, the test case they came from (index) and when. */
const DEFECTS: { title: Bilingual; severity: DefectSeverity; status: DefectStatus; testCase: number | null; byClient: boolean; assignee: "pm" | "dev" | null; daysAgo: number; closedDaysAgo?: number }[] = [
  { title: { en: "SSO callback fails behind the client's proxy", "zh-CN": "客户代理后 SSO 回调失败" }, severity: "critical", status: "closed", testCase: 0, byClient: false, assignee: "dev", daysAgo: 33, closedDaysAgo: 26 },
  { title: { en: "Leaver sync skips contractors", "zh-CN": "离职同步遗漏外包人员" }, severity: "major", status: "closed", testCase: 2, byClient: false, assignee: "dev", daysAgo: 24, closedDaysAgo: 15 },
  { title: { en: "Typo on the sign-in page", "zh-CN": "登录页面有错别字" }, severity: "trivial", status: "rejected", testCase: null, byClient: true, assignee: null, daysAgo: 17, closedDaysAgo: 16 },
  { title: { en: "Import stops at row 8,192", "zh-CN": "导入在第 8192 行中断" }, severity: "major", status: "resolved", testCase: 7, byClient: false, assignee: "dev", daysAgo: 5 },
  { title: { en: "SSO session ends after 1 hour instead of 8", "zh-CN": "SSO 会话 1 小时即结束（应为 8 小时）" }, severity: "major", status: "in_progress", testCase: 1, byClient: false, assignee: "dev", daysAgo: 4 },
  { title: { en: "CSV export garbles Chinese characters", "zh-CN": "CSV 导出中文乱码" }, severity: "critical", status: "open", testCase: 5, byClient: false, assignee: "pm", daysAgo: 2 },
  { title: { en: "Approval page cuts off on small phones", "zh-CN": "小屏手机上审批页面显示不全" }, severity: "minor", status: "open", testCase: null, byClient: true, assignee: null, daysAgo: 1 },
];

export async function seedDemoQuality(
  tx: Tx,
  pm: Actor,
  projectId: string,
  requirements: readonly RequirementRecord[],
  people: { pm: string; dev: string; client: string },
  at: (days: number, hour?: number) => Date,
): Promise<void> {
  const locale = pm.locale;
  const repo = createQualityRepository(tx);
  const phases = await tx
    .select({ id: planTasks.id, name: planTasks.name })
    .from(planTasks)
    .where(and(eq(planTasks.projectId, projectId), isNull(planTasks.parentId)))
    .orderBy(asc(planTasks.position));

  // The first phase's gate passed 20 days ago; the second's is open with half of its checks done.
  for (const [index, phase] of phases.slice(0, 2).entries()) {
    const passed = index === 0;
    const checklist = qualityGateDefaultChecklist(phase.name, locale);
    const decidedAt = at(-20, 17);
    const [gate] = await tx
      .insert(qualityGates)
      .values({
        workspaceId: pm.workspaceId,
        projectId,
        phaseTaskId: phase.id,
        name: translate(locale, "quality.gate_default_name", { phase: phase.name }),
        status: passed ? "passed" : "open",
        decidedById: passed ? people.pm : null,
        decidedAt: passed ? decidedAt : null,
        createdAt: at(-30),
        updatedAt: passed ? decidedAt : at(-2),
      })
      .returning();
    if (!gate) throw new Error("demo gate insert failed");
    await tx.insert(qualityGateItems).values(
      checklist.map((text, position) => {
        const done = passed || position < checklist.length / 2;
        return { workspaceId: pm.workspaceId, gateId: gate.id, position, text, done, evidence: done ? EVIDENCE[locale] : "", checkedById: done ? people.pm : null, checkedAt: done ? at(passed ? -21 : -3, 15) : null };
      }),
    );
    await recordAudit(tx, pm, pm.workspaceId, { entityType: "quality_gate", entityId: gate.id, projectId, action: "create", after: { name: gate.name, status: gate.status, phaseTaskId: phase.id } });
  }

  const testCaseIds: string[] = [];
  for (const [index, tc] of TEST_CASES.entries()) {
    const row = await repo.insertTestCase({
      workspaceId: pm.workspaceId,
      projectId,
      title: tc.title[locale],
      requirementId: requirements[tc.requirement]?.id ?? null,
      status: tc.result ?? "not_run",
      lastRunAt: tc.result ? at(-tc.daysAgo, 14) : null,
      lastRunById: tc.result ? people.dev : null,
      createdById: people.dev,
      createdAt: at(-35 + index, 10),
      updatedAt: at(-tc.daysAgo, 14),
    });
    testCaseIds.push(row.id);
    await recordAudit(tx, pm, pm.workspaceId, { entityType: "test_case", entityId: row.id, projectId, action: "create", after: { title: row.title, requirementId: row.requirementId } });
  }

  for (const d of DEFECTS) {
    const testCaseId = d.testCase === null ? null : (testCaseIds[d.testCase] ?? null);
    const requirementId = d.testCase === null ? null : (requirements[TEST_CASES[d.testCase]?.requirement ?? -1]?.id ?? null);
    const stamps = defectStatusStamps(d.status, { resolvedAt: d.closedDaysAgo !== undefined ? at(-d.closedDaysAgo - 1, 11) : null, closedAt: null }, at(-(d.closedDaysAgo ?? 0), 16));
    const row = await repo.insertDefect({
      workspaceId: pm.workspaceId,
      projectId,
      title: d.title[locale],
      severity: d.severity,
      status: d.status,
      testCaseId,
      requirementId,
      assigneeId: d.assignee ? people[d.assignee] : null,
      reportedById: d.byClient ? people.client : people.dev,
      resolvedAt: d.status === "resolved" ? at(-1, 11) : d.status === "closed" ? stamps.resolvedAt : null,
      closedAt: stamps.closedAt,
      createdAt: at(-d.daysAgo, 11),
      updatedAt: at(-(d.closedDaysAgo ?? d.daysAgo), 16),
    });
    await recordAudit(tx, pm, pm.workspaceId, { entityType: "defect", entityId: row.id, projectId, action: "create", after: { title: row.title, severity: row.severity, status: row.status } });
  }
}
