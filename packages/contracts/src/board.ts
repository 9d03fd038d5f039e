import { z } from "zod";
import { ZId, ZIsoDate, ZIsoDateTime, ZVersioned } from "./common";

/**
 * The task board (issue 6; docs/execution.md, "Board"): a project's workflow (its columns), the board of the plan's
 * tasks, moves between columns, the task detail (description, checklist, assignees, estimate and remaining work)
 * and "My work" across projects. The cards ARE the plan's tasks: a move that completes a task sets its percent
 * complete, so the Gantt shows it.
 */

export const BOARD_CATEGORIES = ["todo", "in_progress", "done"] as const;
export type TBoardCategory = (typeof BOARD_CATEGORIES)[number];
export const ZBoardCategory = z.enum(BOARD_CATEGORIES);

/** The most columns a workflow may have, and the most items a checklist may hold. */
export const BOARD_MAX_COLUMNS = 12;
export const BOARD_MAX_CHECKLIST = 100;

export const ZBoardStatus = z
  .object({
    id: ZId,
    name: z.string(),
    category: ZBoardCategory,
    /** The most tasks the column should hold; null: no limit. */
    wipLimit: z.number().int().nullable(),
  })
  .meta({ id: "BoardStatus" });
export type TBoardStatus = z.infer<typeof ZBoardStatus>;

/** A project's workflow: its columns in board order. `version` changes with any change of the workflow. */
export const ZBoardWorkflow = z
  .object({
    projectId: ZId,
    statuses: z.array(ZBoardStatus),
    version: z.string(),
  })
  .meta({ id: "BoardWorkflow" });
export type TBoardWorkflow = z.infer<typeof ZBoardWorkflow>;

const ZStatusName = z.string().trim().min(1).max(60);

/**
 * The whole workflow, replaced at once: columns in order (`id` for a column kept, none for a new one). A column left
 * out is removed; its tasks go to the column `reassign` names for it (an index into `statuses`). At least one "to do"
 * and one "done" column.
 */
export const ZUpdateBoardWorkflowRequest = z
  .object({
    version: z.string().min(1).max(2000),
    statuses: z
      .array(
        z.object({
          id: ZId.optional(),
          name: ZStatusName,
          category: ZBoardCategory,
          wipLimit: z.number().int().min(1).max(999).nullable().default(null),
        }),
      )
      .min(2)
      .max(BOARD_MAX_COLUMNS),
    reassign: z.array(z.object({ from: ZId, to: z.number().int().min(0).max(BOARD_MAX_COLUMNS - 1) })).max(BOARD_MAX_COLUMNS).default([]),
  })
  .meta({ id: "UpdateBoardWorkflowRequest" });
export type TUpdateBoardWorkflowRequest = z.input<typeof ZUpdateBoardWorkflowRequest>;

export const ZBoardPerson = z.object({ id: ZId, name: z.string() }).meta({ id: "BoardPerson" });
export type TBoardPerson = z.infer<typeof ZBoardPerson>;

/** A card: one leaf task of the plan (summary tasks are phases, milestones stay on the Gantt). */
export const ZBoardCard = z
  .object({
    id: ZId,
    projectId: ZId,
    name: z.string(),
    wbsCode: z.string(),
    /** The top-level summary task the task sits under (its phase), null at the top of the outline. */
    phaseId: ZId.nullable(),
    /** The column the task shows in (docs/execution.md: the stored column unless percent complete contradicts it). */
    statusId: ZId,
    boardPosition: z.number(),
    percentComplete: z.number().int(),
    /** Levelling priority 0–1000 (500 normal); the board groups it into low, normal, high. */
    priority: z.number().int(),
    /** The task's deadline, else its scheduled finish. */
    dueDate: ZIsoDate.nullable(),
    deadline: ZIsoDate.nullable(),
    start: ZIsoDate.nullable(),
    finish: ZIsoDate.nullable(),
    assigneeIds: z.array(ZId),
    estimateHours: z.number().nullable(),
    remainingHours: z.number().nullable(),
    checklistDone: z.number().int(),
    checklistTotal: z.number().int(),
    commentCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "BoardCard" });
export type TBoardCard = z.infer<typeof ZBoardCard>;

export const ZBoardPhase = z.object({ id: ZId, wbsCode: z.string(), name: z.string() }).meta({ id: "BoardPhase" });
export type TBoardPhase = z.infer<typeof ZBoardPhase>;

/** The board: the workflow, the cards (ordered by column position, then WBS), the phases and the people on the project. */
export const ZBoard = z
  .object({
    projectId: ZId,
    workflow: ZBoardWorkflow,
    cards: z.array(ZBoardCard),
    phases: z.array(ZBoardPhase),
    /** The project's managers and members (who can be assigned), plus anyone already assigned. */
    people: z.array(ZBoardPerson),
  })
  .meta({ id: "Board" });
export type TBoard = z.infer<typeof ZBoard>;

/**
 * Move a card to a column, before or after another card of that column (neither: at the end). A column at its WIP
 * limit refuses the move (409) unless a project manager sends `force`.
 */
export const ZMoveBoardCardRequest = ZVersioned.extend({
  statusId: ZId,
  beforeId: ZId.optional(),
  afterId: ZId.optional(),
  force: z.boolean().default(false),
}).meta({ id: "MoveBoardCardRequest" });
export type TMoveBoardCardRequest = z.input<typeof ZMoveBoardCardRequest>;

/** Quick add: a task with just a name, in a column, under a phase (or at the top of the plan). */
export const ZCreateBoardCardRequest = z
  .object({
    name: z.string().trim().min(1).max(500),
    statusId: ZId,
    phaseId: ZId.nullable().default(null),
  })
  .meta({ id: "CreateBoardCardRequest" });
export type TCreateBoardCardRequest = z.input<typeof ZCreateBoardCardRequest>;

export const ZChecklistItem = z
  .object({
    id: z.string().min(1).max(40),
    text: z.string().trim().min(1).max(500),
    done: z.boolean(),
  })
  .meta({ id: "ChecklistItem" });
export type TChecklistItem = z.infer<typeof ZChecklistItem>;

/** A requirement the task is traced to (the plan's trace links, read-only here). */
export const ZBoardTaskRequirement = z.object({ id: ZId, key: z.string(), title: z.string() }).meta({ id: "BoardTaskRequirement" });

/** The task detail: the card, its description (markdown and sanitised HTML), checklist and requirements. */
export const ZBoardTaskDetail = z
  .object({
    card: ZBoardCard,
    notes: z.string(),
    notesHtml: z.string(),
    checklist: z.array(ZChecklistItem),
    requirements: z.array(ZBoardTaskRequirement),
    /** The phase's name, for the heading. */
    phaseName: z.string().nullable(),
    updatedAt: ZIsoDateTime,
  })
  .meta({ id: "BoardTaskDetail" });
export type TBoardTaskDetail = z.infer<typeof ZBoardTaskDetail>;

const ZHours = z.number().min(0).max(100_000);

/** Change a task's description, checklist (the whole list), estimate, remaining work or deadline. */
export const ZUpdateBoardTaskRequest = ZVersioned.extend({
  notes: z.string().max(20_000).optional(),
  checklist: z.array(ZChecklistItem).max(BOARD_MAX_CHECKLIST).optional(),
  estimateHours: ZHours.nullable().optional(),
  remainingHours: ZHours.nullable().optional(),
  deadline: ZIsoDate.nullable().optional(),
}).meta({ id: "UpdateBoardTaskRequest" });
export type TUpdateBoardTaskRequest = z.input<typeof ZUpdateBoardTaskRequest>;

/** The people working on a task: project managers and members only (never a client contact). */
export const ZSetBoardAssigneesRequest = ZVersioned.extend({
  userIds: z.array(ZId).max(20),
}).meta({ id: "SetBoardAssigneesRequest" });
export type TSetBoardAssigneesRequest = z.input<typeof ZSetBoardAssigneesRequest>;

// ---- My work -----------------------------------------------------------------------------------------------------

export const MY_WORK_GROUPS = ["overdue", "this_week", "later", "no_date"] as const;
export type TMyWorkGroup = (typeof MY_WORK_GROUPS)[number];

export const ZMyWorkItem = z
  .object({
    card: ZBoardCard,
    projectCode: z.string(),
    projectName: z.string(),
    status: ZBoardStatus,
    /** The project's columns, to change the status from the list. */
    statuses: z.array(ZBoardStatus),
    group: z.enum(MY_WORK_GROUPS),
  })
  .meta({ id: "MyWorkItem" });
export type TMyWorkItem = z.infer<typeof ZMyWorkItem>;

/** `today` decides the groups: overdue before it, this week up to the Sunday after it (undone tasks only). */
export const ZMyWorkQuery = z.object({
  today: ZIsoDate.optional(),
  /** Also the tasks already done (false: only the work left). */
  includeDone: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
export type TMyWorkQuery = z.infer<typeof ZMyWorkQuery>;

export const ZMyWork = z
  .object({
    today: ZIsoDate,
    items: z.array(ZMyWorkItem),
  })
  .meta({ id: "MyWork" });
export type TMyWork = z.infer<typeof ZMyWork>;
