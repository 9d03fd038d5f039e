import { useTranslation } from "react-i18next";

/** A milestone's slip against the baseline: late in red, early or on time muted; nothing without a baseline. */
export function SlipNote({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return null;
  if (days > 0) return <span className="dashboard-overdue">{t("dashboards.portfolio.slip", { count: days })}</span>;
  if (days < 0) return <span className="muted">{t("dashboards.portfolio.slipEarly", { count: -days })}</span>;
  return <span className="muted">{t("dashboards.portfolio.onBaseline")}</span>;
}
