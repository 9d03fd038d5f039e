/**
 * `jiaofu backup` then `jiaofu restore` into an empty data directory, through the real binary: every table's rows
 * and every attachment's bytes come back identical.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@jiaofu/server";
import { cliEnv, makeTempDir, removeTempDirs, runCli } from "../testing/cli-process";

/** Every table's rows as JSON text, sorted: equal snapshots mean equal data. */
async function snapshotDatabase(dataDir: string): Promise<Record<string, string[]>> {
  const database = await openDatabase({ kind: "pglite", dataDir });
  try {
    const tables = (await database.db.execute(
      sql`select table_name::text as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )) as unknown as { rows: { name: string }[] };
    const snapshot: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = (await database.db.execute(sql.raw(`select row_to_json(t)::text as j from "${name}" t order by 1`))) as unknown as {
        rows: { j: string }[];
      };
      snapshot[name] = rows.rows.map((row) => row.j);
    }
    return snapshot;
  } finally {
    await database.close();
  }
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const absolute = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, absolute)] = fs.readFileSync(absolute).toString("base64");
    }
  }
  return files;
}

describe("jiaofu backup and restore", () => {
  let sourceDir = "";
  let backupFile = "";

  beforeAll(async () => {
    sourceDir = makeTempDir();
    const env = cliEnv(sourceDir);
    expect((await runCli(["seed-demo", "--locale", "zh-CN"], env)).code).toBe(0);
    expect((await runCli(["create-admin", "--email", "owner@example.com", "--name", "Owner", "--password", "s3cret-pass"], env)).code).toBe(0);
    const attachments = path.join(sourceDir, "attachments");
    fs.mkdirSync(path.join(attachments, "ws", "2025"), { recursive: true });
    fs.writeFileSync(path.join(attachments, "ws", "2025", "需求规格.pdf"), randomBytes(200_000));
    fs.writeFileSync(path.join(attachments, "ws", "empty.txt"), "");
    fs.writeFileSync(path.join(attachments, "readme.md"), "# 附件\n");
    backupFile = path.join(makeTempDir(), "jiaofu backup.tar.gz");
  });
  afterAll(removeTempDirs);

  it("writes one file and reports what it holds", async () => {
    const result = await runCli(["backup", backupFile], cliEnv(sourceDir));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 attachments/);
    // Not a terminal: plain progress lines on stderr.
    expect(result.stderr).toMatch(/^Dumping database: .*rows$/m);
    expect(result.stderr).toMatch(/^Writing archive: done$/m);
    expect(fs.existsSync(backupFile)).toBe(true);
    expect(fs.readdirSync(path.dirname(backupFile))).toEqual([path.basename(backupFile)]);
  });

  it("refuses to overwrite the file without --force", async () => {
    const result = await runCli(["backup", backupFile], cliEnv(sourceDir));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already exists/);
  });

  it("restores into an empty data directory with identical rows and attachment bytes", async () => {
    const targetDir = path.join(makeTempDir(), "restored");
    const result = await runCli(["restore", backupFile], cliEnv(targetDir));
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Restored the backup of .* \(Jiaofu [\d.]+, pglite\)/);

    const [before, after] = [await snapshotDatabase(sourceDir), await snapshotDatabase(targetDir)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(before.users).toHaveLength(7);
    expect(readTree(path.join(targetDir, "attachments"))).toEqual(readTree(path.join(sourceDir, "attachments")));
    // No work files left behind.
    expect(fs.readdirSync(targetDir).sort()).toEqual(["attachments", "pgdata"]);
  });

  it("refuses a data directory that has data, and replaces it with --force", async () => {
    const refused = await runCli(["restore", backupFile], cliEnv(sourceDir));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Refusing to restore over existing data/);
    expect(refused.stderr).toMatch(/--force/);

    const forced = await runCli(["restore", "--force", backupFile], cliEnv(sourceDir));
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/replaced/);
  });
});
