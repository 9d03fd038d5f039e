import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { planAssignments, planResources, planTasks, projects, users } from "../db/schema";
import { createPlanResourcesService } from "../modules/plan-resources/plan-resources.service";
import type { Actor } from "../platform/policy";
import { seedDemoIfEmpty } from "./seed-demo";

describe("the demo plan's resources", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoIfEmpty(database.db, "en");
  });
  afterAll(async () => {
    await database.close();
  });

  it("has people with rates, a material and a cost, and one over-allocation that levelling resolves within float", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const projectId = main?.id ?? "";
    const resources = await database.db.select().from(planResources).where(eq(planResources.projectId, projectId));
    expect(resources.map((r) => r.kind).sort()).toEqual(["cost", "material", "work", "work", "work", "work", "work"]);
    expect(await database.db.select().from(planAssignments).where(eq(planAssignments.projectId, projectId))).toHaveLength(23);
    // The stored costs include the assignments: the phases' roll-ups and the servers' fixed cost.
    const tasks = await database.db.select().from(planTasks).where(eq(planTasks.projectId, projectId));
    expect(tasks.find((t) => t.wbsCode === "3.1")?.calcCost).toBe(68_000 + 3 * 8 * 250);

    const [admin] = await database.db.select().from(users).where(eq(users.email, "admin@demo.test"));
    if (!admin) throw new Error("demo admin missing");
    const actor: Actor = { userId: admin.id, workspaceId: admin.workspaceId, role: "admin", clientId: null, name: admin.name, email: admin.email, locale: "en" };
    const service = createPlanResourcesService({ database, db: database.db, mailer: null, now: () => new Date() });
    const load = await service.load(actor, projectId);
    expect(load.resources.filter((r) => r.overAllocatedDays > 0).map((r) => [r.name, r.overAllocatedDays])).toEqual([["Developer", 3]]);
    const preview = await service.previewLevelling(actor, projectId, { withinSlackOnly: true }, "en");
    expect(preview.finishChangeDays).toBe(0);
    expect(preview.moved.map((m) => m.wbsCode)).toEqual(["3.4"]);
    expect(preview.overAllocations).toEqual([expect.objectContaining({ name: "Developer", daysBefore: 3, daysAfter: 0 })]);
    expect(preview.unlevellable).toEqual([]);
    const budget = await service.budget(actor, projectId, { interval: "month" });
    expect(budget.currency).toBe("CNY");
    expect(budget.periods.at(-1)?.cumulative).toBe(budget.totalCost);
    expect(budget.totalCost).toBeCloseTo(budget.fixedCost + budget.resourceCost, 2);
  });
});
