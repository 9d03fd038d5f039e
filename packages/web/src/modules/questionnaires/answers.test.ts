import { describe, expect, it } from "vitest";
import type { TQuestionnaireDefinition } from "@jiaofu/contracts";
import { answersPayload, isAnswered } from "./answers";

const definition: TQuestionnaireDefinition = {
  sections: [
    {
      id: "s",
      title: "",
      description: "",
      questions: [
        { id: "rate", kind: "rating", text: "Rate", description: "", required: true, lowLabel: "", highLabel: "" },
        { id: "nps", kind: "nps", text: "NPS", description: "", required: false, lowLabel: "", highLabel: "" },
        { id: "text", kind: "free_text", text: "Why", description: "", required: false },
        { id: "multi", kind: "multiple_choice", text: "Which", description: "", required: false, options: [{ id: "o", label: "O" }] },
      ],
    },
  ],
};

describe("answers", () => {
  it("counts zero (an NPS answer) as answered, blank text and empty picks as not", () => {
    expect(isAnswered(0)).toBe(true);
    expect(isAnswered("  ")).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered(null)).toBe(false);
  });

  it("sends only answered questions of the definition", () => {
    expect(answersPayload(definition, { rate: 4, nps: 0, text: "  ", multi: [], stray: "x" })).toEqual({ rate: 4, nps: 0 });
    expect(answersPayload(definition, { text: "Faster exports", multi: ["o"] })).toEqual({ text: "Faster exports", multi: ["o"] });
  });
});
