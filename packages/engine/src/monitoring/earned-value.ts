/**
 * Earned value management (docs/monitoring.md, "Formulas"): the indicators of a project or a phase as of a status
 * date, from its four measurements — the budget at completion (BAC), the planned value (PV: the budget of the work
 * scheduled up to the status date), the earned value (EV: the budget of the work done) and the actual cost (AC).
 * The formulas are the PMBOK Guide's (6th ed., Table 7-1, "Earned Value Calculations Summary"). Pure.
 *
 * A ratio whose denominator is zero (no planned value yet, no cost yet, nothing left to spend) is `null`, never
 * Infinity or NaN: "not measurable yet" is a different statement from "very good" or "very bad".
 */

/** How the estimate at completion is forecast. */
export type EarnedValueEacMethod =
  /** BAC / CPI: the remaining work will cost what the work so far did (the PMBOK's "typical" case; the default). */
  | "cpi"
  /** AC + (BAC − EV): the remaining work will cost what was budgeted ("atypical": past variances will not recur). */
  | "budget_rate"
  /** AC + (BAC − EV) / (CPI × SPI): both cost and schedule performance weigh on the remaining work. */
  | "cpi_spi";

export const EARNED_VALUE_EAC_METHODS: readonly EarnedValueEacMethod[] = ["cpi", "budget_rate", "cpi_spi"];

/** The default forecast: BAC / CPI. */
export const EARNED_VALUE_DEFAULT_EAC_METHOD: EarnedValueEacMethod = "cpi";

export type EarnedValueInputs = {
  /** Budget at completion. */
  readonly bac: number;
  /** Planned value at the status date. */
  readonly pv: number;
  /** Earned value at the status date. */
  readonly ev: number;
  /** Actual cost at the status date. */
  readonly ac: number;
};

export type EarnedValueIndicators = EarnedValueInputs & {
  /** Schedule variance, EV − PV: negative is behind schedule (in money). */
  readonly sv: number;
  /** Cost variance, EV − AC: negative is over budget. */
  readonly cv: number;
  /** Schedule performance index, EV / PV (null while PV is 0). */
  readonly spi: number | null;
  /** Cost performance index, EV / AC (null while AC is 0). */
  readonly cpi: number | null;
  /** The method `eac` was forecast with. */
  readonly eacMethod: EarnedValueEacMethod;
  /** Estimate at completion by `eacMethod` (null when its index is not measurable). */
  readonly eac: number | null;
  /** Every method's estimate, to compare. */
  readonly eacByMethod: Readonly<Record<EarnedValueEacMethod, number | null>>;
  /** Estimate to complete, EAC − AC. */
  readonly etc: number | null;
  /** Variance at completion, BAC − EAC: negative is an overrun forecast. */
  readonly vac: number | null;
  /** To-complete performance index to meet the budget, (BAC − EV) / (BAC − AC) (null when the budget is spent). */
  readonly tcpiBac: number | null;
  /** To-complete performance index to meet the estimate, (BAC − EV) / (EAC − AC). */
  readonly tcpiEac: number | null;
  /** EV / BAC as a percentage: how much of the budgeted work is done (null without a budget). */
  readonly percentComplete: number | null;
  /** PV / BAC as a percentage: how much should be done by now. */
  readonly percentScheduled: number | null;
};

/** A quotient, or null when it cannot be measured (zero or non-finite denominator). */
export function earnedValueRatio(numerator: number, denominator: number): number | null {
  if (denominator === 0 || !Number.isFinite(denominator) || !Number.isFinite(numerator)) return null;
  const q = numerator / denominator;
  return Number.isFinite(q) ? q : null;
}

/**
 * The estimate at completion by one method.
 *
 * @example
 * earnedValueEac({ bac: 200_000, pv: 120_000, ev: 100_000, ac: 90_000 }, "cpi"); // 180,000 (CPI 1.11)
 * earnedValueEac({ bac: 200_000, pv: 120_000, ev: 100_000, ac: 90_000 }, "budget_rate"); // 190,000
 */
export function earnedValueEac(inputs: EarnedValueInputs, method: EarnedValueEacMethod): number | null {
  const { bac, pv, ev, ac } = inputs;
  const cpi = earnedValueRatio(ev, ac);
  const spi = earnedValueRatio(ev, pv);
  switch (method) {
    case "cpi":
      return cpi === null ? null : earnedValueRatio(bac, cpi);
    case "budget_rate":
      return ac + (bac - ev);
    case "cpi_spi": {
      if (cpi === null || spi === null) return null;
      const rest = earnedValueRatio(bac - ev, cpi * spi);
      return rest === null ? null : ac + rest;
    }
  }
}

/**
 * Every indicator from the four measurements.
 *
 * @example
 * // Schwalbe, Information Technology Project Management, ch. 7: BAC 200,000, after 3 of 6 months PV 120,000,
 * // EV 100,000, AC 90,000:
 * earnedValueIndicators({ bac: 200_000, pv: 120_000, ev: 100_000, ac: 90_000 });
 * // { sv: −20,000, cv: 10,000, spi: 0.833, cpi: 1.111, eac: 180,000, etc: 90,000, vac: 20,000, tcpiBac: 0.909, … }
 */
export function earnedValueIndicators(inputs: EarnedValueInputs, eacMethod: EarnedValueEacMethod = EARNED_VALUE_DEFAULT_EAC_METHOD): EarnedValueIndicators {
  const { bac, pv, ev, ac } = inputs;
  const eacByMethod = {
    cpi: earnedValueEac(inputs, "cpi"),
    budget_rate: earnedValueEac(inputs, "budget_rate"),
    cpi_spi: earnedValueEac(inputs, "cpi_spi"),
  };
  const eac = eacByMethod[eacMethod];
  const percent = (x: number) => earnedValueRatio(x * 100, bac);
  return {
    bac,
    pv,
    ev,
    ac,
    sv: ev - pv,
    cv: ev - ac,
    spi: earnedValueRatio(ev, pv),
    cpi: earnedValueRatio(ev, ac),
    eacMethod,
    eac,
    eacByMethod,
    etc: eac === null ? null : eac - ac,
    vac: eac === null ? null : bac - eac,
    tcpiBac: earnedValueRatio(bac - ev, bac - ac),
    tcpiEac: eac === null ? null : earnedValueRatio(bac - ev, eac - ac),
    percentComplete: percent(ev),
    percentScheduled: percent(pv),
  };
}

/** How a performance index reads: on or above 1 good, down to `watch` a warning, below it bad; null unknown. */
export type EarnedValueIndexRating = "good" | "watch" | "bad" | "unknown";

/** The threshold under 1 that still reads as a warning rather than a problem (0.9: within 10 %). */
export const EARNED_VALUE_WATCH_THRESHOLD = 0.9;

/**
 * Rates an SPI or CPI for a colour: ≥ 1 good, ≥ 0.9 watch, below bad.
 *
 * @example
 * earnedValueIndexRating(0.95); // "watch"
 */
export function earnedValueIndexRating(index: number | null): EarnedValueIndexRating {
  if (index === null) return "unknown";
  if (index >= 1) return "good";
  return index >= EARNED_VALUE_WATCH_THRESHOLD ? "watch" : "bad";
}
