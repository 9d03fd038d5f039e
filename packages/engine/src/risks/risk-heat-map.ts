/**
 * Aggregates over a register: the 5×5 heat map (how many risks, and which, sit in each probability × impact cell)
 * and exposure (the sum of the scores of the risks that still threaten the project), now and over time.
 */
import { riskIsActive, type RiskState } from "./risk-register";
import { RISK_RATINGS, riskAssessment, type RiskLevel, type RiskRating } from "./risk-score";

export type RiskHeatMapCell = {
  probability: RiskRating;
  impact: RiskRating;
  score: number;
  level: RiskLevel;
  count: number;
  /** The keys of the risks in the cell, in the order they were given. */
  keys: string[];
};

export type RiskHeatMap = {
  /** All 25 cells, as the matrix reads top to bottom, left to right: probability 5 → 1, then impact 1 → 5. */
  cells: RiskHeatMapCell[];
  /** How many risks were placed. */
  total: number;
};

/**
 * The heat map of `risks` (the caller chooses which: usually the active ones, in key order).
 *
 * @example
 * const map = riskHeatMap([{ key: "RISK-1", probability: 4, impact: 5 }, { key: "RISK-2", probability: 4, impact: 5 }]);
 * riskHeatMapCell(map, 4, 5); // { probability: 4, impact: 5, score: 20, level: "critical", count: 2, keys: ["RISK-1", "RISK-2"] }
 * map.cells[0]; // probability 5, impact 1: { score: 5, level: "medium", count: 0, keys: [] }
 */
export function riskHeatMap(risks: readonly { key: string; probability: RiskRating; impact: RiskRating }[]): RiskHeatMap {
  const cells: RiskHeatMapCell[] = [];
  for (const probability of [...RISK_RATINGS].reverse()) {
    for (const impact of RISK_RATINGS) cells.push({ probability, impact, ...riskAssessment(probability, impact), count: 0, keys: [] });
  }
  for (const risk of risks) {
    const cell = cells[cellIndex(risk.probability, risk.impact)];
    if (!cell) throw new Error(`not a rating: ${risk.probability} × ${risk.impact}`);
    cell.count += 1;
    cell.keys.push(risk.key);
  }
  return { cells, total: risks.length };
}

const cellIndex = (probability: RiskRating, impact: RiskRating) => (5 - probability) * 5 + (impact - 1);

/** The cell of a heat map at `probability` × `impact`. */
export function riskHeatMapCell(map: RiskHeatMap, probability: RiskRating, impact: RiskRating): RiskHeatMapCell {
  const cell = map.cells[cellIndex(probability, impact)];
  if (!cell) throw new Error(`not a rating: ${probability} × ${impact}`);
  return cell;
}

/**
 * The project's exposure: the sum of the scores of the risks that still threaten it (open or monitoring).
 *
 * @example
 * riskExposure([{ probability: 4, impact: 5, status: "open" }, { probability: 2, impact: 2, status: "closed" }]); // 20
 */
export function riskExposure(risks: readonly RiskState[]): number {
  let total = 0;
  for (const risk of risks) if (riskIsActive(risk.status)) total += risk.probability * risk.impact;
  return total;
}

/** One risk's history: the state it took at each instant (ms since the epoch), oldest first. */
export type RiskHistory = readonly { at: number; state: RiskState }[];

/**
 * Exposure at each of `instants` (ms since the epoch), from each risk's history: a risk counts with the last state
 * it took at or before the instant, and not at all before its first. Reconstructed from the review history, which
 * records every change of probability, impact and status.
 *
 * @example
 * // RISK-1 opened at 4×5 on day 0, mitigated to 2×5 on day 10; RISK-2 opened at 3×3 on day 5, closed on day 12.
 * riskExposureSeries([risk1, risk2], [day(1), day(6), day(11), day(13)]); // [20, 29, 19, 10]
 */
export function riskExposureSeries(histories: readonly RiskHistory[], instants: readonly number[]): number[] {
  return instants.map((instant) => {
    let total = 0;
    for (const history of histories) {
      const state = stateAt(history, instant);
      if (state && riskIsActive(state.status)) total += state.probability * state.impact;
    }
    return total;
  });
}

function stateAt(history: RiskHistory, instant: number): RiskState | undefined {
  let found: RiskState | undefined;
  for (const entry of history) {
    if (entry.at > instant) break;
    found = entry.state;
  }
  return found;
}
