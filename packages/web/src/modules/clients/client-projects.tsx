import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../ui";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { useProjectList } from "../projects/projects.queries";
import { StageBadge } from "../projects/stage-badge";
import { DateRange } from "../projects/date-range";

/** The client's projects, newest activity first. */
export function ClientProjects({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const projects = useProjectList({ clientId, sort: "-updatedAt" });
  const items = projects.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <QueryContent
      query={projects}
      isEmpty={items.length === 0}
      empty={<EmptyState title={t("clientDetail.noProjectsTitle")}>{t("clientDetail.noProjectsBody")}</EmptyState>}
    >
      <ul className="link-list">
        {items.map((project) => (
          <li key={project.id} data-testid="project-row" data-code={project.code}>
            <Link to={`/projects/${project.id}`} className="project-link">
              <span className="project-code mono">{project.code}</span>
              <span className="project-name">{project.name}</span>
            </Link>
            <span className="link-list-meta">
              <DateRange start={project.startDate} end={project.endDate} />
              <StageBadge stage={project.stage} />
            </span>
          </li>
        ))}
      </ul>
      <LoadMore hasMore={projects.hasNextPage} loading={projects.isFetchingNextPage} onLoadMore={() => void projects.fetchNextPage()} />
    </QueryContent>
  );
}
