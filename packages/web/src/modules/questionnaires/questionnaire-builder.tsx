import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { QUESTION_KIND_VALUES, type TMe, type TProject, type TQuestionnaire, type TQuestionnaireStatus } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, ButtonLink, Card, InputField, LoadingBlock, TextareaField, useToast } from "../../ui";
import { fieldErrorsOf, isNotFound } from "../../lib/api-errors";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ConfirmDialog } from "../common/confirm-dialog";
import { CopyField } from "../common/copy-field";
import { ErrorPanel } from "../common/error-panel";
import { FormErrorBanner } from "../common/form-error-banner";
import { NotFoundPanel } from "../common/not-found-panel";
import { elicitationPath, questionnaireResultsPath } from "../elicitation/elicitation-paths";
import { canRunElicitation } from "../elicitation/elicitation-permissions";
import { MarkdownField } from "../elicitation/markdown-field";
import { builderChanges, builderDraftOf, errorsUnder, unplacedErrors, type BuilderDraft } from "./builder-draft";
import {
  addQuestion,
  addSection,
  dropQuestion,
  moveQuestion,
  moveSection,
  newQuestion,
  questionCount,
  questionStep,
  removeQuestion,
  removeSection,
  replaceQuestion,
  updateSection,
  type Definition,
} from "./builder-model";
import { QuestionEditor } from "./question-editor";
import { QuestionnaireForm } from "./questionnaire-form";
import { QuestionnaireStatusBadge } from "./questionnaire-status-badge";
import { questionnaireKeys, useQuestionnaire } from "./questionnaires.queries";
import "./questionnaires.css";

export type QuestionnaireBuilderProps = { project: TProject; me: TMe; questionnaireId: string };

/** The questionnaire builder: sections and questions, who answers and when, publishing and the public link. */
export function QuestionnaireBuilder({ project, me, questionnaireId }: QuestionnaireBuilderProps) {
  const { t } = useTranslation();
  const questionnaire = useQuestionnaire(questionnaireId);
  const [formKey, setFormKey] = useState(0);
  useDocumentTitle(questionnaire.data?.title ?? t("questionnaires.title"));

  if (questionnaire.isPending) return <LoadingBlock />;
  if (questionnaire.isError) {
    return isNotFound(questionnaire.error) ? (
      <NotFoundPanel
        title={t("questionnaires.notFoundTitle")}
        body={t("questionnaires.notFoundBody")}
        backTo={elicitationPath(project.id, "questionnaires")}
        backLabel={t("questionnaires.title")}
      />
    ) : (
      <ErrorPanel error={questionnaire.error} onRetry={() => void questionnaire.refetch()} />
    );
  }
  return (
    <BuilderEditor
      key={`${questionnaire.data.id}:${formKey}`}
      project={project}
      questionnaire={questionnaire.data}
      canWork={canRunElicitation(me, project)}
      onReset={() => setFormKey((k) => k + 1)}
    />
  );
}

type BuilderEditorProps = { project: TProject; questionnaire: TQuestionnaire; canWork: boolean; onReset: () => void };

type DragState = { questionId: string; over: string | null } | null;

function BuilderEditor({ project, questionnaire, canWork, onReset }: BuilderEditorProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [base] = useState(() => builderDraftOf(questionnaire));
  const [draft, setDraft] = useState<BuilderDraft>(base);
  // The version the builder opened on; a new public link moves it on without touching what is being edited.
  const [version, setVersion] = useState(questionnaire.version);
  const [drag, setDrag] = useState<DragState>(null);
  const [preview, setPreview] = useState(false);
  const [confirm, setConfirm] = useState<"regenerate" | "delete" | null>(null);
  const changes = builderChanges(base, draft);
  const dirty = Object.keys(changes).length > 0;
  const set = <K extends keyof BuilderDraft>(key: K, value: BuilderDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const setDefinition = (update: (definition: Definition) => Definition) => setDraft((current) => ({ ...current, definition: update(current.definition) }));

  async function applySaved(updated: TQuestionnaire) {
    queryClient.setQueryData(questionnaireKeys.detail(updated.id), updated);
    await queryClient.invalidateQueries({ queryKey: questionnaireKeys.project(project.id) });
    onReset();
  }

  const save = useMutation({
    mutationFn: (status?: TQuestionnaireStatus) => api.questionnaires.update(questionnaire.id, { ...changes, ...(status ? { status } : {}), version }),
    onSuccess: async (updated, status) => {
      toast.show(status ? t(`questionnaires.builder.statusChanged.${status}`) : t("ui.saved"), "success");
      await applySaved(updated);
    },
  });
  const regenerate = useMutation({
    mutationFn: () => api.questionnaires.regeneratePublicLink(questionnaire.id),
    onSuccess: async (updated) => {
      setConfirm(null);
      toast.show(t("questionnaires.sharing.regenerated"), "success");
      // Keep unsaved edits: only the link changed on the server, but the version moved on.
      queryClient.setQueryData(questionnaireKeys.detail(updated.id), updated);
      setVersion(updated.version);
    },
  });
  const remove = useMutation({
    mutationFn: () => api.questionnaires.remove(questionnaire.id, questionnaire.version),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: questionnaireKeys.detail(questionnaire.id) });
      await queryClient.invalidateQueries({ queryKey: questionnaireKeys.project(project.id) });
      toast.show(t("questionnaires.deleted"), "success");
      await navigate(elicitationPath(project.id, "questionnaires"));
    },
  });
  const [reloading, setReloading] = useState(false);
  async function handleReload() {
    setReloading(true);
    try {
      await queryClient.refetchQueries({ queryKey: questionnaireKeys.detail(questionnaire.id), exact: true });
    } finally {
      setReloading(false);
    }
    onReset();
  }

  const errors = fieldErrorsOf(save.error);
  const leftover = unplacedErrors(errors);
  const audienceError = Object.values(errorsUnder(errors, "audience"))[0];
  const definition = draft.definition;
  const numbers = new Map<string, number>();
  for (const section of definition.sections) for (const question of section.questions) numbers.set(question.id, numbers.size + 1);
  const hasResponses = (questionnaire.responseCount ?? 0) > 0;
  const link = questionnaire.publicLink;
  const linkUrl = link ? (link.url ?? new URL(link.path, window.location.origin).toString()) : null;

  function handleDrop(sectionId: string, beforeQuestionId: string | null) {
    if (drag) setDefinition((d) => dropQuestion(d, drag.questionId, sectionId, beforeQuestionId));
    setDrag(null);
  }

  const statusActions = (
    <>
      {questionnaire.status !== "draft" ? (
        <ButtonLink size="sm" variant="secondary" to={questionnaireResultsPath(project.id, questionnaire.id)} data-testid="questionnaire-results-link">
          {t("questionnaires.builder.results")}
        </ButtonLink>
      ) : null}
      {canWork && questionnaire.status === "draft" ? (
        <Button size="sm" variant="primary" loading={save.isPending && save.variables === "open"} onClick={() => save.mutate("open")} data-testid="publish-questionnaire">
          {dirty ? t("questionnaires.builder.saveAndPublish") : t("questionnaires.builder.publish")}
        </Button>
      ) : null}
      {canWork && questionnaire.status === "open" ? (
        <Button size="sm" variant="secondary" loading={save.isPending && save.variables === "closed"} onClick={() => save.mutate("closed")} data-testid="close-questionnaire">
          {t("questionnaires.builder.close")}
        </Button>
      ) : null}
      {canWork && questionnaire.status === "closed" ? (
        <Button size="sm" variant="secondary" loading={save.isPending && save.variables === "open"} onClick={() => save.mutate("open")}>
          {t("questionnaires.builder.reopen")}
        </Button>
      ) : null}
      {canWork && questionnaire.status !== "draft" && !hasResponses ? (
        <Button size="sm" variant="ghost" loading={save.isPending && save.variables === "draft"} onClick={() => save.mutate("draft")}>
          {t("questionnaires.builder.backToDraft")}
        </Button>
      ) : null}
      {canWork && !hasResponses ? (
        <Button size="sm" variant="danger-ghost" onClick={() => setConfirm("delete")}>
          {t("ui.delete")}
        </Button>
      ) : null}
    </>
  );

  return (
    <div className="stack builder">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={elicitationPath(project.id, "questionnaires")}>{t("questionnaires.title")}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{questionnaire.title}</span>
      </nav>
      <div className="section-heading">
        <div className="page-title-group">
          <div className="row">
            <h2 className="section-title">{questionnaire.title}</h2>
            <QuestionnaireStatusBadge status={questionnaire.status} />
          </div>
          <p className="subtle">
            {questionnaire.acceptingResponses
              ? t("questionnaires.builder.accepting", { count: questionnaire.responseCount ?? 0 })
              : questionnaire.status === "open"
                ? t("questionnaires.builder.openNotAccepting")
                : t(`questionnaires.builder.statusHint.${questionnaire.status}`)}
          </p>
        </div>
        <div className="page-actions">{statusActions}</div>
      </div>

      <FormErrorBanner error={leftover.length > 0 ? null : save.error} onReload={() => void handleReload()} reloading={reloading} />
      {leftover.length > 0 ? (
        <Banner tone="error">
          <ul className="elic-plain-list">
            {leftover.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      {hasResponses && canWork ? <Banner tone="info">{t("questionnaires.builder.hasResponsesHint")}</Banner> : null}

      <div className="elic-switch" role="group" aria-label={t("questionnaires.builder.modeLabel")}>
        <button type="button" className="elic-switch-option" aria-pressed={!preview} onClick={() => setPreview(false)}>
          {t("questionnaires.builder.modeEdit")}
        </button>
        <button type="button" className="elic-switch-option" aria-pressed={preview} onClick={() => setPreview(true)} data-testid="builder-preview">
          {t("questionnaires.builder.modePreview")}
        </button>
      </div>

      {preview ? (
        <Card>
          <QuestionnaireForm
            form={{
              id: questionnaire.id,
              title: draft.title,
              intro: draft.intro,
              introHtml: "",
              definition,
              anonymous: draft.anonymous,
              onePerRespondent: draft.onePerRespondent,
              closesAt: null,
              answeredByMe: null,
            }}
            introMarkdown={draft.intro}
            askName={draft.public && !draft.anonymous}
            submit={null}
          />
        </Card>
      ) : (
        <form
          className="builder-layout"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (dirty) save.mutate(undefined);
          }}
        >
          <fieldset className="builder-fieldset" disabled={!canWork}>
            <legend className="visually-hidden">{t("questionnaires.builder.questionsLabel")}</legend>
            <ol className="builder-sections">
              {definition.sections.map((section, sectionIndex) => {
                const sectionErrors = errorsUnder(errors, `definition.sections.${sectionIndex}`);
                return (
                  <li key={section.id} className="card builder-section" data-testid="builder-section">
                    <div className="builder-section-head">
                      <span className="subheading">{t("questionnaires.builder.sectionNumber", { number: sectionIndex + 1, count: definition.sections.length })}</span>
                      <div className="question-editor-actions">
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={sectionIndex === 0}
                          onClick={() => setDefinition((d) => moveSection(d, section.id, -1))}
                          aria-label={t("questionnaires.builder.moveSectionUp", { number: sectionIndex + 1 })}
                        >
                          <span aria-hidden="true">↑</span>
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={sectionIndex === definition.sections.length - 1}
                          onClick={() => setDefinition((d) => moveSection(d, section.id, 1))}
                          aria-label={t("questionnaires.builder.moveSectionDown", { number: sectionIndex + 1 })}
                        >
                          <span aria-hidden="true">↓</span>
                        </Button>
                        <Button
                          size="sm"
                          variant="danger-ghost"
                          disabled={definition.sections.length <= 1}
                          onClick={() => setDefinition((d) => removeSection(d, section.id))}
                          aria-label={t("questionnaires.builder.removeSection", { number: sectionIndex + 1 })}
                        >
                          <span aria-hidden="true">×</span>
                        </Button>
                      </div>
                    </div>
                    <div className="form-grid">
                      <InputField
                        fieldClassName="span-2"
                        label={t("questionnaires.builder.sectionTitle")}
                        optional
                        value={section.title}
                        onChange={(event) => setDefinition((d) => updateSection(d, section.id, { title: event.target.value }))}
                        error={sectionErrors.title}
                        maxLength={300}
                      />
                      <TextareaField
                        fieldClassName="span-2"
                        label={t("questionnaires.builder.sectionDescription")}
                        optional
                        rows={2}
                        value={section.description}
                        onChange={(event) => setDefinition((d) => updateSection(d, section.id, { description: event.target.value }))}
                        error={sectionErrors.description}
                      />
                    </div>
                    {sectionErrors[""] ?? sectionErrors.questions ? <p className="field-error">{sectionErrors[""] ?? sectionErrors.questions}</p> : null}
                    <ol
                      className={["question-list", drag && drag.over === `end:${section.id}` ? "drop-target-end" : ""].filter(Boolean).join(" ")}
                      onDragOver={(event) => {
                        if (drag) event.preventDefault();
                      }}
                      onDragEnter={(event) => {
                        if (drag && event.target === event.currentTarget) setDrag({ ...drag, over: `end:${section.id}` });
                      }}
                      onDrop={(event) => {
                        event.preventDefault();
                        handleDrop(section.id, null);
                      }}
                    >
                      {section.questions.length === 0 ? <li className="question-list-empty subtle">{t("questionnaires.builder.noQuestions")}</li> : null}
                      {section.questions.map((question, questionIndex) => (
                        <QuestionEditor
                          key={question.id}
                          question={question}
                          number={numbers.get(question.id) ?? 0}
                          onChange={(next) => setDefinition((d) => replaceQuestion(d, next))}
                          onMove={(delta) => setDefinition((d) => moveQuestion(d, question.id, delta))}
                          canMoveUp={questionStep(definition, question.id, -1) !== null}
                          canMoveDown={questionStep(definition, question.id, 1) !== null}
                          onRemove={() => setDefinition((d) => removeQuestion(d, question.id))}
                          errors={errorsUnder(sectionErrors, `questions.${questionIndex}`)}
                          onDragStart={() => setDrag({ questionId: question.id, over: null })}
                          onDragEnd={() => setDrag(null)}
                          onDragEnter={() => {
                            if (drag && drag.over !== question.id) setDrag({ ...drag, over: question.id });
                          }}
                          onDrop={() => handleDrop(section.id, question.id)}
                          dragging={drag?.questionId === question.id}
                          dropTarget={drag !== null && drag.over === question.id && drag.questionId !== question.id}
                        />
                      ))}
                    </ol>
                    <div className="add-question" role="group" aria-label={t("questionnaires.builder.addQuestion")}>
                      <span className="subtle">{t("questionnaires.builder.addQuestion")}</span>
                      {QUESTION_KIND_VALUES.map((kind) => (
                        <Button
                          key={kind}
                          size="sm"
                          variant="secondary"
                          onClick={() => setDefinition((d) => addQuestion(d, section.id, newQuestion(kind)))}
                          data-testid={`add-question-${kind}`}
                        >
                          {t(`questionnaires.kinds.${kind}`)}
                        </Button>
                      ))}
                    </div>
                  </li>
                );
              })}
            </ol>
            <div>
              <Button variant="secondary" onClick={() => setDefinition(addSection)} data-testid="add-section">
                {t("questionnaires.builder.addSection")}
              </Button>
            </div>
          </fieldset>

          <aside className="builder-side">
            <fieldset className="builder-fieldset stack" disabled={!canWork}>
              <Card title={t("questionnaires.settings.title")} titleLevel={3}>
                <div className="stack">
                  <InputField
                    label={t("questionnaires.fields.title")}
                    value={draft.title}
                    onChange={(event) => set("title", event.target.value)}
                    error={errors.title}
                    maxLength={200}
                  />
                  <MarkdownField label={t("questionnaires.fields.intro")} optional rows={4} value={draft.intro} onChange={(value) => set("intro", value)} error={errors.intro} />
                  <fieldset className="settings-group">
                    <legend className="field-label">{t("questionnaires.settings.audience")}</legend>
                    <label className="checkbox">
                      <input type="checkbox" checked={draft.portal} onChange={(event) => set("portal", event.target.checked)} data-testid="audience-portal" />
                      <span>{t("questionnaires.settings.audiencePortal")}</span>
                    </label>
                    <label className="checkbox">
                      <input type="checkbox" checked={draft.public} onChange={(event) => set("public", event.target.checked)} data-testid="audience-public" />
                      <span>{t("questionnaires.settings.audiencePublic")}</span>
                    </label>
                    {audienceError ? <p className="field-error">{audienceError}</p> : null}
                  </fieldset>
                  <fieldset className="settings-group">
                    <legend className="field-label">{t("questionnaires.settings.responses")}</legend>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={draft.anonymous}
                        disabled={hasResponses}
                        onChange={(event) => set("anonymous", event.target.checked)}
                        data-testid="setting-anonymous"
                      />
                      <span>{t("questionnaires.settings.anonymous")}</span>
                    </label>
                    <p className="field-hint">{hasResponses ? t("questionnaires.settings.anonymousLocked") : t("questionnaires.settings.anonymousHint")}</p>
                    <label className="checkbox">
                      <input type="checkbox" checked={draft.onePerRespondent} onChange={(event) => set("onePerRespondent", event.target.checked)} />
                      <span>{t("questionnaires.settings.onePerRespondent")}</span>
                    </label>
                    <p className="field-hint">{t("questionnaires.settings.onePerRespondentHint")}</p>
                  </fieldset>
                  <div className="stack builder-dates">
                    <InputField
                      label={t("questionnaires.settings.opensAt")}
                      type="datetime-local"
                      optional
                      value={draft.opensAt}
                      onChange={(event) => set("opensAt", event.target.value)}
                      error={errors.opensAt}
                    />
                    <InputField
                      label={t("questionnaires.settings.closesAt")}
                      type="datetime-local"
                      optional
                      value={draft.closesAt}
                      min={draft.opensAt || undefined}
                      onChange={(event) => set("closesAt", event.target.value)}
                      error={errors.closesAt}
                    />
                  </div>
                </div>
              </Card>
              <Card title={t("questionnaires.sharing.title")} titleLevel={3}>
                {link && linkUrl && questionnaire.audience.public ? (
                  <div className="stack">
                    <CopyField label={t("questionnaires.sharing.publicLink")} value={linkUrl} testId="public-link" />
                    <p className="field-hint">{t("questionnaires.sharing.publicLinkHint")}</p>
                    {canWork ? (
                      <div>
                        <Button size="sm" variant="secondary" onClick={() => setConfirm("regenerate")} data-testid="regenerate-link">
                          {t("questionnaires.sharing.regenerate")}
                        </Button>
                      </div>
                    ) : null}
                  </div>
                ) : (
                  <p className="subtle">{draft.public ? t("questionnaires.sharing.saveForLink") : t("questionnaires.sharing.noPublicLink")}</p>
                )}
                {questionnaire.audience.portal ? <p className="subtle sharing-portal">{t("questionnaires.sharing.portalHint")}</p> : null}
              </Card>
            </fieldset>
          </aside>

          {canWork ? (
            <div className="builder-savebar" role="region" aria-label={t("questionnaires.builder.saveBar")}>
              <span className="subtle form-status" aria-live="polite">
                {dirty ? t("ui.unsavedChanges") : t("questionnaires.builder.questionCount", { count: questionCount(definition) })}
              </span>
              <Button variant="ghost" disabled={!dirty || save.isPending} onClick={() => setDraft(base)}>
                {t("ui.discard")}
              </Button>
              <Button type="submit" variant="primary" disabled={!dirty} loading={save.isPending && save.variables === undefined} data-testid="save-questionnaire">
                {t("ui.saveChanges")}
              </Button>
            </div>
          ) : null}
        </form>
      )}

      <ConfirmDialog
        open={confirm === "regenerate"}
        title={t("questionnaires.sharing.regenerateTitle")}
        confirmLabel={t("questionnaires.sharing.regenerate")}
        onConfirm={() => regenerate.mutate()}
        onClose={() => {
          setConfirm(null);
          regenerate.reset();
        }}
        busy={regenerate.isPending}
        error={regenerate.error}
      >
        {t("questionnaires.sharing.regenerateBody")}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "delete"}
        title={t("questionnaires.deleteTitle")}
        confirmLabel={t("ui.delete")}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setConfirm(null);
          remove.reset();
        }}
        busy={remove.isPending}
        error={remove.error}
      >
        {t("questionnaires.deleteBody", { title: questionnaire.title })}
      </ConfirmDialog>
    </div>
  );
}
