import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Button, Card, LoadingBlock, Tabs, type TabItem } from "../../ui";
import { isNotFound } from "../../lib/api-errors";
import { useDocumentTitle } from "../../lib/use-document-title";
import { isAdmin, useSignedInMe } from "../auth/session";
import { ActivityPanel } from "../collaboration/activity-panel";
import { CommentsPanel } from "../collaboration/comments-panel";
import { ErrorPanel } from "../common/error-panel";
import { NotFoundPanel } from "../common/not-found-panel";
import { NewProjectDialog } from "../projects/new-project-dialog";
import "../projects/projects.css";
import { ClientContacts } from "./client-contacts";
import { ClientDetailsForm } from "./client-details-form";
import { ClientProjects } from "./client-projects";
import { useClient } from "./clients.queries";

type ClientTab = "projects" | "comments" | "activity";

/** One client organisation: details, contacts, projects, discussion and history. */
export function ClientDetail({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const client = useClient(clientId);
  const [formKey, setFormKey] = useState(0);
  const [tab, setTab] = useState<ClientTab>("projects");
  const [creatingProject, setCreatingProject] = useState(false);
  useDocumentTitle(client.data?.name ?? t("clients.title"));

  if (client.isPending) return <LoadingBlock />;
  if (client.isError) {
    return isNotFound(client.error) ? (
      <NotFoundPanel title={t("clientDetail.notFoundTitle")} body={t("clientDetail.notFoundBody")} backTo="/clients" backLabel={t("nav.clients")} />
    ) : (
      <ErrorPanel error={client.error} onRetry={() => void client.refetch()} />
    );
  }

  const tabs: TabItem<ClientTab>[] = [
    { id: "projects", label: t("clientDetail.projects"), count: client.data.projectCount },
    { id: "comments", label: t("clientDetail.comments") },
    { id: "activity", label: t("clientDetail.activity") },
  ];

  return (
    <div className="page">
      <div className="page-header">
        <div className="page-title-group">
          <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
            <Link to="/clients">{t("nav.clients")}</Link>
            <span aria-hidden="true">/</span>
            <span aria-current="page">{client.data.name}</span>
          </nav>
          <h1>{client.data.name}</h1>
          {client.data.industry ? <p className="muted">{client.data.industry}</p> : null}
        </div>
        <div className="page-actions">
          <Button variant="primary" onClick={() => setCreatingProject(true)}>
            {t("projects.new")}
          </Button>
        </div>
      </div>
      <div className="detail-grid">
        <div className="stack">
          <Card title={t("clientDetail.details")}>
            <ClientDetailsForm key={formKey} client={client.data} onReset={() => setFormKey((key) => key + 1)} />
          </Card>
          <Card>
            <Tabs items={tabs} value={tab} onChange={setTab} label={t("clientDetail.tabsLabel")}>
              {tab === "projects" ? (
                <ClientProjects clientId={clientId} />
              ) : tab === "comments" ? (
                <CommentsPanel entityType="client" entityId={clientId} canComment meId={me.id} canModerate={isAdmin(me)} />
              ) : (
                <ActivityPanel entityType="client" entityId={clientId} />
              )}
            </Tabs>
          </Card>
        </div>
        <ClientContacts client={client.data} />
      </div>
      <NewProjectDialog open={creatingProject} onClose={() => setCreatingProject(false)} clientId={clientId} />
    </div>
  );
}
