import { z } from "zod";
import { ZId, ZIsoDate, ZIsoDateTime } from "./common";
import { ZProjectStage } from "./projects";
import { ZStatusReportRag } from "./status-reports";
import { ZDefectSeverity, ZDefectStatus } from "./quality";
import { ZRiskLevel, ZRiskStatus } from "./risks";
import { MEETING_KINDS } from "@jiaofu/engine";
import { HEALTH_BANDS, HEALTH_PARTS } from "./performance";

/**
 * Dashboards (issue 6; docs/monitoring.md, "Dashboards"): the portfolio (every project the caller reads, one row
 * each), the team's project dashboard, and the client-safe project dashboard of the portal. The health score is shown
 * only to the project's managers and workspace owners/admins; a client contact gets no costs, rates, earned-value
 * money, internal notes or health at all.
 */

const ZHealthBand = z.enum(HEALTH_BANDS);

export const PORTFOLIO_SORTS = ["code", "name", "client", "stage", "manager", "progress", "spi", "cpi", "health", "next_milestone", "top_risk", "overdue", "defects"] as const;
export type TPortfolioSort = (typeof PORTFOLIO_SORTS)[number];

/** `GET /portfolio`: filters (each optional) and the sort; `healthBand` keeps only projects whose health the caller may read. */
export const ZPortfolioQuery = z.object({
  stage: ZProjectStage.optional(),
  clientId: ZId.optional(),
  managerId: ZId.optional(),
  healthBand: ZHealthBand.optional(),
  sort: z.enum(PORTFOLIO_SORTS).default("code"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type TPortfolioQuery = z.input<typeof ZPortfolioQuery>;

/** A health score (0–100) and its band; null score: nothing measurable yet. */
export const ZDashboardHealth = z
  .object({
    score: z.number().int().nullable(),
    band: ZHealthBand.nullable(),
    /** Each part's score (0–100, null: not measured) and the weight it counted with (%). */
    parts: z.array(z.object({ part: z.enum(HEALTH_PARTS), score: z.number().nullable(), effectiveWeight: z.number() })),
  })
  .meta({ id: "DashboardHealth" });
export type TDashboardHealth = z.infer<typeof ZDashboardHealth>;

export const ZDashboardMilestone = z
  .object({
    taskId: ZId,
    wbsCode: z.string(),
    name: z.string(),
    /** The forecast date (the plan's finish). */
    date: ZIsoDate.nullable(),
    /** The date in the latest plan baseline; null: no baseline or not in it. */
    baselineDate: ZIsoDate.nullable(),
    /** Calendar days later (+) or earlier (−) than the baseline. */
    slipDays: z.number().int().nullable(),
    done: z.boolean(),
  })
  .meta({ id: "DashboardMilestone" });
export type TDashboardMilestone = z.infer<typeof ZDashboardMilestone>;

export const ZPortfolioRisk = z.object({ id: ZId, key: z.string(), title: z.string(), score: z.number().int(), level: ZRiskLevel });

export const ZPortfolioProject = z
  .object({
    id: ZId,
    code: z.string(),
    name: z.string(),
    stage: ZProjectStage,
    client: z.object({ id: ZId, name: z.string() }),
    manager: z.object({ id: ZId, name: z.string() }).nullable(),
    /** Progress by effort (%), from the latest progress snapshot; null before the first. */
    percentComplete: z.number().nullable(),
    spi: z.number().nullable(),
    cpi: z.number().nullable(),
    /** The day SPI, CPI and progress were measured. */
    measuredOn: ZIsoDate.nullable(),
    /** Null when the caller may not read this project's health (only its managers and owners/admins may). */
    health: z.object({ score: z.number().int().nullable(), band: ZHealthBand.nullable() }).nullable(),
    nextMilestone: ZDashboardMilestone.nullable(),
    topRisk: ZPortfolioRisk.nullable(),
    /** Unfinished tasks past their due date (deadline, else planned finish). */
    overdueTasks: z.number().int(),
    /** Defects open or in progress. */
    openDefects: z.number().int(),
    lastReport: z.object({ id: ZId, number: z.number().int(), overall: ZStatusReportRag, periodTo: ZIsoDate, published: z.boolean() }).nullable(),
  })
  .meta({ id: "PortfolioProject" });
export type TPortfolioProject = z.infer<typeof ZPortfolioProject>;

export const ZPortfolio = z
  .object({
    today: ZIsoDate,
    projects: z.array(ZPortfolioProject),
    /** Counts over the rows returned. */
    summary: z.object({
      byStage: z.record(z.string(), z.number().int()),
      byHealth: z.object({ healthy: z.number().int(), watch: z.number().int(), at_risk: z.number().int(), unscored: z.number().int(), hidden: z.number().int() }),
      overdueTasks: z.number().int(),
      openDefects: z.number().int(),
    }),
  })
  .meta({ id: "Portfolio" });
export type TPortfolio = z.infer<typeof ZPortfolio>;

export const ZDashboardPhase = z.object({ taskId: ZId, wbsCode: z.string(), name: z.string(), start: ZIsoDate.nullable(), finish: ZIsoDate.nullable(), percentComplete: z.number() });

/** `GET /projects/:id/dashboard`: the team's project dashboard. */
export const ZProjectDashboard = z
  .object({
    projectId: ZId,
    today: ZIsoDate,
    currency: z.string(),
    percentComplete: z.number().nullable(),
    spi: z.number().nullable(),
    cpi: z.number().nullable(),
    /** PV, EV and AC at each snapshot (the latest 26), for a small S-curve. */
    curve: z.array(z.object({ asOf: ZIsoDate, pv: z.number(), ev: z.number(), ac: z.number() })),
    phases: z.array(ZDashboardPhase),
    milestones: z.array(ZDashboardMilestone),
    risksByLevel: z.record(ZRiskLevel, z.number().int()),
    defectsBySeverity: z.record(ZDefectSeverity, z.number().int()),
    /** Leaf tasks per board column (the project's workflow; the default columns by category before the board is opened). */
    tasksByStatus: z.array(z.object({ id: z.string(), name: z.string(), category: z.enum(["todo", "in_progress", "done"]), count: z.number().int() })),
    overdueTaskCount: z.number().int(),
    overdueTasks: z.array(z.object({ id: ZId, wbsCode: z.string(), name: z.string(), dueDate: ZIsoDate, daysOverdue: z.number().int(), percentComplete: z.number().int() })),
    /** Hours logged per week (Monday), the last 8 weeks, oldest first. */
    hoursByWeek: z.array(z.object({ weekStart: ZIsoDate, hours: z.number() })),
    lastReport: z.object({ id: ZId, number: z.number().int(), overall: ZStatusReportRag, periodTo: ZIsoDate, published: z.boolean() }).nullable(),
    /** Null when the caller may not read the project's health. */
    health: ZDashboardHealth.nullable(),
  })
  .meta({ id: "ProjectDashboard" });
export type TProjectDashboard = z.infer<typeof ZProjectDashboard>;

/** `GET /projects/:id/client-dashboard`: what the client sees — no costs, rates, earned value, notes or health. */
export const ZClientProjectDashboard = z
  .object({
    projectId: ZId,
    today: ZIsoDate,
    stage: ZProjectStage,
    percentComplete: z.number().nullable(),
    phases: z.array(ZDashboardPhase),
    milestones: z.array(z.object({ taskId: ZId, wbsCode: z.string(), name: z.string(), date: ZIsoDate.nullable(), done: z.boolean() })),
    latestReport: z.object({ id: ZId, number: z.number().int(), title: z.string(), overall: ZStatusReportRag, periodTo: ZIsoDate, publishedAt: ZIsoDateTime.nullable() }).nullable(),
    risks: z.array(z.object({ id: ZId, key: z.string(), title: z.string(), level: ZRiskLevel, status: ZRiskStatus })),
    defects: z.array(z.object({ id: ZId, key: z.string(), title: z.string(), severity: ZDefectSeverity, status: ZDefectStatus })),
    meetings: z.array(z.object({ id: ZId, title: z.string(), kind: z.enum(MEETING_KINDS), startsAt: ZIsoDateTime, durationMinutes: z.number().int(), location: z.string() })),
  })
  .meta({ id: "ClientProjectDashboard" });
export type TClientProjectDashboard = z.infer<typeof ZClientProjectDashboard>;
