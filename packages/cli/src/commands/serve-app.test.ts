import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, makeTempDir, removeTempDirs, runCli, startServe, stopProcess, type ServeProcess } from "../testing/cli-process";

describe("jiaofu serve and the data-directory lock", () => {
  let dataDir = "";
  let first: ServeProcess | undefined;

  beforeAll(async () => {
    dataDir = makeTempDir();
    first = await startServe(cliEnv(dataDir, { JIAOFU_DEMO: "1" }));
  });

  afterAll(async () => {
    await stopProcess(first, "SIGKILL");
    removeTempDirs();
  });

  it("prints the URL and the demo logins", () => {
    const { stdout } = first?.output() ?? { stdout: "" };
    expect(stdout).toMatch(/Jiaofu is running at http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toContain("pm@demo.test");
    expect(stdout).toContain("demo1234");
  });

  it.each([["serve"], ["migrate"], ["backup"]])("a second `%s` on the same directory exits 1 naming the dir and the first pid", async (command) => {
    const args = command === "backup" ? ["backup", `${makeTempDir()}/b.tar.gz`] : [command];
    const second = await runCli(args, cliEnv(dataDir, { PORT: "0", HOST: "127.0.0.1" }));
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(fs.realpathSync(dataDir));
    expect(second.stderr).toContain(`pid ${first?.pid}`);
    expect(second.stderr).toContain('running "serve"');
    expect(second.stderr).not.toMatch(/\n\s+at /);
  });

  it("the first server still answers", async () => {
    const response = await fetch(`${first?.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("stops cleanly on SIGTERM, and the directory can be opened again", async () => {
    first?.child.kill("SIGTERM");
    expect(await first?.exited).toBe(0);
    expect(first?.output().stdout).toContain("Stopping…");
    const migrate = await runCli(["migrate"], cliEnv(dataDir));
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/up to date/);
  });
});
