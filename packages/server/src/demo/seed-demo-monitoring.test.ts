import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { planBaselines, progressSnapshots, projects } from "../db/schema";
import { measureProject } from "../modules/monitoring/monitoring.measure";
import { seedDemoIfEmpty } from "./seed-demo";

const NOW = new Date("2026-11-25T08:00:00Z");

describe("the demo's monitoring history", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoIfEmpty(database.db, "en", NOW);
  });
  afterAll(async () => {
    await database.close();
  });

  it("has PB-1 with the lower server quote, and four weekly snapshots that tell a story", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    if (!main) throw new Error("main project missing");
    const [pb1] = await database.db.select().from(planBaselines).where(eq(planBaselines.projectId, main.id));
    expect(pb1).toMatchObject({ number: 1 });
    const live = await measureProject(database.db, main, "2026-11-25", pb1 ?? null);
    // The server quote rose by 8,000 since PB-1.
    expect(live.variance?.costVariance).toBe(8000);
    expect(live.variance?.finishVarianceDays).toBe(0);

    const snapshots = await database.db.select().from(progressSnapshots).where(eq(progressSnapshots.projectId, main.id)).orderBy(progressSnapshots.asOf);
    expect(snapshots.map((s) => s.asOf)).toEqual(["2026-10-28", "2026-11-04", "2026-11-11", "2026-11-18"]);
    for (const s of snapshots) {
      expect(s.baselineId).toBe(pb1?.id);
      expect(s.earnedValue).toBeLessThanOrEqual(s.plannedValue + 1e-6);
      expect(s.earnedValue).toBeLessThanOrEqual(live.ev + 1e-6);
      expect(s.detail.phases.length).toBe(live.phases.length);
    }
    // Earned value and actual cost never go down; the last week earns something and costs something.
    for (let i = 1; i < snapshots.length; i++) {
      expect(snapshots[i]?.earnedValue).toBeGreaterThanOrEqual(snapshots[i - 1]?.earnedValue ?? 0);
      expect(snapshots[i]?.actualCost).toBeGreaterThanOrEqual(snapshots[i - 1]?.actualCost ?? 0);
    }
    expect(snapshots[3]?.earnedValue).toBeGreaterThan(0);
    expect(snapshots[3]?.actualCost).toBeGreaterThan(0);
    // The go-live milestone was forecast earlier in older snapshots: it slipped.
    const golive = live.milestones[live.milestones.length - 1];
    const forecasts = snapshots.map((s) => s.detail.milestones.find((m) => m.taskId === golive?.taskId)?.finish ?? "");
    expect((forecasts[0] ?? "") < (golive?.finish ?? "")).toBe(true);
    expect([...forecasts].sort()).toEqual(forecasts);
  });
});
