import { useTranslation } from "react-i18next";
import type { THealthBand } from "@jiaofu/contracts";
import { Badge, Tooltip } from "../../ui";
import { healthTone } from "./dashboards-model";

/**
 * A project's health in a list (portfolio, projects): the score and band as a coloured badge; a dash with the reason
 * when the reader may not see it (only the project's managers and the workspace's admins do); "not scored" when
 * nothing could be measured yet.
 */
export function HealthCell({ health, testId }: { health: { score: number | null; band: THealthBand | null } | null; testId: string }) {
  const { t } = useTranslation();
  if (health === null) {
    return (
      <Tooltip content={t("dashboards.portfolio.healthHidden")}>
        <span className="muted" aria-label={t("dashboards.portfolio.healthHidden")}>
          —
        </span>
      </Tooltip>
    );
  }
  if (health.score === null) return <span className="muted">{t("dashboards.health.unscored")}</span>;
  return (
    <span data-testid={testId} data-band={health.band ?? ""}>
      <Badge tone={healthTone(health.band)}>
        {health.score} · {t(`dashboards.health.${health.band ?? "healthy"}`)}
      </Badge>
    </span>
  );
}
