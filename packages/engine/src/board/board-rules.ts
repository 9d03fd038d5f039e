/**
 * The task board's rules (docs/execution.md, "Board"): which column a task shows in, what a move does to its
 * percent complete, where a dropped card goes, and who a comment mentions. Pure: the server stores and the web
 * previews with the same functions, so the board and the Gantt always agree.
 */

/** What a board column means for progress. */
export type BoardCategory = "todo" | "in_progress" | "done";

/** A column of a workflow, in board order. */
export type BoardColumnFacts = { id: string; category: BoardCategory };

/** What the column rules need of a task: the column it was put in (null: never moved) and its percent complete. */
export type BoardTaskFacts = { statusId: string | null; percentComplete: number };

const firstOf = (columns: readonly BoardColumnFacts[], category: BoardCategory) => columns.find((c) => c.category === category);

/**
 * The column a percent complete alone points to: 0 % the first "to do" column, 100 % the first "done" column,
 * anything between the first "in progress" column (or, in a workflow without one, the first "to do").
 *
 * @example boardColumnForPercent([{id:"t",category:"todo"},{id:"p",category:"in_progress"},{id:"d",category:"done"}], 40) // "p"
 */
export function boardColumnForPercent(columns: readonly BoardColumnFacts[], percentComplete: number): string | null {
  const column =
    percentComplete >= 100 ? firstOf(columns, "done") : percentComplete <= 0 ? firstOf(columns, "todo") : (firstOf(columns, "in_progress") ?? firstOf(columns, "todo"));
  return (column ?? columns[0])?.id ?? null;
}

/**
 * The column a task shows in. The column it was put in, unless the plan's percent complete contradicts it: a task
 * at 100 % is done (a plan edit to 100 % moves it to the first "done" column), and a task under 100 % is not (a
 * plan edit below 100 % takes it out of "done" to the column its percent points to). A task never moved, or whose
 * column was removed, goes where its percent points.
 */
export function boardColumnOf(columns: readonly BoardColumnFacts[], task: BoardTaskFacts): string | null {
  const stored = task.statusId === null ? undefined : columns.find((c) => c.id === task.statusId);
  if (stored && (stored.category === "done") === task.percentComplete >= 100) return stored.id;
  return boardColumnForPercent(columns, task.percentComplete);
}

/**
 * A task's percent complete after a move to a column of `to`'s category. Into "done": 100. Out of "done" (the task
 * was at 100 %): to "to do" 0; to "in progress" the share of the estimate already worked (estimate − remaining,
 * 1–99 %) when both are known, else 0. Any other move keeps the percent: a card moved between "to do" and
 * "in progress" says who is on it, not how far it got.
 *
 * @example boardPercentAfterMove({ percentComplete: 100, estimateHours: 10, remainingHours: 4 }, "in_progress") // 60
 */
export function boardPercentAfterMove(task: { percentComplete: number; estimateHours: number | null; remainingHours: number | null }, to: BoardCategory): number {
  if (to === "done") return 100;
  if (task.percentComplete < 100) return task.percentComplete;
  if (to === "todo") return 0;
  const { estimateHours, remainingHours } = task;
  if (estimateHours === null || remainingHours === null || estimateHours <= 0) return 0;
  return Math.min(99, Math.max(1, Math.round((100 * (estimateHours - Math.min(remainingHours, estimateHours))) / estimateHours)));
}

/**
 * The position of a card dropped between two cards of a column (fractional, so a move writes one row): halfway
 * between them, one below the first card, one above the last; 0 in an empty column.
 *
 * @example boardPositionBetween(1, 2) // 1.5
 */
export function boardPositionBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 0;
  if (before === null) return (after as number) - 1;
  if (after === null) return before + 1;
  const middle = (before + after) / 2;
  // Halving runs out of precision after ~50 drops at the same spot; the caller then renumbers the column.
  return middle > before && middle < after ? middle : Number.NaN;
}

/** A person a comment can mention: their display name and e-mail. */
export type BoardMentionCandidate = { id: string; name: string; email: string };

/**
 * Whether a mention of `key` may end before `next`: at the end, a space or punctuation (a full stop too). A name
 * ending in a CJK character may run straight into the text ("@王芳请看"), as Chinese is written without spaces.
 */
function endsMention(key: string, next: string | undefined): boolean {
  if (next === undefined || next === ".") return true;
  if (!/[a-z0-9_]$/.test(key)) return !/[a-z0-9_@-]/i.test(next);
  return !/[\p{L}\p{N}_@-]/u.test(next);
}

/**
 * The people a comment mentions: `@` followed by a candidate's e-mail or full name (case-insensitive, the longest
 * match wins, so "@Wang Fang" is not taken for "@Wang"), not inside a word (an e-mail address in the text is not a
 * mention). Each person once, in the order first mentioned.
 *
 * @example boardMentions("Thanks @王芳 and @li@example.com", people) // [王芳's id, li's id]
 */
export function boardMentions(body: string, candidates: readonly BoardMentionCandidate[]): string[] {
  const keys = candidates
    .flatMap((c) => [
      { id: c.id, key: c.email.toLowerCase() },
      { id: c.id, key: c.name.toLowerCase() },
    ])
    .filter((k) => k.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const lower = body.toLowerCase();
  const found: { id: string; at: number }[] = [];
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    const before = at === 0 ? undefined : lower[at - 1];
    if (before !== undefined && /[\p{L}\p{N}_.-]/u.test(before)) continue;
    const match = keys.find((k) => lower.startsWith(k.key, at + 1) && endsMention(k.key, lower[at + 1 + k.key.length]));
    if (match) found.push({ id: match.id, at });
  }
  const ids: string[] = [];
  for (const f of found) if (!ids.includes(f.id)) ids.push(f.id);
  return ids;
}
