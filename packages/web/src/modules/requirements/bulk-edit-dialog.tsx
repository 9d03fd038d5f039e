import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { REQUIREMENT_TYPES, type TBulkUpdateRequirementsRequest, type TRequirement } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Dialog, SelectField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { isOneOf } from "../../lib/is-one-of";
import { DialogForm } from "../common/dialog-form";
import { TagsInput, useMoscowOptions, useOwnerOptions, useTypeOptions } from "./requirement-fields";
import { requirementKeys } from "./requirements.queries";

/** A select's "leave as it is" and "clear it" choices (people and tiers have uuids and words as values). */
const KEEP = "";
const CLEAR = "__none";

export type BulkEditDialogProps = {
  projectId: string;
  open: boolean;
  onClose: () => void;
  /** The selected requirements, as the register loaded them (their versions guard against lost updates). */
  selected: TRequirement[];
  onDone: () => void;
};

/** One change to every selected requirement: owner, MoSCoW, type, tags. All or nothing: a refusal changes none. */
export function BulkEditDialog({ projectId, open, onClose, selected, onDone }: BulkEditDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("requirements.bulk.title", { count: selected.length })}
      description={t("requirements.bulk.description")}
      testId="bulk-edit-dialog"
    >
      <BulkEditForm projectId={projectId} selected={selected} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}

function BulkEditForm({ projectId, selected, onClose, onDone }: Omit<BulkEditDialogProps, "open">) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const ownerOptions = useOwnerOptions(projectId);
  const moscowOptions = useMoscowOptions();
  const types = useTypeOptions();
  const [ownerId, setOwnerId] = useState(KEEP);
  const [moscow, setMoscow] = useState(KEEP);
  const [type, setType] = useState(KEEP);
  const [addTags, setAddTags] = useState<string[]>([]);
  const [removeTags, setRemoveTags] = useState<string[]>([]);
  const tagsInSelection = [...new Set(selected.flatMap((r) => r.tags))].sort((a, b) => a.localeCompare(b));

  const patch: TBulkUpdateRequirementsRequest["patch"] = {};
  if (ownerId !== KEEP) patch.ownerId = ownerId === CLEAR ? null : ownerId;
  if (moscow !== KEEP) patch.moscow = moscow === CLEAR || !isOneOf(["must", "should", "could", "wont"] as const, moscow) ? null : moscow;
  if (type !== KEEP && isOneOf(REQUIREMENT_TYPES, type)) patch.type = type;
  if (addTags.length > 0) patch.addTags = addTags;
  if (removeTags.length > 0) patch.removeTags = removeTags;
  const empty = Object.keys(patch).length === 0;

  const save = useMutation({
    mutationFn: () =>
      api.requirements.bulkUpdate(projectId, {
        ids: selected.map((r) => r.id),
        versions: Object.fromEntries(selected.map((r) => [r.id, r.version])),
        patch,
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: requirementKeys.lists(projectId) });
      await queryClient.invalidateQueries({ queryKey: ["requirements", "detail"] });
      toast.show(t("requirements.bulk.done", { count: result.items.length }), "success");
      onDone();
    },
  });

  const errors = fieldErrorsOf(save.error);
  // Problems with particular requirements (ids.3: not found) have no field here: say them in a banner.
  const other = Object.entries(errors).filter(([key]) => !key.startsWith("patch."));

  return (
    <DialogForm
      onSubmit={() => save.mutate()}
      onCancel={onClose}
      submitLabel={t("requirements.bulk.apply", { count: selected.length })}
      submitting={save.isPending}
      submitDisabled={empty}
      error={save.error}
      onReload={() => {
        // Someone changed one of them meanwhile: reload the register, whose fresh versions the next try sends.
        save.reset();
        onClose();
        void queryClient.invalidateQueries({ queryKey: requirementKeys.lists(projectId) });
      }}
    >
      {other.length > 0 ? (
        <Banner tone="error">
          <p>{apiMessageOf(save.error)}</p>
          <ul>
            {other.map(([key, message]) => (
              <li key={key}>{message}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      <p className="subtle">{t("requirements.bulk.allOrNothing")}</p>
      <div className="form-grid">
        <SelectField
          label={t("requirements.fields.owner")}
          value={ownerId}
          options={[{ value: KEEP, label: t("requirements.bulk.keep") }, { value: CLEAR, label: t("requirements.noOwner") }, ...ownerOptions]}
          onChange={(event) => setOwnerId(event.target.value)}
          error={errors["patch.ownerId"]}
        />
        <SelectField
          label={t("requirements.fields.moscow")}
          value={moscow}
          options={[{ value: KEEP, label: t("requirements.bulk.keep") }, { value: CLEAR, label: t("requirements.notPrioritised") }, ...moscowOptions]}
          onChange={(event) => setMoscow(event.target.value)}
          error={errors["patch.moscow"]}
        />
        <SelectField
          label={t("requirements.fields.type")}
          value={type}
          options={[{ value: KEEP, label: t("requirements.bulk.keep") }, ...types.options]}
          groups={types.groups}
          onChange={(event) => setType(event.target.value)}
          error={errors["patch.type"]}
          hint={type !== KEEP ? t("requirements.bulk.typeHint") : undefined}
        />
        <TagsInput className="span-2" label={t("requirements.bulk.addTags")} value={addTags} onChange={setAddTags} error={errors["patch.addTags"]} testId="bulk-add-tags" />
        {tagsInSelection.length > 0 ? (
          <fieldset className="span-2 checkbox-group">
            <legend className="field-label">{t("requirements.bulk.removeTags")}</legend>
            {tagsInSelection.map((tag) => (
              <label key={tag} className="checkbox">
                <input
                  type="checkbox"
                  checked={removeTags.includes(tag)}
                  onChange={(event) => setRemoveTags(event.target.checked ? [...removeTags, tag] : removeTags.filter((x) => x !== tag))}
                />
                <span className="tag">{tag}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
    </DialogForm>
  );
}
