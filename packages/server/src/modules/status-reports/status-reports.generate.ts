/**
 * Generating a status report's figures and ratings from the project's data (docs/monitoring.md, "Status reports"):
 * the project measured today against its latest plan baseline (as the earned-value page does), its milestones with
 * their slip against that baseline, the top risks, the change requests awaiting a decision, open defects and gates;
 * then the RAG rules of the engine. Reads only; the caller writes the report.
 */
import {
  calendarDaysBetween,
  changeRequestKey,
  riskKey,
  earnedValueIndicators,
  STATUS_REPORT_DIMENSIONS,
  statusReportRatings,
  type StatusReportDimension,
  type StatusReportRag,
  type StatusReportRule,
} from "@jiaofu/engine";
import type { TStatusReportContent } from "@jiaofu/contracts";
import type { Db, Tx } from "../../db/database";
import type { ProjectAccess } from "../../platform/project-access";
import { measureProject } from "../monitoring/monitoring.measure";
import { presentFigures } from "../monitoring/monitoring.presenter";
import { createMonitoringRepository } from "../monitoring/monitoring.repository";
import { createStatusReportsRepository } from "./status-reports.repository";

type ProjectRow = ProjectAccess["project"];

/** What is stored in `content`: the figures shown, each risk's sharing flag, the generated rules, and who overrode a colour. */
export type StoredStatusReportContent = Omit<TStatusReportContent, "topRisks"> & {
  topRisks: (TStatusReportContent["topRisks"][number] & { sharedWithClient: boolean })[];
  generated: Record<StatusReportDimension, { rag: StatusReportRag; rule: StatusReportRule }>;
  overrides: Partial<Record<StatusReportDimension, { person: string }>>;
};

export type GeneratedStatusReport = {
  overall: StatusReportRag;
  dimensions: Record<StatusReportDimension, { rag: StatusReportRag; rule: string; note: string }>;
  content: StoredStatusReportContent;
};

export async function generateStatusReport(db: Db | Tx, project: ProjectRow, period: { from: string; to: string }, today: string): Promise<GeneratedStatusReport> {
  const repo = createStatusReportsRepository(db);
  const monitoring = createMonitoringRepository(db);
  const baseline = (await monitoring.latestBaseline(project.id)) ?? null;
  const [measured, baselineTasks, risks, openCrs, defects, openGatePhases] = await Promise.all([
    measureProject(db, project, today, baseline),
    baseline ? monitoring.baselineTasks(baseline.id) : Promise.resolve([]),
    repo.topRisks(project.id),
    repo.openChangeRequests(project.id),
    repo.openDefectsBySeverity(project.id),
    repo.openGatePhases(project.id),
  ]);
  const figures = presentFigures(earnedValueIndicators({ bac: measured.bac, pv: measured.pv, ev: measured.ev, ac: measured.ac }));

  // Milestones: forecast against the baseline's finish, in calendar days; the critical ones drive the schedule colour.
  const flags = new Map((await repo.taskFlags(project.id, measured.milestones.map((m) => m.taskId))).map((f) => [f.id, f]));
  const baselineFinish = new Map(baselineTasks.map((t) => [t.taskId, t.finish]));
  const milestones = measured.milestones.map((m) => {
    const planned = baselineFinish.get(m.taskId) ?? null;
    const flag = flags.get(m.taskId);
    return {
      wbsCode: m.wbsCode,
      name: m.name,
      finish: m.finish,
      baselineFinish: planned,
      slipDays: planned !== null && m.finish !== null ? calendarDaysBetween(planned, m.finish) : null,
      critical: flag?.critical ?? false,
      done: (flag?.percentComplete ?? 0) >= 100,
    };
  });
  let worst: (typeof milestones)[number] | null = null;
  for (const m of milestones) if (m.critical && !m.done && m.slipDays !== null && (worst === null || m.slipDays > (worst.slipDays ?? 0))) worst = m;

  // Scope growth: effort of change requests approved since the baseline, over the baseline's work.
  const baselineWork = baselineTasks.filter((t) => !t.isSummary).reduce((s, t) => s + (t.workHours ?? 0), 0);
  const scopeGrowth = baseline && baselineWork > 0 ? (await repo.approvedEffortSince(project.id, baseline.createdAt)) / baselineWork : null;

  // A gate counts against quality once its phase's forecast finish falls within the period or before.
  const phaseFinish = new Map(measured.phases.map((p) => [p.taskId, p.finish]));
  const overdueOpenGates = openGatePhases.filter((id) => {
    const finish = phaseFinish.get(id);
    return finish !== null && finish !== undefined && finish <= period.to;
  }).length;

  const top = risks[0];
  const ratings = statusReportRatings({
    scope: { openChangeRequests: openCrs.length, scopeGrowth },
    schedule: { spi: figures.spi, milestoneSlipDays: worst?.slipDays ?? null, milestoneName: worst?.name ?? null },
    cost: { cpi: figures.cpi, vac: figures.vac, bac: figures.bac },
    quality: { openCriticalDefects: defects.critical, openMajorDefects: defects.major, overdueOpenGates },
    risk: { highestOpenScore: top ? top.probability * top.impact : null, riskKey: top ? riskKey(top.number) : null },
  });

  const dimensions = {} as GeneratedStatusReport["dimensions"];
  for (const d of STATUS_REPORT_DIMENSIONS) dimensions[d] = { rag: ratings.dimensions[d].rag, rule: ratings.dimensions[d].rule.key, note: "" };
  return {
    overall: ratings.overall,
    dimensions,
    content: {
      asOf: today,
      currency: project.currency,
      percentComplete: Math.round(measured.progress.percentComplete * 100) / 100,
      earnedValue: { spi: figures.spi, cpi: figures.cpi, bac: figures.bac, pv: figures.pv, ev: figures.ev, ac: figures.ac, eac: figures.eac, vac: figures.vac },
      phases: measured.phases.filter((p) => p.isSummary).map((p) => ({ wbsCode: p.wbsCode, name: p.name, progress: Math.round(p.progress * 100) / 100, finish: p.finish })),
      milestones,
      completedInPeriod: milestones.filter((m) => m.done && m.finish !== null && m.finish >= period.from && m.finish <= period.to).length,
      topRisks: risks.map((r) => ({ key: riskKey(r.number), title: r.title, score: r.probability * r.impact, status: r.status, owner: r.owner, sharedWithClient: r.sharedWithClient })),
      openChangeRequests: openCrs.map((c) => ({ key: changeRequestKey(c.number), title: c.title, status: c.status, impactDays: c.impactDays })),
      defects: { critical: defects.critical, major: defects.major, openGates: openGatePhases.length },
      generated: ratings.dimensions,
      overrides: {},
    },
  };
}
