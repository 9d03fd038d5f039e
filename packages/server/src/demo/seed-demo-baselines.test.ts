import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { auditLog, baselineRequirements, baselines, projects, requirements } from "../db/schema";
import { seedDemoIfEmpty } from "./seed-demo";

describe("the demo's scope baseline", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoIfEmpty(database.db, "en");
  });
  afterAll(async () => {
    await database.close();
  });

  it("has BL-1 on the main project holding every baselined requirement at its baselined version, taken in the past", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const [bl1, ...more] = await database.db.select().from(baselines).where(eq(baselines.projectId, main?.id ?? ""));
    expect(more).toEqual([]);
    expect(bl1).toMatchObject({ number: 1, name: "Phase 1 scope", changeRequestId: null });
    expect(bl1?.createdAt.getTime()).toBeLessThan(Date.now());
    const baselined = await database.db.select().from(requirements).where(and(eq(requirements.projectId, main?.id ?? ""), eq(requirements.status, "baselined")));
    expect(baselined.length).toBeGreaterThanOrEqual(2);
    const items = await database.db.select().from(baselineRequirements).where(eq(baselineRequirements.baselineId, bl1?.id ?? ""));
    expect(items.map((i) => [i.requirementId, i.requirementVersion, i.snapshot.status]).sort()).toEqual(baselined.map((r) => [r.id, r.version, "baselined"]).sort());
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.entityType, "baseline"), eq(auditLog.entityId, bl1?.id ?? "")))).toHaveLength(1);
  });
});
