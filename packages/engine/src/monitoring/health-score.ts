/**
 * A project's health score (docs/monitoring.md, "Health score"): one number from 0 to 100 made of five parts —
 * schedule, cost, quality, risk and client satisfaction — each scored 0–100 by a stated rule and weighted. A part
 * without data (nothing planned yet, no rating from the client) is left out and the weights of the others are scaled
 * up to sum to 100 %, so a young project is not punished or flattered by what cannot be measured. Every part carries
 * the figures it used, so the page can show the formula with the project's own numbers.
 *
 * The index rule maps the status report's RAG thresholds onto the scale: an index of 1 or more scores 100, the amber
 * threshold 0.95 scores 87.5, the red threshold 0.8 scores 50, and 0.6 or less scores 0.
 */
import { RISK_SCORE_MAX } from "../risks/risk-score";

export const HEALTH_SCORE_PARTS = ["schedule", "cost", "quality", "risk", "satisfaction"] as const;
export type HealthScorePart = (typeof HEALTH_SCORE_PARTS)[number];

/** Weights in percent; they sum to 100. */
export const HEALTH_SCORE_WEIGHTS: Readonly<Record<HealthScorePart, number>> = { schedule: 30, cost: 25, quality: 20, risk: 15, satisfaction: 10 };

/** An index at or below this scores 0; from 1 up it scores 100, linearly between. */
export const HEALTH_SCORE_INDEX_FLOOR = 0.6;
/** Points an open defect takes off the quality part, by severity, and an open gate past its phase's end. */
export const HEALTH_SCORE_DEFECT_PENALTY = { critical: 25, major: 10, minor: 3 } as const;
export const HEALTH_SCORE_GATE_PENALTY = 10;
/** A score from this on is healthy; from the watch level on it needs watching; below it the project is at risk. */
export const HEALTH_SCORE_HEALTHY = 80;
export const HEALTH_SCORE_WATCH = 60;

export type HealthScoreInputs = {
  /** Schedule and cost performance indexes; null when nothing is planned or spent yet. */
  spi: number | null;
  cpi: number | null;
  openCriticalDefects: number;
  openMajorDefects: number;
  openMinorDefects: number;
  /** Quality gates still open after their phase's forecast finish. */
  overdueOpenGates: number;
  /** The highest score (1–25) of an open risk; null: no open risk. */
  highestOpenRiskScore: number | null;
  /** The mean of the client's 1–5 ratings over the window; null: no rating. */
  satisfactionMean: number | null;
  satisfactionCount: number;
};

export type HealthScoreBand = "healthy" | "watch" | "at_risk";

export type HealthScorePartResult = {
  part: HealthScorePart;
  /** 0–100, one decimal; null: not measured (left out of the total). */
  score: number | null;
  /** The configured weight, and the weight it counted with after the unmeasured parts were left out (percent, one decimal). */
  weight: number;
  effectiveWeight: number;
  /** The figures the rule used, for the formula shown to the user. */
  figures: Record<string, number | null>;
};

export type HealthScore = {
  /** 0–100, whole number; null when no part could be measured. */
  score: number | null;
  band: HealthScoreBand | null;
  parts: HealthScorePartResult[];
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

/** 100 × (index − 0.6) / 0.4, limited to 0–100. */
export function healthIndexScore(index: number): number {
  return round1(clamp((100 * (index - HEALTH_SCORE_INDEX_FLOOR)) / (1 - HEALTH_SCORE_INDEX_FLOOR), 0, 100));
}

/** 100 − 25 per open critical defect − 10 per major − 3 per minor − 10 per overdue open gate, not below 0. */
export function healthQualityScore(i: Pick<HealthScoreInputs, "openCriticalDefects" | "openMajorDefects" | "openMinorDefects" | "overdueOpenGates">): number {
  const p = HEALTH_SCORE_DEFECT_PENALTY;
  return Math.max(0, 100 - p.critical * i.openCriticalDefects - p.major * i.openMajorDefects - p.minor * i.openMinorDefects - HEALTH_SCORE_GATE_PENALTY * i.overdueOpenGates);
}

/** 100 × (25 − highest open risk score) / 24; 100 without open risks. */
export function healthRiskScore(highestOpenRiskScore: number | null): number {
  if (highestOpenRiskScore === null) return 100;
  return round1((100 * (RISK_SCORE_MAX - clamp(highestOpenRiskScore, 1, RISK_SCORE_MAX))) / (RISK_SCORE_MAX - 1));
}

/** 100 × (mean rating − 1) / 4. */
export function healthSatisfactionScore(mean: number): number {
  return round1((100 * (clamp(mean, 1, 5) - 1)) / 4);
}

export function healthScoreBand(score: number): HealthScoreBand {
  return score >= HEALTH_SCORE_HEALTHY ? "healthy" : score >= HEALTH_SCORE_WATCH ? "watch" : "at_risk";
}

/** The score: Σ weight × part score / Σ weight over the measured parts, rounded to a whole number. */
export function projectHealthScore(i: HealthScoreInputs): HealthScore {
  const measured: Record<HealthScorePart, { score: number | null; figures: Record<string, number | null> }> = {
    schedule: { score: i.spi === null ? null : healthIndexScore(i.spi), figures: { spi: i.spi } },
    cost: { score: i.cpi === null ? null : healthIndexScore(i.cpi), figures: { cpi: i.cpi } },
    quality: {
      score: healthQualityScore(i),
      figures: { critical: i.openCriticalDefects, major: i.openMajorDefects, minor: i.openMinorDefects, gates: i.overdueOpenGates },
    },
    risk: { score: healthRiskScore(i.highestOpenRiskScore), figures: { highest: i.highestOpenRiskScore } },
    satisfaction: {
      score: i.satisfactionMean === null || i.satisfactionCount === 0 ? null : healthSatisfactionScore(i.satisfactionMean),
      figures: { mean: i.satisfactionMean, count: i.satisfactionCount },
    },
  };
  const weightSum = HEALTH_SCORE_PARTS.reduce((s, p) => s + (measured[p].score === null ? 0 : HEALTH_SCORE_WEIGHTS[p]), 0);
  let total = 0;
  const parts = HEALTH_SCORE_PARTS.map((part): HealthScorePartResult => {
    const { score, figures } = measured[part];
    const weight = HEALTH_SCORE_WEIGHTS[part];
    const effectiveWeight = score === null || weightSum === 0 ? 0 : (100 * weight) / weightSum;
    if (score !== null) total += (score * effectiveWeight) / 100;
    return { part, score, weight, effectiveWeight: round1(effectiveWeight), figures };
  });
  if (weightSum === 0) return { score: null, band: null, parts };
  const score = Math.round(total);
  return { score, band: healthScoreBand(score), parts };
}
