/**
 * Small facts about results the page shows: the NPS category of a score, the NPS as a person reads it, shares as
 * percentages. The numbers themselves come from the API (`GET /questionnaires/:id/results`).
 */

export type NpsCategory = "detractor" | "passive" | "promoter";

/** 0–6 detractor, 7–8 passive, 9–10 promoter. */
export function npsCategoryOf(score: number): NpsCategory {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

/**
 * The NPS as it is usually written: a whole number from −100 to 100, with a plus sign when positive; "—" when
 * nobody answered.
 *
 * @example
 * formatNps(41.67)  // "+42"
 * formatNps(-12.5)  // "−13"   (a true minus sign; −12.5 rounds away from zero)
 * formatNps(0)      // "0"
 */
export function formatNps(score: number | null): string {
  if (score === null) return "—";
  const rounded = Math.sign(score) * Math.round(Math.abs(score));
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `−${Math.abs(rounded)}`;
  return "0";
}

/** A share (0–1) as a whole percentage, "—" for none: `formatShare(0.666, "en")` → "67%". */
export function formatShare(share: number | null, locale: string): string {
  if (share === null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** The mean of a rating, one decimal: `formatMean(4.25, "en")` → "4.3". */
export function formatMean(mean: number | null, locale: string): string {
  if (mean === null) return "—";
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mean);
}
