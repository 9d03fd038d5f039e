import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boardColumnForPercent, boardColumnOf, boardMentions, boardPercentAfterMove, boardPositionBetween, type BoardColumnFacts } from "./board-rules";

const WORKFLOW: BoardColumnFacts[] = [
  { id: "todo", category: "todo" },
  { id: "doing", category: "in_progress" },
  { id: "review", category: "in_progress" },
  { id: "done", category: "done" },
];

describe("boardColumnOf", () => {
  it("puts a task never moved where its percent complete points", () => {
    expect(boardColumnOf(WORKFLOW, { statusId: null, percentComplete: 0 })).toBe("todo");
    expect(boardColumnOf(WORKFLOW, { statusId: null, percentComplete: 30 })).toBe("doing");
    expect(boardColumnOf(WORKFLOW, { statusId: null, percentComplete: 100 })).toBe("done");
  });

  it("keeps the column a task was put in while the percent agrees", () => {
    expect(boardColumnOf(WORKFLOW, { statusId: "review", percentComplete: 0 })).toBe("review");
    expect(boardColumnOf(WORKFLOW, { statusId: "todo", percentComplete: 40 })).toBe("todo");
  });

  it("follows a plan edit to 100 % into done, and below 100 % out of done", () => {
    expect(boardColumnOf(WORKFLOW, { statusId: "review", percentComplete: 100 })).toBe("done");
    expect(boardColumnOf(WORKFLOW, { statusId: "done", percentComplete: 60 })).toBe("doing");
    expect(boardColumnOf(WORKFLOW, { statusId: "done", percentComplete: 0 })).toBe("todo");
  });

  it("sends a task whose column was removed where its percent points", () => {
    expect(boardColumnOf(WORKFLOW, { statusId: "gone", percentComplete: 10 })).toBe("doing");
  });

  it("falls back to the first to-do column without an in-progress one", () => {
    expect(boardColumnForPercent([WORKFLOW[0] as BoardColumnFacts, WORKFLOW[3] as BoardColumnFacts], 50)).toBe("todo");
  });

  it("always answers a column whose done-ness matches the percent (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(null, "todo", "doing", "review", "done", "gone"), fc.integer({ min: 0, max: 100 }), (statusId, percentComplete) => {
        const id = boardColumnOf(WORKFLOW, { statusId, percentComplete });
        const column = WORKFLOW.find((c) => c.id === id);
        expect(column).toBeDefined();
        expect(column?.category === "done").toBe(percentComplete >= 100);
      }),
    );
  });
});

describe("boardPercentAfterMove", () => {
  it("completes a task moved into done", () => {
    expect(boardPercentAfterMove({ percentComplete: 30, estimateHours: null, remainingHours: null }, "done")).toBe(100);
  });

  it("takes a done task back to 0 % in to-do, and to the share worked in progress", () => {
    expect(boardPercentAfterMove({ percentComplete: 100, estimateHours: 10, remainingHours: 4 }, "todo")).toBe(0);
    expect(boardPercentAfterMove({ percentComplete: 100, estimateHours: 10, remainingHours: 4 }, "in_progress")).toBe(60);
    expect(boardPercentAfterMove({ percentComplete: 100, estimateHours: 10, remainingHours: 0 }, "in_progress")).toBe(99);
    expect(boardPercentAfterMove({ percentComplete: 100, estimateHours: null, remainingHours: null }, "in_progress")).toBe(0);
  });

  it("keeps the percent of a move that does not cross done", () => {
    expect(boardPercentAfterMove({ percentComplete: 40, estimateHours: null, remainingHours: null }, "todo")).toBe(40);
  });

  it("lands in a column that agrees with the percent (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.double({ min: 0, max: 1000, noNaN: true })),
        fc.option(fc.double({ min: 0, max: 1000, noNaN: true })),
        fc.constantFrom("todo", "doing", "review", "done"),
        (percentComplete, estimateHours, remainingHours, target) => {
          const column = WORKFLOW.find((c) => c.id === target) as BoardColumnFacts;
          const next = boardPercentAfterMove({ percentComplete, estimateHours, remainingHours }, column.category);
          expect(boardColumnOf(WORKFLOW, { statusId: target, percentComplete: next })).toBe(target);
        },
      ),
    );
  });
});

describe("boardPositionBetween", () => {
  it("places a card between, above the first or below the last", () => {
    expect(boardPositionBetween(1, 2)).toBe(1.5);
    expect(boardPositionBetween(null, 3)).toBe(2);
    expect(boardPositionBetween(3, null)).toBe(4);
    expect(boardPositionBetween(null, null)).toBe(0);
  });

  it("is strictly between its neighbours, or NaN when they are too close (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true }), (a, gap) => {
        const b = a + gap;
        const p = boardPositionBetween(a, b);
        if (Number.isNaN(p)) expect(gap === 0 || (a + b) / 2 === a || (a + b) / 2 === b).toBe(true);
        else expect(p > a && p < b).toBe(true);
      }),
    );
  });
});

describe("boardMentions", () => {
  const people = [
    { id: "wf", name: "王芳", email: "wangfang@example.com" },
    { id: "wang", name: "Wang", email: "wang@example.com" },
    { id: "wangli", name: "Wang Li", email: "wl@example.com" },
  ];

  it("finds names and e-mails, the longest first, each person once", () => {
    expect(boardMentions("@王芳请看 and @Wang Li, also @wang@example.com and @王芳", people)).toEqual(["wf", "wangli", "wang"]);
  });

  it("ignores an address inside the text and a name running into a word", () => {
    expect(boardMentions("mail wang@example.com or @Wangster", people)).toEqual([]);
  });
});
