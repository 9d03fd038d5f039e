/**
 * Project templates (docs/planning.md, "Project templates"): the catalogue for a chooser, and starting an empty plan
 * from one. Applying writes, in one transaction holding the plan lock: the template's WBS with the extras of the
 * client's industry (tasks, milestones, dependencies), the project calendar (Monday to Friday, 8 hours, China's
 * holidays and make-up days), the schedule (the planning module's reschedule), and the default risks of the kind
 * plus the industry's (the risk register's insert, which skips risks the register already has from the template).
 */
import { randomUUID } from "node:crypto";
import {
  PLAN_TEMPLATE_KINDS,
  planTemplate,
  planTemplateBuild,
  planTemplateExtra,
  planTemplateIndustriesOf,
  planDefaultCalendar,
  riskCatalogue,
  riskCatalogueKey,
  type PlanTemplateIndustry,
  type PlanTemplateKind,
} from "@jiaofu/engine";
import type { TAppliedPlanTemplate, TApplyPlanTemplateRequest, TLocale, TPlanTemplateList, TPlanTemplateListQuery, TPlanTemplateSummary } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Tx } from "../../db/database";
import { AppError } from "../../platform/app-error";
import { recordAudit, recordAudits } from "../../platform/audit";
import { authorize, canPlanTemplate, type Actor } from "../../platform/policy";
import { requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { planCalendarOf } from "../planning/plan-calendar";
import { createPlanningRepository } from "../planning/planning.repository";
import { reschedulePlanInTransaction } from "../planning/planning.service";
import { createRisksRepository } from "../risks/risks.repository";
import { riskValuesFromCatalogue } from "../risks/risks.service";
import { createPlanTemplatesRepository } from "./plan-templates.repository";

/** The template's risk entries: the kind's defaults, then the industries'. */
function templateRisks(kind: PlanTemplateKind, build: ReturnType<typeof planTemplateBuild>) {
  return [
    ...riskCatalogue(kind).map((entry) => ({ templateKey: riskCatalogueKey(kind, entry), entry })),
    ...build.industryRisks.map((risk) => ({ templateKey: risk.templateKey, entry: risk.entry })),
  ];
}

function summarise(kind: PlanTemplateKind, industries: readonly PlanTemplateIndustry[], locale: TLocale): TPlanTemplateSummary {
  const build = planTemplateBuild(kind, industries, locale);
  return {
    kind,
    name: planTemplate(kind).name[locale],
    description: planTemplate(kind).description[locale],
    taskCount: build.taskCount,
    milestoneCount: build.milestoneCount,
    phaseCount: build.rows.filter((row) => row.durationDays === null).length,
    durationDays: build.durationDays,
    riskCount: templateRisks(kind, build).length,
    extras: build.industries.map((industry) => {
      const extra = planTemplateExtra(industry);
      return {
        industry,
        name: extra.name[locale],
        taskCount: build.rows.filter((row) => row.industry === industry).length,
        riskCount: build.industryRisks.filter((risk) => risk.templateKey.startsWith(`industry/${industry}/`)).length,
      };
    }),
  };
}

export function createPlanTemplatesService(deps: AppDeps) {
  const repo = createPlanTemplatesRepository(deps.db);

  async function requireApply(actor: Actor, projectId: string): Promise<ProjectAccess> {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canPlanTemplate(actor, "plan_template.apply", access.facts));
    return access;
  }

  /** Writes the template's calendar: the default week and China's holidays; the project's own exceptions stay. */
  async function setCalendar(tx: Tx, actor: Actor, access: ProjectAccess, now: Date) {
    const r = createPlanningRepository(tx);
    const { project } = access;
    const row = await r.calendar(project.id);
    const wanted = planDefaultCalendar();
    const current = planCalendarOf(row);
    const values = { projectId: project.id, workspaceId: project.workspaceId, week: wanted.week, holidaySets: wanted.holidaySets, exceptions: current.exceptions, updatedById: actor.userId };
    if (row && JSON.stringify(current.week) === JSON.stringify(wanted.week) && JSON.stringify(current.holidaySets) === JSON.stringify(wanted.holidaySets)) return;
    const saved = await r.saveCalendar(values, row ? row.version : 0, now);
    if (!saved) throw new Error("calendar changed under the plan lock");
    if (row) {
      await recordAudit(tx, actor, project.workspaceId, {
        entityType: "project_calendar",
        entityId: project.id,
        projectId: project.id,
        action: "update",
        before: { week: current.week, holidaySets: current.holidaySets, exceptions: current.exceptions, version: current.version },
        after: { week: saved.week, holidaySets: saved.holidaySets, exceptions: saved.exceptions, version: saved.version },
      });
    }
  }

  return {
    /**
     * The templates in `language` (else the request's: Accept-Language, else the user's setting); with a project,
     * the extras its client's industry brings are merged into the counts and listed.
     */
    list: async (actor: Actor, query: TPlanTemplateListQuery, requestLocale: TLocale): Promise<TPlanTemplateList> => {
      const locale = query.language ?? requestLocale;
      let industry = "";
      if (query.projectId) {
        const access = await requireProjectAccess(deps.db, actor, query.projectId, "project.read");
        authorize(canPlanTemplate(actor, "plan_template.list", access.facts));
        industry = await repo.clientIndustry(access.project.clientId);
      } else authorize(canPlanTemplate(actor, "plan_template.list", null));
      const industries = planTemplateIndustriesOf(industry);
      return { items: PLAN_TEMPLATE_KINDS.map((kind) => summarise(kind, industries, locale)), industry };
    },

    /** Starts the project's empty plan from a template (409 `plan_template.plan_not_empty` otherwise, nothing written). */
    apply: async (actor: Actor, projectId: string, input: TApplyPlanTemplateRequest, requestLocale: TLocale): Promise<TAppliedPlanTemplate> => {
      const access = await requireApply(actor, projectId);
      const { project } = access;
      const locale = input.language ?? requestLocale;
      const industries = planTemplateIndustriesOf(await repo.clientIndustry(project.clientId));
      const build = planTemplateBuild(input.template, industries, locale);
      return deps.db.transaction(async (tx) => {
        const now = deps.now();
        await createPlanningRepository(tx).lockPlan(project.id);
        const r = createPlanTemplatesRepository(tx);
        const existing = await r.taskCount(project.id);
        if (existing > 0) throw new AppError("conflict", "plan_template.plan_not_empty", { count: existing }, { count: existing });

        const ids = build.rows.map(() => randomUUID());
        const tasks = build.rows.map((row, i) => ({
          id: ids[i] as string,
          workspaceId: project.workspaceId,
          projectId: project.id,
          parentId: row.parent < 0 ? null : (ids[row.parent] as string),
          position: row.position,
          name: row.name,
          durationDays: row.durationDays ?? 1,
          // One person's working day per day of a task: an estimate the team replaces with assignments.
          workHours: (row.durationDays ?? 0) * 8,
          fixedCost: row.fixedCost,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        }));
        await r.insertTasks(tasks);
        await r.insertDependencies(
          build.links.map((link) => ({
            workspaceId: project.workspaceId,
            projectId: project.id,
            predecessorId: ids[link.from] as string,
            successorId: ids[link.to] as string,
            type: link.type,
            lagDays: link.lagDays,
            createdById: actor.userId,
            createdAt: now,
            updatedAt: now,
          })),
        );
        await recordAudits(
          tx,
          actor,
          project.workspaceId,
          tasks.map((task) => ({ entityType: "plan_task", entityId: task.id, projectId: project.id, action: "create", after: { name: task.name, parentId: task.parentId, durationDays: task.durationDays, template: input.template } })),
        );
        await setCalendar(tx, actor, access, now);
        await reschedulePlanInTransaction(tx, project, actor, now);
        const risks = templateRisks(input.template, build).map(({ templateKey, entry }) => ({ values: riskValuesFromCatalogue(entry, locale), templateKey }));
        const { created } = await createRisksRepository(tx).create(actor, project.id, risks, now);
        const applied: TAppliedPlanTemplate = {
          template: input.template,
          industries: [...build.industries],
          taskCount: tasks.length,
          dependencyCount: build.links.length,
          riskCount: created.length,
          finish: await r.finish(project.id),
        };
        await recordAudit(tx, actor, project.workspaceId, { entityType: "project", entityId: project.id, projectId: project.id, action: "plan.template", after: { ...applied, language: locale } });
        return applied;
      });
    },
  };
}
export type PlanTemplatesService = ReturnType<typeof createPlanTemplatesService>;
