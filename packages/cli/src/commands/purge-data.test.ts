/**
 * `jiaofu purge` through the real binary on an embedded database: a dry run changes nothing; a real run deletes
 * exactly the expired sessions, the used or expired password resets and the files of attachments removed long ago.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@jiaofu/server";
import { cliEnv, makeTempDir, removeTempDirs, runCli } from "../testing/cli-process";

type Snapshot = { sessions: string[]; resets: string[]; attachments: number; files: string[] };

let dataDir = "";
const files = { old: "2025/01/old-removed", recent: "2025/02/recently-removed", live: "2025/02/live" };

async function withDb<T>(work: (execute: (query: ReturnType<typeof sql>) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: "pglite", dataDir });
  try {
    return await work(async (query) => ((await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows);
  } finally {
    await database.close();
  }
}

const snapshot = (): Promise<Snapshot> =>
  withDb(async (execute) => ({
    sessions: (await execute(sql`select id_hash from sessions order by 1`)).map((r) => String(r.id_hash)),
    resets: (await execute(sql`select token_hash from password_resets order by 1`)).map((r) => String(r.token_hash)),
    attachments: Number((await execute(sql`select count(*)::int as n from attachments`))[0]?.n),
    files: Object.values(files).filter((key) => fs.existsSync(path.join(dataDir, "attachments", key))),
  }));

beforeAll(async () => {
  dataDir = makeTempDir();
  const env = cliEnv(dataDir);
  expect((await runCli(["create-admin", "--email", "owner@example.com", "--name", "Owner", "--password", "s3cret-pass"], env)).code).toBe(0);
  await withDb(async (execute) => {
    const [user] = await execute(sql`select id, workspace_id from users limit 1`);
    const userId = String(user?.id);
    const workspaceId = String(user?.workspace_id);
    await execute(sql`insert into sessions (id_hash, user_id, csrf_token, expires_at) values
      ('expired-1', ${userId}, 'c', now() - interval '1 hour'),
      ('expired-2', ${userId}, 'c', now() - interval '20 days'),
      ('live', ${userId}, 'c', now() + interval '1 day')`);
    await execute(sql`insert into password_resets (user_id, token_hash, expires_at, used_at) values
      (${userId}, 'used', now() + interval '1 hour', now()),
      (${userId}, 'expired', now() - interval '1 hour', null),
      (${userId}, 'live', now() + interval '1 hour', null)`);
    const attachment = (key: string, deletedAt: ReturnType<typeof sql>) =>
      execute(sql`insert into attachments (workspace_id, entity_type, entity_id, uploader_id, file_name, content_type, size, sha256, storage_key, deleted_at)
        values (${workspaceId}, 'client', gen_random_uuid(), ${userId}, 'f.txt', 'text/plain', 5, 'x', ${key}, ${deletedAt})`);
    await attachment(files.old, sql`now() - interval '45 days'`);
    await attachment(files.recent, sql`now() - interval '3 days'`);
    await attachment(files.live, sql`null`);
  });
  for (const key of Object.values(files)) {
    const file = path.join(dataDir, "attachments", key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "bytes");
  }
});
afterAll(removeTempDirs);

describe("jiaofu purge", () => {
  it("changes nothing with --dry-run and says what it would delete", async () => {
    const before = await snapshot();
    const result = await runCli(["purge", "--dry-run"], cliEnv(dataDir));
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Dry run, nothing changed\. Purging the embedded database in .* would delete 2 expired sessions, 2 used or expired password resets, 1 file \(5 B\) of attachments removed before /m,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("deletes exactly the expired rows and the old files, with progress on stderr", async () => {
    const result = await runCli(["purge"], cliEnv(dataDir));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Purged the embedded database in .*: deleted 2 expired sessions, 2 used or expired password resets, 1 file \(5 B\)/m);
    expect(result.stderr).toMatch(/^Erasing files: 1 files$/m);
    expect(result.stderr).toMatch(/^Erasing files: done$/m);
    expect(await snapshot()).toEqual({ sessions: ["live"], resets: ["live"], attachments: 3, files: [files.recent, files.live] });
  });

  it("erases younger files with --older-than, and finds nothing the next time", async () => {
    expect((await runCli(["purge", "--older-than", "2"], cliEnv(dataDir))).stdout).toMatch(/deleted 0 expired sessions, 0 used or expired password resets, 1 file/);
    expect((await snapshot()).files).toEqual([files.live]);
    expect((await runCli(["purge", "--older-than", "2"], cliEnv(dataDir))).stdout).toMatch(/0 files \(0 B\)/);
  });

  it("rejects a bad --older-than and a data directory without a database", async () => {
    const bad = await runCli(["purge", "--older-than", "soon"], cliEnv(dataDir));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/whole number of days/);
    const empty = await runCli(["purge"], cliEnv(makeTempDir()));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^error: There is no database in .*nothing to purge\.$/m);
  });
});
