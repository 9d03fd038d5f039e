/**
 * Resource load: how many units of each resource the tasks use on each day, as typed arrays; histogram series in
 * day, week or month buckets for the UI; and over-allocation detection (a work resource loaded above what it has
 * that day). Day numbers are the scheduling core's: task t occupies days `start[t] .. start[t] + duration[t] − 1`.
 */
import { type DayNumber, type TaskIndex } from "../schedule-units";
import { RESOURCE_MILLI, type ResourceModel, resourceCapacityMilli } from "./resource-model";

/**
 * The load of every resource, per day: `milli[r][day − origin]` is resource r's load on `day` in thousandths of a
 * unit (exact sums). `origin` is the first day covered (0, or earlier when a task starts before day 0) and `horizon`
 * the number of days covered. Cost resources have an all-zero row.
 *
 * @example
 * // Li (1 unit) on tasks 0 (days 0–1, 1 unit) and 1 (days 1–2, 0.5)
 * load.milli[0]; // Int32Array [1000, 1500, 500]
 */
export type ResourceLoad = {
  readonly origin: DayNumber;
  readonly horizon: number;
  readonly milli: readonly Int32Array[];
};

/**
 * One over-allocation: resource `resourceId` is loaded above its capacity on days `from .. to − 1` (consecutive),
 * at most `peakUnits` against `maxUnits`, by the tasks `taskIds` (those assigned to it on any of those days, by id).
 *
 * @example
 * ({ resourceId: "li", from: 1, to: 2, peakUnits: 1.5, maxUnits: 1, taskIds: [0, 1] });
 */
export type ResourceOverAllocation = {
  readonly resourceId: string;
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly peakUnits: number;
  readonly maxUnits: number;
  readonly taskIds: readonly TaskIndex[];
};

/**
 * Computes the load of every resource for tasks starting on `starts[t]` and lasting `durations[t]` days (summary
 * tasks carry no assignments, milestones no load).
 *
 * @example
 * const load = resourceLoadCompute(model, Int32Array.of(0, 1), Int32Array.of(2, 2));
 * load.milli[0]; // [1000, 1500, 500] for the example of ResourceLoad
 */
export function resourceLoadCompute(model: ResourceModel, starts: ArrayLike<number>, durations: ArrayLike<number>): ResourceLoad {
  let first = 0;
  let last = 0;
  for (let t = 0; t < model.taskCount; t++) {
    if (model.taskAssignmentStart[t] === model.taskAssignmentStart[t + 1]) continue;
    const s = starts[t] as number;
    first = Math.min(first, s);
    last = Math.max(last, s + (durations[t] as number));
  }
  const horizon = last - first;
  const milli = model.ids.map(() => new Int32Array(horizon));
  for (let a = 0; a < model.assignmentTask.length; a++) {
    const r = model.assignmentResource[a] as number;
    if (model.kinds[r] === 2) continue;
    const t = model.assignmentTask[a] as number;
    const row = milli[r] as Int32Array;
    const u = model.assignmentMilli[a] as number;
    const from = (starts[t] as number) - first;
    const to = from + (durations[t] as number);
    for (let k = from; k < to; k++) row[k] = (row[k] as number) + u;
  }
  return { origin: first as DayNumber, horizon, milli };
}

/**
 * Every over-allocation of the work resources (material and cost resources are never over-allocated), sorted by
 * resource id, then day. A day on which a resource is not available (its mask) has capacity 0, so any load on it is
 * an over-allocation.
 *
 * @example
 * resourceOverAllocations(model, load, starts, durations);
 * // [{ resourceId: "li", from: 1, to: 2, peakUnits: 1.5, maxUnits: 1, taskIds: [0, 1] }]
 */
export function resourceOverAllocations(
  model: ResourceModel,
  load: ResourceLoad,
  starts: ArrayLike<number>,
  durations: ArrayLike<number>,
): ResourceOverAllocation[] {
  const out: ResourceOverAllocation[] = [];
  for (let r = 0; r < model.ids.length; r++) {
    if (model.kinds[r] !== 0) continue;
    const row = load.milli[r] as Int32Array;
    let k = 0;
    while (k < load.horizon) {
      const day = k + load.origin;
      if ((row[k] as number) <= resourceCapacityMilli(model, r, day)) {
        k++;
        continue;
      }
      let peak = 0;
      const from = day;
      while (k < load.horizon && (row[k] as number) > resourceCapacityMilli(model, r, k + load.origin)) {
        peak = Math.max(peak, row[k] as number);
        k++;
      }
      const to = k + load.origin;
      const taskIds: TaskIndex[] = [];
      for (let a = 0; a < model.assignmentTask.length; a++) {
        if (model.assignmentResource[a] !== r || model.assignmentMilli[a] === 0) continue;
        const t = model.assignmentTask[a] as number;
        const s = starts[t] as number;
        if (s < to && s + (durations[t] as number) > from) taskIds.push(t as TaskIndex);
      }
      out.push({
        resourceId: model.ids[r] as string,
        from: from as DayNumber,
        to: to as DayNumber,
        peakUnits: peak / RESOURCE_MILLI,
        maxUnits: (model.maxMilli[r] as number) / RESOURCE_MILLI,
        taskIds,
      });
    }
  }
  return out;
}

/**
 * How to group days into histogram buckets: `{ size: 1 }` per day, `{ size: 5 }` per working week of a plain
 * five-day calendar; for calendar weeks or months, `{ starts }`: the first day number of each bucket, increasing
 * (from the calendar's day axis: `calendarDayAxisDayNumber(axis, firstOfMonth, "start")` for each month).
 *
 * @example
 * const weekly: ResourceHistogramBuckets = { size: 5 };
 * const monthly: ResourceHistogramBuckets = { starts: [0, 21, 41, 63] };
 */
export type ResourceHistogramBuckets = { readonly size: number } | { readonly starts: readonly number[] };

/**
 * One bar of a load histogram: days `from .. to − 1`, the highest daily load `peakUnits`, the total `unitDays`
 * (units × days: 1 person for 5 days = 5), what was available `capacityUnitDays` (0 for material resources, which
 * have no limit), and whether any day in it is over-allocated.
 *
 * @example
 * ({ from: 0, to: 5, peakUnits: 1.5, unitDays: 4.5, capacityUnitDays: 5, overAllocated: true });
 */
export type ResourceHistogramBar = {
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly peakUnits: number;
  readonly unitDays: number;
  readonly capacityUnitDays: number;
  readonly overAllocated: boolean;
};

/**
 * The load histogram of one resource over days `from .. to − 1` (default: the load's whole range), in buckets.
 *
 * @example
 * resourceLoadHistogram(model, load, "li", { size: 5 });
 * // [{ from: 0, to: 5, peakUnits: 1.5, unitDays: 3, capacityUnitDays: 5, overAllocated: true }]
 */
export function resourceLoadHistogram(
  model: ResourceModel,
  load: ResourceLoad,
  resourceId: string,
  buckets: ResourceHistogramBuckets,
  range?: { readonly from: number; readonly to: number },
): ResourceHistogramBar[] {
  const r = model.resourceIndex.get(resourceId);
  if (r === undefined) return [];
  const from = range?.from ?? load.origin;
  const to = range?.to ?? load.origin + load.horizon;
  const edges: number[] = [];
  if ("size" in buckets) {
    const size = Math.max(1, Math.floor(buckets.size));
    for (let d = from; d < to; d += size) edges.push(d);
  } else {
    for (const s of buckets.starts) if (s > from && s < to) edges.push(s);
    edges.unshift(from);
  }
  edges.push(to);
  const row = load.milli[r] as Int32Array;
  const work = model.kinds[r] === 0;
  const bars: ResourceHistogramBar[] = [];
  for (let b = 0; b + 1 < edges.length; b++) {
    const lo = edges[b] as number;
    const hi = edges[b + 1] as number;
    let peak = 0;
    let total = 0;
    let capacity = 0;
    let over = false;
    for (let day = lo; day < hi; day++) {
      const k = day - load.origin;
      const v = k >= 0 && k < load.horizon ? (row[k] as number) : 0;
      const cap = work ? resourceCapacityMilli(model, r, day) : 0;
      peak = Math.max(peak, v);
      total += v;
      capacity += cap;
      if (work && v > cap) over = true;
    }
    bars.push({
      from: lo as DayNumber,
      to: hi as DayNumber,
      peakUnits: peak / RESOURCE_MILLI,
      unitDays: total / RESOURCE_MILLI,
      capacityUnitDays: capacity / RESOURCE_MILLI,
      overAllocated: over,
    });
  }
  return bars;
}
