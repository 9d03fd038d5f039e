/**
 * Checking a submitted response against its questionnaire: every required question answered, every answer of the
 * right shape for its question's kind, option ids that exist, ratings and NPS scores in range. The result is either
 * the normalised answers (what to store) or every problem found, one per question, in the questionnaire's order.
 */
import {
  FREE_TEXT_MAX_LENGTH,
  NPS_MAX,
  NPS_MIN,
  RATING_MAX,
  RATING_MIN,
  questionnaireQuestions,
  type QuestionnaireAnswerValue,
  type QuestionnaireAnswers,
  type QuestionnaireDefinition,
  type QuestionnaireQuestion,
} from "./questionnaire-definition";

/**
 * What is wrong with one answer:
 * - `required`: a required question was left unanswered (absent, null, blank text or no option picked);
 * - `unknown_question`: an answer to a question the questionnaire does not have;
 * - `wrong_type`: e.g. a number for a choice question, or a list for a single choice;
 * - `unknown_option`: an option id the question does not offer;
 * - `duplicate_option`: the same option picked twice in a multiple choice;
 * - `not_integer`: 3.5 stars;
 * - `out_of_range`: outside `min`..`max` (rating 1–5, NPS 0–10);
 * - `too_long`: free text longer than `max` characters.
 */
export type AnswerProblemCode =
  | "required"
  | "unknown_question"
  | "wrong_type"
  | "unknown_option"
  | "duplicate_option"
  | "not_integer"
  | "out_of_range"
  | "too_long";

export type AnswerProblem = { questionId: string; code: AnswerProblemCode; min?: number; max?: number };

export type AnswerValidation = { ok: true; answers: QuestionnaireAnswers } | { ok: false; problems: AnswerProblem[] };

type Checked = { kind: "answer"; value: QuestionnaireAnswerValue } | { kind: "blank" } | { kind: "problem"; problem: AnswerProblem };

const blank: Checked = { kind: "blank" };
const problem = (questionId: string, code: AnswerProblemCode, range?: { min?: number; max?: number }): Checked => ({
  kind: "problem",
  problem: { questionId, code, ...range },
});

function checkNumber(questionId: string, value: unknown, min: number, max: number): Checked {
  if (typeof value !== "number" || !Number.isFinite(value)) return problem(questionId, "wrong_type");
  if (!Number.isInteger(value)) return problem(questionId, "not_integer");
  if (value < min || value > max) return problem(questionId, "out_of_range", { min, max });
  return { kind: "answer", value };
}

/** One question's answer, normalised: free text trimmed, multiple choices in the question's option order. */
function checkAnswer(question: QuestionnaireQuestion, value: unknown): Checked {
  if (value === undefined || value === null) return blank;
  switch (question.kind) {
    case "single_choice": {
      if (typeof value !== "string") return problem(question.id, "wrong_type");
      if (value === "") return blank;
      return question.options.some((o) => o.id === value) ? { kind: "answer", value } : problem(question.id, "unknown_option");
    }
    case "multiple_choice": {
      if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) return problem(question.id, "wrong_type");
      if (value.length === 0) return blank;
      if (new Set(value).size !== value.length) return problem(question.id, "duplicate_option");
      const picked = new Set(value);
      if (!value.every((id) => question.options.some((o) => o.id === id))) return problem(question.id, "unknown_option");
      return { kind: "answer", value: question.options.filter((o) => picked.has(o.id)).map((o) => o.id) };
    }
    case "rating":
      return checkNumber(question.id, value, RATING_MIN, RATING_MAX);
    case "nps":
      return checkNumber(question.id, value, NPS_MIN, NPS_MAX);
    case "free_text": {
      if (typeof value !== "string") return problem(question.id, "wrong_type");
      const text = value.trim();
      if (text === "") return blank;
      if (text.length > FREE_TEXT_MAX_LENGTH) return problem(question.id, "too_long", { max: FREE_TEXT_MAX_LENGTH });
      return { kind: "answer", value: text };
    }
  }
}

/**
 * Validates `submitted` (answers by question id, as sent by a respondent) against `definition`.
 *
 * @example
 * // q1: required NPS; q2: optional single choice with options "a", "b"
 * questionnaireValidateAnswers(definition, { q1: 9, q2: "a" })   // { ok: true, answers: { q1: 9, q2: "a" } }
 * questionnaireValidateAnswers(definition, { q2: "z", q9: 1 })
 * // { ok: false, problems: [{ questionId: "q1", code: "required" }, { questionId: "q2", code: "unknown_option" },
 * //                         { questionId: "q9", code: "unknown_question" }] }
 */
export function questionnaireValidateAnswers(definition: QuestionnaireDefinition, submitted: Readonly<Record<string, unknown>>): AnswerValidation {
  const questions = questionnaireQuestions(definition);
  const known = new Set(questions.map((q) => q.id));
  const problems: AnswerProblem[] = [];
  // Entries, then `Object.fromEntries`: an id such as "__proto__" becomes an own key, never the prototype.
  const answers: [string, QuestionnaireAnswerValue][] = [];
  for (const question of questions) {
    const checked = checkAnswer(question, Object.hasOwn(submitted, question.id) ? submitted[question.id] : undefined);
    switch (checked.kind) {
      case "answer":
        answers.push([question.id, checked.value]);
        break;
      case "blank":
        if (question.required) problems.push({ questionId: question.id, code: "required" });
        break;
      case "problem":
        problems.push(checked.problem);
        break;
    }
  }
  for (const questionId of Object.keys(submitted)) {
    if (!known.has(questionId)) problems.push({ questionId, code: "unknown_question" });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: Object.fromEntries(answers) };
}
