import { useTranslation } from "react-i18next";
import { Tooltip } from "../../ui";

/**
 * Project health needs a baseline plan and tracked progress, which arrive with the planning and monitoring stages.
 * Until then we show a dash and say why, rather than a number we cannot back up.
 */
export function HealthCell() {
  const { t } = useTranslation();
  return (
    <Tooltip content={t("projects.healthPending")}>
      <span className="muted" aria-label={t("projects.healthUnknown")}>
        —
      </span>
    </Tooltip>
  );
}
