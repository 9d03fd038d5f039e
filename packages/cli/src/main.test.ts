import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, makeTempDir, removeTempDirs, runCli } from "./testing/cli-process";

/** One line on stderr, no stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("jiaofu arguments", () => {
  let dataDir = "";
  beforeAll(() => {
    dataDir = path.join(makeTempDir(), "data");
  });
  afterAll(removeTempDirs);

  it("lists every command in --help", async () => {
    const result = await runCli(["--help"], cliEnv(dataDir));
    expect(result.code).toBe(0);
    for (const command of ["serve", "migrate", "seed-demo", "create-admin", "backup", "restore"]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
  });

  it("rejects an unknown command with exit code 1", async () => {
    const result = await runCli(["frobnicate"], cliEnv(dataDir));
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /unknown command 'frobnicate'/);
  });

  it.each([["backup"], ["restore"]])("%s without FILE exits 1", async (command) => {
    const result = await runCli([command], cliEnv(dataDir));
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /missing required argument 'file'/);
  });

  it("restore of a file that does not exist exits 1 and creates nothing", async () => {
    const result = await runCli(["restore", path.join(dataDir, "nope.tar.gz")], cliEnv(dataDir));
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /Cannot read .*nope\.tar\.gz: no such file/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("restore of a file that is not a backup exits 1", async () => {
    const file = path.join(makeTempDir(), "garbage.tar.gz");
    fs.writeFileSync(file, "this is not a backup\n");
    const result = await runCli(["restore", file], cliEnv(makeTempDir()));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not a readable Jiaofu backup/);
  });

  it("backup of a data directory without a database exits 1", async () => {
    const result = await runCli(["backup", path.join(makeTempDir(), "b.tar.gz")], cliEnv(dataDir));
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /There is no database in .*: nothing to back up/);
  });

  it("create-admin without --password on a non-terminal stdin exits 1", async () => {
    const result = await runCli(["create-admin", "--email", "a@example.com", "--name", "A"], cliEnv(dataDir));
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /No --password given and standard input is not a terminal/);
  });

  it("create-admin without --email exits 1", async () => {
    const result = await runCli(["create-admin", "--name", "A", "--password", "long enough"], cliEnv(dataDir));
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /required option '--email <email>' not specified/);
  });

  it("a bad configuration value exits 1 naming the variable", async () => {
    const result = await runCli(["migrate"], cliEnv(dataDir, { PORT: "not-a-port" }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PORT="not-a-port"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
