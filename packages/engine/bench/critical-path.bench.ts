/**
 * One engine measurement in a fresh process, so that first_ms is a real first run after load:
 *
 *   node --import tsx bench/critical-path.bench.ts FILE.json [REPEAT]
 *
 * Prints one JSON line: sizes, the summary, warm-up / parse / first / median times in ms. Parse (read + JSON.parse +
 * decode into columns) is not part of compute, as in `jiaofu schedule`; every timed run rebuilds the CSR adjacency
 * and recomputes both passes into buffers allocated before the first run. run.ts drives it.
 */
import fs from "node:fs";
import { scheduleCriticalPath, scheduleInputFromJson, scheduleNetworkCreate, scheduleWarmUp } from "../src/index";

const [file, repeatArg] = process.argv.slice(2);
if (file === undefined) throw new Error("usage: critical-path.bench.ts FILE.json [REPEAT]");
const repeat = Number(repeatArg ?? 5);

const warmUpStarted = performance.now();
scheduleWarmUp();
const warmUpMs = performance.now() - warmUpStarted;

const parseStarted = performance.now();
const decoded = scheduleInputFromJson(JSON.parse(fs.readFileSync(file, "utf8")));
const parseMs = performance.now() - parseStarted;
if (!decoded.ok) throw new Error(decoded.error.message);
const input = decoded.value;

const network = scheduleNetworkCreate(input.durations.length, input.linkFrom.length);
const times: number[] = [];
let summary = "";
for (let run = 0; run < repeat; run++) {
  const started = performance.now();
  const outcome = scheduleCriticalPath(input, network);
  times.push(performance.now() - started);
  if (!outcome.ok) throw new Error(outcome.error.message);
  const s = outcome.value;
  summary = `N=${s.taskCount} M=${s.linkCount} finish=${s.finish} critical=${s.criticalCount} checksum=${s.checksum}`;
}
const sorted = [...times].sort((a, b) => a - b);
const middle = sorted.length >> 1;
const medianMs = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
console.log(JSON.stringify({ summary, n: input.durations.length, m: input.linkFrom.length, warmUpMs, parseMs, firstMs: times[0]!, medianMs }));
