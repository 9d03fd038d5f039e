/**
 * A questionnaire as the engine sees it: sections of questions of five kinds. Nothing here knows what the
 * questionnaire is for (eliciting requirements, a satisfaction survey, …): callers keep their own meaning around it.
 *
 * Ids are the caller's strings (stable across edits, so answers stay attached to their question when the
 * questionnaire is reordered or reworded). Question ids are unique across the whole questionnaire; option ids are
 * unique within their question.
 */

/** The kinds of question, in the order a builder lists them. */
export const QUESTION_KINDS = ["single_choice", "multiple_choice", "rating", "nps", "free_text"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A rating question answers with a whole number of stars from 1 to 5. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** "How likely are you to recommend us?": a whole number from 0 to 10. */
export const NPS_MIN = 0;
export const NPS_MAX = 10;
/** The longest free-text answer accepted, in UTF-16 code units (what `String.length` counts). */
export const FREE_TEXT_MAX_LENGTH = 10_000;

export type QuestionOption = { readonly id: string; readonly label: string };

type QuestionBase = { readonly id: string; readonly required: boolean };

/** One option must be picked. Answer: the option id, `"opt-a"`. */
export type SingleChoiceQuestion = QuestionBase & { readonly kind: "single_choice"; readonly options: readonly QuestionOption[] };
/** Any number of options may be picked. Answer: option ids, `["opt-a", "opt-c"]`. */
export type MultipleChoiceQuestion = QuestionBase & { readonly kind: "multiple_choice"; readonly options: readonly QuestionOption[] };
/** Answer: an integer in RATING_MIN..RATING_MAX, `4`. */
export type RatingQuestion = QuestionBase & { readonly kind: "rating" };
/** Answer: an integer in NPS_MIN..NPS_MAX, `9`. */
export type NpsQuestion = QuestionBase & { readonly kind: "nps" };
/** Answer: text, `"单点登录必须支持企业微信"`. */
export type FreeTextQuestion = QuestionBase & { readonly kind: "free_text" };

export type QuestionnaireQuestion = SingleChoiceQuestion | MultipleChoiceQuestion | RatingQuestion | NpsQuestion | FreeTextQuestion;

export type QuestionnaireSection = { readonly id: string; readonly questions: readonly QuestionnaireQuestion[] };

/**
 * The definition: sections in display order, each with its questions in display order.
 *
 * @example
 * const definition: QuestionnaireDefinition = {
 *   sections: [{ id: "s1", questions: [{ id: "q1", kind: "nps", required: true }] }],
 * };
 */
export type QuestionnaireDefinition = { readonly sections: readonly QuestionnaireSection[] };

/** One answer as stored: an option id, option ids, a number, or text (by the question's kind). */
export type QuestionnaireAnswerValue = string | readonly string[] | number;

/** A response's answers by question id. An unanswered (optional) question is absent. */
export type QuestionnaireAnswers = Readonly<Record<string, QuestionnaireAnswerValue>>;

/**
 * Every question of the definition in display order (sections flattened).
 *
 * @example
 * questionnaireQuestions({ sections: [{ id: "s", questions: [q1, q2] }, { id: "t", questions: [q3] }] }) // [q1, q2, q3]
 */
export function questionnaireQuestions(definition: QuestionnaireDefinition): QuestionnaireQuestion[] {
  return definition.sections.flatMap((section) => section.questions);
}

/** A problem with the definition itself: where it is (`sections.0.questions.2.id`) and what it is. */
export type DefinitionProblem = { path: string; code: "duplicate_id" | "no_options" };

/**
 * Structural problems a schema cannot see: a question id used twice in the questionnaire, a section id used
 * twice, an option id used twice within its question, a choice question without options.
 *
 * @example
 * questionnaireDefinitionProblems({ sections: [{ id: "s", questions: [q("a"), q("a")] }] })
 * // [{ path: "sections.0.questions.1.id", code: "duplicate_id" }]
 */
export function questionnaireDefinitionProblems(definition: QuestionnaireDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const sectionIds = new Set<string>();
  const questionIds = new Set<string>();
  definition.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) problems.push({ path: `sections.${s}.id`, code: "duplicate_id" });
    sectionIds.add(section.id);
    section.questions.forEach((question, q) => {
      const at = `sections.${s}.questions.${q}`;
      if (questionIds.has(question.id)) problems.push({ path: `${at}.id`, code: "duplicate_id" });
      questionIds.add(question.id);
      if (question.kind === "single_choice" || question.kind === "multiple_choice") {
        if (question.options.length === 0) problems.push({ path: `${at}.options`, code: "no_options" });
        const optionIds = new Set<string>();
        question.options.forEach((option, o) => {
          if (optionIds.has(option.id)) problems.push({ path: `${at}.options.${o}.id`, code: "duplicate_id" });
          optionIds.add(option.id);
        });
      }
    });
  });
  return problems;
}
