import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { projects } from "../db/schema";
import { seedDemoIfEmpty } from "./seed-demo";
import { demoSession } from "../../test/demo-session";

const NOW = new Date("2026-11-25T08:00:00Z"); // a Wednesday

describe.each([["en" as const], ["zh-CN" as const]])("the demo's status reports (%s)", (locale) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoIfEmpty(t.db, locale, NOW);
  });
  afterAll(async () => {
    await t.close();
  });

  const signIn = (email: string) => demoSession(t, email, locale);

  it("has last week's report published and this week's draft, generated from the project's data", async () => {
    const [main] = await t.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const asPm = await signIn("pm@demo.test");
    const list = await asPm(`/api/v1/projects/${main?.id}/status-reports`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { key: string; status: string; periodFrom: string; periodTo: string }) => [r.key, r.status, r.periodFrom, r.periodTo])).toEqual([
      ["SR-2", "draft", "2026-11-23", "2026-11-25"],
      ["SR-1", "published", "2026-11-16", "2026-11-20"],
    ]);
    const published = await asPm(`/api/v1/status-reports/${list.body.items[1].id}`);
    expect(published.body.title).toBe(locale === "zh-CN" ? "状态报告 2026-11-16 – 2026-11-20" : "Status report 2026-11-16 – 2026-11-20");
    expect(published.body.summary).toMatch(locale === "zh-CN" ? /单点登录/ : /SSO/);
    expect(published.body.publishedAt).toBe("2026-11-20T09:00:00.000Z");
    // The generator's figures: the baseline's cost variance and the demo's milestones, risks and change requests.
    expect(published.body.content.earnedValue.bac).toBeGreaterThan(0);
    expect(published.body.content.milestones.length).toBeGreaterThan(0);
    expect(published.body.content.topRisks.length).toBeGreaterThan(0);
    const draft = await asPm(`/api/v1/status-reports/${list.body.items[0].id}`);
    expect(draft.body.content.asOf).toBe("2026-11-25");
    expect(draft.body.summary).toBe("");
  });

  it("shows the client contact the published report only", async () => {
    const [main] = await t.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const asClient = await signIn("client@demo.test");
    const list = await asClient(`/api/v1/projects/${main?.id}/status-reports`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { key: string }) => r.key)).toEqual(["SR-1"]);
    const report = await asClient(`/api/v1/status-reports/${list.body.items[0].id}`);
    expect(report.status).toBe(200);
    expect(report.body.status).toBe("published");
    // The other client's contact does not see it.
    const other = await signIn("client2@demo.test");
    expect((await other(`/api/v1/status-reports/${list.body.items[0].id}`)).status).toBe(404);
  });
});
