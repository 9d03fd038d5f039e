import { useTranslation } from "react-i18next";
import type { TProject } from "@jiaofu/contracts";
import { MarkdownText } from "../../ui";

/**
 * The project's description, read-only (for viewers and client contacts). Stage, dates and manager are in the page
 * header above it.
 */
export function ProjectSummary({ project }: { project: TProject }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="project-description">
      <h3 className="subheading" id="project-description">
        {t("projects.fields.description")}
      </h3>
      {project.description ? <MarkdownText text={project.description} /> : <p className="muted">{t("projects.noDescription")}</p>}
    </section>
  );
}
