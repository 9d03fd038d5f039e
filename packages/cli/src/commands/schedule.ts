/**
 * `jiaofu schedule --input FILE.json [--output OUT.json] [--repeat K]`: the critical path of a network in the
 * interchange format, exactly as shared/scheduling/README.md specifies the command:
 *
 * - stdout, one line: `N=… M=… finish=… critical=… checksum=… compute_ms=… first_ms=…`, where compute_ms is the
 *   median of K timed runs and first_ms the first one. Reading and parsing the file are not timed; every timed run
 *   recomputes everything from the parsed columns (CSR adjacency, both passes, the summary) into buffers allocated
 *   before the first run;
 * - `--output`: `{"finish","critical","checksum","computeMs","schedule":[{"id","es","ef","ls","lf","tf"},…]}`, one
 *   entry per task in id order;
 * - exit 0 on success, 1 on an unreadable file, invalid JSON or an invalid network (the message says what and
 *   where), 2 on a dependency cycle (the message names the tasks of one cycle).
 *
 * The engine's hot code is warmed up when the command starts, before the file is read, as an interactive client
 * would at load, so first_ms measures a first reschedule and not the JavaScript compiler.
 */
import fs from "node:fs";
import {
  type CriticalPathSchedule,
  type ScheduleInput,
  scheduleCriticalPath,
  scheduleInputFromJson,
  scheduleNetworkCreate,
  scheduleWarmUp,
} from "@jiaofu/engine";

export type ScheduleCommandOptions = {
  /** Path of the network file (JSON interchange format). */
  input: string;
  /** Where to write the per-task schedule (JSON); nothing is written when omitted. */
  output?: string;
  /** How many timed runs (default 1); compute_ms is their median. */
  repeat?: number;
};

/** Where the command writes: each call receives whole lines, each ending in "\n" (wire to process.stdout.write). */
export type ScheduleCommandIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

/** Exit statuses of `jiaofu schedule`. */
export const SCHEDULE_EXIT = { ok: 0, invalidInput: 1, cycle: 2 } as const;

/**
 * Runs `jiaofu schedule` and resolves to its exit status.
 *
 * @example
 * await runScheduleCommand({ input: "example.json", repeat: 5 }, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
 * // stdout: N=7 M=7 finish=10 critical=5 checksum=49 compute_ms=0.004 first_ms=0.006
 * // resolves to 0
 */
export async function runScheduleCommand(opts: ScheduleCommandOptions, io: ScheduleCommandIo): Promise<number> {
  scheduleWarmUp();
  const fail = (status: number, message: string): number => {
    io.stderr(`error: ${message}\n`);
    return status;
  };

  const repeat = opts.repeat ?? 1;
  if (!Number.isInteger(repeat) || repeat < 1) return fail(SCHEDULE_EXIT.invalidInput, `--repeat must be a whole number ≥ 1, got ${String(repeat)}`);

  const input = await readNetworkFile(opts.input);
  if (typeof input === "string") return fail(SCHEDULE_EXIT.invalidInput, input);

  const network = scheduleNetworkCreate(input.durations.length, input.linkFrom.length);
  const times: number[] = [];
  let schedule: CriticalPathSchedule | undefined;
  for (let run = 0; run < repeat; run++) {
    const started = performance.now();
    const outcome = scheduleCriticalPath(input, network);
    const elapsed = performance.now() - started;
    if (!outcome.ok) {
      const error = outcome.error;
      return fail(error.kind === "cycle" ? SCHEDULE_EXIT.cycle : SCHEDULE_EXIT.invalidInput, `${opts.input}: ${error.message}`);
    }
    times.push(elapsed);
    schedule = outcome.value;
  }
  if (schedule === undefined) return fail(SCHEDULE_EXIT.invalidInput, "no run was made");

  const computeMs = median(times);
  const firstMs = times[0] ?? 0;
  io.stdout(
    `N=${schedule.taskCount} M=${schedule.linkCount} finish=${schedule.finish} critical=${schedule.criticalCount} ` +
      `checksum=${schedule.checksum} compute_ms=${computeMs.toFixed(3)} first_ms=${firstMs.toFixed(3)}\n`,
  );

  if (opts.output !== undefined) {
    try {
      await writeScheduleFile(opts.output, schedule, Number(computeMs.toFixed(3)));
    } catch (error) {
      return fail(SCHEDULE_EXIT.invalidInput, `cannot write ${opts.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return SCHEDULE_EXIT.ok;
}

/**
 * Reads, parses and decodes the network file, or says why it cannot. Only the columns outlive this function: the
 * text and the parsed objects (hundreds of MB for a million tasks) can be collected before the timed runs.
 */
async function readNetworkFile(file: string): Promise<ScheduleInput | string> {
  let document: unknown;
  try {
    document = JSON.parse(await fs.promises.readFile(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return error instanceof SyntaxError ? `${file} is not valid JSON: ${reason}` : `cannot read ${file}: ${reason}`;
  }
  const decoded = scheduleInputFromJson(document);
  return decoded.ok ? decoded.value : `${file}: ${decoded.error.message}`;
}

/** The median of a non-empty list (the mean of the two middle values for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Writes the --output document, one task per line, in chunks so that a million tasks never form one huge string. */
async function writeScheduleFile(file: string, schedule: CriticalPathSchedule, computeMs: number): Promise<void> {
  const handle = await fs.promises.open(file, "w");
  try {
    const { durations, earlyStart, lateStart, taskCount } = schedule;
    let chunk = `{"finish":${schedule.finish},"critical":${schedule.criticalCount},"checksum":${schedule.checksum},"computeMs":${computeMs},"schedule":[`;
    for (let id = 0; id < taskCount; id++) {
      const d = durations[id] ?? 0;
      const es = earlyStart[id] ?? 0;
      const ls = lateStart[id] ?? 0;
      chunk += `${id === 0 ? "" : ","}\n{"id":${id},"es":${es},"ef":${es + d},"ls":${ls},"lf":${ls + d},"tf":${ls - es}}`;
      if (chunk.length >= 1 << 20) {
        await handle.write(chunk);
        chunk = "";
      }
    }
    await handle.write(`${chunk}\n]}\n`);
  } finally {
    await handle.close();
  }
}
