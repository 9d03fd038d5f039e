/**
 * Client satisfaction (docs/monitoring.md, "Health score"): a client contact rates a published status report of
 * their project, 1–5 stars and a comment — one rating per person and report, editable with a version check. The
 * team reads every rating with the average; a contact only their own. The project health score averages the
 * ratings of the last 90 days (monitoring/project-health.ts). Who may: `canSatisfaction` in policy.ts.
 */
import type { TRateStatusReportRequest, TSatisfactionRating, TStatusReportSatisfaction } from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import { notFound, versionConflict } from "../../platform/app-error";
import { authorize, canSatisfaction, satisfactionVisibility, type Actor, type SatisfactionAction, type StatusReportFacts } from "../../platform/policy";
import { loadProjectAccess } from "../../platform/project-access";
import { createStatusReportsRepository, type StatusReportRow } from "../status-reports/status-reports.repository";
import { createSatisfactionRepository, type SatisfactionRatingRow } from "./satisfaction.repository";

const presentRating = (row: SatisfactionRatingRow): TSatisfactionRating => ({
  id: row.id,
  statusReportId: row.statusReportId,
  userId: row.userId,
  userName: row.userName,
  rating: row.rating,
  comment: row.comment,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
});

const round2 = (x: number) => Math.round(x * 100) / 100;

export function createSatisfactionService(deps: AppDeps) {
  const repo = createSatisfactionRepository(deps.db);

  /** The report and its facts, if the actor may do `action`: 404 when they may not even read it, 403 when they read it but may not act. */
  async function requireReport(actor: Actor, id: string, action: SatisfactionAction): Promise<{ report: StatusReportRow; facts: StatusReportFacts }> {
    const report = await createStatusReportsRepository(deps.db).get(actor.workspaceId, id);
    const project = report ? await loadProjectAccess(deps.db, actor, report.projectId) : undefined;
    const facts = report && project ? { project: project.facts, published: report.status === "published" } : undefined;
    if (!report || !facts || !canSatisfaction(actor, "satisfaction.read", facts)) throw notFound("status_report.not_found");
    authorize(canSatisfaction(actor, action, facts));
    return { report, facts };
  }

  async function present(actor: Actor, reportId: string, facts: StatusReportFacts): Promise<TStatusReportSatisfaction> {
    const all = await repo.list(reportId);
    const visible = satisfactionVisibility(actor) === "all" ? all : all.filter((r) => r.userId === actor.userId);
    const mine = all.find((r) => r.userId === actor.userId);
    // A contact sees only their own rating, so the average they are shown is theirs too.
    return {
      statusReportId: reportId,
      average: visible.length > 0 ? round2(visible.reduce((s, r) => s + r.rating, 0) / visible.length) : null,
      count: visible.length,
      ratings: visible.map(presentRating),
      mine: mine ? presentRating(mine) : null,
      canRate: canSatisfaction(actor, "satisfaction.rate", facts),
    };
  }

  return {
    get: async (actor: Actor, reportId: string) => {
      const { facts } = await requireReport(actor, reportId, "satisfaction.read");
      return present(actor, reportId, facts);
    },

    /** The caller's own rating: `version` 0 gives a first one; otherwise it must be the version read (409 with the current state). */
    rate: async (actor: Actor, reportId: string, body: TRateStatusReportRequest): Promise<TStatusReportSatisfaction> => {
      const { report, facts } = await requireReport(actor, reportId, "satisfaction.rate");
      const values = { rating: body.rating, comment: body.comment ?? "" };
      const written = await deps.db.transaction(async (tx) => {
        const txRepo = createSatisfactionRepository(tx);
        const current = await txRepo.lockOwn(report.id, actor.userId);
        if ((current?.version ?? 0) !== body.version) return false;
        if (!current) {
          const row = await txRepo.insert(actor, { workspaceId: report.workspaceId, projectId: report.projectId, statusReportId: report.id, userId: actor.userId, ...values });
          return row !== undefined;
        }
        return (await txRepo.update(actor, current, body.version, values, deps.now())) !== undefined;
      });
      if (!written) throw versionConflict(await present(actor, reportId, facts));
      return present(actor, reportId, facts);
    },
  };
}
