import { describe, expect, it } from "vitest";
import {
  changeQuestionKind,
  dropQuestion,
  dropSection,
  moveItem,
  moveOption,
  moveQuestion,
  moveSection,
  newId,
  newQuestion,
  questionStep,
  type Definition,
  type Question,
} from "./builder-model";

const q = (id: string): Question => ({ id, kind: "free_text", text: id, description: "", required: false });

function definition(): Definition {
  return {
    sections: [
      { id: "s1", title: "One", description: "", questions: [q("a"), q("b")] },
      { id: "s2", title: "Two", description: "", questions: [q("c")] },
      { id: "s3", title: "Three", description: "", questions: [] },
    ],
  };
}

/** The definition as "section: questions" lines, to compare orders at a glance. */
const shape = (d: Definition) => d.sections.map((s) => `${s.id}:${s.questions.map((x) => x.id).join("")}`);

describe("moveItem", () => {
  it("moves forwards and backwards", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
  });
  it("clamps the target and ignores a source outside the list", () => {
    expect(moveItem(["a", "b"], 0, 9)).toEqual(["b", "a"]);
    expect(moveItem(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });
});

describe("moving questions with the up/down buttons", () => {
  it("moves within a section", () => {
    expect(shape(moveQuestion(definition(), "b", -1))).toEqual(["s1:ba", "s2:c", "s3:"]);
  });

  it("crosses into the next section's start and the previous section's end", () => {
    expect(shape(moveQuestion(definition(), "b", 1))).toEqual(["s1:a", "s2:bc", "s3:"]);
    expect(shape(moveQuestion(definition(), "c", -1))).toEqual(["s1:abc", "s2:", "s3:"]);
    expect(shape(moveQuestion(definition(), "c", 1))).toEqual(["s1:ab", "s2:", "s3:c"]);
  });

  it("stops at the first and last place of the questionnaire", () => {
    expect(questionStep(definition(), "a", -1)).toBeNull();
    expect(shape(moveQuestion(definition(), "a", -1))).toEqual(shape(definition()));
    const d = moveQuestion(definition(), "c", 1);
    expect(questionStep(d, "c", 1)).toBeNull();
  });

  it("never loses or duplicates a question", () => {
    let d = definition();
    const moves: [string, -1 | 1][] = [["a", 1], ["a", 1], ["c", -1], ["b", 1], ["b", 1], ["b", 1], ["a", -1]];
    for (const [id, delta] of moves) d = moveQuestion(d, id, delta);
    expect(d.sections.flatMap((s) => s.questions.map((x) => x.id)).sort()).toEqual(["a", "b", "c"]);
  });
});

describe("drag and drop", () => {
  it("drops a question before another, in any section", () => {
    expect(shape(dropQuestion(definition(), "c", "s1", "a"))).toEqual(["s1:cab", "s2:", "s3:"]);
    expect(shape(dropQuestion(definition(), "a", "s1", "b"))).toEqual(["s1:ab", "s2:c", "s3:"]);
  });
  it("drops at the end of a section, also an empty one", () => {
    expect(shape(dropQuestion(definition(), "a", "s1", null))).toEqual(["s1:ba", "s2:c", "s3:"]);
    expect(shape(dropQuestion(definition(), "a", "s3", null))).toEqual(["s1:b", "s2:c", "s3:a"]);
  });
  it("changes nothing when dropped on itself or on an unknown target", () => {
    expect(shape(dropQuestion(definition(), "a", "s1", "a"))).toEqual(shape(definition()));
    expect(shape(dropQuestion(definition(), "a", "nope", null))).toEqual(shape(definition()));
  });
  it("reorders sections", () => {
    expect(shape(dropSection(definition(), "s3", "s1"))).toEqual(["s3:", "s1:ab", "s2:c"]);
    expect(shape(dropSection(definition(), "s1", null))).toEqual(["s2:c", "s3:", "s1:ab"]);
    expect(shape(moveSection(definition(), "s2", -1))).toEqual(["s2:c", "s1:ab", "s3:"]);
  });
});

describe("questions and options", () => {
  it("makes choice questions with two options and distinct ids", () => {
    const question = newQuestion("single_choice");
    expect(question.kind).toBe("single_choice");
    expect("options" in question && question.options.length).toBe(2);
    expect(new Set([newId(), newId(), newId()]).size).toBe(3);
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("keeps text, required, options and scale labels when the kind changes", () => {
    const single: Question = {
      id: "x",
      kind: "single_choice",
      text: "Pick",
      description: "",
      required: true,
      options: [
        { id: "o1", label: "A" },
        { id: "o2", label: "B" },
      ],
    };
    const multiple = changeQuestionKind(single, "multiple_choice");
    expect(multiple).toMatchObject({ id: "x", kind: "multiple_choice", text: "Pick", required: true, options: single.options });
    const rating = changeQuestionKind({ ...q("r"), kind: "rating", lowLabel: "Bad", highLabel: "Good" } as Question, "nps");
    expect(rating).toMatchObject({ kind: "nps", lowLabel: "Bad", highLabel: "Good" });
    expect(changeQuestionKind(single, "free_text")).toEqual({ id: "x", kind: "free_text", text: "Pick", description: "", required: true });
  });

  it("reorders options", () => {
    const question = newQuestion("multiple_choice");
    const [first, second] = "options" in question ? question.options : [];
    const moved = moveOption(question, first!.id, 1);
    expect("options" in moved && moved.options.map((o) => o.id)).toEqual([second!.id, first!.id]);
  });
});
