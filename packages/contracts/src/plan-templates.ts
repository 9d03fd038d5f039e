import { z } from "zod";
import { PLAN_TEMPLATE_INDUSTRIES, PLAN_TEMPLATE_KINDS } from "@jiaofu/engine";
import { ZId, ZIsoDate, ZLocale } from "./common";

/**
 * Project templates for the plan (issue 5; docs/planning.md, "Project templates"): a WBS with milestones and links,
 * the project calendar and the default risks of a kind of project, with extras for the client's industry.
 */
export { PLAN_TEMPLATE_INDUSTRIES, PLAN_TEMPLATE_KINDS };
export const ZPlanTemplateKind = z.enum(PLAN_TEMPLATE_KINDS);
export type TPlanTemplateKind = z.infer<typeof ZPlanTemplateKind>;
export const ZPlanTemplateIndustry = z.enum(PLAN_TEMPLATE_INDUSTRIES);
export type TPlanTemplateIndustry = z.infer<typeof ZPlanTemplateIndustry>;

/** `GET /plan-templates?projectId=&language=`: with a project, the extras its client's industry brings. */
export const ZPlanTemplateListQuery = z.object({ projectId: ZId.optional(), language: ZLocale.optional() });
export type TPlanTemplateListQuery = z.input<typeof ZPlanTemplateListQuery>;

export const ZPlanTemplateSummary = z
  .object({
    kind: ZPlanTemplateKind,
    name: z.string(),
    description: z.string(),
    /** Tasks and milestones (phases not counted), with the extras for the project's client when one was asked about. */
    taskCount: z.number().int(),
    milestoneCount: z.number().int(),
    phaseCount: z.number().int(),
    /** Length in working days, scheduled as soon as possible. */
    durationDays: z.number(),
    /** Default risks it adds (the kind's, plus the industry extras'). */
    riskCount: z.number().int(),
    extras: z.array(z.object({ industry: ZPlanTemplateIndustry, name: z.string(), taskCount: z.number().int(), riskCount: z.number().int() })),
  })
  .meta({ id: "PlanTemplateSummary" });
export type TPlanTemplateSummary = z.infer<typeof ZPlanTemplateSummary>;

export const ZPlanTemplateList = z
  .object({
    items: z.array(ZPlanTemplateSummary),
    /** The project's client's industry as recorded (empty when no project was asked about or none is recorded). */
    industry: z.string(),
  })
  .meta({ id: "PlanTemplateList" });
export type TPlanTemplateList = z.infer<typeof ZPlanTemplateList>;

/** `POST /projects/:id/plan/template`: only on an empty plan. Names in `language`, else the caller's. */
export const ZApplyPlanTemplateRequest = z.object({ template: ZPlanTemplateKind, language: ZLocale.optional() }).meta({ id: "ApplyPlanTemplateRequest" });
export type TApplyPlanTemplateRequest = z.input<typeof ZApplyPlanTemplateRequest>;

export const ZAppliedPlanTemplate = z
  .object({
    template: ZPlanTemplateKind,
    industries: z.array(ZPlanTemplateIndustry),
    taskCount: z.number().int(),
    dependencyCount: z.number().int(),
    /** Risks added to the register (those the register already had from this template are skipped). */
    riskCount: z.number().int(),
    finish: ZIsoDate.nullable(),
  })
  .meta({ id: "AppliedPlanTemplate" });
export type TAppliedPlanTemplate = z.infer<typeof ZAppliedPlanTemplate>;
