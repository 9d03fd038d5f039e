import { useCallback, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { TProject, TRequirementDetail } from "@jiaofu/contracts";
import { Card, LoadingBlock, Tabs, type TabItem } from "../../ui";
import { isNotFound } from "../../lib/api-errors";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ActivityPanel } from "../collaboration/activity-panel";
import { AttachmentsPanel } from "../collaboration/attachments-panel";
import { CommentsPanel } from "../collaboration/comments-panel";
import { ErrorPanel } from "../common/error-panel";
import { NotFoundPanel } from "../common/not-found-panel";
import { ClientConfirmationPanel } from "../client-confirmation/client-confirmation-panel";
import { PriorityCard } from "../prioritisation/priority-card";
import { useRequirementActivityVocabulary } from "./requirement-activity";
import { MoscowBadge, RequirementStatusBadge } from "./requirement-badges";
import { RequirementEditForm } from "./requirement-edit-form";
import { RequirementHistory } from "./requirement-history";
import { RequirementProposals } from "./requirement-proposals";
import { registerPath } from "./requirement-paths";
import type { RequirementPermissions } from "./requirement-permissions";
import { RequirementRelations } from "./requirement-relations";
import { RequirementSources } from "./requirement-sources";
import { RequirementSummary } from "./requirement-summary";
import { RequirementWorkflow } from "./requirement-workflow";
import { useRequirement } from "./requirements.queries";

const DETAIL_TABS = ["history", "comments", "files", "activity"] as const;
type DetailTab = (typeof DETAIL_TABS)[number];
const isDetailTab = (value: string | null): value is DetailTab => value !== null && (DETAIL_TABS as readonly string[]).includes(value);

export type RequirementDetailProps = { project: TProject; requirementId: string; can: RequirementPermissions };

/** One requirement on the staff side: what it says (editable), its workflow, sources, relations and history. */
export function RequirementDetail({ project, requirementId, can }: RequirementDetailProps) {
  const { t } = useTranslation();
  const requirement = useRequirement(requirementId);
  useDocumentTitle(requirement.data ? `${requirement.data.key} ${requirement.data.title}` : t("requirements.title"));

  if (requirement.isPending) return <LoadingBlock />;
  if (requirement.isError) {
    return isNotFound(requirement.error) ? (
      <NotFoundPanel title={t("requirements.notFoundTitle")} body={t("requirements.notFoundBody")} backTo={registerPath(project.id)} backLabel={t("requirements.backToRegister")} />
    ) : (
      <ErrorPanel error={requirement.error} onRetry={() => void requirement.refetch()} />
    );
  }
  if (requirement.data.projectId !== project.id) {
    return <NotFoundPanel title={t("requirements.notFoundTitle")} body={t("requirements.notFoundBody")} backTo={registerPath(project.id)} backLabel={t("requirements.backToRegister")} />;
  }
  return <RequirementDetailContent project={project} requirement={requirement.data} can={can} />;
}

function RequirementDetailContent({ project, requirement, can }: { project: TProject; requirement: TRequirementDetail; can: RequirementPermissions }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: DetailTab = isDetailTab(requested) && (requested !== "activity" || can.readAudit) ? requested : "history";
  const [formKey, setFormKey] = useState(0);
  const [dirty, setDirty] = useState(false);
  const handleDirtyChange = useCallback((value: boolean) => setDirty(value), []);
  const activityVocabulary = useRequirementActivityVocabulary();

  const items: TabItem<DetailTab>[] = [
    { id: "history", label: t("requirements.tabs.history") },
    { id: "comments", label: t("requirements.tabs.comments") },
    { id: "files", label: t("requirements.tabs.files") },
  ];
  if (can.readAudit) items.push({ id: "activity", label: t("requirements.tabs.activity") });

  return (
    <div className="stack requirement-detail">
      <header className="requirement-header">
        <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
          <Link to={registerPath(project.id)}>{t("requirements.registerTitle")}</Link>
          <span aria-hidden="true">/</span>
          <span className="mono" aria-current="page">
            {requirement.key}
          </span>
        </nav>
        <div className="requirement-title-row">
          <span className="requirement-key mono">{requirement.key}</span>
          <h2 className="requirement-title" data-testid="requirement-heading">
            {requirement.title}
          </h2>
          <RequirementStatusBadge status={requirement.status} />
          <MoscowBadge moscow={requirement.moscow} />
        </div>
      </header>
      {/* In reading order: what it says, where it stands (beside it on wide screens), then its history and discussion. */}
      <div className="requirement-grid">
        <Card title={t("requirements.detailsTitle")} className="requirement-main">
          {can.write ? (
            <RequirementEditForm
              // A new version (a save, a move, a reload) starts the form afresh from it.
              key={`${formKey}-${requirement.version}`}
              requirement={requirement}
              onReset={() => setFormKey((k) => k + 1)}
              onDirtyChange={handleDirtyChange}
            />
          ) : (
            <RequirementSummary requirement={requirement} />
          )}
        </Card>
        <div className="stack requirement-side">
          <Card title={t("requirements.workflow.title")} titleLevel={3}>
            <RequirementWorkflow requirement={requirement} canWrite={can.write} blocked={dirty} />
          </Card>
          <Card title={t("confirmations.team.title")} titleLevel={3}>
            <ClientConfirmationPanel requirement={requirement} />
          </Card>
          <Card title={t("requirements.sources.title")} titleLevel={3}>
            <RequirementSources projectId={project.id} sources={requirement.sources} />
          </Card>
          <Card title={t("requirements.relations.title")} titleLevel={3}>
            <RequirementRelations requirement={requirement} canWrite={can.write} />
          </Card>
          {can.internal ? (
            <Card title={t("prioritisation.title")} titleLevel={3}>
              <PriorityCard requirement={requirement} canWrite={can.write} />
            </Card>
          ) : null}
          {can.internal ? (
            <Card title={t("requirements.analysis.title")} titleLevel={3} data-testid="proposals-panel">
              <RequirementProposals requirement={requirement} canWrite={can.write} />
            </Card>
          ) : null}
        </div>
        <Card className="requirement-tabs">
          <Tabs items={items} value={tab} onChange={(next) => setParams(next === "history" ? {} : { tab: next }, { replace: true })} label={t("requirements.tabs.label")}>
            {tab === "history" ? (
              <RequirementHistory requirementId={requirement.id} />
            ) : tab === "comments" ? (
              <CommentsPanel entityType="requirement" entityId={requirement.id} canComment={can.comment} meId={can.meId} canModerate={can.admin} />
            ) : tab === "files" ? (
              <AttachmentsPanel
                entityType="requirement"
                entityId={requirement.id}
                canUpload={can.attach}
                canDelete={(attachment) => attachment.uploaderId === can.meId || can.moderate}
              />
            ) : (
              <ActivityPanel entityType="requirement" entityId={requirement.id} vocabulary={activityVocabulary} />
            )}
          </Tabs>
        </Card>
      </div>
    </div>
  );
}
