import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestApp, TEST_PASSWORD, type TestApp } from "../../../test/harness";
import { sessions, users } from "../../db/schema";
import { createAuthService } from "./auth.service";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

function cookiesOf(response: { raw: { cookies: { name: string; value: string; httpOnly?: boolean; sameSite?: string }[] } }) {
  return Object.fromEntries(response.raw.cookies.map((c) => [c.name, c]));
}

describe("sign-in", () => {
  it("opens a session in an httpOnly SameSite cookie and hands out a readable CSRF cookie", async () => {
    const res = await t.anonymous().post("/api/v1/auth/sign-in", { email: w.pm.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: w.pm.id, role: "member" });
    const cookies = cookiesOf(res);
    expect(cookies.jiaofu_session?.httpOnly).toBe(true);
    expect(cookies.jiaofu_session?.sameSite).toBe("Lax");
    expect(cookies.jiaofu_csrf?.httpOnly).toBeFalsy();
    expect(cookies.jiaofu_csrf?.value).toBe(res.body.csrfToken);
    // Only a hash of the session secret is stored.
    const stored = await t.db.select().from(sessions).where(eq(sessions.userId, w.pm.id));
    expect(stored.some((s) => s.idHash === cookies.jiaofu_session?.value)).toBe(false);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const wrong = await t.anonymous().post("/api/v1/auth/sign-in", { email: w.pm.email, password: "nope" }, { "accept-language": "zh-CN" });
    const unknown = await t.anonymous().post("/api/v1/auth/sign-in", { email: "nobody@test.example", password: "nope" }, { "accept-language": "zh-CN" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toEqual({ code: "invalid_credentials", message: "邮箱或密码不正确。" });
  });

  it("refuses a sign-in posted from another site", async () => {
    const res = await t.anonymous().post("/api/v1/auth/sign-in", { email: w.pm.email, password: TEST_PASSWORD }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("csrf_failed");
  });

  it("refuses a deactivated account", async () => {
    const user = await t.factories.user(w.workspace.id, "member");
    await t.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect((await t.anonymous().post("/api/v1/auth/sign-in", { email: user.email, password: TEST_PASSWORD })).status).toBe(401);
  });
});

describe("login rate limiting", () => {
  it("answers 429 after too many attempts for one address and email", async () => {
    const limited = await createTestApp({ config: { JIAOFU_LOGIN_MAX_ATTEMPTS: "3" } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await limited.anonymous().post("/api/v1/auth/sign-in", { email: "x@test.example", password: "wrong" }, { "accept-language": "en" })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const res = await limited.anonymous().post("/api/v1/auth/sign-in", { email: "x@test.example", password: "wrong" }, { "accept-language": "en" });
      expect(res.body.error.code).toBe("rate_limited");
      expect(res.body.error.message).toMatch(/Too many attempts/);
    } finally {
      await limited.close();
    }
  });
});

describe("CSRF protection for cookie-authenticated writes", () => {
  it("refuses a write without the x-csrf-token header", async () => {
    const pm = await t.as(w.pm);
    const res = await pm.post("/api/v1/clients", { name: "No token" }, { "x-csrf-token": "" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("csrf_failed");
  });

  it("refuses a token that does not match the session's", async () => {
    const pm = await t.as(w.pm);
    const other = await t.as(w.dev);
    const res = await pm.inject({
      method: "POST",
      url: "/api/v1/clients",
      payload: { name: "Swapped token" },
      headers: { "x-csrf-token": other.cookies.jiaofu_csrf ?? "", cookie: `jiaofu_session=${pm.cookies.jiaofu_session}; jiaofu_csrf=${other.cookies.jiaofu_csrf}` },
    });
    expect(res.status).toBe(403);
  });

  it("refuses a write from a foreign Origin even with the token", async () => {
    const pm = await t.as(w.pm);
    const res = await pm.post("/api/v1/clients", { name: "Foreign origin" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });

  it("accepts a write from our own origin with the token", async () => {
    const pm = await t.as(w.pm);
    const res = await pm.post("/api/v1/clients", { name: "Same origin" }, { origin: "http://localhost:80", host: "localhost:80" });
    expect(res.status).toBe(201);
  });

  it("lets reads through without a token", async () => {
    const pm = await t.as(w.pm);
    expect((await pm.get("/api/v1/me")).status).toBe(200);
  });
});

describe("sign-out and /me", () => {
  it("ends the session", async () => {
    const pm = await t.as(w.pm);
    expect((await pm.get("/api/v1/me")).body.email).toBe(w.pm.email);
    expect((await pm.post("/api/v1/auth/sign-out")).status).toBe(204);
    expect((await pm.get("/api/v1/me")).status).toBe(401);
  });

  it("persists the language choice and answers in it", async () => {
    const dev = await t.as(w.dev);
    const res = await dev.patch("/api/v1/me", { locale: "zh-CN" });
    expect(res.status).toBe(200);
    expect(res.body.locale).toBe("zh-CN");
    // No Accept-Language: the user's setting decides the language of messages.
    const denied = await dev.post("/api/v1/me/tokens", { name: "" });
    expect(denied.body.error.message).toBe("部分字段无效。");
    await dev.patch("/api/v1/me", { locale: "en" });
  });

  it("rejects a bad locale with a field message", async () => {
    const res = await (await t.as(w.dev)).patch("/api/v1/me", { locale: "fr" }, { "accept-language": "en" });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0].path).toBe("body.locale");
    expect(res.body.error.details.fields[0].message).toContain("zh-CN");
  });
});

describe("personal API tokens", () => {
  it("creates a token shown once, authenticates with it without CSRF, and stops after revocation", async () => {
    const pm = await t.as(w.pm);
    const created = await pm.post("/api/v1/me/tokens", { name: "CI script" });
    expect(created.status).toBe(201);
    const secret: string = created.body.token;
    expect(secret).toMatch(/^jf_/);
    const listed = await pm.get("/api/v1/me/tokens");
    expect(listed.body.items.map((x: { name: string }) => x.name)).toContain("CI script");
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const bearer = t.anonymous();
    const me = await bearer.get("/api/v1/me", { authorization: `Bearer ${secret}` });
    expect(me.body.id).toBe(w.pm.id);
    const write = await bearer.post("/api/v1/clients", { name: "Made by script" }, { authorization: `Bearer ${secret}` });
    expect(write.status).toBe(201);

    expect((await pm.delete(`/api/v1/me/tokens/${created.body.id}`)).status).toBe(204);
    expect((await bearer.get("/api/v1/me", { authorization: `Bearer ${secret}` })).status).toBe(401);
  });

  it("rejects an unknown token", async () => {
    const res = await t.anonymous().get("/api/v1/me", { authorization: "Bearer jf_not-a-real-token" });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("invalid_token");
  });

  it("cannot revoke another user's token", async () => {
    const pm = await t.as(w.pm);
    const created = await pm.post("/api/v1/me/tokens", { name: "mine" });
    const dev = await t.as(w.dev);
    expect((await dev.delete(`/api/v1/me/tokens/${created.body.id}`)).status).toBe(404);
  });
});

describe("password reset and change", () => {
  it("resets a password with a one-time link made by an admin, ending old sessions", async () => {
    const user = await t.factories.user(w.workspace.id, "member");
    const oldSession = await t.as(user);
    const admin = (await t.as(w.admin)).user;
    if (!admin) throw new Error("admin");
    const service = createAuthService(t.app.deps, t.config);
    const link = await service.createResetLink(user.id, { userId: admin.id, workspaceId: w.workspace.id, role: "admin", clientId: null, name: "", email: admin.email, locale: "en" });
    const token = new URL(link.url).searchParams.get("token") ?? "";
    const anon = t.anonymous();
    expect((await anon.post("/api/v1/auth/password-reset/complete", { token, newPassword: "brand-new-pass" })).status).toBe(204);
    expect((await oldSession.get("/api/v1/me")).status).toBe(401);
    expect((await anon.post("/api/v1/auth/sign-in", { email: user.email, password: "brand-new-pass" })).status).toBe(200);
    // The link works once.
    const again = await anon.post("/api/v1/auth/password-reset/complete", { token, newPassword: "another-pass" }, { "accept-language": "en" });
    expect(again.status).toBe(401);
    expect(again.body.error.message).toBe("This reset link is not valid or has expired.");
  });

  it("answers a reset request the same whether or not the email exists", async () => {
    const anon = t.anonymous();
    expect((await anon.post("/api/v1/auth/password-reset", { email: w.pm.email })).status).toBe(204);
    expect((await anon.post("/api/v1/auth/password-reset", { email: "ghost@test.example" })).status).toBe(204);
  });

  it("changes a password only with the current one", async () => {
    const user = await t.factories.user(w.workspace.id, "member");
    const session = await t.as(user);
    const wrong = await session.post("/api/v1/me/password", { currentPassword: "wrong", newPassword: "new-password-1" }, { "accept-language": "en" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields).toEqual([{ path: "body.currentPassword", message: "The current password is not correct." }]);
    expect((await session.post("/api/v1/me/password", { currentPassword: TEST_PASSWORD, newPassword: "new-password-1" })).status).toBe(204);
    expect((await t.anonymous().post("/api/v1/auth/sign-in", { email: user.email, password: "new-password-1" })).status).toBe(200);
  });
});

describe("errors", () => {
  it("answers unknown API paths with the JSON error shape", async () => {
    const res = await t.anonymous().get("/api/v1/nope", { "accept-language": "en" });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: "not_found", message: "Not found." } });
  });

  it("answers malformed JSON with 400 and no stack trace", async () => {
    const res = await t.anonymous().inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: "{not json", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("serves the OpenAPI 3.1 document", async () => {
    const res = await t.anonymous().get("/api/docs/json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(["/api/v1/auth/sign-in", "/api/v1/clients", "/api/v1/clients/{id}"]));
  });

  it("reports health and readiness", async () => {
    expect((await t.anonymous().get("/api/health")).body).toEqual({ status: "ok" });
    expect((await t.anonymous().get("/api/ready")).body.status).toBe("ready");
  });
});
