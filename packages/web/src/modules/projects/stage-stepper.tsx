import { useTranslation } from "react-i18next";
import { PROJECT_STAGES, type TProjectStage } from "@jiaofu/contracts";

const STEPS = PROJECT_STAGES.filter((stage): stage is Exclude<TProjectStage, "closed"> => stage !== "closed");

/**
 * Where the engagement is in its life cycle, as steps. It shows the stage the team has set — a fact, not an
 * estimate of progress.
 */
export function StageStepper({ stage }: { stage: TProjectStage }) {
  const { t } = useTranslation();
  const currentIndex = stage === "closed" ? STEPS.length : STEPS.indexOf(stage);
  return (
    <ol className="stepper" aria-label={t("stepper.label")}>
      {STEPS.map((step, index) => {
        const state = index < currentIndex ? "done" : index === currentIndex ? "current" : "todo";
        return (
          <li key={step} className={`stepper-step stepper-${state}`} aria-current={state === "current" ? "step" : undefined}>
            <span className="stepper-marker" aria-hidden="true">
              {state === "done" ? "✓" : index + 1}
            </span>
            <span className="stepper-label">{t(`stage.${step}`)}</span>
            <span className="visually-hidden">{t(`stepper.${state}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}
