import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { CHANGE_REQUEST_STATUSES, type TChangeRequestStatus, type TChangeRequestSummary } from "@jiaofu/contracts";
import { ButtonLink, Card, DataTable, EmptyState, SelectField, type Column } from "../../ui";
import { formatRelative } from "../../lib/format";
import { isOneOf } from "../../lib/is-one-of";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { ChangeRequestStatusBadge, DecisionBadge, ItemCounts } from "./change-request-badges";
import { formatMoney } from "./change-request-decisions";
import { changeRequestPath, newChangeRequestPath } from "./change-request-paths";
import { useChangeRequestList } from "./change-requests.queries";

export type ChangeRequestsListProps = { projectId: string; canWrite: boolean };

/** The project's change requests, newest first, filtered by status: what changes, where it stands, who decided. */
export function ChangeRequestsList({ projectId, canWrite }: ChangeRequestsListProps) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<TChangeRequestStatus | "">("");
  const list = useChangeRequestList(projectId, status);
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: Column<TChangeRequestSummary>[] = [
    { key: "key", header: t("changeRequests.columns.key"), nowrap: true, render: (cr) => <span className="mono">{cr.key}</span> },
    {
      key: "title",
      header: t("changeRequests.columns.title"),
      primary: true,
      render: (cr) => (
        <Link to={changeRequestPath(projectId, cr.id)} className="strong-link">
          {cr.title}
        </Link>
      ),
    },
    { key: "status", header: t("changeRequests.columns.status"), render: (cr) => <ChangeRequestStatusBadge status={cr.status} /> },
    {
      key: "items",
      header: t("changeRequests.columns.items"),
      render: (cr) => <span className="subtle"><ItemCounts counts={cr.itemCounts} /></span>,
    },
    {
      key: "impact",
      header: t("changeRequests.columns.impact"),
      render: (cr) =>
        cr.impactCost !== null || cr.impactDays !== null ? (
          <span>
            {[cr.impactDays !== null ? t("changeRequests.days", { value: cr.impactDays }) : null, cr.impactCost !== null ? formatMoney(cr.impactCost, cr.currency, i18n.language) : null]
              .filter(Boolean)
              .join(" · ")}
          </span>
        ) : (
          <span className="muted">{t("changeRequests.notEstimated")}</span>
        ),
    },
    {
      key: "decisions",
      header: t("changeRequests.columns.decisions"),
      render: (cr) =>
        cr.status === "draft" || cr.status === "withdrawn" ? (
          <span className="muted">—</span>
        ) : (
          <span className="cr-decision-pair">
            <span className="visually-hidden">{t("changeRequests.decisions.side.manager")}</span>
            <DecisionBadge decision={cr.managerDecision?.decision ?? null} />
            <span className="visually-hidden">{t("changeRequests.decisions.side.client")}</span>
            <DecisionBadge decision={cr.clientDecision?.decision ?? null} />
          </span>
        ),
    },
    { key: "updated", header: t("changeRequests.columns.updated"), nowrap: true, render: (cr) => <time dateTime={cr.updatedAt}>{formatRelative(cr.updatedAt, i18n.language)}</time> },
  ];

  return (
    <Card flush>
      <div className="toolbar" role="search" aria-label={t("changeRequests.filtersLabel")}>
        <SelectField
          fieldClassName="cr-status-filter"
          label={t("changeRequests.columns.status")}
          value={status}
          placeholder={t("changeRequests.allStatuses")}
          options={CHANGE_REQUEST_STATUSES.map((value) => ({ value, label: t(`changeRequests.status.${value}`) }))}
          onChange={(event) => setStatus(isOneOf(CHANGE_REQUEST_STATUSES, event.target.value) ? event.target.value : "")}
          data-testid="cr-status-filter"
        />
        <span className="toolbar-spacer" />
        {canWrite ? (
          <ButtonLink to={newChangeRequestPath(projectId)} variant="primary" data-testid="new-change-request">
            {t("changeRequests.new")}
          </ButtonLink>
        ) : null}
      </div>
      <QueryContent
        query={list}
        isEmpty={rows.length === 0}
        empty={
          status ? (
            <EmptyState title={t("changeRequests.noMatchTitle")}>{t("changeRequests.noMatchBody")}</EmptyState>
          ) : (
            <EmptyState
              icon="±"
              title={t("changeRequests.emptyTitle")}
              action={
                canWrite ? (
                  <ButtonLink to={newChangeRequestPath(projectId)} variant="primary">
                    {t("changeRequests.new")}
                  </ButtonLink>
                ) : undefined
              }
            >
              {t("changeRequests.emptyBody")}
            </EmptyState>
          )
        }
      >
        <DataTable
          caption={t("changeRequests.title")}
          columns={columns}
          rows={rows}
          rowKey={(cr) => cr.id}
          rowProps={(cr) => ({ "data-testid": "cr-row", "data-key": cr.key })}
        />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
      </QueryContent>
    </Card>
  );
}
