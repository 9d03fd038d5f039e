import { useId, useRef, useState, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TQuestion, TQuestionnaireForm, TSubmitQuestionnaireResponseRequest } from "@jiaofu/contracts";
import { Button, InputField, MarkdownText, Textarea } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { formatDateTime } from "../../lib/format";
import { FormErrorBanner } from "../common/form-error-banner";
import { answersPayload, isAnswered, type AnswerValue, type Answers } from "./answers";

export type QuestionnaireFormProps = {
  form: TQuestionnaireForm;
  /** The builder's preview has the intro as Markdown only (the server renders it on save). */
  introMarkdown?: string;
  /** Public link, not anonymous: the respondent may give their name. */
  askName: boolean;
  /** Sends the response; null in the builder's preview (nothing is sent). */
  submit: ((body: TSubmitQuestionnaireResponseRequest) => Promise<unknown>) | null;
  onSubmitted?: () => void;
  /** Shown in the thank-you state, e.g. a way back to the portal. */
  after?: ReactNode;
};

/**
 * A questionnaire to answer: every question with the input its kind calls for (radio buttons, check boxes, a 1–5
 * or 0–10 scale, a text box). The API checks the answers; its message for each question is shown under it, and
 * the first question with a problem gets the focus.
 */
export function QuestionnaireForm({ form, introMarkdown, askName, submit, onSubmitted, after }: QuestionnaireFormProps) {
  const { t, i18n } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const [name, setName] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const send = useMutation({
    mutationFn: async () => {
      if (!submit) return;
      await submit({ answers: answersPayload(form.definition, answers), ...(askName && name.trim() ? { respondentName: name.trim() } : {}) });
    },
    onSuccess: () => onSubmitted?.(),
    onError: (error) => {
      const first = Object.keys(fieldErrorsOf(error)).find((key) => key.startsWith("answers."));
      const target = first ? formRef.current?.querySelector<HTMLElement>(`[data-question-id="${first.slice("answers.".length)}"]`) : null;
      if (target) {
        target.scrollIntoView({ block: "center" });
        target.querySelector<HTMLElement>("input, textarea")?.focus({ preventScroll: true });
      }
    },
  });
  const errors = fieldErrorsOf(send.error);
  const questionNumbers = new Map<string, number>();
  for (const section of form.definition.sections) for (const question of section.questions) questionNumbers.set(question.id, questionNumbers.size + 1);
  const total = questionNumbers.size;
  const answered = [...questionNumbers.keys()].filter((id) => isAnswered(answers[id])).length;

  if (send.isSuccess && submit) {
    return (
      <div className="form-thanks" role="status" data-testid="response-thanks">
        <div className="form-thanks-mark" aria-hidden="true">
          ✓
        </div>
        <h2>{t("questionnaires.answer.thanksTitle")}</h2>
        <p className="muted">{t("questionnaires.answer.thanksBody")}</p>
        {after}
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      className="answer-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (submit) send.mutate();
      }}
    >
      <header className="answer-header">
        <h1 className="answer-title">{form.title}</h1>
        {form.introHtml ? (
          <div className="prose" dangerouslySetInnerHTML={{ __html: form.introHtml }} />
        ) : introMarkdown?.trim() ? (
          <MarkdownText text={introMarkdown} />
        ) : null}
        <p className="subtle answer-meta">
          {t("questionnaires.answer.questionCount", { count: total })}
          {form.anonymous ? ` · ${t("questionnaires.answer.anonymous")}` : ""}
          {form.closesAt ? ` · ${t("questionnaires.answer.closesAt", { date: formatDateTime(form.closesAt, i18n.language) })}` : ""}
        </p>
      </header>
      <FormErrorBanner error={send.error} />
      {Object.keys(errors).some((key) => key.startsWith("answers.")) ? (
        <p className="answer-error-summary" role="alert">
          {t("questionnaires.answer.fixErrors", { count: Object.keys(errors).filter((key) => key.startsWith("answers.")).length })}
        </p>
      ) : null}
      {form.definition.sections.map((section) => (
        <section key={section.id} className="answer-section" aria-label={section.title || undefined}>
          {section.title ? <h2 className="answer-section-title">{section.title}</h2> : null}
          {section.description ? <p className="muted pre-wrap">{section.description}</p> : null}
          {section.questions.map((question) => (
            <QuestionInput
              key={question.id}
              question={question}
              number={questionNumbers.get(question.id) ?? 0}
              value={answers[question.id]}
              onChange={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
              error={errors[`answers.${question.id}`]}
            />
          ))}
        </section>
      ))}
      {askName ? (
        <InputField
          label={t("questionnaires.answer.name")}
          optional
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={120}
          autoComplete="name"
          error={errors.respondentName}
        />
      ) : null}
      <div className="answer-submit">
        <span className="subtle" aria-live="polite">
          {t("questionnaires.answer.progress", { answered, total })}
        </span>
        <Button type="submit" variant="primary" loading={send.isPending} disabled={!submit} data-testid="submit-response">
          {t("questionnaires.answer.submit")}
        </Button>
      </div>
    </form>
  );
}

type QuestionInputProps = {
  question: TQuestion;
  number: number;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  error: string | undefined;
};

/** One question: a fieldset whose legend is the question, the input its kind calls for, and the API's message. */
function QuestionInput({ question, number, value, onChange, error }: QuestionInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const describedBy = [question.description ? descriptionId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const legend = (
    <legend className="answer-question-text">
      <span className="answer-question-number">{number}.</span> {question.text}
      {question.required ? (
        <span className="answer-required">
          <span aria-hidden="true"> *</span>
          <span className="visually-hidden">{t("questionnaires.answer.required")}</span>
        </span>
      ) : null}
    </legend>
  );
  const common = {
    className: ["answer-question", error ? "has-error" : ""].filter(Boolean).join(" "),
    "data-question-id": question.id,
    "data-kind": question.kind,
    "data-testid": "form-question",
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
  };
  const description = question.description ? (
    <p className="subtle pre-wrap" id={descriptionId}>
      {question.description}
    </p>
  ) : null;
  const errorText = error ? (
    <p className="field-error" id={errorId}>
      {error}
    </p>
  ) : null;
  const clear =
    !question.required && value !== undefined && value !== null && question.kind !== "free_text" && question.kind !== "multiple_choice" ? (
      <button type="button" className="elic-link-button" onClick={() => onChange(null)}>
        {t("questionnaires.answer.clear")}
      </button>
    ) : null;

  switch (question.kind) {
    case "single_choice":
    case "multiple_choice": {
      const multiple = question.kind === "multiple_choice";
      const picked = new Set(Array.isArray(value) ? value : typeof value === "string" ? [value] : []);
      return (
        <fieldset {...common}>
          {legend}
          {description}
          {multiple ? <p className="field-hint">{t("questionnaires.answer.pickAny")}</p> : null}
          <div className="answer-choices">
            {question.options.map((option) => (
              <label key={option.id} className="answer-choice">
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={question.id}
                  value={option.id}
                  checked={picked.has(option.id)}
                  onChange={(event) => {
                    if (!multiple) onChange(option.id);
                    else {
                      const next = new Set(picked);
                      if (event.target.checked) next.add(option.id);
                      else next.delete(option.id);
                      onChange(question.options.filter((o) => next.has(o.id)).map((o) => o.id));
                    }
                  }}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
          {clear}
          {errorText}
        </fieldset>
      );
    }
    case "rating":
    case "nps": {
      const min = question.kind === "nps" ? 0 : 1;
      const max = question.kind === "nps" ? 10 : 5;
      const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      return (
        <fieldset {...common}>
          {legend}
          {description}
          <div className={question.kind === "nps" ? "answer-scale answer-scale-nps" : "answer-scale answer-scale-rating"}>
            {values.map((n) => (
              <label key={n} className="answer-scale-option">
                <input type="radio" name={question.id} value={n} checked={value === n} onChange={() => onChange(n)} />
                <span>{n}</span>
              </label>
            ))}
          </div>
          {question.lowLabel || question.highLabel ? (
            <div className="answer-scale-labels subtle" aria-hidden="true">
              <span>{question.lowLabel}</span>
              <span>{question.highLabel}</span>
            </div>
          ) : null}
          {question.lowLabel || question.highLabel ? (
            <p className="visually-hidden">{t("questionnaires.answer.scaleMeaning", { min, max, low: question.lowLabel, high: question.highLabel })}</p>
          ) : null}
          {clear}
          {errorText}
        </fieldset>
      );
    }
    case "free_text":
      return (
        <div {...common} role="group" aria-labelledby={`${id}-label`}>
          <label className="answer-question-text" id={`${id}-label`} htmlFor={`${id}-input`}>
            <span className="answer-question-number">{number}.</span> {question.text}
            {question.required ? (
              <span className="answer-required">
                <span aria-hidden="true"> *</span>
                <span className="visually-hidden">{t("questionnaires.answer.required")}</span>
              </span>
            ) : null}
          </label>
          {description}
          <Textarea
            id={`${id}-input`}
            rows={4}
            value={typeof value === "string" ? value : ""}
            onChange={(event) => onChange(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
          {errorText}
        </div>
      );
  }
}
