import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionnaireValidateAnswers } from "./questionnaire-answers";
import { FREE_TEXT_MAX_LENGTH, questionnaireDefinitionProblems, type QuestionnaireDefinition, type QuestionnaireQuestion } from "./questionnaire-definition";

const options = [
  { id: "a", label: "A" },
  { id: "b", label: "B" },
  { id: "c", label: "C" },
];
const definition: QuestionnaireDefinition = {
  sections: [
    {
      id: "s1",
      questions: [
        { id: "single", kind: "single_choice", required: true, options },
        { id: "multi", kind: "multiple_choice", required: false, options },
      ],
    },
    {
      id: "s2",
      questions: [
        { id: "rating", kind: "rating", required: true },
        { id: "nps", kind: "nps", required: false },
        { id: "text", kind: "free_text", required: false },
      ],
    },
  ],
};
const valid = { single: "b", multi: ["c", "a"], rating: 4, nps: 0, text: "  需要单点登录  " };

describe("questionnaireValidateAnswers", () => {
  it("accepts a complete response and normalises it", () => {
    expect(questionnaireValidateAnswers(definition, valid)).toEqual({
      ok: true,
      // Multiple choices in the question's option order; free text trimmed.
      answers: { single: "b", multi: ["a", "c"], rating: 4, nps: 0, text: "需要单点登录" },
    });
  });

  it("drops blank optional answers: null, empty text, no option picked", () => {
    expect(questionnaireValidateAnswers(definition, { single: "a", rating: 1, multi: [], nps: null, text: "   " })).toEqual({
      ok: true,
      answers: { single: "a", rating: 1 },
    });
  });

  it("reports every problem once, in the questionnaire's order, then unknown questions", () => {
    const result = questionnaireValidateAnswers(definition, { multi: ["a", "a"], rating: 6, nps: 7.5, text: 3, extra: "x" });
    expect(result).toEqual({
      ok: false,
      problems: [
        { questionId: "single", code: "required" },
        { questionId: "multi", code: "duplicate_option" },
        { questionId: "rating", code: "out_of_range", min: 1, max: 5 },
        { questionId: "nps", code: "not_integer" },
        { questionId: "text", code: "wrong_type" },
        { questionId: "extra", code: "unknown_question" },
      ],
    });
  });

  it.each([
    ["single", "z", "unknown_option"],
    ["single", ["a"], "wrong_type"],
    ["single", 1, "wrong_type"],
    ["single", "", "required"],
    ["multi", ["a", "z"], "unknown_option"],
    ["multi", "a", "wrong_type"],
    ["multi", ["a", 1], "wrong_type"],
    ["rating", 0, "out_of_range"],
    ["rating", "4", "wrong_type"],
    ["rating", Number.NaN, "wrong_type"],
    ["rating", null, "required"],
    ["nps", 11, "out_of_range"],
    ["nps", -1, "out_of_range"],
    ["nps", true, "wrong_type"],
    ["text", "x".repeat(FREE_TEXT_MAX_LENGTH + 1), "too_long"],
    ["text", ["x"], "wrong_type"],
  ] as const)("refuses %s = %j with %s", (questionId, value, code) => {
    const result = questionnaireValidateAnswers(definition, { ...valid, [questionId]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => [p.questionId, p.code])).toEqual([[questionId, code]]);
  });

  it("treats a question id like __proto__ as data, never as the prototype", () => {
    const odd: QuestionnaireDefinition = { sections: [{ id: "s", questions: [{ id: "__proto__", kind: "rating", required: true }] }] };
    const result = questionnaireValidateAnswers(odd, JSON.parse('{"__proto__": 3}') as Record<string, unknown>);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.getOwnPropertyDescriptor(result.answers, "__proto__")?.value).toBe(3);
  });

  /** A malformed answer for a question of any kind: something no question of that kind accepts. */
  const malformed = (question: QuestionnaireQuestion) => {
    switch (question.kind) {
      case "single_choice":
        return fc.oneof(fc.string({ minLength: 1 }).filter((s) => !question.options.some((o) => o.id === s)), fc.integer(), fc.array(fc.string()), fc.boolean());
      case "multiple_choice":
        return fc.oneof(
          fc.string(),
          fc.integer(),
          fc.array(fc.string({ minLength: 1 }), { minLength: 1 }).filter((ids) => ids.some((id) => !question.options.some((o) => o.id === id)) || new Set(ids).size !== ids.length),
        );
      case "rating":
        return fc.oneof(fc.integer().filter((n) => n < 1 || n > 5), fc.double({ min: 1, max: 5, noNaN: true }).filter((n) => !Number.isInteger(n)), fc.string(), fc.boolean());
      case "nps":
        return fc.oneof(fc.integer().filter((n) => n < 0 || n > 10), fc.double({ min: 0, max: 10, noNaN: true }).filter((n) => !Number.isInteger(n)), fc.string(), fc.array(fc.integer()));
      case "free_text":
        return fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string()), fc.constant("字".repeat(FREE_TEXT_MAX_LENGTH + 1)));
    }
  };

  it("refuses every malformed answer of every kind, naming that question", () => {
    const questions = definition.sections.flatMap((s) => s.questions);
    fc.assert(
      fc.property(
        fc.constantFrom(...questions).chain((q) => malformed(q).map((bad) => [q, bad] as const)),
        ([question, bad]) => {
          const result = questionnaireValidateAnswers(definition, { ...valid, [question.id]: bad });
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.problems.map((p) => p.questionId)).toEqual([question.id]);
        },
      ),
    );
  });

  it("accepts every well-formed response, whatever the picks", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("a", "b", "c"),
        fc.subarray(["a", "b", "c"]),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 10 }),
        fc.string({ maxLength: 200 }),
        (single, multi, rating, nps, text) => {
          expect(questionnaireValidateAnswers(definition, { single, multi, rating, nps, text }).ok).toBe(true);
        },
      ),
    );
  });
});

describe("questionnaireDefinitionProblems", () => {
  it("finds duplicate ids and choice questions without options", () => {
    const broken: QuestionnaireDefinition = {
      sections: [
        { id: "s", questions: [{ id: "q", kind: "single_choice", required: false, options: [{ id: "a", label: "A" }, { id: "a", label: "A2" }] }] },
        { id: "s", questions: [{ id: "q", kind: "multiple_choice", required: false, options: [] }] },
      ],
    };
    expect(questionnaireDefinitionProblems(broken)).toEqual([
      { path: "sections.0.questions.0.options.1.id", code: "duplicate_id" },
      { path: "sections.1.id", code: "duplicate_id" },
      { path: "sections.1.questions.0.id", code: "duplicate_id" },
      { path: "sections.1.questions.0.options", code: "no_options" },
    ]);
    expect(questionnaireDefinitionProblems(definition)).toEqual([]);
  });
});
