import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../ui";
import { useDocumentTitle } from "../lib/use-document-title";
import { useSignedInMe } from "../modules/auth/session";
import { NewProjectDialog } from "../modules/projects/new-project-dialog";
import { ProjectsList } from "../modules/projects/projects-list";
import "../modules/projects/projects.css";

export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t("projects.title"));
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-title-group">
          <span className="page-eyebrow">{me.workspace.name}</span>
          <h1>{t("projects.title")}</h1>
        </div>
        <div className="page-actions">
          <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-project">
            {t("projects.new")}
          </Button>
        </div>
      </div>
      <ProjectsList onCreate={() => setCreating(true)} />
      <NewProjectDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
