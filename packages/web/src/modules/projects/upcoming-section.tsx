import { useTranslation } from "react-i18next";
import { Card, EmptyState } from "../../ui";
import type { TUpcomingSection } from "./project-sections";

/** A life-cycle area whose features have not shipped: what it will hold, and that it is on its way. */
export function UpcomingSection({ section }: { section: TUpcomingSection }) {
  const { t } = useTranslation();
  return (
    <Card>
      <EmptyState icon="◔" title={t(`sections.${section}.title`)}>
        <p>{t(`sections.${section}.description`)}</p>
        <p className="subtle upcoming-note">{t("sections.comingRelease")}</p>
      </EmptyState>
    </Card>
  );
}
