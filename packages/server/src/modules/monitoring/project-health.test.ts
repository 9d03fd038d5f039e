import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/harness";
import { clientSatisfactionRatings, defects, planTasks, progressSnapshots, qualityGates, risks, statusReports } from "../../db/schema";
import { projectsHealth } from "./project-health";

const TODAY = "2026-11-20";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/**
 * Three projects in one call: A with every fact (a snapshot, defects, an overdue open gate, risks, client ratings — and
 * older or closed rows that must not count), B with nothing at all, and C with a snapshot only. One call, grouped
 * queries: each project gets its own figures.
 */
describe("projectsHealth", () => {
  it("gathers each project's facts and scores them", async () => {
    const w = await t.seedWorkspace();
    const ws = w.workspace.id;
    const a = w.projectA.id;
    const b = w.projectB.id;
    const c = (await t.factories.project(ws, w.clientA.id)).id;
    const snapshot = (projectId: string, asOf: string, pv: number, ev: number, ac: number) => ({
      workspaceId: ws,
      projectId,
      asOf,
      plannedValue: pv,
      earnedValue: ev,
      actualCost: ac,
      budgetAtCompletion: 1000,
      percentComplete: 10,
      detail: { phases: [], milestones: [] },
    });
    // The latest snapshot counts: SPI 90/100 = 0.9, CPI 90/112.5 = 0.8.
    await t.db.insert(progressSnapshots).values([snapshot(a, "2026-11-18", 50, 50, 50), snapshot(a, "2026-11-19", 100, 90, 112.5), snapshot(c, "2026-11-19", 100, 100, 100)]);
    await t.db.insert(defects).values([
      { workspaceId: ws, projectId: a, number: 1, title: "Crash", severity: "major" },
      { workspaceId: ws, projectId: a, number: 2, title: "Typo", severity: "minor", status: "in_progress" },
      { workspaceId: ws, projectId: a, number: 3, title: "Label", severity: "minor" },
      { workspaceId: ws, projectId: a, number: 4, title: "Fixed", severity: "critical", status: "closed" },
    ]);
    const phase = (name: string, calcFinish: string) => ({ workspaceId: ws, projectId: a, position: 0, name, isSummary: true, calcFinish });
    const [late, ahead] = await t.db.insert(planTasks).values([phase("Design", "2026-11-10"), { ...phase("Build", "2026-12-10"), position: 1 }]).returning();
    await t.db.insert(qualityGates).values([
      { workspaceId: ws, projectId: a, phaseTaskId: late!.id, name: "Design gate" },
      { workspaceId: ws, projectId: a, phaseTaskId: ahead!.id, name: "Build gate" },
    ]);
    await t.db.insert(risks).values([
      { workspaceId: ws, projectId: a, number: 1, title: "Vendor", probability: 3, impact: 4 },
      { workspaceId: ws, projectId: a, number: 2, title: "Gone", probability: 5, impact: 5, status: "closed", statusReason: "Vendor replaced" },
    ]);
    const [report] = await t.db
      .insert(statusReports)
      .values({ workspaceId: ws, projectId: a, number: 1, periodFrom: "2026-11-09", periodTo: "2026-11-15", title: "SR-1", status: "published", overall: "green", dimensions: {} as never, content: {} })
      .returning();
    const second = await t.factories.user(ws, "client", w.clientA.id);
    const third = await t.factories.user(ws, "client", w.clientA.id);
    await t.db.insert(clientSatisfactionRatings).values([
      { workspaceId: ws, projectId: a, statusReportId: report!.id, userId: w.contactA.id, rating: 5, createdAt: new Date("2026-11-16T08:00:00Z"), updatedAt: new Date("2026-11-16T08:00:00Z") },
      { workspaceId: ws, projectId: a, statusReportId: report!.id, userId: second.id, rating: 3, createdAt: new Date("2026-11-17T08:00:00Z"), updatedAt: new Date("2026-11-17T08:00:00Z") },
      // Older than 90 days: left out.
      { workspaceId: ws, projectId: a, statusReportId: report!.id, userId: third.id, rating: 1, createdAt: new Date("2026-07-01T08:00:00Z"), updatedAt: new Date("2026-07-01T08:00:00Z") },
    ]);

    const health = await projectsHealth(t.db, [a, b, c], TODAY);

    const ofA = health.get(a);
    expect(ofA?.measuredOn).toBe("2026-11-19");
    expect(ofA?.inputs).toEqual({
      spi: 0.9,
      cpi: 0.8,
      openCriticalDefects: 0,
      openMajorDefects: 1,
      openMinorDefects: 2,
      overdueOpenGates: 1,
      highestOpenRiskScore: 12,
      satisfactionMean: 4,
      satisfactionCount: 2,
    });
    // schedule 75, cost 50, quality 100 − 10 − 6 − 10 = 74, risk 54.2, satisfaction 75:
    // 22.5 + 12.5 + 14.8 + 8.13 + 7.5 = 65.4 → 65.
    expect(ofA?.health.parts.map((p) => p.score)).toEqual([75, 50, 74, 54.2, 75]);
    expect(ofA?.health.score).toBe(65);

    const ofB = health.get(b);
    expect(ofB?.measuredOn).toBeNull();
    expect(ofB?.inputs.spi).toBeNull();
    expect(ofB?.health.score).toBe(100); // quality and risk only, both clean
    expect(ofB?.health.parts.filter((p) => p.score === null).map((p) => p.part)).toEqual(["schedule", "cost", "satisfaction"]);

    expect(health.get(c)?.inputs).toMatchObject({ spi: 1, cpi: 1, highestOpenRiskScore: null, satisfactionCount: 0 });
  });

  it("answers an empty map for no projects", async () => {
    expect((await projectsHealth(t.db, [], TODAY)).size).toBe(0);
  });
});
