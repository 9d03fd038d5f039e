/**
 * Aggregating responses into per-question results: counts per option, rating distribution and mean, NPS, and the
 * free-text answers. Answers that no longer fit their question (a malformed value, an option that was since
 * removed) are counted as skipped rather than trusted, so totals always add up:
 * for every question `answered + skipped === responseCount`, and for a single choice, a rating or an NPS question
 * the counts add up to `answered`.
 */
import { npsFromDistribution, type NpsSummary } from "./nps";
import {
  FREE_TEXT_MAX_LENGTH,
  NPS_MAX,
  NPS_MIN,
  RATING_MAX,
  RATING_MIN,
  questionnaireQuestions,
  type QuestionnaireAnswers,
  type QuestionnaireDefinition,
  type QuestionnaireQuestion,
} from "./questionnaire-definition";

/** A stored response: its id (so free-text answers can be traced back) and its answers. */
export type QuestionnaireResponseInput = { readonly id: string; readonly answers: QuestionnaireAnswers };

type ResultBase = { questionId: string; answered: number; skipped: number };

/** For a single choice `options` counts add up to `answered`; a multiple choice counts each option picked. */
export type ChoiceResult = ResultBase & { kind: "single_choice" | "multiple_choice"; options: { optionId: string; count: number }[] };
/** `distribution[i]` is the count of rating `i + 1`; `mean` is unrounded, null when nobody answered. */
export type RatingResult = ResultBase & { kind: "rating"; distribution: number[]; mean: number | null };
/** `distribution[s]` is the count of score `s` (0..10). */
export type NpsResult = ResultBase & NpsSummary & { kind: "nps"; distribution: number[] };
/** The answers in response order. */
export type FreeTextResult = ResultBase & { kind: "free_text"; answers: { responseId: string; text: string }[] };

export type QuestionResult = ChoiceResult | RatingResult | NpsResult | FreeTextResult;

export type QuestionnaireResults = { responseCount: number; questions: QuestionResult[] };

const inRange = (value: unknown, min: number, max: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;

function aggregateQuestion(question: QuestionnaireQuestion, responses: readonly QuestionnaireResponseInput[]): QuestionResult {
  const total = responses.length;
  const values = responses.map((r) => (Object.hasOwn(r.answers, question.id) ? r.answers[question.id] : undefined));
  switch (question.kind) {
    case "single_choice":
    case "multiple_choice": {
      const counts = new Map(question.options.map((o) => [o.id, 0]));
      let answered = 0;
      for (const value of values) {
        const picked = (question.kind === "single_choice" ? [value] : Array.isArray(value) ? value : []).filter(
          (id): id is string => typeof id === "string" && counts.has(id),
        );
        const distinct = [...new Set(picked)];
        if (distinct.length === 0 || (question.kind === "single_choice" && distinct.length !== 1)) continue;
        answered++;
        for (const id of distinct) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return {
        kind: question.kind,
        questionId: question.id,
        answered,
        skipped: total - answered,
        options: question.options.map((o) => ({ optionId: o.id, count: counts.get(o.id) ?? 0 })),
      };
    }
    case "rating": {
      const distribution = new Array<number>(RATING_MAX - RATING_MIN + 1).fill(0);
      let answered = 0;
      let sum = 0;
      for (const value of values) {
        if (!inRange(value, RATING_MIN, RATING_MAX)) continue;
        distribution[value - RATING_MIN] = (distribution[value - RATING_MIN] ?? 0) + 1;
        answered++;
        sum += value;
      }
      return { kind: "rating", questionId: question.id, answered, skipped: total - answered, distribution, mean: answered === 0 ? null : sum / answered };
    }
    case "nps": {
      const distribution = new Array<number>(NPS_MAX - NPS_MIN + 1).fill(0);
      let answered = 0;
      for (const value of values) {
        if (!inRange(value, NPS_MIN, NPS_MAX)) continue;
        distribution[value - NPS_MIN] = (distribution[value - NPS_MIN] ?? 0) + 1;
        answered++;
      }
      return { kind: "nps", questionId: question.id, answered, skipped: total - answered, distribution, ...npsFromDistribution(distribution) };
    }
    case "free_text": {
      const answers: { responseId: string; text: string }[] = [];
      values.forEach((value, i) => {
        const text = typeof value === "string" ? value.trim() : "";
        const response = responses[i];
        if (text !== "" && text.length <= FREE_TEXT_MAX_LENGTH && response) answers.push({ responseId: response.id, text });
      });
      return { kind: "free_text", questionId: question.id, answered: answers.length, skipped: total - answers.length, answers };
    }
  }
}

/**
 * Per-question results of `responses`, in the questionnaire's order.
 *
 * @example
 * // q1: NPS; responses answered 10, 9, 7 and 3
 * questionnaireAggregate(definition, responses).questions[0]
 * // { kind: "nps", questionId: "q1", answered: 4, skipped: 0, promoters: 2, passives: 1, detractors: 1, score: 25, … }
 */
export function questionnaireAggregate(definition: QuestionnaireDefinition, responses: readonly QuestionnaireResponseInput[]): QuestionnaireResults {
  return { responseCount: responses.length, questions: questionnaireQuestions(definition).map((q) => aggregateQuestion(q, responses)) };
}
