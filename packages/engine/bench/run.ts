/**
 * `npm run bench -w @jiaofu/engine`: the critical path engine on generated networks (shared/scheduling/gen.mjs),
 * next to a C implementation of the same computation (bench/c/cpm.c, gcc -O2) when gcc is available: once as the
 * README describes it (Kahn with a FIFO queue, the "C" of the speed goal) and once with the engine's LIFO release
 * order ("C LIFO": C doing exactly the engine's work).
 *
 *   tsx bench/run.ts [--quick] [--repeat K] [--sizes 10000,100000,...] [--shuffle] [--no-requirements] [--no-planner] [--no-levelling]
 *
 * Each size is generated once into $TMPDIR/jiaofu-bench and reused; each measurement runs in a fresh process
 * (critical-path.bench.ts for the engine), engine and C alternating. Prints a Markdown table: N, M, parse ms,
 * first_ms, median compute_ms of K runs, C's medians and the ratios engine / C, the checksum; and whether the
 * summaries agree (they must: the run exits 1 otherwise). Then the planner (schedule-planner.bench.ts): full
 * computation next to the core at the sizes up to 100,000, and one edit at a time on 10,000 tasks. Resource levelling
 * on 10,000 tasks (resource-levelling.bench.ts) runs first, after the requirement finder. Numbers only: a benchmark
 * never fails on time.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const generator = path.resolve(repoRoot, "../shared/scheduling/gen.mjs");
const workDir = path.join(os.tmpdir(), "jiaofu-bench");

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const repeat = Number(option("--repeat") ?? 5);
const sizes = (option("--sizes") ?? (args.includes("--quick") ? "10000,100000" : "10000,100000,1000000")).split(",").map(Number);
const variants = args.includes("--shuffle") ? [false, true] : [false];

type EngineRow = { summary: string; n: number; m: number; warmUpMs: number; parseMs: number; firstMs: number; medianMs: number };

function generate(n: number, seed: number, shuffle: boolean): string {
  const file = path.join(workDir, `gen-${n}-${seed}${shuffle ? "-shuffled" : ""}.json`);
  if (!fs.existsSync(file)) {
    process.stderr.write(`generating ${path.basename(file)} …\n`);
    const out = fs.openSync(`${file}.part`, "w");
    const result = spawnSync(process.execPath, [generator, String(n), String(seed), "--json", ...(shuffle ? ["--shuffle"] : [])], { stdio: ["ignore", out, "inherit"] });
    fs.closeSync(out);
    if (result.status !== 0) throw new Error(`gen.mjs exited with ${result.status}`);
    fs.renameSync(`${file}.part`, file);
  }
  return file;
}

function runEngine(file: string): EngineRow {
  const output = execFileSync(process.execPath, ["--import", "tsx", path.join(here, "critical-path.bench.ts"), file, String(repeat)], {
    cwd: path.resolve(here, ".."),
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split("\n").pop() ?? "") as EngineRow;
}

/** Builds the C reference into the work directory; undefined (with the reason on stderr) if gcc is missing or fails. */
function buildC(): string | undefined {
  const binary = path.join(workDir, "cpm");
  const result = spawnSync("gcc", ["-O2", "-std=c11", "-o", binary, path.join(here, "c/cpm.c")], { encoding: "utf8" });
  if (result.error !== undefined || result.status !== 0) {
    process.stderr.write(`no C comparison: gcc ${result.error?.message ?? result.stderr}\n`);
    return undefined;
  }
  return binary;
}

function runC(binary: string, file: string, lifo: boolean): { summary: string; medianMs: number; firstMs: number } {
  const line = execFileSync(binary, [file, String(repeat), ...(lifo ? ["--lifo"] : [])], { encoding: "utf8" }).trim();
  const fields = Object.fromEntries(line.split(" ").map((f) => f.split("=") as [string, string]));
  return { summary: line.split(" ").slice(0, 5).join(" "), medianMs: Number(fields.compute_ms), firstMs: Number(fields.first_ms) };
}

// The requirement finder on a generated register of 10,000 requirements (bench/requirement-finder.bench.ts), in a
// fresh process, printing its own table; `--no-requirements` skips it.
if (!args.includes("--no-requirements")) {
  execFileSync(process.execPath, ["--import", "tsx", path.join(here, "requirement-finder.bench.ts"), ...(args.includes("--quick") ? ["--size", "2000"] : [])], {
    cwd: path.resolve(here, ".."),
    stdio: "inherit",
  });
  console.log("");
}

// Resource levelling on a generated plan of 10,000 tasks and ~200 resources (bench/resource-levelling.bench.ts);
// `--no-levelling` skips it.
if (!args.includes("--no-levelling")) {
  execFileSync(process.execPath, ["--import", "tsx", path.join(here, "resource-levelling.bench.ts"), ...(args.includes("--quick") ? ["--size", "2000"] : [])], {
    cwd: path.resolve(here, ".."),
    stdio: "inherit",
  });
  console.log("");
}

if (!fs.existsSync(generator)) {
  console.log(`skipped: ${generator} is missing (shared/ is expected beside the repository)`);
  process.exit(0);
}
fs.mkdirSync(workDir, { recursive: true });
const cBinary = buildC();
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`critical path engine vs C — ${new Date().toISOString().slice(0, 10)}, ${cpu} (${os.cpus().length} cores), Node ${process.version}, median of ${repeat} runs\n`);
console.log("| network | N | M | parse ms | first_ms | compute_ms | C ms | engine / C | C LIFO ms | engine / C LIFO | checksum | same summary as C |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
let disagreements = 0;
for (const n of sizes) {
  for (const shuffle of variants) {
    const file = generate(n, 1, shuffle);
    const engine = runEngine(file);
    const c = cBinary === undefined ? undefined : runC(cBinary, file, false);
    const cLifo = cBinary === undefined ? undefined : runC(cBinary, file, true);
    const checksum = engine.summary.split("checksum=")[1] ?? "?";
    const wrong = [c, cLifo].filter((r) => r !== undefined && r.summary !== engine.summary);
    disagreements += wrong.length;
    const same = c === undefined ? "–" : wrong.length === 0 ? "yes" : `NO: C says ${wrong[0]?.summary ?? ""}`;
    const ratio = (r: { medianMs: number } | undefined) => (r === undefined ? "–" : (engine.medianMs / r.medianMs).toFixed(2));
    console.log(
      `| gen ${n} 1${shuffle ? " --shuffle" : ""} | ${engine.n} | ${engine.m} | ${engine.parseMs.toFixed(0)} | ${engine.firstMs.toFixed(2)} | ` +
        `${engine.medianMs.toFixed(2)} | ${c?.medianMs.toFixed(2) ?? "–"} | ${ratio(c)} | ${cLifo?.medianMs.toFixed(2) ?? "–"} | ${ratio(cLifo)} | ${checksum} | ${same} |`,
    );
  }
}
console.log("\nparse: read + JSON.parse + decode into columns (not part of compute_ms); first_ms: first run after the engine's warm-up.");

// The planner (constraints, summaries, manual tasks, incremental edits) on the same networks, in a fresh process
// (bench/schedule-planner.bench.ts); `--no-planner` skips it.
if (!args.includes("--no-planner")) {
  console.log("");
  execFileSync(process.execPath, ["--import", "tsx", path.join(here, "schedule-planner.bench.ts"), "--sizes", sizes.filter((n) => n <= 100_000).join(",") || "10000"], {
    cwd: path.resolve(here, ".."),
    stdio: "inherit",
  });
}
if (disagreements > 0) {
  console.log(`${disagreements} network(s) where the engine and C disagree`);
  process.exit(1);
}
