/**
 * A change request's impact estimated from the plan (docs/requirements.md "Change requests"): the requirements the
 * request modifies or removes, the plan tasks traced to them, and their work, span and cost. The request's own impact
 * fields stay the person's: the form offers these numbers, it does not store them.
 */
import type { TChangeRequestImpactEstimate, TChangeRequestImpactTask } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { authorize, canChangeRequests, type Actor } from "../../platform/policy";
import { requireProjectAccess } from "../../platform/project-access";
import { createChangeRequestsRepository } from "./change-requests.repository";

/** A plan task traced to one requested requirement: one row per (task, requirement) link. */
export type TracedPlanTask = Omit<TChangeRequestImpactTask, "requirementIds"> & {
  parentId: string | null;
  startDay: number | null;
  finishDay: number | null;
  requirementId: string;
};

const hundredths = (value: number) => Math.round(value * 100) / 100;

/**
 * The estimate from the traced tasks. A task under another traced task is counted in that summary's roll-up, not
 * again (its requirements are credited to the summary). Work and cost are summed; the days are the working days from
 * the earliest start to the latest finish, so tasks in parallel do not add up. Nothing traced: every figure null.
 */
export function impactEstimateOf(traced: readonly TracedPlanTask[], parentOf: ReadonlyMap<string, string | null>): TChangeRequestImpactEstimate {
  const tracedIds = new Set(traced.map((row) => row.id));
  const countedAs = (id: string): string => {
    let counted = id;
    const seen = new Set<string>([id]);
    for (let parent = parentOf.get(id) ?? null; parent !== null && !seen.has(parent); parent = parentOf.get(parent) ?? null) {
      seen.add(parent);
      if (tracedIds.has(parent)) counted = parent;
    }
    return counted;
  };
  const tasks = new Map<string, TracedPlanTask & { requirementIds: string[] }>();
  for (const row of traced) tasks.set(row.id, tasks.get(row.id) ?? { ...row, requirementIds: [] });
  for (const row of traced) {
    const counted = tasks.get(countedAs(row.id));
    if (counted && !counted.requirementIds.includes(row.requirementId)) counted.requirementIds.push(row.requirementId);
  }
  const used = [...tasks.values()].filter((task) => countedAs(task.id) === task.id);
  if (used.length === 0) return { effortHours: null, days: null, cost: null, tasks: [] };

  const starts = used.flatMap((task) => (task.startDay === null ? [] : [task.startDay]));
  const finishes = used.flatMap((task) => (task.finishDay === null ? [] : [task.finishDay]));
  return {
    effortHours: hundredths(used.reduce((sum, task) => sum + task.workHours, 0)),
    days: starts.length > 0 && finishes.length > 0 ? hundredths(Math.max(0, Math.max(...finishes) - Math.min(...starts))) : null,
    cost: hundredths(used.reduce((sum, task) => sum + task.cost, 0)),
    tasks: used.map(({ id, wbsCode, name, start, finish, durationDays, workHours, cost, requirementIds }) => ({
      id,
      wbsCode,
      name,
      start,
      finish,
      durationDays: durationDays === null ? null : hundredths(durationDays),
      workHours: hundredths(workHours),
      cost: hundredths(cost),
      requirementIds,
    })),
  };
}

export function createChangeRequestImpactService(deps: AppDeps) {
  return {
    /**
     * For whoever may draft and edit the project's change requests (the plan's work and cost are the team's):
     * the estimate for `requirementIds`, counting only links inside the project.
     */
    estimate: async (actor: Actor, projectId: string, requirementIds: readonly string[]): Promise<TChangeRequestImpactEstimate> => {
      const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      authorize(canChangeRequests(actor, "change_requests.write", facts));
      const repo = createChangeRequestsRepository(deps.db);
      const traced = await repo.tracedPlanTasks(actor.workspaceId, projectId, [...new Set(requirementIds)]);
      if (traced.length === 0) return impactEstimateOf([], new Map());
      return impactEstimateOf(traced, await repo.planParents(projectId));
    },
  };
}
