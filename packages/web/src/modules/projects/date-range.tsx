import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";

/** "Mar 1, 2025 – Jun 30, 2025", or a dash when no dates are set. Each date keeps together when the line wraps. */
export function DateRange({ start, end }: { start: string | null; end: string | null }) {
  const { t, i18n } = useTranslation();
  const from = formatDate(start, i18n.language);
  const to = formatDate(end, i18n.language);
  if (!from && !to) return <span className="muted">—</span>;
  return (
    <span className="date-range">
      <span className="nowrap">{from ?? t("projects.openDate")}</span>
      <span aria-hidden="true"> – </span>
      <span className="visually-hidden">{t("projects.dateRangeTo")}</span>
      <span className="nowrap">{to ?? t("projects.openDate")}</span>
    </span>
  );
}
