import { useTranslation } from "react-i18next";
import type { TRiskLevel, TRiskStatus } from "@jiaofu/contracts";
import { Badge, type BadgeTone } from "../../ui";

const STATUS_TONES: Record<TRiskStatus, BadgeTone> = { open: "blue", monitoring: "teal", occurred: "red", closed: "gray" };

export function RiskStatusBadge({ status }: { status: TRiskStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONES[status]}>{t(`risks.status.${status}`)}</Badge>;
}

/** The score with its level: a coloured chip "20" with "Critical" beside it (the colour is never the only cue). */
export function RiskScore({ score, level, probability, impact }: { score: number; level: TRiskLevel; probability: number; impact: number }) {
  const { t } = useTranslation();
  return (
    <span className="risk-score" title={t("risks.score", { score, probability, impact })}>
      <span className={`risk-score-chip risk-level-${level}`}>{score}</span>
      <span className="risk-score-level">{t(`risks.level.${level}`)}</span>
    </span>
  );
}

/** The level in the heat map's colours, so a level looks the same everywhere. */
export function RiskLevelBadge({ level }: { level: TRiskLevel }) {
  const { t } = useTranslation();
  return <span className={`badge badge-plain risk-level-badge risk-level-${level}`}>{t(`risks.level.${level}`)}</span>;
}
