import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ScheduleLinkSpec } from "./schedule-input";
import { type SchedulePlanInput, type SchedulePlanTaskSpec, schedulePlanInputFromJson, schedulePlanInputFromSpecs } from "./schedule-plan-input";
import {
  type SchedulePlanner,
  type SchedulePlannerTask,
  schedulePlannerCreate,
  schedulePlannerEdit,
  schedulePlannerInput,
  schedulePlannerLinks,
  schedulePlannerTask,
  schedulePlannerTasks,
} from "./schedule-planner";
import type { DayNumber, TaskIndex } from "./schedule-units";

function inputOf(tasks: readonly SchedulePlanTaskSpec[], links: readonly ScheduleLinkSpec[]): SchedulePlanInput {
  const outcome = schedulePlanInputFromSpecs(tasks, links);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function plannerOf(tasks: readonly SchedulePlanTaskSpec[], links: readonly ScheduleLinkSpec[]): SchedulePlanner {
  const outcome = schedulePlannerCreate(inputOf(tasks, links));
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

/** `id ES EF LS LF TF` per task, as in the reference `.expected` files. */
function lines(planner: SchedulePlanner): string[] {
  return schedulePlannerTasks(planner).map((t) => `${t.id} ${t.es} ${t.ef} ${t.ls} ${t.lf} ${t.tf}`);
}

function task(planner: SchedulePlanner, id: number): SchedulePlannerTask {
  return schedulePlannerTask(planner, id as TaskIndex);
}

const day = (n: number) => n as DayNumber;

// ---- the README's example and the reference cases, through the planner --------------------------------------------

const readmeTasks = [3, 2, 4, 5, 0, 2, 9].map((duration, id) => ({ id, duration }));
const readmeLinks: ScheduleLinkSpec[] = [
  { from: 0, to: 1, type: "FS", lag: 2 },
  { from: 0, to: 2, type: "SS", lag: 1 },
  { from: 1, to: 3, type: "FF", lag: 1 },
  { from: 2, to: 3, type: "FS", lag: -2 },
  { from: 2, to: 4, type: "SF", lag: 3 },
  { from: 3, to: 5, type: "FS", lag: 0 },
  { from: 0, to: 6, type: "FF", lag: 0 },
];

describe("schedulePlannerCreate: a plain network is scheduled exactly as the core does", () => {
  it("gives the README's worked example row by row", () => {
    const planner = plannerOf(readmeTasks, readmeLinks);
    expect(planner.schedule).toMatchObject({ taskCount: 7, linkCount: 7, finish: 10, criticalCount: 5, checksum: 49, violations: [] });
    expect(lines(planner)).toEqual(["0 0 3 0 3 0", "1 5 7 5 7 0", "2 1 5 1 5 0", "3 3 8 3 8 0", "4 4 4 10 10 6", "5 8 10 8 10 0", "6 0 9 1 10 1"]);
    expect(task(planner, 4)).toMatchObject({ kind: "milestone", start: 4, finish: 4 });
  });

  const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../../shared/scheduling/cases");
  const haveCases = fs.existsSync(casesDir);
  const names = haveCases
    ? fs
        .readdirSync(casesDir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => f.slice(0, -5))
        .sort()
    : [];
  it.skipIf(!haveCases)("passes every reference case in shared/scheduling/cases", () => {
    expect(names.length).toBeGreaterThanOrEqual(11);
    for (const name of names) {
      const expected = fs.readFileSync(path.join(casesDir, `${name}.expected`), "utf8").trim().split("\n");
      const decoded = schedulePlanInputFromJson(JSON.parse(fs.readFileSync(path.join(casesDir, `${name}.json`), "utf8")));
      const outcome = decoded.ok ? schedulePlannerCreate(decoded.value) : decoded;
      const status = outcome.ok ? 0 : outcome.error.kind === "cycle" ? 2 : 1;
      if (expected[0]?.startsWith("exit=")) {
        expect(`${name}: exit=${status}`).toBe(`${name}: ${expected[0]}`);
        if (name === "cycle" && !outcome.ok && outcome.error.kind === "cycle") expect(outcome.error.taskIds).toEqual([1, 2, 3]);
        continue;
      }
      if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
      const s = outcome.value.schedule;
      expect([`N=${s.taskCount} M=${s.linkCount} finish=${s.finish} critical=${s.criticalCount} checksum=${s.checksum}`, ...lines(outcome.value)]).toEqual(expected);
    }
  });
});

// ---- constraints and deadlines -----------------------------------------------------------------------------------

describe("constraints: 0 (3 days) → 1 (2 days) FS, and 2 (6 days) beside them; unconstrained T = 6, task 1 has 1 day of float", () => {
  const withOn1 = (extra: Partial<SchedulePlanTaskSpec>) =>
    plannerOf(
      [
        { id: 0, duration: 3 },
        { id: 1, duration: 2, ...extra },
        { id: 2, duration: 6 },
      ],
      [{ from: 0, to: 1, type: "FS", lag: 0 }],
    );
  const row = (p: SchedulePlanner, id: number) => {
    const t = task(p, id);
    return [t.es, t.ef, t.ls, t.lf, t.tf];
  };

  it("ASAP (no constraint): ES 3, LS 4", () => {
    const p = withOn1({});
    expect(row(p, 1)).toEqual([3, 5, 4, 6, 1]);
    expect(p.schedule.finish).toBe(6);
  });

  it("SNET 5 pushes the early start to 5; T becomes 7", () => {
    const p = withOn1({ constraint: { type: "SNET", day: 5 } });
    expect(row(p, 1)).toEqual([5, 7, 5, 7, 0]);
    expect(p.schedule.finish).toBe(7);
    expect(p.schedule.violations).toEqual([]);
  });

  it("FNET 8: EF ≥ 8, so ES 6", () => {
    const p = withOn1({ constraint: { type: "FNET", day: 8 } });
    expect(row(p, 1)).toEqual([6, 8, 6, 8, 0]);
  });

  it("SNLT 2 cannot be kept (the predecessor ends on day 3): reported, with negative float on the task and its predecessor", () => {
    const p = withOn1({ constraint: { type: "SNLT", day: 2 } });
    expect(row(p, 1)).toEqual([3, 5, 2, 4, -1]);
    expect(row(p, 0)).toEqual([0, 3, -1, 2, -1]);
    expect(p.schedule.violations).toEqual([{ taskId: 1, kind: "SNLT", day: 2, by: 1 }]);
    expect(task(p, 1).critical).toBe(true);
  });

  it("SNLT 4 is kept: it only lowers the late start", () => {
    const p = withOn1({ constraint: { type: "SNLT", day: 3 } });
    expect(row(p, 1)).toEqual([3, 5, 3, 5, 0]);
    expect(p.schedule.violations).toEqual([]);
  });

  it("FNLT 4: LF ≤ 4, finish 5, one day late", () => {
    const p = withOn1({ constraint: { type: "FNLT", day: 4 } });
    expect(row(p, 1)).toEqual([3, 5, 2, 4, -1]);
    expect(p.schedule.violations).toEqual([{ taskId: 1, kind: "FNLT", day: 4, by: 1 }]);
  });

  it("MSO 5 fixes the start at 5 from both sides; MSO 2 cannot be kept and the links win", () => {
    const kept = withOn1({ constraint: { type: "MSO", day: 5 } });
    expect(row(kept, 1)).toEqual([5, 7, 5, 7, 0]);
    const missed = withOn1({ constraint: { type: "MSO", day: 2 } });
    expect(row(missed, 1)).toEqual([3, 5, 2, 4, -1]);
    expect(missed.schedule.violations).toEqual([{ taskId: 1, kind: "MSO", day: 2, by: 1 }]);
  });

  it("MFO 9 fixes the finish at 9 (T = 9); MFO 4 is missed by a day", () => {
    const kept = withOn1({ constraint: { type: "MFO", day: 9 } });
    expect(row(kept, 1)).toEqual([7, 9, 7, 9, 0]);
    expect(kept.schedule.finish).toBe(9);
    expect(row(kept, 2)).toEqual([0, 6, 3, 9, 3]);
    const missed = withOn1({ constraint: { type: "MFO", day: 4 } });
    expect(missed.schedule.violations).toEqual([{ taskId: 1, kind: "MFO", day: 4, by: 1 }]);
  });

  it("a deadline lowers the late finish only: a met deadline can make a task critical, a missed one is listed", () => {
    const met = withOn1({ deadline: 5 });
    expect(row(met, 1)).toEqual([3, 5, 3, 5, 0]);
    expect(met.schedule.violations).toEqual([]);
    const missed = withOn1({ deadline: 4 });
    expect(row(missed, 1)).toEqual([3, 5, 2, 4, -1]); // the dates do not move
    expect(missed.schedule.violations).toEqual([{ taskId: 1, kind: "deadline", day: 4, by: 1 }]);
    const far = withOn1({ deadline: 30 });
    expect(row(far, 1)).toEqual([3, 5, 4, 6, 1]); // capped by T, as without a deadline
  });

  it("a constraint and a deadline are both reported, the constraint first", () => {
    const p = withOn1({ constraint: { type: "FNLT", day: 4 }, deadline: 3 });
    expect(p.schedule.violations).toEqual([
      { taskId: 1, kind: "FNLT", day: 4, by: 1 },
      { taskId: 1, kind: "deadline", day: 3, by: 2 },
    ]);
  });

  it("ALAP places the task at its late dates, and its successors follow it (using up the chain's float)", () => {
    const p = plannerOf(
      [
        { id: 0, duration: 3, constraint: { type: "ALAP" } },
        { id: 1, duration: 2 },
        { id: 2, duration: 6 },
      ],
      [{ from: 0, to: 1, type: "FS", lag: 0 }],
    );
    expect(task(p, 0)).toMatchObject({ es: 0, ls: 1, tf: 1, start: 1, finish: 4 });
    expect(task(p, 1)).toMatchObject({ es: 4, ls: 4, tf: 0, start: 4, finish: 6 });
    expect(p.schedule.finish).toBe(6);
    // Without a successor it moves to the project finish.
    const alone = plannerOf(
      [
        { id: 0, duration: 2, constraint: { type: "ALAP" } },
        { id: 1, duration: 6 },
      ],
      [],
    );
    expect(task(alone, 0)).toMatchObject({ es: 0, ls: 4, start: 4, finish: 6 });
  });
});

// ---- summary tasks ------------------------------------------------------------------------------------------------

describe("summary tasks", () => {
  // 0 "Phase" holds 1 (3 days, done) → 2 (2 days) FS; 3 (4 days) → 0 SS+1; 0 → 4 (1 day) FS; 4 → 5 (milestone) FS.
  const phase = () =>
    plannerOf(
      [
        { id: 0, duration: 0 },
        { id: 1, duration: 3, parent: 0, work: 24, cost: 300, percentComplete: 100 },
        { id: 2, duration: 2, parent: 0, work: 16, cost: 200, percentComplete: 0 },
        { id: 3, duration: 4 },
        { id: 4, duration: 1 },
        { id: 5, duration: 0 },
      ],
      [
        { from: 1, to: 2, type: "FS", lag: 0 },
        { from: 3, to: 0, type: "SS", lag: 1 },
        { from: 0, to: 4, type: "FS", lag: 0 },
        { from: 4, to: 5, type: "FS", lag: 0 },
      ],
    );

  it("a link into a summary applies to every task under it; a link out of it waits for its last task", () => {
    const p = phase();
    expect(task(p, 1)).toMatchObject({ es: 1, ef: 4 }); // SS+1 from task 3 (ES 0)
    expect(task(p, 2)).toMatchObject({ es: 4, ef: 6 });
    expect(task(p, 4)).toMatchObject({ es: 6, ef: 7 }); // after the phase's finish, 6
    expect(p.schedule.finish).toBe(7);
    expect(task(p, 3)).toMatchObject({ ls: 0, tf: 0 }); // the SS+1 into the phase makes it critical
  });

  it("rolls up dates (earliest start, latest finish), work, cost, duration-weighted % complete and criticality", () => {
    expect(task(phase(), 0)).toEqual({
      id: 0,
      kind: "summary",
      manual: false,
      start: 1,
      finish: 6,
      es: 1,
      ef: 6,
      ls: 1,
      lf: 6,
      tf: 0,
      critical: true,
      duration: 5,
      work: 40,
      cost: 500,
      percentComplete: 60, // (3 × 100 + 2 × 0) / 5
    });
    expect(phase().schedule.criticalCount).toBe(6);
  });

  it("nests: a summary under a summary rolls up from its own roll-up", () => {
    const p = plannerOf(
      [
        { id: 0, duration: 0 },
        { id: 1, duration: 0, parent: 0 },
        { id: 2, duration: 4, parent: 1, percentComplete: 50 },
        { id: 3, duration: 2, parent: 1, percentComplete: 100 },
        { id: 4, duration: 6, parent: 0 },
        { id: 5, duration: 0, parent: 0 }, // a milestone weighs nothing in % complete
      ],
      [
        { from: 2, to: 3, type: "FS", lag: 0 },
        { from: 1, to: 5, type: "FS", lag: 0 },
      ],
    );
    expect(task(p, 1)).toMatchObject({ start: 0, finish: 6, percentComplete: (4 * 50 + 2 * 100) / 6 });
    expect(task(p, 0)).toMatchObject({ start: 0, finish: 6, duration: 6, tf: 0, percentComplete: (4 * 50 + 2 * 100) / 12 });
    expect(task(p, 5)).toMatchObject({ kind: "milestone", es: 6 });
  });

  it("takes SNET (every task under it starts no earlier), FNLT and deadlines (on its finish)", () => {
    const p = plannerOf(
      [
        { id: 0, duration: 0, constraint: { type: "SNET", day: 2 }, deadline: 5 },
        { id: 1, duration: 3, parent: 0 },
        { id: 2, duration: 1, parent: 0 },
        { id: 3, duration: 9 },
      ],
      [],
    );
    expect(task(p, 1)).toMatchObject({ es: 2, ef: 5, lf: 5, tf: 0 });
    expect(task(p, 2)).toMatchObject({ es: 2, ef: 3, lf: 5, tf: 2 });
    expect(p.schedule.violations).toEqual([]);
    // Replace the SNET by FNLT 2: the tasks now start on day 0, and the phase finishes on day 3, a day late.
    const late = schedulePlannerEdit(p, { kind: "constraint", task: 0, constraint: { type: "FNLT", day: day(2) } });
    expect(late.ok && late.value.schedule.violations).toEqual([{ taskId: 0, kind: "FNLT", day: 2, by: 1 }]);
    expect(task(p, 1)).toMatchObject({ es: 0, ef: 3, lf: 2, tf: -1 });
    expect(task(p, 0)).toMatchObject({ start: 0, finish: 3, tf: -1, critical: true });
  });

  it("refuses the links and constraints whose meaning on a summary would be unclear, saying why", () => {
    const tasks = [
      { id: 0, duration: 0 },
      { id: 1, duration: 3, parent: 0 },
      { id: 2, duration: 2 },
    ];
    const refusal = (links: ScheduleLinkSpec[], over: Partial<SchedulePlanTaskSpec> = {}) => {
      const outcome = schedulePlanInputFromSpecs(
        tasks.map((t) => (t.id === 0 ? { ...t, ...over } : t)),
        links,
      );
      return outcome.ok ? "accepted" : `${outcome.error.code}: ${outcome.error.message}`;
    };
    expect(refusal([{ from: 2, to: 0, type: "FF", lag: 0 }])).toBe(
      "summary-link: links[0] (2 -> 0): task 0 is a summary task, so a link into it must be FS or SS (got FF): its finish is its tasks' latest finish, which a link cannot push; link to the task under it that must finish",
    );
    expect(refusal([{ from: 0, to: 2, type: "SS", lag: 0 }])).toBe(
      "summary-link: links[0] (0 -> 2): task 0 is a summary task, so a link out of it must be FS or FF (got SS): its start is whichever task under it starts first, which moves as they move; link from that task instead",
    );
    expect(refusal([{ from: 1, to: 0, type: "FS", lag: 0 }])).toBe(
      "summary-link: links[0] (1 -> 0): task 1 is under summary task 0, and a link between a summary and a task under it would be a cycle",
    );
    expect(refusal([], { constraint: { type: "MSO", day: 3 } })).toMatch(/^summary-constraint: task 0: is a summary task, so its constraint must be ASAP, SNET .* got MSO/);
    expect(refusal([], { manualStart: 3 })).toBe("summary-manual: task 0: is a summary task, scheduled from the tasks under it; it cannot be manually scheduled");
  });
});

// ---- manual tasks ----------------------------------------------------------------------------------------------

describe("manually scheduled tasks", () => {
  const chain = (manualStart: number) =>
    plannerOf(
      [
        { id: 0, duration: 3 },
        { id: 1, duration: 2, manualStart },
        { id: 2, duration: 1 },
      ],
      [
        { from: 0, to: 1, type: "FS", lag: 0 },
        { from: 1, to: 2, type: "FS", lag: 0 },
      ],
    );

  it("keep their day when the predecessors would move them, which is listed; their dates drive the successors", () => {
    const p = chain(1);
    expect(task(p, 1)).toMatchObject({ manual: true, start: 1, finish: 3, es: 1 });
    expect(task(p, 2)).toMatchObject({ es: 3 });
    expect(p.schedule.violations).toEqual([{ taskId: 1, kind: "manual", day: 1, by: 2 }]);
    expect(task(p, 0).tf).toBe(-2); // the predecessor is 2 days too late for the manual date
  });

  it("are not listed when they start after their predecessors allow", () => {
    const p = chain(5);
    expect(task(p, 2)).toMatchObject({ es: 7 });
    expect(p.schedule.violations).toEqual([]);
    expect(p.schedule.finish).toBe(8);
  });

  it("ignore their constraint until they are scheduled automatically again", () => {
    const p = chain(1);
    expect(schedulePlannerEdit(p, { kind: "constraint", task: 1, constraint: { type: "SNET", day: day(9) } }).ok).toBe(true);
    expect(task(p, 1).es).toBe(1);
    expect(schedulePlannerEdit(p, { kind: "manual", task: 1, manualStart: null }).ok).toBe(true);
    expect(task(p, 1)).toMatchObject({ manual: false, es: 9 });
    expect(p.schedule.violations).toEqual([]);
  });
});

// ---- cycles ------------------------------------------------------------------------------------------------------

describe("cycles are refused, naming the tasks", () => {
  it("in the input", () => {
    const outcome = schedulePlannerCreate(
      inputOf(
        [0, 1, 2, 3].map((id) => ({ id, duration: 1 })),
        [
          { from: 0, to: 1, type: "FS", lag: 0 },
          { from: 1, to: 2, type: "FS", lag: 0 },
          { from: 2, to: 3, type: "SS", lag: 0 },
          { from: 3, to: 1, type: "FF", lag: 0 },
        ],
      ),
    );
    expect(outcome.ok || outcome.error).toEqual({ kind: "cycle", taskIds: [1, 2, 3], message: "dependency cycle: 1 -> 2 -> 3 -> 1" });
  });

  it("through a summary task, which stands for the tasks under it", () => {
    const outcome = schedulePlannerCreate(
      inputOf(
        [
          { id: 0, duration: 0 },
          { id: 1, duration: 2, parent: 0 },
          { id: 2, duration: 1 },
        ],
        [
          { from: 1, to: 2, type: "FS", lag: 0 },
          { from: 2, to: 0, type: "FS", lag: 0 },
        ],
      ),
    );
    expect(outcome.ok || outcome.error).toEqual({
      kind: "cycle",
      taskIds: [0, 1, 2],
      message: "dependency cycle: 0 -> 1 -> 2 -> 0 (0 is a summary task: a link into or out of a summary applies to the tasks under it)",
    });
  });

  it("between two summaries linked both ways", () => {
    const tasks = [
      { id: 0, duration: 0 },
      { id: 1, duration: 2, parent: 0 },
      { id: 2, duration: 0 },
      { id: 3, duration: 1, parent: 2 },
    ];
    const p = plannerOf(tasks, [{ from: 0, to: 2, type: "FS", lag: 0 }]);
    const edited = schedulePlannerEdit(p, { kind: "add-link", from: 2, to: 0, type: "FS", lag: 0 });
    expect(edited.ok || edited.error.message).toBe(
      "dependency cycle: 0 -> 2 -> 0 (0, 2 are summary tasks: a link into or out of a summary applies to the tasks under it)",
    );
  });
});

// ---- editing -------------------------------------------------------------------------------------------------------

describe("schedulePlannerEdit", () => {
  it("changes a duration and reschedules what follows (the README example, task 6 to 11 days)", () => {
    const p = plannerOf(readmeTasks, readmeLinks);
    const edited = schedulePlannerEdit(p, { kind: "duration", task: 6, duration: 11 });
    expect(edited.ok && edited.value.fullBackward).toBe(true); // T moved from 10 to 11
    expect(p.schedule).toMatchObject({ finish: 11, criticalCount: 1 });
    expect(task(p, 6)).toMatchObject({ es: 0, ef: 11, tf: 0 });
    expect(task(p, 5)).toMatchObject({ es: 8, ls: 9, tf: 1 });
  });

  it("adds and removes links, refusing one that closes a cycle without changing anything", () => {
    const p = plannerOf(readmeTasks, readmeLinks);
    const before = schedulePlannerTasks(p);
    const cyclic = schedulePlannerEdit(p, { kind: "add-link", from: 5, to: 1, type: "SS", lag: 0 });
    expect(cyclic.ok || cyclic.error).toEqual({ kind: "cycle", taskIds: [1, 3, 5], message: "dependency cycle: 1 -> 3 -> 5 -> 1" });
    expect(schedulePlannerTasks(p)).toEqual(before);
    const added = schedulePlannerEdit(p, { kind: "add-link", from: 4, to: 6, type: "FS", lag: 0 });
    expect(added.ok && added.value.link).toBe(7);
    expect(task(p, 6)).toMatchObject({ es: 4, ef: 13 });
    expect(p.schedule.finish).toBe(13);
    expect(schedulePlannerEdit(p, { kind: "remove-link", link: 7 }).ok).toBe(true);
    expect(schedulePlannerTasks(p)).toEqual(before);
    expect(schedulePlannerLinks(p).map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const again = schedulePlannerEdit(p, { kind: "remove-link", link: 7 });
    expect(again.ok || again.error.message).toBe("link 7: is not a link of the plan (never added, or removed)");
  });

  it("sets and clears constraints, deadlines and manual starts; clearing returns to the first schedule", () => {
    const p = plannerOf(readmeTasks, readmeLinks);
    const first = schedulePlannerTasks(p);
    expect(schedulePlannerEdit(p, { kind: "constraint", task: 5, constraint: { type: "FNLT", day: day(9) } }).ok).toBe(true);
    expect(p.schedule.violations).toEqual([{ taskId: 5, kind: "FNLT", day: 9, by: 1 }]);
    expect(task(p, 0).tf).toBe(-1);
    expect(schedulePlannerEdit(p, { kind: "deadline", task: 4, deadline: 3 }).ok).toBe(true);
    expect(p.schedule.violations).toContainEqual({ taskId: 4, kind: "deadline", day: 3, by: 1 });
    expect(schedulePlannerEdit(p, { kind: "manual", task: 2, manualStart: 0 }).ok).toBe(true);
    expect(p.schedule.violations).toContainEqual({ taskId: 2, kind: "manual", day: 0, by: 1 });
    for (const edit of [
      { kind: "constraint", task: 5, constraint: null },
      { kind: "deadline", task: 4, deadline: null },
      { kind: "manual", task: 2, manualStart: null },
    ] as const) {
      expect(schedulePlannerEdit(p, edit).ok).toBe(true);
    }
    expect(schedulePlannerTasks(p)).toEqual(first);
    expect(p.schedule.violations).toEqual([]);
  });

  it("refuses edits that make no sense, saying what and where", () => {
    const p = plannerOf(
      [
        { id: 0, duration: 0 },
        { id: 1, duration: 3, parent: 0 },
      ],
      [],
    );
    const message = (outcome: ReturnType<typeof schedulePlannerEdit>) => (outcome.ok ? "accepted" : outcome.error.message);
    expect(message(schedulePlannerEdit(p, { kind: "duration", task: 0, duration: 4 }))).toBe("task 0: is a summary task: its duration comes from the tasks under it");
    expect(message(schedulePlannerEdit(p, { kind: "duration", task: 1, duration: 1.5 }))).toBe("task 1: duration 1.5 is not a whole number of days");
    expect(message(schedulePlannerEdit(p, { kind: "duration", task: 9, duration: 1 }))).toBe("task 9: is not a task id (task ids are 0..1)");
    expect(message(schedulePlannerEdit(p, { kind: "add-link", from: 1, to: 1, type: "FS", lag: 0 }))).toBe("link 1 -> 1: task 1 links to itself");
    expect(message(schedulePlannerEdit(p, { kind: "constraint", task: 1, constraint: { type: "SNET" } }))).toBe("task 1: constraint SNET needs a day");
    expect(message(schedulePlannerEdit(p, { kind: "manual", task: 0, manualStart: 2 }))).toBe(
      "task 0: is a summary task, scheduled from the tasks under it; it cannot be manually scheduled",
    );
    expect(message(schedulePlannerEdit(p, { kind: "deadline", task: 1, deadline: 2 ** 40 }))).toBe("task 1: deadline 1099511627776 is beyond ±536870911 days");
    expect(message(schedulePlannerEdit(p, { kind: "rename", task: 1 } as never))).toBe(
      'edit: unknown edit kind "rename" (expected duration, add-link, remove-link, constraint, deadline or manual)',
    );
  });

  it("keeps the plan it can hand back: schedulePlannerInput reproduces the edited schedule from scratch", () => {
    const p = plannerOf(readmeTasks, readmeLinks);
    schedulePlannerEdit(p, { kind: "duration", task: 2, duration: 7 });
    schedulePlannerEdit(p, { kind: "remove-link", link: 1 });
    schedulePlannerEdit(p, { kind: "constraint", task: 4, constraint: { type: "MSO", day: day(2) } });
    const again = schedulePlannerCreate(schedulePlannerInput(p));
    expect(again.ok && schedulePlannerTasks(again.value)).toEqual(schedulePlannerTasks(p));
  });
});
