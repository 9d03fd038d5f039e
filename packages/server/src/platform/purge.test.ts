import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../test/harness";
import { attachments, passwordResets, sessions } from "../db/schema";
import { purgeExpiredData } from "./purge";

const DAY = 86_400_000;
const now = new Date("2026-06-01T00:00:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

let t: TestApp;
let dir = "";
const keys = { old: "2026/03/old", recent: "2026/05/recent", live: "2026/05/live", gone: "2026/01/gone" };

beforeAll(async () => {
  t = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jiaofu-purge-"));
  const w = await t.seedWorkspace();
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  await t.db.insert(sessions).values([
    { idHash: "expired", userId: w.pm.id, csrfToken: "c", expiresAt: at(-1) },
    { idHash: "live", userId: w.pm.id, csrfToken: "c", expiresAt: at(1) },
  ]);
  await t.db.insert(passwordResets).values([
    { userId: w.pm.id, tokenHash: "used", expiresAt: at(1), usedAt: at(-1) },
    { userId: w.pm.id, tokenHash: "expired", expiresAt: at(-1) },
    { userId: w.pm.id, tokenHash: "live", expiresAt: at(1) },
  ]);
  const file = (storageKey: string, deletedAt: Date | null) => ({
    workspaceId: w.workspace.id,
    entityType: "project",
    entityId: w.projectA.id,
    uploaderId: w.pm.id,
    fileName: `${storageKey}.txt`,
    contentType: "text/plain",
    size: 5,
    sha256: "x",
    storageKey,
    deletedAt,
  });
  await t.db.insert(attachments).values([file(keys.old, daysAgo(40)), file(keys.recent, daysAgo(10)), file(keys.live, null), file(keys.gone, daysAgo(90))]);
  for (const key of [keys.old, keys.recent, keys.live]) {
    fs.mkdirSync(path.dirname(path.join(dir, key)), { recursive: true });
    fs.writeFileSync(path.join(dir, key), "bytes");
  }
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sessionIds = async () => (await t.db.select({ id: sessions.idHash }).from(sessions)).map((r) => r.id);
const resetHashes = async () => (await t.db.select({ h: passwordResets.tokenHash }).from(passwordResets)).map((r) => r.h).sort();
const onDisk = () => Object.values(keys).filter((key) => fs.existsSync(path.join(dir, key)));

describe("purgeExpiredData", () => {
  it("counts without changing anything in a dry run", async () => {
    const summary = await purgeExpiredData(t.db, { now, olderThanDays: 30, dryRun: true, attachmentsDir: dir });
    expect(summary).toMatchObject({ dryRun: true, expiredSessions: 1, deadPasswordResets: 2, attachmentFiles: 1, attachmentBytes: 5 });
    expect(await sessionIds()).toContain("expired");
    expect(await resetHashes()).toEqual(["expired", "live", "used"]);
    expect(onDisk()).toEqual([keys.old, keys.recent, keys.live]);
  });

  it("deletes expired sessions, dead resets and the files of attachments removed before the cut-off", async () => {
    const summary = await purgeExpiredData(t.db, { now, olderThanDays: 30, dryRun: false, attachmentsDir: dir });
    expect(summary).toMatchObject({ dryRun: false, cutoff: daysAgo(30), expiredSessions: 1, deadPasswordResets: 2, attachmentFiles: 1, attachmentBytes: 5 });
    const ids = await sessionIds();
    expect(ids).toContain("live");
    expect(ids).not.toContain("expired");
    expect(await resetHashes()).toEqual(["live"]);
    expect(onDisk()).toEqual([keys.recent, keys.live]);
    // The rows stay: the entity's history finds its entries through them.
    expect(await t.db.select().from(attachments).where(eq(attachments.storageKey, keys.old))).toHaveLength(1);
  });

  it("finds nothing left to do the second time, and honours a shorter age", async () => {
    expect(await purgeExpiredData(t.db, { now, olderThanDays: 30, dryRun: false, attachmentsDir: dir })).toMatchObject({
      expiredSessions: 0,
      deadPasswordResets: 0,
      attachmentFiles: 0,
    });
    expect(await purgeExpiredData(t.db, { now, olderThanDays: 7, dryRun: false, attachmentsDir: dir })).toMatchObject({ attachmentFiles: 1 });
    expect(onDisk()).toEqual([keys.live]);
  });

  it("refuses a storage key that points outside the attachments directory", async () => {
    const [row] = await t.db.select().from(attachments).limit(1);
    if (!row) throw new Error("no attachment");
    await t.db.insert(attachments).values({ ...row, id: undefined, storageKey: "../outside", deletedAt: daysAgo(100) } as typeof attachments.$inferInsert);
    fs.writeFileSync(path.join(dir, "outside"), "not an attachment");
    await expect(purgeExpiredData(t.db, { now, olderThanDays: 30, dryRun: false, attachmentsDir: path.join(dir, "nested") })).rejects.toThrow(/outside/);
    expect(fs.existsSync(path.join(dir, "outside"))).toBe(true);
  });
});
