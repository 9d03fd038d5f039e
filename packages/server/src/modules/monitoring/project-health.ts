/**
 * The facts behind the project health score (engine `projectHealthScore`; docs/monitoring.md, "Health score"), for
 * many projects at once — the portfolio page asks for every project, so each fact is one grouped query over all of
 * them, never a query per project:
 * - SPI and CPI from each project's latest progress snapshot (the hourly pass keeps today's current),
 * - open defects by severity and quality gates still open after their phase's forecast finish,
 * - the highest score of an active risk,
 * - the mean client satisfaction rating over the last 90 days (by when a rating was last given or changed).
 */
import { earnedValueRatio, type HealthScore, type HealthScoreInputs, projectHealthScore } from "@jiaofu/engine";
import { and, count, desc, eq, gte, inArray, lt, max, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { clientSatisfactionRatings, defects, planTasks, progressSnapshots, qualityGates, risks } from "../../db/schema";

/** How far back client ratings count. */
export const HEALTH_SATISFACTION_WINDOW_DAYS = 90;

export type ProjectHealth = {
  health: HealthScore;
  inputs: HealthScoreInputs;
  /** The day of the snapshot SPI and CPI come from; null: no snapshot yet. */
  measuredOn: string | null;
};

const addDaysIso = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
};

/** The health of each project in `projectIds` (every id gets an entry) as of `today` (YYYY-MM-DD). */
export async function projectsHealth(db: Db | Tx, projectIds: readonly string[], today: string): Promise<Map<string, ProjectHealth>> {
  const result = new Map<string, ProjectHealth>();
  if (projectIds.length === 0) return result;
  const ids = [...projectIds];
  const [snapshots, defectCounts, overdueGates, topRisks, ratings] = await Promise.all([
    db
      .selectDistinctOn([progressSnapshots.projectId], {
        projectId: progressSnapshots.projectId,
        asOf: progressSnapshots.asOf,
        pv: progressSnapshots.plannedValue,
        ev: progressSnapshots.earnedValue,
        ac: progressSnapshots.actualCost,
      })
      .from(progressSnapshots)
      .where(inArray(progressSnapshots.projectId, ids))
      .orderBy(progressSnapshots.projectId, desc(progressSnapshots.asOf)),
    db
      .select({ projectId: defects.projectId, severity: defects.severity, n: count() })
      .from(defects)
      .where(and(inArray(defects.projectId, ids), inArray(defects.status, ["open", "in_progress"])))
      .groupBy(defects.projectId, defects.severity),
    db
      .select({ projectId: qualityGates.projectId, n: count() })
      .from(qualityGates)
      .innerJoin(planTasks, eq(planTasks.id, qualityGates.phaseTaskId))
      .where(and(inArray(qualityGates.projectId, ids), eq(qualityGates.status, "open"), lt(planTasks.calcFinish, today)))
      .groupBy(qualityGates.projectId),
    db
      .select({ projectId: risks.projectId, score: max(sql<number>`${risks.probability} * ${risks.impact}`) })
      .from(risks)
      .where(and(inArray(risks.projectId, ids), inArray(risks.status, ["open", "monitoring"])))
      .groupBy(risks.projectId),
    db
      .select({ projectId: clientSatisfactionRatings.projectId, mean: sql<number>`avg(${clientSatisfactionRatings.rating})::float8`, n: count() })
      .from(clientSatisfactionRatings)
      .where(and(inArray(clientSatisfactionRatings.projectId, ids), gte(clientSatisfactionRatings.updatedAt, addDaysIso(today, -HEALTH_SATISFACTION_WINDOW_DAYS))))
      .groupBy(clientSatisfactionRatings.projectId),
  ]);
  const snapshotOf = new Map(snapshots.map((s) => [s.projectId, s]));
  const gatesOf = new Map(overdueGates.map((g) => [g.projectId, Number(g.n)]));
  const riskOf = new Map(topRisks.map((r) => [r.projectId, r.score === null ? null : Number(r.score)]));
  const ratingOf = new Map(ratings.map((r) => [r.projectId, { mean: Number(r.mean), n: Number(r.n) }]));
  const defectsOf = (projectId: string, severity: string) => Number(defectCounts.find((d) => d.projectId === projectId && d.severity === severity)?.n ?? 0);
  for (const projectId of ids) {
    const snapshot = snapshotOf.get(projectId);
    const rating = ratingOf.get(projectId);
    const inputs: HealthScoreInputs = {
      spi: snapshot ? earnedValueRatio(snapshot.ev, snapshot.pv) : null,
      cpi: snapshot ? earnedValueRatio(snapshot.ev, snapshot.ac) : null,
      openCriticalDefects: defectsOf(projectId, "critical"),
      openMajorDefects: defectsOf(projectId, "major"),
      openMinorDefects: defectsOf(projectId, "minor"),
      overdueOpenGates: gatesOf.get(projectId) ?? 0,
      highestOpenRiskScore: riskOf.get(projectId) ?? null,
      satisfactionMean: rating ? rating.mean : null,
      satisfactionCount: rating ? rating.n : 0,
    };
    result.set(projectId, { health: projectHealthScore(inputs), inputs, measuredOn: snapshot?.asOf ?? null });
  }
  return result;
}
