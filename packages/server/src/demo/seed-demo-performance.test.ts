import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { projects } from "../db/schema";
import { demoSession } from "../../test/demo-session";
import { seedDemoIfEmpty } from "./seed-demo";

const NOW = new Date("2026-11-25T08:00:00Z"); // a Wednesday

describe("the demo's performance evaluation", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: () => NOW });
    await seedDemoIfEmpty(t.db, "en", NOW);
  });
  afterAll(async () => {
    await t.close();
  });

  const signIn = (email: string) => demoSession(t, email);

  it("shows the manager real figures: one kick-off task on time, one late, estimates against logged time, and the client's rating in the health score", async () => {
    const [main] = await t.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const asPm = await signIn("pm@demo.test");
    const res = await asPm(`/api/v1/projects/${main?.id}/performance`);
    expect(res.status).toBe(200);
    const pm = res.body.people.find((p: { completedTasks: number }) => p.completedTasks > 0);
    // Kick-off (estimate 3 h, took 4 h) on its day; the charter (estimate 10 h, took 8 h) a day late.
    expect(pm).toMatchObject({ completedTasks: 2, dueTasks: 2, onTimeTasks: 1, onTimeRate: 50, estimatedTasks: 2, estimateHours: 13, estimatedActualHours: 12, estimateMape: 26.7, estimateRatio: 0.92 });
    expect(res.body.people.every((p: { plannedHours: number }) => p.plannedHours >= 0)).toBe(true);
    expect(res.body.people.some((p: { actualHours: number }) => p.actualHours > 0)).toBe(true);
    expect(res.body.health.parts.find((p: { part: string }) => p.part === "satisfaction")).toMatchObject({ score: 75, figures: { mean: 4, count: 1 } });
    expect(res.body.health.score).not.toBeNull();

    const asClient = await signIn("client@demo.test");
    expect((await asClient(`/api/v1/projects/${main?.id}/performance`)).status).toBe(403);
    const reports = await asClient(`/api/v1/projects/${main?.id}/status-reports`);
    const rating = await asClient(`/api/v1/status-reports/${reports.body.items[0].id}/satisfaction`);
    expect(rating.body).toMatchObject({ canRate: true, mine: { rating: 4 } });
  });
});
