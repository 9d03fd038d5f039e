import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../ui";
import { formatRelative } from "../../lib/format";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { ChangeRequestStatusBadge, DecisionBadge, ItemCounts } from "./change-request-badges";
import { portalChangeRequestPath } from "./change-request-paths";
import { useChangeRequestList } from "./change-requests.queries";
import "../requirements/requirements.css";
import "./change-requests.css";

/**
 * A project's change requests as its client sees them: those the team submitted (the API returns only those), the
 * ones waiting for the client's decision marked, each opening on its own page to read and decide.
 */
export function PortalChangeRequests({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const list = useChangeRequestList(projectId, "");
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack">
      <p className="muted">{t("changeRequests.portal.intro")}</p>
      <QueryContent
        query={list}
        isEmpty={rows.length === 0}
        empty={
          <EmptyState icon="±" title={t("changeRequests.portal.emptyTitle")}>
            {t("changeRequests.portal.emptyBody")}
          </EmptyState>
        }
      >
        <ul className="portal-req-list">
          {rows.map((cr) => (
            <li key={cr.id} data-testid="portal-cr" data-key={cr.key}>
              <Link to={portalChangeRequestPath(projectId, cr.id)} className="portal-req-item">
                <span className="portal-req-top">
                  <span className="mono subtle">{cr.key}</span>
                  <ChangeRequestStatusBadge status={cr.status} />
                  {cr.status === "submitted" && cr.clientDecision === null ? <DecisionBadge decision={null} /> : null}
                </span>
                <span className="portal-req-title">{cr.title}</span>
                <span className="subtle portal-req-meta">
                  <ItemCounts counts={cr.itemCounts} />
                  <span aria-hidden="true">·</span>
                  <time dateTime={cr.updatedAt}>{t("changeRequests.portal.updated", { when: formatRelative(cr.updatedAt, i18n.language) })}</time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
      </QueryContent>
    </div>
  );
}
