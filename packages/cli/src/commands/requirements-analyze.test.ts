/**
 * `jiaofu requirements-analyze`: the output contract on a mixed zh/en register, and one-line errors saying what and
 * where for every kind of invalid input.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runRequirementsAnalyzeCommand } from "./requirements-analyze";

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiaofu-requirements-analyze-"));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

let fileCount = 0;
function writeInput(content: unknown): string {
  const file = path.join(tempDir, `input-${++fileCount}.json`);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

async function run(input: string, output?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runRequirementsAnalyzeCommand(output === undefined ? { input } : { input, output }, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

type Output = { proposals: { a: string; b: string; kind: string; score: number; reason: string }[] };

const REGISTER = {
  requirements: [
    { id: "R1", text: "系统需支持500个并发用户。" },
    { id: "R2", text: "Administrators can export the chat history." },
    { id: "R3", text: "The system must support 5,000 concurrent users." },
    { id: "R4", text: "Users must log in through the client's SSO." },
    { id: "R5", text: "Chat history must be exportable by administrators." },
    { id: "R6", text: "仅支持本地账号登录。" },
    { id: "R7", text: "Invoices are generated automatically at month end." },
  ],
};

describe("jiaofu requirements-analyze", () => {
  it("prints proposals, highest score first, with ids as given, kind, score and reason", async () => {
    const { code, stdout, stderr } = await run(writeInput(REGISTER));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Output;
    const byPair = new Map(out.proposals.map((p) => [`${p.a}-${p.b}`, p]));
    expect(byPair.get("R1-R3")).toMatchObject({ kind: "conflict", reason: expect.stringContaining("500 vs 5000") });
    expect(byPair.get("R2-R5")).toMatchObject({ kind: "duplicate" });
    expect(byPair.get("R4-R6")).toMatchObject({ kind: "conflict" });
    expect([...byPair.keys()].some((k) => k.includes("R7"))).toBe(false);
    for (const p of out.proposals) {
      expect(Object.keys(p)).toEqual(["a", "b", "kind", "score", "reason"]);
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
    const scores = out.proposals.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("prints an empty list when nothing is proposed, also for an empty register", async () => {
    expect(JSON.parse((await run(writeInput({ requirements: [] }))).stdout)).toEqual({ proposals: [] });
    expect(JSON.parse((await run(writeInput({ requirements: [{ id: "A", text: "Customers can pay by card." }] }))).stdout)).toEqual({ proposals: [] });
  });

  it("writes --output and prints a summary", async () => {
    const output = path.join(tempDir, "proposals.json");
    const { code, stdout } = await run(writeInput(REGISTER), output);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^7 requirements, \d+ proposals \(\d+ conflicts, \d+ duplicates\) written to /);
    expect((JSON.parse(fs.readFileSync(output, "utf8")) as Output).proposals.length).toBeGreaterThan(0);
  });

  it.each([
    ["not JSON", "{requirements: [", /^error: .*input-\d+\.json is not valid JSON: /],
    ["no requirements array", { items: [] }, /^error: .*: expected an object with a "requirements" array/],
    ["requirements not an array", { requirements: { R1: "x" } }, /^error: .*: "requirements" must be an array, got object/],
    ["an item that is not an object", { requirements: ["text"] }, /^error: .*: requirements\[0\] must be an object \{"id","text"\}, got the string "text"/],
    ["an item without an id", { requirements: [{ id: "R1", text: "a" }, { text: "b" }] }, /^error: .*: requirements\[1\]\.id must be a non-empty string, got nothing/],
    ["a numeric id", { requirements: [{ id: 7, text: "a" }] }, /^error: .*: requirements\[0\]\.id must be a non-empty string, got number 7/],
    ["a text that is not a string", { requirements: [{ id: "R1", text: null }] }, /^error: .*: requirements\[0\]\.text must be a string, got null \(id "R1"\)/],
    ["a duplicate id", { requirements: [{ id: "R1", text: "a" }, { id: "R2", text: "b" }, { id: "R1", text: "c" }] }, /^error: .*: requirements\[2\]\.id "R1" duplicates requirements\[0\]\.id/],
  ])("exits 1 with one line for %s", async (_name, content, message) => {
    const { code, stdout, stderr } = await run(writeInput(content));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("exits 1 when the file cannot be read", async () => {
    const { code, stderr } = await run(path.join(tempDir, "missing.json"));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: cannot read .*missing\.json: ENOENT/);
  });
});
