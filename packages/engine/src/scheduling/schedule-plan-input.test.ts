import { describe, expect, it } from "vitest";
import type { ScheduleInput } from "./schedule-input";
import {
  SCHEDULE_NO_DAY,
  SCHEDULE_PLAN_MAX_DAY,
  schedulePlanConstraintColumns,
  schedulePlanDayColumn,
  schedulePlanInputCheck,
  schedulePlanInputFromJson,
  schedulePlanInputFromNetwork,
  schedulePlanInputFromSpecs,
} from "./schedule-plan-input";
import type { DayNumber } from "./schedule-units";

const network: ScheduleInput = {
  durations: Int32Array.of(0, 3, 2),
  linkFrom: Int32Array.of(1),
  linkTo: Int32Array.of(2),
  linkTypes: Uint8Array.of(0),
  linkLags: Int32Array.of(0),
};

function refusal(document: unknown): string {
  const outcome = schedulePlanInputFromJson(document);
  return outcome.ok ? "accepted" : `${outcome.error.code} at ${outcome.error.path}: ${outcome.error.message}`;
}

describe("schedulePlanInputFromSpecs / FromJson", () => {
  it("decodes the outline, constraints, deadlines, manual starts and amounts into columns", () => {
    const outcome = schedulePlanInputFromSpecs(
      [
        { id: 2, duration: 2, parent: 0, constraint: { type: "MFO", day: 9 }, deadline: 10, work: 16, cost: 200, percentComplete: 50 },
        { id: 0, duration: 0, constraint: { type: "SNET", day: 1 } },
        { id: 1, duration: 3, parent: 0, manualStart: 4, constraint: { type: "ALAP" } },
      ],
      [{ from: 1, to: 2, type: "FS", lag: 0 }],
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    const plan = outcome.value;
    expect(Array.from(plan.parents)).toEqual([-1, 0, 0]);
    expect(Array.from(plan.constraintTypes)).toEqual([2, 1, 7]);
    expect(Array.from(plan.constraintDays)).toEqual([1, 0, 9]);
    expect(Array.from(plan.deadlines)).toEqual([SCHEDULE_NO_DAY, SCHEDULE_NO_DAY, 10]);
    expect(Array.from(plan.manualStarts)).toEqual([SCHEDULE_NO_DAY, 4, SCHEDULE_NO_DAY]);
    expect([plan.work[2], plan.cost[2], plan.percentComplete[2]]).toEqual([16, 200, 50]);
  });

  it("refuses what the core refuses, with the core's messages", () => {
    expect(refusal({ tasks: [{ id: 0, duration: -1 }], links: [] })).toBe(
      "negative-duration at tasks[0].duration: tasks[0] (id 0): duration -1 is negative (a whole number of days ≥ 0, 0 for a milestone)",
    );
    expect(refusal([])).toMatch(/^not-an-object at \$/);
  });

  it("says what is wrong with a task's plan fields, and where", () => {
    const one = (extra: object) => refusal({ tasks: [{ id: 0, duration: 1 }, { id: 1, duration: 2, ...extra }], links: [] });
    expect(one({ parent: 1 })).toBe("bad-parent at tasks[1].parent: tasks[1] (id 1): parent 1 is the task itself");
    expect(one({ parent: 7 })).toBe("bad-parent at tasks[1].parent: tasks[1] (id 1): parent 7 is not a task id (−1 or 0..1)");
    expect(one({ constraint: { type: "XX", day: 1 } })).toBe(
      'unknown-constraint at tasks[1].constraint.type: tasks[1] (id 1): unknown constraint type "XX" (expected ASAP, ALAP, SNET, SNLT, FNET, FNLT, MSO, MFO)',
    );
    expect(one({ constraint: { type: "FNLT" } })).toBe("missing-constraint-day at tasks[1].constraint.day: tasks[1] (id 1): constraint FNLT needs a day");
    expect(one({ constraint: { type: "SNET", day: 1.5 } })).toBe("bad-day at tasks[1].constraint.day: tasks[1] (id 1): constraint day 1.5 is not a whole day number");
    expect(one({ deadline: SCHEDULE_PLAN_MAX_DAY + 1 })).toBe(`bad-day at tasks[1].deadline: tasks[1] (id 1): deadline ${SCHEDULE_PLAN_MAX_DAY + 1} is beyond ±${SCHEDULE_PLAN_MAX_DAY} days`);
    expect(one({ manualStart: "monday" })).toBe('bad-day at tasks[1].manualStart: tasks[1] (id 1): manualStart "monday" is not a whole day number');
    expect(one({ work: -3 })).toBe("bad-amount at tasks[1].work: tasks[1] (id 1): work -3 is negative");
    expect(one({ percentComplete: 120 })).toBe("bad-amount at tasks[1].percentComplete: tasks[1] (id 1): percentComplete 120 is not within 0..100");
    expect(one({ cost: Number.NaN })).toBe("bad-amount at tasks[1].cost: tasks[1] (id 1): cost NaN is not a finite number");
    // ASAP and ALAP need no day; null means "none".
    expect(one({ constraint: { type: "ALAP" }, deadline: null, manualStart: null, parent: null })).toBe("accepted");
  });

  it("refuses an outline that loops", () => {
    expect(
      refusal({
        tasks: [
          { id: 0, duration: 1, parent: 2 },
          { id: 1, duration: 1, parent: 0 },
          { id: 2, duration: 1, parent: 1 },
        ],
        links: [],
      }),
    ).toBe("parent-cycle at parents[0]: task 0: is its own ancestor: 0 -> 2 -> 1 -> 0 (each task's parent)");
  });
});

describe("schedulePlanInputCheck on columns", () => {
  it("accepts a plain network as a plan, and checks every column's length and values", () => {
    const plan = schedulePlanInputFromNetwork(network);
    expect(schedulePlanInputCheck(plan)).toBeUndefined();
    expect(schedulePlanInputCheck({ ...plan, parents: Int32Array.of(-1) })?.message).toBe("parents: has 1 entries for 3 tasks");
    expect(schedulePlanInputCheck({ ...plan, constraintTypes: Uint8Array.of(0, 9, 0) })?.message).toBe("task 1: unknown constraint code 9 (0 ASAP … 7 MFO)");
    expect(schedulePlanInputCheck({ ...plan, linkTypes: Uint8Array.of(4) })?.message).toBe("links[0]: unknown link type code 4 (0 FS, 1 SS, 2 FF, 3 SF)");
    expect(schedulePlanInputCheck({ ...plan, linkTo: Int32Array.of(1) })?.message).toBe("links[0] (1 -> 1): task 1 links to itself");
    expect(schedulePlanInputCheck({ ...plan, durations: Int32Array.of(0, 0x3fff_ffff, 2) })?.code).toBe("too-large");
  });

  it("applies the summary rules to columns as to specs", () => {
    const base = schedulePlanInputFromNetwork(network);
    const intoOwnSummary = { ...base, parents: Int32Array.of(-1, 0, 0), linkTo: Int32Array.of(0) };
    expect(schedulePlanInputCheck(intoOwnSummary)?.message).toBe(
      "links[0] (1 -> 0): task 1 is under summary task 0, and a link between a summary and a task under it would be a cycle",
    );
    const finishToFinish = { ...base, parents: Int32Array.of(-1, -1, 0), linkTo: Int32Array.of(0), linkTypes: Uint8Array.of(2) };
    const error = schedulePlanInputCheck(finishToFinish);
    expect([error?.code, error?.path]).toEqual(["summary-link", "links[0].type"]);
    expect(schedulePlanInputCheck({ ...base, parents: Int32Array.of(-1, 0, 0), constraintTypes: Uint8Array.of(1, 0, 0) })?.code).toBe("summary-constraint");
  });
});

describe("edit helpers", () => {
  it("turn a constraint or a day into column values, or say what is wrong", () => {
    expect(schedulePlanConstraintColumns({ type: "MFO", day: 30 as DayNumber })).toEqual({ ok: true, value: { code: 7, day: 30 } });
    expect(schedulePlanConstraintColumns(null)).toEqual({ ok: true, value: { code: 0, day: 0 } });
    expect(schedulePlanConstraintColumns({ type: "ALAP" })).toEqual({ ok: true, value: { code: 1, day: 0 } });
    expect(schedulePlanDayColumn(null, "deadline")).toEqual({ ok: true, value: SCHEDULE_NO_DAY });
    const bad = schedulePlanDayColumn(2.5, "deadline");
    expect(bad.ok || bad.error.message).toBe("deadline: deadline 2.5 is not a whole day number");
  });
});
