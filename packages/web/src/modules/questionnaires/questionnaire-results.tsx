import { Suspense, lazy, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TMe, TProject, TQuestionResult, TQuestionnaireResults } from "@jiaofu/contracts";
import { api } from "../../api";
import { Button, ButtonLink, Card, EmptyState, LoadingBlock, Spinner, useToast } from "../../ui";
import { isNotFound } from "../../lib/api-errors";
import { formatDateTime } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ErrorPanel } from "../common/error-panel";
import { NotFoundPanel } from "../common/not-found-panel";
import { elicitationPath, questionnairePath } from "../elicitation/elicitation-paths";
import { canRunElicitation } from "../elicitation/elicitation-permissions";
import { RequirementFromSourceDialog } from "../elicitation/requirement-from-source-dialog";
import { quoteExcerpt, titleFromExcerpt } from "../elicitation/requirement-prefill";
import { RequirementRefLink } from "../elicitation/requirement-ref-link";
import { QuestionnaireStatusBadge } from "./questionnaire-status-badge";
import { questionnaireKeys, useQuestionnaire, useQuestionnaireResults } from "./questionnaires.queries";
import { formatMean, formatNps, formatShare } from "./results-model";
import "./questionnaires.css";

// The chart library loads with the first chart, not with the app.
const ChoiceChart = lazy(() => import("./result-charts").then((m) => ({ default: m.ChoiceChart })));
const DistributionChart = lazy(() => import("./result-charts").then((m) => ({ default: m.DistributionChart })));
const NpsBar = lazy(() => import("./result-charts").then((m) => ({ default: m.NpsBar })));

export type QuestionnaireResultsProps = { project: TProject; me: TMe; questionnaireId: string };

/** What the respondents said: counts and response rate, a chart per question, the NPS, and the free-text answers. */
export function QuestionnaireResults({ project, me, questionnaireId }: QuestionnaireResultsProps) {
  const { t, i18n } = useTranslation();
  const questionnaire = useQuestionnaire(questionnaireId);
  const results = useQuestionnaireResults(questionnaireId);
  useDocumentTitle(questionnaire.data ? t("questionnaires.results.pageTitle", { title: questionnaire.data.title }) : t("questionnaires.title"));
  const canWork = canRunElicitation(me, project);

  if (results.isPending || questionnaire.isPending) return <LoadingBlock />;
  if (results.isError || questionnaire.isError) {
    const error = results.error ?? questionnaire.error;
    return isNotFound(error) ? (
      <NotFoundPanel
        title={t("questionnaires.notFoundTitle")}
        body={t("questionnaires.notFoundBody")}
        backTo={elicitationPath(project.id, "questionnaires")}
        backLabel={t("questionnaires.title")}
      />
    ) : (
      <ErrorPanel
        error={error}
        onRetry={() => {
          void results.refetch();
          void questionnaire.refetch();
        }}
      />
    );
  }
  const data = results.data;
  const rate = data.responseRate;

  return (
    <div className="stack results">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={elicitationPath(project.id, "questionnaires")}>{t("questionnaires.title")}</Link>
        <span aria-hidden="true">/</span>
        <Link to={questionnairePath(project.id, questionnaireId)}>{data.title}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{t("questionnaires.results.title")}</span>
      </nav>
      <div className="section-heading">
        <div className="page-title-group">
          <div className="row">
            <h2 className="section-title">{t("questionnaires.results.heading", { title: data.title })}</h2>
            <QuestionnaireStatusBadge status={questionnaire.data.status} />
          </div>
          {data.anonymous ? <p className="subtle">{t("questionnaires.results.anonymous")}</p> : null}
        </div>
        <div className="page-actions">
          <Button size="sm" variant="ghost" loading={results.isRefetching} onClick={() => void results.refetch()}>
            {t("questionnaires.results.refresh")}
          </Button>
          <a className="btn btn-secondary btn-sm" href={api.questionnaires.exportUrl(questionnaireId, "csv")} download data-testid="export-csv">
            {t("questionnaires.results.exportCsv")}
          </a>
          <a className="btn btn-secondary btn-sm" href={api.questionnaires.exportUrl(questionnaireId, "xlsx")} download data-testid="export-xlsx">
            {t("questionnaires.results.exportXlsx")}
          </a>
          <ButtonLink size="sm" variant="secondary" to={questionnairePath(project.id, questionnaireId)}>
            {t("questionnaires.results.edit")}
          </ButtonLink>
        </div>
      </div>

      <div className="result-stats">
        <Stat label={t("questionnaires.results.responses")} value={String(data.responseCount)} testId="response-count">
          {t("questionnaires.results.byChannel", { portal: data.portalResponseCount, public: data.publicResponseCount })}
        </Stat>
        <Stat label={t("questionnaires.results.responseRate")} value={rate ? formatShare(rate.rate, i18n.language) : "—"} testId="response-rate">
          {rate ? t("questionnaires.results.rateDetail", { responded: rate.responded, invited: rate.invited }) : t("questionnaires.results.rateNone")}
        </Stat>
      </div>

      {data.responseCount === 0 ? (
        <Card>
          <EmptyState icon="◌" title={t("questionnaires.results.emptyTitle")}>
            {t("questionnaires.results.emptyBody")}
          </EmptyState>
        </Card>
      ) : null}

      {data.questions.map((question, index) => (
        <QuestionResultCard key={question.questionId} project={project} results={data} question={question} number={index + 1} canWork={canWork} />
      ))}
    </div>
  );
}

function Stat({ label, value, children, testId }: { label: string; value: string; children: ReactNode; testId: string }) {
  return (
    <div className="card result-stat">
      <span className="result-stat-label">{label}</span>
      <span className="result-stat-value" data-testid={testId}>
        {value}
      </span>
      <span className="subtle">{children}</span>
    </div>
  );
}

type QuestionResultCardProps = { project: TProject; results: TQuestionnaireResults; question: TQuestionResult; number: number; canWork: boolean };

function QuestionResultCard({ project, results, question, number, canWork }: QuestionResultCardProps) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      as="article"
      title={`${number}. ${question.text}`}
      titleLevel={3}
      className="question-result"
      data-testid="question-result"
      data-kind={question.kind}
    >
      <p className="subtle question-result-meta">
        {t(`questionnaires.kinds.${question.kind}`)} · {t("questionnaires.results.answeredSkipped", { answered: question.answered, skipped: question.skipped })}
      </p>
      <Suspense fallback={<Spinner />}>
        <QuestionResultBody project={project} results={results} question={question} canWork={canWork} locale={i18n.language} />
      </Suspense>
    </Card>
  );
}

function QuestionResultBody({ project, results, question, canWork, locale }: Omit<QuestionResultCardProps, "number"> & { locale: string }) {
  const { t } = useTranslation();
  switch (question.kind) {
    case "single_choice":
    case "multiple_choice":
      return (
        <>
          <ChoiceChart options={question.options} />
          {/* A table cannot shrink below its content: hide its wrapper, or it widens the page. */}
          <div className="visually-hidden">
            <table>
              <caption>{question.text}</caption>
              <tbody>
                {question.options.map((option) => (
                  <tr key={option.optionId}>
                    <th scope="row">{option.label}</th>
                    <td>{t("questionnaires.results.countShare", { count: option.count, share: formatShare(option.share, locale) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      );
    case "rating":
      return (
        <div className="result-with-figure">
          <div className="result-figure">
            <span className="result-figure-value" data-testid="rating-mean">
              {formatMean(question.mean, locale)}
            </span>
            <span className="subtle">{t("questionnaires.results.meanOf", { max: 5 })}</span>
          </div>
          <div className="result-chart">
            <DistributionChart distribution={question.distribution} kind="rating" />
            <DistributionTable distribution={question.distribution} caption={question.text} />
          </div>
        </div>
      );
    case "nps":
      return (
        <div className="result-with-figure">
          <div className="result-figure">
            <span className="result-figure-label">{t("questionnaires.results.npsLabel")}</span>
            <span className={`result-figure-value nps-score ${question.score === null ? "" : question.score >= 0 ? "nps-positive" : "nps-negative"}`} data-testid="nps-score">
              {formatNps(question.score)}
            </span>
            <span className="subtle">{t("questionnaires.results.npsRange")}</span>
          </div>
          <div className="result-chart stack">
            <NpsBar promoters={question.promoters} passives={question.passives} detractors={question.detractors} />
            <ul className="nps-legend">
              <li>
                <span className="legend-dot legend-promoter" aria-hidden="true" />
                {t("questionnaires.results.promotersCount", { count: question.promoters })}
              </li>
              <li>
                <span className="legend-dot legend-passive" aria-hidden="true" />
                {t("questionnaires.results.passivesCount", { count: question.passives })}
              </li>
              <li>
                <span className="legend-dot legend-detractor" aria-hidden="true" />
                {t("questionnaires.results.detractorsCount", { count: question.detractors })}
              </li>
            </ul>
            <DistributionChart distribution={question.distribution} kind="nps" />
            <DistributionTable distribution={question.distribution} caption={question.text} />
          </div>
        </div>
      );
    case "free_text":
      return <FreeTextAnswers project={project} results={results} question={question} canWork={canWork} />;
  }
}

function DistributionTable({ distribution, caption }: { distribution: { value: number; count: number }[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <tbody>
          {distribution.map((point) => (
            <tr key={point.value}>
              <th scope="row">{point.value}</th>
              <td>{t("questionnaires.results.responsesCount", { count: point.count })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type FreeTextAnswersProps = { project: TProject; results: TQuestionnaireResults; question: Extract<TQuestionResult, { kind: "free_text" }>; canWork: boolean };

/** The answers as written, newest first, each with the requirements made from it and a way to make one. */
function FreeTextAnswers({ project, results, question, canWork }: FreeTextAnswersProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [turning, setTurning] = useState<(typeof question.answers)[number] | null>(null);
  if (question.answers.length === 0) return <p className="subtle">{t("questionnaires.results.noTextAnswers")}</p>;
  return (
    <>
      <ul className="free-text-list">
        {question.answers.map((answer) => (
          <li key={answer.responseId} className="free-text-answer" data-testid="free-text-answer">
            <blockquote className="pre-wrap">{answer.text}</blockquote>
            <div className="free-text-meta">
              <span className="subtle">
                {answer.respondentName ?? t("questionnaires.results.unnamed")} · {formatDateTime(answer.submittedAt, i18n.language)}
              </span>
              <span className="row">
                {answer.requirements.map((requirement) => (
                  <RequirementRefLink key={requirement.id} projectId={project.id} requirement={requirement} />
                ))}
                {canWork ? (
                  <Button size="sm" variant="secondary" onClick={() => setTurning(answer)} data-testid="answer-to-requirement">
                    {t("questionnaires.results.toRequirement")}
                  </Button>
                ) : null}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {turning ? (
        <RequirementFromSourceDialog
          open
          onClose={() => setTurning(null)}
          title={t("questionnaires.results.toRequirement")}
          excerpt={turning.text}
          initial={{
            title: titleFromExcerpt(turning.text),
            description: quoteExcerpt(turning.text, t("questionnaires.results.answerOrigin", { title: results.title, question: question.text })),
            type: "functional",
          }}
          create={async (fields) => {
            const made = await api.questionnaires.createRequirementFromAnswer(results.questionnaireId, turning.responseId, question.questionId, fields);
            return made.requirement;
          }}
          onCreated={async (requirement) => {
            toast.show(t("elicitation.notes.requirementCreated", { key: requirement.key }), "success");
            await queryClient.invalidateQueries({ queryKey: questionnaireKeys.results(results.questionnaireId) });
            await queryClient.invalidateQueries({ queryKey: ["requirements"] });
          }}
        />
      ) : null}
    </>
  );
}
