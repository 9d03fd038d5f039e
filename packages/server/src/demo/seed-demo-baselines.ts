/**
 * The demo's scope baseline (docs/requirements.md, "Baselines and scope creep"): once the client had approved the
 * first requirements, the manager took BL-1 — through the same code as the API, so the approved requirements are
 * baselined with a version and an audit row each.
 */
import type { TLocale } from "@jiaofu/contracts";
import type { Tx } from "../db/database";
import { takeBaselineAt } from "../modules/baselines/baselines.service";
import type { Actor } from "../platform/policy";

const BASELINE_TEXT: Record<TLocale, { name: string; description: string }> = {
  "zh-CN": { name: "一期范围", description: "需求评审后与客户确认的一期范围：单点登录、离职账号停用和苏州机房归档。" },
  en: { name: "Phase 1 scope", description: "The phase 1 scope agreed with the client after the spec review: single sign-on, leavers' accounts and the Suzhou archive." },
};

/** Takes BL-1 of the demo project at `at`, as `pm`. */
export async function seedDemoBaseline(tx: Tx, pm: Actor, projectId: string, at: Date): Promise<void> {
  await takeBaselineAt(tx, pm, { id: projectId, workspaceId: pm.workspaceId }, { ...BASELINE_TEXT[pm.locale], changeRequestId: null }, at);
}
