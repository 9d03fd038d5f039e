import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TSavedView } from "@jiaofu/contracts";
import { api } from "../../api";
import { Button, Dialog, InputField, Select, useToast } from "../../ui";
import { fieldErrorsOf } from "../../lib/api-errors";
import { ConfirmDialog } from "../common/confirm-dialog";
import { DialogForm } from "../common/dialog-form";
import { filtersEqual, filtersFromView, filtersToView, type RequirementFilters } from "./requirement-filters";
import type { RequirementPermissions } from "./requirement-permissions";
import { requirementKeys, useSavedViews } from "./requirements.queries";

export type SavedViewsBarProps = {
  projectId: string;
  filters: RequirementFilters;
  /** The view picked from the list ("" for none). */
  viewId: string;
  onApply: (view: TSavedView | null) => void;
  can: RequirementPermissions;
};

/** Pick a saved view of the register, save the current filters as one, or remove one. */
export function SavedViewsBar({ projectId, filters, viewId, onApply, can }: SavedViewsBarProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const views = useSavedViews(projectId);
  const [saving, setSaving] = useState(false);
  const [removing, setRemoving] = useState<TSavedView | null>(null);
  const items = views.data ?? [];
  const current = items.find((v) => v.id === viewId) ?? null;
  const changed = current !== null && !filtersEqual(filtersFromView(current.filters), filters);
  const mine = items.filter((v) => v.userId === can.meId);
  const team = items.filter((v) => v.userId !== can.meId);
  const canRemove = (view: TSavedView) => view.userId === can.meId || (view.shared && can.removeSharedViews);

  const remove = useMutation({
    mutationFn: (view: TSavedView) => api.requirements.removeSavedView(projectId, view.id),
    onSuccess: async (_, view) => {
      setRemoving(null);
      toast.show(t("requirements.views.removed", { name: view.name }), "success");
      if (view.id === viewId) onApply(null);
      await queryClient.invalidateQueries({ queryKey: requirementKeys.savedViews(projectId) });
    },
  });

  return (
    <div className="views-bar">
      <label className="views-picker">
        <span className="field-label">{t("requirements.views.label")}</span>
        <Select
          className="select-inline"
          value={current ? current.id : ""}
          placeholder={t("requirements.views.none")}
          groups={[
            { label: t("requirements.views.mine"), options: mine.map((v) => ({ value: v.id, label: v.shared ? t("requirements.views.sharedName", { name: v.name }) : v.name })) },
            { label: t("requirements.views.team"), options: team.map((v) => ({ value: v.id, label: t("requirements.views.byName", { name: v.name, author: v.userName }) })) },
          ]}
          onChange={(event) => onApply(items.find((v) => v.id === event.target.value) ?? null)}
          disabled={views.isPending}
          data-testid="saved-view-select"
        />
      </label>
      {changed ? <span className="subtle">{t("requirements.views.changed")}</span> : null}
      <Button size="sm" variant="ghost" onClick={() => setSaving(true)} data-testid="save-view">
        {t("requirements.views.save")}
      </Button>
      {current && canRemove(current) ? (
        <Button size="sm" variant="danger-ghost" onClick={() => setRemoving(current)}>
          {t("requirements.views.remove")}
        </Button>
      ) : null}
      <Dialog open={saving} onClose={() => setSaving(false)} title={t("requirements.views.saveTitle")} description={t("requirements.views.saveDescription")}>
        <SaveViewForm
          projectId={projectId}
          filters={filters}
          canShare={can.write}
          onClose={() => setSaving(false)}
          onSaved={(view) => {
            setSaving(false);
            onApply(view);
          }}
        />
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        title={t("requirements.views.removeTitle")}
        confirmLabel={t("requirements.views.remove")}
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (removing) remove.mutate(removing);
        }}
      >
        {removing?.shared ? t("requirements.views.removeSharedBody", { name: removing.name }) : t("requirements.views.removeBody", { name: removing?.name ?? "" })}
      </ConfirmDialog>
    </div>
  );
}

type SaveViewFormProps = {
  projectId: string;
  filters: RequirementFilters;
  canShare: boolean;
  onClose: () => void;
  onSaved: (view: TSavedView) => void;
};

function SaveViewForm({ projectId, filters, canShare, onClose, onSaved }: SaveViewFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const save = useMutation({
    mutationFn: () => api.requirements.createSavedView(projectId, { name, shared, filters: filtersToView(filters) }),
    onSuccess: async (view) => {
      await queryClient.invalidateQueries({ queryKey: requirementKeys.savedViews(projectId) });
      toast.show(t("requirements.views.saved", { name: view.name }), "success");
      onSaved(view);
    },
  });
  const errors = fieldErrorsOf(save.error);
  return (
    <DialogForm onSubmit={() => save.mutate()} onCancel={onClose} submitLabel={t("requirements.views.saveSubmit")} submitting={save.isPending} error={save.error}>
      <InputField label={t("requirements.views.name")} value={name} onChange={(event) => setName(event.target.value)} error={errors.name} maxLength={100} data-testid="saved-view-name" />
      {canShare ? (
        <label className="checkbox">
          <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
          {t("requirements.views.share")}
        </label>
      ) : null}
    </DialogForm>
  );
}
