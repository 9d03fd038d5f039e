/**
 * A respondent's answers as the form holds them, and as the API takes them: by question id, an option id (single
 * choice), option ids (multiple choice), an integer (rating 1–5, NPS 0–10) or text (free text). Unanswered
 * questions are left out, so the API can tell "required" from a wrong answer.
 */
import type { TQuestionnaireDefinition } from "@jiaofu/contracts";

export type AnswerValue = string | string[] | number | null;
export type Answers = Record<string, AnswerValue | undefined>;

/** Whether a question counts as answered: a pick, a number, or text that is not only spaces. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * The request's `answers`: the answered questions of the definition, in its order; free text as typed (the server
 * trims it).
 *
 * @example
 * answersPayload(def, { q1: 4, q2: "  ", q3: [] })  // → { q1: 4 }
 */
export function answersPayload(definition: TQuestionnaireDefinition, answers: Answers): Record<string, Exclude<AnswerValue, null>> {
  const payload: Record<string, Exclude<AnswerValue, null>> = {};
  for (const section of definition.sections) {
    for (const question of section.questions) {
      const value = answers[question.id];
      if (value !== undefined && value !== null && isAnswered(value)) payload[question.id] = value;
    }
  }
  return payload;
}
