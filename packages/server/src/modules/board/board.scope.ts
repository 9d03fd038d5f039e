/**
 * Plan tasks as the owners of comments, files and history (`/api/v1/plan_tasks/:entityId/{comments,attachments,audit}`):
 * the task detail on the board. Whoever reads the project knows the task exists (it is in the plan); its
 * discussion, files and history are the board's, so `canBoard` decides: staff read, whoever edits the board writes.
 * Imported by board.routes.ts, so it is registered whenever the app is built.
 */
import { and, eq } from "drizzle-orm";
import { planTasks } from "../../db/schema";
import { registerEntityScope } from "../../platform/entity-scope";
import { canBoard, canProject } from "../../platform/policy";
import { loadProjectAccess } from "../../platform/project-access";

registerEntityScope("plan_task", {
  notFoundKey: "board.card_not_found",
  resolve: async (db, actor, id) => {
    const [row] = await db
      .select({ projectId: planTasks.projectId })
      .from(planTasks)
      .where(and(eq(planTasks.id, id), eq(planTasks.workspaceId, actor.workspaceId)));
    const access = row && (await loadProjectAccess(db, actor, row.projectId));
    if (!row || !access) return undefined;
    const facts = access.facts;
    return {
      entityType: "plan_task",
      entityId: id,
      projectId: row.projectId,
      projectFacts: facts,
      visible: canProject(actor, "project.read", facts),
      allows: {
        read: canBoard(actor, "board.read", facts),
        comment: canBoard(actor, "board.edit", facts),
        attach: canBoard(actor, "board.edit", facts),
        "audit.read": canBoard(actor, "board.read", facts),
      },
    };
  },
});
