import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { TMe, TProject } from "@jiaofu/contracts";
import { LoadingBlock } from "../../ui";
import { isNotFound } from "../../lib/api-errors";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ErrorPanel } from "../common/error-panel";
import { NotFoundPanel } from "../common/not-found-panel";
import { ChangeRequestDetail } from "./change-request-detail";
import { ChangeRequestForm } from "./change-request-form";
import { changeRequestPath, changeRequestsPath } from "./change-request-paths";
import { changeRequestPermissions } from "./change-request-permissions";
import { ChangeRequestsList } from "./change-requests-list";
import { useChangeRequest } from "./change-requests.queries";
import "./change-requests.css";

/** What the change requests area of a project shows, from its address. */
export type ChangeRequestsView = { kind: "list" } | { kind: "new" } | { kind: "detail"; changeRequestId: string } | { kind: "edit"; changeRequestId: string };

export type ChangeRequestsAreaProps = { project: TProject; me: TMe; view: ChangeRequestsView };

/** The change requests of a project on the staff side: the list, a new request, one request, or its edit form. */
export function ChangeRequestsArea({ project, me, view }: ChangeRequestsAreaProps) {
  const { t } = useTranslation();
  const can = changeRequestPermissions(me, project);
  switch (view.kind) {
    case "list":
      return (
        <div className="stack">
          <p className="muted">{t("changeRequests.intro")}</p>
          <ChangeRequestsList projectId={project.id} canWrite={can.write} />
        </div>
      );
    case "new":
      return can.write ? <NewChangeRequest project={project} /> : <Forbidden projectId={project.id} />;
    case "detail":
      return <ChangeRequestDetail key={view.changeRequestId} project={project} changeRequestId={view.changeRequestId} can={can} />;
    case "edit":
      return can.write ? <EditChangeRequest key={view.changeRequestId} project={project} changeRequestId={view.changeRequestId} /> : <Forbidden projectId={project.id} />;
  }
}

function Forbidden({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  return <NotFoundPanel title={t("changeRequests.forbiddenTitle")} body={t("changeRequests.forbiddenBody")} backTo={changeRequestsPath(projectId)} backLabel={t("changeRequests.backToList")} />;
}

/** The way back from a form: the list, and the request being edited (`parent`). */
function FormHeader({ projectId, parent }: { projectId: string; parent?: { to: string; label: string } }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
      <Link to={changeRequestsPath(projectId)}>{t("changeRequests.title")}</Link>
      <span aria-hidden="true">/</span>
      {parent ? (
        <>
          <Link to={parent.to} className="mono">
            {parent.label}
          </Link>
          <span aria-hidden="true">/</span>
          <span aria-current="page">{t("changeRequests.form.editCrumb")}</span>
        </>
      ) : (
        <span aria-current="page">{t("changeRequests.form.newCrumb")}</span>
      )}
    </nav>
  );
}

function NewChangeRequest({ project }: { project: TProject }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useDocumentTitle(t("changeRequests.form.newLabel"));
  return (
    <div className="stack">
      <FormHeader projectId={project.id} />
      <h2 className="section-title">{t("changeRequests.form.newLabel")}</h2>
      <ChangeRequestForm mode="create" project={project} modifyRequirementId={params.get("modify")} />
    </div>
  );
}

function EditChangeRequest({ project, changeRequestId }: { project: TProject; changeRequestId: string }) {
  const { t } = useTranslation();
  const changeRequest = useChangeRequest(changeRequestId);
  useDocumentTitle(changeRequest.data ? t("changeRequests.form.editLabel", { key: changeRequest.data.key }) : t("changeRequests.title"));
  if (changeRequest.isPending) return <LoadingBlock />;
  if (changeRequest.isError || changeRequest.data.projectId !== project.id) {
    return changeRequest.isError && !isNotFound(changeRequest.error) ? (
      <ErrorPanel error={changeRequest.error} onRetry={() => void changeRequest.refetch()} />
    ) : (
      <NotFoundPanel title={t("changeRequests.notFoundTitle")} body={t("changeRequests.notFoundBody")} backTo={changeRequestsPath(project.id)} backLabel={t("changeRequests.backToList")} />
    );
  }
  const cr = changeRequest.data;
  if (cr.status !== "draft" && cr.status !== "submitted") {
    return <NotFoundPanel title={t("changeRequests.closedTitle", { key: cr.key })} body={t("changeRequests.closedBody")} backTo={changeRequestPath(project.id, cr.id)} backLabel={cr.key} />;
  }
  return (
    <div className="stack">
      <FormHeader projectId={project.id} parent={{ to: changeRequestPath(project.id, cr.id), label: cr.key }} />
      <h2 className="section-title">{t("changeRequests.form.editLabel", { key: cr.key })}</h2>
      <ChangeRequestForm mode="edit" project={project} changeRequest={cr} />
    </div>
  );
}
