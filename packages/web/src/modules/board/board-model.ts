/**
 * The board's pure helpers: filters, swimlanes, the cards of each column, where a drop puts a card (the neighbour
 * to place it before or after, for the API) and the optimistic state after a move. No React, so they are unit-tested.
 */
import type { TBoard, TBoardCard, TBoardStatus } from "@jiaofu/contracts";
import { boardPositionBetween, planWbsCompare } from "@jiaofu/engine";

export const SWIMLANE_KINDS = ["none", "assignee", "priority", "phase"] as const;
export type SwimlaneKind = (typeof SWIMLANE_KINDS)[number];

export const DUE_FILTERS = ["any", "overdue", "this_week", "no_date"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export type BoardFilters = { text: string; assigneeId: string | null; due: DueFilter };
export const NO_FILTERS: BoardFilters = { text: "", assigneeId: null, due: "any" };

/** Levelling priority (0–1000) as the board shows it: high above 500, low below, normal at 500. */
export type PriorityBand = "high" | "normal" | "low";
export const priorityBand = (priority: number): PriorityBand => (priority > 500 ? "high" : priority < 500 ? "low" : "normal");

/** The Sunday ending the week of `today` (YYYY-MM-DD, Monday-first weeks as in China and ISO). */
export function endOfWeek(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  const weekday = date.getUTCDay();
  date.setUTCDate(date.getUTCDate() + (weekday === 0 ? 0 : 7 - weekday));
  return date.toISOString().slice(0, 10);
}

/** Overdue: due before today and not in a done column. */
export const isOverdue = (card: TBoardCard, today: string, done: ReadonlySet<string>) => card.dueDate !== null && card.dueDate < today && !done.has(card.statusId);

export function matchesFilters(card: TBoardCard, filters: BoardFilters, today: string, done: ReadonlySet<string>): boolean {
  const text = filters.text.trim().toLowerCase();
  if (text && !card.name.toLowerCase().includes(text) && !card.wbsCode.startsWith(text)) return false;
  if (filters.assigneeId !== null && !card.assigneeIds.includes(filters.assigneeId)) return false;
  switch (filters.due) {
    case "any":
      return true;
    case "overdue":
      return isOverdue(card, today, done);
    case "this_week":
      return card.dueDate !== null && card.dueDate >= today && card.dueDate <= endOfWeek(today);
    case "no_date":
      return card.dueDate === null;
  }
}

/** A swimlane: its key (stable across renders), what to call it, and the cards in it. */
export type Swimlane = { key: string; label: { kind: "all" } | { kind: "person"; name: string } | { kind: "unassigned" } | { kind: "priority"; band: PriorityBand } | { kind: "phase"; name: string } | { kind: "no_phase" }; cards: TBoardCard[] };

/**
 * Splits cards into swimlanes. By assignee a card shows in the lane of each person on it (and "unassigned"); by
 * priority high → normal → low; by phase in WBS order, tasks outside any phase last. Empty lanes are left out,
 * except the single lane of "none".
 */
export function swimlanesOf(board: Pick<TBoard, "people" | "phases">, cards: readonly TBoardCard[], kind: SwimlaneKind): Swimlane[] {
  switch (kind) {
    case "none":
      return [{ key: "all", label: { kind: "all" }, cards: [...cards] }];
    case "assignee": {
      const lanes: Swimlane[] = board.people.map((p) => ({ key: `person:${p.id}`, label: { kind: "person", name: p.name }, cards: cards.filter((c) => c.assigneeIds.includes(p.id)) }));
      lanes.push({ key: "unassigned", label: { kind: "unassigned" }, cards: cards.filter((c) => c.assigneeIds.length === 0) });
      return lanes.filter((l) => l.cards.length > 0);
    }
    case "priority":
      return (["high", "normal", "low"] as const)
        .map((band): Swimlane => ({ key: `priority:${band}`, label: { kind: "priority", band }, cards: cards.filter((c) => priorityBand(c.priority) === band) }))
        .filter((l) => l.cards.length > 0);
    case "phase": {
      const lanes: Swimlane[] = board.phases.map((p) => ({ key: `phase:${p.id}`, label: { kind: "phase", name: `${p.wbsCode} ${p.name}` }, cards: cards.filter((c) => c.phaseId === p.id) }));
      lanes.push({ key: "no_phase", label: { kind: "no_phase" }, cards: cards.filter((c) => c.phaseId === null) });
      return lanes.filter((l) => l.cards.length > 0);
    }
  }
}


/** The cards of one column in board order (position, then WBS). */
export function columnCards(cards: readonly TBoardCard[], statusId: string): TBoardCard[] {
  return cards.filter((c) => c.statusId === statusId).sort((a, b) => a.boardPosition - b.boardPosition || planWbsCompare(a.wbsCode, b.wbsCode));
}

/** How many cards each column holds (of the whole board, not the filtered view: WIP limits count every card). */
export function columnCounts(cards: readonly TBoardCard[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of cards) counts.set(c.statusId, (counts.get(c.statusId) ?? 0) + 1);
  return counts;
}

export const isOverLimit = (status: TBoardStatus, count: number) => status.wipLimit !== null && count > status.wipLimit;
export const isAtLimit = (status: TBoardStatus, count: number) => status.wipLimit !== null && count >= status.wipLimit;

/** Where a dropped card goes, as the API takes it: a neighbour to place it before or after, or the column's end. */
export type DropPlace = { statusId: string; beforeId?: string; afterId?: string };

/**
 * The place for `cardId` dropped into `statusId` so that it ends up at `index` of the column (counted as the column
 * will be, with the card in it — as dnd-kit's `arrayMove` within a column, or the index of the card it was dropped
 * on from another column): before the card that will follow it, else after the one that will precede it, else the end.
 */
export function dropPlace(column: readonly TBoardCard[], cardId: string, statusId: string, index: number): DropPlace {
  const others = column.filter((c) => c.id !== cardId);
  const at = Math.max(0, Math.min(others.length, index));
  const next = others[at];
  if (next) return { statusId, beforeId: next.id };
  const previous = others[at - 1];
  return previous ? { statusId, afterId: previous.id } : { statusId };
}

/** The board after a move, before the server answers: the card in its new column at its new position. */
export function boardAfterMove(board: TBoard, cardId: string, place: DropPlace): TBoard {
  const column = columnCards(board.cards, place.statusId).filter((c) => c.id !== cardId);
  const anchor = place.beforeId ?? place.afterId;
  const at = anchor === undefined ? column.length : column.findIndex((c) => c.id === anchor) + (place.beforeId !== undefined ? 0 : 1);
  const before = column[at - 1]?.boardPosition ?? null;
  const after = column[at]?.boardPosition ?? null;
  const between = boardPositionBetween(before, after);
  // Neighbours at the same position (never moved): sit just before the next one; the server renumbers the column.
  const position = Number.isNaN(between) ? (after ?? 0) - 1e-9 : between;
  return { ...board, cards: board.cards.map((c) => (c.id === cardId ? { ...c, statusId: place.statusId, boardPosition: position } : c)) };
}

/** The board with a card replaced by the server's version of it (or added, after a quick add). */
export function boardWithCard(board: TBoard, card: TBoardCard): TBoard {
  const exists = board.cards.some((c) => c.id === card.id);
  return { ...board, cards: exists ? board.cards.map((c) => (c.id === card.id ? card : c)) : [...board.cards, card] };
}
