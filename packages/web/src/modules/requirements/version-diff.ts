/**
 * What a version's field changes look like to a reader: short texts word by word, the description line by line
 * (with the words that changed inside a rewritten line), tags as added/removed, acceptance criteria matched by id,
 * and plain "before → after" for the rest.
 */
import { textLineDiff } from "@jiaofu/engine";
import type { TRequirementVersion } from "@jiaofu/contracts";
import { diffIsReadable, wordDiff, type DiffSegment } from "./word-diff";

type FieldChange = TRequirementVersion["changes"][number];
export type VersionField = FieldChange["field"];

export type DescriptionLine =
  | { op: "same"; text: string }
  | { op: "added" | "removed"; text: string }
  /** A line rewritten in place: the words that changed. */
  | { op: "changed"; segments: DiffSegment[] };

export type CriterionChange =
  | { op: "added" | "removed"; text: string }
  | { op: "changed"; segments: DiffSegment[] }
  | { op: "moved"; text: string; from: number; to: number };

export type ChangeView =
  /** Title, status reason: the words that changed (or the whole text on both sides when most of it changed). */
  | { kind: "text"; field: VersionField; before: string | null; after: string | null; segments: DiffSegment[] | null }
  | { kind: "description"; field: "description"; lines: DescriptionLine[]; collapsed: number }
  | { kind: "tags"; field: "tags"; added: string[]; removed: string[] }
  | { kind: "criteria"; field: "acceptanceCriteria"; items: CriterionChange[] }
  /** Status, type, MoSCoW, owner, client priority, rank, scoring inputs: labels are the caller's business. */
  | { kind: "value"; field: VersionField; before: unknown; after: unknown };

/** Unchanged description lines kept around each change; longer runs are folded into "n unchanged lines". */
const CONTEXT = 2;

const asText = (value: unknown): string | null => (typeof value === "string" ? value : null);
const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

type Criterion = { id: string; text: string };
function asCriteria(value: unknown): Criterion[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (item && typeof item === "object" && "id" in item && "text" in item && typeof item.id === "string" && typeof item.text === "string") {
      return [{ id: item.id, text: item.text }];
    }
    return [];
  });
}

/**
 * The description's lines with rewritten lines paired up: a run of removed lines followed by a run of added ones
 * of the same length is read as those lines edited in place.
 */
export function describeLines(lines: readonly { op: "same" | "added" | "removed"; text: string }[]): DescriptionLine[] {
  const out: DescriptionLine[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    if (!line) break;
    if (line.op !== "removed") {
      out.push({ op: line.op, text: line.text });
      index++;
      continue;
    }
    let end = index;
    while (lines[end]?.op === "removed") end++;
    let addedEnd = end;
    while (lines[addedEnd]?.op === "added") addedEnd++;
    const removed = lines.slice(index, end);
    const added = lines.slice(end, addedEnd);
    if (removed.length === added.length) {
      removed.forEach((r, i) => {
        const segments = wordDiff(r.text, added[i]?.text ?? "");
        if (diffIsReadable(segments)) out.push({ op: "changed", segments });
        else out.push({ op: "removed", text: r.text }, { op: "added", text: added[i]?.text ?? "" });
      });
    } else {
      for (const r of removed) out.push({ op: "removed", text: r.text });
      for (const a of added) out.push({ op: "added", text: a.text });
    }
    index = addedEnd;
  }
  return out;
}

/** Keeps `CONTEXT` unchanged lines around each change; returns the lines kept and how many were folded away. */
export function foldUnchanged(lines: readonly DescriptionLine[]): { lines: DescriptionLine[]; collapsed: number } {
  const keep = lines.map((line) => line.op !== "same");
  const near = keep.map((_, i) => {
    for (let d = -CONTEXT; d <= CONTEXT; d++) if (keep[i + d]) return true;
    return false;
  });
  const kept = lines.filter((_, i) => near[i]);
  return { lines: kept, collapsed: lines.length - kept.length };
}

/**
 * The acceptance criteria that changed between two lists, matched by id: added, removed, reworded, moved.
 *
 * `criteriaChanges([{id:"a",text:"Log in"}], [{id:"a",text:"Log in with SSO"},{id:"b",text:"Log out"}])`
 * → `[{ op: "changed", segments: [...] }, { op: "added", text: "Log out" }]`.
 */
export function criteriaChanges(beforeValue: unknown, afterValue: unknown): CriterionChange[] {
  const before = asCriteria(beforeValue);
  const after = asCriteria(afterValue);
  const beforeById = new Map(before.map((c, i) => [c.id, { ...c, index: i }]));
  const afterIds = new Set(after.map((c) => c.id));
  const kept = after.filter((c) => beforeById.has(c.id)).map((c) => c.id);
  const keptBefore = before.filter((c) => afterIds.has(c.id)).map((c) => c.id);
  const out: CriterionChange[] = [];
  for (const c of before) if (!afterIds.has(c.id)) out.push({ op: "removed", text: c.text });
  after.forEach((c, index) => {
    const old = beforeById.get(c.id);
    if (!old) {
      out.push({ op: "added", text: c.text });
      return;
    }
    if (old.text !== c.text) out.push({ op: "changed", segments: wordDiff(old.text, c.text) });
    else if (keptBefore.indexOf(c.id) !== kept.indexOf(c.id)) out.push({ op: "moved", text: c.text, from: old.index + 1, to: index + 1 });
  });
  return out;
}

/** How one field change of a version is shown. */
export function describeChange(change: FieldChange): ChangeView {
  switch (change.field) {
    case "title":
    case "statusReason": {
      const before = asText(change.before);
      const after = asText(change.after);
      const segments = before && after ? wordDiff(before, after) : null;
      return { kind: "text", field: change.field, before, after, segments: segments && diffIsReadable(segments) ? segments : null };
    }
    case "description": {
      const raw = change.lines ?? textLineDiff(asText(change.before) ?? "", asText(change.after) ?? "");
      const { lines, collapsed } = foldUnchanged(describeLines(raw));
      return { kind: "description", field: "description", lines, collapsed };
    }
    case "tags": {
      const before = asStrings(change.before);
      const after = asStrings(change.after);
      return { kind: "tags", field: "tags", added: after.filter((t) => !before.includes(t)), removed: before.filter((t) => !after.includes(t)) };
    }
    case "acceptanceCriteria":
      return { kind: "criteria", field: "acceptanceCriteria", items: criteriaChanges(change.before, change.after) };
    case "type":
    case "status":
    case "ownerId":
    case "moscow":
    case "clientPriority":
    case "rank":
    case "priorityInputs":
      return { kind: "value", field: change.field, before: change.before, after: change.after };
  }
}
