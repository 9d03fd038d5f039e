import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { TMe, TProject, TRankedRequirement, TRequirementPriorities } from "@jiaofu/contracts";
import { api } from "../../api";
import { Badge, Button, Card, EmptyState, LoadingBlock, useToast } from "../../ui";
import { isAdmin, isStaff } from "../auth/session";
import { ErrorPanel } from "../common/error-panel";
import { ConfirmDialog } from "../common/confirm-dialog";
import { ClientPriority, MoscowBadge, RequirementStatusBadge } from "../requirements/requirement-badges";
import { requirementPath } from "../requirements/requirement-paths";
import { apiMessageOf } from "../../lib/api-errors";
import { PriorityInputsDialog } from "./priority-inputs-dialog";
import { ScoreCell } from "./priority-labels";
import {
  TIER_IDS,
  dropTargetOf,
  tierDropId,
  tierHolding,
  tierOfDropId,
  tierOrderMove,
  tierOrderMoved,
  tierOrderOf,
  type TierId,
  type TierOrder,
} from "./priority-tiers";
import { prioritiesChanged, useRankedRequirements, useScoringModel } from "./prioritisation.queries";
import { ScoringModelDialog } from "./scoring-model-dialog";
import "./prioritisation.css";

/**
 * What the signed-in person may do here, mirroring `canPrioritisation` / `canRequirementPriority` in the server's
 * policy. The server still decides.
 */
export function prioritisationPermissions(me: TMe, project: Pick<TProject, "myRole">) {
  const staff = isStaff(me);
  const admin = isAdmin(me);
  const role = project.myRole;
  return {
    /** Drag within and between tiers; enter scoring inputs. */
    rank: staff && (admin || role === "manager" || role === "member"),
    /** Choose the model, edit criteria, rank by score. */
    configure: staff && (admin || role === "manager"),
  };
}
export type PrioritisationPermissions = ReturnType<typeof prioritisationPermissions>;

export type PrioritisationViewProps = { project: TProject; me: TMe };

/**
 * The ranked view of the register: requirements grouped by MoSCoW tier, in the team's order, each with its score
 * under the project's model and the client's own priority beside it. The team drags (mouse, touch or keyboard) to
 * reorder within a tier or move to another; managers choose the model and re-rank by score.
 */
export function PrioritisationView({ project, me }: PrioritisationViewProps) {
  const { t } = useTranslation();
  const can = prioritisationPermissions(me, project);
  const [includeClosed, setIncludeClosed] = useState(false);
  const ranked = useRankedRequirements(project.id, includeClosed);
  const model = useScoringModel(project.id);
  const [modelOpen, setModelOpen] = useState(false);
  const [confirmRank, setConfirmRank] = useState(false);
  const toast = useToast();
  const queryClient = useQueryClient();

  const rankByScore = useMutation({
    mutationFn: (modelVersion: number) => api.prioritisation.rankByScore(project.id, { modelVersion }),
    onSuccess: async (result) => {
      await prioritiesChanged(queryClient, project.id);
      toast.show(t("prioritisation.rankByScore.done", { count: result.changed }), "success");
      setConfirmRank(false);
    },
  });

  const data = ranked.data;
  const modelKind = data?.model ?? "none";
  return (
    <div className="stack" data-testid="prioritisation-view">
      <div className="section-heading">
        <div>
          <h2 className="section-title">{t("prioritisation.title")}</h2>
          <p className="subtle">{t("prioritisation.intro")}</p>
        </div>
        <div className="priority-actions">
          <span className="priority-model-label" data-testid="scoring-model-label">
            {t("prioritisation.modelLabel", { model: t(`prioritisation.model.${modelKind}`) })}
          </span>
          {can.configure && model.data ? (
            <Button onClick={() => setModelOpen(true)} data-testid="scoring-model-button">
              {t("prioritisation.modelDialog.open")}
            </Button>
          ) : null}
          {can.configure ? (
            <Button variant="primary" disabled={modelKind === "none" || !data} onClick={() => setConfirmRank(true)} data-testid="rank-by-score">
              {t("prioritisation.rankByScore.button")}
            </Button>
          ) : null}
        </div>
      </div>
      <label className="checkbox priority-filter">
        <input type="checkbox" checked={includeClosed} onChange={(event) => setIncludeClosed(event.target.checked)} data-testid="include-closed" />
        <span>{t("prioritisation.includeClosed")}</span>
      </label>
      {ranked.isPending ? (
        <LoadingBlock />
      ) : ranked.isError ? (
        <ErrorPanel error={ranked.error} onRetry={() => void ranked.refetch()} />
      ) : ranked.data.items.length === 0 ? (
        <Card>
          <EmptyState icon="☰" title={t("prioritisation.emptyTitle")}>
            {t("prioritisation.emptyBody")}
          </EmptyState>
        </Card>
      ) : (
        <PriorityBoard key={`${project.id}-${includeClosed}`} projectId={project.id} data={ranked.data} canRank={can.rank} />
      )}
      {ranked.data?.truncated ? <p className="subtle">{t("prioritisation.truncated")}</p> : null}
      {model.data ? <ScoringModelDialog open={modelOpen} onClose={() => setModelOpen(false)} projectId={project.id} current={model.data} /> : null}
      <ConfirmDialog
        open={confirmRank}
        title={t("prioritisation.rankByScore.title")}
        confirmLabel={t("prioritisation.rankByScore.confirm")}
        onConfirm={() => rankByScore.mutate(data?.modelVersion ?? 0)}
        onClose={() => {
          rankByScore.reset();
          setConfirmRank(false);
        }}
        busy={rankByScore.isPending}
        error={rankByScore.error}
      >
        <p>{t("prioritisation.rankByScore.body", { model: t(`prioritisation.model.${modelKind}`) })}</p>
      </ConfirmDialog>
    </div>
  );
}

type PriorityBoardProps = { projectId: string; data: TRequirementPriorities; canRank: boolean };

function PriorityBoard({ projectId, data, canRank }: PriorityBoardProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const byId = useMemo(() => new Map(data.items.map((item) => [item.id, item])), [data]);
  // The order while dragging and until the server's answer comes back; a fresh answer replaces it.
  const [local, setLocal] = useState<{ base: TRequirementPriorities; order: TierOrder } | null>(null);
  const order = local && local.base === data ? local.order : tierOrderOf(data.items);
  const [overTier, setOverTier] = useState<TierId | null>(null);
  const [editing, setEditing] = useState<TRankedRequirement | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const move = useMutation({
    mutationFn: ({ id, version, target }: { id: string; version: number; target: NonNullable<ReturnType<typeof dropTargetOf>> }) =>
      api.prioritisation.move(id, { version, ...target }),
    onSuccess: async (result) => {
      await prioritiesChanged(queryClient, projectId, result.requirement.id);
    },
    onError: async (error) => {
      // The board goes back to what the server holds, with its message (someone moved things meanwhile, …).
      setLocal(null);
      toast.show(apiMessageOf(error) ?? t("errors.network"), "error");
      await prioritiesChanged(queryClient, projectId);
    },
  });

  /** The tier an item or a tier's drop zone stands for. */
  const tierOfTarget = (current: TierOrder, id: string) => tierOfDropId(id) ?? tierHolding(current, id);
  const keyOf = (id: UniqueIdentifier) => byId.get(String(id))?.key ?? "";
  const tierName = (tier: TierId | null) => (tier === null ? "" : tier === "none" ? t("requirements.notPrioritised") : t(`requirements.moscow.${tier}`));
  const positionOf = (id: UniqueIdentifier, current: TierOrder) => {
    const tier = tierHolding(current, String(id));
    return { tier: tierName(tier), position: tier ? current[tier].indexOf(String(id)) + 1 : 0, count: tier ? current[tier].length : 0 };
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("prioritisation.dnd.picked", { key: keyOf(active.id), ...positionOf(active.id, order) }),
    onDragOver: ({ active, over }) => t("prioritisation.dnd.over", { key: keyOf(active.id), tier: tierName(over ? tierOfTarget(order, String(over.id)) : null), over: over ? keyOf(over.id) : "" }),
    onDragEnd: ({ active, over }) => t("prioritisation.dnd.dropped", { key: keyOf(active.id), tier: tierName(over ? tierOfTarget(order, String(over.id)) : null) }),
    onDragCancel: ({ active }) => t("prioritisation.dnd.cancelled", { key: keyOf(active.id) }),
  };


  // Another tier is only highlighted while dragging: moving the row into it at once would shift every tier below
  // under the pointer, which then lands somewhere else.
  function handleDragOver({ active, over }: DragOverEvent) {
    const to = over ? tierOfTarget(order, String(over.id)) : null;
    setOverTier(to !== null && to !== tierHolding(order, String(active.id)) ? to : null);
  }

  function handleDragEnd({ active, over }: DragEndEvent) {
    const id = String(active.id);
    setOverTier(null);
    const from = tierHolding(order, id);
    const to = over ? tierOfTarget(order, String(over.id)) : null;
    const item = byId.get(id);
    if (!over || !from || !to || !item || String(over.id) === id) return;
    // Over a tier itself: the end of that tier. Over a row of the same tier: its place, as the list shows it while
    // dragging. Over a row of another tier: before it coming from above, after it coming from below — so the arrow
    // keys reach both ends of the neighbouring tier.
    const overIndex = order[to].indexOf(String(over.id));
    const index = tierOfDropId(String(over.id))
      ? order[to].filter((x) => x !== id).length
      : from !== to && TIER_IDS.indexOf(from) > TIER_IDS.indexOf(to)
        ? overIndex + 1
        : overIndex;
    const next = tierOrderMove(order, id, to, index);
    const target = dropTargetOf(next, id);
    if (!target || !tierOrderMoved(order, next, id)) return;
    setLocal({ base: data, order: next });
    move.mutate({ id, version: item.version, target });
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragOver={handleDragOver}
      onDragEnd={handleDragEnd}
      onDragCancel={() => setOverTier(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t("prioritisation.dnd.instructions") } }}
    >
      <div className="priority-board" aria-busy={move.isPending || undefined}>
        {TIER_IDS.map((tier) => (
          <TierSection
            key={tier}
            tier={tier}
            title={tierName(tier)}
            highlighted={overTier === tier}
            items={order[tier].flatMap((id) => byId.get(id) ?? [])}
            data={data}
            canRank={canRank}
            projectId={projectId}
            onEditInputs={setEditing}
          />
        ))}
      </div>
      {editing ? (
        <PriorityInputsDialog open onClose={() => setEditing(null)} target={editing} model={data.model} criteria={data.criteria} />
      ) : null}
    </DndContext>
  );
}

type TierSectionProps = {
  tier: TierId;
  title: string;
  /** A row from another tier is dragged over this one. */
  highlighted: boolean;
  items: TRankedRequirement[];
  data: TRequirementPriorities;
  canRank: boolean;
  projectId: string;
  onEditInputs: (item: TRankedRequirement) => void;
};

function TierSection({ tier, title, highlighted, items, data, canRank, projectId, onEditInputs }: TierSectionProps) {
  const { t } = useTranslation();
  const { setNodeRef } = useDroppable({ id: tierDropId(tier), disabled: !canRank });
  const headingId = `tier-heading-${tier}`;
  return (
    <section className={`priority-tier tier-${tier}${highlighted ? " over" : ""}`} aria-labelledby={headingId} data-testid="priority-tier" data-tier={tier}>
      <h3 className="priority-tier-title" id={headingId}>
        {tier === "none" ? (
          <Badge tone="gray" dot={false}>
            {title}
          </Badge>
        ) : (
          <MoscowBadge moscow={tier} />
        )}
        <span className="subtle priority-tier-count">{t("prioritisation.count", { count: items.length })}</span>
      </h3>
      <div className={items.length === 0 ? "priority-head empty" : "priority-head"} aria-hidden="true">
        <span />
        <span>{t("prioritisation.columns.key")}</span>
        <span>{t("prioritisation.columns.title")}</span>
        <span className="priority-col-moscow">{t("prioritisation.columns.moscow")}</span>
        <span>{t("prioritisation.columns.score")}</span>
        <span>{t("prioritisation.columns.clientPriority")}</span>
        <span className="priority-col-status">{t("prioritisation.columns.status")}</span>
        <span />
      </div>
      <SortableContext id={tierDropId(tier)} items={items.map((item) => item.id)} strategy={verticalListSortingStrategy}>
        <ol ref={setNodeRef} className="priority-list" aria-labelledby={headingId}>
          {items.map((item) => (
            <PriorityRow key={item.id} item={item} data={data} canRank={canRank} projectId={projectId} onEditInputs={onEditInputs} />
          ))}
          {items.length === 0 ? <li className="priority-empty subtle">{canRank ? t("prioritisation.dropHere") : t("prioritisation.tierEmpty")}</li> : null}
        </ol>
      </SortableContext>
    </section>
  );
}

type PriorityRowProps = { item: TRankedRequirement; data: TRequirementPriorities; canRank: boolean; projectId: string; onEditInputs: (item: TRankedRequirement) => void };

function PriorityRow({ item, data, canRank, projectId, onEditInputs }: PriorityRowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !canRank });
  const style = { transform: CSS.Translate.toString(transform), transition };
  return (
    <li ref={setNodeRef} style={style} className={isDragging ? "priority-row dragging" : "priority-row"} data-testid="priority-row" data-key={item.key}>
      {canRank ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="drag-handle"
          {...attributes}
          {...listeners}
          aria-label={t("prioritisation.dnd.handle", { key: item.key, title: item.title })}
          data-testid="drag-handle"
        >
          <span aria-hidden="true">⠿</span>
        </button>
      ) : (
        <span />
      )}
      <Link to={requirementPath(projectId, item.id)} className="mono priority-key">
        {item.key}
      </Link>
      <span className="priority-title">{item.title}</span>
      <span className="priority-col-moscow">
        <MoscowBadge moscow={item.moscow} />
      </span>
      <span className="priority-cell" data-label={t("prioritisation.columns.score")}>
        <ScoreCell score={item.score} missing={item.scoreMissing} model={data.model} criteria={data.criteria} />
      </span>
      <span className="priority-cell" data-label={t("prioritisation.columns.clientPriority")} data-testid="client-priority">
        <ClientPriority value={item.clientPriority} />
      </span>
      <span className="priority-col-status">
        <RequirementStatusBadge status={item.status} />
      </span>
      {canRank && data.model !== "none" ? (
        <Button size="sm" variant="ghost" onClick={() => onEditInputs(item)} aria-label={t("prioritisation.inputs.editFor", { key: item.key })} data-testid="edit-inputs">
          {t("prioritisation.inputs.edit")}
        </Button>
      ) : (
        <span />
      )}
    </li>
  );
}
