/**
 * Net Promoter Score. Respondents answer 0–10; 9–10 are promoters, 7–8 passives, 0–6 detractors. The score is the
 * percentage of promoters minus the percentage of detractors, so it lies in −100..100.
 */
import { NPS_MAX, NPS_MIN } from "./questionnaire-definition";

export type NpsCategory = "detractor" | "passive" | "promoter";

/**
 * The category of one 0–10 answer.
 *
 * @example
 * npsCategory(6)  // "detractor"
 * npsCategory(8)  // "passive"
 * npsCategory(9)  // "promoter"
 */
export function npsCategory(score: number): NpsCategory {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

export type NpsSummary = {
  promoters: number;
  passives: number;
  detractors: number;
  /** %promoters − %detractors, unrounded; null when nobody answered. */
  score: number | null;
};

/**
 * NPS from a distribution of answers: `distribution[s]` is how many answered `s` (11 entries, 0..10).
 *
 * @example
 * // 5 promoters (9, 9, 10, 10, 10), 3 passives (7, 8, 8), 2 detractors (0, 6): 50% − 20% = 30
 * npsFromDistribution([1, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3]) // { promoters: 5, passives: 3, detractors: 2, score: 30 }
 */
export function npsFromDistribution(distribution: readonly number[]): NpsSummary {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let s = NPS_MIN; s <= NPS_MAX; s++) {
    const count = distribution[s] ?? 0;
    switch (npsCategory(s)) {
      case "promoter":
        promoters += count;
        break;
      case "passive":
        passives += count;
        break;
      case "detractor":
        detractors += count;
        break;
    }
  }
  const total = promoters + passives + detractors;
  return { promoters, passives, detractors, score: total === 0 ? null : (100 * (promoters - detractors)) / total };
}
