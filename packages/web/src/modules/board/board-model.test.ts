import { describe, expect, it } from "vitest";
import type { TBoard, TBoardCard } from "@jiaofu/contracts";
import { boardAfterMove, columnCards, dropPlace, endOfWeek, matchesFilters, NO_FILTERS, priorityBand, swimlanesOf } from "./board-model";

const card = (id: string, extra: Partial<TBoardCard> = {}): TBoardCard => ({
  id,
  projectId: "p",
  name: `Task ${id}`,
  wbsCode: "1.1",
  phaseId: null,
  statusId: "todo",
  boardPosition: 0,
  percentComplete: 0,
  priority: 500,
  dueDate: null,
  deadline: null,
  start: null,
  finish: null,
  assigneeIds: [],
  estimateHours: null,
  remainingHours: null,
  checklistDone: 0,
  checklistTotal: 0,
  commentCount: 0,
  version: 1,
  ...extra,
});

const board = (cards: TBoardCard[]): TBoard => ({
  projectId: "p",
  workflow: { projectId: "p", version: "v", statuses: [] },
  cards,
  phases: [
    { id: "ph1", wbsCode: "1", name: "Design" },
    { id: "ph2", wbsCode: "2", name: "Build" },
  ],
  people: [
    { id: "u1", name: "王芳" },
    { id: "u2", name: "Li" },
  ],
});

describe("swimlanes", () => {
  const cards = [card("a", { assigneeIds: ["u1", "u2"], priority: 800, phaseId: "ph2" }), card("b", { priority: 200, phaseId: "ph1" }), card("c", { assigneeIds: ["u2"] })];

  it("puts a card in the lane of each of its assignees, the unassigned last", () => {
    expect(swimlanesOf(board(cards), cards, "assignee").map((l) => [l.key, l.cards.map((c) => c.id)])).toEqual([
      ["person:u1", ["a"]],
      ["person:u2", ["a", "c"]],
      ["unassigned", ["b"]],
    ]);
  });

  it("groups by priority band high → normal → low and by phase in WBS order, without empty lanes", () => {
    expect(swimlanesOf(board(cards), cards, "priority").map((l) => l.key)).toEqual(["priority:high", "priority:normal", "priority:low"]);
    expect(swimlanesOf(board(cards), cards, "phase").map((l) => [l.key, l.cards.map((c) => c.id)])).toEqual([
      ["phase:ph1", ["b"]],
      ["phase:ph2", ["a"]],
      ["no_phase", ["c"]],
    ]);
    expect(swimlanesOf(board([]), [], "none")).toHaveLength(1);
    expect(priorityBand(500)).toBe("normal");
  });
});

describe("filters", () => {
  const done = new Set(["done"]);
  it("filters by text (name or WBS), assignee and due date", () => {
    const a = card("a", { name: "Design the schema", wbsCode: "2.3", dueDate: "2026-03-02", assigneeIds: ["u1"] });
    expect(matchesFilters(a, { ...NO_FILTERS, text: "SCHEMA" }, "2026-03-04", done)).toBe(true);
    expect(matchesFilters(a, { ...NO_FILTERS, text: "2.3" }, "2026-03-04", done)).toBe(true);
    expect(matchesFilters(a, { ...NO_FILTERS, assigneeId: "u2" }, "2026-03-04", done)).toBe(false);
    expect(matchesFilters(a, { ...NO_FILTERS, due: "overdue" }, "2026-03-04", done)).toBe(true);
    expect(matchesFilters({ ...a, statusId: "done" }, { ...NO_FILTERS, due: "overdue" }, "2026-03-04", done)).toBe(false);
    expect(matchesFilters(a, { ...NO_FILTERS, due: "this_week" }, "2026-03-02", done)).toBe(true);
    expect(matchesFilters(a, { ...NO_FILTERS, due: "this_week" }, "2026-02-26", done)).toBe(false);
    expect(matchesFilters(a, { ...NO_FILTERS, due: "no_date" }, "2026-03-01", done)).toBe(false);
  });

  it("ends the week on Sunday", () => {
    expect(endOfWeek("2026-03-04")).toBe("2026-03-08");
    expect(endOfWeek("2026-03-08")).toBe("2026-03-08");
  });
});

describe("dropping a card", () => {
  const column = [card("a", { boardPosition: 1 }), card("b", { boardPosition: 2 }), card("c", { boardPosition: 3 })];

  it("names the neighbour to place it before, or after at the end", () => {
    expect(dropPlace(column, "x", "todo", 0)).toEqual({ statusId: "todo", beforeId: "a" });
    expect(dropPlace(column, "x", "todo", 2)).toEqual({ statusId: "todo", beforeId: "c" });
    expect(dropPlace(column, "x", "todo", 3)).toEqual({ statusId: "todo", afterId: "c" });
    expect(dropPlace([], "x", "todo", 0)).toEqual({ statusId: "todo" });
  });

  it("counts within its own column as the column will be (arrayMove)", () => {
    // a moved down to index 2 (after c): nothing follows it.
    expect(dropPlace(column, "a", "todo", 2)).toEqual({ statusId: "todo", afterId: "c" });
    // c moved up to index 0: before a.
    expect(dropPlace(column, "c", "todo", 0)).toEqual({ statusId: "todo", beforeId: "a" });
  });

  it("shows the move at once with a fractional position between the neighbours", () => {
    const next = boardAfterMove(board([...column, card("x", { statusId: "doing" })]), "x", { statusId: "todo", beforeId: "b" });
    expect(columnCards(next.cards, "todo").map((c) => c.id)).toEqual(["a", "x", "b", "c"]);
    expect(next.cards.find((c) => c.id === "x")?.boardPosition).toBe(1.5);
    const tied = [card("p"), card("q", { wbsCode: "1.2" })];
    const moved = boardAfterMove(board([...tied, card("y", { statusId: "doing" })]), "y", { statusId: "todo", beforeId: "q" });
    const order = columnCards(moved.cards, "todo").map((c) => c.id);
    expect(order.indexOf("y")).toBeLessThan(order.indexOf("q"));
  });
});
