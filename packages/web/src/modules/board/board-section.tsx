/**
 * The project's task board (`/projects/:id/execution`): columns from the workflow with counts and WIP limits,
 * swimlanes, filters, quick add, drag and drop with @dnd-kit (mouse, touch and keyboard: Space lifts, arrows move,
 * Space drops) and a "Move to…" menu on every card, the task drawer (`?task=<id>`) and the workflow editor.
 */
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { TBoard, TBoardCard, TBoardStatus, TMe, TProject } from "@jiaofu/contracts";
import { api } from "../../api";
import { ApiError } from "@jiaofu/contracts";
import { apiMessageOf, isVersionConflict } from "../../lib/api-errors";
import { Button, Card, EmptyState, Input, LoadingBlock, Select, useToast } from "../../ui";
import { ConfirmDialog } from "../common/confirm-dialog";
import { ErrorPanel } from "../common/error-panel";
import { planPermissions } from "../planning/plan-permissions";
import { BoardCardView } from "./board-card";
import {
  boardAfterMove,
  boardWithCard,
  columnCards,
  columnCounts,
  DUE_FILTERS,
  dropPlace,
  isOverLimit,
  matchesFilters,
  NO_FILTERS,
  SWIMLANE_KINDS,
  swimlanesOf,
  type BoardFilters,
  type DropPlace,
  type Swimlane,
  type SwimlaneKind,
} from "./board-model";
import { boardKeys, boardTaskChanged, useBoard } from "./board.queries";
import { TaskDrawer } from "./task-drawer";
import { WorkflowDialog } from "./workflow-dialog";
import "./board.css";

export type BoardSectionProps = { project: TProject; me: TMe };

export function BoardSection({ project, me }: BoardSectionProps) {
  const board = useBoard(project.id);
  if (board.isPending) return <LoadingBlock />;
  if (board.isError) return <ErrorPanel error={board.error} onRetry={() => void board.refetch()} />;
  return <BoardWorkspace project={project} me={me} board={board.data} />;
}

/** Today in the reader's time zone, as YYYY-MM-DD. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

const containerId = (laneKey: string, statusId: string) => `column|${laneKey}|${statusId}`;
/** A card's drag id within its lane: a card with two assignees shows in two lanes, and dnd-kit ids must be unique. */
const cardDragId = (laneKey: string, cardId: string) => `${laneKey}::${cardId}`;
const cardIdOf = (dragId: string) => dragId.slice(dragId.lastIndexOf("::") + 2);
const parseContainer = (id: string) => {
  const [kind, laneKey, statusId] = id.split("|");
  return kind === "column" && laneKey !== undefined && statusId !== undefined ? { laneKey, statusId } : null;
};

type PendingForce = { card: TBoardCard; place: DropPlace; message: string };

function BoardWorkspace({ project, me, board }: { project: TProject; me: TMe; board: TBoard }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const can = planPermissions(me, project);
  const [searchParams, setSearchParams] = useSearchParams();
  const openTaskId = searchParams.get("task");
  const [lanes, setLanes] = useState<SwimlaneKind>("none");
  const [filters, setFilters] = useState<BoardFilters>(NO_FILTERS);
  const [workflowOpen, setWorkflowOpen] = useState(false);
  const [pendingForce, setPendingForce] = useState<PendingForce | null>(null);
  const [forcing, setForcing] = useState(false);
  const today = useMemo(localToday, []);

  const statuses = board.workflow.statuses;
  const done = useMemo(() => new Set(statuses.filter((s) => s.category === "done").map((s) => s.id)), [statuses]);
  const counts = useMemo(() => columnCounts(board.cards), [board.cards]);
  const visible = useMemo(() => board.cards.filter((c) => matchesFilters(c, filters, today, done)), [board.cards, filters, today, done]);
  const swimlanes = useMemo(() => swimlanesOf(board, visible, lanes), [board, visible, lanes]);
  const people = useMemo(() => new Map(board.people.map((p) => [p.id, p.name])), [board.people]);
  const cardsById = useMemo(() => new Map(board.cards.map((c) => [c.id, c])), [board.cards]);
  const statusName = (id: string) => statuses.find((s) => s.id === id)?.name ?? "";

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const setBoard = (update: (current: TBoard) => TBoard) => queryClient.setQueryData<TBoard>(boardKeys.board(project.id), (current) => (current ? update(current) : current));

  async function move(card: TBoardCard, place: DropPlace, force = false) {
    const before = queryClient.getQueryData<TBoard>(boardKeys.board(project.id));
    setBoard((current) => boardAfterMove(current, card.id, place));
    try {
      const saved = await api.board.move(card.id, { version: card.version, ...place, force });
      setBoard((current) => boardWithCard(current, saved));
      boardTaskChanged(queryClient, project.id, card.id);
      toast.show(t("board.moved", { name: card.name, column: statusName(saved.statusId) }), "success");
    } catch (error) {
      if (before) queryClient.setQueryData(boardKeys.board(project.id), before);
      if (error instanceof ApiError && error.code === "conflict" && can.configure && !force && isWipRefusal(error)) {
        setPendingForce({ card, place, message: apiMessageOf(error) ?? "" });
        return;
      }
      toast.show(apiMessageOf(error) ?? t("errors.generic"), "error");
      if (isVersionConflict(error)) void queryClient.invalidateQueries({ queryKey: boardKeys.board(project.id) });
    }
  }

  function handleDragEnd(event: DragEndEvent) {
    const card = cardsById.get(cardIdOf(String(event.active.id)));
    if (!card || !event.over) return;
    const overId = String(event.over.id);
    const container = parseContainer(overId);
    const overCard = container ? undefined : cardsById.get(cardIdOf(overId));
    const statusId = container?.statusId ?? overCard?.statusId;
    if (!statusId) return;
    const column = columnCards(board.cards, statusId);
    const index = overCard ? column.findIndex((c) => c.id === overCard.id) : column.length;
    if (statusId === card.statusId && overCard?.id === card.id) return;
    void move(card, dropPlace(column, card.id, statusId, index));
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => t("board.dnd.lifted", { name: cardsById.get(cardIdOf(String(active.id)))?.name ?? "" }),
    onDragOver: ({ active, over }) => (over ? t("board.dnd.over", { name: cardsById.get(cardIdOf(String(active.id)))?.name ?? "", column: statusName(parseContainer(String(over.id))?.statusId ?? cardsById.get(cardIdOf(String(over.id)))?.statusId ?? "") }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t("board.dnd.dropped", { name: cardsById.get(cardIdOf(String(active.id)))?.name ?? "", column: statusName(parseContainer(String(over.id))?.statusId ?? cardsById.get(cardIdOf(String(over.id)))?.statusId ?? "") }) : t("board.dnd.cancelled")),
    onDragCancel: () => t("board.dnd.cancelled"),
  };

  const openTask = (id: string | null) =>
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (id) next.set("task", id);
        else next.delete("task");
        return next;
      },
      { replace: true },
    );

  return (
    <div className="stack board-area" data-testid="board">
      <div className="toolbar board-toolbar" role="search" aria-label={t("board.filtersLabel")}>
        <label className="board-filter">
          <span className="board-filter-label">{t("board.filterText")}</span>
          <Input type="search" value={filters.text} placeholder={t("board.filterTextPlaceholder")} onChange={(e) => setFilters({ ...filters, text: e.target.value })} data-testid="board-filter-text" />
        </label>
        <label className="board-filter">
          <span className="board-filter-label">{t("board.filterAssignee")}</span>
          <Select
            value={filters.assigneeId ?? ""}
            placeholder={t("board.everyone")}
            options={board.people.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(e) => setFilters({ ...filters, assigneeId: e.target.value || null })}
            data-testid="board-filter-assignee"
          />
        </label>
        <label className="board-filter">
          <span className="board-filter-label">{t("board.filterDue")}</span>
          <Select
            value={filters.due}
            options={DUE_FILTERS.map((value) => ({ value, label: t(`board.due.${value}`) }))}
            onChange={(e) => setFilters({ ...filters, due: DUE_FILTERS.find((d) => d === e.target.value) ?? "any" })}
            data-testid="board-filter-due"
          />
        </label>
        <label className="board-filter">
          <span className="board-filter-label">{t("board.swimlanes")}</span>
          <Select
            value={lanes}
            options={SWIMLANE_KINDS.map((value) => ({ value, label: t(`board.lanes.${value}`) }))}
            onChange={(e) => setLanes(SWIMLANE_KINDS.find((k) => k === e.target.value) ?? "none")}
            data-testid="board-swimlanes"
          />
        </label>
        <span className="toolbar-spacer" />
        {can.configure ? (
          <Button onClick={() => setWorkflowOpen(true)} data-testid="board-edit-workflow">
            {t("board.workflow.edit")}
          </Button>
        ) : null}
      </div>

      {board.cards.length === 0 && !can.edit ? (
        <Card>
          <EmptyState icon="▦" title={t("board.emptyTitle")}>
            {t("board.emptyBody")}
          </EmptyState>
        </Card>
      ) : null}

      <DndContext sensors={sensors} collisionDetection={closestCorners} onDragEnd={handleDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t("board.dnd.instructions") } }}>
        <div className="board-lanes">
          {swimlanes.map((lane) => (
            <BoardLane
              key={lane.key}
              lane={lane}
              showHeader={lanes !== "none"}
              statuses={statuses}
              counts={counts}
              people={people}
              today={today}
              done={done}
              canEdit={can.edit}
              board={board}
              project={project}
              onOpen={(id) => openTask(id)}
              onMove={(card, statusId) => void move(card, { statusId })}
              onAdded={(card) => {
                setBoard((current) => boardWithCard(current, card));
                boardTaskChanged(queryClient, project.id);
              }}
            />
          ))}
        </div>
      </DndContext>
      {visible.length === 0 && board.cards.length > 0 ? <p className="subtle">{t("board.noMatch")}</p> : null}

      {openTaskId ? <TaskDrawer project={project} me={me} board={board} taskId={openTaskId} onClose={() => openTask(null)} onMove={(card, statusId) => void move(card, { statusId })} /> : null}
      <WorkflowDialog open={workflowOpen} project={project} workflow={board.workflow} counts={counts} onClose={() => setWorkflowOpen(false)} />
      <ConfirmDialog
        open={pendingForce !== null}
        title={t("board.force.title")}
        confirmLabel={t("board.force.confirm")}
        busy={forcing}
        onClose={() => setPendingForce(null)}
        onConfirm={() => {
          if (!pendingForce) return;
          setForcing(true);
          void move(pendingForce.card, pendingForce.place, true).finally(() => {
            setForcing(false);
            setPendingForce(null);
          });
        }}
      >
        <p>{pendingForce?.message}</p>
        <p>{t("board.force.body")}</p>
      </ConfirmDialog>
    </div>
  );
}

/** A 409 of the WIP limit (not a version conflict or a refusal of the plan). */
const isWipRefusal = (error: ApiError) => typeof error.details === "object" && error.details !== null && "limit" in error.details;

type BoardLaneProps = {
  lane: Swimlane;
  showHeader: boolean;
  statuses: readonly TBoardStatus[];
  counts: ReadonlyMap<string, number>;
  people: ReadonlyMap<string, string>;
  today: string;
  done: ReadonlySet<string>;
  canEdit: boolean;
  board: TBoard;
  project: TProject;
  onOpen: (id: string) => void;
  onMove: (card: TBoardCard, statusId: string) => void;
  onAdded: (card: TBoardCard) => void;
};

function BoardLane({ lane, showHeader, statuses, counts, people, today, done, canEdit, board, project, onOpen, onMove, onAdded }: BoardLaneProps) {
  const { t } = useTranslation();
  const label =
    lane.label.kind === "all"
      ? t("board.lanes.all")
      : lane.label.kind === "person" || lane.label.kind === "phase"
        ? lane.label.name
        : lane.label.kind === "priority"
          ? t(`board.priority.${lane.label.band}`)
          : lane.label.kind === "unassigned"
            ? t("board.unassigned")
            : t("board.noPhase");
  return (
    <section className="board-lane" aria-label={label}>
      {showHeader ? (
        <h3 className="board-lane-title">
          {label} <span className="subtle">({lane.cards.length})</span>
        </h3>
      ) : null}
      <div className="board-columns" style={{ gridTemplateColumns: `repeat(${statuses.length}, minmax(200px, 1fr))` }}>
        {statuses.map((status) => (
          <BoardColumn
            key={status.id}
            laneKey={lane.key}
            status={status}
            statuses={statuses}
            cards={columnCards(lane.cards, status.id)}
            count={counts.get(status.id) ?? 0}
            people={people}
            today={today}
            done={done}
            canEdit={canEdit}
            board={board}
            project={project}
            showQuickAdd={lane.key === "all" || lane.key === "unassigned" || lane.key === "no_phase" || lane.label.kind === "phase"}
            phaseId={lane.key.startsWith("phase:") ? lane.key.slice("phase:".length) : null}
            onOpen={onOpen}
            onMove={onMove}
            onAdded={onAdded}
          />
        ))}
      </div>
    </section>
  );
}

type BoardColumnProps = Omit<BoardLaneProps, "lane" | "showHeader" | "counts"> & {
  laneKey: string;
  status: TBoardStatus;
  cards: TBoardCard[];
  count: number;
  showQuickAdd: boolean;
  phaseId: string | null;
};

function BoardColumn({ laneKey, status, statuses, cards, count, people, today, done, canEdit, board, project, showQuickAdd, phaseId, onOpen, onMove, onAdded }: BoardColumnProps) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: containerId(laneKey, status.id) });
  const over = isOverLimit(status, count);
  return (
    <div className={["board-column", isOver ? "board-column-over" : "", over ? "board-column-overlimit" : ""].filter(Boolean).join(" ")} data-testid="board-column" data-status-id={status.id} data-status={status.name}>
      <header className="board-column-header">
        <h4 className="board-column-title">
          <span className={`board-category board-category-${status.category}`} aria-hidden="true" />
          {status.name}
        </h4>
        <span className={over ? "board-count board-count-over" : "board-count"} data-testid="board-column-count" title={status.wipLimit !== null ? t("board.wipTitle", { limit: status.wipLimit }) : undefined}>
          {status.wipLimit !== null ? t("board.countOfLimit", { count, limit: status.wipLimit }) : count}
          {over ? <span className="visually-hidden">{t("board.overLimit")}</span> : null}
        </span>
      </header>
      <SortableContext id={containerId(laneKey, status.id)} items={cards.map((c) => cardDragId(laneKey, c.id))} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="board-cards" aria-label={t("board.columnLabel", { name: status.name, count: cards.length })}>
          {cards.map((card) => (
            <BoardCardView key={card.id} dragId={cardDragId(laneKey, card.id)} card={card} statuses={statuses} people={people} today={today} overdue={card.dueDate !== null && card.dueDate < today && !done.has(card.statusId)} canEdit={canEdit} onOpen={onOpen} onMove={onMove} />
          ))}
        </ul>
      </SortableContext>
      {canEdit && showQuickAdd ? <QuickAdd project={project} board={board} status={status} phaseId={phaseId} onAdded={onAdded} /> : null}
    </div>
  );
}

function QuickAdd({ project, board, status, phaseId, onAdded }: { project: TProject; board: TBoard; status: TBoardStatus; phaseId: string | null; onAdded: (card: TBoardCard) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [phase, setPhase] = useState(phaseId ?? "");
  const [saving, setSaving] = useState(false);
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    setSaving(true);
    try {
      onAdded(await api.board.createCard(project.id, { name, statusId: status.id, phaseId: phase || null }));
      setName("");
    } catch (error) {
      toast.show(apiMessageOf(error) ?? t("errors.generic"), "error");
    } finally {
      setSaving(false);
    }
  }
  if (!open) {
    return (
      <Button variant="ghost" size="sm" className="board-quick-add-open" onClick={() => setOpen(true)} data-testid="board-quick-add">
        {t("board.quickAdd.open")}
      </Button>
    );
  }
  return (
    <form className="board-quick-add" onSubmit={(e) => void handleSubmit(e)} data-testid="board-quick-add-form">
      <label className="visually-hidden" htmlFor={`quick-add-${status.id}-${phaseId ?? "top"}`}>
        {t("board.quickAdd.name", { column: status.name })}
      </label>
      <Input
        id={`quick-add-${status.id}-${phaseId ?? "top"}`}
        value={name}
        autoFocus
        placeholder={t("board.quickAdd.placeholder")}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
        data-testid="board-quick-add-name"
      />
      {phaseId === null && board.phases.length > 0 ? (
        <Select
          aria-label={t("board.quickAdd.phase")}
          value={phase}
          placeholder={t("board.quickAdd.topLevel")}
          options={board.phases.map((p) => ({ value: p.id, label: `${p.wbsCode} ${p.name}` }))}
          onChange={(e) => setPhase(e.target.value)}
          data-testid="board-quick-add-phase"
        />
      ) : null}
      <div className="board-quick-add-actions">
        <Button type="submit" variant="primary" size="sm" loading={saving} data-testid="board-quick-add-submit">
          {t("board.quickAdd.add")}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          {t("ui.cancel")}
        </Button>
      </div>
    </form>
  );
}
