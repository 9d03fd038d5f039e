/**
 * Status report RAG rules (docs/monitoring.md, "Status reports"): each dimension of a project's health — scope,
 * schedule, cost, quality, risk — is rated green, amber or red from the project's figures, and the rating carries
 * the rule that set it (a message key and its parameters) so the reader sees why. The overall rating is the worst of
 * the five. Thresholds are the commonly used earned-value bands (an index below 0.95 needs watching, below 0.8 needs
 * action) and the risk register's own levels; they are constants here so the documentation can quote them.
 */
import { RISK_LEVEL_MIN_SCORE } from "../risks/risk-score";

export const STATUS_REPORT_DIMENSIONS = ["scope", "schedule", "cost", "quality", "risk"] as const;
export type StatusReportDimension = (typeof STATUS_REPORT_DIMENSIONS)[number];
export type StatusReportRag = "green" | "amber" | "red";

/** The rule that set a colour: a message key (`status_report.rule.*`) and the figures it quotes. */
export type StatusReportRule = { key: string; params: Record<string, number | string> };
export type StatusReportRating = { rag: StatusReportRag; rule: StatusReportRule };

/** SPI or CPI below this is amber. */
export const STATUS_REPORT_INDEX_AMBER = 0.95;
/** SPI or CPI below this is red. */
export const STATUS_REPORT_INDEX_RED = 0.8;
/** A critical milestone forecast this many calendar days or more after its baseline date is red (any slip is amber). */
export const STATUS_REPORT_MILESTONE_RED_DAYS = 10;
/** A forecast overrun (−VAC) above this share of the budget is red (any overrun is amber). */
export const STATUS_REPORT_VAC_RED_SHARE = 0.1;
/** Open (submitted, undecided) change requests from this many on are amber; from the red count on, red. */
export const STATUS_REPORT_OPEN_CR_AMBER = 1;
export const STATUS_REPORT_OPEN_CR_RED = 5;
/** Scope growth (approved change requests' added work over the baseline work) above this share is amber; above the red share, red. */
export const STATUS_REPORT_SCOPE_GROWTH_AMBER = 0.05;
export const STATUS_REPORT_SCOPE_GROWTH_RED = 0.15;
/** The highest open risk's score: from the register's "high" level amber, from "critical" red. */
export const STATUS_REPORT_RISK_AMBER_SCORE = RISK_LEVEL_MIN_SCORE.high;
export const STATUS_REPORT_RISK_RED_SCORE = RISK_LEVEL_MIN_SCORE.critical;

const round2 = (x: number) => Math.round(x * 100) / 100;
const percent = (share: number) => Math.round(share * 1000) / 10;
const rating = (rag: StatusReportRag, key: string, params: Record<string, number | string> = {}): StatusReportRating => ({ rag, rule: { key: `status_report.rule.${key}`, params } });

export type ScheduleInputs = {
  /** Schedule performance index; null: nothing planned yet. */
  spi: number | null;
  /** The worst forecast slip of a critical milestone against the baseline, in calendar days (≤ 0: on time); null: no baseline or no critical milestone. */
  milestoneSlipDays: number | null;
  /** That milestone's name, quoted by the rule. */
  milestoneName: string | null;
};

/** Schedule: red when SPI < 0.8 or a critical milestone slips 10 days or more; amber when SPI < 0.95 or any critical milestone slips. */
export function scheduleRating({ spi, milestoneSlipDays, milestoneName }: ScheduleInputs): StatusReportRating {
  const slip = milestoneSlipDays !== null && milestoneSlipDays > 0 ? milestoneSlipDays : null;
  const milestone = milestoneName ?? "";
  if (spi !== null && spi < STATUS_REPORT_INDEX_RED) return rating("red", "schedule.spi_red", { spi: round2(spi), threshold: STATUS_REPORT_INDEX_RED });
  if (slip !== null && slip >= STATUS_REPORT_MILESTONE_RED_DAYS) return rating("red", "schedule.milestone_red", { milestone, days: slip, threshold: STATUS_REPORT_MILESTONE_RED_DAYS });
  if (spi !== null && spi < STATUS_REPORT_INDEX_AMBER) return rating("amber", "schedule.spi_amber", { spi: round2(spi), threshold: STATUS_REPORT_INDEX_AMBER });
  if (slip !== null) return rating("amber", "schedule.milestone_amber", { milestone, days: slip });
  if (spi === null) return rating("green", "schedule.no_data");
  return rating("green", "schedule.green", { spi: round2(spi), threshold: STATUS_REPORT_INDEX_AMBER });
}

export type CostInputs = { cpi: number | null; vac: number | null; bac: number };

/** Cost: red when CPI < 0.8 or the forecast overrun exceeds 10 % of the budget; amber when CPI < 0.95 or any overrun (VAC < 0). */
export function costRating({ cpi, vac, bac }: CostInputs): StatusReportRating {
  const overrun = vac !== null && vac < 0 && bac > 0 ? -vac / bac : null;
  if (cpi !== null && cpi < STATUS_REPORT_INDEX_RED) return rating("red", "cost.cpi_red", { cpi: round2(cpi), threshold: STATUS_REPORT_INDEX_RED });
  if (overrun !== null && overrun > STATUS_REPORT_VAC_RED_SHARE) return rating("red", "cost.vac_red", { percent: percent(overrun), threshold: percent(STATUS_REPORT_VAC_RED_SHARE) });
  if (cpi !== null && cpi < STATUS_REPORT_INDEX_AMBER) return rating("amber", "cost.cpi_amber", { cpi: round2(cpi), threshold: STATUS_REPORT_INDEX_AMBER });
  if (overrun !== null) return rating("amber", "cost.vac_amber", { percent: percent(overrun) });
  if (cpi === null) return rating("green", "cost.no_data");
  return rating("green", "cost.green", { cpi: round2(cpi), threshold: STATUS_REPORT_INDEX_AMBER });
}

export type ScopeInputs = {
  /** Change requests submitted and not yet decided. */
  openChangeRequests: number;
  /** Work added by approved change requests since the baseline, as a share of the baseline's work; null: no baseline. */
  scopeGrowth: number | null;
};

/** Scope: red with 5 or more open change requests or growth over 15 %; amber with any open change request or growth over 5 %. */
export function scopeRating({ openChangeRequests, scopeGrowth }: ScopeInputs): StatusReportRating {
  if (openChangeRequests >= STATUS_REPORT_OPEN_CR_RED) return rating("red", "scope.open_red", { count: openChangeRequests, threshold: STATUS_REPORT_OPEN_CR_RED });
  if (scopeGrowth !== null && scopeGrowth > STATUS_REPORT_SCOPE_GROWTH_RED) return rating("red", "scope.growth_red", { percent: percent(scopeGrowth), threshold: percent(STATUS_REPORT_SCOPE_GROWTH_RED) });
  if (openChangeRequests >= STATUS_REPORT_OPEN_CR_AMBER) return rating("amber", "scope.open_amber", { count: openChangeRequests });
  if (scopeGrowth !== null && scopeGrowth > STATUS_REPORT_SCOPE_GROWTH_AMBER) return rating("amber", "scope.growth_amber", { percent: percent(scopeGrowth), threshold: percent(STATUS_REPORT_SCOPE_GROWTH_AMBER) });
  return rating("green", "scope.green");
}

export type QualityInputs = {
  openCriticalDefects: number;
  openMajorDefects: number;
  /** Open quality gates of phases whose forecast finish is on or before the period's end (due, not passed or waived). */
  overdueOpenGates: number;
};

/** Quality: red with any open critical defect; amber with an open major defect or a gate still open at its phase's end. */
export function qualityRating({ openCriticalDefects, openMajorDefects, overdueOpenGates }: QualityInputs): StatusReportRating {
  if (openCriticalDefects > 0) return rating("red", "quality.critical", { count: openCriticalDefects });
  if (openMajorDefects > 0) return rating("amber", "quality.major", { count: openMajorDefects });
  if (overdueOpenGates > 0) return rating("amber", "quality.gates", { count: overdueOpenGates });
  return rating("green", "quality.green");
}

export type RiskInputs = { highestOpenScore: number | null; riskKey: string | null };

/** Risk: the highest score among open risks — from 17 (critical) red, from 10 (high) amber. */
export function riskRating({ highestOpenScore, riskKey }: RiskInputs): StatusReportRating {
  if (highestOpenScore === null) return rating("green", "risk.none");
  const params = { score: highestOpenScore, risk: riskKey ?? "" };
  if (highestOpenScore >= STATUS_REPORT_RISK_RED_SCORE) return rating("red", "risk.red", { ...params, threshold: STATUS_REPORT_RISK_RED_SCORE });
  if (highestOpenScore >= STATUS_REPORT_RISK_AMBER_SCORE) return rating("amber", "risk.amber", { ...params, threshold: STATUS_REPORT_RISK_AMBER_SCORE });
  return rating("green", "risk.green", { ...params, threshold: STATUS_REPORT_RISK_AMBER_SCORE });
}

const RAG_ORDER: Record<StatusReportRag, number> = { green: 0, amber: 1, red: 2 };

/** The overall colour: the worst dimension's. */
export function overallRag(rags: readonly StatusReportRag[]): StatusReportRag {
  return rags.reduce<StatusReportRag>((worst, r) => (RAG_ORDER[r] > RAG_ORDER[worst] ? r : worst), "green");
}

export type StatusReportInputs = { scope: ScopeInputs; schedule: ScheduleInputs; cost: CostInputs; quality: QualityInputs; risk: RiskInputs };

/** All five ratings and the overall colour. */
export function statusReportRatings(inputs: StatusReportInputs): { overall: StatusReportRag; dimensions: Record<StatusReportDimension, StatusReportRating> } {
  const dimensions = {
    scope: scopeRating(inputs.scope),
    schedule: scheduleRating(inputs.schedule),
    cost: costRating(inputs.cost),
    quality: qualityRating(inputs.quality),
    risk: riskRating(inputs.risk),
  };
  return { overall: overallRag(STATUS_REPORT_DIMENSIONS.map((d) => dimensions[d].rag)), dimensions };
}

/** Whole calendar days from `from` to `to` (ISO dates); positive when `to` is later. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
