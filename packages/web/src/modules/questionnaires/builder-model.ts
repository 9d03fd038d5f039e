/**
 * The questionnaire builder's editing operations, as pure functions on a definition: add, change, remove and
 * reorder sections, questions and options. Every item keeps its id (made here for new ones), so answers stay
 * attached to their question when it is reworded or moved.
 */
import type { TQuestion, TQuestionKind, TQuestionnaireDefinition, TQuestionnaireSection } from "@jiaofu/contracts";

export type Definition = TQuestionnaireDefinition;
export type Section = TQuestionnaireSection;
export type Question = TQuestion;
export type QuestionOption = { id: string; label: string };

/**
 * A random UUID (v4) for a new section, question or option. `crypto.randomUUID` exists only in secure contexts;
 * `getRandomValues` everywhere, so the builder also works when the app is opened over plain http on a LAN.
 */
export function newId(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * `list` with the item at `from` moved to index `to` (both clamped into the list); the same array when nothing moves.
 *
 * @example
 * moveItem(["a", "b", "c"], 0, 2)  // → ["b", "c", "a"]
 */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (target === from) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

/** Where a question is: its section's index and its index in that section; null if absent. */
export function locateQuestion(definition: Definition, questionId: string): { section: number; index: number } | null {
  for (let s = 0; s < definition.sections.length; s++) {
    const index = definition.sections[s]?.questions.findIndex((q) => q.id === questionId) ?? -1;
    if (index !== -1) return { section: s, index };
  }
  return null;
}

function withSections(definition: Definition, sections: Section[]): Definition {
  return { ...definition, sections };
}

/** Moves a section one place up (-1) or down (+1). */
export function moveSection(definition: Definition, sectionId: string, delta: -1 | 1): Definition {
  const from = definition.sections.findIndex((s) => s.id === sectionId);
  if (from === -1) return definition;
  return withSections(definition, moveItem(definition.sections, from, from + delta));
}

/**
 * Where moving a question one place up (-1) or down (+1) takes it: within its section, or across into the end of
 * the previous section / the start of the next one. Null when it is already first (or last) of the questionnaire.
 */
export function questionStep(definition: Definition, questionId: string, delta: -1 | 1): { section: number; index: number } | null {
  const at = locateQuestion(definition, questionId);
  if (!at) return null;
  const count = definition.sections[at.section]?.questions.length ?? 0;
  const index = at.index + delta;
  if (index >= 0 && index < count) return { section: at.section, index };
  const section = at.section + delta;
  const neighbour = definition.sections[section];
  if (!neighbour) return null;
  return { section, index: delta < 0 ? neighbour.questions.length : 0 };
}

/** Moves a question to `section` at `index` (the index in that section's list once the question is taken out). */
export function placeQuestion(definition: Definition, questionId: string, section: number, index: number): Definition {
  const at = locateQuestion(definition, questionId);
  const targetSection = definition.sections[section];
  if (!at || !targetSection) return definition;
  const question = definition.sections[at.section]?.questions[at.index];
  if (!question) return definition;
  const sections = definition.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== questionId) }));
  const target = sections[section];
  if (!target) return definition;
  const clamped = Math.max(0, Math.min(target.questions.length, index));
  target.questions = [...target.questions.slice(0, clamped), question, ...target.questions.slice(clamped)];
  return withSections(definition, sections);
}

/** Moves a question one place up or down, crossing into the neighbouring section at a section's edge. */
export function moveQuestion(definition: Definition, questionId: string, delta: -1 | 1): Definition {
  const step = questionStep(definition, questionId, delta);
  return step ? placeQuestion(definition, questionId, step.section, step.index) : definition;
}

/**
 * Drag and drop: puts the dragged question before `beforeQuestionId` in section `sectionId`, or at the end of that
 * section when `beforeQuestionId` is null. Dropping a question on itself changes nothing.
 */
export function dropQuestion(definition: Definition, questionId: string, sectionId: string, beforeQuestionId: string | null): Definition {
  if (questionId === beforeQuestionId) return definition;
  const section = definition.sections.findIndex((s) => s.id === sectionId);
  const target = definition.sections[section];
  if (!target) return definition;
  const remaining = target.questions.filter((q) => q.id !== questionId);
  const index = beforeQuestionId === null ? remaining.length : remaining.findIndex((q) => q.id === beforeQuestionId);
  return index === -1 ? definition : placeQuestion(definition, questionId, section, index);
}

/** Drag and drop of sections: puts the dragged section before another one (or last when `beforeSectionId` is null). */
export function dropSection(definition: Definition, sectionId: string, beforeSectionId: string | null): Definition {
  if (sectionId === beforeSectionId) return definition;
  const moving = definition.sections.find((s) => s.id === sectionId);
  if (!moving) return definition;
  const remaining = definition.sections.filter((s) => s.id !== sectionId);
  const index = beforeSectionId === null ? remaining.length : remaining.findIndex((s) => s.id === beforeSectionId);
  if (index === -1) return definition;
  return withSections(definition, [...remaining.slice(0, index), moving, ...remaining.slice(index)]);
}

export function newSection(): Section {
  return { id: newId(), title: "", description: "", questions: [] };
}

/** A new question of a kind, with two empty options for the choice kinds. */
export function newQuestion(kind: TQuestionKind): Question {
  const base = { id: newId(), text: "", description: "", required: false };
  switch (kind) {
    case "single_choice":
    case "multiple_choice":
      return { ...base, kind, options: [newOption(), newOption()] };
    case "rating":
    case "nps":
      return { ...base, kind, lowLabel: "", highLabel: "" };
    case "free_text":
      return { ...base, kind };
  }
}

export function newOption(label = ""): QuestionOption {
  return { id: newId(), label };
}

/**
 * The question as another kind: text, description and required are kept, and so are the options between the two
 * choice kinds and the scale labels between rating and NPS.
 */
export function changeQuestionKind(question: Question, kind: TQuestionKind): Question {
  if (question.kind === kind) return question;
  const base = { id: question.id, text: question.text, description: question.description, required: question.required };
  switch (kind) {
    case "single_choice":
    case "multiple_choice":
      return { ...base, kind, options: "options" in question ? question.options : [newOption(), newOption()] };
    case "rating":
    case "nps":
      return {
        ...base,
        kind,
        lowLabel: "lowLabel" in question ? question.lowLabel : "",
        highLabel: "highLabel" in question ? question.highLabel : "",
      };
    case "free_text":
      return { ...base, kind };
  }
}

export function addSection(definition: Definition): Definition {
  return withSections(definition, [...definition.sections, newSection()]);
}

export function removeSection(definition: Definition, sectionId: string): Definition {
  return withSections(
    definition,
    definition.sections.filter((s) => s.id !== sectionId),
  );
}

export function updateSection(definition: Definition, sectionId: string, patch: Partial<Pick<Section, "title" | "description">>): Definition {
  return withSections(
    definition,
    definition.sections.map((s) => (s.id === sectionId ? { ...s, ...patch } : s)),
  );
}

export function addQuestion(definition: Definition, sectionId: string, question: Question): Definition {
  return withSections(
    definition,
    definition.sections.map((s) => (s.id === sectionId ? { ...s, questions: [...s.questions, question] } : s)),
  );
}

export function replaceQuestion(definition: Definition, question: Question): Definition {
  return withSections(
    definition,
    definition.sections.map((s) => ({ ...s, questions: s.questions.map((q) => (q.id === question.id ? question : q)) })),
  );
}

export function removeQuestion(definition: Definition, questionId: string): Definition {
  return withSections(
    definition,
    definition.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== questionId) })),
  );
}

/** Moves an option of a choice question one place up or down. */
export function moveOption(question: Question, optionId: string, delta: -1 | 1): Question {
  if (!("options" in question)) return question;
  const from = question.options.findIndex((o) => o.id === optionId);
  if (from === -1) return question;
  return { ...question, options: moveItem(question.options, from, from + delta) };
}

/** How many questions the definition holds. */
export function questionCount(definition: Definition): number {
  return definition.sections.reduce((n, s) => n + s.questions.length, 0);
}
