import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { defects, projects, qualityGateItems, qualityGates, testCases } from "../db/schema";
import { seedDemoIfEmpty } from "./seed-demo";

const NOW = new Date("2026-11-25T08:00:00Z");

describe("the demo's quality checks", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoIfEmpty(database.db, "zh-CN", NOW);
  });
  afterAll(async () => {
    await database.close();
  });

  it("has the first phase's gate passed, the second's open, a dozen test cases and defects over five weeks", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    if (!main) throw new Error("main project missing");
    const gates = await database.db.select().from(qualityGates).where(eq(qualityGates.projectId, main.id)).orderBy(qualityGates.createdAt);
    expect(gates.map((g) => g.status).sort()).toEqual(["open", "passed"]);
    for (const gate of gates) {
      const items = await database.db.select().from(qualityGateItems).where(eq(qualityGateItems.gateId, gate.id));
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.done)).toBe(gate.status === "passed");
      expect(gate.name.startsWith("质量关卡：")).toBe(true);
    }
    const cases = await database.db.select().from(testCases).where(eq(testCases.projectId, main.id));
    expect(cases.map((c) => c.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(["passed", "failed", "blocked", "not_run"]));
    const found = await database.db.select().from(defects).where(eq(defects.projectId, main.id));
    expect(found).toHaveLength(7);
    // Closed and rejected defects carry their closing date; open ones do not.
    for (const d of found) expect(d.closedAt !== null).toBe(d.status === "closed" || d.status === "rejected");
    expect(found.filter((d) => d.status === "closed").every((d) => d.resolvedAt !== null && (d.closedAt?.getTime() ?? 0) >= d.resolvedAt.getTime())).toBe(true);
  });
});
