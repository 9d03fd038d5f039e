import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { PROJECT_STAGES, type TProjectListItem, type TProjectStage } from "@jiaofu/contracts";
import { Button, Card, DataTable, EmptyState, SearchToolbar, SelectField, type Column } from "../../ui";
import { isOneOf } from "../../lib/is-one-of";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { useClientOptions } from "../clients/clients.queries";
import { PROJECT_SORTS, useProjectList, type TProjectSort } from "./projects.queries";
import { StageBadge } from "./stage-badge";
import { HealthCell } from "../dashboards/health-cell";
import { DateRange } from "./date-range";

export type ProjectsListProps = { onCreate?: (() => void) | undefined };

/** The workspace's projects with search, stage and client filters, sorting and "load more". */
export function ProjectsList({ onCreate }: ProjectsListProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [stage, setStage] = useState<TProjectStage | "">("");
  const [clientId, setClientId] = useState("");
  const [sort, setSort] = useState<TProjectSort>("code");
  const q = useDebouncedValue(search.trim());
  const projects = useProjectList({ q: q || undefined, stage: stage || undefined, clientId: clientId || undefined, sort });
  const clients = useClientOptions();
  const rows = projects.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q || stage || clientId);

  const columns: Column<TProjectListItem>[] = [
    {
      key: "project",
      header: t("projects.columns.project"),
      primary: true,
      render: (project) => (
        <Link to={`/projects/${project.id}`} className="project-link">
          <span className="project-code mono">{project.code}</span>
          <span className="project-name">{project.name}</span>
        </Link>
      ),
    },
    { key: "client", header: t("projects.columns.client"), render: (project) => project.clientName },
    { key: "stage", header: t("projects.columns.stage"), render: (project) => <StageBadge stage={project.stage} /> },
    {
      key: "dates",
      header: t("projects.columns.dates"),
      render: (project) => <DateRange start={project.startDate} end={project.endDate} />,
    },
    {
      key: "manager",
      header: t("projects.columns.manager"),
      render: (project) => project.managerName ?? <span className="muted">{t("projects.noManager")}</span>,
    },
    ...(rows.some((project) => project.health !== null)
      ? [{ key: "health", header: t("projects.columns.health"), render: (project: TProjectListItem) => <HealthCell health={project.health} testId="project-health" /> }]
      : []),
  ];

  return (
    <Card flush>
      <SearchToolbar
        label={t("projects.filtersLabel")}
        searchLabel={t("projects.search")}
        searchPlaceholder={t("projects.searchPlaceholder")}
        search={search}
        onSearchChange={setSearch}
      >
        <SelectField
          label={t("projects.columns.stage")}
          value={stage}
          placeholder={t("projects.allStages")}
          options={PROJECT_STAGES.map((value) => ({ value, label: t(`stage.${value}`) }))}
          onChange={(event) => setStage(isOneOf(PROJECT_STAGES, event.target.value) ? event.target.value : "")}
        />
        <SelectField
          label={t("projects.columns.client")}
          value={clientId}
          placeholder={t("projects.allClients")}
          options={(clients.data ?? []).map((client) => ({ value: client.id, label: client.name }))}
          onChange={(event) => setClientId(event.target.value)}
        />
        <SelectField
          label={t("projects.sortLabel")}
          value={sort}
          options={PROJECT_SORTS.map((value) => ({ value, label: t(`projects.sort.${value}`) }))}
          onChange={(event) => {
            if (isOneOf(PROJECT_SORTS, event.target.value)) setSort(event.target.value);
          }}
        />
      </SearchToolbar>
      <QueryContent
        query={projects}
        isEmpty={rows.length === 0}
        empty={
          filtered ? (
            <EmptyState title={t("projects.noMatchTitle")}>{t("projects.noMatchBody")}</EmptyState>
          ) : (
            <EmptyState
              icon="◇"
              title={t("projects.emptyTitle")}
              action={
                onCreate ? (
                  <Button variant="primary" onClick={onCreate}>
                    {t("projects.new")}
                  </Button>
                ) : undefined
              }
            >
              {t("projects.emptyBody")}
            </EmptyState>
          )
        }
      >
        <DataTable
          caption={t("projects.tableCaption")}
          columns={columns}
          rows={rows}
          rowKey={(project) => project.id}
          rowProps={(project) => ({ "data-testid": "project-row", "data-code": project.code })}
        />
        <LoadMore hasMore={projects.hasNextPage} loading={projects.isFetchingNextPage} onLoadMore={() => void projects.fetchNextPage()} />
      </QueryContent>
    </Card>
  );
}
