import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../lib/use-document-title";
import { ApiTokens } from "../modules/tokens/api-tokens";

export function ApiTokensPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("tokens.title"));
  return <ApiTokens />;
}
