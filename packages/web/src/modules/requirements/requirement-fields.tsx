import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { MOSCOW_PRIORITIES, REQUIREMENT_TYPES, type TMoscow } from "@jiaofu/contracts";
import { Field, InputField, SelectField, TextareaField, type SelectGroup, type SelectOption } from "../../ui";
import type { FieldErrors } from "../../lib/api-errors";
import { isOneOf } from "../../lib/is-one-of";
import type { DraftSetter } from "../../lib/use-draft";
import { useProjectMembers } from "../projects/projects.queries";
import { addTags, moveItem, newCriterionKey, type CriterionDraft, type RequirementDraft } from "./requirement-draft";

/** The type choices: functional first, then the non-functional kinds under their own heading. */
export function useTypeOptions(): { options: SelectOption[]; groups: SelectGroup[] } {
  const { t } = useTranslation();
  return {
    options: [{ value: "functional", label: t("requirements.type.functional") }],
    groups: [
      {
        label: t("requirements.nonFunctional"),
        options: REQUIREMENT_TYPES.filter((type) => type !== "functional").map((type) => ({ value: type, label: t(`requirements.type.${type}`) })),
      },
    ],
  };
}

export function useMoscowOptions(): SelectOption[] {
  const { t } = useTranslation();
  return MOSCOW_PRIORITIES.map((m) => ({ value: m, label: t(`requirements.moscow.${m}`) }));
}

/**
 * The people who can own a requirement: the project's delivery team (the server also accepts workspace admins).
 * The current owner stays in the list even if they have left the team, so the form still shows them.
 */
export function useOwnerOptions(projectId: string, current?: { id: string | null; name: string | null }): SelectOption[] {
  const members = useProjectMembers(projectId);
  const options = (members.data?.items ?? [])
    .filter((m) => m.role !== "client" && m.workspaceRole !== "client")
    .map((m) => ({ value: m.userId, label: m.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (current?.id && current.name && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return options;
}

export type RequirementFieldsProps = {
  draft: RequirementDraft;
  onChange: DraftSetter<RequirementDraft>;
  errors: FieldErrors;
  ownerOptions: SelectOption[];
  /** Baselined and later: title, description, type and criteria change only through a change request. */
  contentFrozen?: boolean;
  /** A hint under the fields that reopen an approved requirement. */
  contentHint?: string | undefined;
};

/** The fields of a requirement, for the "New requirement" dialog and the edit form. */
export function RequirementFields({ draft, onChange, errors, ownerOptions, contentFrozen = false, contentHint }: RequirementFieldsProps) {
  const { t } = useTranslation();
  const types = useTypeOptions();
  const moscowOptions = useMoscowOptions();
  return (
    <div className="form-grid">
      <InputField
        fieldClassName="span-2"
        label={t("requirements.fields.title")}
        value={draft.title}
        onChange={(event) => onChange("title", event.target.value)}
        error={errors.title}
        maxLength={200}
        disabled={contentFrozen}
        hint={contentHint}
        data-testid="requirement-title"
      />
      <SelectField
        label={t("requirements.fields.type")}
        value={draft.type}
        options={types.options}
        groups={types.groups}
        onChange={(event) => {
          const value = event.target.value;
          if (isOneOf(REQUIREMENT_TYPES, value)) onChange("type", value);
        }}
        error={errors.type}
        disabled={contentFrozen}
      />
      <SelectField
        label={t("requirements.fields.owner")}
        value={draft.ownerId}
        placeholder={t("requirements.noOwner")}
        options={ownerOptions}
        onChange={(event) => onChange("ownerId", event.target.value)}
        error={errors.ownerId}
      />
      <SelectField
        label={t("requirements.fields.moscow")}
        value={draft.moscow}
        placeholder={t("requirements.notPrioritised")}
        options={moscowOptions}
        onChange={(event) => {
          const value = event.target.value;
          onChange("moscow", isOneOf<TMoscow>(MOSCOW_PRIORITIES, value) ? value : "");
        }}
        error={errors.moscow}
      />
      <SelectField
        label={t("requirements.fields.clientPriority")}
        hint={t("requirements.clientPriorityHint")}
        value={draft.clientPriority}
        placeholder={t("requirements.clientPriorityNone")}
        options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t("requirements.clientPriorityOf", { value: n }) }))}
        onChange={(event) => onChange("clientPriority", event.target.value)}
        error={errors.clientPriority}
      />
      <TagsInput className="span-2" label={t("requirements.fields.tags")} value={draft.tags} onChange={(tags) => onChange("tags", tags)} error={firstError(errors, "tags")} />
      <TextareaField
        fieldClassName="span-2"
        label={t("requirements.fields.description")}
        hint={t("ui.markdownHint")}
        rows={6}
        value={draft.description}
        onChange={(event) => onChange("description", event.target.value)}
        error={errors.description}
        disabled={contentFrozen}
        data-testid="requirement-description"
      />
      <CriteriaEditor
        value={draft.acceptanceCriteria}
        onChange={(criteria) => onChange("acceptanceCriteria", criteria)}
        errors={errors}
        disabled={contentFrozen}
      />
    </div>
  );
}

/** `tags` or the first `tags.<n>` error. */
function firstError(errors: FieldErrors, name: string): string | undefined {
  if (errors[name]) return errors[name];
  const key = Object.keys(errors).find((k) => k.startsWith(`${name}.`));
  return key ? errors[key] : undefined;
}

export type TagsInputProps = {
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
  error?: string | undefined;
  hint?: string;
  className?: string;
  testId?: string;
};

/** Tags as removable chips and a text box: Enter or a comma adds what was typed, Backspace in an empty box removes the last tag. */
export function TagsInput({ label, value, onChange, error, hint, className, testId }: TagsInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);

  function commit() {
    if (text.trim() === "") return;
    onChange(addTags(value, text));
    setText("");
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      if (text.trim() === "") return;
      event.preventDefault();
      commit();
    } else if (event.key === "Backspace" && text === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <Field label={label} error={error} hint={hint ?? t("requirements.tagsHint")} className={className}>
      {(control) => (
        <div className="tags-input" onClick={() => inputRef.current?.focus()}>
          {value.map((tag) => (
            <span key={tag} className="tag tag-removable">
              {tag}
              <button
                type="button"
                className="tag-remove"
                aria-label={t("requirements.removeTag", { tag })}
                onClick={(event) => {
                  event.stopPropagation();
                  onChange(value.filter((v) => v !== tag));
                  inputRef.current?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </span>
          ))}
          <input
            {...control}
            ref={inputRef}
            className="tags-input-text"
            value={text}
            onChange={(event) => {
              const next = event.target.value;
              // A pasted "a, b, c" becomes three tags at once.
              if (/[,，;；]/.test(next)) {
                onChange(addTags(value, next));
                setText("");
              } else {
                setText(next);
              }
            }}
            onKeyDown={handleKeyDown}
            onBlur={commit}
            maxLength={40}
            data-testid={testId}
          />
        </div>
      )}
    </Field>
  );
}

export type CriteriaEditorProps = {
  value: CriterionDraft[];
  onChange: (criteria: CriterionDraft[]) => void;
  errors: FieldErrors;
  disabled?: boolean;
};

/** The acceptance criteria as an ordered list: add, reword, move up and down, remove; each later becomes testable. */
export function CriteriaEditor({ value, onChange, errors, disabled = false }: CriteriaEditorProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  /** After a move or removal, keep the keyboard where the person was working. */
  function focusLater(selector: string) {
    window.requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(selector)?.focus());
  }

  function handleAdd() {
    const key = newCriterionKey();
    onChange([...value, { key, text: "" }]);
    focusLater(`[data-criterion="${key}"] textarea`);
  }

  function handleMove(index: number, delta: -1 | 1) {
    const item = value[index];
    if (!item) return;
    onChange(moveItem(value, index, index + delta));
    const target = index + delta;
    const button = target === 0 ? "down" : target === value.length - 1 ? "up" : delta < 0 ? "up" : "down";
    focusLater(`[data-criterion="${item.key}"] [data-move="${button}"]`);
  }

  function handleRemove(index: number) {
    const next = value.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[index] ?? next[index - 1];
    if (neighbour) focusLater(`[data-criterion="${neighbour.key}"] textarea`);
    else window.requestAnimationFrame(() => addRef.current?.focus());
  }

  return (
    <div className="span-2 criteria-editor" role="group" aria-labelledby={headingId}>
      <div className="criteria-head">
        <span className="field-label" id={headingId}>
          {t("requirements.fields.acceptanceCriteria")}
        </span>
        <span className="field-hint">{t("requirements.criteriaHint")}</span>
      </div>
      {errors.acceptanceCriteria ? <span className="field-error">{errors.acceptanceCriteria}</span> : null}
      {value.length > 0 ? (
        <ol className="criteria-list" ref={listRef}>
          {value.map((criterion, index) => {
            const error = errors[`acceptanceCriteria.${index}.text`] ?? errors[`acceptanceCriteria.${index}`];
            const number = index + 1;
            return (
              <li key={criterion.key} className="criteria-item" data-criterion={criterion.key}>
                <span className="criteria-number" aria-hidden="true">
                  {number}
                </span>
                <Field label={t("requirements.criterionLabel", { number })} error={error} className="criteria-field">
                  {(control) => (
                    <textarea
                      {...control}
                      className="textarea criteria-text"
                      rows={1}
                      value={criterion.text}
                      disabled={disabled}
                      maxLength={2000}
                      onChange={(event) => onChange(value.map((c) => (c.key === criterion.key ? { ...c, text: event.target.value } : c)))}
                    />
                  )}
                </Field>
                {disabled ? null : (
                  <div className="criteria-actions">
                    <button
                      type="button"
                      className="icon-button"
                      data-move="up"
                      disabled={index === 0}
                      aria-label={t("requirements.criterionUp", { number })}
                      onClick={() => handleMove(index, -1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      data-move="down"
                      disabled={index === value.length - 1}
                      aria-label={t("requirements.criterionDown", { number })}
                      onClick={() => handleMove(index, 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button type="button" className="icon-button icon-button-danger" aria-label={t("requirements.criterionRemove", { number })} onClick={() => handleRemove(index)}>
                      <span aria-hidden="true">×</span>
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="subtle">{t("requirements.noCriteria")}</p>
      )}
      {disabled ? null : (
        <div>
          <button type="button" className="btn btn-secondary btn-sm" onClick={handleAdd} ref={addRef} data-testid="add-criterion">
            {t("requirements.addCriterion")}
          </button>
        </div>
      )}
    </div>
  );
}
