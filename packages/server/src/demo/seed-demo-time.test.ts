import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { projects, timeEntries, timesheetProjects, users } from "../db/schema";
import { actualCostByPeriod, actualCostOf } from "../modules/time/actual-cost";
import { seedDemoIfEmpty } from "./seed-demo";
import { timeWeekStart } from "@jiaofu/engine";

describe("the demo's time tracking", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoIfEmpty(database.db, "en");
  });
  afterAll(async () => {
    await database.close();
  });

  it("has time on the main project since it started: earlier weeks approved and costed, the developer's last week awaiting a decision", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    if (!main?.startDate) throw new Error("main project missing");
    const entries = await database.db.select().from(timeEntries).where(eq(timeEntries.projectId, main.id));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.workDate >= timeWeekStart(main.startDate ?? ""))).toBe(true);
    const costed = entries.filter((e) => e.costPerHour !== null);
    expect(costed.length).toBeGreaterThan(0);
    // The plan's resource rates (pm 400, dev 300) win over the people's own (380, 280).
    expect(new Set(costed.map((e) => e.costPerHour))).toEqual(new Set([400, 300]));

    const parts = await database.db.select().from(timesheetProjects).where(eq(timesheetProjects.projectId, main.id));
    expect(parts.filter((p) => p.status === "submitted")).toHaveLength(1);
    expect(parts.filter((p) => p.status === "approved").length).toBeGreaterThanOrEqual(2);

    const expected = costed.reduce((sum, e) => sum + (e.minutes * (e.costPerHour ?? 0)) / 60, 0);
    const cost = await actualCostOf(database.db, main.workspaceId, main.id);
    expect(cost.cost).toBeCloseTo(expected, 2);
    expect(cost.people).toHaveLength(2);
    const weeks = await actualCostByPeriod(database.db, main.workspaceId, main.id, "week");
    expect(weeks.at(-1)?.cumulativeCost).toBeCloseTo(expected, 2);

    const rates = await database.db.select({ email: users.email, rate: users.costPerHour }).from(users).where(eq(users.workspaceId, main.workspaceId));
    expect(rates.filter((r) => r.rate > 0)).toHaveLength(2);
  });
});
