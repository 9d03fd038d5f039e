/**
 * A template made concrete for one project: the template's WBS with the extras of the client's industries merged in,
 * in one language, as rows a plan can insert (outline order, parents before children) and links by row index; and
 * the figures a chooser shows (tasks, milestones, length in working days, computed by the planner).
 */
import { schedulePlanInputFromSpecs, type SchedulePlanTaskSpec } from "../scheduling/schedule-plan-input";
import { schedulePlannerCreate } from "../scheduling/schedule-planner";
import type { ScheduleLinkSpec } from "../scheduling/schedule-input";
import type { RiskCatalogueEntry } from "../risks/risk-catalogue";
import {
  PLAN_TEMPLATE_INDUSTRIES,
  planTemplate,
  planTemplateExtra,
  type PlanTemplateIndustry,
  type PlanTemplateKind,
  type PlanTemplateLinkType,
  type PlanTemplateLocale,
  type PlanTemplateTask,
} from "./plan-template-catalogue";

/** One row to insert: `parent` is the index of its phase's row (−1 at the top); `durationDays` null for a phase. */
export type PlanTemplateRow = {
  readonly key: string;
  readonly parent: number;
  /** 0-based position among its siblings. */
  readonly position: number;
  readonly name: string;
  readonly durationDays: number | null;
  readonly fixedCost: number;
  /** The industry that added it, or null for the template's own rows. */
  readonly industry: PlanTemplateIndustry | null;
};

export type PlanTemplateRowLink = { readonly from: number; readonly to: number; readonly type: PlanTemplateLinkType; readonly lagDays: number };

/** A default risk a template brings, with the key it keeps in the register (so it is added once). */
export type PlanTemplateRisk = { readonly templateKey: string; readonly entry: RiskCatalogueEntry };

export type PlanTemplateBuild = {
  readonly kind: PlanTemplateKind;
  readonly industries: readonly PlanTemplateIndustry[];
  readonly rows: readonly PlanTemplateRow[];
  readonly links: readonly PlanTemplateRowLink[];
  /** The industry extras' risks (the kind's own default risks come from `riskCatalogue(kind)`). */
  readonly industryRisks: readonly PlanTemplateRisk[];
  /** Rows that are not phases: tasks and milestones. */
  readonly taskCount: number;
  readonly milestoneCount: number;
  /** From the first start to the last finish, in working days (as the planner schedules it, ASAP from day 0). */
  readonly durationDays: number;
};

/** The register key of an industry extra's risk: `industry/finance/mlps-assessment`. */
export const planTemplateRiskKey = (industry: PlanTemplateIndustry, entry: Pick<RiskCatalogueEntry, "id">) => `industry/${industry}/${entry.id}`;

/** Hundredths of a working day: templates use half days at most, the planner counts whole units. */
const TICKS = 100;

/**
 * Builds `kind` for a client in `industries`, in `locale`. Extras shared by two industries (government and finance
 * both add the 等保 tasks) are added once. Every extra task waits for its predecessors and holds up its `gates`.
 *
 * @example
 * const build = planTemplateBuild("saas_onboarding", ["retail"], "en");
 * build.rows.find((row) => row.key === "peak-freeze")?.industry; // "retail"
 * build.durationDays; // the length of the whole plan in working days
 */
export function planTemplateBuild(kind: PlanTemplateKind, industries: readonly PlanTemplateIndustry[], locale: PlanTemplateLocale): PlanTemplateBuild {
  const template = planTemplate(kind);
  const wanted = PLAN_TEMPLATE_INDUSTRIES.filter((industry) => industries.includes(industry));
  type Item = { task: PlanTemplateTask; industry: PlanTemplateIndustry | null };
  const phases: Item[] = [];
  const children = new Map<string, Item[]>();
  for (const task of template.tasks) {
    if (task.phase === undefined) {
      phases.push({ task, industry: null });
      children.set(task.key, []);
    } else children.get(task.phase)?.push({ task, industry: null });
  }
  const gates: { from: string; to: string }[] = [];
  const seen = new Set(template.tasks.map((task) => task.key));
  const industryRisks: PlanTemplateRisk[] = [];
  const seenRisks = new Set<string>();
  for (const industry of wanted) {
    const extra = planTemplateExtra(industry);
    for (const task of extra.tasks) {
      if (seen.has(task.key)) continue;
      seen.add(task.key);
      const list = children.get(task.phase);
      if (!list) throw new Error(`template ${kind} has no phase ${task.phase}`);
      const at = task.before === undefined ? -1 : list.findIndex((item) => item.task.key === task.before);
      list.splice(at < 0 ? list.length : at, 0, { task, industry });
      for (const gate of task.gates ?? []) gates.push({ from: task.key, to: gate });
    }
    for (const entry of extra.risks) {
      if (seenRisks.has(entry.id)) continue;
      seenRisks.add(entry.id);
      industryRisks.push({ templateKey: planTemplateRiskKey(industry, entry), entry });
    }
  }

  const rows: PlanTemplateRow[] = [];
  const indexOf = new Map<string, number>();
  const items: Item[] = [];
  phases.forEach((phase, p) => {
    const parent = rows.length;
    indexOf.set(phase.task.key, parent);
    items.push(phase);
    rows.push({ key: phase.task.key, parent: -1, position: p, name: phase.task.name[locale], durationDays: null, fixedCost: 0, industry: null });
    (children.get(phase.task.key) ?? []).forEach((item, position) => {
      indexOf.set(item.task.key, rows.length);
      items.push(item);
      rows.push({ key: item.task.key, parent, position, name: item.task.name[locale], durationDays: item.task.days ?? 0, fixedCost: item.task.fixedCost ?? 0, industry: item.industry });
    });
  });
  const index = (key: string) => {
    const i = indexOf.get(key);
    if (i === undefined) throw new Error(`template ${kind} has no task ${key}`);
    return i;
  };
  const links: PlanTemplateRowLink[] = [];
  for (const item of items) {
    for (const [from, type = "FS", lagDays = 0] of item.task.after ?? []) links.push({ from: index(from), to: index(item.task.key), type, lagDays });
  }
  for (const gate of gates) links.push({ from: index(gate.from), to: index(gate.to), type: "FS", lagDays: 0 });

  const leaves = rows.filter((row) => row.durationDays !== null);
  return {
    kind,
    industries: wanted,
    rows,
    links,
    industryRisks,
    taskCount: leaves.length,
    milestoneCount: leaves.filter((row) => row.durationDays === 0).length,
    durationDays: planTemplateLength(rows, links),
  };
}

/** The plan's length in working days: the planner's finish of the rows, all ASAP from day 0. */
function planTemplateLength(rows: readonly PlanTemplateRow[], links: readonly PlanTemplateRowLink[]): number {
  const tasks: SchedulePlanTaskSpec[] = rows.map((row, id) => ({ id, duration: Math.round((row.durationDays ?? 0) * TICKS), parent: row.parent < 0 ? null : row.parent }));
  const specs: ScheduleLinkSpec[] = links.map((link) => ({ from: link.from, to: link.to, type: link.type, lag: Math.round(link.lagDays * TICKS) }));
  const input = schedulePlanInputFromSpecs(tasks, specs);
  if (!input.ok) throw new Error(`template does not schedule: ${input.error.message}`);
  const planner = schedulePlannerCreate(input.value);
  if (!planner.ok) throw new Error(`template does not schedule: ${planner.error.message}`);
  return Math.ceil(planner.value.schedule.finish / TICKS);
}
