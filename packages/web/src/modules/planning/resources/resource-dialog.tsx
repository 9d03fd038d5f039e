import { useTranslation } from "react-i18next";
import type { TPlanResource, TProject } from "@jiaofu/contracts";
import { Button, Dialog, InputField, SelectField, useToast } from "../../../ui";
import { fieldErrorsOf } from "../../../lib/api-errors";
import { useDraft } from "../../../lib/use-draft";
import { DialogForm } from "../../common/dialog-form";
import { useProjectMembers } from "../../projects/projects.queries";
import { type PlanResourceInput, useCreatePlanResource, useUpdatePlanResource } from "../plan-resources.queries";

export type ResourceDialogProps = {
  project: TProject;
  currency: string;
  /** The resource to edit, "new" to add one, null when closed. */
  resource: TPlanResource | "new" | null;
  onClose: () => void;
};

/** Add or edit a resource: name, type, team member, role, max units, rates, unit (materials) and days off. */
export function ResourceDialog({ project, currency, resource, onClose }: ResourceDialogProps) {
  const { t } = useTranslation();
  const open = resource !== null;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={resource === "new" || resource === null ? t("planResources.dialog.createTitle") : t("planResources.dialog.editTitle", { name: resource.name })}
      description={t("planResources.dialog.description", { currency })}
      testId="resource-dialog"
    >
      {open ? <ResourceForm key={resource === "new" ? "new" : resource.id} project={project} resource={resource} onClose={onClose} /> : null}
    </Dialog>
  );
}

type DayOff = { from: string; to: string };
type Draft = {
  name: string;
  kind: TPlanResource["kind"];
  userId: string;
  role: string;
  maxUnits: string;
  costPerHour: string;
  costPerUse: string;
  materialLabel: string;
  daysOff: DayOff[];
};

const number = (text: string) => (text.trim() === "" ? 0 : Number(text.replace(",", ".")));

function ResourceForm({ project, resource, onClose }: { project: TProject; resource: TPlanResource | "new"; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const members = useProjectMembers(project.id);
  const create = useCreatePlanResource(project.id);
  const update = useUpdatePlanResource(project.id);
  const existing = resource === "new" ? null : resource;
  const { draft, set } = useDraft<Draft>(() => ({
    name: existing?.name ?? "",
    kind: existing?.kind ?? "work",
    userId: existing?.userId ?? "",
    role: existing?.role ?? "",
    maxUnits: String(existing?.maxUnits ?? 1),
    costPerHour: String(existing?.costPerHour ?? 0),
    costPerUse: String(existing?.costPerUse ?? 0),
    materialLabel: existing?.materialLabel ?? "",
    // Only whole days off are edited here; days worked differently stay as they are.
    daysOff: (existing?.exceptions ?? []).filter((e) => e.hours === "").map((e) => ({ from: e.from, to: e.to ?? e.from })),
  }));
  const mutation = existing ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const team = (members.data?.items ?? []).filter((m) => m.role === "manager" || m.role === "member");
  // Days worked differently are not edited here and go first in the request: day-off errors come after them.
  const keptCount = (existing?.exceptions ?? []).filter((e) => e.hours !== "").length;

  function handleSubmit() {
    const kept = (existing?.exceptions ?? []).filter((e) => e.hours !== "");
    const body: PlanResourceInput = {
      name: draft.name,
      kind: draft.kind,
      userId: draft.userId === "" ? null : draft.userId,
      role: draft.role,
      maxUnits: number(draft.maxUnits),
      costPerHour: number(draft.costPerHour),
      costPerUse: number(draft.costPerUse),
      materialLabel: draft.kind === "material" ? draft.materialLabel : "",
      exceptions: [...kept, ...draft.daysOff.filter((d) => d.from !== "").map((d) => ({ from: d.from, to: d.to && d.to !== d.from ? d.to : null, hours: "", name: "" }))],
    };
    const done = () => {
      toast.show(t("planResources.dialog.saved"), "success");
      onClose();
    };
    if (existing) update.mutate({ id: existing.id, body: { version: existing.version, ...body } }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  }

  const setDayOff = (i: number, key: keyof DayOff, value: string) => set("daysOff", draft.daysOff.map((d, k) => (k === i ? { ...d, [key]: value } : d)));

  return (
    <DialogForm
      onSubmit={handleSubmit}
      onCancel={onClose}
      submitLabel={existing ? t("planResources.dialog.save") : t("planResources.dialog.create")}
      submitting={mutation.isPending}
      submitDisabled={draft.name.trim() === ""}
      error={mutation.error}
    >
      <div className="form-grid">
        <InputField label={t("planResources.dialog.name")} value={draft.name} onChange={(e) => set("name", e.target.value)} error={errors.name} maxLength={200} data-testid="resource-name" />
        <SelectField
          label={t("planResources.dialog.kind")}
          value={draft.kind}
          onChange={(e) => set("kind", e.target.value as Draft["kind"])}
          options={(["work", "material", "cost"] as const).map((k) => ({ value: k, label: t(`planResources.kind.${k}`) }))}
          error={errors.kind}
          data-testid="resource-kind"
        />
        {draft.kind === "work" ? (
          <>
            <SelectField
              label={t("planResources.dialog.user")}
              optional
              value={draft.userId}
              onChange={(e) => set("userId", e.target.value)}
              placeholder={t("planResources.dialog.userNone")}
              options={team.map((m) => ({ value: m.userId, label: m.name }))}
              error={errors.userId}
              data-testid="resource-user"
            />
            <InputField label={t("planResources.dialog.role")} optional value={draft.role} onChange={(e) => set("role", e.target.value)} error={errors.role} maxLength={100} data-testid="resource-role" />
            <InputField label={t("planResources.dialog.maxUnits")} inputMode="decimal" value={draft.maxUnits} onChange={(e) => set("maxUnits", e.target.value)} error={errors.maxUnits} data-testid="resource-max-units" />
          </>
        ) : null}
        {draft.kind !== "cost" ? (
          <InputField
            label={draft.kind === "work" ? t("planResources.dialog.costPerHour") : t("planResources.dialog.pricePerUnit")}
            inputMode="decimal"
            value={draft.costPerHour}
            onChange={(e) => set("costPerHour", e.target.value)}
            error={errors.costPerHour}
            data-testid="resource-rate"
          />
        ) : null}
        {draft.kind === "material" ? (
          <InputField
            label={t("planResources.dialog.materialLabel")}
            hint={t("planResources.dialog.materialLabelHint")}
            value={draft.materialLabel}
            onChange={(e) => set("materialLabel", e.target.value)}
            error={errors.materialLabel}
            maxLength={50}
            data-testid="resource-material-label"
          />
        ) : null}
        <InputField
          label={t("planResources.dialog.costPerUse")}
          hint={t("planResources.dialog.costHint")}
          inputMode="decimal"
          value={draft.costPerUse}
          onChange={(e) => set("costPerUse", e.target.value)}
          error={errors.costPerUse}
          data-testid="resource-per-use"
        />
      </div>
      {draft.kind === "work" ? (
        <fieldset className="resource-days-off">
          <legend>{t("planResources.dialog.daysOff")}</legend>
          <p className="subtle">{t("planResources.dialog.daysOffHint")}</p>
          {draft.daysOff.map((d, i) => (
            <div className="row resource-day-off" key={i}>
              <InputField label={t("planResources.dialog.from")} type="date" value={d.from} onChange={(e) => setDayOff(i, "from", e.target.value)} error={errors[`exceptions.${keptCount + i}.from`]} />
              <InputField label={t("planResources.dialog.to")} type="date" value={d.to} onChange={(e) => setDayOff(i, "to", e.target.value)} error={errors[`exceptions.${keptCount + i}.to`]} />
              <Button size="sm" variant="danger-ghost" onClick={() => set("daysOff", draft.daysOff.filter((_, k) => k !== i))}>
                {t("planResources.dialog.removeDayOff")}
              </Button>
            </div>
          ))}
          <Button size="sm" variant="secondary" onClick={() => set("daysOff", [...draft.daysOff, { from: "", to: "" }])} data-testid="resource-add-day-off">
            {t("planResources.dialog.addDayOff")}
          </Button>
        </fieldset>
      ) : null}
    </DialogForm>
  );
}
