import { useTranslation } from "react-i18next";
import { QUESTION_KIND_VALUES } from "@jiaofu/contracts";
import { Button, InputField, SelectField } from "../../ui";
import { isOneOf } from "../../lib/is-one-of";
import { changeQuestionKind, moveOption, newOption, type Question } from "./builder-model";

export type QuestionEditorProps = {
  question: Question;
  /** 1-based, across the whole questionnaire. */
  number: number;
  onChange: (question: Question) => void;
  onMove: (delta: -1 | 1) => void;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onRemove: () => void;
  /** The API's errors for this question, keyed by the rest of their path (`text`, `options.0.label`, `""`). */
  errors: Record<string, string>;
  /** Drag and drop (the buttons do the same from the keyboard). */
  onDragStart: () => void;
  onDragEnd: () => void;
  onDrop: () => void;
  dragging: boolean;
  dropTarget: boolean;
  onDragEnter: () => void;
};

/** One question of the builder: its kind, wording, required switch, options or scale labels, and where it sits. */
export function QuestionEditor(props: QuestionEditorProps) {
  const { question, number, onChange, onMove, canMoveUp, canMoveDown, onRemove, errors } = props;
  const { t } = useTranslation();
  const own = errors[""] ?? errors.kind;
  const optionsError = errors.options;
  const label = t("questionnaires.builder.questionNumber", { number });

  return (
    <li
      className={["question-editor", props.dragging ? "dragging" : "", props.dropTarget ? "drop-target" : ""].filter(Boolean).join(" ")}
      aria-label={label}
      data-testid="question-editor"
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
      }}
      onDragEnter={props.onDragEnter}
      onDrop={(event) => {
        event.preventDefault();
        event.stopPropagation();
        props.onDrop();
      }}
    >
      <div className="question-editor-head">
        <span
          className="drag-handle"
          draggable
          aria-hidden="true"
          title={t("questionnaires.builder.dragHint")}
          onDragStart={(event) => {
            event.dataTransfer.effectAllowed = "move";
            // Some browsers start a drag only with data; a private type, so dropping on a text field inserts nothing.
            event.dataTransfer.setData("application/x-jiaofu-question", question.id);
            const card = event.currentTarget.closest("li");
            if (card) event.dataTransfer.setDragImage(card, 20, 20);
            props.onDragStart();
          }}
          onDragEnd={props.onDragEnd}
        >
          ⋮⋮
        </span>
        <span className="question-number">{label}</span>
        <SelectField
          fieldClassName="question-kind"
          label={t("questionnaires.builder.kind")}
          value={question.kind}
          options={QUESTION_KIND_VALUES.map((value) => ({ value, label: t(`questionnaires.kinds.${value}`) }))}
          onChange={(event) => {
            if (isOneOf(QUESTION_KIND_VALUES, event.target.value)) onChange(changeQuestionKind(question, event.target.value));
          }}
          data-testid="question-kind"
        />
        <div className="question-editor-actions">
          <Button size="sm" variant="ghost" disabled={!canMoveUp} onClick={() => onMove(-1)} aria-label={t("questionnaires.builder.moveQuestionUp", { number })}>
            <span aria-hidden="true">↑</span>
          </Button>
          <Button size="sm" variant="ghost" disabled={!canMoveDown} onClick={() => onMove(1)} aria-label={t("questionnaires.builder.moveQuestionDown", { number })}>
            <span aria-hidden="true">↓</span>
          </Button>
          <Button size="sm" variant="danger-ghost" onClick={onRemove} aria-label={t("questionnaires.builder.removeQuestion", { number })}>
            <span aria-hidden="true">×</span>
          </Button>
        </div>
      </div>
      {own ? <p className="field-error">{own}</p> : null}
      <InputField
        label={t("questionnaires.builder.text")}
        value={question.text}
        onChange={(event) => onChange({ ...question, text: event.target.value })}
        error={errors.text}
        maxLength={2000}
        data-testid="question-text"
      />
      <InputField
        label={t("questionnaires.builder.description")}
        optional
        value={question.description}
        onChange={(event) => onChange({ ...question, description: event.target.value })}
        error={errors.description}
      />
      <label className="checkbox">
        <input type="checkbox" checked={question.required} onChange={(event) => onChange({ ...question, required: event.target.checked })} data-testid="question-required" />
        <span>{t("questionnaires.builder.required")}</span>
      </label>
      {"options" in question ? (
        <fieldset className="options-editor">
          <legend className="field-label">{t("questionnaires.builder.options")}</legend>
          <ol className="options-list">
            {question.options.map((option, index) => (
              <li key={option.id} className="option-row">
                <InputField
                  fieldClassName="option-label"
                  label={t("questionnaires.builder.optionLabel", { number: index + 1 })}
                  value={option.label}
                  onChange={(event) =>
                    onChange({ ...question, options: question.options.map((o) => (o.id === option.id ? { ...o, label: event.target.value } : o)) })
                  }
                  error={errors[`options.${index}.label`] ?? errors[`options.${index}`]}
                  maxLength={500}
                />
                <div className="option-actions">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === 0}
                    onClick={() => onChange(moveOption(question, option.id, -1))}
                    aria-label={t("questionnaires.builder.moveOptionUp", { number: index + 1 })}
                  >
                    <span aria-hidden="true">↑</span>
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === question.options.length - 1}
                    onClick={() => onChange(moveOption(question, option.id, 1))}
                    aria-label={t("questionnaires.builder.moveOptionDown", { number: index + 1 })}
                  >
                    <span aria-hidden="true">↓</span>
                  </Button>
                  <Button
                    size="sm"
                    variant="danger-ghost"
                    disabled={question.options.length <= 1}
                    onClick={() => onChange({ ...question, options: question.options.filter((o) => o.id !== option.id) })}
                    aria-label={t("questionnaires.builder.removeOption", { number: index + 1 })}
                  >
                    <span aria-hidden="true">×</span>
                  </Button>
                </div>
              </li>
            ))}
          </ol>
          {optionsError ? <p className="field-error">{optionsError}</p> : null}
          <div>
            <Button size="sm" variant="secondary" onClick={() => onChange({ ...question, options: [...question.options, newOption()] })}>
              {t("questionnaires.builder.addOption")}
            </Button>
          </div>
        </fieldset>
      ) : null}
      {"lowLabel" in question ? (
        <div className="form-grid">
          <InputField
            label={t("questionnaires.builder.lowLabel", { value: question.kind === "nps" ? 0 : 1 })}
            optional
            value={question.lowLabel}
            onChange={(event) => onChange({ ...question, lowLabel: event.target.value })}
            error={errors.lowLabel}
            maxLength={100}
          />
          <InputField
            label={t("questionnaires.builder.highLabel", { value: question.kind === "nps" ? 10 : 5 })}
            optional
            value={question.highLabel}
            onChange={(event) => onChange({ ...question, highLabel: event.target.value })}
            error={errors.highLabel}
            maxLength={100}
          />
        </div>
      ) : null}
    </li>
  );
}
