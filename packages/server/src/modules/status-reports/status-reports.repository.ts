/** Status reports and the project data a report is generated from (docs/monitoring.md, "Status reports"). */
import { aliasedTable, and, count, desc, eq, gte, inArray, ne, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { changeRequests, defects, planTasks, projects, qualityGates, risks, statusReportSchedules, statusReports, users } from "../../db/schema";
import { recordAudit } from "../../platform/audit";
import type { Actor, StatusReportVisibility } from "../../platform/policy";

export type StatusReportRecord = typeof statusReports.$inferSelect;
export type NewStatusReportRecord = typeof statusReports.$inferInsert;
export type StatusReportRow = StatusReportRecord & { projectCode: string; projectName: string; createdByName: string | null; publishedByName: string | null };
export type StatusReportScheduleRecord = typeof statusReportSchedules.$inferSelect;

const createdBy = aliasedTable(users, "created_by");
const publishedBy = aliasedTable(users, "published_by");

/** Risks still to be managed: not closed, not yet occurred (an occurred risk is an issue, handled elsewhere). */
const ACTIVE_RISK = inArray(risks.status, ["open", "monitoring"]);
/** Defects still to be fixed. */
const OPEN_DEFECT = inArray(defects.status, ["open", "in_progress"]);

export function createStatusReportsRepository(db: Db | Tx) {
  const selectRows = () =>
    db
      .select({ report: statusReports, projectCode: projects.code, projectName: projects.name, createdByName: createdBy.name, publishedByName: publishedBy.name })
      .from(statusReports)
      .innerJoin(projects, eq(projects.id, statusReports.projectId))
      .leftJoin(createdBy, eq(createdBy.id, statusReports.createdById))
      .leftJoin(publishedBy, eq(publishedBy.id, statusReports.publishedById));
  const flatten = (r: { report: StatusReportRecord; projectCode: string; projectName: string; createdByName: string | null; publishedByName: string | null }): StatusReportRow => ({
    ...r.report,
    projectCode: r.projectCode,
    projectName: r.projectName,
    createdByName: r.createdByName,
    publishedByName: r.publishedByName,
  });

  return {
    /** Newest period first; a client contact's visibility keeps only the published. */
    list: async (workspaceId: string, projectId: string, visibility: StatusReportVisibility): Promise<StatusReportRecord[]> => {
      if (visibility.kind === "none") return [];
      const where = and(eq(statusReports.workspaceId, workspaceId), eq(statusReports.projectId, projectId), visibility.kind === "published" ? eq(statusReports.status, "published") : undefined);
      return db.select().from(statusReports).where(where).orderBy(desc(statusReports.periodTo), desc(statusReports.number));
    },

    get: async (workspaceId: string, id: string): Promise<StatusReportRow | undefined> => {
      const [row] = await selectRows().where(and(eq(statusReports.workspaceId, workspaceId), eq(statusReports.id, id)));
      return row ? flatten(row) : undefined;
    },

    lock: async (id: string): Promise<StatusReportRecord | undefined> => {
      const [row] = await db.select().from(statusReports).where(eq(statusReports.id, id)).for("update");
      return row;
    },

    /** A new report with the next `SR-n` of its project (the project row is locked so two generations never collide). */
    insert: async (actor: Pick<Actor, "userId" | "workspaceId"> | null, values: Omit<NewStatusReportRecord, "number">): Promise<StatusReportRecord> => {
      await db.select({ id: projects.id }).from(projects).where(eq(projects.id, values.projectId)).for("update");
      const [next] = await db
        .select({ number: sql<number>`coalesce(max(${statusReports.number}), 0)::int + 1` })
        .from(statusReports)
        .where(eq(statusReports.projectId, values.projectId));
      const [row] = await db.insert(statusReports).values({ ...values, number: Number(next?.number ?? 1) }).returning();
      if (!row) throw new Error("insert returned nothing");
      await recordAudit(db, actor, values.workspaceId, { entityType: "status_report", entityId: row.id, projectId: row.projectId, action: "create", after: row });
      return row;
    },

    /** Writes `set` if the row is still at `expectedVersion` (undefined otherwise), with its audit row. Call in a transaction with the row locked. */
    update: async (actor: Pick<Actor, "userId" | "workspaceId">, before: StatusReportRecord, expectedVersion: number, set: Partial<NewStatusReportRecord>, action: string, now: Date) => {
      const [after] = await db
        .update(statusReports)
        .set({ ...set, updatedAt: now, version: sql`${statusReports.version} + 1` })
        .where(and(eq(statusReports.id, before.id), eq(statusReports.version, expectedVersion)))
        .returning();
      if (!after) return undefined;
      await recordAudit(db, actor, before.workspaceId, { entityType: "status_report", entityId: before.id, projectId: before.projectId, action, before, after });
      return after;
    },

    /** The five highest-scored active risks, with their owner's name. */
    topRisks: (projectId: string) =>
      db
        .select({ number: risks.number, title: risks.title, probability: risks.probability, impact: risks.impact, status: risks.status, sharedWithClient: risks.sharedWithClient, owner: users.name })
        .from(risks)
        .leftJoin(users, eq(users.id, risks.ownerId))
        .where(and(eq(risks.projectId, projectId), ACTIVE_RISK))
        .orderBy(desc(sql`${risks.probability} * ${risks.impact}`), risks.number)
        .limit(5),

    /** Submitted change requests awaiting a decision. */
    openChangeRequests: (projectId: string) =>
      db
        .select({ number: changeRequests.number, title: changeRequests.title, status: changeRequests.status, impactDays: changeRequests.impactDays })
        .from(changeRequests)
        .where(and(eq(changeRequests.projectId, projectId), eq(changeRequests.status, "submitted")))
        .orderBy(changeRequests.number),

    /** Effort (hours) of the change requests approved since `since`. */
    approvedEffortSince: async (projectId: string, since: Date): Promise<number> => {
      const decidedAt = sql`coalesce(${changeRequests.clientDecidedAt}, ${changeRequests.managerDecidedAt}, ${changeRequests.updatedAt})`;
      const [row] = await db
        .select({ hours: sql<number>`coalesce(sum(${changeRequests.impactEffortHours}), 0)::float8` })
        .from(changeRequests)
        .where(and(eq(changeRequests.projectId, projectId), eq(changeRequests.status, "approved"), gte(decidedAt, since)));
      return Number(row?.hours ?? 0);
    },

    openDefectsBySeverity: async (projectId: string): Promise<{ critical: number; major: number }> => {
      const rows = await db
        .select({ severity: defects.severity, n: count() })
        .from(defects)
        .where(and(eq(defects.projectId, projectId), OPEN_DEFECT, or(eq(defects.severity, "critical"), eq(defects.severity, "major"))))
        .groupBy(defects.severity);
      const of = (s: string) => Number(rows.find((r) => r.severity === s)?.n ?? 0);
      return { critical: of("critical"), major: of("major") };
    },

    /** The phases whose quality gate is still open. */
    openGatePhases: async (projectId: string): Promise<string[]> =>
      (await db.select({ phaseTaskId: qualityGates.phaseTaskId }).from(qualityGates).where(and(eq(qualityGates.projectId, projectId), eq(qualityGates.status, "open")))).map((r) => r.phaseTaskId),

    /** Critical-path flag and percent complete of the given plan tasks. */
    taskFlags: async (projectId: string, ids: readonly string[]) =>
      ids.length === 0
        ? []
        : db
            .select({ id: planTasks.id, critical: planTasks.calcCritical, percentComplete: planTasks.percentComplete })
            .from(planTasks)
            .where(and(eq(planTasks.projectId, projectId), inArray(planTasks.id, [...ids]))),

    schedule: async (projectId: string): Promise<StatusReportScheduleRecord | undefined> => {
      const [row] = await db.select().from(statusReportSchedules).where(eq(statusReportSchedules.projectId, projectId));
      return row;
    },

    /** Saves the schedule if it is still at `expectedVersion` (0: none yet); undefined when it moved on. */
    saveSchedule: async (actor: Actor, projectId: string, expectedVersion: number, values: Pick<StatusReportScheduleRecord, "enabled" | "weekday" | "time" | "timeZone" | "publish">, now: Date) => {
      const [before] = await db.select().from(statusReportSchedules).where(eq(statusReportSchedules.projectId, projectId)).for("update");
      if ((before?.version ?? 0) !== expectedVersion) return undefined;
      const [after] = before
        ? await db
            .update(statusReportSchedules)
            .set({ ...values, updatedById: actor.userId, updatedAt: now, version: sql`${statusReportSchedules.version} + 1` })
            .where(eq(statusReportSchedules.projectId, projectId))
            .returning()
        : await db.insert(statusReportSchedules).values({ ...values, projectId, workspaceId: actor.workspaceId, updatedById: actor.userId, updatedAt: now }).returning();
      if (!after) return undefined;
      await recordAudit(db, actor, actor.workspaceId, { entityType: "status_report_schedule", entityId: projectId, projectId, action: before ? "update" : "create", before, after });
      return after;
    },

    /** Enabled schedules of projects not closed, with their project. */
    enabledSchedules: () =>
      db
        .select({ schedule: statusReportSchedules, project: projects })
        .from(statusReportSchedules)
        .innerJoin(projects, eq(projects.id, statusReportSchedules.projectId))
        .where(and(eq(statusReportSchedules.enabled, true), ne(projects.stage, "closed"))),

    markScheduleRun: async (projectId: string, at: Date) => {
      await db.update(statusReportSchedules).set({ lastRunAt: at }).where(eq(statusReportSchedules.projectId, projectId));
    },

    /** Whether a report for exactly this period exists already (the schedule never generates the same week twice). */
    hasPeriod: async (projectId: string, periodFrom: string, periodTo: string) => {
      const [row] = await db.select({ id: statusReports.id }).from(statusReports).where(and(eq(statusReports.projectId, projectId), eq(statusReports.periodFrom, periodFrom), eq(statusReports.periodTo, periodTo)));
      return row !== undefined;
    },
  };
}
