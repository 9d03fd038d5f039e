import { useTranslation } from "react-i18next";
import { ButtonLink, EmptyState } from "../ui";
import { useDocumentTitle } from "../lib/use-document-title";

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));
  return (
    <main id="main" className="main">
      <div className="card">
        <EmptyState
          icon="?"
          title={t("notFound.title")}
          action={
            <ButtonLink to="/" variant="primary">
              {t("notFound.home")}
            </ButtonLink>
          }
        >
          {t("notFound.body")}
        </EmptyState>
      </div>
    </main>
  );
}
