import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestApp, type TestApp, type TestClient, type TestUser } from "../../test/harness";
import { sessions } from "../db/schema";
import { sha256 } from "../modules/auth/auth.crypto";
import { createSessionCache, type CachedSession } from "./session-cache";
import type { Actor } from "./policy";

const actorOf = (userId: string): Actor => ({ userId, workspaceId: "w", role: "member", clientId: null, name: userId, email: `${userId}@x`, locale: "en" });
const sessionOf = (userId: string, expiresAt = new Date(10_000_000)): CachedSession => ({
  actor: actorOf(userId),
  csrfToken: "c",
  expiresAt,
  lastSeenAt: new Date(0),
});

describe("createSessionCache", () => {
  const at = (ms: number) => new Date(ms);

  it("serves an entry until its TTL runs out", () => {
    const cache = createSessionCache({ ttlMs: 5000 });
    cache.set("a", sessionOf("u1"), at(1000), cache.generation);
    expect(cache.get("a", at(5999))?.actor.userId).toBe("u1");
    expect(cache.get("a", at(6000))).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("never serves a session past its own expiry, whatever the TTL", () => {
    const cache = createSessionCache({ ttlMs: 60_000 });
    cache.set("a", sessionOf("u1", at(2000)), at(1000), cache.generation);
    expect(cache.get("a", at(1999))).toBeDefined();
    expect(cache.get("a", at(2000))).toBeUndefined();
  });

  it("drops the least recently used entry beyond its size", () => {
    const cache = createSessionCache({ ttlMs: 5000, maxEntries: 2 });
    cache.set("a", sessionOf("u1"), at(0), cache.generation);
    cache.set("b", sessionOf("u2"), at(0), cache.generation);
    cache.get("a", at(1));
    cache.set("c", sessionOf("u3"), at(2), cache.generation);
    expect(cache.get("b", at(3))).toBeUndefined();
    expect(cache.get("a", at(3))).toBeDefined();
    expect(cache.get("c", at(3))).toBeDefined();
  });

  it("invalidates one session or every session of a user", () => {
    const cache = createSessionCache({ ttlMs: 5000 });
    cache.set("a", sessionOf("u1"), at(0), cache.generation);
    cache.set("b", sessionOf("u1"), at(0), cache.generation);
    cache.set("c", sessionOf("u2"), at(0), cache.generation);
    cache.invalidate("c");
    expect(cache.get("c", at(1))).toBeUndefined();
    cache.invalidateUser("u1");
    expect(cache.size).toBe(0);
  });

  it("does not cache a row loaded before an invalidation (it may be stale)", () => {
    const cache = createSessionCache({ ttlMs: 5000 });
    const loadedAt = cache.generation;
    cache.invalidateUser("u1");
    cache.set("a", sessionOf("u1"), at(0), loadedAt);
    expect(cache.get("a", at(1))).toBeUndefined();
  });

  it("caches nothing with a TTL of 0", () => {
    const cache = createSessionCache({ ttlMs: 0 });
    cache.set("a", sessionOf("u1"), at(0), cache.generation);
    expect(cache.get("a", at(0))).toBeUndefined();
  });
});

describe("sessions through the cache", () => {
  let clock = Date.now();
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;

  beforeAll(async () => {
    t = await createTestApp({ now: () => new Date(clock), config: { JIAOFU_SESSION_CACHE_SECONDS: "10" } });
    w = await t.seedWorkspace();
  });
  afterAll(() => t.close());

  const sessionHash = (client: TestClient) => sha256(client.cookies.jiaofu_session ?? "");
  const newMember = (): Promise<TestUser> => t.factories.user(w.workspace.id, "member");

  it("keeps serving a cached session for at most the TTL after another node deleted it", async () => {
    const session = await t.as(await newMember());
    expect((await session.get("/api/v1/me")).status).toBe(200);
    // As if another node signed it out: the row goes, this node's cache does not know.
    await t.db.delete(sessions).where(eq(sessions.idHash, sessionHash(session)));
    expect((await session.get("/api/v1/me")).status).toBe(200);
    clock += 10_001;
    expect((await session.get("/api/v1/me")).status).toBe(401);
  });

  it("ends a cached session at once on sign-out", async () => {
    const session = await t.as(await newMember());
    expect((await session.get("/api/v1/me")).status).toBe(200);
    expect((await session.post("/api/v1/auth/sign-out")).status).toBe(204);
    expect((await session.get("/api/v1/me")).status).toBe(401);
  });

  it("refuses an expired session even while it is cached", async () => {
    const session = await t.as(await newMember());
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(clock + 2000) })
      .where(eq(sessions.idHash, sessionHash(session)));
    expect((await session.get("/api/v1/me")).status).toBe(200);
    clock += 2000;
    expect((await session.get("/api/v1/me")).status).toBe(401);
  });

  it("ends the other cached sessions at once on a password change", async () => {
    const user = await newMember();
    const here = await t.as(user);
    const elsewhere = await t.as(user);
    expect((await elsewhere.get("/api/v1/me")).status).toBe(200);
    expect((await here.post("/api/v1/me/password", { currentPassword: "test-password-1", newPassword: "new-password-1" })).status).toBe(204);
    expect((await elsewhere.get("/api/v1/me")).status).toBe(401);
  });

  it("applies a deactivation at once", async () => {
    const user = await newMember();
    const session = await t.as(user);
    expect((await session.get("/api/v1/me")).status).toBe(200);
    const admin = await t.as(w.admin);
    const { version } = (await admin.get(`/api/v1/users/${user.id}`)).body as { version: number };
    expect((await admin.patch(`/api/v1/users/${user.id}`, { version, active: false })).status).toBe(200);
    expect((await session.get("/api/v1/me")).status).toBe(401);
  });

  it("applies a role change at once", async () => {
    const user = await t.factories.user(w.workspace.id, "admin");
    const session = await t.as(user);
    const newStaff = (n: number) => ({ email: `cache-${n}-${Date.now()}@test.example`, name: "New staff", role: "member", password: "a-password-1" });
    // Creating staff is for admins; the session is cached as an admin by this request.
    expect((await session.post("/api/v1/users", newStaff(1))).status).toBe(201);
    const owner = await t.as(w.owner);
    const { version } = (await owner.get(`/api/v1/users/${user.id}`)).body as { version: number };
    expect((await owner.patch(`/api/v1/users/${user.id}`, { version, role: "member" })).status).toBe(200);
    expect((await session.post("/api/v1/users", newStaff(2))).status).toBe(403);
  });

  it("shows a changed name or language from the next request", async () => {
    const session = await t.as(await newMember());
    expect((await session.post("/api/v1/me/tokens", { name: "" })).body.error.message).toBe("Some fields are not valid.");
    expect((await session.patch("/api/v1/me", { locale: "zh-CN" })).status).toBe(200);
    expect((await session.post("/api/v1/me/tokens", { name: "" })).body.error.message).toBe("部分字段无效。");
  });
});

describe("JIAOFU_SESSION_CACHE_SECONDS=0", () => {
  it("reads the session on every request", async () => {
    const t = await createTestApp({ config: { JIAOFU_SESSION_CACHE_SECONDS: "0" } });
    try {
      const w = await t.seedWorkspace();
      const session = await t.as(w.pm);
      expect((await session.get("/api/v1/me")).status).toBe(200);
      await t.db.delete(sessions).where(eq(sessions.idHash, sha256(session.cookies.jiaofu_session ?? "")));
      expect((await session.get("/api/v1/me")).status).toBe(401);
    } finally {
      await t.close();
    }
  });
});
