import { useTranslation } from "react-i18next";
import { Button } from "../../ui";

export type LoadMoreProps = { hasMore: boolean; loading: boolean; onLoadMore: () => void };

/** The footer of a cursor-paginated list. */
export function LoadMore({ hasMore, loading, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div className="list-footer">
      <Button variant="secondary" onClick={onLoadMore} loading={loading}>
        {t("ui.loadMore")}
      </Button>
    </div>
  );
}
