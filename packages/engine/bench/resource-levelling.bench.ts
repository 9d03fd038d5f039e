/**
 * Resource levelling on a generated plan: N tasks (default 10,000) in WBS order, each linked FS (sometimes SS) to one
 * or two of the 30 tasks before it, every 8 under a summary; ~200 work resources (N / 50; max units 1, a few 2, some
 * with days off in the first weeks) and 4 material resources; one or two assignments per task (units 0.5 or 1, 1 % at
 * 1.5: above max), 2 % manual tasks, priorities 300–700.
 *
 *   node --import tsx bench/resource-levelling.bench.ts [--size 10000] [--repeat 5]
 *
 * Prints the plan's size, over-allocations before and after, tasks moved, the finish change, and the median time of
 * levelling (beyond slack, and within slack only) over `repeat` runs after one untimed run. Seeded (mulberry32):
 * every run levels the same plan. Numbers only: a benchmark never fails on time.
 */
import os from "node:os";
import {
  type AssignmentSpec,
  type ResourceSpec,
  type SchedulePlanTaskSpec,
  type ScheduleLinkSpec,
  resourceLevel,
  schedulePlanInputFromSpecs,
  schedulePlannerWarmUp,
} from "../src/index";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const size = Number(option("--size", "10000"));
const repeat = Number(option("--repeat", "5"));

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20261125);
const pick = (k: number) => Math.floor(random() * k);
const tasks: SchedulePlanTaskSpec[] = [];
const links: ScheduleLinkSpec[] = [];
const priorities: number[] = [];
let id = 0;
while (id < size) {
  const summary = id++;
  tasks.push({ id: summary, duration: 0 });
  priorities.push(500);
  for (let k = 0; k < 8 && id < size; k++, id++) {
    tasks.push({ id, duration: 1 + pick(10), parent: summary, manualStart: random() < 0.02 ? pick(200) : null });
    priorities.push(300 + 100 * pick(5));
    const preds = 1 + pick(2);
    for (let p = 0; p < preds; p++) {
      const from = id - 1 - pick(30);
      if (from < 0 || from === summary || tasks[from]?.parent === undefined || tasks[from]?.parent === null) continue;
      if (tasks[from]?.parent === summary && from >= id) continue;
      links.push({ from, to: id, type: random() < 0.8 ? "FS" : "SS", lag: pick(3) });
    }
  }
}
const resourceCount = Math.max(4, Math.round(size / 50));
const resources: ResourceSpec[] = [];
for (let r = 0; r < resourceCount; r++) {
  const availability = random() < 0.2 ? Array.from({ length: 40 }, () => (random() < 0.15 ? 0 : 1)) : undefined;
  resources.push({ id: `p${String(r).padStart(4, "0")}`, kind: "work", maxUnits: random() < 0.1 ? 2 : 1, costPerHour: 200 + pick(300), availability });
}
for (let r = 0; r < 4; r++) resources.push({ id: `m${r}`, kind: "material" });
const assignments: AssignmentSpec[] = [];
for (const t of tasks) {
  if (t.parent === undefined || t.parent === null) continue;
  const first = pick(resourceCount);
  assignments.push({ task: t.id, resource: `p${String(first).padStart(4, "0")}`, units: random() < 0.01 ? 1.5 : random() < 0.3 ? 0.5 : 1 });
  if (random() < 0.3) {
    const second = (first + 1 + pick(resourceCount - 1)) % resourceCount;
    assignments.push({ task: t.id, resource: `p${String(second).padStart(4, "0")}`, units: 0.5 });
  }
  if (random() < 0.1) assignments.push({ task: t.id, resource: `m${pick(4)}`, units: 1 + pick(5) });
}

const planned = schedulePlanInputFromSpecs(tasks, links);
if (!planned.ok) throw new Error(planned.error.message);
const plan = planned.value;
schedulePlannerWarmUp();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
function measure(withinSlackOnly: boolean) {
  const times: number[] = [];
  let result;
  for (let i = 0; i <= repeat; i++) {
    const t0 = performance.now();
    const outcome = resourceLevel({ plan, resources, assignments, priorities }, { withinSlackOnly });
    const ms = performance.now() - t0;
    if (!outcome.ok) throw new Error(outcome.error.message);
    result = outcome.value;
    if (i > 0) times.push(ms);
  }
  if (result === undefined) throw new Error("no run");
  return { ms: median(times), first: times[0] ?? Number.NaN, result };
}

console.log(`resource levelling — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), Node ${process.version}, median of ${repeat} runs\n`);
console.log("| mode | tasks | links | resources | assignments | over-allocations before | after | unlevellable | moved | finish before → after | median ms |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
for (const within of [false, true]) {
  const { ms, result } = measure(within);
  console.log(
    `| ${within ? "within slack only" : "beyond slack"} | ${tasks.length} | ${links.length} | ${resources.length} | ${assignments.length} | ${result.overAllocationsBefore.length} | ` +
      `${result.overAllocationsAfter.length} | ${result.unlevellable.length} | ${result.moved.length} | ${result.finishBefore} → ${result.finishAfter} | ${ms.toFixed(1)} |`,
  );
}
