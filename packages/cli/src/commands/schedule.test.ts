/**
 * `jiaofu schedule` against shared/scheduling: every reference case, the README's expected summaries of generated
 * networks (shuffled or not), and the per-task semantics against a deliberately naive implementation written here
 * from the README's tables, on seeds the README does not list.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runScheduleCommand, type ScheduleCommandOptions } from "./schedule";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const shared = path.resolve(repoRoot, "../shared/scheduling");
const casesDir = path.join(shared, "cases");
const generator = path.join(shared, "gen.mjs");
const haveShared = fs.existsSync(casesDir) && fs.existsSync(generator);
const skipReason = `skipped: ${shared} is missing (CI copies shared/ beside the repository as ../shared)`;

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiaofu-schedule-"));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

type Run = { code: number; stdout: string; stderr: string };

async function run(opts: ScheduleCommandOptions): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runScheduleCommand(opts, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** The first five fields of the summary line: what two engines must agree on. */
function summaryOf(stdout: string): string {
  return stdout.trim().split(" ").slice(0, 5).join(" ");
}

type OutputFile = {
  finish: number;
  critical: number;
  checksum: number;
  computeMs: number;
  schedule: { id: number; es: number; ef: number; ls: number; lf: number; tf: number }[];
};

function readOutput(file: string): OutputFile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as OutputFile;
}

/** Writes `gen.mjs N SEED --json [--shuffle]` to a temporary file and returns its path. */
function generate(n: number, seed: number, shuffle: boolean): string {
  const file = path.join(tempDir, `gen-${n}-${seed}${shuffle ? "-shuffled" : ""}.json`);
  if (!fs.existsSync(file)) {
    const args = [generator, String(n), String(seed), "--json", ...(shuffle ? ["--shuffle"] : [])];
    fs.writeFileSync(file, execFileSync(process.execPath, args, { maxBuffer: 1 << 30 }));
  }
  return file;
}

type Doc = { tasks: { id: number; duration: number }[]; links: { from: number; to: number; type: string; lag: number }[] };

/**
 * The README's semantics, computed the obvious way: relax every link's bound (its tables, verbatim) until nothing
 * changes, forwards for ES and backwards for LF. Quadratic at worst, and correct by inspection.
 */
function referenceSchedule(doc: Doc) {
  const n = doc.tasks.length;
  const d = new Array<number>(n).fill(0);
  for (const t of doc.tasks) d[t.id] = t.duration;
  const es = new Array<number>(n).fill(0);
  for (let changed = true, rounds = 0; changed; rounds++) {
    if (rounds > n + 1) throw new Error("reference: no fixpoint (cycle?)");
    changed = false;
    for (const { from: p, to: s, type, lag } of doc.links) {
      const efP = es[p]! + d[p]!;
      const bound = type === "FS" ? efP + lag : type === "SS" ? es[p]! + lag : type === "FF" ? efP + lag - d[s]! : es[p]! + lag - d[s]!;
      if (bound > es[s]!) {
        es[s] = bound;
        changed = true;
      }
    }
  }
  const finish = es.reduce((t, start, i) => Math.max(t, start + d[i]!), 0);
  const lf = new Array<number>(n).fill(finish);
  for (let changed = true, rounds = 0; changed; rounds++) {
    if (rounds > n + 1) throw new Error("reference: no fixpoint (cycle?)");
    changed = false;
    for (const { from: p, to: s, type, lag } of doc.links) {
      const lsS = lf[s]! - d[s]!;
      const bound = type === "FS" ? lsS - lag : type === "SS" ? lsS - lag + d[p]! : type === "FF" ? lf[s]! - lag : lf[s]! - lag + d[p]!;
      if (bound < lf[p]!) {
        lf[p] = bound;
        changed = true;
      }
    }
  }
  const schedule = es.map((start, id) => {
    const ls = lf[id]! - d[id]!;
    return { id, es: start, ef: start + d[id]!, ls, lf: lf[id]!, tf: ls - start };
  });
  let checksum = 0;
  for (const t of schedule) checksum = (checksum + t.es + t.ls) % 2 ** 32;
  return { finish, critical: schedule.filter((t) => t.tf === 0).length, checksum, schedule };
}

describe("jiaofu schedule: reference cases", () => {
  if (!haveShared) {
    it.skip(skipReason, () => {});
    return;
  }
  const names = fs
    .readdirSync(casesDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort();

  for (const name of names) {
    it(name, async () => {
      const expected = fs.readFileSync(path.join(casesDir, `${name}.expected`), "utf8").trim().split("\n");
      const output = path.join(tempDir, `${name}.out.json`);
      const result = await run({ input: path.join(casesDir, `${name}.json`), output, repeat: 3 });
      if (expected[0]?.startsWith("exit=")) {
        expect(`exit=${result.code}`).toBe(expected[0]);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(new RegExp(`^error: .*${name}\\.json: .+\\n$`));
        if (name === "cycle") expect(result.stderr).toContain("dependency cycle: 1 -> 2 -> 3 -> 1");
        return;
      }
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/^N=\d+ M=\d+ finish=\d+ critical=\d+ checksum=\d+ compute_ms=\d+\.\d{3} first_ms=\d+\.\d{3}\n$/);
      expect(summaryOf(result.stdout)).toBe(expected[0]);
      const written = readOutput(output);
      expect(written.schedule.map((t) => `${t.id} ${t.es} ${t.ef} ${t.ls} ${t.lf} ${t.tf}`)).toEqual(expected.slice(1));
      expect(`finish=${written.finish} critical=${written.critical} checksum=${written.checksum}`).toBe(expected[0]?.split(" ").slice(2).join(" "));
      expect(written.computeMs).toBeGreaterThanOrEqual(0);
    });
  }
});

describe("jiaofu schedule: generated networks (README table)", () => {
  if (!haveShared) {
    it.skip(skipReason, () => {});
    return;
  }
  const table: [number, number, string][] = [
    [1000, 1, "N=1000 M=2282 finish=789 critical=113 checksum=849873"],
    [1000, 2, "N=1000 M=2318 finish=756 critical=99 checksum=720837"],
    [10000, 1, "N=10000 M=23422 finish=1386 critical=179 checksum=13489463"],
  ];
  for (const [n, seed, summary] of table) {
    for (const shuffle of [false, true]) {
      it(`gen.mjs ${n} ${seed}${shuffle ? " --shuffle" : ""}: ${summary}`, async () => {
        const result = await run({ input: generate(n, seed, shuffle), repeat: 3 });
        expect(result.code).toBe(0);
        expect(summaryOf(result.stdout)).toBe(summary);
      });
    }
  }
});

describe("jiaofu schedule: semantics against a naive reference on other seeds", () => {
  if (!haveShared) {
    it.skip(skipReason, () => {});
    return;
  }
  for (const seed of [3, 4, 5, 6]) {
    for (const shuffle of [false, true]) {
      it(`gen.mjs 2000 ${seed}${shuffle ? " --shuffle" : ""}: every task's ES, EF, LS, LF, TF and the summary`, async () => {
        const input = generate(2000, seed, shuffle);
        const output = path.join(tempDir, `out-2000-${seed}-${shuffle}.json`);
        const result = await run({ input, output });
        expect(result.code).toBe(0);
        const reference = referenceSchedule(JSON.parse(fs.readFileSync(input, "utf8")) as Doc);
        const written = readOutput(output);
        expect({ finish: written.finish, critical: written.critical, checksum: written.checksum }).toEqual({
          finish: reference.finish,
          critical: reference.critical,
          checksum: reference.checksum,
        });
        expect(written.schedule).toEqual(reference.schedule);
        expect(summaryOf(result.stdout)).toBe(
          `N=2000 M=${(JSON.parse(fs.readFileSync(input, "utf8")) as Doc).links.length} finish=${reference.finish} critical=${reference.critical} checksum=${reference.checksum}`,
        );
      });
    }
  }
});

describe("jiaofu schedule: refusals and options", () => {
  const write = (name: string, text: string) => {
    const file = path.join(tempDir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it("exits 1 naming the file when it cannot be read", async () => {
    const missing = path.join(tempDir, "missing.json");
    const result = await run({ input: missing });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: cannot read ${missing}: ENOENT: no such file or directory, open '${missing}'\n`);
  });

  it("exits 1 when the file is not JSON", async () => {
    const file = write("broken.json", '{"tasks":[');
    const result = await run({ input: file });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^error: ${file} is not valid JSON: .+\\n$`));
  });

  it("exits 1 with what and where for an invalid network", async () => {
    const file = write("fractional.json", '{"tasks":[{"id":0,"duration":1},{"id":1,"duration":2.5}],"links":[]}');
    const result = await run({ input: file });
    expect(result).toEqual({ code: 1, stdout: "", stderr: `error: ${file}: tasks[1] (id 1): duration 2.5 is not a whole number of days\n` });
  });

  it("exits 1 for a --repeat that is not a whole number ≥ 1", async () => {
    const result = await run({ input: write("one.json", '{"tasks":[{"id":0,"duration":1}],"links":[]}'), repeat: 0 });
    expect(result).toEqual({ code: 1, stdout: "", stderr: "error: --repeat must be a whole number ≥ 1, got 0\n" });
  });

  it("exits 1 when the output cannot be written, after printing the summary", async () => {
    const input = write("two.json", '{"tasks":[{"id":0,"duration":1},{"id":1,"duration":1}],"links":[{"from":0,"to":1,"type":"FS","lag":0}]}');
    const result = await run({ input, output: path.join(tempDir, "no-such-dir", "out.json") });
    expect(result.code).toBe(1);
    expect(summaryOf(result.stdout)).toBe("N=2 M=1 finish=2 critical=2 checksum=2");
    expect(result.stderr).toMatch(/^error: cannot write .*no-such-dir.*\n$/);
  });

  it("reports the median of K runs as compute_ms and the first as first_ms", async () => {
    const input = write("three.json", '{"tasks":[{"id":0,"duration":1},{"id":1,"duration":1},{"id":2,"duration":0}],"links":[]}');
    const result = await run({ input, repeat: 4 });
    const fields = Object.fromEntries(result.stdout.trim().split(" ").map((f) => f.split("=") as [string, string]));
    expect(Number(fields.compute_ms)).toBeGreaterThanOrEqual(0);
    expect(Number(fields.first_ms)).toBeGreaterThanOrEqual(0);
    expect(summaryOf(result.stdout)).toBe("N=3 M=0 finish=1 critical=2 checksum=1");
  });
});
