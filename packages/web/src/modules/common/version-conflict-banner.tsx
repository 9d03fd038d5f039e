import { useTranslation } from "react-i18next";
import { Banner, Button } from "../../ui";

export type VersionConflictBannerProps = { onReload: () => void; reloading: boolean };

/**
 * Shown when a save answers 409 `version_conflict`: someone else saved first. Reloading shows their version; the
 * person's own edits are dropped so they can make them again on top of it.
 */
export function VersionConflictBanner({ onReload, reloading }: VersionConflictBannerProps) {
  const { t } = useTranslation();
  return (
    <Banner
      tone="warning"
      action={
        <Button size="sm" variant="secondary" onClick={onReload} loading={reloading}>
          {t("conflict.reload")}
        </Button>
      }
    >
      {t("conflict.message")}
    </Banner>
  );
}
