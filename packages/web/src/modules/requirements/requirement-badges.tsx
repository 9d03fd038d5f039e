import { useTranslation } from "react-i18next";
import type { TMoscow, TRequirementStatus, TRequirementType } from "@jiaofu/contracts";
import { Badge, type BadgeTone } from "../../ui";

export const STATUS_TONES: Record<TRequirementStatus, BadgeTone> = {
  draft: "gray",
  in_analysis: "blue",
  awaiting_client: "amber",
  approved: "green",
  baselined: "violet",
  delivered: "teal",
  accepted: "teal",
  rejected: "red",
  deferred: "gray",
};

export function RequirementStatusBadge({ status }: { status: TRequirementStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONES[status]}>{t(`requirements.status.${status}`)}</Badge>;
}

const MOSCOW_TONES: Record<TMoscow, BadgeTone> = { must: "red", should: "amber", could: "blue", wont: "gray" };

/** The MoSCoW tier, or a quiet dash when the requirement is not prioritised yet. */
export function MoscowBadge({ moscow }: { moscow: TMoscow | null }) {
  const { t } = useTranslation();
  if (!moscow) return <span className="muted">{t("requirements.none")}</span>;
  return (
    <Badge tone={MOSCOW_TONES[moscow]} dot={false}>
      {t(`requirements.moscow.${moscow}`)}
    </Badge>
  );
}

export function RequirementTypeLabel({ type }: { type: TRequirementType }) {
  const { t } = useTranslation();
  return <span className="req-type">{t(`requirements.type.${type}`)}</span>;
}

/** Tags as small chips; nothing at all when there are none. */
export function TagList({ tags }: { tags: readonly string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return <span className="muted">{t("requirements.none")}</span>;
  return (
    <ul className="tag-list" aria-label={t("requirements.fields.tags")}>
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** The client's own priority, 1 (highest) to 5. */
export function ClientPriority({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <span className="muted">{t("requirements.none")}</span>;
  return <span title={t("requirements.clientPriorityOf", { value })}>{t("requirements.clientPriorityShort", { value })}</span>;
}
