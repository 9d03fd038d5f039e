import { describe, expect, it } from "vitest";
import { RISK_CATEGORIES, RISK_STRATEGIES } from "../risks/risk-register";
import { PLAN_TEMPLATE_ANCHORS, PLAN_TEMPLATE_INDUSTRIES, PLAN_TEMPLATE_KINDS, planTemplate, planTemplateExtra, planTemplateIndustriesOf } from "./plan-template-catalogue";
import { planTemplateBuild, planTemplateRiskKey } from "./plan-template-build";

describe("the plan templates", () => {
  it.each(PLAN_TEMPLATE_KINDS)("%s: unique keys, the shared anchors, phases first, predecessors that exist, both languages", (kind) => {
    const template = planTemplate(kind);
    const keys = template.tasks.map((task) => task.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const anchor of PLAN_TEMPLATE_ANCHORS) expect(keys).toContain(anchor);
    const phases = new Set(template.tasks.filter((task) => task.phase === undefined).map((task) => task.key));
    for (const task of template.tasks) {
      if (task.phase !== undefined) expect(phases.has(task.phase)).toBe(true);
      for (const [key] of task.after ?? []) expect(keys).toContain(key);
      expect(task.name["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(task.name.en.trim()).not.toBe("");
    }
    for (const milestone of ["kickoff-done", "design-approved", "uat-signoff", "go-live"]) expect(template.tasks.find((task) => task.key === milestone)?.days).toBe(0);
  });

  it.each(PLAN_TEMPLATE_KINDS)("%s builds into a schedulable WBS with FS, SS, FF links, a lead, and a length", (kind) => {
    const build = planTemplateBuild(kind, [], "en");
    expect(build.rows.length).toBe(planTemplate(kind).tasks.length);
    // Parents come before their children, positions run 0..k−1 per parent.
    build.rows.forEach((row, i) => expect(row.parent).toBeLessThan(i));
    const byParent = new Map<number, number[]>();
    for (const row of build.rows) byParent.set(row.parent, [...(byParent.get(row.parent) ?? []), row.position]);
    for (const positions of byParent.values()) expect(positions).toEqual(positions.map((_, i) => i));
    const types = new Set(build.links.map((link) => link.type));
    expect(types.has("FS") && types.has("SS")).toBe(true);
    expect(build.links.some((link) => link.lagDays < 0)).toBe(true);
    expect(build.milestoneCount).toBeGreaterThanOrEqual(4);
    expect(build.durationDays).toBeGreaterThan(30);
    expect(build.industryRisks).toEqual([]);
  });

  it("SaaS onboarding: the length is the critical path", () => {
    // kickoff 1 + charter 2 + workshops 5 + config design 3 + tenant 2 + configuration 5 + SIT 4 + UAT 5 (training SS+1, 2 days, fits)
    // + production migration 2 + hypercare 10 = 39
    expect(planTemplateBuild("saas_onboarding", [], "en").durationDays).toBe(39);
  });

  it("names rows in the language asked for", () => {
    expect(planTemplateBuild("on_premise", [], "zh-CN").rows[1]?.name).toBe("项目启动会");
    expect(planTemplateBuild("on_premise", [], "en").rows[1]?.name).toBe("Kick-off meeting");
  });

  it.each(PLAN_TEMPLATE_INDUSTRIES)("the %s extras merge into both templates, gate the base tasks and bring risks", (industry) => {
    const extra = planTemplateExtra(industry);
    for (const kind of PLAN_TEMPLATE_KINDS) {
      const plain = planTemplateBuild(kind, [], "en");
      const build = planTemplateBuild(kind, [industry], "en");
      expect(build.rows.length).toBe(plain.rows.length + extra.tasks.length);
      for (const task of extra.tasks) {
        const index = build.rows.findIndex((row) => row.key === task.key);
        expect(build.rows[index]?.industry).toBe(industry);
        const phase = build.rows[build.rows[index]?.parent ?? -1];
        expect(phase?.key).toBe(task.phase);
        if (task.before) expect(build.rows.findIndex((row) => row.key === task.before)).toBeGreaterThan(index);
        for (const gate of task.gates ?? []) expect(build.links.some((link) => link.from === index && build.rows[link.to]?.key === gate)).toBe(true);
      }
      expect(build.industryRisks.map((r) => r.templateKey)).toEqual(extra.risks.map((entry) => planTemplateRiskKey(industry, entry)));
      expect(build.durationDays).toBeGreaterThanOrEqual(plain.durationDays);
    }
    for (const entry of extra.risks) {
      expect(RISK_CATEGORIES).toContain(entry.category);
      expect(RISK_STRATEGIES).toContain(entry.strategy);
      expect(entry.text["zh-CN"].title).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("adds tasks shared by two industries once (finance and government both bring 等保)", () => {
    const build = planTemplateBuild("on_premise", ["government", "finance"], "zh-CN");
    expect(build.industries).toEqual(["finance", "government"]);
    expect(build.rows.filter((row) => row.key === "mlps-assessment")).toHaveLength(1);
    expect(build.rows.find((row) => row.key === "mlps-grading")?.name).toBe("等保 2.0 定级与备案");
    const ids = build.industryRisks.map((r) => r.entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("places a client's free-text industry", () => {
    expect(planTemplateIndustriesOf("制造业（汽车零部件）")).toEqual(["manufacturing"]);
    expect(planTemplateIndustriesOf("城市商业银行")).toEqual(["finance"]);
    expect(planTemplateIndustriesOf("Insurance")).toEqual(["finance"]);
    expect(planTemplateIndustriesOf("市政府办公厅")).toEqual(["government"]);
    expect(planTemplateIndustriesOf("Hospital group")).toEqual(["healthcare"]);
    expect(planTemplateIndustriesOf("E-commerce")).toEqual(["retail"]);
    expect(planTemplateIndustriesOf("医药连锁零售")).toEqual(["healthcare", "retail"]);
    expect(planTemplateIndustriesOf("法律服务")).toEqual([]);
    expect(planTemplateIndustriesOf("  ")).toEqual([]);
  });
});
