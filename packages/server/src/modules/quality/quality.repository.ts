/** The only Drizzle code of quality checks: gates and their items, test cases, defects. */
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../../db/database";
import { defects, planTasks, projectMembers, projects, qualityGateItems, qualityGates, requirements, testCases, users } from "../../db/schema";
import type { DefectVisibility } from "../../platform/policy";

export type QualityGateRecord = typeof qualityGates.$inferSelect;
export type QualityGateItemRecord = typeof qualityGateItems.$inferSelect;
export type TestCaseRecord = typeof testCases.$inferSelect;
export type DefectRecord = typeof defects.$inferSelect;

export type GateItemRow = QualityGateItemRecord & { checkedByName: string | null };
export type GateRow = QualityGateRecord & { decidedByName: string | null; items: GateItemRow[] };
export type RequirementRef = { id: string; number: number; title: string };
export type TestCaseRow = TestCaseRecord & { requirement: RequirementRef | null; lastRunByName: string | null; openDefects: number };
export type DefectRow = DefectRecord & {
  requirement: RequirementRef | null;
  testCase: { id: string; number: number; title: string } | null;
  assigneeName: string | null;
  reportedByName: string | null;
  raisedByClient: boolean;
};

const decider = alias(users, "decider");
const checker = alias(users, "checker");
const runner = alias(users, "runner");
const assignee = alias(users, "assignee");
const reporter = alias(users, "reporter");

const requirementRef = (row: { id: string | null; number: number | null; title: string | null }): RequirementRef | null =>
  row.id !== null && row.number !== null && row.title !== null ? { id: row.id, number: row.number, title: row.title } : null;

export function createQualityRepository(db: Db | Tx) {
  async function gatesWhere(where: ReturnType<typeof and>): Promise<GateRow[]> {
    const gates = await db.select({ gate: qualityGates, decidedByName: decider.name }).from(qualityGates).leftJoin(decider, eq(decider.id, qualityGates.decidedById)).where(where);
    if (gates.length === 0) return [];
    const items = await db
      .select({ item: qualityGateItems, checkedByName: checker.name })
      .from(qualityGateItems)
      .leftJoin(checker, eq(checker.id, qualityGateItems.checkedById))
      .where(inArray(qualityGateItems.gateId, gates.map((g) => g.gate.id)))
      .orderBy(asc(qualityGateItems.position));
    return gates.map(({ gate, decidedByName }) => ({
      ...gate,
      decidedByName,
      items: items.filter((i) => i.item.gateId === gate.id).map((i) => ({ ...i.item, checkedByName: i.checkedByName })),
    }));
  }

  const openDefectCount = sql<number>`(select count(*)::int from ${defects} where ${defects.testCaseId} = ${testCases.id} and ${defects.status} in ('open','in_progress','resolved'))`;

  async function testCasesWhere(where: ReturnType<typeof and>): Promise<TestCaseRow[]> {
    const rows = await db
      .select({ tc: testCases, reqId: requirements.id, reqNumber: requirements.number, reqTitle: requirements.title, lastRunByName: runner.name, openDefects: openDefectCount })
      .from(testCases)
      .leftJoin(requirements, eq(requirements.id, testCases.requirementId))
      .leftJoin(runner, eq(runner.id, testCases.lastRunById))
      .where(where)
      .orderBy(asc(testCases.number));
    return rows.map((r) => ({ ...r.tc, requirement: requirementRef({ id: r.reqId, number: r.reqNumber, title: r.reqTitle }), lastRunByName: r.lastRunByName, openDefects: Number(r.openDefects) }));
  }

  async function defectsWhere(where: ReturnType<typeof and>): Promise<DefectRow[]> {
    const rows = await db
      .select({
        d: defects,
        reqId: requirements.id,
        reqNumber: requirements.number,
        reqTitle: requirements.title,
        tcId: testCases.id,
        tcNumber: testCases.number,
        tcTitle: testCases.title,
        assigneeName: assignee.name,
        reportedByName: reporter.name,
        reporterRole: reporter.role,
      })
      .from(defects)
      .leftJoin(requirements, eq(requirements.id, defects.requirementId))
      .leftJoin(testCases, eq(testCases.id, defects.testCaseId))
      .leftJoin(assignee, eq(assignee.id, defects.assigneeId))
      .leftJoin(reporter, eq(reporter.id, defects.reportedById))
      .where(where)
      .orderBy(desc(defects.number));
    return rows.map((r) => ({
      ...r.d,
      requirement: requirementRef({ id: r.reqId, number: r.reqNumber, title: r.reqTitle }),
      testCase: r.tcId !== null && r.tcNumber !== null && r.tcTitle !== null ? { id: r.tcId, number: r.tcNumber, title: r.tcTitle } : null,
      assigneeName: r.assigneeName,
      reportedByName: r.reportedByName,
      raisedByClient: r.reporterRole === "client",
    }));
  }

  /** Raised by a contact of the client: the defects a contact reads in the portal. */
  const clientRaised = sql`exists (select 1 from ${users} r where r.id = ${defects.reportedById} and r.role = 'client')`;

  const visibilityWhere = (visibility: DefectVisibility) =>
    visibility.kind === "all" ? sql`true` : visibility.kind === "client_raised" ? clientRaised : sql`false`;

  /** Locks the project row so numbers (`TC-n`, `DEF-n`) are taken one after the other. */
  const lockProject = (projectId: string) => db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");

  return {
    /** The plan's phases (its top-level tasks) in plan order. */
    phases: (projectId: string) =>
      db
        .select({ id: planTasks.id, wbsCode: planTasks.wbsCode, name: planTasks.name, percentComplete: planTasks.calcPercentComplete })
        .from(planTasks)
        .where(and(eq(planTasks.projectId, projectId), isNull(planTasks.parentId)))
        .orderBy(asc(planTasks.position)),

    phase: async (projectId: string, taskId: string) => {
      const [row] = await db
        .select({ id: planTasks.id, name: planTasks.name })
        .from(planTasks)
        .where(and(eq(planTasks.projectId, projectId), eq(planTasks.id, taskId), isNull(planTasks.parentId)));
      return row;
    },

    gatesOfProject: (projectId: string) => gatesWhere(eq(qualityGates.projectId, projectId)),
    gate: async (workspaceId: string, id: string) => (await gatesWhere(and(eq(qualityGates.workspaceId, workspaceId), eq(qualityGates.id, id))))[0],
    gateOfPhase: async (phaseTaskId: string) => (await db.select({ id: qualityGates.id }).from(qualityGates).where(eq(qualityGates.phaseTaskId, phaseTaskId)))[0],
    lockGate: async (id: string) => (await db.select().from(qualityGates).where(eq(qualityGates.id, id)).for("update"))[0],

    insertGate: async (values: typeof qualityGates.$inferInsert, items: readonly string[]) => {
      const [gate] = await db.insert(qualityGates).values(values).returning();
      if (!gate) throw new Error("insert returned nothing");
      await db.insert(qualityGateItems).values(items.map((text, position) => ({ workspaceId: gate.workspaceId, gateId: gate.id, position, text })));
      return gate;
    },

    /** Bumps the gate's version (every change of its items is a change of the gate, for the 409 check). */
    touchGate: async (id: string, values: Partial<typeof qualityGates.$inferInsert>, now: Date) => {
      const [row] = await db
        .update(qualityGates)
        .set({ ...values, updatedAt: now, version: sql`${qualityGates.version} + 1` })
        .where(eq(qualityGates.id, id))
        .returning();
      return row;
    },

    insertGateItem: async (gate: QualityGateRecord, text: string) => {
      const [max] = await db.select({ position: sql<number>`coalesce(max(${qualityGateItems.position}), -1)::int` }).from(qualityGateItems).where(eq(qualityGateItems.gateId, gate.id));
      await db.insert(qualityGateItems).values({ workspaceId: gate.workspaceId, gateId: gate.id, position: Number(max?.position ?? -1) + 1, text });
    },

    gateItem: async (gateId: string, itemId: string) =>
      (await db.select().from(qualityGateItems).where(and(eq(qualityGateItems.gateId, gateId), eq(qualityGateItems.id, itemId))).for("update"))[0],

    updateGateItem: async (id: string, version: number, values: Partial<typeof qualityGateItems.$inferInsert>) => {
      const [row] = await db
        .update(qualityGateItems)
        .set({ ...values, version: sql`${qualityGateItems.version} + 1` })
        .where(and(eq(qualityGateItems.id, id), eq(qualityGateItems.version, version)))
        .returning();
      return row;
    },

    testCases: (projectId: string) => testCasesWhere(eq(testCases.projectId, projectId)),
    testCase: async (workspaceId: string, id: string) => (await testCasesWhere(and(eq(testCases.workspaceId, workspaceId), eq(testCases.id, id))))[0],
    lockTestCase: async (id: string) => (await db.select().from(testCases).where(eq(testCases.id, id)).for("update"))[0],

    insertTestCase: async (values: Omit<typeof testCases.$inferInsert, "number">) => {
      await lockProject(values.projectId);
      const [next] = await db.select({ n: sql<number>`coalesce(max(${testCases.number}), 0)::int + 1` }).from(testCases).where(eq(testCases.projectId, values.projectId));
      const [row] = await db.insert(testCases).values({ ...values, number: Number(next?.n ?? 1) }).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    updateTestCase: async (id: string, version: number, values: Partial<typeof testCases.$inferInsert>, now: Date) => {
      const [row] = await db
        .update(testCases)
        .set({ ...values, updatedAt: now, version: sql`${testCases.version} + 1` })
        .where(and(eq(testCases.id, id), eq(testCases.version, version)))
        .returning();
      return row;
    },

    deleteTestCase: (id: string) => db.delete(testCases).where(eq(testCases.id, id)),

    defects: (projectId: string, visibility: DefectVisibility, filters: { severity?: string | undefined; status?: string | undefined; testCaseId?: string | undefined }) =>
      defectsWhere(
        and(
          eq(defects.projectId, projectId),
          visibilityWhere(visibility),
          filters.severity ? eq(defects.severity, filters.severity as DefectRecord["severity"]) : undefined,
          filters.status ? eq(defects.status, filters.status as DefectRecord["status"]) : undefined,
          filters.testCaseId ? eq(defects.testCaseId, filters.testCaseId) : undefined,
        ),
      ),
    defect: async (workspaceId: string, id: string) => (await defectsWhere(and(eq(defects.workspaceId, workspaceId), eq(defects.id, id))))[0],
    lockDefect: async (id: string) => (await db.select().from(defects).where(eq(defects.id, id)).for("update"))[0],

    insertDefect: async (values: Omit<typeof defects.$inferInsert, "number">) => {
      await lockProject(values.projectId);
      const [next] = await db.select({ n: sql<number>`coalesce(max(${defects.number}), 0)::int + 1` }).from(defects).where(eq(defects.projectId, values.projectId));
      const [row] = await db.insert(defects).values({ ...values, number: Number(next?.n ?? 1) }).returning();
      if (!row) throw new Error("insert returned nothing");
      return row;
    },

    updateDefect: async (id: string, version: number, values: Partial<typeof defects.$inferInsert>, now: Date) => {
      const [row] = await db
        .update(defects)
        .set({ ...values, updatedAt: now, version: sql`${defects.version} + 1` })
        .where(and(eq(defects.id, id), eq(defects.version, version)))
        .returning();
      return row;
    },

    deleteDefect: (id: string) => db.delete(defects).where(eq(defects.id, id)),

    /** Every defect's raise and close instants, for the trend. */
    defectDates: (projectId: string) => db.select({ createdAt: defects.createdAt, closedAt: defects.closedAt, status: defects.status, severity: defects.severity }).from(defects).where(eq(defects.projectId, projectId)),

    requirementOf: async (projectId: string, id: string) =>
      (await db.select({ id: requirements.id }).from(requirements).where(and(eq(requirements.projectId, projectId), eq(requirements.id, id))))[0],

    testCaseOf: async (projectId: string, id: string) => (await db.select({ id: testCases.id }).from(testCases).where(and(eq(testCases.projectId, projectId), eq(testCases.id, id))))[0],

    /** Whether `userId` is a manager or member of the project (who may be assigned a defect). */
    isProjectWorker: async (projectId: string, userId: string) => {
      const [row] = await db
        .select({ role: projectMembers.role })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId), inArray(projectMembers.role, ["manager", "member"])));
      return row !== undefined;
    },
  };
}
