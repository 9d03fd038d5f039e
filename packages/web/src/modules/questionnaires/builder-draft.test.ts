import { describe, expect, it } from "vitest";
import { builderChanges, errorsUnder, unplacedErrors, type BuilderDraft } from "./builder-draft";
import { moveQuestion } from "./builder-model";

const base: BuilderDraft = {
  title: "Pilot survey",
  intro: "",
  definition: {
    sections: [
      {
        id: "s",
        title: "",
        description: "",
        questions: [
          { id: "a", kind: "free_text", text: "A", description: "", required: false },
          { id: "b", kind: "free_text", text: "B", description: "", required: false },
        ],
      },
    ],
  },
  portal: true,
  public: false,
  anonymous: false,
  onePerRespondent: true,
  opensAt: "",
  closesAt: "",
};

describe("builderChanges", () => {
  it("is empty while nothing changed", () => {
    expect(builderChanges(base, { ...base })).toEqual({});
  });

  it("sends only what changed, the audience as a whole", () => {
    expect(builderChanges(base, { ...base, title: "Kick-off survey", public: true })).toEqual({
      title: "Kick-off survey",
      audience: { portal: true, public: true },
    });
  });

  it("compares the definition by value: moving a question and back is no change", () => {
    const moved = moveQuestion(base.definition, "b", -1);
    expect(builderChanges(base, { ...base, definition: moved })).toEqual({ definition: moved });
    expect(builderChanges(base, { ...base, definition: moveQuestion(moved, "b", 1) })).toEqual({});
  });

  it("sends cleared dates as null", () => {
    const withDate = { ...base, closesAt: "2025-03-01T12:00" };
    expect(builderChanges(withDate, { ...withDate, closesAt: "" })).toEqual({ closesAt: null });
  });
});

describe("field errors of the definition", () => {
  const errors = {
    title: "Required",
    "definition.sections.0.questions.1.text": "Write the question",
    "definition.sections.0.questions.1.options.0.label": "Name the option",
    "definition.sections.0.questions.10.text": "Not question 1",
    status: "Add at least one question before publishing.",
  };

  it("picks a question's errors by its path, not by prefix text", () => {
    expect(errorsUnder(errors, "definition.sections.0.questions.1")).toEqual({ text: "Write the question", "options.0.label": "Name the option" });
  });

  it("leaves the errors no field shows for the banner", () => {
    expect(unplacedErrors(errors)).toEqual(["Add at least one question before publishing."]);
  });
});
