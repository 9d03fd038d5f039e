/**
 * Test helpers: run the real `jiaofu` binary (bin/jiaofu.mjs, as a user would) in a child process against a temp
 * data directory.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CLI_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/jiaofu.mjs");
const REPO_ROOT = path.resolve(path.dirname(CLI_BIN), "../../..");

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** A fresh empty directory under the OS temp dir; `removeTempDirs` deletes them all. */
const tempDirs: string[] = [];
export function makeTempDir(prefix = "jiaofu-cli-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Environment for a child: this process's, minus anything that would point it at another database. */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JIAOFU_DATA_DIR: dataDir, LOG_LEVEL: "warn", JIAOFU_DEMO: "0", ...extra };
  if (!("DATABASE_URL" in extra)) delete env.DATABASE_URL;
  return env;
}

/** Runs `jiaofu ...args` to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, stdin = ""): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: REPO_ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

export type ServeProcess = {
  child: ChildProcess;
  url: string;
  pid: number;
  output: () => { stdout: string; stderr: string };
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
};

/** Starts `jiaofu serve` and resolves once it prints "Jiaofu is running at <url>". */
export function startServe(env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI_BIN, "serve"], { cwd: REPO_ROOT, env: { HOST: "127.0.0.1", PORT: "0", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ? null : code)));
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const match = /Jiaofu is running at (\S+)/.exec(stdout);
      if (match?.[1] && child.pid !== undefined) {
        resolve({ child, url: match[1], pid: child.pid, output: () => ({ stdout, stderr }), exited });
      }
    });
    child.on("error", reject);
    void exited.then((code) => reject(new Error(`jiaofu serve exited (${code}) before it was ready:\n${stdout}\n${stderr}`)));
  });
}

/** Ends a child if it still runs and waits for it. */
export async function stopProcess(serve: ServeProcess | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!serve || serve.child.exitCode !== null || serve.child.signalCode !== null) return;
  serve.child.kill(signal);
  await serve.exited;
}
