import { useTranslation } from "react-i18next";
import type { TQuestionnaireStatus } from "@jiaofu/contracts";
import { Badge, type BadgeTone } from "../../ui";

const TONES: Record<TQuestionnaireStatus, BadgeTone> = { draft: "gray", open: "green", closed: "amber" };

export function QuestionnaireStatusBadge({ status }: { status: TQuestionnaireStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`questionnaires.status.${status}`)}</Badge>;
}
