import { useTranslation } from "react-i18next";
import { Button, EmptyState } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";

export type ErrorPanelProps = { error: unknown; onRetry?: () => void };

/** A failed load: the API's own message when there is one, and a way to try again. */
export function ErrorPanel({ error, onRetry }: ErrorPanelProps) {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <EmptyState
        icon="!"
        title={t("errors.loadFailed")}
        action={
          onRetry ? (
            <Button variant="secondary" onClick={onRetry}>
              {t("ui.retry")}
            </Button>
          ) : undefined
        }
      >
        {apiMessageOf(error) ?? t("errors.network")}
      </EmptyState>
    </div>
  );
}
