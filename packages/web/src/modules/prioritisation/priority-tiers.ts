/**
 * The ranked view's tiers as the board holds them while dragging: grouping, moving an item locally (before the
 * server answers), and the neighbours a drop is sent with. Pure, so it is tested without a browser.
 */
import { MOSCOW_PRIORITIES, type TMoscow } from "@jiaofu/contracts";

/** The tiers in board order: must → wont, then the requirements not prioritised yet. */
export const TIER_IDS = [...MOSCOW_PRIORITIES, "none"] as const;
export type TierId = (typeof TIER_IDS)[number];

export const tierOfMoscow = (moscow: TMoscow | null): TierId => moscow ?? "none";
export const moscowOfTier = (tier: TierId): TMoscow | null => (tier === "none" ? null : tier);

/** The id a tier's drop zone has on the board, distinct from any requirement id. */
export const tierDropId = (tier: TierId) => `tier:${tier}`;
export function tierOfDropId(id: string): TierId | null {
  const tier = id.startsWith("tier:") ? id.slice(5) : "";
  return (TIER_IDS as readonly string[]).includes(tier) ? (tier as TierId) : null;
}

/** Ids per tier, in order. */
export type TierOrder = Record<TierId, string[]>;

/** Groups items (already in ranked order) by tier, keeping their order. */
export function tierOrderOf(items: readonly { id: string; moscow: TMoscow | null }[]): TierOrder {
  const order: TierOrder = { must: [], should: [], could: [], wont: [], none: [] };
  for (const item of items) order[tierOfMoscow(item.moscow)].push(item.id);
  return order;
}

/** The tier holding `id`, or null. */
export function tierHolding(order: TierOrder, id: string): TierId | null {
  return TIER_IDS.find((tier) => order[tier].includes(id)) ?? null;
}

/**
 * `id` moved into `tier` at `index` (clamped; the index counts the tier without `id`). A new object: the board
 * re-renders from it.
 *
 * @example
 * tierOrderMove({ must: ["a", "b"], should: ["c"], … }, "c", "must", 1); // must: ["a", "c", "b"], should: []
 */
export function tierOrderMove(order: TierOrder, id: string, tier: TierId, index: number): TierOrder {
  const next: TierOrder = { must: [], should: [], could: [], wont: [], none: [] };
  for (const t of TIER_IDS) next[t] = order[t].filter((x) => x !== id);
  const list = next[tier];
  list.splice(Math.max(0, Math.min(index, list.length)), 0, id);
  return next;
}

/** What the move endpoint needs for `id` where it now stands: its tier and the neighbours around it. */
export type DropTarget = { moscow: TMoscow | null; previousId: string | null; nextId: string | null };

export function dropTargetOf(order: TierOrder, id: string): DropTarget | null {
  const tier = tierHolding(order, id);
  if (tier === null) return null;
  const list = order[tier];
  const at = list.indexOf(id);
  return { moscow: moscowOfTier(tier), previousId: list[at - 1] ?? null, nextId: list[at + 1] ?? null };
}

/** Whether `id` stands somewhere else in `after` than in `before` (another tier, or other neighbours). */
export function tierOrderMoved(before: TierOrder, after: TierOrder, id: string): boolean {
  const a = dropTargetOf(before, id);
  const b = dropTargetOf(after, id);
  return a === null || b === null || a.moscow !== b.moscow || a.previousId !== b.previousId || a.nextId !== b.nextId;
}
