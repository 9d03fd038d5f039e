/**
 * Prioritisation: the scoring models a project may rank its requirements by beside MoSCoW (RICE, WSJF, or weighted
 * criteria the project defines), each requirement's score, and the ranked order (MoSCoW tier, then manual rank).
 * Scores are computed here from the stored inputs, never stored themselves, so changing a weight re-ranks at once.
 */
import { MOSCOW_PRIORITIES, type MoscowPriority } from "./requirement-snapshot";

export const SCORING_MODELS = ["none", "rice", "wsjf", "weighted"] as const;
export type ScoringModel = (typeof SCORING_MODELS)[number];

/** RICE (Intercom): reach per period × impact × confidence ÷ effort in person-months. */
export type RiceInputs = { reach: number; impact: number; confidence: number; effort: number };
/** WSJF (SAFe): cost of delay (business value + time criticality + risk reduction) ÷ job size. */
export type WsjfInputs = { businessValue: number; timeCriticality: number; riskReduction: number; jobSize: number };
/** Weighted criteria: the value (0–10) given to each of the project's criteria, by criterion id. */
export type WeightedInputs = Record<string, number>;

/** A requirement's inputs, per model, so switching models and back keeps what was entered. All optional. */
export type RequirementPriorityInputs = { rice?: Partial<RiceInputs>; wsjf?: Partial<WsjfInputs>; weighted?: WeightedInputs };

/** One criterion of a weighted model: a stable id, its name as the project writes it, and a weight > 0. */
export type ScoringCriterion = { id: string; name: string; weight: number };

/** RICE's usual impact scale: massive 3, high 2, medium 1, low 0.5, minimal 0.25. */
export const RICE_IMPACT_VALUES = [0.25, 0.5, 1, 2, 3] as const;
/** The modified Fibonacci scale WSJF teams estimate on. Any value in [1, 100] is accepted. */
export const WSJF_SCALE = [1, 2, 3, 5, 8, 13, 20] as const;
/** A weighted criterion's value range. */
export const WEIGHTED_VALUE_MAX = 10;

/** The valid range of every input, for validation at the edges and for the form's limits. */
export const SCORING_INPUT_RANGES = {
  rice: { reach: [0, 1e9], impact: [0.25, 3], confidence: [0, 100], effort: [0.01, 1e6] },
  wsjf: { businessValue: [1, 100], timeCriticality: [1, 100], riskReduction: [1, 100], jobSize: [1, 100] },
} as const;

export const RICE_FIELDS = ["reach", "impact", "confidence", "effort"] as const satisfies readonly (keyof RiceInputs)[];
export const WSJF_FIELDS = ["businessValue", "timeCriticality", "riskReduction", "jobSize"] as const satisfies readonly (keyof WsjfInputs)[];

/** A score, or why there is none: the inputs still missing (field names, or criterion ids for the weighted model). */
export type RequirementScore = { score: number | null; missing: string[] };

const present = (v: number | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * The score of one requirement under `model`, rounded to 2 decimals; `null` with the missing inputs when incomplete
 * (the ranked view shows "—" and lists them). `none` always scores null with nothing missing.
 *
 * @example
 * requirementScore("rice", { rice: { reach: 500, impact: 2, confidence: 80, effort: 2 } }); // { score: 400, missing: [] }
 * requirementScore("wsjf", { wsjf: { businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 4 } }); // { score: 4, missing: [] }
 * requirementScore("weighted", { weighted: { a: 8, b: 4 } }, [{ id: "a", name: "Value", weight: 3 }, { id: "b", name: "Risk", weight: 1 }]);
 * // { score: 7, missing: [] }: (8×3 + 4×1) ÷ 4
 */
export function requirementScore(model: ScoringModel, inputs: RequirementPriorityInputs, criteria: readonly ScoringCriterion[] = []): RequirementScore {
  switch (model) {
    case "none":
      return { score: null, missing: [] };
    case "rice": {
      const r = inputs.rice ?? {};
      const missing = RICE_FIELDS.filter((f) => !present(r[f]) || (f === "effort" && (r[f] ?? 0) <= 0));
      if (missing.length > 0) return { score: null, missing };
      const { reach, impact, confidence, effort } = r as RiceInputs;
      return { score: round2((reach * impact * (confidence / 100)) / effort), missing: [] };
    }
    case "wsjf": {
      const w = inputs.wsjf ?? {};
      const missing = WSJF_FIELDS.filter((f) => !present(w[f]) || (f === "jobSize" && (w[f] ?? 0) <= 0));
      if (missing.length > 0) return { score: null, missing };
      const { businessValue, timeCriticality, riskReduction, jobSize } = w as WsjfInputs;
      return { score: round2((businessValue + timeCriticality + riskReduction) / jobSize), missing: [] };
    }
    case "weighted": {
      const values = inputs.weighted ?? {};
      const used = criteria.filter((c) => c.weight > 0);
      if (used.length === 0) return { score: null, missing: [] };
      const missing = used.filter((c) => !present(values[c.id])).map((c) => c.id);
      if (missing.length > 0) return { score: null, missing };
      const totalWeight = used.reduce((sum, c) => sum + c.weight, 0);
      const weighted = used.reduce((sum, c) => sum + c.weight * (values[c.id] ?? 0), 0);
      return { score: round2(weighted / totalWeight), missing: [] };
    }
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** MoSCoW tier as a number: must 0 … wont 3, unset 4 (last). */
export function moscowTier(moscow: MoscowPriority | null): number {
  return moscow ? MOSCOW_PRIORITIES.indexOf(moscow) : MOSCOW_PRIORITIES.length;
}

export type RankedItem = { id: string; moscow: MoscowPriority | null; rank: number };

/**
 * The ranked view's order: MoSCoW tier (must → wont → unset), then manual rank, then id (a total order, so the
 * same register always ranks the same way).
 */
export function requirementRankCompare(a: RankedItem, b: RankedItem): number {
  return moscowTier(a.moscow) - moscowTier(b.moscow) || a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The rank that puts an item between two neighbours of its tier after a drag (either may be absent: top or bottom
 * of the tier). Midpoint between neighbours; one step beyond the single neighbour at an end; 1 in an empty tier.
 * When the neighbours' ranks are too close to split (after very many drags), returns null: renumber the tier.
 *
 * @example
 * rankBetween(1, 2); // 1.5
 * rankBetween(undefined, 3); // 2
 * rankBetween(7, undefined); // 8
 */
export function rankBetween(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  const mid = before + (after - before) / 2;
  return mid > before && mid < after ? mid : null;
}

export type ScoredItem = RankedItem & { score: number | null };

/**
 * New ranks that order every MoSCoW tier by score, highest first ("rank by score"); unscored items keep their
 * relative order after the scored ones. Ranks are 1, 2, 3, … within each tier. Returns only the items whose rank
 * changes.
 *
 * @example
 * rankByScore([{ id: "a", moscow: "must", rank: 1, score: 2 }, { id: "b", moscow: "must", rank: 2, score: 9 }]);
 * // [{ id: "b", rank: 1 }, { id: "a", rank: 2 }]
 */
export function rankByScore(items: readonly ScoredItem[]): { id: string; rank: number }[] {
  const byTier = new Map<number, ScoredItem[]>();
  for (const item of items) {
    const tier = moscowTier(item.moscow);
    const list = byTier.get(tier) ?? [];
    list.push(item);
    byTier.set(tier, list);
  }
  const changes: { id: string; rank: number }[] = [];
  for (const list of byTier.values()) {
    const ordered = [...list].sort((a, b) => {
      if (a.score !== null && b.score !== null && a.score !== b.score) return b.score - a.score;
      if ((a.score === null) !== (b.score === null)) return a.score === null ? 1 : -1;
      return requirementRankCompare(a, b);
    });
    ordered.forEach((item, i) => {
      if (item.rank !== i + 1) changes.push({ id: item.id, rank: i + 1 });
    });
  }
  return changes;
}

const isPlainRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The finite numbers of `values` among `keys` (or every key when `keys` is null). */
function numbersOf(values: unknown, keys: readonly string[] | null): Record<string, number> {
  if (!isPlainRecord(values)) return {};
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) {
    if ((keys === null || keys.includes(key)) && typeof value === "number" && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

/**
 * Inputs as they are stored: finite numbers only, unknown RICE/WSJF fields dropped, and no empty model object — so
 * a requirement nobody has scored holds `{}` and two equal sets of inputs compare equal.
 *
 * @example
 * priorityInputsNormalise({ rice: { reach: 10 }, wsjf: {}, weighted: { a: 3 } }); // { rice: { reach: 10 }, weighted: { a: 3 } }
 */
export function priorityInputsNormalise(inputs: unknown): RequirementPriorityInputs {
  if (!isPlainRecord(inputs)) return {};
  const out: RequirementPriorityInputs = {};
  const rice = numbersOf(inputs.rice, RICE_FIELDS);
  const wsjf = numbersOf(inputs.wsjf, WSJF_FIELDS);
  const weighted = numbersOf(inputs.weighted, null);
  if (Object.keys(rice).length > 0) out.rice = rice;
  if (Object.keys(wsjf).length > 0) out.wsjf = wsjf;
  if (Object.keys(weighted).length > 0) out.weighted = weighted;
  return out;
}

/** Whether no input of any model is entered. */
export function priorityInputsIsEmpty(inputs: RequirementPriorityInputs): boolean {
  return Object.keys(priorityInputsNormalise(inputs)).length === 0;
}

/** A change to a requirement's inputs: per model, a number sets the input, null clears it, a key left out keeps it. */
export type RequirementPriorityInputsPatch = {
  rice?: Partial<Record<keyof RiceInputs, number | null>>;
  wsjf?: Partial<Record<keyof WsjfInputs, number | null>>;
  weighted?: Record<string, number | null>;
};

/**
 * `current` with `patch` applied, normalised (see `priorityInputsNormalise`).
 *
 * @example
 * priorityInputsMerge({ rice: { reach: 10, impact: 2 } }, { rice: { impact: null, effort: 1 } }); // { rice: { reach: 10, effort: 1 } }
 */
export function priorityInputsMerge(current: RequirementPriorityInputs, patch: RequirementPriorityInputsPatch): RequirementPriorityInputs {
  const apply = (base: object | undefined, change: Record<string, number | null | undefined> | undefined) => {
    const next: Record<string, unknown> = { ...(base ?? {}) };
    for (const [key, value] of Object.entries(change ?? {})) {
      if (value === null) delete next[key];
      else if (value !== undefined) next[key] = value;
    }
    return next;
  };
  return priorityInputsNormalise({
    rice: apply(current.rice, patch.rice),
    wsjf: apply(current.wsjf, patch.wsjf),
    weighted: apply(current.weighted, patch.weighted),
  });
}

/** Where a dragged requirement lands: its new rank, and the other items of the tier renumbered to make room (if any). */
export type RankPlacement = { rank: number; renumbered: { id: string; rank: number }[] };

/**
 * The rank of an item dropped into `tier` (the tier's other items, in any order; the dragged item left out) right
 * after `previousId`, or right before `nextId` when only that is given, or at the end of the tier when neither is.
 * The rank falls between the neighbours (`rankBetween`); when they are too close to split — or tied, as rows
 * imported without ranks are — the whole tier is renumbered 1, 2, 3, … with the item in its place.
 * The caller checks that the ids are in the tier and in that order.
 *
 * @example
 * const tier = [{ id: "a", moscow: "must", rank: 1 }, { id: "b", moscow: "must", rank: 2 }];
 * rankPlace(tier, "a", "b"); // { rank: 1.5, renumbered: [] }
 * rankPlace([{ id: "a", moscow: "must", rank: 0 }, { id: "b", moscow: "must", rank: 0 }], "a", "b");
 * // { rank: 2, renumbered: [{ id: "a", rank: 1 }, { id: "b", rank: 3 }] }
 */
export function rankPlace(tier: readonly RankedItem[], previousId: string | null, nextId: string | null): RankPlacement {
  const ordered = [...tier].sort(requirementRankCompare);
  let at: number;
  if (previousId !== null) {
    const i = ordered.findIndex((item) => item.id === previousId);
    at = i < 0 ? ordered.length : i + 1;
  } else if (nextId !== null) {
    const i = ordered.findIndex((item) => item.id === nextId);
    at = i < 0 ? ordered.length : i;
  } else {
    at = ordered.length;
  }
  const rank = rankBetween(ordered[at - 1]?.rank, ordered[at]?.rank);
  if (rank !== null && Number.isFinite(rank)) return { rank, renumbered: [] };
  const renumbered: { id: string; rank: number }[] = [];
  ordered.forEach((item, i) => {
    const next = i < at ? i + 1 : i + 2;
    if (item.rank !== next) renumbered.push({ id: item.id, rank: next });
  });
  return { rank: at + 1, renumbered };
}
