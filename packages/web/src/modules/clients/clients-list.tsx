import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TClient } from "@jiaofu/contracts";
import { Button, Card, DataTable, EmptyState, SearchToolbar, type Column } from "../../ui";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { useClientList } from "./clients.queries";

export type ClientsListProps = { onCreate: () => void };

/** Client organisations with their project and contact counts. */
export function ClientsList({ onCreate }: ClientsListProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim());
  const clients = useClientList(q);
  const rows = clients.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: Column<TClient>[] = [
    {
      key: "name",
      header: t("clients.columns.name"),
      primary: true,
      render: (client) => (
        <Link to={`/clients/${client.id}`} className="strong-link">
          {client.name}
        </Link>
      ),
    },
    { key: "industry", header: t("clients.columns.industry"), render: (client) => client.industry || <span className="muted">—</span> },
    { key: "projects", header: t("clients.columns.projects"), align: "end", render: (client) => client.projectCount },
    { key: "contacts", header: t("clients.columns.contacts"), align: "end", render: (client) => client.contactCount },
  ];

  return (
    <Card flush>
      <SearchToolbar
        label={t("clients.searchLabel")}
        searchLabel={t("clients.search")}
        searchPlaceholder={t("clients.searchPlaceholder")}
        search={search}
        onSearchChange={setSearch}
      />
      <QueryContent
        query={clients}
        isEmpty={rows.length === 0}
        empty={
          q ? (
            <EmptyState title={t("clients.noMatchTitle")}>{t("clients.noMatchBody")}</EmptyState>
          ) : (
            <EmptyState
              icon="◇"
              title={t("clients.emptyTitle")}
              action={
                <Button variant="primary" onClick={onCreate}>
                  {t("clients.new")}
                </Button>
              }
            >
              {t("clients.emptyBody")}
            </EmptyState>
          )
        }
      >
        <DataTable
          caption={t("clients.title")}
          columns={columns}
          rows={rows}
          rowKey={(client) => client.id}
          rowProps={(client) => ({ "data-testid": "client-row", "data-name": client.name })}
        />
        <LoadMore hasMore={clients.hasNextPage} loading={clients.isFetchingNextPage} onLoadMore={() => void clients.fetchNextPage()} />
      </QueryContent>
    </Card>
  );
}
