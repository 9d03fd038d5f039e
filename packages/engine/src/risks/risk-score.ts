/**
 * Risk assessment on the usual 5×5 matrix (PMBOK's probability and impact matrix): a probability and an impact, each
 * rated 1 (very low) to 5 (very high), multiply into a score of 1–25, and the score falls into a level. Scores are
 * computed here from the stored ratings, never stored themselves, so the thresholds can change in one place.
 *
 * ```
 *   impact →      1    2    3    4    5
 *   probability 5 M    H    H    C    C        L low       1–4
 *               4 L    M    H    H    C        M medium    5–9
 *               3 L    M    M    H    H        H high     10–16
 *               2 L    L    M    M    H        C critical 17–25 (so 20 or 25)
 *               1 L    L    L    L    M
 * ```
 */

/** A rating on the 5-point scale: 1 very low, 2 low, 3 medium, 4 high, 5 very high. */
export type RiskRating = 1 | 2 | 3 | 4 | 5;
export const RISK_RATINGS = [1, 2, 3, 4, 5] as const satisfies readonly RiskRating[];

export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * The lowest score of each level (the highest is one below the next level's lowest, 25 for critical). No product
 * of two ratings lies between 16 and 20, so "critical" is exactly 4×5, 5×4 and 5×5: a very likely risk with a
 * very high impact, or the reverse.
 */
export const RISK_LEVEL_MIN_SCORE: Readonly<Record<RiskLevel, number>> = { low: 1, medium: 5, high: 10, critical: 17 };

/** The score range of each level, inclusive — what a "level" filter means as a score filter. */
export function riskLevelScoreRange(level: RiskLevel): { min: number; max: number } {
  const index = RISK_LEVELS.indexOf(level);
  const next = RISK_LEVELS[index + 1];
  return { min: RISK_LEVEL_MIN_SCORE[level], max: next ? RISK_LEVEL_MIN_SCORE[next] - 1 : RISK_SCORE_MAX };
}

export const RISK_SCORE_MAX = 25;

/** Narrows a number to a rating (an integer 1–5). */
export function isRiskRating(value: number): value is RiskRating {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

/**
 * Probability × impact.
 *
 * @example
 * riskScore(4, 3); // 12
 */
export function riskScore(probability: RiskRating, impact: RiskRating): number {
  return probability * impact;
}

/**
 * The level of a score (1–25).
 *
 * @example
 * riskLevelOfScore(4); // "low"
 * riskLevelOfScore(12); // "high"
 * riskLevelOfScore(20); // "critical"
 */
export function riskLevelOfScore(score: number): RiskLevel {
  if (score >= RISK_LEVEL_MIN_SCORE.critical) return "critical";
  if (score >= RISK_LEVEL_MIN_SCORE.high) return "high";
  if (score >= RISK_LEVEL_MIN_SCORE.medium) return "medium";
  return "low";
}

/**
 * Score and level together, as a register row shows them.
 *
 * @example
 * riskAssessment(5, 4); // { score: 20, level: "critical" }
 */
export function riskAssessment(probability: RiskRating, impact: RiskRating): { score: number; level: RiskLevel } {
  const score = riskScore(probability, impact);
  return { score, level: riskLevelOfScore(score) };
}
