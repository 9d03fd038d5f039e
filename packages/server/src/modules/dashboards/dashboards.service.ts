/**
 * Dashboards (docs/monitoring.md, "Dashboards"): the portfolio — one row per project the caller reads, built from a
 * fixed number of grouped queries whatever the number of projects — the team's project dashboard and the client-safe
 * project dashboard of the portal. Health comes from `projectsHealth` (monitoring/project-health.ts) and is shown only
 * where `performance.read` allows (the project's managers, owners and admins); the client dashboard is assembled from client-safe reads only (no cost, rate,
 * earned-value money, note or health is ever loaded for it).
 */
import type { TClientProjectDashboard, TLocale, TDashboardMilestone, TPortfolio, TPortfolioProject, TPortfolioQuery, TProjectDashboard } from "@jiaofu/contracts";
import { boardColumnOf, defectKey, DEFECT_SEVERITIES, earnedValueRatio, type HealthScore, riskKey, riskLevelOfScore, RISK_LEVELS } from "@jiaofu/engine";
import type { AppDeps } from "../../app";
import { translate, type MessageKey } from "../../platform/messages";
import { authorize, canDashboard, canPerformance, canReadPortfolio, projectVisibility, type Actor, type DashboardAction } from "../../platform/policy";
import { requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { createMonitoringRepository } from "../monitoring/monitoring.repository";
import { takeProgressSnapshot, todayOf } from "../monitoring/monitoring.service";
import { projectsHealth } from "../monitoring/project-health";
import { createDashboardsRepository } from "./dashboards.repository";
import { comparePortfolioRows } from "./portfolio-sort";

/** How many snapshots the dashboard's small S-curve shows, overdue tasks it lists, weeks of hours it sums. */
const CURVE_POINTS = 26;
const OVERDUE_LISTED = 10;
const HOUR_WEEKS = 8;
const CLIENT_DEFECTS_LISTED = 20;
const CLIENT_MEETINGS_LISTED = 5;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** The Monday of the ISO week of `day`. */
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
const ratio = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000 + 0);
const round2 = (x: number) => Math.round(x * 100) / 100 + 0;

/** The board's default columns, named in the reader's language, for a project whose board was never opened. */
const DEFAULT_COLUMNS: { id: string; key: MessageKey; category: "todo" | "in_progress" | "done" }[] = [
  { id: "todo", key: "board.default_todo", category: "todo" },
  { id: "in_progress", key: "board.default_in_progress", category: "in_progress" },
  { id: "done", key: "board.default_done", category: "done" },
];

function milestoneOf(m: { taskId: string; wbsCode: string; name: string; date: string | null; baselineDate: string | null; done: boolean }): TDashboardMilestone {
  return { ...m, slipDays: m.date !== null && m.baselineDate !== null ? daysBetween(m.baselineDate, m.date) : null };
}

const presentHealth = (h: HealthScore) => ({ score: h.score, band: h.band, parts: h.parts.map((p) => ({ part: p.part, score: p.score, effectiveWeight: p.effectiveWeight })) });

export function createDashboardsService(deps: AppDeps) {
  const repo = createDashboardsRepository(deps.db);
  const monitoring = createMonitoringRepository(deps.db);

  async function requireProject(actor: Actor, projectId: string, action: DashboardAction): Promise<ProjectAccess> {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canDashboard(actor, action, access.facts));
    return access;
  }

  /** Today's snapshot, written on the first dashboard read of the day (as the monitoring reads do), once there is a plan. */
  async function ensureTodaySnapshot(project: ProjectAccess["project"], today: string, hasPlan: boolean): Promise<void> {
    if (hasPlan && !(await monitoring.hasSnapshot(project.id, today))) await takeProgressSnapshot(deps.db, project, today);
  }

  /** Phases (top-level summary tasks, plan order) and milestones (zero-duration tasks, by date) of a project's tasks. */
  function planOutline(tasks: Awaited<ReturnType<typeof repo.tasks>>, baselineFinish: Map<string, string | null>) {
    const phases = tasks
      .filter((t) => t.parentId === null && t.isSummary)
      .sort((a, b) => a.position - b.position)
      .map((t) => ({ taskId: t.id, wbsCode: t.wbsCode, name: t.name, start: t.start, finish: t.finish, percentComplete: round2(t.calcPercentComplete ?? t.percentComplete) }));
    const milestones = tasks
      .filter((t) => !t.isSummary && t.durationDays === 0)
      .sort((a, b) => (a.finish ?? "9999").localeCompare(b.finish ?? "9999") || a.wbsCode.localeCompare(b.wbsCode))
      .map((t) => milestoneOf({ taskId: t.id, wbsCode: t.wbsCode, name: t.name, date: t.finish, baselineDate: baselineFinish.get(t.id) ?? null, done: t.percentComplete >= 100 }));
    return { phases, milestones };
  }

  return {
    portfolio: async (actor: Actor, query: TPortfolioQuery): Promise<TPortfolio> => {
      authorize(canReadPortfolio(actor));
      const today = todayOf(deps.now());
      const rows = await repo.portfolioProjects(actor, projectVisibility(actor), { stage: query.stage, clientId: query.clientId, managerId: query.managerId });
      const ids = rows.map((r) => r.id);
      const [health, progress, milestones, topRisks, overdue, openDefects, reports] =
        ids.length === 0
          ? [new Map(), [], [], [], [], [], []]
          : await Promise.all([
              projectsHealth(deps.db, ids, today),
              repo.latestProgress(ids),
              repo.nextMilestones(ids),
              repo.topRisks(ids),
              repo.overdueTaskCounts(ids, today),
              repo.openDefectCounts(ids),
              repo.lastReports(ids),
            ]);
      const byProject = <T extends { projectId: string }>(list: T[]) => new Map(list.map((x) => [x.projectId, x]));
      const progressOf = byProject(progress);
      const milestoneOfProject = byProject(milestones);
      const riskOf = byProject(topRisks);
      const overdueOf = byProject(overdue);
      const defectsOf = byProject(openDefects);
      const reportOf = byProject(reports);

      let projects: TPortfolioProject[] = rows.map((r) => {
        const h = health.get(r.id);
        const m = milestoneOfProject.get(r.id);
        const risk = riskOf.get(r.id);
        const report = reportOf.get(r.id);
        const p = progressOf.get(r.id);
        const mayReadHealth = canPerformance(actor, "performance.read", { clientId: r.clientId, memberRole: r.memberRole ?? null });
        return {
          id: r.id,
          code: r.code,
          name: r.name,
          stage: r.stage,
          client: { id: r.clientId, name: r.clientName },
          manager: r.managerId !== null && r.managerName !== null ? { id: r.managerId, name: r.managerName } : null,
          percentComplete: p ? ratio(p.percentComplete) : null,
          spi: ratio(h?.inputs.spi ?? null),
          cpi: ratio(h?.inputs.cpi ?? null),
          measuredOn: h?.measuredOn ?? null,
          health: mayReadHealth && h ? { score: h.health.score, band: h.health.band } : null,
          nextMilestone: m ? milestoneOf({ taskId: m.taskId, wbsCode: m.wbsCode, name: m.name, date: m.date, baselineDate: m.baselineDate, done: false }) : null,
          topRisk: risk ? { id: risk.id, key: riskKey(risk.number), title: risk.title, score: risk.probability * risk.impact, level: riskLevelOfScore(risk.probability * risk.impact) } : null,
          overdueTasks: Number(overdueOf.get(r.id)?.n ?? 0),
          openDefects: Number(defectsOf.get(r.id)?.n ?? 0),
          lastReport: report ? { id: report.id, number: report.number, overall: report.overall, periodTo: report.periodTo, published: report.status === "published" } : null,
        };
      });
      if (query.healthBand) projects = projects.filter((p) => p.health?.band === query.healthBand);
      const dir = query.dir === "desc" ? -1 : 1;
      projects.sort((a, b) => comparePortfolioRows(a, b, query.sort ?? "code", dir));

      const byStage: Record<string, number> = {};
      const byHealth = { healthy: 0, watch: 0, at_risk: 0, unscored: 0, hidden: 0 };
      for (const p of projects) {
        byStage[p.stage] = (byStage[p.stage] ?? 0) + 1;
        if (p.health === null) byHealth.hidden++;
        else if (p.health.band === null) byHealth.unscored++;
        else byHealth[p.health.band]++;
      }
      return {
        today,
        projects,
        summary: { byStage, byHealth, overdueTasks: projects.reduce((s, p) => s + p.overdueTasks, 0), openDefects: projects.reduce((s, p) => s + p.openDefects, 0) },
      };
    },

    projectDashboard: async (actor: Actor, projectId: string, locale: TLocale): Promise<TProjectDashboard> => {
      const { project, facts } = await requireProject(actor, projectId, "dashboard.read");
      const today = todayOf(deps.now());
      const tasks = await repo.tasks(project.id);
      await ensureTodaySnapshot(project, today, tasks.length > 0);
      const mayReadHealth = canPerformance(actor, "performance.read", facts);
      const firstWeek = addDays(mondayOf(today), -7 * (HOUR_WEEKS - 1));
      const [snapshots, statuses, baselineFinish, riskScores, defectCounts, minutes, report, health] = await Promise.all([
        repo.recentSnapshots(project.id, CURVE_POINTS),
        repo.statuses(project.id),
        repo.baselineFinishes(project.id),
        repo.activeRiskScores(project.id),
        repo.openDefectsBySeverity(project.id),
        repo.minutesByWeek(project.id, firstWeek),
        repo.lastReport(project.id, false),
        mayReadHealth ? projectsHealth(deps.db, [project.id], today) : Promise.resolve(null),
      ]);
      const latest = snapshots.at(-1);
      const { phases, milestones } = planOutline(tasks, baselineFinish);

      const columns = statuses.length > 0 ? statuses : DEFAULT_COLUMNS.map((c) => ({ id: c.id, name: translate(locale, c.key), category: c.category }));
      const counts = new Map(columns.map((c) => [c.id, 0]));
      for (const task of tasks) {
        if (task.isSummary || task.durationDays <= 0) continue; // board cards only: phases and milestones are not on the board
        const column = boardColumnOf(columns, task);
        if (column !== null) counts.set(column, (counts.get(column) ?? 0) + 1);
      }

      // Due: the deadline, else the planned finish (as the board's cards); overdue: unfinished and due before today.
      const overdue = tasks
        .flatMap((t) => {
          const dueDate = t.deadline ?? t.finish;
          if (t.isSummary || t.percentComplete >= 100 || dueDate === null || dueDate >= today) return [];
          return [{ id: t.id, wbsCode: t.wbsCode, name: t.name, dueDate, daysOverdue: daysBetween(dueDate, today), percentComplete: t.percentComplete }];
        })
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.wbsCode.localeCompare(b.wbsCode));

      const minutesOf = new Map(minutes.map((m) => [m.weekStart, Number(m.minutes)]));
      const risksByLevel = Object.fromEntries(RISK_LEVELS.map((level) => [level, 0])) as TProjectDashboard["risksByLevel"];
      for (const r of riskScores) risksByLevel[riskLevelOfScore(Number(r.score))]++;
      const defectsBySeverity = Object.fromEntries(DEFECT_SEVERITIES.map((s) => [s, 0])) as TProjectDashboard["defectsBySeverity"];
      for (const d of defectCounts) defectsBySeverity[d.severity] = Number(d.n);
      const projectHealth = health?.get(project.id);

      return {
        projectId: project.id,
        today,
        currency: project.currency,
        percentComplete: latest ? ratio(latest.percentComplete) : null,
        spi: latest ? ratio(earnedValueRatio(latest.ev, latest.pv)) : null,
        cpi: latest ? ratio(earnedValueRatio(latest.ev, latest.ac)) : null,
        curve: snapshots.map((s) => ({ asOf: s.asOf, pv: round2(s.pv), ev: round2(s.ev), ac: round2(s.ac) })),
        phases,
        milestones,
        risksByLevel,
        defectsBySeverity,
        tasksByStatus: columns.map((c) => ({ id: c.id, name: c.name, category: c.category, count: counts.get(c.id) ?? 0 })),
        overdueTaskCount: overdue.length,
        overdueTasks: overdue.slice(0, OVERDUE_LISTED),
        hoursByWeek: Array.from({ length: HOUR_WEEKS }, (_, i) => {
          const weekStart = addDays(firstWeek, 7 * i);
          return { weekStart, hours: round2((minutesOf.get(weekStart) ?? 0) / 60) };
        }),
        lastReport: report ? { id: report.id, number: report.number, overall: report.overall, periodTo: report.periodTo, published: report.status === "published" } : null,
        health: projectHealth ? presentHealth(projectHealth.health) : null,
      };
    },

    clientDashboard: async (actor: Actor, projectId: string): Promise<TClientProjectDashboard> => {
      const { project } = await requireProject(actor, projectId, "dashboard.read_client");
      const now = deps.now();
      const today = todayOf(now);
      const tasks = await repo.tasks(project.id);
      await ensureTodaySnapshot(project, today, tasks.length > 0);
      const [snapshots, report, sharedRisks, clientDefects, upcoming] = await Promise.all([
        repo.recentSnapshots(project.id, 1),
        repo.lastReport(project.id, true),
        repo.sharedRisks(project.id),
        repo.clientRaisedDefects(project.id, CLIENT_DEFECTS_LISTED),
        repo.upcomingClientMeetings(project.id, now, CLIENT_MEETINGS_LISTED),
      ]);
      const { phases, milestones } = planOutline(tasks, new Map());
      const latest = snapshots.at(-1);
      return {
        projectId: project.id,
        today,
        stage: project.stage,
        percentComplete: latest ? ratio(latest.percentComplete) : null,
        phases,
        // Dates only: the baseline comparison is the team's.
        milestones: milestones.map((m) => ({ taskId: m.taskId, wbsCode: m.wbsCode, name: m.name, date: m.date, done: m.done })),
        latestReport: report
          ? { id: report.id, number: report.number, title: report.title, overall: report.overall, periodTo: report.periodTo, publishedAt: report.publishedAt?.toISOString() ?? null }
          : null,
        risks: sharedRisks.map((r) => ({ id: r.id, key: riskKey(r.number), title: r.title, level: riskLevelOfScore(r.probability * r.impact), status: r.status })),
        defects: clientDefects.map((d) => ({ id: d.id, key: defectKey(d.number), title: d.title, severity: d.severity, status: d.status })),
        meetings: upcoming.map((m) => ({ id: m.id, title: m.title, kind: m.kind, startsAt: m.startsAt.toISOString(), durationMinutes: m.durationMinutes, location: m.location })),
      };
    },
  };
}
export type DashboardsService = ReturnType<typeof createDashboardsService>;
