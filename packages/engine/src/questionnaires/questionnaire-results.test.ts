import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionnaireValidateAnswers } from "./questionnaire-answers";
import type { QuestionnaireAnswers, QuestionnaireDefinition } from "./questionnaire-definition";
import { questionnaireAggregate } from "./questionnaire-results";

const definition: QuestionnaireDefinition = {
  sections: [
    {
      id: "s",
      questions: [
        { id: "pick", kind: "single_choice", required: false, options: [{ id: "x", label: "X" }, { id: "y", label: "Y" }] },
        { id: "many", kind: "multiple_choice", required: false, options: [{ id: "p", label: "P" }, { id: "q", label: "Q" }, { id: "r", label: "R" }] },
        { id: "stars", kind: "rating", required: false },
        { id: "nps", kind: "nps", required: false },
        { id: "why", kind: "free_text", required: false },
      ],
    },
  ],
};

const responses: { id: string; answers: QuestionnaireAnswers }[] = [
  { id: "r1", answers: { pick: "x", many: ["p", "q"], stars: 5, nps: 10, why: "很好" } },
  { id: "r2", answers: { pick: "x", many: ["q"], stars: 4, nps: 9 } },
  { id: "r3", answers: { pick: "y", stars: 2, nps: 6, why: "Too slow" } },
  { id: "r4", answers: { nps: 8 } },
  // Stored before option "z" was… never: malformed values count as skipped, not as answers.
  { id: "r5", answers: { pick: "z", many: ["z"], stars: 9, nps: 3 } },
];

describe("questionnaireAggregate", () => {
  const results = questionnaireAggregate(definition, responses);
  const byId = (id: string) => results.questions.find((q) => q.questionId === id);

  it("counts single and multiple choices per option", () => {
    expect(results.responseCount).toBe(5);
    expect(byId("pick")).toEqual({ kind: "single_choice", questionId: "pick", answered: 3, skipped: 2, options: [{ optionId: "x", count: 2 }, { optionId: "y", count: 1 }] });
    expect(byId("many")).toEqual({
      kind: "multiple_choice",
      questionId: "many",
      answered: 2,
      skipped: 3,
      options: [{ optionId: "p", count: 1 }, { optionId: "q", count: 2 }, { optionId: "r", count: 0 }],
    });
  });

  it("gives the rating distribution and mean", () => {
    expect(byId("stars")).toEqual({ kind: "rating", questionId: "stars", answered: 3, skipped: 2, distribution: [0, 1, 0, 1, 1], mean: 11 / 3 });
  });

  it("scores NPS as %promoters − %detractors", () => {
    // 10, 9 promoters; 8 passive; 6, 3 detractors → 40% − 40% = 0
    expect(byId("nps")).toMatchObject({ answered: 5, promoters: 2, passives: 1, detractors: 2, score: 0, distribution: [0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1] });
  });

  it("lists free-text answers with their response", () => {
    expect(byId("why")).toEqual({
      kind: "free_text",
      questionId: "why",
      answered: 2,
      skipped: 3,
      answers: [{ responseId: "r1", text: "很好" }, { responseId: "r3", text: "Too slow" }],
    });
  });

  it("has nothing to average when nobody answered", () => {
    const empty = questionnaireAggregate(definition, []);
    expect(empty.questions.map((q) => (q.kind === "rating" ? q.mean : q.kind === "nps" ? q.score : q.answered))).toEqual([0, 0, null, null, 0]);
  });

  const answersArbitrary: fc.Arbitrary<QuestionnaireAnswers> = fc.record(
    {
      pick: fc.oneof(fc.constantFrom("x", "y", "z"), fc.integer()),
      many: fc.oneof(fc.subarray(["p", "q", "r", "z"]), fc.string()),
      stars: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double({ noNaN: true })),
      nps: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.string()),
      why: fc.string({ maxLength: 20 }),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<QuestionnaireAnswers>;

  it("keeps every total consistent whatever was stored, and NPS within −100..100", () => {
    fc.assert(
      fc.property(fc.array(answersArbitrary, { maxLength: 40 }), (answerSets) => {
        const rs = answerSets.map((answers, i) => ({ id: `r${i}`, answers }));
        const out = questionnaireAggregate(definition, rs);
        expect(out.responseCount).toBe(rs.length);
        for (const q of out.questions) {
          expect(q.answered + q.skipped).toBe(rs.length);
          switch (q.kind) {
            case "single_choice":
              expect(q.options.reduce((s, o) => s + o.count, 0)).toBe(q.answered);
              break;
            case "multiple_choice":
              for (const o of q.options) expect(o.count).toBeLessThanOrEqual(q.answered);
              break;
            case "rating":
              expect(q.distribution.reduce((s, c) => s + c, 0)).toBe(q.answered);
              if (q.mean !== null) expect(q.mean >= 1 && q.mean <= 5).toBe(true);
              break;
            case "nps":
              expect(q.distribution.reduce((s, c) => s + c, 0)).toBe(q.answered);
              expect(q.promoters + q.passives + q.detractors).toBe(q.answered);
              if (q.score === null) expect(q.answered).toBe(0);
              else expect(q.score >= -100 && q.score <= 100).toBe(true);
              break;
            case "free_text":
              expect(q.answers).toHaveLength(q.answered);
              break;
          }
        }
      }),
    );
  });

  it("counts exactly what validation accepted", () => {
    fc.assert(
      fc.property(fc.array(answersArbitrary, { maxLength: 20 }), (answerSets) => {
        const accepted = answerSets.flatMap((answers, i) => {
          const v = questionnaireValidateAnswers(definition, answers);
          return v.ok ? [{ id: `r${i}`, answers: v.answers }] : [];
        });
        const out = questionnaireAggregate(definition, accepted);
        for (const q of out.questions) {
          const answeredInInput = accepted.filter((r) => Object.hasOwn(r.answers, q.questionId)).length;
          expect(q.answered, q.questionId).toBe(answeredInInput);
        }
      }),
    );
  });
});
