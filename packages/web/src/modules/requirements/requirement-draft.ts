/**
 * The requirement form's values as typed (strings for selects and numbers), and what they mean to the API.
 * Shared by "New requirement" and the edit form on a requirement's page.
 */
import { jsonEqual } from "@jiaofu/engine";
import type { TMoscow, TRequirement, TRequirementType } from "@jiaofu/contracts";

/** One acceptance criterion in the editor; `key` is the editor's own (new rows have no id until saved). */
export type CriterionDraft = { key: string; id?: string | undefined; text: string };

export type RequirementDraft = {
  title: string;
  description: string;
  type: TRequirementType;
  /** "" for nobody. */
  ownerId: string;
  tags: string[];
  acceptanceCriteria: CriterionDraft[];
  /** "" for not prioritised. */
  moscow: TMoscow | "";
  /** "" or "1" … "5". */
  clientPriority: string;
};

let nextKey = 0;
/** A key for a new editor row, unique in this page. */
export const newCriterionKey = (): string => `new-${++nextKey}`;

export const EMPTY_REQUIREMENT_DRAFT: RequirementDraft = {
  title: "",
  description: "",
  type: "functional",
  ownerId: "",
  tags: [],
  acceptanceCriteria: [],
  moscow: "",
  clientPriority: "",
};

export function draftOfRequirement(requirement: TRequirement): RequirementDraft {
  return {
    title: requirement.title,
    description: requirement.description,
    type: requirement.type,
    ownerId: requirement.ownerId ?? "",
    tags: [...requirement.tags],
    acceptanceCriteria: requirement.acceptanceCriteria.map((c) => ({ key: c.id, id: c.id, text: c.text })),
    moscow: requirement.moscow ?? "",
    clientPriority: requirement.clientPriority === null ? "" : String(requirement.clientPriority),
  };
}

/** The draft as the create and update requests take it. */
export function requirementValuesOf(draft: RequirementDraft) {
  const priority = Number(draft.clientPriority);
  return {
    title: draft.title.trim(),
    description: draft.description,
    type: draft.type,
    ownerId: draft.ownerId || null,
    tags: draft.tags,
    acceptanceCriteria: draft.acceptanceCriteria.map((c) => (c.id ? { id: c.id, text: c.text.trim() } : { text: c.text.trim() })),
    moscow: draft.moscow || null,
    clientPriority: draft.clientPriority === "" || !Number.isInteger(priority) ? null : priority,
  };
}
export type RequirementValues = ReturnType<typeof requirementValuesOf>;

/**
 * Only the fields whose value differs from what the form was opened with, as the request has them: a save never
 * overwrites what the person did not touch, and a tag added then removed again is no change.
 *
 * `requirementChanges(base, { ...base, tags: [...base.tags] })` → `{}`.
 */
export function requirementChanges(base: RequirementDraft, draft: RequirementDraft): Partial<RequirementValues> {
  const before = requirementValuesOf(base);
  const after = requirementValuesOf(draft);
  const changes: Partial<RequirementValues> = {};
  for (const key of Object.keys(after) as (keyof RequirementValues)[]) {
    if (!jsonEqual(before[key], after[key])) Object.assign(changes, { [key]: after[key] });
  }
  return changes;
}

/**
 * Adds tags typed as text ("auth, sso") to a list: trimmed, at most 40 characters each (the API's limit), no
 * repeats whatever their case.
 *
 * `addTags(["Auth"], "auth, sso ,")` → `["Auth", "sso"]`.
 */
export function addTags(tags: readonly string[], text: string): string[] {
  const out = [...tags];
  const seen = new Set(tags.map((t) => t.toLocaleLowerCase()));
  for (const raw of text.split(/[,，;；\n]/)) {
    const tag = raw.trim().slice(0, 40);
    if (tag === "" || seen.has(tag.toLocaleLowerCase())) continue;
    seen.add(tag.toLocaleLowerCase());
    out.push(tag);
  }
  return out;
}

/** Moves the item at `from` to `to` (both clamped), returning a new array. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  if (item === undefined) return [...items];
  out.splice(target, 0, item);
  return out;
}
