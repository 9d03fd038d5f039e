import { NavLink } from "react-router";
import { useTranslation } from "react-i18next";
import type { TProject } from "@jiaofu/contracts";
import { PROJECT_SECTIONS, isUpcomingSection, sectionOfStage, sectionPath } from "./project-sections";

/** The secondary navigation of a project page: one entry per life-cycle area, the current stage marked. */
export function ProjectSectionNav({ project }: { project: TProject }) {
  const { t } = useTranslation();
  const current = sectionOfStage(project.stage);
  return (
    <nav className="section-nav" aria-label={t("projectNav.label")}>
      <ul>
        {PROJECT_SECTIONS.map((section) => (
          <li key={section}>
            <NavLink
              to={sectionPath(project.id, section)}
              end
              className={({ isActive }) => (isActive ? "section-nav-link active" : "section-nav-link")}
            >
              <span>{t(`projectNav.${section}`)}</span>
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
