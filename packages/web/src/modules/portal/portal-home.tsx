import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../ui";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useSignedInMe } from "../auth/session";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { useProjectList } from "../projects/projects.queries";
import { StageBadge } from "../projects/stage-badge";
import { StageStepper } from "../projects/stage-stepper";
import { DateRange } from "../projects/date-range";
import "../projects/projects.css";
import "./portal.css";

/** A client contact's home: a greeting and the projects they take part in (the API returns only theirs). */
export function PortalHome() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const projects = useProjectList({ sort: "-updatedAt" });
  const items = projects.data?.pages.flatMap((page) => page.items) ?? [];
  useDocumentTitle(t("portal.yourProjects"));

  return (
    <div className="page">
      <div className="portal-hero">
        <p className="portal-greeting">{t("portal.greeting", { name: me.name })}</p>
        <h1>{t("portal.yourProjects")}</h1>
        <p className="muted">{t("portal.intro")}</p>
      </div>
      <QueryContent
        query={projects}
        isEmpty={items.length === 0}
        empty={
          <div className="card">
            <EmptyState icon="◇" title={t("portal.emptyTitle")}>
              {t("portal.emptyBody")}
            </EmptyState>
          </div>
        }
      >
        <ul className="portal-cards">
          {items.map((project) => (
            <li key={project.id}>
              <Link to={`/portal/projects/${project.id}`} className="card portal-card" data-testid="project-card" data-code={project.code}>
                <span className="portal-card-top">
                  <span className="project-code mono">{project.code}</span>
                  <StageBadge stage={project.stage} />
                </span>
                <span className="portal-card-name">{project.name}</span>
                <StageStepper stage={project.stage} />
                <span className="portal-card-meta">
                  <span>
                    <span className="subtle">{t("projects.fields.dates")}</span>
                    <DateRange start={project.startDate} end={project.endDate} />
                  </span>
                  <span>
                    <span className="subtle">{t("portal.yourContact")}</span>
                    <span>{project.managerName ?? t("projects.noManager")}</span>
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <LoadMore hasMore={projects.hasNextPage} loading={projects.isFetchingNextPage} onLoadMore={() => void projects.fetchNextPage()} />
      </QueryContent>
    </div>
  );
}
