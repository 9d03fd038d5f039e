import { describe, expect, it } from "vitest";
import { questionnaireAnswerUsage, questionnaireBreakingChanges } from "./questionnaire-changes";
import type { QuestionnaireDefinition } from "./questionnaire-definition";

const before: QuestionnaireDefinition = {
  sections: [
    {
      id: "s1",
      questions: [
        { id: "q1", kind: "single_choice", required: true, options: [{ id: "a", label: "A" }, { id: "b", label: "B" }] },
        { id: "q2", kind: "free_text", required: false },
        { id: "q3", kind: "rating", required: false },
        { id: "q4", kind: "nps", required: false },
      ],
    },
  ],
};
const usage = questionnaireAnswerUsage([
  { answers: { q1: "a", q2: "text" } },
  { answers: { q1: "a", q3: 4 } },
]);

describe("questionnaireAnswerUsage", () => {
  it("collects the questions answered and the strings given", () => {
    expect([...usage.keys()].sort()).toEqual(["q1", "q2", "q3"]);
    expect([...(usage.get("q1") ?? [])]).toEqual(["a"]);
    expect(usage.get("q3")?.size).toBe(0);
  });
});

describe("questionnaireBreakingChanges", () => {
  it("allows rewording, reordering, adding and removing unanswered things", () => {
    const after: QuestionnaireDefinition = {
      sections: [
        { id: "s0", questions: [{ id: "q9", kind: "nps", required: true }] },
        {
          id: "s1",
          questions: [
            { id: "q3", kind: "rating", required: true },
            // Option b was never picked; c is new.
            { id: "q1", kind: "single_choice", required: false, options: [{ id: "c", label: "C" }, { id: "a", label: "A (reworded)" }] },
            { id: "q2", kind: "free_text", required: true },
          ],
        },
      ],
    };
    // q4 was never answered: it may go.
    expect(questionnaireBreakingChanges(before, after, usage)).toEqual([]);
  });

  it("refuses removing an answered question or picked option, or changing an answered question's kind", () => {
    const after: QuestionnaireDefinition = {
      sections: [
        {
          id: "s1",
          questions: [
            { id: "q1", kind: "single_choice", required: true, options: [{ id: "b", label: "B" }] },
            { id: "q3", kind: "nps", required: false },
          ],
        },
      ],
    };
    expect(questionnaireBreakingChanges(before, after, usage)).toEqual([
      { code: "option_removed", questionId: "q1", optionId: "a" },
      { code: "question_removed", questionId: "q2" },
      { code: "question_kind_changed", questionId: "q3" },
    ]);
  });
});
