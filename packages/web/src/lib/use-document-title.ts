import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets the tab title to "<page> · 交付 Jiaofu". */
export function useDocumentTitle(pageTitle: string | undefined) {
  const { t } = useTranslation();
  const appName = t("app.name");
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${appName}` : appName;
  }, [pageTitle, appName]);
}
