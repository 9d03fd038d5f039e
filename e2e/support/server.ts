/**
 * Starts a real Jiaofu server (the `jiaofu serve` command, as a user would) on a free port with a fresh data
 * directory and the demo data, for end-to-end tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type E2eServer = {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Moves the server's clock `ms` ahead (only with `shiftableClock`): time passes for it without the test waiting. */
  advanceClock: (ms: number) => Promise<void>;
  stop: () => Promise<void>;
};

/** `shiftableClock`: preload server-clock.mjs, so `advanceClock` can move the server's time ahead. */
export async function startE2eServer(env: Record<string, string> = {}, options: { shiftableClock?: boolean } = {}): Promise<E2eServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiaofu-e2e-"));
  const clockFile = options.shiftableClock ? path.join(dataDir, "clock-offset-ms") : null;
  const clockEnv: Record<string, string> = clockFile
    ? {
        JIAOFU_E2E_CLOCK_FILE: clockFile,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(path.join(REPO_ROOT, "e2e/support/server-clock.mjs")).href}`.trim(),
      }
    : {};
  const child = spawn(process.execPath, [path.join(REPO_ROOT, "packages/cli/bin/jiaofu.mjs"), "serve"], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", JIAOFU_DATA_DIR: dataDir, JIAOFU_DEMO: "1", LOG_LEVEL: "warn", ...clockEnv, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /Jiaofu is running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  let clockOffset = 0;
  return {
    url,
    dataDir,
    process: child,
    advanceClock: async (ms: number) => {
      if (!clockFile) throw new Error("start the server with { shiftableClock: true } to move its clock");
      clockOffset += ms;
      fs.writeFileSync(clockFile, String(clockOffset));
      child.kill("SIGUSR2");
      const ack = `${clockFile}.ack`;
      const deadline = Date.now() + 10_000;
      while (!fs.existsSync(ack) || fs.readFileSync(ack, "utf8") !== String(clockOffset)) {
        if (Date.now() > deadline) throw new Error("the server did not move its clock");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
