import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { planDependencies, planTasks, projectCalendars, projects, traceLinks } from "../db/schema";
import { seedDemoIfEmpty } from "./seed-demo";

describe("the demo's plan", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoIfEmpty(database.db, "zh-CN");
  });
  afterAll(async () => {
    await database.close();
  });

  it("is a scheduled WBS of six phases with milestones, links and tasks traced to requirements", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const projectId = main?.id ?? "";
    const tasks = await database.db.select().from(planTasks).where(eq(planTasks.projectId, projectId));
    // 29 from the WBS, and the kick-off's two action items made tasks under phase 2 (seed-demo-meetings.ts).
    expect(tasks).toHaveLength(31);
    expect(tasks.filter((t) => t.isSummary).map((t) => t.wbsCode).sort()).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(tasks.filter((t) => t.durationDays === 0)).toHaveLength(5);
    // Every task has its dates; the last milestone closes the project.
    expect(tasks.every((t) => t.calcStart !== null && t.calcFinish !== null && t.wbsCode !== "")).toBe(true);
    const closed = tasks.find((t) => t.wbsCode === "6.3");
    expect(closed?.calcFinish).toBe(tasks.map((t) => t.calcFinish ?? "").sort().at(-1));
    expect(tasks.find((t) => t.wbsCode === "1")?.calcPercentComplete).toBe(100);
    expect(tasks.some((t) => t.calcCritical && !t.isSummary)).toBe(true);
    expect(await database.db.select().from(planDependencies).where(eq(planDependencies.projectId, projectId))).toHaveLength(27);
    const links = await database.db.select().from(traceLinks).where(and(eq(traceLinks.projectId, projectId), eq(traceLinks.fromType, "task")));
    expect(links.length).toBeGreaterThanOrEqual(9);
    const [calendar] = await database.db.select().from(projectCalendars).where(eq(projectCalendars.projectId, projectId));
    expect(calendar).toMatchObject({ holidaySets: ["cn"], version: 1 });
  });
});
