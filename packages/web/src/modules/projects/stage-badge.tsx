import { useTranslation } from "react-i18next";
import type { TProjectStage } from "@jiaofu/contracts";
import { Badge, type BadgeTone } from "../../ui";

export const STAGE_TONES: Record<TProjectStage, BadgeTone> = {
  requirements: "blue",
  planning: "violet",
  execution: "amber",
  delivery: "green",
  support: "teal",
  closed: "gray",
};

export function StageBadge({ stage }: { stage: TProjectStage }) {
  const { t } = useTranslation();
  return <Badge tone={STAGE_TONES[stage]}>{t(`stage.${stage}`)}</Badge>;
}
