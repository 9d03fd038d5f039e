/**
 * fast-check properties of the planner on random plans (outline, constraints, deadlines, manual tasks, ALAP, all
 * link types, leads): the reference model agrees; links and constraints hold; negative float always comes with a
 * violation downstream; results do not depend on numbering or order; a plain network gets the core's schedule; and
 * incremental rescheduling after random edits equals a full recompute.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleCriticalPath, scheduleTaskTimes } from "./critical-path";
import type { LinkType } from "./link-type";
import type { ScheduleConstraintType } from "./schedule-constraint";
import { type ScheduleLinkSpec, scheduleInputFromSpecs } from "./schedule-input";
import { type SchedulePlanInput, type SchedulePlanTaskSpec, schedulePlanInputFromNetwork, schedulePlanInputFromSpecs } from "./schedule-plan-input";
import { type ReferenceRow, referenceAcyclicLinks, referenceOutline, referenceSchedule } from "./schedule-planner.fixture";
import {
  type SchedulePlanner,
  type SchedulePlannerEdit,
  schedulePlannerCreate,
  schedulePlannerEdit,
  schedulePlannerInput,
  schedulePlannerLinks,
  schedulePlannerRecompute,
  schedulePlannerTasks,
} from "./schedule-planner";

type Plan = { tasks: SchedulePlanTaskSpec[]; links: ScheduleLinkSpec[] };

const LINK_TYPES: LinkType[] = ["FS", "SS", "FF", "SF"];
const CONSTRAINTS: ScheduleConstraintType[] = ["ASAP", "ALAP", "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO"];

function inputOf(plan: Plan): SchedulePlanInput {
  const outcome = schedulePlanInputFromSpecs(plan.tasks, plan.links);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function plannerOf(input: SchedulePlanInput): SchedulePlanner {
  const outcome = schedulePlannerCreate(input);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

/** Everything observable about a planner's schedule, for equality checks. */
function snapshot(planner: SchedulePlanner) {
  const s = planner.schedule;
  return { finish: s.finish, criticalCount: s.criticalCount, checksum: s.checksum, violations: s.violations, rows: schedulePlannerTasks(planner) };
}

/**
 * A random plan: an outline (each task's parent has a lower hidden rank), durations 0..8, constraints on a third of
 * the tasks (summaries: ASAP, SNET, FNLT), deadlines, manual starts on leaves, work, cost, % complete, and links of
 * every type with lags −4..4, kept valid and acyclic.
 */
const planArbOf = (maxTasks: number): fc.Arbitrary<Plan> => fc.integer({ min: 1, max: maxTasks }).chain((n) =>
  fc
    .record({
      parentPicks: fc.array(fc.integer({ min: -4, max: n - 1 }), { minLength: n, maxLength: n }),
      durations: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: n, maxLength: n }),
      constraints: fc.array(fc.option(fc.record({ type: fc.constantFrom(...CONSTRAINTS), day: fc.integer({ min: -2, max: 30 }) }), { freq: 2 }), {
        minLength: n,
        maxLength: n,
      }),
      deadlines: fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { freq: 4 }), { minLength: n, maxLength: n }),
      manual: fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { freq: 6 }), { minLength: n, maxLength: n }),
      amounts: fc.array(fc.record({ work: fc.integer({ min: 0, max: 40 }), cost: fc.integer({ min: -5, max: 100 }), pc: fc.integer({ min: 0, max: 100 }) }), {
        minLength: n,
        maxLength: n,
      }),
      links: fc.array(fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), type: fc.constantFrom(...LINK_TYPES), lag: fc.integer({ min: -4, max: 4 }) }), {
        maxLength: 2 * n,
      }),
    })
    .map(({ parentPicks, durations, constraints, deadlines, manual, amounts, links }) => {
      // A parent always has a lower id here; renumbering properties shuffle ids later.
      const parents = parentPicks.map((pick, id) => (pick < 0 || id === 0 ? -1 : pick % id));
      const childCount = new Array<number>(n).fill(0);
      for (const p of parents) if (p >= 0) childCount[p] = (childCount[p] as number) + 1;
      const tasks: SchedulePlanTaskSpec[] = durations.map((duration, id) => {
        const summary = (childCount[id] as number) > 0;
        const picked = constraints[id] ?? null;
        let constraint = picked === null ? null : picked.type === "ASAP" || picked.type === "ALAP" ? { type: picked.type } : picked;
        if (summary && constraint !== null && !["ASAP", "SNET", "FNLT"].includes(constraint.type)) constraint = null;
        const amount = amounts[id] as { work: number; cost: number; pc: number };
        return {
          id,
          duration,
          parent: parents[id] as number,
          constraint,
          deadline: deadlines[id] ?? null,
          manualStart: summary ? null : (manual[id] ?? null),
          work: amount.work,
          cost: amount.cost,
          percentComplete: amount.pc,
        };
      });
      return { tasks, links: referenceAcyclicLinks(tasks, links) };
    }),
);
const planArb = planArbOf(16);

function expectRowsClose(actual: readonly object[], expected: readonly ReferenceRow[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    const { percentComplete, ...rest } = row as ReferenceRow;
    const { percentComplete: expectedPercent, ...expectedRest } = expected[i] as ReferenceRow;
    expect(rest).toEqual(expectedRest);
    expect(percentComplete).toBeCloseTo(expectedPercent, 9);
  });
}

describe("schedulePlannerCreate: properties on random plans", () => {
  it("agrees with the reference model on every date, float, roll-up, total and violation", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const planner = plannerOf(inputOf(plan));
        const expected = referenceSchedule(plan.tasks, plan.links);
        const actual = snapshot(planner);
        expect({ finish: actual.finish, criticalCount: actual.criticalCount, checksum: actual.checksum }).toEqual({
          finish: expected.finish,
          criticalCount: expected.criticalCount,
          checksum: expected.checksum,
        });
        expect(actual.violations).toEqual(expected.violations);
        expectRowsClose(actual.rows, expected.rows);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it("no successor starts before its predecessor and constraint allow (or a manual conflict is listed)", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const planner = plannerOf(inputOf(plan));
        const rows = schedulePlannerTasks(planner);
        const { summary, leavesUnder, ancestors } = referenceOutline(plan.tasks);
        const manualBy = new Map(planner.schedule.violations.filter((v) => v.kind === "manual").map((v) => [v.taskId as number, v.by as number]));
        const holds = (leaf: number, bound: number) => {
          const row = rows[leaf];
          if (row === undefined) throw new Error(`no row ${leaf}`);
          if (row.manual) expect(row.es >= bound || (manualBy.get(leaf) ?? 0) >= bound - row.es).toBe(true);
          else expect(row.es).toBeGreaterThanOrEqual(bound);
        };
        for (const link of plan.links) {
          const p = rows[link.from];
          if (p === undefined) throw new Error("no row");
          for (const y of leavesUnder(link.to)) {
            const d = plan.tasks[y]?.duration ?? 0;
            holds(y, { FS: p.finish + link.lag, SS: p.start + link.lag, FF: p.finish + link.lag - d, SF: p.start + link.lag - d }[link.type]);
          }
        }
        for (const task of plan.tasks) {
          if (summary[task.id]) continue;
          const row = rows[task.id];
          if (row === undefined) throw new Error("no row");
          expect(row.es).toBeGreaterThanOrEqual(row.manual ? (task.manualStart ?? 0) : 0);
          if (row.manual) continue;
          const c = task.constraint;
          if (c?.type === "SNET" || c?.type === "MSO") expect(row.es).toBeGreaterThanOrEqual(c.day ?? 0);
          if (c?.type === "FNET" || c?.type === "MFO") expect(row.ef).toBeGreaterThanOrEqual(c.day ?? 0);
          for (const a of ancestors(task.id)) {
            const ac = plan.tasks[a]?.constraint;
            if (ac?.type === "SNET") expect(row.es).toBeGreaterThanOrEqual(ac.day ?? 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("float is never negative without a violation at the task or downstream of it", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const planner = plannerOf(inputOf(plan));
        const rows = schedulePlannerTasks(planner);
        const { summary, leavesUnder, ancestors } = referenceOutline(plan.tasks);
        const violated = new Set(planner.schedule.violations.map((v) => v.taskId as number));
        /** The leaves that follow leaf t through links (from t or a summary above it, into a leaf or a summary). */
        const downstream = (t: number): Set<number> => {
          const seen = new Set<number>([t]);
          const stack = [t];
          while (stack.length > 0) {
            const u = stack.pop() as number;
            for (const link of plan.links) {
              if (link.from !== u && !ancestors(u).includes(link.from)) continue;
              for (const y of leavesUnder(link.to)) {
                if (seen.has(y)) continue;
                seen.add(y);
                stack.push(y);
              }
            }
          }
          return seen;
        };
        for (const row of rows) {
          if (summary[row.id] || row.tf >= 0) continue;
          const reach = downstream(row.id);
          const explained = [...reach].some((leaf) => violated.has(leaf) || ancestors(leaf).some((a) => violated.has(a)));
          expect(explained).toBe(true);
        }
        // Without upper-bound constraints, deadlines or manual tasks, no float is negative and nothing is listed.
        const bounded = plan.tasks.some(
          (t) => (t.deadline ?? null) !== null || (t.manualStart ?? null) !== null || ["SNLT", "FNLT", "MSO", "MFO"].includes(t.constraint?.type ?? "ASAP"),
        );
        if (!bounded) {
          expect(planner.schedule.violations).toEqual([]);
          for (const row of rows) expect(row.tf).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("results do not depend on input order: renumbered ids, shuffled tasks and links", () => {
    const arb = planArb.chain((plan) =>
      fc.record({
        plan: fc.constant(plan),
        renumber: fc.shuffledSubarray(
          plan.tasks.map((t) => t.id),
          { minLength: plan.tasks.length, maxLength: plan.tasks.length },
        ),
        taskOrder: fc.shuffledSubarray(
          plan.tasks.map((_, k) => k),
          { minLength: plan.tasks.length, maxLength: plan.tasks.length },
        ),
        linkOrder: fc.shuffledSubarray(
          plan.links.map((_, k) => k),
          { minLength: plan.links.length, maxLength: plan.links.length },
        ),
      }),
    );
    fc.assert(
      fc.property(arb, ({ plan, renumber, taskOrder, linkOrder }) => {
        const original = snapshot(plannerOf(inputOf(plan)));
        const newId = (id: number) => renumber[id] as number;
        const tasks = taskOrder.map((k) => {
          const t = plan.tasks[k] as SchedulePlanTaskSpec;
          return { ...t, id: newId(t.id), parent: (t.parent ?? -1) < 0 ? -1 : newId(t.parent as number) };
        });
        const links = linkOrder.map((k) => {
          const l = plan.links[k] as ScheduleLinkSpec;
          return { ...l, from: newId(l.from), to: newId(l.to) };
        });
        const permuted = snapshot(plannerOf(inputOf({ tasks, links })));
        expect({ finish: permuted.finish, criticalCount: permuted.criticalCount, checksum: permuted.checksum }).toEqual({
          finish: original.finish,
          criticalCount: original.criticalCount,
          checksum: original.checksum,
        });
        for (const row of original.rows) {
          const moved = permuted.rows[newId(row.id)];
          expect({ ...moved, id: row.id, percentComplete: 0 }).toEqual({ ...row, percentComplete: 0 });
          expect(moved?.percentComplete).toBeCloseTo(row.percentComplete, 9);
        }
        const mapped = original.violations.map((v) => ({ ...v, taskId: newId(v.taskId) }));
        const byTask = (a: { taskId: number }, b: { taskId: number }) => a.taskId - b.taskId;
        expect([...permuted.violations].sort(byTask)).toEqual(mapped.sort(byTask));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("a plain network (no outline, constraints, deadlines or manual tasks) gets exactly the core's schedule", () => {
    const dagArb = fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.record({
        durations: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }),
        rank: fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: n, maxLength: n },
        ),
        links: fc.array(fc.record({ a: fc.nat(n - 1), b: fc.nat(n - 1), type: fc.constantFrom(...LINK_TYPES), lag: fc.integer({ min: -6, max: 6 }) }), {
          maxLength: 3 * n,
        }),
      }),
    );
    fc.assert(
      fc.property(dagArb, ({ durations, rank, links }) => {
        const decoded = scheduleInputFromSpecs(
          durations.map((duration, id) => ({ id, duration })),
          links
            .filter((l) => l.a !== l.b)
            .map((l) => ({ from: rank[Math.min(l.a, l.b)] as number, to: rank[Math.max(l.a, l.b)] as number, type: l.type, lag: l.lag })),
        );
        if (!decoded.ok) throw new Error(decoded.error.message);
        const core = scheduleCriticalPath(decoded.value);
        if (!core.ok) throw new Error(core.error.message);
        const planner = plannerOf(schedulePlanInputFromNetwork(decoded.value));
        expect({ finish: planner.schedule.finish, critical: planner.schedule.criticalCount, checksum: planner.schedule.checksum }).toEqual({
          finish: core.value.finish,
          critical: core.value.criticalCount,
          checksum: core.value.checksum,
        });
        expect(planner.schedule.violations).toEqual([]);
        for (const row of schedulePlannerTasks(planner)) {
          const t = scheduleTaskTimes(core.value, row.id);
          expect({ es: row.es, ef: row.ef, ls: row.ls, lf: row.lf, tf: row.tf, start: row.start }).toEqual({ es: t.es, ef: t.ef, ls: t.ls, lf: t.lf, tf: t.tf, start: t.es });
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

// ---- incremental = full ------------------------------------------------------------------------------------------

/** An edit drawn without knowing the plan: numbers are resolved against the planner's state when it is applied. */
type EditPick =
  | { kind: "duration"; task: number; duration: number }
  | { kind: "add-link"; from: number; to: number; type: LinkType; lag: number }
  | { kind: "remove-link"; link: number }
  | { kind: "constraint"; task: number; type: ScheduleConstraintType | null; day: number }
  | { kind: "deadline"; task: number; day: number | null }
  | { kind: "manual"; task: number; day: number | null };

const editPickArb: fc.Arbitrary<EditPick> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("duration" as const), task: fc.nat(), duration: fc.integer({ min: 0, max: 12 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("add-link" as const), from: fc.nat(), to: fc.nat(), type: fc.constantFrom(...LINK_TYPES), lag: fc.integer({ min: -4, max: 4 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove-link" as const), link: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("constraint" as const), task: fc.nat(), type: fc.option(fc.constantFrom(...CONSTRAINTS)), day: fc.integer({ min: -2, max: 30 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deadline" as const), task: fc.nat(), day: fc.option(fc.integer({ min: 0, max: 40 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("manual" as const), task: fc.nat(), day: fc.option(fc.integer({ min: 0, max: 20 })) }) },
);

function resolve(pick: EditPick, planner: SchedulePlanner): SchedulePlannerEdit {
  const n = planner.taskCount;
  switch (pick.kind) {
    case "duration":
      return { kind: "duration", task: pick.task % n, duration: pick.duration };
    case "add-link":
      return { kind: "add-link", from: pick.from % n, to: pick.to % n, type: pick.type, lag: pick.lag };
    case "remove-link": {
      const links = schedulePlannerLinks(planner);
      return { kind: "remove-link", link: links.length === 0 ? pick.link : (links[pick.link % links.length]?.index ?? 0) };
    }
    case "constraint":
      return { kind: "constraint", task: pick.task % n, constraint: pick.type === null ? null : { type: pick.type, day: pick.day as never } };
    case "deadline":
      return { kind: "deadline", task: pick.task % n, deadline: pick.day };
    case "manual":
      return { kind: "manual", task: pick.task % n, manualStart: pick.day };
  }
}

describe("schedulePlannerEdit: incremental rescheduling equals a full recompute", () => {
  it("after every edit of a random sequence (refused edits change nothing)", () => {
    fc.assert(
      fc.property(planArbOf(40), fc.array(editPickArb, { minLength: 1, maxLength: 12 }), (plan, picks) => {
        const planner = plannerOf(inputOf(plan));
        for (const pick of picks) {
          const before = snapshot(planner);
          const edit = resolve(pick, planner);
          const outcome = schedulePlannerEdit(planner, edit);
          const after = snapshot(planner);
          if (!outcome.ok) {
            expect(after).toEqual(before);
            continue;
          }
          const input = schedulePlannerInput(planner);
          const full = snapshot(plannerOf(input));
          expect(after).toEqual(full);
          // And the slow reference model, on the plan as it now stands.
          const expected = referenceSchedule(specsOf(input), linksOf(planner));
          expect(after.violations).toEqual(expected.violations);
          expectRowsClose(after.rows, expected.rows);
        }
        // Recomputing in place from scratch gives the same schedule too.
        const incremental = snapshot(planner);
        schedulePlannerRecompute(planner);
        expect(snapshot(planner)).toEqual(incremental);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("a refused link that would close a cycle names tasks that really form one", () => {
    const arb = planArbOf(24).chain((plan) => fc.record({ plan: fc.constant(plan), from: fc.nat(plan.tasks.length - 1), to: fc.nat(plan.tasks.length - 1), type: fc.constantFrom(...LINK_TYPES) }));
    let cycles = 0;
    fc.assert(
      fc.property(arb, ({ plan, from, to, type }) => {
        const planner = plannerOf(inputOf(plan));
        const outcome = schedulePlannerEdit(planner, { kind: "add-link", from, to, type, lag: 0 });
        if (outcome.ok || outcome.error.kind !== "cycle") return;
        cycles++;
        const { ancestors } = referenceOutline(plan.tasks);
        const links = [...plan.links, { from, to, type, lag: 0 }];
        const ids = outcome.error.taskIds;
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids[0]).toBe(Math.min(...ids));
        // Each task is followed by the next: a link, or the outline (a summary's start gate precedes the tasks under
        // it, and they precede its finish).
        ids.forEach((a, i) => {
          const b = ids[(i + 1) % ids.length] as number;
          const linked = links.some((l) => l.from === a && l.to === b);
          expect(linked || ancestors(b).includes(a) || ancestors(a).includes(b)).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
    expect(cycles).toBeGreaterThan(10);
  }, 60_000);

  it("a duration edit off the critical path visits only the tasks after it", () => {
    // A chain 0 → 1 → … → 19 (1 day each) and a parallel short chain 20 → 21 → 22 with float.
    const tasks = Array.from({ length: 23 }, (_, id) => ({ id, duration: 1 }));
    const links: ScheduleLinkSpec[] = [];
    for (let i = 0; i < 19; i++) links.push({ from: i, to: i + 1, type: "FS", lag: 0 });
    links.push({ from: 20, to: 21, type: "FS", lag: 0 }, { from: 21, to: 22, type: "FS", lag: 0 });
    const planner = plannerOf(inputOf({ tasks, links }));
    const outcome = schedulePlannerEdit(planner, { kind: "duration", task: 21, duration: 3 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.fullBackward).toBe(false);
    expect(outcome.value.forwardVisited).toBe(2); // 21 and 22
    expect(outcome.value.backwardVisited).toBe(2); // 21 and 20
    expect(schedulePlannerTasks(planner)[22]).toMatchObject({ es: 4, ls: 19, tf: 15 });
  });
});

function specsOf(input: SchedulePlanInput): SchedulePlanTaskSpec[] {
  const types = CONSTRAINTS;
  return Array.from(input.durations, (duration, id) => {
    const code = input.constraintTypes[id] as number;
    const type = types[code] as ScheduleConstraintType;
    const deadline = input.deadlines[id] as number;
    const manual = input.manualStarts[id] as number;
    return {
      id,
      duration,
      parent: input.parents[id] as number,
      constraint: code === 0 ? null : code === 1 ? { type } : { type, day: input.constraintDays[id] as number },
      deadline: deadline === -0x8000_0000 ? null : deadline,
      manualStart: manual === -0x8000_0000 ? null : manual,
      work: input.work[id] as number,
      cost: input.cost[id] as number,
      percentComplete: input.percentComplete[id] as number,
    };
  });
}

function linksOf(planner: SchedulePlanner): ScheduleLinkSpec[] {
  return schedulePlannerLinks(planner).map((l) => ({ from: l.from, to: l.to, type: l.type, lag: l.lag }));
}
