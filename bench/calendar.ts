/**
 * Working-calendar arithmetic (packages/engine/src/scheduling/calendar) on the default week with mainland China's
 * holidays and make-up days: 1,000,000 calls of each hot function on seeded random inputs, against a day-by-day
 * loop for scale; then dating a generated 100,000-task schedule (per task: early/late start and finish dates). Numbers only: a benchmark never fails on time.
 *
 *   node --import tsx bench/calendar.ts [--calls N] [--tasks N]   (also part of `npm run bench`)
 *
 * Each row is the median of 5 timed rounds after one warm-up round; ns/call = round ms × 10^6 / calls.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  type CalendarDay,
  type CalendarInstant,
  calendarAddWorkingDays,
  calendarAddWorkingTime,
  calendarCompile,
  calendarDayAxisCreate,
  calendarDayAxisScheduleDates,
  calendarDayFromIso,
  calendarIsWorkingDay,
  calendarWorkingDaysBetween,
  calendarWorkingTimeBetween,
  scheduleCriticalPath,
  type ScheduleInput,
  scheduleInputFromJson,
  type WorkingCalendar,
  type WorkMinutes,
} from "@jiaofu/engine";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const calls = option("--calls", 1_000_000);
const taskCount = option("--tasks", 100_000);

/** mulberry32: the same seed gives the same inputs on every run. */
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

function compile(): WorkingCalendar {
  const outcome = calendarCompile({ holidaySets: ["cn"] });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

/** Median ms of 5 rounds after a warm-up; `sink` keeps results alive so that nothing is optimised away. */
let sink = 0;
function measure(round: () => number): number {
  sink += round();
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    sink += round();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[2] as number;
}

const rand = prng(42);
const first = calendarDayFromIso("2024-01-01");
const last = calendarDayFromIso("2026-12-31");
const startDays = Int32Array.from({ length: calls }, () => first + Math.floor(rand() * (last - first + 1)));
const shortSteps = Int32Array.from({ length: calls }, () => (1 + Math.floor(rand() * 20)) * (rand() < 0.2 ? -1 : 1));
const longSteps = Int32Array.from({ length: calls }, () => 1 + Math.floor(rand() * 2000));
const startInstants = Float64Array.from(startDays, (day) => day * 1440 + Math.floor(rand() * 1440));
const minuteSteps = Int32Array.from({ length: calls }, () => Math.floor(rand() * 10 * 480) - 2 * 480);

const compileStart = performance.now();
const calendar = compile();
const compileMs = performance.now() - compileStart;
const firstUseStart = performance.now();
calendarAddWorkingDays(calendar, first, 1);
const firstBlockMs = performance.now() - firstUseStart;

/** The obvious loop: step one day at a time, asking the calendar whether each is worked. */
function naiveAddWorkingDays(c: WorkingCalendar, day: CalendarDay, n: number): CalendarDay {
  let d = day as number;
  let left = Math.abs(n);
  const step = n > 0 ? 1 : -1;
  while (left > 0) {
    d += step;
    if (calendarIsWorkingDay(c, d as CalendarDay)) left--;
  }
  return d as CalendarDay;
}

const rows: [string, number, number][] = [];
function row(name: string, n: number, round: () => number) {
  const ms = measure(round);
  rows.push([name, n, ms]);
}

row("calendarAddWorkingDays, n in ±1..20", calls, () => {
  let acc = 0;
  for (let i = 0; i < calls; i++) acc += calendarAddWorkingDays(calendar, startDays[i] as CalendarDay, shortSteps[i] as number);
  return acc;
});
row("calendarAddWorkingDays, n in 1..2000 (up to 8 years)", calls, () => {
  let acc = 0;
  for (let i = 0; i < calls; i++) acc += calendarAddWorkingDays(calendar, startDays[i] as CalendarDay, longSteps[i] as number);
  return acc;
});
const naiveCalls = Math.max(1, Math.floor(calls / 10));
row("day-by-day loop (for scale), n in ±1..20", naiveCalls, () => {
  let acc = 0;
  for (let i = 0; i < naiveCalls; i++) acc += naiveAddWorkingDays(calendar, startDays[i] as CalendarDay, shortSteps[i] as number);
  return acc;
});
row("day-by-day loop (for scale), n in 1..2000", Math.max(1, Math.floor(naiveCalls / 100)), () => {
  let acc = 0;
  for (let i = 0; i < naiveCalls / 100; i++) acc += naiveAddWorkingDays(calendar, startDays[i] as CalendarDay, longSteps[i] as number);
  return acc;
});
row("calendarWorkingDaysBetween, spans up to 8 years", calls, () => {
  let acc = 0;
  for (let i = 0; i < calls; i++) acc += calendarWorkingDaysBetween(calendar, startDays[i] as CalendarDay, ((startDays[i] as number) + (longSteps[i] as number)) as CalendarDay);
  return acc;
});
row("calendarAddWorkingTime, −2..+8 days of minutes", calls, () => {
  let acc = 0;
  for (let i = 0; i < calls; i++) acc += calendarAddWorkingTime(calendar, startInstants[i] as CalendarInstant, minuteSteps[i] as WorkMinutes);
  return acc;
});
row("calendarWorkingTimeBetween, spans up to 8 years", calls, () => {
  let acc = 0;
  for (let i = 0; i < calls; i++) {
    const from = startInstants[i] as number;
    acc += calendarWorkingTimeBetween(calendar, from as CalendarInstant, (from + (longSteps[i] as number) * 1440) as CalendarInstant);
  }
  return acc;
});

// A schedule to date: the reference generator's network (shared/scheduling/gen.mjs, seed 1) when shared/ sits beside
// the repository, else a synthetic one (each task after 1–3 of the 200 tasks before it, durations 1–20 days).
function scheduleToDate(): ScheduleInput {
  const generator = path.resolve(import.meta.dirname, "../../shared/scheduling/gen.mjs");
  if (fs.existsSync(generator)) {
    const json = execFileSync(process.execPath, [generator, String(taskCount), "1", "--json"], { encoding: "utf8", maxBuffer: 1 << 30 });
    const decoded = scheduleInputFromJson(JSON.parse(json));
    if (!decoded.ok) throw new Error(decoded.error.message);
    return decoded.value;
  }
  const gen = prng(7);
  const from: number[] = [];
  const to: number[] = [];
  for (let id = 1; id < taskCount; id++) {
    for (let k = 0, links = 1 + Math.floor(gen() * 3); k < links; k++) {
      from.push(Math.max(0, id - 1 - Math.floor(gen() * 200)));
      to.push(id);
    }
  }
  const durations = Int32Array.from({ length: taskCount }, () => 1 + Math.floor(gen() * 20));
  return { durations, linkFrom: Int32Array.from(from), linkTo: Int32Array.from(to), linkTypes: new Uint8Array(from.length), linkLags: new Int32Array(from.length) };
}
const outcome = scheduleCriticalPath(scheduleToDate());
if (!outcome.ok) throw new Error(outcome.error.message);
const schedule = outcome.value;
const axis = calendarDayAxisCreate(calendar, calendarDayFromIso("2025-01-06"));
row(`calendarDayAxisScheduleDates, ${taskCount.toLocaleString("en")} tasks, T = ${schedule.finish} working days`, taskCount, () => {
  const dates = calendarDayAxisScheduleDates(axis, schedule);
  return dates.earlyFinish[taskCount - 1] as number;
});

console.log(
  `working calendars (default week + "cn") — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), Node ${process.version}, median of 5 rounds\n`,
);
console.log(`compile: ${compileMs.toFixed(2)} ms; first block (512 days) on first use: ${firstBlockMs.toFixed(2)} ms\n`);
console.log("| operation | calls per round | round ms | ns / call |");
console.log("|---|---:|---:|---:|");
for (const [name, n, ms] of rows) console.log(`| ${name} | ${n.toLocaleString("en")} | ${ms.toFixed(1)} | ${((ms * 1e6) / n).toFixed(0)} |`);
if (sink === 0.5) console.log(""); // keeps `sink` observable
