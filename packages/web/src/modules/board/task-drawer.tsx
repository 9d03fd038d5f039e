/**
 * The task detail (opened from a card, `?task=<id>`): status, description, checklist, assignees, estimate and
 * remaining work, due date, the requirements it is traced to, time logs, comments with @mentions, files and history.
 * Every save sends the version it read; a conflict reloads the task.
 */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import type { TBoard, TBoardCard, TBoardTaskDetail, TChecklistItem, TMe, TProject, TUpdateBoardTaskRequest } from "@jiaofu/contracts";
import { api } from "../../api";
import { apiMessageOf, isVersionConflict } from "../../lib/api-errors";
import { formatDate } from "../../lib/format";
import { Banner, Button, Dialog, Input, InputField, LoadingBlock, Select, Tabs, TextareaField, useToast } from "../../ui";
import { isAdmin } from "../auth/session";
import { ActivityPanel } from "../collaboration/activity-panel";
import { AttachmentsPanel } from "../collaboration/attachments-panel";
import { CommentsPanel } from "../collaboration/comments-panel";
import { ErrorPanel } from "../common/error-panel";
import { planPermissions } from "../planning/plan-permissions";
import { TaskTimeLog } from "../time/task-time-log";
import { timePermissions } from "../time/time-permissions";
import { boardWithCard } from "./board-model";
import { boardKeys, boardTaskChanged, useBoardTask } from "./board.queries";

export type TaskDrawerProps = {
  project: TProject;
  me: TMe;
  board: TBoard;
  taskId: string;
  onClose: () => void;
  onMove: (card: TBoardCard, statusId: string) => void;
};

export function TaskDrawer({ project, me, board, taskId, onClose, onMove }: TaskDrawerProps) {
  const { t } = useTranslation();
  const task = useBoardTask(taskId);
  const title = task.data ? `${task.data.card.wbsCode} ${task.data.card.name}` : t("board.task.loading");
  return (
    <Dialog open onClose={onClose} title={title} wide testId="task-drawer">
      {task.isPending ? <LoadingBlock /> : task.isError ? <ErrorPanel error={task.error} onRetry={() => void task.refetch()} /> : <TaskDetail project={project} me={me} board={board} detail={task.data} onMove={onMove} />}
    </Dialog>
  );
}

type DetailTab = "comments" | "files" | "history";

function TaskDetail({ project, me, board, detail, onMove }: { project: TProject; me: TMe; board: TBoard; detail: TBoardTaskDetail; onMove: (card: TBoardCard, statusId: string) => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const can = planPermissions(me, project);
  const card = detail.card;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<DetailTab>("comments");

  function applied(next: TBoardTaskDetail) {
    queryClient.setQueryData(boardKeys.task(card.id), next);
    queryClient.setQueryData<TBoard>(boardKeys.board(project.id), (current) => (current ? boardWithCard(current, next.card) : current));
    boardTaskChanged(queryClient, project.id);
  }

  async function save(write: (version: number) => Promise<TBoardTaskDetail>) {
    setSaving(true);
    setError(null);
    try {
      applied(await write(card.version));
      toast.show(t("ui.saved"), "success");
      return true;
    } catch (caught) {
      setError(caught);
      if (isVersionConflict(caught)) void queryClient.invalidateQueries({ queryKey: boardKeys.task(card.id) });
      return false;
    } finally {
      setSaving(false);
    }
  }
  const update = (changes: Omit<TUpdateBoardTaskRequest, "version">) => save((version) => api.board.updateTask(card.id, { version, ...changes }));

  return (
    <div className="task-detail" data-testid="task-detail">
      {error ? <Banner tone="error">{apiMessageOf(error) ?? t("errors.generic")}</Banner> : null}
      <div className="task-detail-summary">
        <label className="board-filter">
          <span className="board-filter-label">{t("board.task.status")}</span>
          <Select
            value={card.statusId}
            disabled={!can.edit}
            options={board.workflow.statuses.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(e) => {
              onMove(card, e.target.value);
              void queryClient.invalidateQueries({ queryKey: boardKeys.task(card.id) });
            }}
            data-testid="task-status"
          />
        </label>
        <dl className="task-detail-facts">
          <div>
            <dt>{t("board.task.phase")}</dt>
            <dd>{detail.phaseName ?? t("board.noPhase")}</dd>
          </div>
          <div>
            <dt>{t("board.task.progress")}</dt>
            <dd data-testid="task-percent">{t("board.task.percent", { value: card.percentComplete })}</dd>
          </div>
          <div>
            <dt>{t("board.task.schedule")}</dt>
            <dd>
              {formatDate(card.start, i18n.language) ?? "—"} → {formatDate(card.finish, i18n.language) ?? "—"}
            </dd>
          </div>
        </dl>
      </div>

      <Description detail={detail} canEdit={can.edit} saving={saving} onSave={(notes) => update({ notes })} />
      <Checklist items={detail.checklist} canEdit={can.edit} saving={saving} onSave={(checklist) => update({ checklist })} />
      <Assignees board={board} card={card} canEdit={can.edit} saving={saving} onSave={(userIds) => save((version) => api.board.setAssignees(card.id, { version, userIds }))} />
      <Work card={card} canEdit={can.edit} saving={saving} onSave={(changes) => update(changes)} />

      <section className="task-detail-section" aria-labelledby="task-requirements">
        <h3 id="task-requirements">{t("board.task.requirements")}</h3>
        {detail.requirements.length === 0 ? (
          <p className="subtle">{t("board.task.noRequirements")}</p>
        ) : (
          <ul className="task-requirements">
            {detail.requirements.map((r) => (
              <li key={r.id}>
                <Link to={`/projects/${project.id}/requirements/${r.id}`}>
                  <span className="board-card-wbs">{r.key}</span> {r.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* Time logs: modules/time's TaskTimeLog (timers and manual entries on this task). */}
      <section className="task-detail-section" aria-label={t("board.task.time")}>
        <TaskTimeLog projectId={project.id} taskId={card.id} canLog={timePermissions(me, project).log} />
      </section>

      <section className="task-detail-section">
        <Tabs<DetailTab>
          label={t("board.task.discussion")}
          items={[
            { id: "comments", label: t("board.task.comments"), count: card.commentCount },
            { id: "files", label: t("board.task.files") },
            { id: "history", label: t("board.task.history") },
          ]}
          value={tab}
          onChange={setTab}
        >
          {tab === "comments" ? (
            <>
              <p className="subtle">{t("board.task.mentionHint")}</p>
              <CommentsPanel entityType="plan_task" entityId={card.id} canComment={can.edit} meId={me.id} canModerate={isAdmin(me)} />
            </>
          ) : tab === "files" ? (
            <AttachmentsPanel entityType="plan_task" entityId={card.id} canUpload={can.edit} canDelete={(file) => file.uploaderId === me.id || can.configure} />
          ) : (
            <ActivityPanel entityType="plan_task" entityId={card.id} />
          )}
        </Tabs>
      </section>
    </div>
  );
}

function Description({ detail, canEdit, saving, onSave }: { detail: TBoardTaskDetail; canEdit: boolean; saving: boolean; onSave: (notes: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(detail.notes);
  return (
    <section className="task-detail-section" aria-labelledby="task-description">
      <div className="task-detail-heading">
        <h3 id="task-description">{t("board.task.description")}</h3>
        {canEdit && !editing ? (
          <Button size="sm" variant="ghost" onClick={() => { setDraft(detail.notes); setEditing(true); }} data-testid="task-description-edit">
            {t("ui.edit")}
          </Button>
        ) : null}
      </div>
      {editing ? (
        <form
          className="stack-tight"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void onSave(draft).then((ok) => ok && setEditing(false));
          }}
        >
          <TextareaField label={t("board.task.description")} hint={t("ui.markdownHint")} value={draft} rows={6} onChange={(e) => setDraft(e.target.value)} data-testid="task-description-input" />
          <div className="board-quick-add-actions">
            <Button type="submit" variant="primary" size="sm" loading={saving} data-testid="task-description-save">
              {t("ui.save")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              {t("ui.cancel")}
            </Button>
          </div>
        </form>
      ) : detail.notes ? (
        // notesHtml is rendered from Markdown and sanitised on the server (platform/markdown.ts).
        <div className="prose" dangerouslySetInnerHTML={{ __html: detail.notesHtml }} data-testid="task-description" />
      ) : (
        <p className="subtle">{t("board.task.noDescription")}</p>
      )}
    </section>
  );
}

const newItemId = () => Math.random().toString(36).slice(2, 12);

function Checklist({ items, canEdit, saving, onSave }: { items: TChecklistItem[]; canEdit: boolean; saving: boolean; onSave: (items: TChecklistItem[]) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const done = items.filter((i) => i.done).length;
  return (
    <section className="task-detail-section" aria-labelledby="task-checklist">
      <h3 id="task-checklist">
        {t("board.task.checklist")} <span className="subtle">{items.length > 0 ? `${done}/${items.length}` : ""}</span>
      </h3>
      <ul className="task-checklist" data-testid="task-checklist">
        {items.map((item) => (
          <li key={item.id}>
            <label>
              <input type="checkbox" checked={item.done} disabled={!canEdit || saving} onChange={() => void onSave(items.map((i) => (i.id === item.id ? { ...i, done: !i.done } : i)))} />
              <span className={item.done ? "task-checklist-done" : undefined}>{item.text}</span>
            </label>
            {canEdit ? (
              <Button size="sm" variant="danger-ghost" aria-label={t("board.task.removeItem", { text: item.text })} disabled={saving} onClick={() => void onSave(items.filter((i) => i.id !== item.id))}>
                ×
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form
          className="task-checklist-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            void onSave([...items, { id: newItemId(), text: text.trim(), done: false }]).then((ok) => ok && setText(""));
          }}
        >
          <label className="visually-hidden" htmlFor="task-checklist-new">
            {t("board.task.newItem")}
          </label>
          <Input id="task-checklist-new" value={text} placeholder={t("board.task.newItem")} onChange={(e) => setText(e.target.value)} data-testid="task-checklist-new" />
          <Button type="submit" size="sm" loading={saving} data-testid="task-checklist-add">
            {t("board.task.addItem")}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

function Assignees({ board, card, canEdit, saving, onSave }: { board: TBoard; card: TBoardCard; canEdit: boolean; saving: boolean; onSave: (userIds: string[]) => Promise<boolean> }) {
  const { t } = useTranslation();
  const names = new Map(board.people.map((p) => [p.id, p.name]));
  return (
    <section className="task-detail-section" aria-labelledby="task-assignees">
      <h3 id="task-assignees">{t("board.task.assignees")}</h3>
      {canEdit ? (
        <div className="task-assignees" data-testid="task-assignees">
          {board.people.map((p) => (
            <label key={p.id} className="task-assignee">
              <input
                type="checkbox"
                checked={card.assigneeIds.includes(p.id)}
                disabled={saving}
                onChange={(e) => void onSave(e.target.checked ? [...card.assigneeIds, p.id] : card.assigneeIds.filter((id) => id !== p.id))}
              />
              {p.name}
            </label>
          ))}
        </div>
      ) : (
        <p>{card.assigneeIds.map((id) => names.get(id) ?? "").join(", ") || t("board.unassigned")}</p>
      )}
    </section>
  );
}

const hoursText = (value: number | null) => (value === null ? "" : String(value));
const parseHours = (text: string): number | null | undefined => {
  if (text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
};

function Work({ card, canEdit, saving, onSave }: { card: TBoardCard; canEdit: boolean; saving: boolean; onSave: (changes: Omit<TUpdateBoardTaskRequest, "version">) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [estimate, setEstimate] = useState(hoursText(card.estimateHours));
  const [remaining, setRemaining] = useState(hoursText(card.remainingHours));
  const [deadline, setDeadline] = useState(card.deadline ?? "");
  const estimateValue = parseHours(estimate);
  const remainingValue = parseHours(remaining);
  return (
    <section className="task-detail-section" aria-labelledby="task-work">
      <h3 id="task-work">{t("board.task.work")}</h3>
      <form
        className="task-work"
        onSubmit={(e) => {
          e.preventDefault();
          if (estimateValue === undefined || remainingValue === undefined) return;
          void onSave({ estimateHours: estimateValue, remainingHours: remainingValue, deadline: deadline || null });
        }}
      >
        <InputField label={t("board.task.estimate")} type="number" min={0} step="0.25" inputMode="decimal" value={estimate} disabled={!canEdit} error={estimateValue === undefined ? t("board.task.hoursInvalid") : undefined} onChange={(e) => setEstimate(e.target.value)} data-testid="task-estimate" />
        <InputField label={t("board.task.remaining")} type="number" min={0} step="0.25" inputMode="decimal" value={remaining} disabled={!canEdit} error={remainingValue === undefined ? t("board.task.hoursInvalid") : undefined} onChange={(e) => setRemaining(e.target.value)} data-testid="task-remaining" />
        <InputField label={t("board.task.due")} type="date" value={deadline} disabled={!canEdit} hint={card.deadline ? undefined : t("board.task.dueHint")} onChange={(e) => setDeadline(e.target.value)} data-testid="task-deadline" />
        {canEdit ? (
          <Button type="submit" variant="primary" size="sm" loading={saving} data-testid="task-work-save">
            {t("ui.save")}
          </Button>
        ) : null}
      </form>
    </section>
  );
}
