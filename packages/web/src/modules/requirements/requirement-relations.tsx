import { useState } from "react";
import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TRequirementDetail, TRequirementRelation } from "@jiaofu/contracts";
import { api } from "../../api";
import { Badge, Button, Dialog, SelectField, TextareaField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { formatDay } from "../../lib/format";
import { isOneOf } from "../../lib/is-one-of";
import { ConfirmDialog } from "../common/confirm-dialog";
import { DialogForm } from "../common/dialog-form";
import { RequirementStatusBadge } from "./requirement-badges";
import { requirementPath } from "./requirement-paths";
import { RequirementPicker } from "./requirement-picker";
import { RELATION_CHOICES, groupRelations, relationRequestOf, type RelationEntry, type TRelationChoice } from "./relation-groups";
import { requirementKeys } from "./requirements.queries";

export type RequirementRelationsProps = {
  requirement: TRequirementDetail;
  canWrite: boolean;
  /** Client contacts follow a requirement's relations without links into the staff pages. */
  linkTo?: (requirementId: string) => string;
};

/** Conflicts, duplicates, dependencies and refinements, grouped as seen from this requirement. */
export function RequirementRelations({ requirement, canWrite, linkTo }: RequirementRelationsProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const groups = groupRelations(requirement.relations, requirement.id);
  const hrefOf = linkTo ?? ((id: string) => requirementPath(requirement.projectId, id));

  return (
    <div className="stack">
      {groups.length === 0 ? (
        <div className="side-empty">
          <p className="side-empty-title">{t("requirements.relations.emptyTitle")}</p>
          <p className="subtle">{t("requirements.relations.emptyBody")}</p>
        </div>
      ) : (
        groups.map(({ group, entries }) => (
          <section key={group} className="relation-group" aria-labelledby={`relations-${group}`}>
            <h4 className="subheading" id={`relations-${group}`}>
              {t(`requirements.relations.groups.${group}`)}
            </h4>
            <ul className="relation-list">
              {entries.map((entry) => (
                <RelationItem key={entry.relation.id} entry={entry} requirement={requirement} canWrite={canWrite} href={hrefOf(entry.other.id)} />
              ))}
            </ul>
          </section>
        ))
      )}
      {canWrite ? (
        <div>
          <Button size="sm" variant="secondary" onClick={() => setAdding(true)} data-testid="add-relation">
            {t("requirements.relations.add")}
          </Button>
        </div>
      ) : null}
      <Dialog open={adding} onClose={() => setAdding(false)} title={t("requirements.relations.addTitle", { key: requirement.key })} wide testId="add-relation-dialog">
        <AddRelationForm requirement={requirement} onClose={() => setAdding(false)} />
      </Dialog>
    </div>
  );
}

/** Everything that shows a relation: both requirements' pages. */
async function relationsChanged(queryClient: ReturnType<typeof useQueryClient>, ids: readonly string[]) {
  await Promise.all(ids.map((id) => queryClient.invalidateQueries({ queryKey: requirementKeys.detail(id) })));
  await queryClient.invalidateQueries({ queryKey: ["audit", "requirement"] });
}

type RelationItemProps = { entry: RelationEntry; requirement: TRequirementDetail; canWrite: boolean; href: string };

function RelationItem({ entry, requirement, canWrite, href }: RelationItemProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [resolving, setResolving] = useState(false);
  const [removing, setRemoving] = useState(false);
  const { relation, other } = entry;
  const conflict = relation.kind === "conflicts_with";

  const remove = useMutation({
    mutationFn: () => api.requirements.removeRelation(relation.id),
    onSuccess: async () => {
      setRemoving(false);
      toast.show(t("requirements.relations.removed", { key: other.key }), "success");
      await relationsChanged(queryClient, [requirement.id, other.id]);
    },
  });
  const reopen = useMutation({
    mutationFn: () => api.requirements.updateRelation(relation.id, { version: relation.version, status: "open" }),
    onSuccess: async () => {
      toast.show(t("requirements.relations.reopened", { key: other.key }), "success");
      await relationsChanged(queryClient, [requirement.id, other.id]);
    },
  });

  return (
    <li className="relation-item" data-testid="relation-item" data-kind={relation.kind}>
      <div className="relation-main">
        <Link to={href} className="relation-link">
          <span className="mono">{other.key}</span> {other.title}
        </Link>
        <div className="row">
          <RequirementStatusBadge status={other.status} />
          {conflict && relation.status === "open" ? <Badge tone="red">{t("requirements.relations.open")}</Badge> : null}
          {conflict && relation.status === "resolved" ? <Badge tone="green">{t("requirements.relations.resolved")}</Badge> : null}
        </div>
      </div>
      {conflict && relation.status === "resolved" && relation.resolutionNote ? (
        <p className="relation-note">
          <span className="subtle">{t("requirements.relations.resolvedOn", { date: formatDay(relation.resolvedAt, i18n.language) ?? "" })}</span> {relation.resolutionNote}
        </p>
      ) : null}
      {reopen.isError ? <p className="field-error">{apiMessageOf(reopen.error) ?? t("errors.network")}</p> : null}
      {canWrite ? (
        <div className="relation-actions">
          {conflict && relation.status === "open" ? (
            <Button size="sm" variant="secondary" onClick={() => setResolving(true)} data-testid="resolve-conflict">
              {t("requirements.relations.resolve")}
            </Button>
          ) : null}
          {conflict && relation.status === "resolved" ? (
            <Button size="sm" variant="ghost" onClick={() => reopen.mutate()} loading={reopen.isPending}>
              {t("requirements.relations.reopen")}
            </Button>
          ) : null}
          <Button size="sm" variant="danger-ghost" onClick={() => setRemoving(true)} aria-label={t("requirements.relations.removeNamed", { key: other.key })}>
            {t("requirements.relations.remove")}
          </Button>
        </div>
      ) : null}
      <Dialog open={resolving} onClose={() => setResolving(false)} title={t("requirements.relations.resolveTitle", { a: requirement.key, b: other.key })} description={t("requirements.relations.resolveDescription")}>
        <ResolveForm relation={relation} ids={[requirement.id, other.id]} onClose={() => setResolving(false)} />
      </Dialog>
      <ConfirmDialog
        open={removing}
        title={t("requirements.relations.removeTitle")}
        confirmLabel={t("requirements.relations.remove")}
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          setRemoving(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate()}
      >
        {t("requirements.relations.removeBody", { a: requirement.key, b: other.key })}
      </ConfirmDialog>
    </li>
  );
}

function ResolveForm({ relation, ids, onClose }: { relation: TRequirementRelation; ids: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const resolve = useMutation({
    mutationFn: () => api.requirements.updateRelation(relation.id, { version: relation.version, status: "resolved", resolutionNote: note }),
    onSuccess: async () => {
      toast.show(t("requirements.relations.resolvedToast"), "success");
      onClose();
      await relationsChanged(queryClient, ids);
    },
  });
  return (
    <DialogForm
      onSubmit={() => resolve.mutate()}
      onCancel={onClose}
      submitLabel={t("requirements.relations.resolve")}
      submitting={resolve.isPending}
      error={resolve.error}
      onReload={() => {
        onClose();
        void relationsChanged(queryClient, ids);
      }}
    >
      <TextareaField
        label={t("requirements.relations.resolutionNote")}
        hint={t("requirements.relations.resolutionHint")}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        rows={4}
        maxLength={5000}
        error={fieldErrorsOf(resolve.error).resolutionNote}
        data-testid="resolution-note"
      />
    </DialogForm>
  );
}

function AddRelationForm({ requirement, onClose }: { requirement: TRequirementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<TRelationChoice>("depends_on");
  const [otherId, setOtherId] = useState("");
  const add = useMutation({
    mutationFn: () => {
      const { fromId, body } = relationRequestOf(choice, requirement.id, otherId);
      return api.requirements.addRelation(fromId, body);
    },
    onSuccess: async () => {
      toast.show(t("requirements.relations.added"), "success");
      onClose();
      await relationsChanged(queryClient, [requirement.id, otherId]);
    },
  });
  const errors = fieldErrorsOf(add.error);
  return (
    <DialogForm
      onSubmit={() => add.mutate()}
      onCancel={onClose}
      submitLabel={t("requirements.relations.addSubmit")}
      submitting={add.isPending}
      submitDisabled={otherId === ""}
      error={add.error}
    >
      <SelectField
        label={t("requirements.relations.kind", { key: requirement.key })}
        value={choice}
        options={RELATION_CHOICES.map((value) => ({ value, label: t(`requirements.relations.choices.${value}`) }))}
        onChange={(event) => {
          const value = event.target.value;
          if (isOneOf(RELATION_CHOICES, value)) setChoice(value);
        }}
        error={errors.kind}
        data-testid="relation-kind"
      />
      <RequirementPicker projectId={requirement.projectId} exclude={[requirement.id]} value={otherId} onChange={setOtherId} error={errors.toId} />
    </DialogForm>
  );
}
