import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CriticalPathSchedule, scheduleCriticalPath, scheduleNetwork, scheduleTaskTimes } from "./critical-path";
import type { LinkType } from "./link-type";
import { type ScheduleInput, type ScheduleLinkSpec, type ScheduleTaskSpec, scheduleInputFromJson, scheduleInputFromSpecs } from "./schedule-input";
import { scheduleNetworkCreate, scheduleNetworkLoad } from "./schedule-network";
import type { TaskIndex } from "./schedule-units";

// ---- helpers ----------------------------------------------------------------------------------------------------

function inputOf(tasks: readonly ScheduleTaskSpec[], links: readonly ScheduleLinkSpec[]): ScheduleInput {
  const outcome = scheduleInputFromSpecs(tasks, links);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function scheduleOf(input: ScheduleInput): CriticalPathSchedule {
  const outcome = scheduleCriticalPath(input);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function summaryOf(schedule: CriticalPathSchedule): string {
  return `N=${schedule.taskCount} M=${schedule.linkCount} finish=${schedule.finish} critical=${schedule.criticalCount} checksum=${schedule.checksum}`;
}

/** `id ES EF LS LF TF` per task in id order, as in the reference `.expected` files. */
function taskLinesOf(schedule: CriticalPathSchedule): string[] {
  const lines: string[] = [];
  for (let id = 0; id < schedule.taskCount; id++) {
    const t = scheduleTaskTimes(schedule, id as TaskIndex);
    lines.push(`${id} ${t.es} ${t.ef} ${t.ls} ${t.lf} ${t.tf}`);
  }
  return lines;
}

/** The README's bound on ES(s) for one link, straight from its forward-pass table. */
function forwardBound(link: ScheduleLinkSpec, es: ArrayLike<number>, d: ArrayLike<number>): number {
  const esP = es[link.from] as number;
  const dP = d[link.from] as number;
  const dS = d[link.to] as number;
  switch (link.type) {
    case "FS":
      return esP + dP + link.lag;
    case "SS":
      return esP + link.lag;
    case "FF":
      return esP + dP + link.lag - dS;
    case "SF":
      return esP + link.lag - dS;
  }
}

/** The README's bound on LF(p) for one link, straight from its backward-pass table. */
function backwardBound(link: ScheduleLinkSpec, ls: ArrayLike<number>, d: ArrayLike<number>): number {
  const lsS = ls[link.to] as number;
  const lfS = lsS + (d[link.to] as number);
  const dP = d[link.from] as number;
  switch (link.type) {
    case "FS":
      return lsS - link.lag;
    case "SS":
      return lsS - link.lag + dP;
    case "FF":
      return lfS - link.lag;
    case "SF":
      return lfS - link.lag + dP;
  }
}

type Network = { tasks: ScheduleTaskSpec[]; links: ScheduleLinkSpec[] };

const LINK_TYPE_ARB = fc.constantFrom<LinkType>("FS", "SS", "FF", "SF");

/**
 * A random acyclic network: tasks get a hidden rank (a permutation of ids) and every link goes from a lower rank to a
 * higher one, so ids are not a topological order. Durations 0..12, lags −6..6, parallel links allowed.
 */
const dagArb: fc.Arbitrary<Network & { rankToId: number[] }> = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc
    .record({
      durations: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }),
      rankToId: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
      links: fc.array(
        fc.record({ a: fc.nat(n - 1), b: fc.nat(n - 1), type: LINK_TYPE_ARB, lag: fc.integer({ min: -6, max: 6 }) }),
        { maxLength: 3 * n },
      ),
    })
    .map(({ durations, rankToId, links }) => ({
      rankToId,
      tasks: durations.map((duration, id) => ({ id, duration })),
      links: links
        .filter((l) => l.a !== l.b)
        .map((l) => ({
          from: rankToId[Math.min(l.a, l.b)] as number,
          to: rankToId[Math.max(l.a, l.b)] as number,
          type: l.type,
          lag: l.lag,
        })),
    })),
);

// ---- the README's worked example ----------------------------------------------------------------------------------

describe("scheduleCriticalPath: the README's worked example", () => {
  const tasks = [3, 2, 4, 5, 0, 2, 9].map((duration, id) => ({ id, duration }));
  const links: ScheduleLinkSpec[] = [
    { from: 0, to: 1, type: "FS", lag: 2 },
    { from: 0, to: 2, type: "SS", lag: 1 },
    { from: 1, to: 3, type: "FF", lag: 1 },
    { from: 2, to: 3, type: "FS", lag: -2 },
    { from: 2, to: 4, type: "SF", lag: 3 },
    { from: 3, to: 5, type: "FS", lag: 0 },
    { from: 0, to: 6, type: "FF", lag: 0 },
  ];

  it("gives the summary N=7 M=7 finish=10 critical=5 checksum=49", () => {
    expect(summaryOf(scheduleOf(inputOf(tasks, links)))).toBe("N=7 M=7 finish=10 critical=5 checksum=49");
  });

  it("gives every row of the table (ES, EF, LS, LF, TF)", () => {
    const schedule = scheduleOf(inputOf(tasks, links));
    expect(taskLinesOf(schedule)).toEqual([
      "0 0 3 0 3 0", // no predecessor; LF bound by 0→1: LS(1) − 2 = 3
      "1 5 7 5 7 0", // FS+2: 3 + 2
      "2 1 5 1 5 0", // SS+1: 0 + 1; LF bound by the lead: LS(3) + 2 = 5
      "3 3 8 3 8 0", // FF+1 gives EF ≥ 8 → ES ≥ 3; FS−2 gives ES ≥ 5 − 2 = 3
      "4 4 4 10 10 6", // SF+3: EF ≥ ES(2) + 3 = 4; no successor, so LF = T
      "5 8 10 8 10 0", // FS: EF(3) = 8
      "6 0 9 1 10 1", // FF: EF ≥ 3 → ES ≥ −6, lifted to 0
    ]);
  });

  it("returns the same schedule when the network is run again, and when reused for another input", () => {
    const network = scheduleNetworkCreate();
    expect(scheduleNetworkLoad(network, inputOf(tasks, links))).toBeUndefined();
    const first = scheduleNetwork(network);
    const firstLines = first.ok ? taskLinesOf(first.value) : [];
    const again = scheduleNetwork(network);
    expect(again.ok && taskLinesOf(again.value)).toEqual(firstLines);
    // A bigger and a smaller input through the same network, then the example again.
    const chain = inputOf(
      Array.from({ length: 50 }, (_, id) => ({ id, duration: 1 })),
      Array.from({ length: 49 }, (_, i) => ({ from: i, to: i + 1, type: "FS" as const, lag: 0 })),
    );
    const long = scheduleCriticalPath(chain, network);
    expect(long.ok && long.value.finish).toBe(50);
    const tiny = scheduleCriticalPath(inputOf([{ id: 0, duration: 4 }], []), network);
    expect(tiny.ok && summaryOf(tiny.value)).toBe("N=1 M=0 finish=4 critical=1 checksum=0");
    const back = scheduleCriticalPath(inputOf(tasks, links), network);
    expect(back.ok && taskLinesOf(back.value)).toEqual(firstLines);
  });

  it("names the tasks of the cycle when a link closes one, and refuses invalid input", () => {
    const cyclic = scheduleCriticalPath(inputOf(tasks, [...links, { from: 5, to: 1, type: "SS", lag: 0 }]));
    expect(cyclic.ok).toBe(false);
    if (!cyclic.ok && cyclic.error.kind === "cycle") {
      expect(cyclic.error.taskIds).toEqual([1, 3, 5]);
      expect(cyclic.error.message).toBe("dependency cycle: 1 -> 3 -> 5 -> 1");
    } else {
      expect.unreachable("expected a cycle");
    }
    const invalid = scheduleCriticalPath({ ...inputOf(tasks, links), linkTypes: Uint8Array.of(0, 0, 0, 9, 0, 0, 0) });
    expect(invalid.ok || invalid.error.message).toBe("links[3]: unknown link type code 9 (0 FS, 1 SS, 2 FF, 3 SF)");
  });
});

// ---- the reference cases ------------------------------------------------------------------------------------------

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const casesDir = path.resolve(repoRoot, "../shared/scheduling/cases");
const haveCases = fs.existsSync(casesDir);

describe("scheduleCriticalPath: the reference cases in shared/scheduling/cases", () => {
  if (!haveCases) {
    it.skip(`skipped: ${casesDir} is missing (CI copies shared/ beside the repository as ../shared)`, () => {});
    return;
  }
  const names = fs
    .readdirSync(casesDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort();

  it("has cases to check", () => expect(names.length).toBeGreaterThanOrEqual(11));

  for (const name of names) {
    it(name, () => {
      const expected = fs.readFileSync(path.join(casesDir, `${name}.expected`), "utf8").trim().split("\n");
      const decoded = scheduleInputFromJson(JSON.parse(fs.readFileSync(path.join(casesDir, `${name}.json`), "utf8")));
      const outcome = decoded.ok ? scheduleCriticalPath(decoded.value) : decoded;
      const status = outcome.ok ? 0 : outcome.error.kind === "cycle" ? 2 : 1;
      if (expected[0]?.startsWith("exit=")) {
        expect(`exit=${status}`).toBe(expected[0]);
        if (!outcome.ok) expect(outcome.error.message).toMatch(/\S/);
        if (name === "cycle" && !outcome.ok && outcome.error.kind === "cycle") expect(outcome.error.taskIds).toEqual([1, 2, 3]);
        return;
      }
      expect(status).toBe(0);
      if (!outcome.ok) return;
      expect([summaryOf(outcome.value), ...taskLinesOf(outcome.value)]).toEqual(expected);
    });
  }
});

// ---- properties ---------------------------------------------------------------------------------------------------

describe("scheduleCriticalPath: properties on random networks", () => {
  it("(a) every link's bound holds in the forward schedule, and each ES is 0 or some bound into it is tight", () => {
    fc.assert(
      fc.property(dagArb, ({ tasks, links }) => {
        const schedule = scheduleOf(inputOf(tasks, links));
        const d = tasks.map((t) => t.duration);
        const es = schedule.earlyStart;
        const tight = new Array<boolean>(tasks.length).fill(false);
        for (const link of links) {
          const bound = forwardBound(link, es, d);
          expect(es[link.to]).toBeGreaterThanOrEqual(bound);
          if (bound === es[link.to]) tight[link.to] = true;
        }
        for (let id = 0; id < tasks.length; id++) expect(es[id] === 0 || tight[id]).toBe(true);
        let finish = 0;
        for (let id = 0; id < tasks.length; id++) finish = Math.max(finish, (es[id] as number) + (d[id] as number));
        expect(schedule.finish).toBe(finish);
      }),
      { numRuns: 300 },
    );
  });

  it("(b) TF ≥ 0 and LF ≤ T for every task; every backward bound holds, and each LF is T or some bound is tight", () => {
    fc.assert(
      fc.property(dagArb, ({ tasks, links }) => {
        const schedule = scheduleOf(inputOf(tasks, links));
        const d = tasks.map((t) => t.duration);
        const tight = new Array<boolean>(tasks.length).fill(false);
        let critical = 0;
        for (let id = 0; id < tasks.length; id++) {
          const t = scheduleTaskTimes(schedule, id as TaskIndex);
          expect(t.tf).toBeGreaterThanOrEqual(0);
          expect(t.lf).toBeLessThanOrEqual(schedule.finish);
          if (t.tf === 0) critical++;
        }
        for (const link of links) {
          const lf = (schedule.lateStart[link.from] as number) + (d[link.from] as number);
          const bound = backwardBound(link, schedule.lateStart, d);
          expect(lf).toBeLessThanOrEqual(bound);
          if (bound === lf) tight[link.from] = true;
        }
        for (let id = 0; id < tasks.length; id++) {
          const lf = (schedule.lateStart[id] as number) + (d[id] as number);
          expect(lf === schedule.finish || tight[id]).toBe(true);
        }
        expect(schedule.criticalCount).toBe(critical);
      }),
      { numRuns: 300 },
    );
  });

  it("(c) results do not depend on input order: renumbered ids and shuffled links give the same schedule", () => {
    fc.assert(
      fc.property(
        dagArb.chain((network) =>
          fc.record({
            network: fc.constant(network),
            renumber: fc.shuffledSubarray(
              network.tasks.map((t) => t.id),
              { minLength: network.tasks.length, maxLength: network.tasks.length },
            ),
            linkOrder: fc.shuffledSubarray(
              network.links.map((_, e) => e),
              { minLength: network.links.length, maxLength: network.links.length },
            ),
            taskOrder: fc.shuffledSubarray(
              network.tasks.map((_, k) => k),
              { minLength: network.tasks.length, maxLength: network.tasks.length },
            ),
          }),
        ),
        ({ network, renumber, linkOrder, taskOrder }) => {
          const original = scheduleOf(inputOf(network.tasks, network.links));
          const newId = (id: number) => renumber[id] as number;
          const tasks = taskOrder.map((k) => {
            const t = network.tasks[k] as ScheduleTaskSpec;
            return { id: newId(t.id), duration: t.duration };
          });
          const links = linkOrder.map((e) => {
            const l = network.links[e] as ScheduleLinkSpec;
            return { ...l, from: newId(l.from), to: newId(l.to) };
          });
          const permuted = scheduleOf(inputOf(tasks, links));
          expect(summaryOf(permuted)).toBe(summaryOf(original));
          for (let id = 0; id < network.tasks.length; id++) {
            const a = scheduleTaskTimes(original, id as TaskIndex);
            const b = scheduleTaskTimes(permuted, newId(id) as TaskIndex);
            expect({ ...b, id }).toEqual(a);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("(d) a random DAG never reports a cycle", () => {
    fc.assert(
      fc.property(dagArb, ({ tasks, links }) => {
        const outcome = scheduleCriticalPath(inputOf(tasks, links));
        expect(outcome.ok).toBe(true);
        if (outcome.ok) {
          // The order the passes used is topological.
          const position = new Array<number>(tasks.length);
          outcome.value.order.forEach((id, k) => (position[id] = k));
          for (const link of links) expect(position[link.from] as number).toBeLessThan(position[link.to] as number);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("(d) a back edge added to a path reports a cycle whose tasks really form one", () => {
    const withPathArb = dagArb
      .filter((network) => network.tasks.length >= 2)
      .chain((network) =>
        fc.record({
          network: fc.constant(network),
          // Ranks of the path's tasks (sorted and de-duplicated below), and the types of its links.
          ranks: fc.uniqueArray(fc.nat(network.tasks.length - 1), { minLength: 2, maxLength: network.tasks.length }),
          pathType: LINK_TYPE_ARB,
          backType: LINK_TYPE_ARB,
          backLag: fc.integer({ min: -6, max: 6 }),
        }),
      );
    fc.assert(
      fc.property(withPathArb, ({ network, ranks, pathType, backType, backLag }) => {
        const path = [...ranks].sort((a, b) => a - b).map((r) => network.rankToId[r] as number);
        const links: ScheduleLinkSpec[] = [...network.links];
        for (let i = 0; i + 1 < path.length; i++) links.push({ from: path[i] as number, to: path[i + 1] as number, type: pathType, lag: 0 });
        links.push({ from: path[path.length - 1] as number, to: path[0] as number, type: backType, lag: backLag });
        const outcome = scheduleCriticalPath(inputOf(network.tasks, links));
        expect(outcome.ok).toBe(false);
        if (outcome.ok || outcome.error.kind !== "cycle") return;
        const cycle = outcome.error.taskIds;
        expect(cycle.length).toBeGreaterThanOrEqual(2);
        expect(new Set(cycle).size).toBe(cycle.length);
        expect(cycle[0]).toBe(Math.min(...cycle));
        const linked = new Set(links.map((l) => `${l.from}>${l.to}`));
        cycle.forEach((id, i) => expect(linked.has(`${id}>${cycle[(i + 1) % cycle.length]}`)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });
});
