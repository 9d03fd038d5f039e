/**
 * Which edits of a questionnaire would break the responses it already has. Rewording, reordering, adding
 * questions, sections or options, and changing required/optional are all safe: stored answers keep pointing at
 * the same ids. Removing a question somebody answered, changing its kind, or removing an option somebody picked is
 * not: those answers would lose their meaning.
 */
import { questionnaireQuestions, type QuestionnaireDefinition } from "./questionnaire-definition";
import type { QuestionnaireResponseInput } from "./questionnaire-results";

/**
 * What the stored responses use: for each question answered at least once, the string values given (for choice
 * questions, the option ids picked).
 */
export type QuestionnaireAnswerUsage = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Collects the usage of `responses`.
 *
 * @example
 * questionnaireAnswerUsage([{ id: "r1", answers: { q1: "a", q2: ["b", "c"], q3: 4 } }])
 * // Map { "q1" => Set {"a"}, "q2" => Set {"b", "c"}, "q3" => Set {} }
 */
export function questionnaireAnswerUsage(responses: readonly Pick<QuestionnaireResponseInput, "answers">[]): QuestionnaireAnswerUsage {
  const usage = new Map<string, Set<string>>();
  for (const response of responses) {
    for (const [questionId, value] of Object.entries(response.answers)) {
      let used = usage.get(questionId);
      if (!used) usage.set(questionId, (used = new Set()));
      for (const v of Array.isArray(value) ? value : [value]) if (typeof v === "string") used.add(v);
    }
  }
  return usage;
}

export type DefinitionBreak =
  | { code: "question_removed"; questionId: string }
  | { code: "question_kind_changed"; questionId: string }
  | { code: "option_removed"; questionId: string; optionId: string };

/**
 * The changes from `before` to `after` that would orphan an answer in `usage`; empty when the edit is safe.
 *
 * @example
 * // q1 (single choice a/b) was answered "a"; the edit drops option "a" and question q2 (answered)
 * questionnaireBreakingChanges(before, after, usage)
 * // [{ code: "option_removed", questionId: "q1", optionId: "a" }, { code: "question_removed", questionId: "q2" }]
 */
export function questionnaireBreakingChanges(
  before: QuestionnaireDefinition,
  after: QuestionnaireDefinition,
  usage: QuestionnaireAnswerUsage,
): DefinitionBreak[] {
  const next = new Map(questionnaireQuestions(after).map((q) => [q.id, q]));
  const breaks: DefinitionBreak[] = [];
  for (const old of questionnaireQuestions(before)) {
    const used = usage.get(old.id);
    if (!used) continue;
    const now = next.get(old.id);
    if (!now) {
      breaks.push({ code: "question_removed", questionId: old.id });
      continue;
    }
    if (now.kind !== old.kind) {
      breaks.push({ code: "question_kind_changed", questionId: old.id });
      continue;
    }
    if ((old.kind === "single_choice" || old.kind === "multiple_choice") && (now.kind === "single_choice" || now.kind === "multiple_choice")) {
      const kept = new Set(now.options.map((o) => o.id));
      for (const option of old.options) {
        if (used.has(option.id) && !kept.has(option.id)) breaks.push({ code: "option_removed", questionId: old.id, optionId: option.id });
      }
    }
  }
  return breaks;
}
