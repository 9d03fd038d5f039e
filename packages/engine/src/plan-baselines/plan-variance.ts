/**
 * Variance of a plan against one of its baselines (docs/planning.md, "Baselines and variance"): per task, current −
 * baseline, so a positive number is later, longer or dearer. Dates are compared on the plan's working-day axis
 * (`startDay` / `finishDay`: working days from the plan's day 0), so a slip over a weekend or 国庆 counts the
 * working days lost, not calendar days.
 */

/** A task as the variance needs it, current or as the baseline holds it. Nulls: not scheduled, or not shown. */
export type PlanVarianceTask = {
  readonly taskId: string;
  readonly wbsCode: string;
  readonly name: string;
  readonly isSummary: boolean;
  readonly start: string | null;
  readonly finish: string | null;
  readonly startDay: number | null;
  readonly finishDay: number | null;
  readonly durationDays: number | null;
  /** Null when the reader may not see costs (a client contact). */
  readonly cost: number | null;
};

/**
 * One row of the comparison. `status`: in both, `added` since the baseline (no baseline values, no variance), or
 * `removed` since (no current values). Variances are null when either side lacks the value.
 */
export type PlanVarianceRow = {
  readonly taskId: string;
  readonly status: "both" | "added" | "removed";
  readonly wbsCode: string;
  readonly name: string;
  readonly isSummary: boolean;
  readonly baseline: PlanVarianceTask | null;
  readonly current: PlanVarianceTask | null;
  readonly startVarianceDays: number | null;
  readonly finishVarianceDays: number | null;
  readonly durationVarianceDays: number | null;
  readonly costVariance: number | null;
};

export type PlanVarianceSummary = {
  /** Last finish day of the current plan − of the baseline (working days; positive: the plan finishes later). */
  readonly finishVarianceDays: number | null;
  readonly baselineFinish: string | null;
  readonly currentFinish: string | null;
  /** Total cost now − in the baseline (top-level tasks summed, so nothing counts twice); null without costs. */
  readonly costVariance: number | null;
  readonly baselineCost: number | null;
  readonly currentCost: number | null;
  /** Tasks (not summaries) in both that finish later than in the baseline. */
  readonly slipped: number;
  readonly added: number;
  readonly removed: number;
};

export type PlanVariance = { readonly rows: readonly PlanVarianceRow[]; readonly summary: PlanVarianceSummary };

/** Rounds to the hundredth a plan is entered in, so 0.1 + 0.2 reads 0.3 and a −0 is 0. */
const hundredths = (value: number) => Math.round(value * 100) / 100 + 0;

function difference(current: number | null, baseline: number | null): number | null {
  return current === null || baseline === null ? null : hundredths(current - baseline);
}

/** The last finish of the tasks, as the day number and its date. */
function lastFinish(tasks: readonly PlanVarianceTask[]): { day: number | null; date: string | null } {
  let day: number | null = null;
  let date: string | null = null;
  for (const task of tasks) {
    if (task.finishDay !== null && (day === null || task.finishDay > day)) day = task.finishDay;
    if (task.finish !== null && (date === null || task.finish > date)) date = task.finish;
  }
  return { day, date };
}

/** Sum of the costs of top-level tasks (a summary's cost already holds its tasks'); null when any is hidden. */
function totalCost(tasks: readonly PlanVarianceTask[]): number | null {
  let total = 0;
  for (const task of tasks) {
    if (task.wbsCode.includes(".")) continue;
    if (task.cost === null) return null;
    total += task.cost;
  }
  return hundredths(total);
}

/** Orders WBS codes as the outline does: 1.2 < 1.10 < 2. */
export function planWbsCompare(a: string, b: string): number {
  const x = a.split(".");
  const y = b.split(".");
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = Number(x[i] ?? -1) - Number(y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Compares the current plan with a baseline. Rows follow the current plan's order (pass it in WBS order); tasks
 * removed since the baseline follow, by their baseline WBS code. Tasks are matched by id, so a renamed or moved task
 * is the same task.
 *
 * @example
 * // "Build" was 3 days from day 2 (finish day 5); now it starts on day 4 and lasts 4 days (finish day 8):
 * planVariance([{ taskId: "b", startDay: 4, finishDay: 8, durationDays: 4, … }], [{ taskId: "b", startDay: 2, finishDay: 5, durationDays: 3, … }]);
 * // rows[0]: { startVarianceDays: 2, finishVarianceDays: 3, durationVarianceDays: 1, … }; summary.finishVarianceDays: 3
 */
export function planVariance(current: readonly PlanVarianceTask[], baseline: readonly PlanVarianceTask[]): PlanVariance {
  const before = new Map(baseline.map((task) => [task.taskId, task]));
  const now = new Set(current.map((task) => task.taskId));
  const rows: PlanVarianceRow[] = [];
  let slipped = 0;
  let added = 0;
  for (const task of current) {
    const was = before.get(task.taskId);
    if (!was) {
      added++;
      rows.push({ taskId: task.taskId, status: "added", wbsCode: task.wbsCode, name: task.name, isSummary: task.isSummary, baseline: null, current: task, startVarianceDays: null, finishVarianceDays: null, durationVarianceDays: null, costVariance: null });
      continue;
    }
    const finishVarianceDays = difference(task.finishDay, was.finishDay);
    if (!task.isSummary && finishVarianceDays !== null && finishVarianceDays > 0) slipped++;
    rows.push({
      taskId: task.taskId,
      status: "both",
      wbsCode: task.wbsCode,
      name: task.name,
      isSummary: task.isSummary,
      baseline: was,
      current: task,
      startVarianceDays: difference(task.startDay, was.startDay),
      finishVarianceDays,
      durationVarianceDays: difference(task.durationDays, was.durationDays),
      costVariance: difference(task.cost, was.cost),
    });
  }
  const gone = baseline.filter((task) => !now.has(task.taskId)).sort((a, b) => planWbsCompare(a.wbsCode, b.wbsCode));
  for (const task of gone) {
    rows.push({ taskId: task.taskId, status: "removed", wbsCode: task.wbsCode, name: task.name, isSummary: task.isSummary, baseline: task, current: null, startVarianceDays: null, finishVarianceDays: null, durationVarianceDays: null, costVariance: null });
  }
  const finishNow = lastFinish(current);
  const finishThen = lastFinish(baseline);
  const currentCost = totalCost(current);
  const baselineCost = totalCost(baseline);
  return {
    rows,
    summary: {
      finishVarianceDays: difference(finishNow.day, finishThen.day),
      baselineFinish: finishThen.date,
      currentFinish: finishNow.date,
      costVariance: difference(currentCost, baselineCost),
      baselineCost,
      currentCost,
      slipped,
      added,
      removed: gone.length,
    },
  };
}

/**
 * The rows with the largest finish slips first (then start slips), for a chart that cannot show 10,000 bars: tasks
 * (not summaries) present in both, with a positive or negative finish or start variance, at most `limit`.
 *
 * @example
 * planVarianceTopSlips(variance.rows, 50).map((row) => row.finishVarianceDays); // [12, 7.5, 3, …, -1]
 */
export function planVarianceTopSlips(rows: readonly PlanVarianceRow[], limit: number): PlanVarianceRow[] {
  const moved = rows.filter((row) => row.status === "both" && !row.isSummary && ((row.finishVarianceDays ?? 0) !== 0 || (row.startVarianceDays ?? 0) !== 0));
  moved.sort(
    (a, b) =>
      Math.abs(b.finishVarianceDays ?? 0) - Math.abs(a.finishVarianceDays ?? 0) ||
      Math.abs(b.startVarianceDays ?? 0) - Math.abs(a.startVarianceDays ?? 0) ||
      planWbsCompare(a.wbsCode, b.wbsCode),
  );
  return moved.slice(0, Math.max(0, limit));
}
