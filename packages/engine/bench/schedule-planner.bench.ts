/**
 * The planner (constraints, summaries, manual tasks, incremental rescheduling) on generated networks
 * (shared/scheduling/gen.mjs), next to the core on the same network:
 *
 *   node --import tsx bench/schedule-planner.bench.ts [--sizes 10000,100000] [--edits 300] [--repeat 9]
 *
 * 1. Full computation: the core (`scheduleCriticalPath`: CSR build + passes), the planner from scratch
 *    (`schedulePlannerCreate`: checks, graph build, passes) and the planner recomputing in place
 *    (`schedulePlannerRecompute`: passes only), on the plain network and on a "project plan" made from it — every 8
 *    consecutive tasks (ids are in WBS order) under a summary, every 10 summaries under a phase, 5 % of the tasks
 *    constrained (SNET, SNLT, FNET, FNLT, MSO, MFO around their dates), 1 % ALAP, 2 % with deadlines, 1 % manual.
 * 2. One edit at a time on the first size (10,000 tasks by default): durations, links added and removed,
 *    constraints; per kind the median and 90th percentile time, how often T moved (full backward pass) and how many
 *    nodes the passes visited, against the full computation.
 *
 * Both warm-ups run first (`scheduleWarmUp`, `schedulePlannerWarmUp`), and each computation once more before it is
 * timed. Seeded (mulberry32), so every run makes the same plans and edits. Numbers only: a benchmark never fails on time.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  SCHEDULE_CONSTRAINT_CODES,
  type ScheduleInput,
  type SchedulePlanInput,
  type SchedulePlanner,
  type SchedulePlannerEdit,
  scheduleCriticalPath,
  scheduleInputFromJson,
  scheduleNetworkCreate,
  schedulePlanInputFromNetwork,
  schedulePlannerCreate,
  schedulePlannerEdit,
  schedulePlannerInput,
  schedulePlannerLinks,
  schedulePlannerRecompute,
  schedulePlannerTask,
  schedulePlannerWarmUp,
  scheduleWarmUp,
  type TaskIndex,
} from "../src/index";

const here = path.dirname(fileURLToPath(import.meta.url));
const generator = path.resolve(here, "../../../../shared/scheduling/gen.mjs");
const workDir = path.join(os.tmpdir(), "jiaofu-bench");
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const sizes = option("--sizes", "10000,100000").split(",").map(Number);
const editCount = Number(option("--edits", "300"));
const repeat = Number(option("--repeat", "9"));

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function networkOf(n: number): ScheduleInput {
  const file = path.join(workDir, `gen-${n}-1.json`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(workDir, { recursive: true });
    const out = fs.openSync(`${file}.part`, "w");
    const result = spawnSync(process.execPath, [generator, String(n), "1", "--json"], { stdio: ["ignore", out, "inherit"] });
    fs.closeSync(out);
    if (result.status !== 0) throw new Error(`gen.mjs exited with ${result.status}`);
    fs.renameSync(`${file}.part`, file);
  }
  const decoded = scheduleInputFromJson(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
}

/** The "project plan" variant of a network: summaries over WBS-ordered ids, and constraints around the core's dates. */
function projectPlanOf(network: ScheduleInput): SchedulePlanInput {
  const n = network.durations.length;
  const groups = Math.ceil(n / 8);
  const phases = Math.ceil(groups / 10);
  const total = n + groups + phases;
  const durations = new Int32Array(total);
  durations.set(network.durations);
  const base = schedulePlanInputFromNetwork({ ...network, durations });
  const core = scheduleCriticalPath(network);
  if (!core.ok) throw new Error(core.error.message);
  const es = core.value.earlyStart;
  const rand = prng(7);
  for (let id = 0; id < n; id++) base.parents[id] = n + Math.floor(id / 8);
  for (let g = 0; g < groups; g++) base.parents[n + g] = n + groups + Math.floor(g / 10);
  const C = SCHEDULE_CONSTRAINT_CODES;
  const dated = [C.SNET, C.SNLT, C.FNET, C.FNLT, C.MSO, C.MFO];
  for (let id = 0; id < n; id++) {
    const r = rand();
    const d = network.durations[id] as number;
    const start = es[id] as number;
    const around = start + Math.floor(rand() * 11) - 5;
    if (r < 0.05) {
      const code = dated[Math.floor(rand() * dated.length)] as number;
      base.constraintTypes[id] = code;
      base.constraintDays[id] = Math.max(0, code === C.FNET || code === C.FNLT || code === C.MFO ? around + d : around);
    } else if (r < 0.06) base.constraintTypes[id] = C.ALAP;
    else if (r < 0.08) base.deadlines[id] = start + d + Math.floor(rand() * 20) - 5;
    else if (r < 0.09) base.manualStarts[id] = Math.max(0, around);
    base.work[id] = d * 8;
    base.cost[id] = d * 800;
    base.percentComplete[id] = Math.floor(rand() * 101);
  }
  return base;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

function time(run: () => void): number[] {
  const times: number[] = [];
  for (let k = 0; k < repeat; k++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times;
}

function create(input: SchedulePlanInput): SchedulePlanner {
  const outcome = schedulePlannerCreate(input);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

scheduleWarmUp();
schedulePlannerWarmUp();
console.log(
  `planner vs core — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), Node ${process.version}, median of ${repeat} runs\n`,
);
console.log(
  "| network | tasks | links | core ms | planner create ms, first runs | planner create ms, steady | planner recompute ms | steady create / core | recompute / core | finish | critical | violations |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
const plans: { label: string; input: SchedulePlanInput; createMs: number; recomputeMs: number }[] = [];
for (const n of sizes) {
  const network = networkOf(n);
  const coreNetwork = scheduleNetworkCreate(n, network.linkFrom.length);
  // Warm every path up once on this size before timing (the core has its own warm-up; the planner is warmed here).
  scheduleCriticalPath(network, coreNetwork);
  for (const [label, input] of [
    [`gen ${n} 1`, schedulePlanInputFromNetwork(network)],
    [`gen ${n} 1 as a project plan`, projectPlanOf(network)],
  ] as const) {
    const coreMs = median(time(() => scheduleCriticalPath(network, coreNetwork)));
    // Creating a plan runs big one-off loops that V8 optimises only after a few calls: the first runs and the
    // steady state (after 3 × repeat calls) are both shown.
    let planner = create(input);
    const firstMs = median(time(() => (planner = create(input))));
    for (let k = 0; k < repeat; k++) create(input);
    const createMs = median(time(() => (planner = create(input))));
    const recomputeMs = median(time(() => schedulePlannerRecompute(planner)));
    const s = planner.schedule;
    console.log(
      `| ${label} | ${s.taskCount} | ${s.linkCount} | ${coreMs.toFixed(2)} | ${firstMs.toFixed(2)} | ${createMs.toFixed(2)} | ${recomputeMs.toFixed(2)} | ${(createMs / coreMs).toFixed(2)} | ${(recomputeMs / coreMs).toFixed(2)} | ${s.finish} | ${s.criticalCount} | ${s.violations.length} |`,
    );
    if (n === sizes[0]) plans.push({ label, input, createMs, recomputeMs });
  }
}

console.log(`\none edit at a time (${editCount} of each kind, seeded), then the planner's own schedule; times in µs\n`);
console.log("| plan | edit | median µs | p90 µs | refused | T moved | forward visited (mean) | backward visited (mean) | steady create / median edit | recompute / median edit |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const { label, input, createMs, recomputeMs } of plans) {
  const planner = create(input);
  const n = planner.taskCount;
  const rand = prng(11);
  const leaf = (): number => {
    for (;;) {
      const id = Math.floor(rand() * n);
      if (schedulePlannerTask(planner, id as TaskIndex).kind !== "summary") return id;
    }
  };
  const kinds: [string, () => SchedulePlannerEdit][] = [
    [
      "duration ±1..3 days",
      () => {
        const id = leaf();
        const d = schedulePlannerTask(planner, id as TaskIndex).duration;
        const change = 1 + Math.floor(rand() * 3);
        return { kind: "duration", task: id, duration: rand() < 0.5 || d < change ? d + change : d - change };
      },
    ],
    [
      "add link (to a task 1–50 ids on)",
      () => {
        const from = leaf();
        const to = Math.min(n - 1, from + 1 + Math.floor(rand() * 50));
        return { kind: "add-link", from, to, type: rand() < 0.8 ? "FS" : "SS", lag: Math.floor(rand() * 5) - 1 };
      },
    ],
    [
      "remove link",
      () => {
        const links = schedulePlannerLinks(planner);
        return { kind: "remove-link", link: links[Math.floor(rand() * links.length)]?.index ?? 0 };
      },
    ],
    [
      "constraint (SNET … MFO, ALAP, ASAP)",
      () => {
        const id = leaf();
        const t = schedulePlannerTask(planner, id as TaskIndex);
        const types = ["SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO", "ALAP", "ASAP"] as const;
        const type = types[Math.floor(rand() * types.length)] ?? "ASAP";
        const day = Math.max(0, (type.startsWith("F") || type === "MFO" ? t.ef : t.es) + Math.floor(rand() * 11) - 5);
        return { kind: "constraint", task: id, constraint: type === "ALAP" || type === "ASAP" ? { type } : { type, day: day as never } };
      },
    ],
  ];
  for (const [name, next] of kinds) {
    const times: number[] = [];
    let refused = 0;
    let moved = 0;
    let forward = 0;
    let backward = 0;
    // Links listing allocates; time only the edit.
    for (let k = 0; k < editCount; k++) {
      const edit = next();
      const started = performance.now();
      const outcome = schedulePlannerEdit(planner, edit);
      times.push((performance.now() - started) * 1000);
      if (!outcome.ok) {
        refused++;
        continue;
      }
      if (outcome.value.fullBackward) moved++;
      forward += outcome.value.forwardVisited;
      backward += outcome.value.backwardVisited;
    }
    const applied = Math.max(1, editCount - refused);
    const mid = median(times);
    console.log(
      `| ${label} | ${name} | ${mid.toFixed(1)} | ${percentile(times, 0.9).toFixed(1)} | ${refused} | ${moved} | ${(forward / applied).toFixed(0)} | ${(backward / applied).toFixed(0)} | ${((createMs * 1000) / mid).toFixed(0)}× | ${((recomputeMs * 1000) / mid).toFixed(0)}× |`,
    );
  }
  // The edited schedule must equal a fresh one of the plan as it now stands.
  const check = create(schedulePlannerInput(planner));
  if (check.schedule.checksum !== planner.schedule.checksum || check.schedule.finish !== planner.schedule.finish) {
    throw new Error("incremental and full schedules differ after the edits");
  }
}
