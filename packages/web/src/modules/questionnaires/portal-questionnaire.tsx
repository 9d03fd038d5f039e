import { Link } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError } from "@jiaofu/contracts";
import { api } from "../../api";
import { ButtonLink, EmptyState, LoadingBlock } from "../../ui";
import { apiMessageOf, isNotFound } from "../../lib/api-errors";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ErrorPanel } from "../common/error-panel";
import { NotFoundPanel } from "../common/not-found-panel";
import { QuestionnaireForm } from "./questionnaire-form";
import { questionnaireKeys, usePortalForm } from "./questionnaires.queries";
import "./questionnaires.css";

export type PortalQuestionnaireProps = { projectId: string; questionnaireId: string };

/** A client contact answers a questionnaire in the portal, with the same form as the public link. */
export function PortalQuestionnaire({ projectId, questionnaireId }: PortalQuestionnaireProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = usePortalForm(questionnaireId);
  const projectPath = `/portal/projects/${projectId}`;
  useDocumentTitle(form.data?.title ?? t("questionnaires.portal.title"));
  const back = (
    <ButtonLink to={projectPath} variant="secondary">
      {t("questionnaires.portal.backToProject")}
    </ButtonLink>
  );

  let content;
  if (form.isPending) content = <LoadingBlock />;
  else if (form.isError) {
    if (form.error instanceof ApiError && form.error.status === 410) {
      content = (
        <EmptyState icon="◔" title={t("questionnaires.public.unavailableTitle")} action={back}>
          {apiMessageOf(form.error)}
        </EmptyState>
      );
    } else if (isNotFound(form.error)) {
      return <NotFoundPanel title={t("questionnaires.notFoundTitle")} body={t("questionnaires.notFoundBody")} backTo={projectPath} backLabel={t("questionnaires.portal.backToProject")} />;
    } else content = <ErrorPanel error={form.error} onRetry={() => void form.refetch()} />;
  } else if (form.data.answeredByMe && form.data.onePerRespondent) {
    content = (
      <EmptyState icon="✓" title={t("questionnaires.public.alreadyTitle")} action={back}>
        {t("questionnaires.portal.alreadyBody")}
      </EmptyState>
    );
  } else {
    content = (
      <QuestionnaireForm
        form={form.data}
        askName={false}
        submit={(body) => api.questionnaires.respond(questionnaireId, body)}
        onSubmitted={() => void queryClient.invalidateQueries({ queryKey: questionnaireKeys.project(projectId) })}
        after={back}
      />
    );
  }

  return (
    <div className="page portal-answer">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={projectPath}>{t("questionnaires.portal.backToProject")}</Link>
      </nav>
      <div className="card public-card portal-answer-card">{content}</div>
    </div>
  );
}
