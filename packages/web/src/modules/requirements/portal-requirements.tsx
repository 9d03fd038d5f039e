import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { EmptyState, InputField } from "../../ui";
import { formatRelative } from "../../lib/format";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { ClientPriority, RequirementStatusBadge, RequirementTypeLabel } from "./requirement-badges";
import { EMPTY_REQUIREMENT_FILTERS } from "./requirement-filters";
import { portalRequirementPath } from "./requirement-paths";
import { useRequirementList } from "./requirements.queries";
import "./requirements.css";

/**
 * A project's requirements as its client sees them: the ones the team has put in front of the client (the API
 * returns only those), read-only, each opening on its own page with the conversation about it.
 */
export function PortalRequirements({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim());
  const list = useRequirementList(projectId, { ...EMPTY_REQUIREMENT_FILTERS, q });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack">
      <p className="muted">{t("requirements.portal.intro")}</p>
      <div role="search" aria-label={t("requirements.portal.searchLabel")}>
        <InputField label={t("requirements.filters.search")} type="search" value={search} placeholder={t("requirements.filters.searchPlaceholder")} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <QueryContent
        query={list}
        isEmpty={rows.length === 0}
        empty={
          q ? (
            <EmptyState title={t("requirements.noMatchTitle")}>{t("requirements.portal.noMatchBody")}</EmptyState>
          ) : (
            <EmptyState icon="☰" title={t("requirements.portal.emptyTitle")}>
              {t("requirements.portal.emptyBody")}
            </EmptyState>
          )
        }
      >
        <ul className="portal-req-list">
          {rows.map((row) => (
            <li key={row.id} data-testid="portal-requirement" data-key={row.key}>
              <Link to={portalRequirementPath(projectId, row.id)} className="portal-req-item">
                <span className="portal-req-top">
                  <span className="mono subtle">{row.key}</span>
                  <RequirementStatusBadge status={row.status} />
                </span>
                <span className="portal-req-title">{row.title}</span>
                <span className="subtle portal-req-meta">
                  <RequirementTypeLabel type={row.type} />
                  <span aria-hidden="true">·</span>
                  <span data-testid="portal-client-priority">
                    {t("prioritisation.portal.yourPriority")}: <ClientPriority value={row.clientPriority} />
                  </span>
                  <span aria-hidden="true">·</span>
                  <time dateTime={row.updatedAt}>{t("requirements.portal.updated", { when: formatRelative(row.updatedAt, i18n.language) })}</time>
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
