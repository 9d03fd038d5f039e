import { useTranslation } from "react-i18next";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { TBoardCard, TBoardStatus } from "@jiaofu/contracts";
import { formatDate } from "../../lib/format";
import { Avatar } from "../../ui";
import { priorityBand } from "./board-model";

export type BoardCardViewProps = {
  /** Unique per lane (a card can show in two swimlanes). */
  dragId: string;
  card: TBoardCard;
  statuses: readonly TBoardStatus[];
  people: ReadonlyMap<string, string>;
  today: string;
  overdue: boolean;
  canEdit: boolean;
  onOpen: (id: string) => void;
  onMove: (card: TBoardCard, statusId: string) => void;
};

/**
 * One card: name, WBS code, assignees, due date (red when overdue), priority, checklist progress. The whole card is
 * the drag handle (with the keyboard too: focus it, Space to lift, arrows, Space to drop); the name opens the task;
 * "Move to…" moves it without dragging.
 */
export function BoardCardView({ dragId, card, statuses, people, overdue, canEdit, onOpen, onMove }: BoardCardViewProps) {
  const { t, i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: dragId, disabled: !canEdit });
  const band = priorityBand(card.priority);
  const status = statuses.find((s) => s.id === card.statusId);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={["board-card", isDragging ? "board-card-dragging" : "", overdue ? "board-card-overdue" : ""].filter(Boolean).join(" ")}
      data-testid="board-card"
      data-card-id={card.id}
      data-status={status?.name ?? ""}
      {...attributes}
      {...listeners}
      aria-roledescription={t("board.dnd.card")}
      aria-label={t("board.cardLabel", { wbs: card.wbsCode, name: card.name, column: status?.name ?? "" })}
    >
      <div className="board-card-top">
        <span className="board-card-wbs">{card.wbsCode}</span>
        {band !== "normal" ? <span className={`board-priority board-priority-${band}`}>{t(`board.priority.${band}`)}</span> : null}
      </div>
      <button
        type="button"
        className="board-card-name"
        onClick={() => onOpen(card.id)}
        onPointerDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.stopPropagation()}
        data-testid="board-card-open"
      >
        {card.name}
      </button>
      <div className="board-card-meta">
        {card.dueDate ? (
          <time dateTime={card.dueDate} className={overdue ? "board-due board-due-overdue" : "board-due"} title={overdue ? t("board.overdue") : t("board.dueTitle")}>
            {overdue ? <span className="visually-hidden">{t("board.overdue")} </span> : null}
            {formatDate(card.dueDate, i18n.language)}
          </time>
        ) : null}
        {card.checklistTotal > 0 ? (
          <span className={card.checklistDone === card.checklistTotal ? "board-checklist board-checklist-done" : "board-checklist"} title={t("board.checklistTitle")}>
            ☑ {card.checklistDone}/{card.checklistTotal}
          </span>
        ) : null}
        {card.commentCount > 0 ? (
          <span className="board-comments" title={t("board.commentsTitle", { count: card.commentCount })}>
            💬 {card.commentCount}
          </span>
        ) : null}
        <span className="board-card-people">
          {card.assigneeIds.map((id) => (
            <span key={id} title={people.get(id) ?? ""}>
              <Avatar name={people.get(id) ?? "?"} />
              <span className="visually-hidden">{people.get(id) ?? ""}</span>
            </span>
          ))}
        </span>
      </div>
      {canEdit ? (
        <select
          className="select board-move"
          aria-label={t("board.moveTo", { name: card.name })}
          value=""
          onPointerDown={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
          onChange={(e) => {
            if (e.target.value) onMove(card, e.target.value);
          }}
          data-testid="board-card-move"
        >
          <option value="">{t("board.moveToPlaceholder")}</option>
          {statuses
            .filter((s) => s.id !== card.statusId)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
      ) : null}
    </li>
  );
}
