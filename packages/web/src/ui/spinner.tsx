import { useTranslation } from "react-i18next";

export type SpinnerProps = { size?: "sm" | "lg"; label?: string };

/** A small busy indicator; announced to screen readers by its label. */
export function Spinner({ size = "sm", label }: SpinnerProps) {
  return <span className={size === "lg" ? "spinner spinner-lg" : "spinner"} role={label ? "status" : undefined} aria-label={label} />;
}

/** The placeholder shown while a panel's data loads. */
export function LoadingBlock() {
  const { t } = useTranslation();
  return (
    <div className="spinner-block" role="status">
      <Spinner size="lg" />
      <span>{t("ui.loading")}</span>
    </div>
  );
}
