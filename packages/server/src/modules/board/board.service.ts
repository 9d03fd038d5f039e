/**
 * The board's use-cases (docs/execution.md, "Board"). The cards are the plan's tasks, so every write to a task runs
 * as one change of the plan (`PlanningService.runChange`: plan lock → load → change → reschedule → write): a move
 * into a "done" column completes the task and the schedule's roll-ups and the Gantt show it at once. The workflow is
 * written under the same plan lock, so a move never counts a column against a limit that is being changed.
 */
import { randomUUID } from "node:crypto";
import {
  type TBoard,
  type TBoardCard,
  type TBoardCategory,
  type TBoardTaskDetail,
  type TBoardWorkflow,
  type TCreateBoardCardRequest,
  type TMoveBoardCardRequest,
  type TMyWork,
  type TMyWorkGroup,
  type TMyWorkQuery,
  type TSetBoardAssigneesRequest,
  type TUpdateBoardTaskRequest,
  type TUpdateBoardWorkflowRequest,
} from "@jiaofu/contracts";
import { boardColumnOf, boardPercentAfterMove, boardPositionBetween, requirementKey } from "@jiaofu/engine";
import type { AppDeps } from "../../app";
import type { Db, Tx } from "../../db/database";
import { AppError, fieldError, notFound, versionConflict } from "../../platform/app-error";
import { recordAudit } from "../../platform/audit";
import { renderMarkdown } from "../../platform/markdown";
import { translate, type MessageKey } from "../../platform/messages";
import { authorize, canBoard, canProject, canReadMyWork, type Actor, type BoardAction } from "../../platform/policy";
import { loadProjectAccess, requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { createPlanningRepository, type NewPlanTaskRow, type PlanTaskRow } from "../planning/planning.repository";
import { createPlanningService, type ChangeContext } from "../planning/planning.service";
import { createNotificationOutbox } from "../notifications/notifications.producer";
import { compareCards, isBoardCard, phasesOf, presentBoardCard, presentBoardStatus, presentBoardWorkflow, workflowVersion } from "./board.presenter";
import { createBoardRepository, type BoardTaskRow, type TaskStatusRow } from "./board.repository";

type ProjectRow = ProjectAccess["project"];

/** The default workflow a project gets the first time its board is read. */
const DEFAULT_WORKFLOW: { key: MessageKey; category: TBoardCategory }[] = [
  { key: "board.default_todo", category: "todo" },
  { key: "board.default_in_progress", category: "in_progress" },
  { key: "board.default_in_review", category: "in_progress" },
  { key: "board.default_done", category: "done" },
];

/** The task fields a board write changes (what the audit log records). */
const boardFields = (row: PlanTaskRow) => ({
  statusId: row.statusId,
  boardPosition: row.boardPosition,
  percentComplete: row.percentComplete,
  remainingHours: row.remainingHours,
  estimateHours: row.estimateHours,
  deadline: row.deadline,
  notes: row.notes,
  checklist: row.checklist,
  version: row.version,
});

const startOfDay = (date: string) => new Date(`${date}T00:00:00Z`).getTime();
const addDays = (date: string, days: number) => new Date(startOfDay(date) + days * 86_400_000).toISOString().slice(0, 10);

/** The Sunday that ends the ISO week of `date`. */
function endOfWeek(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, weekday === 0 ? 0 : 7 - weekday);
}

/** "My work" groups: overdue before today, this week up to Sunday, later, and tasks without a date. */
export function myWorkGroupOf(dueDate: string | null, today: string): TMyWorkGroup {
  if (dueDate === null) return "no_date";
  if (dueDate < today) return "overdue";
  if (dueDate <= endOfWeek(today)) return "this_week";
  return "later";
}

/** What a move needs to know of the project's tasks. */
type MoveFacts = Pick<PlanTaskRow, "id" | "statusId" | "percentComplete" | "boardPosition" | "wbsCode" | "isSummary" | "durationDays" | "estimateHours" | "remainingHours">;

/**
 * Where a move puts the card and what it changes (see ZMoveBoardCardRequest): the WIP check against the column every
 * card shows in now (the plan may have completed some since they were put anywhere), the position between the
 * neighbours (renumbering the column first when they leave no room: cards never moved all sit at 0), and the
 * percent complete and work remaining of a move into or out of "done". `schedules`: whether the plan must be
 * rescheduled (the percent or remaining work changes).
 */
function planMove(tasks: readonly MoveFacts[], task: MoveFacts, statuses: readonly TaskStatusRow[], input: TMoveBoardCardRequest) {
  const target = statuses.find((s) => s.id === input.statusId);
  if (!target) throw fieldError("body.statusId", "board.status_not_found");
  const column = tasks.filter((t) => t.id !== task.id && isBoardCard(t) && boardColumnOf(statuses, t) === target.id).sort(compareCards);
  if (boardColumnOf(statuses, task) !== target.id && target.wipLimit !== null && column.length >= target.wipLimit && !input.force) {
    throw new AppError("conflict", "board.wip_limit_reached", { column: target.name, limit: target.wipLimit }, { statusId: target.id, limit: target.wipLimit, count: column.length });
  }
  const anchorId = input.beforeId ?? input.afterId;
  let index = column.length;
  if (anchorId !== undefined) {
    const at = column.findIndex((t) => t.id === anchorId);
    if (at === -1) throw fieldError(input.beforeId !== undefined ? "body.beforeId" : "body.afterId", "board.anchor_not_in_column");
    index = input.beforeId !== undefined ? at : at + 1;
  }
  let position = boardPositionBetween(column[index - 1]?.boardPosition ?? null, column[index]?.boardPosition ?? null);
  let renumbered: { id: string; boardPosition: number }[] = [];
  if (Number.isNaN(position)) {
    renumbered = column.map((t, i) => ({ id: t.id, boardPosition: i }));
    position = boardPositionBetween(index > 0 ? index - 1 : null, index < column.length ? index : null);
  }
  const values: Partial<NewPlanTaskRow> = { statusId: target.id, boardPosition: position };
  const percentComplete = boardPercentAfterMove(task, target.category);
  if (percentComplete !== task.percentComplete) values.percentComplete = percentComplete;
  if (target.category === "done" && task.estimateHours !== null && task.remainingHours !== 0) values.remainingHours = 0;
  return { values, renumbered, schedules: values.percentComplete !== undefined || values.remainingHours !== undefined };
}

export function createBoardService(deps: AppDeps) {
  const planning = createPlanningService(deps);

  async function requireBoard(actor: Actor, projectId: string, action: BoardAction): Promise<ProjectAccess> {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canBoard(actor, action, access.facts));
    return access;
  }

  /** The task and its project, if the actor may read its board (404 otherwise); 403 when they may not do `action`. */
  async function requireTask(actor: Actor, id: string, action: BoardAction): Promise<{ task: PlanTaskRow; access: ProjectAccess }> {
    const task = await createPlanningRepository(deps.db).task(actor.workspaceId, id);
    const access = task && (await loadProjectAccess(deps.db, actor, task.projectId));
    if (!task || !access || !canProject(actor, "project.read", access.facts)) throw notFound("board.card_not_found");
    authorize(canBoard(actor, action, access.facts));
    // A card's column needs the workflow, which is made the first time anyone opens the board; a task may be reached
    // before that (from a notification, My work, the plan).
    await ensureWorkflow(actor, access.project);
    return { task, access };
  }

  /** The project's workflow, creating the default one (in the actor's language) the first time. */
  async function ensureWorkflow(actor: Actor, project: ProjectRow): Promise<TaskStatusRow[]> {
    const existing = await createBoardRepository(deps.db).statuses(project.id);
    if (existing.length > 0) return existing;
    return deps.db.transaction(async (tx) => {
      await createPlanningRepository(tx).lockPlan(project.id);
      const repo = createBoardRepository(tx);
      const again = await repo.statuses(project.id);
      if (again.length > 0) return again;
      const now = deps.now();
      const rows = await repo.insertStatuses(
        DEFAULT_WORKFLOW.map((d, position) => ({ workspaceId: project.workspaceId, projectId: project.id, name: translate(actor.locale, d.key), category: d.category, position, createdAt: now, updatedAt: now })),
      );
      await recordAudit(tx, actor, project.workspaceId, { entityType: "task_workflow", entityId: project.id, projectId: project.id, action: "create", after: rows.map(presentBoardStatus) });
      return rows.sort((a, b) => a.position - b.position);
    });
  }

  /** Cards for some tasks of a project (all of them when `ids` is absent), ordered by column position. */
  async function loadCards(db: Db | Tx, projectId: string, statuses: readonly TaskStatusRow[], ids?: readonly string[]): Promise<{ cards: TBoardCard[]; rows: BoardTaskRow[] }> {
    const repo = createBoardRepository(db);
    const [rows, assignees, commentCounts] = await Promise.all([
      ids ? repo.boardTasksByIds(projectId, ids) : repo.boardTasks(projectId),
      repo.assignees(projectId, ids),
      repo.commentCounts(projectId, ids),
    ]);
    const phases = phasesOf(rows);
    const wanted = ids ? new Set(ids) : null;
    const cards = rows.filter((r) => isBoardCard(r) && (!wanted || wanted.has(r.id))).map((r) => presentBoardCard(r, { statuses, phases, assignees, commentCounts }));
    cards.sort(compareCards);
    return { cards, rows };
  }

  async function cardOf(db: Db | Tx, project: ProjectRow, id: string): Promise<TBoardCard> {
    const statuses = await createBoardRepository(db).statuses(project.id);
    const { cards } = await loadCards(db, project.id, statuses, [id]);
    const card = cards[0];
    if (!card) throw notFound("board.card_not_found");
    return card;
  }

  /** Saves a task's board fields (version-checked) inside a plan change, keeps the state in step and audits it. */
  async function saveTask(ctx: ChangeContext, actor: Actor, task: PlanTaskRow, version: number, values: Partial<NewPlanTaskRow>, action: string) {
    const row = await ctx.repo.updateTask(task.id, version, values, ctx.now);
    if (!row) throw versionConflict(await cardOf(ctx.tx, ctx.state.project, task.id));
    const current = ctx.state.tasks.get(task.id) ?? task;
    ctx.state.tasks.set(task.id, { ...row, parentId: current.parentId, position: current.position });
    ctx.log.taskId = task.id;
    ctx.log.touchedTasks.add(task.id);
    await recordAudit(ctx.tx, actor, row.workspaceId, { entityType: "plan_task", entityId: row.id, projectId: row.projectId, action, before: boardFields(task), after: boardFields(row) });
    return row;
  }

  /** The task in the change's state, at the version the caller read, and on the board. */
  async function taskInChange(ctx: ChangeContext, id: string, version: number): Promise<PlanTaskRow> {
    const task = ctx.state.tasks.get(id);
    if (!task) throw notFound("board.card_not_found");
    if (!isBoardCard({ isSummary: task.isSummary, durationDays: task.durationDays })) throw new AppError("conflict", "board.not_a_card");
    if (task.version !== version) throw versionConflict(await cardOf(ctx.tx, ctx.state.project, id));
    return task;
  }

  return {
    getWorkflow: async (actor: Actor, projectId: string): Promise<TBoardWorkflow> => {
      const { project } = await requireBoard(actor, projectId, "board.read");
      return presentBoardWorkflow(project.id, await ensureWorkflow(actor, project));
    },

    /**
     * Replaces the workflow (see ZUpdateBoardWorkflowRequest): renames, recategorises, reorders and limits kept
     * columns, adds new ones, removes the others after moving their tasks to the column `reassign` names.
     */
    updateWorkflow: async (actor: Actor, projectId: string, input: TUpdateBoardWorkflowRequest): Promise<TBoardWorkflow> => {
      const { project } = await requireBoard(actor, projectId, "board.configure");
      await ensureWorkflow(actor, project);
      return deps.db.transaction(async (tx) => {
        await createPlanningRepository(tx).lockPlan(project.id);
        const repo = createBoardRepository(tx);
        const current = await repo.statuses(project.id);
        if (workflowVersion(current) !== input.version) throw versionConflict(presentBoardWorkflow(project.id, current));
        const byId = new Map(current.map((s) => [s.id, s]));
        const statuses = input.statuses.map((s) => ({ ...s, wipLimit: s.wipLimit ?? null }));
        const seenIds = new Set<string>();
        const seenNames = new Set<string>();
        statuses.forEach((s, i) => {
          if (s.id !== undefined) {
            if (!byId.has(s.id) || seenIds.has(s.id)) throw fieldError(`body.statuses.${i}.id`, "board.workflow_unknown_status");
            seenIds.add(s.id);
          }
          const key = s.name.trim().toLowerCase();
          if (seenNames.has(key)) throw fieldError(`body.statuses.${i}.name`, "board.workflow_duplicate_name");
          seenNames.add(key);
        });
        if (!statuses.some((s) => s.category === "todo")) throw fieldError("body.statuses", "board.workflow_needs_todo");
        if (!statuses.some((s) => s.category === "done")) throw fieldError("body.statuses", "board.workflow_needs_done");
        const removed = current.filter((s) => !seenIds.has(s.id));
        const counts = await repo.storedStatusCounts(project.id);
        const reassign = new Map((input.reassign ?? []).map((r) => [r.from, r.to]));
        removed.forEach((s) => {
          const to = reassign.get(s.id);
          if ((counts.get(s.id) ?? 0) > 0 && to === undefined) throw fieldError("body.reassign", "board.workflow_reassign_required");
          if (to !== undefined && to >= statuses.length) throw fieldError("body.reassign", "board.workflow_reassign_invalid");
        });

        const now = deps.now();
        // Names are unique per project: park the kept columns under their ids first, so a swap of names never collides.
        for (const s of current) if (seenIds.has(s.id)) await repo.updateStatus(s.id, { name: `~${s.id}` }, now);
        const inserted = await repo.insertStatuses(
          statuses.flatMap((s, position) => (s.id === undefined ? [{ workspaceId: project.workspaceId, projectId: project.id, name: s.name, category: s.category, position, wipLimit: s.wipLimit, createdAt: now, updatedAt: now }] : [])),
        );
        const idAt: string[] = [];
        let next = 0;
        statuses.forEach((s, position) => {
          idAt[position] = s.id ?? (inserted[next++] as TaskStatusRow).id;
        });
        for (const [position, s] of statuses.entries()) {
          if (s.id !== undefined) await repo.updateStatus(s.id, { name: s.name, category: s.category, position, wipLimit: s.wipLimit }, now);
        }
        for (const s of removed) {
          const to = reassign.get(s.id);
          if (to !== undefined) await repo.reassignStatus(project.id, s.id, idAt[to] as string, now);
        }
        await repo.deleteStatuses(removed.map((s) => s.id));
        const after = await repo.statuses(project.id);
        await recordAudit(tx, actor, project.workspaceId, {
          entityType: "task_workflow",
          entityId: project.id,
          projectId: project.id,
          action: "update",
          before: current.map(presentBoardStatus),
          after: after.map(presentBoardStatus),
        });
        return presentBoardWorkflow(project.id, after);
      });
    },

    getBoard: async (actor: Actor, projectId: string): Promise<TBoard> => {
      const { project } = await requireBoard(actor, projectId, "board.read");
      const statuses = await ensureWorkflow(actor, project);
      const repo = createBoardRepository(deps.db);
      const [{ cards, rows }, team] = await Promise.all([loadCards(deps.db, project.id, statuses), repo.team(project.id)]);
      const known = new Set(team.map((p) => p.id));
      const others = [...new Set(cards.flatMap((c) => c.assigneeIds))].filter((id) => !known.has(id));
      const otherNames = await repo.userNames(actor.workspaceId, others);
      const phases = [...phasesOf(rows).values()].sort((a, b) => Number(a.wbsCode) - Number(b.wbsCode));
      return {
        projectId: project.id,
        workflow: presentBoardWorkflow(project.id, statuses),
        cards,
        phases,
        people: [...team.map((p) => ({ id: p.id, name: p.name })), ...others.map((id) => ({ id, name: otherNames.get(id) ?? "" }))],
      };
    },

    /**
     * Moves a card (see ZMoveBoardCardRequest). Into "done" the task is completed (100 %, no work remaining); out of
     * "done" its percent goes back to what the column means (`boardPercentAfterMove`). The schedule follows.
     */
    moveCard: async (actor: Actor, id: string, input: TMoveBoardCardRequest): Promise<TBoardCard> => {
      const { access } = await requireTask(actor, id, "board.edit");
      if (input.force && !canBoard(actor, "board.configure", access.facts)) authorize(false);
      const project = access.project;
      await ensureWorkflow(actor, project);
      // A move that leaves the percent complete alone does not touch the schedule: it is written under the plan lock
      // without loading and rescheduling the plan. One that completes or reopens the task is a plan change.
      const light = await deps.db.transaction(async (tx) => {
        await createPlanningRepository(tx).lockPlan(project.id);
        const repo = createBoardRepository(tx);
        const [rows, statuses] = await Promise.all([repo.moveFacts(project.id), repo.statuses(project.id)]);
        const task = rows.find((r) => r.id === id);
        if (!task) throw notFound("board.card_not_found");
        if (!isBoardCard(task)) throw new AppError("conflict", "board.not_a_card");
        if (task.version !== input.version) throw versionConflict(await cardOf(tx, project, id));
        const move = planMove(rows, task, statuses, input);
        if (move.schedules) return false;
        await repo.writeBoardPositions(move.renumbered);
        const row = await createPlanningRepository(tx).updateTask(id, input.version, move.values, deps.now());
        if (!row) throw versionConflict(await cardOf(tx, project, id));
        await recordAudit(tx, actor, row.workspaceId, { entityType: "plan_task", entityId: id, projectId: project.id, action: "board.move", before: { statusId: task.statusId, boardPosition: task.boardPosition, version: task.version }, after: { statusId: row.statusId, boardPosition: row.boardPosition, version: row.version } });
        return true;
      });
      if (!light) {
        await planning.runChange(actor, project, async (ctx) => {
          const task = await taskInChange(ctx, id, input.version);
          const statuses = await createBoardRepository(ctx.tx).statuses(project.id);
          const move = planMove([...ctx.state.tasks.values()], task, statuses, input);
          await createBoardRepository(ctx.tx).writeBoardPositions(move.renumbered);
          for (const r of move.renumbered) ctx.state.tasks.set(r.id, { ...(ctx.state.tasks.get(r.id) as PlanTaskRow), boardPosition: r.boardPosition });
          await saveTask(ctx, actor, task, input.version, move.values, "board.move");
        });
      }
      return cardOf(deps.db, project, id);
    },

    /** Quick add: a task with a name in a column, last under the phase (or at the top of the plan). */
    createCard: async (actor: Actor, projectId: string, input: TCreateBoardCardRequest): Promise<TBoardCard> => {
      const { project } = await requireBoard(actor, projectId, "board.edit");
      await ensureWorkflow(actor, project);
      let createdId = "";
      await planning.runChange(actor, project, async (ctx) => {
        const statuses = await createBoardRepository(ctx.tx).statuses(project.id);
        const target = statuses.find((s) => s.id === input.statusId);
        if (!target) throw fieldError("body.statusId", "board.status_not_found");
        const parentId = input.phaseId ?? null;
        if (parentId !== null) {
          const phase = ctx.state.tasks.get(parentId);
          if (!phase || phase.parentId !== null || !phase.isSummary) throw fieldError("body.phaseId", "board.phase_not_found");
        }
        let last = -1;
        let siblings = 0;
        for (const t of ctx.state.tasks.values()) {
          if (t.parentId === parentId) siblings++;
          if (isBoardCard(t) && boardColumnOf(statuses, t) === target.id) last = Math.max(last, t.boardPosition);
        }
        const row = await ctx.repo.insertTask({
          id: randomUUID(),
          workspaceId: project.workspaceId,
          projectId: project.id,
          parentId,
          position: siblings,
          name: input.name,
          durationDays: 1,
          percentComplete: target.category === "done" ? 100 : 0,
          statusId: target.id,
          boardPosition: last + 1,
          createdById: actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        ctx.state.tasks.set(row.id, row);
        ctx.log.taskId = row.id;
        ctx.log.touchedTasks.add(row.id);
        createdId = row.id;
        await recordAudit(ctx.tx, actor, project.workspaceId, { entityType: "plan_task", entityId: row.id, projectId: project.id, action: "create", after: { name: row.name, parentId, ...boardFields(row) } });
      });
      return cardOf(deps.db, project, createdId);
    },

    getTask: async (actor: Actor, id: string): Promise<TBoardTaskDetail> => {
      const { task, access } = await requireTask(actor, id, "board.read");
      if (!isBoardCard(task)) throw new AppError("conflict", "board.not_a_card");
      await ensureWorkflow(actor, access.project);
      return detailOf(access.project, id);
    },

    /** The description, checklist, estimate, remaining work and deadline (a deadline moves the schedule's checks). */
    updateTask: async (actor: Actor, id: string, input: TUpdateBoardTaskRequest): Promise<TBoardTaskDetail> => {
      const { access } = await requireTask(actor, id, "board.edit");
      if (input.checklist) {
        const ids = new Set<string>();
        input.checklist.forEach((item, i) => {
          if (ids.has(item.id)) throw fieldError(`body.checklist.${i}.id`, "board.checklist_duplicate_id");
          ids.add(item.id);
        });
      }
      await planning.runChange(actor, access.project, async (ctx) => {
        const task = await taskInChange(ctx, id, input.version);
        const values: Partial<NewPlanTaskRow> = {};
        if (input.notes !== undefined) values.notes = input.notes;
        if (input.checklist !== undefined) values.checklist = input.checklist;
        if (input.estimateHours !== undefined) values.estimateHours = input.estimateHours;
        if (input.remainingHours !== undefined) values.remainingHours = input.remainingHours;
        if (input.deadline !== undefined) values.deadline = input.deadline;
        await saveTask(ctx, actor, task, input.version, values, "board.update");
      });
      return detailOf(access.project, id);
    },

    /** Replaces the task's assignees: managers and members of the project only. */
    setAssignees: async (actor: Actor, id: string, input: TSetBoardAssigneesRequest): Promise<TBoardTaskDetail> => {
      const { access } = await requireTask(actor, id, "board.edit");
      const project = access.project;
      const userIds = [...new Set(input.userIds)];
      const outbox = createNotificationOutbox(deps);
      await planning.runChange(actor, project, async (ctx) => {
        const task = await taskInChange(ctx, id, input.version);
        const repo = createBoardRepository(ctx.tx);
        const team = new Set((await repo.team(project.id)).map((p) => p.id));
        userIds.forEach((userId, i) => {
          if (!team.has(userId)) throw fieldError(`body.userIds.${i}`, "board.assignee_not_on_team");
        });
        const before = (await repo.assignees(project.id, [id])).get(id) ?? [];
        await repo.setAssignees({ id, projectId: project.id, workspaceId: project.workspaceId }, userIds, ctx.now);
        const row = await ctx.repo.updateTask(id, input.version, {}, ctx.now);
        if (!row) throw versionConflict(await cardOf(ctx.tx, project, id));
        ctx.state.tasks.set(id, { ...row, parentId: task.parentId, position: task.position });
        await recordAudit(ctx.tx, actor, project.workspaceId, { entityType: "plan_task", entityId: id, projectId: project.id, action: "board.assignees", before: { assigneeIds: before }, after: { assigneeIds: userIds } });
        const added = userIds.filter((userId) => !before.includes(userId));
        await outbox.notify(ctx.tx, { workspaceId: project.workspaceId, kind: "assigned", projectId: project.id, entityType: "plan_task", entityId: id, actorId: actor.userId, recipientIds: added, params: { taskName: row.name, taskCode: row.wbsCode } });
      });
      outbox.send();
      return detailOf(project, id);
    },

    /** The tasks assigned to the actor across the projects they can read, grouped by due date. */
    myWork: async (actor: Actor, query: TMyWorkQuery): Promise<TMyWork> => {
      authorize(canReadMyWork(actor));
      const today = query.today ?? deps.now().toISOString().slice(0, 10);
      const repo = createBoardRepository(deps.db);
      const rows = (await repo.assignedTo(actor.workspaceId, actor.userId)).filter(
        (r) => isBoardCard(r.task) && canBoard(actor, "board.read", { clientId: r.clientId, memberRole: r.memberRole ?? null }),
      );
      const projectIds = [...new Set(rows.map((r) => r.task.projectId))];
      // Tasks of a project whose board was never opened have no column yet: make its workflow, as the board would.
      const withWorkflow = new Set((await repo.statusesOf(projectIds)).map((s) => s.projectId));
      for (const projectId of projectIds) {
        if (withWorkflow.has(projectId)) continue;
        const access = await loadProjectAccess(deps.db, actor, projectId);
        if (access) await ensureWorkflow(actor, access.project);
      }
      const [statuses, tops, assignees, commentCounts] = await Promise.all([
        repo.statusesOf(projectIds),
        repo.topLevelOf(projectIds),
        Promise.all(projectIds.map((p) => repo.assignees(p, rows.filter((r) => r.task.projectId === p).map((r) => r.task.id)))),
        Promise.all(projectIds.map((p) => repo.commentCounts(p, rows.filter((r) => r.task.projectId === p).map((r) => r.task.id)))),
      ]);
      const assigneesOf = new Map(assignees.flatMap((m) => [...m]));
      const commentsOf = new Map(commentCounts.flatMap((m) => [...m]));
      const statusesByProject = new Map<string, TaskStatusRow[]>();
      for (const s of statuses) statusesByProject.set(s.projectId, [...(statusesByProject.get(s.projectId) ?? []), s]);
      const items: TMyWork["items"] = [];
      for (const r of rows) {
        const workflow = statusesByProject.get(r.task.projectId) ?? [];
        const phases = new Map(tops.filter((t) => t.projectId === r.task.projectId).map((t) => [t.wbsCode, { id: t.id, wbsCode: t.wbsCode, name: t.name }]));
        const card = presentBoardCard(r.task, { statuses: workflow, phases, assignees: assigneesOf, commentCounts: commentsOf });
        const status = workflow.find((s) => s.id === card.statusId);
        if (!status) continue;
        if (status.category === "done" && !query.includeDone) continue;
        items.push({
          card,
          projectCode: r.projectCode,
          projectName: r.projectName,
          status: presentBoardStatus(status),
          statuses: workflow.map(presentBoardStatus),
          group: status.category === "done" ? "later" : myWorkGroupOf(card.dueDate, today),
        });
      }
      items.sort((a, b) => (a.card.dueDate ?? "9999").localeCompare(b.card.dueDate ?? "9999") || a.projectCode.localeCompare(b.projectCode) || a.card.wbsCode.localeCompare(b.card.wbsCode));
      return { today, items };
    },
  };

  async function detailOf(project: ProjectRow, id: string): Promise<TBoardTaskDetail> {
    const repo = createBoardRepository(deps.db);
    const [card, text, links, tops] = await Promise.all([cardOf(deps.db, project, id), repo.taskText(id), repo.requirementsOf(id), repo.topLevelOf([project.id])]);
    if (!text) throw notFound("board.card_not_found");
    const phase = tops.find((t) => t.id === card.phaseId);
    return {
      card,
      notes: text.notes,
      notesHtml: renderMarkdown(text.notes),
      checklist: text.checklist,
      requirements: links.map((l) => ({ id: l.id, key: requirementKey(l.number), title: l.title })),
      phaseName: phase?.name ?? null,
      updatedAt: text.updatedAt.toISOString(),
    };
  }
}

export type BoardService = ReturnType<typeof createBoardService>;
