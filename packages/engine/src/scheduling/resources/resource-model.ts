/**
 * Resources and assignments for the engine: people (work resources with a role, a maximum of units, a cost rate and
 * an availability mask), material and cost resources, and assignments of resources to tasks in units. Plain objects
 * at the edge; `resourceModelBuild` checks them and turns them into sorted, index-based columns that the load and
 * levelling code run on. Units are kept internally as whole thousandths ("milli-units": 0.5 → 500) so that loads
 * add up exactly, whatever the order of the assignments.
 */
import type { ScheduleOutcome } from "../schedule-errors";
import type { TaskIndex } from "../schedule-units";

/**
 * What a resource is: `work` (people and equipment paid by time; loaded per day and levelled), `material`
 * (consumables: loaded per day in their units, never over-allocated, never levelled), `cost` (a fixed amount per
 * assignment, such as travel: no load at all).
 *
 * @example
 * const kind: ResourceKind = "material"; // cement, in tonnes per day
 */
export type ResourceKind = "work" | "material" | "cost";

/**
 * A resource as plain data. `maxUnits` is how much of it is available per working day (1 = one person full time,
 * 0.5 = half time, 3 = a team of three); only work resources use it. `costPerHour` and `costPerUse` are in the
 * caller's currency. `availability` is a working-day mask on project day numbers, derived by the caller from the
 * resource's calendar (`availability[k] = 0`: not available on day k, e.g. on leave); days past its end are
 * available. `calendarId` is carried through for the caller; the engine reads only the mask.
 *
 * @example
 * const li: ResourceSpec = { id: "li", name: "Li Wei", kind: "work", role: "developer", maxUnits: 1, costPerHour: 300,
 *   availability: [1, 1, 0, 0, 1] }; // off on days 2 and 3
 */
export type ResourceSpec = {
  readonly id: string;
  readonly name?: string;
  readonly kind?: ResourceKind;
  readonly role?: string;
  readonly maxUnits?: number;
  readonly costPerHour?: number;
  readonly costPerUse?: number;
  readonly calendarId?: string;
  readonly availability?: ArrayLike<number>;
};

/**
 * An assignment of a resource to a task: `units` per working day of the task (1 = full time; for a material
 * resource, its quantity per day). `work` (hours) is optional; without it the work is `units × duration × 8`.
 *
 * @example
 * const a: AssignmentSpec = { task: 3, resource: "li", units: 0.5 }; // Li Wei half time on task 3
 */
export type AssignmentSpec = {
  readonly task: number;
  readonly resource: string;
  readonly units: number;
  readonly work?: number;
};

/**
 * Why resources or assignments were refused:
 *
 * - `bad-resource`: an empty or duplicate id, an unknown kind, a negative or non-finite max units, rate or mask value
 * - `bad-assignment`: an unknown task or resource, units that are negative or not finite, negative work
 * - `duplicate-assignment`: the same resource twice on one task (add the units instead)
 * - `summary-assignment`: a resource on a summary task (assign it to a task under it)
 *
 * @example
 * ({ code: "bad-assignment", path: "assignments[2].resource", message: "assignments[2] (task 4): unknown resource \"wang\"" });
 */
export type ResourceInputError = {
  readonly kind: "invalid-resources";
  readonly code: "bad-resource" | "bad-assignment" | "duplicate-assignment" | "summary-assignment";
  readonly path: string;
  readonly message: string;
};

/** Thousandths of a unit per day, exact in integer arithmetic: 1 unit = 1000. */
export const RESOURCE_MILLI = 1000;

const KIND_CODE = { work: 0, material: 1, cost: 2 } as const;

/**
 * The checked model in columns. Resources are sorted by id (string order) so that nothing depends on the order of
 * the input; `resourceIndex` maps an id to its position. Assignments are sorted by task, then resource position,
 * and grouped per task in CSR form (`taskAssignmentStart[t] .. taskAssignmentStart[t + 1]`).
 *
 * @example
 * // resources "wang" and "li" → ids ["li", "wang"]; an assignment of "wang" to task 0 → assignmentResource [1]
 */
export type ResourceModel = {
  readonly taskCount: number;
  readonly ids: readonly string[];
  readonly resources: readonly ResourceSpec[];
  readonly resourceIndex: ReadonlyMap<string, number>;
  /** 0 work, 1 material, 2 cost */
  readonly kinds: Uint8Array;
  /** max units per day in milli-units (work resources) */
  readonly maxMilli: Int32Array;
  readonly availability: readonly (Uint8Array | undefined)[];
  readonly assignmentTask: Int32Array;
  readonly assignmentResource: Int32Array;
  readonly assignmentMilli: Int32Array;
  readonly assignmentWork: Float64Array;
  readonly taskAssignmentStart: Int32Array;
};

function fail(code: ResourceInputError["code"], path: string, message: string): { ok: false; error: ResourceInputError } {
  return { ok: false, error: { kind: "invalid-resources", code, path, message } };
}

const finiteAtLeastZero = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v) && v >= 0;

/**
 * Checks resources and assignments against a plan of `taskCount` tasks (`isSummary(t)` says which are summaries) and
 * builds the `ResourceModel`. Units are rounded to thousandths.
 *
 * @example
 * const model = resourceModelBuild(3, () => false, [{ id: "li", maxUnits: 1 }], [{ task: 0, resource: "li", units: 1 }]);
 * // model.ok; model.value.assignmentMilli → Int32Array [1000]
 */
export function resourceModelBuild(
  taskCount: number,
  isSummary: (task: TaskIndex) => boolean,
  resources: readonly ResourceSpec[],
  assignments: readonly AssignmentSpec[],
): ScheduleOutcome<ResourceModel, ResourceInputError> {
  const seen = new Set<string>();
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i] as ResourceSpec;
    const where = `resources[${i}]`;
    if (typeof r.id !== "string" || r.id === "") return fail("bad-resource", `${where}.id`, `${where}: the id must be a non-empty string`);
    if (seen.has(r.id)) return fail("bad-resource", `${where}.id`, `${where}: duplicate resource id "${r.id}"`);
    seen.add(r.id);
    if (r.kind !== undefined && !(r.kind in KIND_CODE)) return fail("bad-resource", `${where}.kind`, `${where} ("${r.id}"): unknown kind "${String(r.kind)}" (expected work, material or cost)`);
    for (const field of ["maxUnits", "costPerHour", "costPerUse"] as const) {
      const v = r[field];
      if (v !== undefined && !finiteAtLeastZero(v)) return fail("bad-resource", `${where}.${field}`, `${where} ("${r.id}"): ${field} must be a finite number ≥ 0`);
    }
    if (r.availability !== undefined) {
      for (let k = 0; k < r.availability.length; k++) {
        const v = r.availability[k];
        if (v !== 0 && v !== 1) return fail("bad-resource", `${where}.availability[${k}]`, `${where} ("${r.id}"): availability values must be 0 or 1`);
      }
    }
  }
  const sorted = [...resources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const resourceIndex = new Map<string, number>(sorted.map((r, i) => [r.id, i]));
  const m = sorted.length;
  const kinds = new Uint8Array(m);
  const maxMilli = new Int32Array(m);
  const availability: (Uint8Array | undefined)[] = [];
  for (let i = 0; i < m; i++) {
    const r = sorted[i] as ResourceSpec;
    kinds[i] = KIND_CODE[r.kind ?? "work"];
    maxMilli[i] = Math.round((r.maxUnits ?? 1) * RESOURCE_MILLI);
    availability.push(r.availability === undefined ? undefined : Uint8Array.from(r.availability));
  }

  const rows: { task: number; resource: number; milli: number; work: number }[] = [];
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i] as AssignmentSpec;
    const where = `assignments[${i}]`;
    if (!Number.isInteger(a.task) || a.task < 0 || a.task >= taskCount) return fail("bad-assignment", `${where}.task`, `${where}: unknown task ${String(a.task)}`);
    const resource = resourceIndex.get(a.resource);
    if (resource === undefined) return fail("bad-assignment", `${where}.resource`, `${where} (task ${a.task}): unknown resource "${String(a.resource)}"`);
    if (!finiteAtLeastZero(a.units)) return fail("bad-assignment", `${where}.units`, `${where} (task ${a.task}): units must be a finite number ≥ 0`);
    if (a.work !== undefined && !finiteAtLeastZero(a.work)) return fail("bad-assignment", `${where}.work`, `${where} (task ${a.task}): work must be a finite number ≥ 0`);
    if (isSummary(a.task as TaskIndex)) {
      return fail("summary-assignment", `${where}.task`, `${where}: task ${a.task} is a summary task; assign "${a.resource}" to a task under it`);
    }
    rows.push({ task: a.task, resource, milli: Math.round(a.units * RESOURCE_MILLI), work: a.work ?? Number.NaN });
  }
  rows.sort((a, b) => a.task - b.task || a.resource - b.resource);
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as (typeof rows)[number];
    const b = rows[i] as (typeof rows)[number];
    if (a.task === b.task && a.resource === b.resource) {
      const id = sorted[b.resource]?.id ?? "";
      return fail("duplicate-assignment", "assignments", `task ${b.task}: resource "${id}" is assigned twice (add the units instead)`);
    }
  }
  const taskAssignmentStart = new Int32Array(taskCount + 1);
  for (const row of rows) taskAssignmentStart[row.task + 1] = (taskAssignmentStart[row.task + 1] as number) + 1;
  for (let t = 0; t < taskCount; t++) taskAssignmentStart[t + 1] = (taskAssignmentStart[t + 1] as number) + (taskAssignmentStart[t] as number);
  return {
    ok: true,
    value: {
      taskCount,
      ids: sorted.map((r) => r.id),
      resources: sorted,
      resourceIndex,
      kinds,
      maxMilli,
      availability,
      assignmentTask: Int32Array.from(rows, (r) => r.task),
      assignmentResource: Int32Array.from(rows, (r) => r.resource),
      assignmentMilli: Int32Array.from(rows, (r) => r.milli),
      assignmentWork: Float64Array.from(rows, (r) => r.work),
      taskAssignmentStart,
    },
  };
}

/**
 * The capacity of resource `r` on day `day` in milli-units: its max units when available that day, else 0.
 *
 * @example
 * resourceCapacityMilli(model, 0, 2); // 0 if resource 0's mask says it is off on day 2, else its maxMilli
 */
export function resourceCapacityMilli(model: ResourceModel, r: number, day: number): number {
  const mask = model.availability[r];
  if (mask !== undefined && day >= 0 && day < mask.length && mask[day] === 0) return 0;
  return model.maxMilli[r] as number;
}

/**
 * Work (hours) and cost of one assignment of a task lasting `duration` working days, with `hoursPerDay` (8 by
 * default): work is the given work, or `units × duration × hoursPerDay` for a work resource; cost is
 * `work × costPerHour + costPerUse` (a material resource: `units × duration × costPerHour` as the price per unit, plus
 * its per-use cost; a cost resource: its per-use cost).
 *
 * @example
 * // Li Wei (300 / h) half time on a 4-day task: work 16 h, cost 4,800
 * resourceAssignmentWorkCost(model, 0, 4); // { work: 16, cost: 4800 }
 */
export function resourceAssignmentWorkCost(model: ResourceModel, assignment: number, duration: number, hoursPerDay = 8): { work: number; cost: number } {
  const r = model.assignmentResource[assignment] as number;
  const spec = model.resources[r] as ResourceSpec;
  const units = (model.assignmentMilli[assignment] as number) / RESOURCE_MILLI;
  const perUse = spec.costPerUse ?? 0;
  const rate = spec.costPerHour ?? 0;
  const kind = model.kinds[r];
  if (kind === KIND_CODE.work) {
    const given = model.assignmentWork[assignment] as number;
    const work = Number.isNaN(given) ? units * duration * hoursPerDay : given;
    return { work, cost: work * rate + perUse };
  }
  if (kind === KIND_CODE.material) return { work: 0, cost: units * duration * rate + perUse };
  return { work: 0, cost: perUse };
}
