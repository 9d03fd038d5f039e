/** Project templates for the plan: WBS, milestones, links, industry extras and their risks (docs/planning.md, "Project templates"). */
export {
  PLAN_TEMPLATE_ANCHORS,
  PLAN_TEMPLATE_INDUSTRIES,
  PLAN_TEMPLATE_KINDS,
  type PlanTemplate,
  type PlanTemplateExtra,
  type PlanTemplateExtraTask,
  type PlanTemplateIndustry,
  type PlanTemplateKind,
  type PlanTemplateLink,
  type PlanTemplateLinkType,
  type PlanTemplateLocale,
  type PlanTemplateTask,
  type PlanTemplateText,
  planTemplate,
  planTemplateExtra,
  planTemplateIndustriesOf,
} from "./plan-template-catalogue";
export {
  type PlanTemplateBuild,
  type PlanTemplateRisk,
  type PlanTemplateRow,
  type PlanTemplateRowLink,
  planTemplateBuild,
  planTemplateRiskKey,
} from "./plan-template-build";
