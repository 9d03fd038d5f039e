import { useTranslation } from "react-i18next";
import type { TScopeCreepCounts } from "@jiaofu/contracts";

/** "+2 ~1 −1" as three small chips (added, changed, removed); screen readers hear the words. */
export function ScopeCounts({ counts }: { counts: TScopeCreepCounts }) {
  const { t } = useTranslation();
  return (
    <span className="scope-counts">
      <span className="scope-count scope-count-added" title={t("baselines.counts.added")}>
        <span className="visually-hidden">{t("baselines.counts.added")} </span>
        <span aria-hidden="true">{t("baselines.counts.addedShort", { count: counts.added })}</span>
        <span className="visually-hidden">{counts.added}</span>
      </span>
      <span className="scope-count scope-count-changed" title={t("baselines.counts.changed")}>
        <span className="visually-hidden">{t("baselines.counts.changed")} </span>
        <span aria-hidden="true">{t("baselines.counts.changedShort", { count: counts.changed })}</span>
        <span className="visually-hidden">{counts.changed}</span>
      </span>
      <span className="scope-count scope-count-removed" title={t("baselines.counts.removed")}>
        <span className="visually-hidden">{t("baselines.counts.removed")} </span>
        <span aria-hidden="true">{t("baselines.counts.removedShort", { count: counts.removed })}</span>
        <span className="visually-hidden">{counts.removed}</span>
      </span>
    </span>
  );
}
