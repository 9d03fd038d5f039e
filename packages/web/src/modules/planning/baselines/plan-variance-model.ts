/** The plan and a baseline as the engine's variance input, and how variances read. */
import { planVariance, type PlanVariance, type PlanVarianceTask } from "@jiaofu/engine";
import type { TPlanBaseline, TPlanTask } from "@jiaofu/contracts";

/** A plan task as the variance compares it (`cost` null for a reader who may not see costs). */
export const planVarianceTaskOf = (task: TPlanTask): PlanVarianceTask => ({
  taskId: task.id,
  wbsCode: task.wbsCode,
  name: task.name,
  isSummary: task.kind === "summary",
  start: task.schedule.start,
  finish: task.schedule.finish,
  startDay: task.schedule.startDay,
  finishDay: task.schedule.finishDay,
  durationDays: task.schedule.durationDays,
  cost: task.schedule.cost,
});

/** Current (tasks in WBS order, as the plan lists them) − baseline. */
export function planVarianceOf(tasks: readonly TPlanTask[], baseline: TPlanBaseline): PlanVariance {
  return planVariance(tasks.map(planVarianceTaskOf), baseline.tasks);
}

/** A variance with its sign, to at most two decimals: "+2", "−0.5", "0"; empty when there is none. */
export function formatVariance(value: number | null | undefined, locale: string, options: Intl.NumberFormatOptions = {}): string {
  if (value === null || value === undefined) return "";
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, ...options }).format(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** The class of a variance cell: a slip (positive) in the warning colour, a gain in the success colour. */
export const varianceTone = (value: number | null | undefined) => (value === null || value === undefined || value === 0 ? "" : value > 0 ? "variance-late" : "variance-early");
