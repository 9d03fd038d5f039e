/**
 * Plan baselines (docs/planning.md, "Baselines and variance"): save the plan as it is scheduled now as `PB-n`, list
 * them, read one with its tasks, delete one. Immutable: there is no update. A save locks the plan (the project row),
 * brings its stored schedule up to date, allocates the number and copies every task in one transaction.
 */
import { planBaselineDaysOnAxis } from "@jiaofu/engine";
import type { TPlanBaseline, TPlanBaselineSummary, TSavePlanBaselineRequest } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { AppError, notFound } from "../../platform/app-error";
import { recordAudit } from "../../platform/audit";
import { authorize, canPlanBaseline, type Actor } from "../../platform/policy";
import { loadProjectAccess, requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { planAxisOf, reschedulePlanInTransaction } from "../planning/planning.service";
import { planBaselineKey, presentPlanBaseline, presentPlanBaselineSummary } from "./plan-baselines.presenter";
import { createPlanBaselinesRepository, type PlanBaselineRow } from "./plan-baselines.repository";

/** The baseline's record in the audit log: what it is, without its thousands of task rows. */
const auditFields = (row: PlanBaselineRow) => ({
  key: planBaselineKey(row.number),
  name: row.name,
  note: row.note,
  finish: row.finish,
  workHours: row.workHours,
  cost: row.cost,
  taskCount: row.taskCount,
});

export function createPlanBaselinesService(deps: AppDeps) {
  const repo = createPlanBaselinesRepository(deps.db);

  async function requireProject(actor: Actor, projectId: string, action: "plan_baseline.read" | "plan_baseline.save"): Promise<ProjectAccess> {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canPlanBaseline(actor, action, access.facts));
    return access;
  }

  /** The baseline, if the actor may read its plan (404 otherwise); 403 when they may read but not do `action`. */
  async function requireBaseline(actor: Actor, id: string, action: "plan_baseline.read" | "plan_baseline.delete") {
    const row = await repo.get(actor.workspaceId, id);
    const access = row && (await loadProjectAccess(deps.db, actor, row.projectId));
    if (!row || !access || !canPlanBaseline(actor, "plan_baseline.read", access.facts)) throw notFound("plan_baseline.not_found");
    authorize(canPlanBaseline(actor, action, access.facts));
    return { row, access };
  }

  return {
    /** The project's baselines, newest first. */
    list: async (actor: Actor, projectId: string): Promise<{ items: TPlanBaselineSummary[] }> => {
      const { facts } = await requireProject(actor, projectId, "plan_baseline.read");
      const internal = canPlanBaseline(actor, "plan_baseline.read_internal", facts);
      return { items: (await repo.list(projectId)).map((row) => presentPlanBaselineSummary(row, internal)) };
    },

    get: async (actor: Actor, id: string): Promise<TPlanBaseline> => {
      const { row, access } = await requireBaseline(actor, id, "plan_baseline.read");
      const [tasks, axis] = await Promise.all([repo.tasks(row.id), planAxisOf(deps.db, access.project)]);
      // Its day numbers count from the plan's day 0 when it was saved: re-read them on today's axis for the variance.
      const onAxis = tasks.map((t) => planBaselineDaysOnAxis(axis, t));
      return presentPlanBaseline(row, onAxis, canPlanBaseline(actor, "plan_baseline.read_internal", access.facts));
    },

    /**
     * Saves the plan as the next `PB-n`: every task's WBS code, name, kind, dates, day numbers, duration, work and
     * cost, and the plan's finish and totals (top-level tasks summed: a summary already holds its tasks'). An empty
     * plan is refused (409).
     */
    save: async (actor: Actor, projectId: string, input: TSavePlanBaselineRequest): Promise<TPlanBaselineSummary> => {
      const { project } = await requireProject(actor, projectId, "plan_baseline.save");
      return deps.db.transaction(async (tx) => {
        const now = deps.now();
        // Locks the plan and makes its stored schedule current (the project's start or the holiday data may have
        // changed since the last write), so the snapshot is the schedule the plan page shows.
        await reschedulePlanInTransaction(tx, project, actor, now);
        const r = createPlanBaselinesRepository(tx);
        const tasks = await r.planTasks(project.id);
        if (tasks.length === 0) throw new AppError("conflict", "plan_baseline.empty_plan");
        let finish: string | null = null;
        let workHours = 0;
        let cost = 0;
        for (const task of tasks) {
          if (task.finish !== null && (finish === null || task.finish > finish)) finish = task.finish;
          if (!task.wbsCode.includes(".")) {
            workHours += task.workHours ?? 0;
            cost += task.cost ?? 0;
          }
        }
        const row = await r.insert({
          workspaceId: project.workspaceId,
          projectId: project.id,
          number: await r.nextNumber(project.id),
          name: input.name.trim(),
          note: (input.note ?? "").trim(),
          finish,
          workHours,
          cost,
          taskCount: tasks.length,
          createdById: actor.userId,
          createdAt: now,
        });
        await r.insertTasks(tasks.map((task) => ({ baselineId: row.id, ...task })));
        await recordAudit(tx, actor, project.workspaceId, { entityType: "plan_baseline", entityId: row.id, projectId: project.id, action: "create", after: auditFields(row) });
        return presentPlanBaselineSummary(row, true);
      });
    },

    /** Deletes a baseline and its tasks (the manager's; audited). */
    remove: async (actor: Actor, id: string): Promise<void> => {
      const { row } = await requireBaseline(actor, id, "plan_baseline.delete");
      await deps.db.transaction(async (tx) => {
        const r = createPlanBaselinesRepository(tx);
        const locked = await r.lock(row.id);
        if (!locked || !(await r.remove(row.id))) throw notFound("plan_baseline.not_found");
        await recordAudit(tx, actor, row.workspaceId, { entityType: "plan_baseline", entityId: row.id, projectId: row.projectId, action: "delete", before: auditFields(locked) });
      });
    },
  };
}
export type PlanBaselinesService = ReturnType<typeof createPlanBaselinesService>;
