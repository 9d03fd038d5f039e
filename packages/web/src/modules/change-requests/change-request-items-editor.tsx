import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CHANGE_REQUEST_TARGET_STATUSES } from "@jiaofu/engine";
import { MOSCOW_PRIORITIES, REQUIREMENT_TYPES, type TMoscow, type TRequirementDetail } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, Dialog, InputField, SelectField, TextareaField } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";
import { isOneOf } from "../../lib/is-one-of";
import { CriteriaEditor, useMoscowOptions, useTypeOptions } from "../requirements/requirement-fields";
import { RequirementPicker } from "../requirements/requirement-picker";
import { requirementKeys } from "../requirements/requirements.queries";
import { ItemActionBadge } from "./change-request-badges";
import { EMPTY_CONTENT_DRAFT, contentDraftOf, itemErrors, itemRequirementIds, newItemKey, type ContentDraft, type ItemDraft } from "./change-request-draft";

/** A requirement's detail through the query cache (the picker and "Propose a change" both start from one). */
export function useFetchRequirement() {
  const queryClient = useQueryClient();
  return (id: string): Promise<TRequirementDetail> => queryClient.fetchQuery({ queryKey: requirementKeys.detail(id), queryFn: () => api.requirements.get(id) });
}

/** An item for `requirement`: its current content prefilled for a change, or just the reference for a removal. */
export function itemFor(action: "modify" | "remove", requirement: TRequirementDetail): ItemDraft {
  const ref = { id: requirement.id, key: requirement.key, title: requirement.title, status: requirement.status };
  return action === "modify" ? { key: newItemKey(), action, requirement: ref, content: contentDraftOf(requirement) } : { key: newItemKey(), action, requirement: ref };
}

export type ItemsEditorProps = {
  projectId: string;
  items: ItemDraft[];
  onChange: (items: ItemDraft[]) => void;
  /** The API's field errors, by path (`items.0.proposed.title`). */
  errors: Record<string, string>;
};

/**
 * The changes a request makes: new requirements, new content for requirements in scope (prefilled with what they say
 * now), requirements out of scope. A requirement is named by one item at most.
 */
export function ItemsEditor({ projectId, items, onChange, errors }: ItemsEditorProps) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState<"modify" | "remove" | null>(null);

  function handleAdd() {
    onChange([...items, { key: newItemKey(), action: "add", content: EMPTY_CONTENT_DRAFT }]);
  }

  return (
    <div className="stack cr-items-editor">
      {errors.items ? <p className="field-error">{errors.items}</p> : null}
      {items.length === 0 ? <p className="subtle">{t("changeRequests.form.noItems")}</p> : null}
      <ol className="cr-item-list">
        {items.map((item, index) => (
          <li key={item.key} className="cr-item" data-testid="cr-item-editor" data-action={item.action}>
            <ItemEditor
              item={item}
              number={index + 1}
              errors={itemErrors(errors, index)}
              onChange={(next) => onChange(items.map((i) => (i.key === item.key ? next : i)))}
              onRemove={() => onChange(items.filter((i) => i.key !== item.key))}
            />
          </li>
        ))}
      </ol>
      <div className="row cr-item-actions" role="group" aria-label={t("changeRequests.form.addItemLabel")}>
        <Button size="sm" onClick={handleAdd} data-testid="cr-add-item">
          {t("changeRequests.form.addNew")}
        </Button>
        <Button size="sm" onClick={() => setPicking("modify")} data-testid="cr-modify-item">
          {t("changeRequests.form.modifyExisting")}
        </Button>
        <Button size="sm" onClick={() => setPicking("remove")} data-testid="cr-remove-item">
          {t("changeRequests.form.removeExisting")}
        </Button>
      </div>
      <Dialog
        open={picking !== null}
        onClose={() => setPicking(null)}
        title={picking === "remove" ? t("changeRequests.form.pickRemoveTitle") : t("changeRequests.form.pickModifyTitle")}
        description={t("changeRequests.form.pickDescription")}
        testId="cr-pick-dialog"
      >
        {picking ? (
          <PickRequirement
            projectId={projectId}
            exclude={itemRequirementIds(items)}
            action={picking}
            onPicked={(item) => {
              onChange([...items, item]);
              setPicking(null);
            }}
            onCancel={() => setPicking(null)}
          />
        ) : null}
      </Dialog>
    </div>
  );
}

function PickRequirement({
  projectId,
  exclude,
  action,
  onPicked,
  onCancel,
}: {
  projectId: string;
  exclude: string[];
  action: "modify" | "remove";
  onPicked: (item: ItemDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fetchRequirement = useFetchRequirement();
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function handlePick() {
    if (!value) return;
    setBusy(true);
    setError(null);
    try {
      onPicked(itemFor(action, await fetchRequirement(value)));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      {error ? <Banner tone="error">{apiMessageOf(error) ?? t("errors.network")}</Banner> : null}
      <RequirementPicker projectId={projectId} exclude={exclude} statuses={CHANGE_REQUEST_TARGET_STATUSES} value={value} onChange={setValue} />
      <div className="form-actions">
        <Button variant="secondary" onClick={onCancel}>
          {t("ui.cancel")}
        </Button>
        <Button variant="primary" disabled={!value} loading={busy} onClick={() => void handlePick()} data-testid="cr-pick-confirm">
          {action === "remove" ? t("changeRequests.form.pickRemove") : t("changeRequests.form.pickModify")}
        </Button>
      </div>
    </div>
  );
}

type ItemEditorProps = { item: ItemDraft; number: number; errors: Record<string, string>; onChange: (item: ItemDraft) => void; onRemove: () => void };

function ItemEditor({ item, number, errors, onChange, onRemove }: ItemEditorProps) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <div className="cr-item-head">
        <span className="cr-item-number" aria-hidden="true">
          {number}
        </span>
        <ItemActionBadge action={item.action} />
        {item.action === "add" ? null : (
          <span className="cr-item-target">
            <span className="mono">{item.requirement.key}</span> {item.requirement.title}
          </span>
        )}
        <button type="button" className="icon-button icon-button-danger cr-item-remove" aria-label={t("changeRequests.form.removeItem", { number })} onClick={onRemove}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {errors.requirementId ? <p className="field-error">{errors.requirementId}</p> : null}
      {item.action === "remove" ? (
        <p className="subtle">{t("changeRequests.form.removeHint", { key: item.requirement.key })}</p>
      ) : (
        <ContentFields content={item.content} errors={errors} onChange={(content) => onChange({ ...item, content })} />
      )}
    </div>
  );
}

/** The content a request proposes: what a requirement would say. */
function ContentFields({ content, errors, onChange }: { content: ContentDraft; errors: Record<string, string>; onChange: (content: ContentDraft) => void }) {
  const { t } = useTranslation();
  const types = useTypeOptions();
  const moscowOptions = useMoscowOptions();
  const set = <K extends keyof ContentDraft>(key: K, value: ContentDraft[K]) => onChange({ ...content, [key]: value });
  return (
    <div className="form-grid">
      <InputField
        fieldClassName="span-2"
        label={t("requirements.fields.title")}
        value={content.title}
        onChange={(event) => set("title", event.target.value)}
        error={errors.title}
        maxLength={200}
        data-testid="cr-item-title"
      />
      <SelectField
        label={t("requirements.fields.type")}
        value={content.type}
        options={types.options}
        groups={types.groups}
        onChange={(event) => {
          if (isOneOf(REQUIREMENT_TYPES, event.target.value)) set("type", event.target.value);
        }}
        error={errors.type}
      />
      <SelectField
        label={t("requirements.fields.moscow")}
        value={content.moscow}
        placeholder={t("requirements.notPrioritised")}
        options={moscowOptions}
        onChange={(event) => set("moscow", isOneOf<TMoscow>(MOSCOW_PRIORITIES, event.target.value) ? event.target.value : "")}
        error={errors.moscow}
      />
      <TextareaField
        fieldClassName="span-2"
        label={t("requirements.fields.description")}
        hint={t("ui.markdownHint")}
        rows={4}
        value={content.description}
        onChange={(event) => set("description", event.target.value)}
        error={errors.description}
      />
      <CriteriaEditor value={content.acceptanceCriteria} onChange={(criteria) => set("acceptanceCriteria", criteria)} errors={errors} />
    </div>
  );
}
