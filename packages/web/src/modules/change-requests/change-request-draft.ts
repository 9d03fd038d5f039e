/**
 * The change request form's values as typed (strings for numbers and selects), and what they mean to the API.
 * Shared by the new-request and the edit pages.
 */
import { jsonEqual } from "@jiaofu/engine";
import type {
  TChangeRequest,
  TChangeRequestContent,
  TChangeRequestItemInput,
  TMoscow,
  TChangeRequestRequirementRef,
  TRequirementType,
} from "@jiaofu/contracts";
import type { CriterionDraft } from "../requirements/requirement-draft";

/** What a requirement says, as its fields in the form. */
export type ContentDraft = {
  title: string;
  description: string;
  type: TRequirementType;
  acceptanceCriteria: CriterionDraft[];
  /** "" for not prioritised. */
  moscow: TMoscow | "";
};

/** One change; `key` is the form's own, so rows keep their identity while the list changes. */
export type ItemDraft =
  | { key: string; action: "add"; content: ContentDraft }
  | { key: string; action: "modify"; requirement: TChangeRequestRequirementRef; content: ContentDraft }
  | { key: string; action: "remove"; requirement: TChangeRequestRequirementRef };

export type ChangeRequestDraft = {
  title: string;
  description: string;
  reason: string;
  /** "" for not estimated. */
  impactEffortHours: string;
  impactDays: string;
  impactCost: string;
  currency: string;
  items: ItemDraft[];
};

let nextItemKey = 0;
export const newItemKey = (): string => `item-${++nextItemKey}`;

export const EMPTY_CONTENT_DRAFT: ContentDraft = { title: "", description: "", type: "functional", acceptanceCriteria: [], moscow: "" };

export const EMPTY_CHANGE_REQUEST_DRAFT: ChangeRequestDraft = {
  title: "",
  description: "",
  reason: "",
  impactEffortHours: "",
  impactDays: "",
  impactCost: "",
  currency: "CNY",
  items: [],
};

/** A requirement's content (or a request's proposed content) in the form; criteria keep their ids. */
export function contentDraftOf(content: TChangeRequestContent): ContentDraft {
  return {
    title: content.title,
    description: content.description,
    type: content.type,
    acceptanceCriteria: content.acceptanceCriteria.map((c) => ({ key: c.id, id: c.id, text: c.text })),
    moscow: content.moscow ?? "",
  };
}

const numberText = (value: number | null) => (value === null ? "" : String(value));

export function draftOfChangeRequest(cr: TChangeRequest): ChangeRequestDraft {
  return {
    title: cr.title,
    description: cr.description,
    reason: cr.reason,
    impactEffortHours: numberText(cr.impactEffortHours),
    impactDays: numberText(cr.impactDays),
    impactCost: numberText(cr.impactCost),
    currency: cr.currency,
    items: cr.items.flatMap((item): ItemDraft[] => {
      // The stored item id keeps the row's identity across reloads of the same request.
      if (item.action === "add" && item.proposed) return [{ key: item.id, action: "add", content: contentDraftOf(item.proposed) }];
      if (item.action === "modify" && item.requirement && item.proposed) return [{ key: item.id, action: "modify", requirement: item.requirement, content: contentDraftOf(item.proposed) }];
      if (item.action === "remove" && item.requirement) return [{ key: item.id, action: "remove", requirement: item.requirement }];
      return [];
    }),
  };
}

/** A number field: "" is not estimated (null); anything else as typed, for the API to judge. */
function numberOrNull(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : Number(trimmed);
}

function contentValuesOf(content: ContentDraft) {
  return {
    title: content.title.trim(),
    description: content.description,
    type: content.type,
    acceptanceCriteria: content.acceptanceCriteria.map((c) => (c.id ? { id: c.id, text: c.text.trim() } : { text: c.text.trim() })),
    moscow: content.moscow || null,
  };
}

function itemValuesOf(item: ItemDraft): TChangeRequestItemInput {
  switch (item.action) {
    case "add":
      return { action: "add", proposed: contentValuesOf(item.content) };
    case "modify":
      return { action: "modify", requirementId: item.requirement.id, proposed: contentValuesOf(item.content) };
    case "remove":
      return { action: "remove", requirementId: item.requirement.id };
  }
}

/** The draft as the create request takes it. */
export function changeRequestValuesOf(draft: ChangeRequestDraft) {
  return {
    title: draft.title.trim(),
    description: draft.description,
    reason: draft.reason.trim(),
    impactEffortHours: numberOrNull(draft.impactEffortHours),
    impactDays: numberOrNull(draft.impactDays),
    impactCost: numberOrNull(draft.impactCost),
    currency: draft.currency.trim().toUpperCase(),
    items: draft.items.map(itemValuesOf),
  };
}
export type ChangeRequestValues = ReturnType<typeof changeRequestValuesOf>;

/**
 * Only the fields that differ from what the form was opened with (the item list counts as one field: the API
 * replaces it whole).
 *
 * `changeRequestChanges(base, { ...base, reason: base.reason + " " })` → `{}` (the reason is trimmed).
 */
export function changeRequestChanges(base: ChangeRequestDraft, draft: ChangeRequestDraft): Partial<ChangeRequestValues> {
  const before = changeRequestValuesOf(base);
  const after = changeRequestValuesOf(draft);
  const changes: Partial<ChangeRequestValues> = {};
  for (const key of Object.keys(after) as (keyof ChangeRequestValues)[]) {
    if (!jsonEqual(before[key], after[key])) Object.assign(changes, { [key]: after[key] });
  }
  return changes;
}

/** The requirements the items already name: each may be changed by one item only. */
export const itemRequirementIds = (items: readonly ItemDraft[]): string[] => items.flatMap((item) => (item.action === "add" ? [] : [item.requirement.id]));

/**
 * The API's field errors under `items.<index>.` (and `items.<index>.proposed.`), with that prefix removed, for the
 * fields of one item.
 *
 * `itemErrors({ "items.1.proposed.title": "Required." }, 1)` → `{ title: "Required." }`.
 */
export function itemErrors(errors: Record<string, string>, index: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    for (const prefix of [`items.${index}.proposed.`, `items.${index}.`]) {
      if (path.startsWith(prefix)) {
        out[path.slice(prefix.length)] ??= message;
        break;
      }
    }
  }
  return out;
}
