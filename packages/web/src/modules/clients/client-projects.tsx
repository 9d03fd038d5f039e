import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { EmptyState, LoadingBlock } from "../../ui";
import { ErrorPanel } from "../common/error-panel";
import { LoadMore } from "../common/load-more";
import { useProjectList } from "../projects/projects.queries";
import { StageBadge } from "../projects/stage-badge";
import { DateRange } from "../projects/date-range";

/** The client's projects, newest activity first. */
export function ClientProjects({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const projects = useProjectList({ clientId, sort: "-updatedAt" });
  const items = projects.data?.pages.flatMap((page) => page.items) ?? [];
  if (projects.isPending) return <LoadingBlock />;
  if (projects.isError) return <ErrorPanel error={projects.error} onRetry={() => void projects.refetch()} />;
  if (items.length === 0) return <EmptyState title={t("clientDetail.noProjectsTitle")}>{t("clientDetail.noProjectsBody")}</EmptyState>;
  return (
    <>
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
    </>
  );
}
