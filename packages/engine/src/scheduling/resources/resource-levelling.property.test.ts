/**
 * fast-check properties of levelling on random plans (all link types, leads and lags, a few manual tasks), random
 * work and material resources (max units 0.5–2, some with days off) and assignments (sometimes above max units).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LinkType } from "../link-type";
import type { ScheduleLinkSpec } from "../schedule-input";
import { SCHEDULE_NO_DAY, type SchedulePlanInput, type SchedulePlanTaskSpec, schedulePlanInputFromSpecs } from "../schedule-plan-input";
import { type ResourceLevelResult, resourceLevel } from "./resource-levelling";
import type { AssignmentSpec, ResourceSpec } from "./resource-model";

type Case = { tasks: SchedulePlanTaskSpec[]; links: ScheduleLinkSpec[]; resources: ResourceSpec[]; assignments: AssignmentSpec[]; priorities: number[] };

const LINK_TYPES: LinkType[] = ["FS", "SS", "FF", "SF"];

const arbCase = (manual: boolean): fc.Arbitrary<Case> =>
  fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc
      .record({
        durations: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
        manualStarts: fc.array(manual ? fc.option(fc.integer({ min: 0, max: 6 }), { freq: 6 }) : fc.constant(null), { minLength: n, maxLength: n }),
        priorities: fc.array(fc.constantFrom(300, 500, 500, 700), { minLength: n, maxLength: n }),
        links: fc.array(
          fc.record({ a: fc.nat(n - 1), b: fc.nat(n - 1), type: fc.constantFrom(...LINK_TYPES), lag: fc.integer({ min: -1, max: 2 }) }),
          { maxLength: 2 * n },
        ),
        resources: fc.array(
          fc.record({
            maxUnits: fc.constantFrom(0.5, 1, 1, 2),
            kind: fc.constantFrom("work", "work", "work", "material") as fc.Arbitrary<"work" | "material">,
            availability: fc.option(fc.array(fc.constantFrom(0, 1, 1, 1), { maxLength: 8 }), { freq: 3 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        assignments: fc.array(fc.record({ task: fc.nat(n - 1), resource: fc.nat(2), units: fc.constantFrom(0.25, 0.5, 1, 1, 1, 1.5, 2.5) }), { maxLength: 2 * n }),
      })
      .map(({ durations, manualStarts, priorities, links, resources, assignments }) => {
        const rs: ResourceSpec[] = resources.map((r, i) => ({ id: `r${i}`, ...r, availability: r.availability ?? undefined }));
        const seen = new Set<string>();
        const as: AssignmentSpec[] = [];
        for (const a of assignments) {
          const key = `${a.task}/${a.resource % rs.length}`;
          if (seen.has(key)) continue;
          seen.add(key);
          as.push({ task: a.task, resource: `r${a.resource % rs.length}`, units: a.units });
        }
        return {
          tasks: durations.map((duration, id) => ({ id, duration, manualStart: manualStarts[id] ?? null })),
          // from a lower id to a higher one: acyclic
          links: links.filter((l) => l.a !== l.b).map((l) => ({ from: Math.min(l.a, l.b), to: Math.max(l.a, l.b), type: l.type, lag: l.lag })),
          resources: rs,
          assignments: as,
          priorities,
        };
      }),
  );

function planOf(c: Pick<Case, "tasks" | "links">): SchedulePlanInput {
  const outcome = schedulePlanInputFromSpecs(c.tasks, c.links);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function run(c: Case, withinSlackOnly = false): ResourceLevelResult {
  const outcome = resourceLevel({ plan: planOf(c), resources: c.resources, assignments: c.assignments, priorities: c.priorities }, { withinSlackOnly });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items.map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i })).sort((a, b) => a.key - b.key || b.i - a.i).map((x) => x.item);
}

const RUNS = { numRuns: 400 };

describe("resourceLevel properties", () => {
  it("leaves no over-allocation on any day that is not explained by a listed task", () => {
    fc.assert(
      fc.property(arbCase(true), (c) => {
        const r = run(c);
        const listed = new Set(r.unlevellable.map((u) => u.taskId as number));
        for (const over of r.overAllocationsAfter) expect(over.taskIds.some((t) => listed.has(t))).toBe(true);
        // with no manual task and nothing above max units, nothing is over-allocated at all
        const maxOf = new Map(c.resources.map((x) => [x.id, x.maxUnits ?? 1]));
        const clean = c.tasks.every((t) => t.manualStart === null) && c.assignments.every((a) => a.units <= (maxOf.get(a.resource) ?? 1));
        if (clean) expect(r.overAllocationsAfter).toEqual([]);
        if (clean) expect(r.unlevellable).toEqual([]);
      }),
      RUNS,
    );
  });

  it("keeps every link (except into a manual task, as the planner does)", () => {
    fc.assert(
      fc.property(arbCase(true), fc.boolean(), (c, within) => {
        const r = run(c, within);
        const start = (t: number) => r.tasks[t]?.startAfter as number;
        const d = (t: number) => c.tasks[t]?.duration as number;
        for (const l of c.links) {
          if (c.tasks[l.to]?.manualStart !== null) continue;
          const offset = l.type === "FS" ? d(l.from) + l.lag : l.type === "SS" ? l.lag : l.type === "FF" ? d(l.from) + l.lag - d(l.to) : l.lag - d(l.to);
          expect(start(l.to)).toBeGreaterThanOrEqual(start(l.from) + offset);
        }
        for (const t of r.tasks) {
          expect(t.shift).toBeGreaterThanOrEqual(0);
          expect(t.finishAfter - t.startAfter).toBe(t.finishBefore - t.startBefore); // never split or stretched
        }
      }),
      RUNS,
    );
  });

  it("within slack only never moves the project finish", () => {
    fc.assert(
      fc.property(arbCase(true), (c) => {
        const r = run(c, true);
        expect(r.finishAfter).toBe(r.finishBefore);
      }),
      RUNS,
    );
  });

  it("does not depend on the order of resources, assignments, links or task specs", () => {
    fc.assert(
      fc.property(arbCase(true), fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), fc.boolean(), (c, keys, within) => {
        const other: Case = {
          ...c,
          tasks: shuffled(c.tasks, keys),
          links: shuffled(c.links, [...keys].reverse()),
          resources: shuffled(c.resources, keys),
          assignments: shuffled(c.assignments, [...keys].reverse()),
        };
        const a = run(c, within);
        const b = run(other, within);
        expect(b.tasks).toEqual(a.tasks);
        expect(b.unlevellable).toEqual(a.unlevellable);
        expect(b.overAllocationsBefore).toEqual(a.overAllocationsBefore);
        expect(b.overAllocationsAfter).toEqual(a.overAllocationsAfter);
        expect(b.finishAfter).toBe(a.finishAfter);
      }),
      RUNS,
    );
  });

  it("changes nothing in a plan that is already levelled", () => {
    fc.assert(
      fc.property(arbCase(false), (c) => {
        const r = run(c);
        // apply the result as start-no-earlier-than constraints, then level again
        const applied: Case = {
          ...c,
          tasks: c.tasks.map((t) => {
            const day = r.levellingStarts[t.id] as number;
            return day !== SCHEDULE_NO_DAY ? { ...t, constraint: { type: "SNET" as const, day } } : t;
          }),
        };
        const again = run(applied);
        expect(again.tasks.map((t) => t.startBefore)).toEqual(r.tasks.map((t) => t.startAfter));
        expect(again.moved).toEqual([]);
        expect(again.overAllocationsBefore).toEqual(r.overAllocationsAfter);
      }),
      RUNS,
    );
  });
});
