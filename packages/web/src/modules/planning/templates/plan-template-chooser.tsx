import { useTranslation } from "react-i18next";
import type { TPlanTemplateKind } from "@jiaofu/contracts";
import { Badge, Banner, Button, Spinner, useToast } from "../../../ui";
import { apiMessageOf } from "../../../lib/api-errors";
import { useApplyPlanTemplate, usePlanTemplates } from "./plan-templates.queries";
import "./plan-templates.css";

export type PlanTemplateChooserProps = { projectId: string; canApply: boolean };

/**
 * "Start from a template", shown while the plan is empty: one card per template with its description, tasks,
 * milestones, length in working days, risks, and what the client's industry adds. Applying writes the WBS, the
 * calendar and the risks; the plan then reloads and takes the chooser's place.
 */
export function PlanTemplateChooser({ projectId, canApply }: PlanTemplateChooserProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const templates = usePlanTemplates(projectId, i18n.language, canApply);
  const apply = useApplyPlanTemplate(projectId);
  if (!canApply) return null;
  if (templates.isPending) return <Spinner />;
  if (templates.isError) return <Banner tone="error">{t("planTemplates.loadFailed")}</Banner>;
  const { items, industry } = templates.data;

  function handleApply(template: TPlanTemplateKind) {
    apply.mutate(
      { template, language: i18n.language === "en" ? "en" : "zh-CN" },
      {
        onSuccess: (applied) => toast.show(t("planTemplates.applied", { tasks: applied.taskCount, risks: applied.riskCount }), "success"),
        onError: (error) => toast.show(apiMessageOf(error) ?? t("plan.errors.saveFailed"), "error"),
      },
    );
  }

  return (
    <section className="plan-templates" aria-labelledby="plan-templates-title" data-testid="plan-templates">
      <h3 id="plan-templates-title" className="subheading">
        {t("planTemplates.title")}
      </h3>
      <p className="subtle">{t("planTemplates.intro")}</p>
      <p className="subtle">{industry ? t("planTemplates.industry", { industry }) : t("planTemplates.noIndustry")}</p>
      <ul className="plan-template-cards">
        {items.map((template) => (
          <li key={template.kind} className="plan-template-card" data-testid="plan-template" data-kind={template.kind}>
            <strong className="plan-template-name">{template.name}</strong>
            <p className="plan-template-description">{template.description}</p>
            <p className="plan-template-figures">
              <span>{t("planTemplates.tasks", { count: template.taskCount })}</span>
              <span>{t("planTemplates.milestones", { count: template.milestoneCount })}</span>
              <span data-testid="plan-template-length">{t("planTemplates.length", { count: template.durationDays })}</span>
              <span>{t("planTemplates.risks", { count: template.riskCount })}</span>
            </p>
            {template.extras.length > 0 ? (
              <div className="plan-template-extras" data-testid="plan-template-extras">
                <span className="subtle">{t("planTemplates.extras")}</span>
                {template.extras.map((extra) => (
                  <span key={extra.industry} className="plan-template-extra">
                    <Badge tone="violet">{extra.name}</Badge>
                    <span className="subtle">{t("planTemplates.extraDetail", { tasks: extra.taskCount, risks: extra.riskCount })}</span>
                  </span>
                ))}
              </div>
            ) : null}
            <div>
              <Button
                variant="primary"
                size="sm"
                loading={apply.isPending && apply.variables.template === template.kind}
                disabled={apply.isPending}
                onClick={() => handleApply(template.kind)}
                data-testid="plan-template-apply"
              >
                {t("planTemplates.apply")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
