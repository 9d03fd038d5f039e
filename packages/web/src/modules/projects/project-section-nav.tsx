import { NavLink } from "react-router";
import { useTranslation } from "react-i18next";
import type { TProject } from "@jiaofu/contracts";
import { PROJECT_SECTIONS, isSubSection, isUpcomingSection, sectionHasSubPages, sectionOfStage, sectionPath } from "./project-sections";

/** The secondary navigation of a project page: one entry per life-cycle area, the current stage marked. */
export function ProjectSectionNav({ project }: { project: TProject }) {
  const { t } = useTranslation();
  const current = sectionOfStage(project.stage);
  return (
    <nav className="section-nav" aria-label={t("projectNav.label")}>
      <ul>
        {PROJECT_SECTIONS.map((section) => (
          <li key={section} className={isSubSection(section) ? "section-nav-sub" : undefined}>
            <NavLink
              to={sectionPath(project.id, section)}
              end={!sectionHasSubPages(section)}
              className={({ isActive }) => (isActive ? "section-nav-link active" : "section-nav-link")}
            >
              <span>{section === "elicitation" ? t("elicitation.nav") : t(`projectNav.${section}`)}</span>
              {section === current ? (
                <span className="section-nav-current" title={t("projectNav.currentStage")}>
                  <span className="visually-hidden">{t("projectNav.currentStage")}</span>
                </span>
              ) : isUpcomingSection(section) ? (
                <span className="section-nav-soon">{t("projectNav.soon")}</span>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
