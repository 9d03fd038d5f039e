/**
 * The builder's form state: the questionnaire's settings and definition as they are being edited, and what a save
 * sends (only what changed since the builder opened, so a save never overwrites a field the person did not touch).
 */
import type { TQuestionnaire, TUpdateQuestionnaireRequest } from "@jiaofu/contracts";
import { fromLocalInput, toLocalInput } from "../elicitation/datetime-input";
import type { Definition } from "./builder-model";

export type BuilderDraft = {
  title: string;
  intro: string;
  definition: Definition;
  portal: boolean;
  public: boolean;
  anonymous: boolean;
  onePerRespondent: boolean;
  /** datetime-local values; "" for none. */
  opensAt: string;
  closesAt: string;
};

export function builderDraftOf(questionnaire: TQuestionnaire): BuilderDraft {
  return {
    title: questionnaire.title,
    intro: questionnaire.intro,
    definition: questionnaire.definition,
    portal: questionnaire.audience.portal,
    public: questionnaire.audience.public,
    anonymous: questionnaire.anonymous,
    onePerRespondent: questionnaire.onePerRespondent,
    opensAt: toLocalInput(questionnaire.opensAt),
    closesAt: toLocalInput(questionnaire.closesAt),
  };
}

export type BuilderChanges = Omit<TUpdateQuestionnaireRequest, "version" | "status">;

/**
 * The fields of the update request that differ between the draft the builder opened with and the current one.
 * The definition is compared by value: reordering twice back to where it was is no change.
 *
 * @example
 * builderChanges(base, { ...base, title: "Kick-off survey", portal: false })
 * // → { title: "Kick-off survey", audience: { portal: false, public: base.public } }
 */
export function builderChanges(base: BuilderDraft, draft: BuilderDraft): BuilderChanges {
  const changes: BuilderChanges = {};
  if (draft.title !== base.title) changes.title = draft.title;
  if (draft.intro !== base.intro) changes.intro = draft.intro;
  if (JSON.stringify(draft.definition) !== JSON.stringify(base.definition)) changes.definition = draft.definition;
  if (draft.portal !== base.portal || draft.public !== base.public) changes.audience = { portal: draft.portal, public: draft.public };
  if (draft.anonymous !== base.anonymous) changes.anonymous = draft.anonymous;
  if (draft.onePerRespondent !== base.onePerRespondent) changes.onePerRespondent = draft.onePerRespondent;
  if (draft.opensAt !== base.opensAt) changes.opensAt = fromLocalInput(draft.opensAt);
  if (draft.closesAt !== base.closesAt) changes.closesAt = fromLocalInput(draft.closesAt);
  return changes;
}

/**
 * The API's field errors for one part of the definition: those at `prefix` itself or below it, keyed by the rest
 * of their path. `errorsUnder({ "definition.sections.0.questions.1.text": "Required" }, "definition.sections.0.questions.1")`
 * → `{ text: "Required" }`.
 */
export function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key === prefix) result[""] ??= message;
    else if (key.startsWith(`${prefix}.`)) result[key.slice(prefix.length + 1)] ??= message;
  }
  return result;
}

/** Paths the builder shows beside a field; any other field error goes to the banner above the form. */
const PLACED = [/^(title|intro|opensAt|closesAt|anonymous|onePerRespondent)$/, /^audience(\.|$)/, /^definition\.sections\.\d+(\.|$)/];

export function unplacedErrors(errors: Record<string, string>): string[] {
  return Object.entries(errors)
    .filter(([key]) => !PLACED.some((pattern) => pattern.test(key)))
    .map(([, message]) => message);
}
