/**
 * Polarity and exclusive choices of requirement clauses.
 *
 * A clause's polarity is +1 for an obligation, capability or plain statement and −1 when it is negated or
 * prohibited: (−1)^(number of negations) × the signs of its polar concepts. So "passwords must not be stored in
 * plaintext" (one negation × plaintext = encryption −1) is +1, like "passwords are encrypted"; "禁止导出聊天记录" is −1
 * against "支持导出聊天记录" +1.
 *
 * Two clauses on the same subject conflict when
 * - their polarities differ (`clausePolarityConflict`), or
 * - they choose different members of a group of alternatives (`clauseExclusiveConflict`): one says "only" about its
 *   member ("local accounts only") while the other asserts another member, or — for attribute groups such as the
 *   hosting location — both assert different members as facts or obligations ("数据存储在公有云" vs
 *   "数据必须存储在客户本地机房"). Two capabilities ("supports SSO", "supports local accounts") coexist.
 *
 * "The same subject" is an IDF-weighted cosine between the clauses' content terms, and scope groups (roles,
 * platforms, environments) must not be disjoint: "admins can export" and "users cannot export" are consistent.
 */
import { CONCEPT_GROUPS, CONCEPT_GROUPS_OF, type ConceptGroup } from "./text-lexicon";
import type { TextToken } from "./text-tokens";

/** +1: obligation, capability or statement; −1: negated or prohibited. */
export type ClausePolarity = 1 | -1;

/** A member of a group of alternatives mentioned in a clause. */
export type ClauseMember = {
  readonly group: ConceptGroup;
  readonly member: string;
  /** The words that named it. */
  readonly surface: string;
  /** An "only" / 仅 / 只能 in the clause binds to this member. */
  readonly exclusive: boolean;
};

/** What a clause says, for polarity and exclusivity checks. */
export type ClauseFacts = {
  readonly clause: number;
  /** Content terms (words and concepts), unique, sorted. */
  readonly terms: readonly string[];
  /** `terms` as a set. */
  readonly termSet: ReadonlySet<string>;
  /** The surface of each term as first written. */
  readonly surfaces: ReadonlyMap<string, string>;
  readonly polarity: ClausePolarity;
  /** An odd number of negations ("not", "不得", "禁止"; "without" / "无" do not count). */
  readonly negated: boolean;
  readonly capability: boolean;
  readonly mandate: boolean;
  readonly exclusive: boolean;
  readonly conditional: boolean;
  readonly members: readonly ClauseMember[];
};

/** A term's weight (an IDF): rarer terms say more about the subject. */
export type TermWeight = (term: string) => number;

/**
 * Reads the facts of every clause of a tokenised text.
 *
 * @example
 * const { tokens, clauseCount } = textTokenize("禁止导出聊天记录");
 * clauseFactsRead(tokens, clauseCount)[0]
 * // { polarity: -1, negated: true, terms: ["c:chathistory", "c:export"], members: [], … }
 */
export function clauseFactsRead(tokens: readonly TextToken[], clauseCount: number): ClauseFacts[] {
  const out: ClauseFacts[] = [];
  for (let c = 0; c < clauseCount; c++) {
    const own = tokens.filter((t) => t.clause === c);
    let negations = 0;
    let sign: ClausePolarity = 1;
    let capability = false;
    let mandate = false;
    let conditional = false;
    const exclusiveAt: number[] = [];
    const surfaces = new Map<string, string>();
    const memberAt: { index: number; group: ConceptGroup; member: string; surface: string }[] = [];
    own.forEach((t, index) => {
      if (t.kind === "marker") {
        switch (t.marker.type) {
          case "negation":
            negations++;
            break;
          case "privative":
            break;
          case "capability":
            capability = true;
            break;
          case "mandate":
            mandate = true;
            break;
          case "exclusive":
            exclusiveAt.push(index);
            break;
          case "conditional":
            conditional = true;
            break;
          case "comparator":
          case "per":
          case "every":
          case "range":
          case "after":
          case "before":
          case "forever":
          case "clauseBreak":
            break;
        }
      } else if (t.kind === "word" || t.kind === "concept") {
        if (!surfaces.has(t.term)) surfaces.set(t.term, t.surface);
        if (t.kind === "concept") {
          if (t.sign < 0) sign = (sign * -1) as ClausePolarity;
          // A member also stands for its parent ("新加坡" is overseas; iOS is mobile) when subjects are compared.
          for (const group of CONCEPT_GROUPS_OF.get(t.concept) ?? []) {
            const parent = group.parents?.[t.concept];
            if (parent !== undefined && !surfaces.has(`c:${parent}`)) surfaces.set(`c:${parent}`, t.surface);
          }
          for (const group of CONCEPT_GROUPS_OF.get(t.concept) ?? []) memberAt.push({ index, group, member: t.concept, surface: t.surface });
        }
      }
    });
    if (own.length === 0) continue;
    // Each "only" binds to the nearest member (the following one on a tie: "only admins", "仅支持SSO").
    const bound = new Set<number>();
    for (const at of exclusiveAt) {
      let best: number | undefined;
      for (let m = 0; m < memberAt.length; m++) {
        const distance = Math.abs((memberAt[m]?.index ?? 0) - at);
        const bestDistance = best === undefined ? Infinity : Math.abs((memberAt[best]?.index ?? 0) - at);
        if (distance < bestDistance || (distance === bestDistance && (memberAt[m]?.index ?? 0) > at)) best = m;
      }
      if (best !== undefined) bound.add(best);
    }
    const polarity = ((negations % 2 === 0 ? 1 : -1) * sign) as ClausePolarity;
    const terms = [...surfaces.keys()].sort();
    out.push({
      clause: c,
      terms,
      termSet: new Set(terms),
      surfaces,
      polarity,
      negated: negations % 2 === 1,
      capability,
      mandate,
      exclusive: exclusiveAt.length > 0,
      conditional,
      members: memberAt.map((m, i) => ({ group: m.group, member: m.member, surface: m.surface, exclusive: bound.has(i) })),
    });
  }
  return out;
}

/**
 * IDF-weighted cosine between two sets of terms (each term counted once), 0 when either is empty.
 *
 * @example
 * termSetSimilarity(["c:export", "c:chathistory"], ["c:export", "c:chathistory", "c:admin"], () => 1) // ≈ 0.82
 */
export function termSetSimilarity(a: readonly string[], b: readonly string[], weight: TermWeight, bSet?: ReadonlySet<string>): number {
  if (a.length === 0 || b.length === 0) return 0;
  let na = 0;
  let nb = 0;
  let dot = 0;
  const inB = bSet ?? new Set(b);
  for (const t of a) {
    const w = weight(t);
    na += w * w;
    if (inB.has(t)) dot += w * w;
  }
  for (const t of b) {
    const w = weight(t);
    nb += w * w;
  }
  return na === 0 || nb === 0 ? 0 : Math.min(1, dot / Math.sqrt(na * nb));
}

function memberCovers(group: ConceptGroup, allowed: ReadonlySet<string>, member: string): boolean {
  return allowed.has(member) || allowed.has(group.parents?.[member] ?? "");
}

function membersOverlap(group: ConceptGroup, a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const m of a) if (memberCovers(group, b, m)) return true;
  for (const m of b) if (memberCovers(group, a, m)) return true;
  return false;
}

function membersByGroup(facts: ClauseFacts): Map<string, { group: ConceptGroup; all: Set<string>; exclusive: Set<string> }> {
  const out = new Map<string, { group: ConceptGroup; all: Set<string>; exclusive: Set<string> }>();
  for (const m of facts.members) {
    const entry = out.get(m.group.id) ?? { group: m.group, all: new Set<string>(), exclusive: new Set<string>() };
    entry.all.add(m.member);
    if (m.exclusive) entry.exclusive.add(m.member);
    out.set(m.group.id, entry);
  }
  return out;
}

/**
 * The groups in which two clauses name members and none of them meet (admins vs users; iOS vs web): the clauses
 * then speak of different scopes. `except` leaves one group out (the group whose choice is being compared).
 */
export function clauseScopesDisjoint(a: ClauseFacts, b: ClauseFacts, except?: string): boolean {
  const ga = membersByGroup(a);
  const gb = membersByGroup(b);
  for (const [id, ea] of ga) {
    if (id === except) continue;
    const eb = gb.get(id);
    if (eb !== undefined && !membersOverlap(ea.group, ea.all, eb.all)) return true;
  }
  return false;
}

/** Evidence that two clauses have opposite polarity on the same subject. */
export type PolarityEvidence = {
  readonly similarity: number;
  /** How much of the negative clause the positive one covers (scope terms left out). */
  readonly coverage: number;
  /** Shared terms, heaviest first. */
  readonly shared: readonly string[];
};

/** Concept terms of scope groups: compared by `clauseScopesDisjoint`, not by similarity. */
export const SCOPE_TERMS: ReadonlySet<string> = new Set(CONCEPT_GROUPS.filter((g) => g.kind === "facet").flatMap((g) => g.members.map((m) => `c:${m}`)));

/**
 * Weighted share of `part`'s terms that `whole` also has (1: all of them).
 *
 * @example
 * termSetCoverage(["c:export", "c:chathistory"], ["c:admin", "c:export", "c:chathistory"], () => 1) // 1
 */
export function termSetCoverage(part: readonly string[], whole: readonly string[], weight: TermWeight): number {
  const inWhole = new Set(whole);
  let total = 0;
  let covered = 0;
  for (const t of part) {
    const w = weight(t);
    total += w * w;
    if (inWhole.has(t)) covered += w * w;
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * Opposite polarity on the same subject: the clauses are similar (cosine ≥ `threshold.similarity`), the positive
 * clause covers what the negative one forbids (≥ `threshold.coverage`: "AI must not answer from internet data"
 * does not contradict "AI answers from the knowledge base"), and no scope is disjoint.
 *
 * @example
 * // "支持导出聊天记录" vs "禁止导出聊天记录": same terms, +1 vs −1 → { similarity: 1, coverage: 1, … }
 * // "Admins can export chat history" vs "Users cannot export chat history": roles differ → undefined
 */
export function clausePolarityConflict(a: ClauseFacts, b: ClauseFacts, weight: TermWeight, threshold: { similarity: number; coverage: number; restated: number }): PolarityEvidence | undefined {
  if (a.polarity === b.polarity) return undefined;
  if (clauseScopesDisjoint(a, b)) return undefined;
  const similarity = termSetSimilarity(a.terms, b.terms, weight, b.termSet);
  if (similarity < threshold.similarity) return undefined;
  const [negative, positive] = a.polarity < 0 ? [a, b] : [b, a];
  // Either the positive clause covers what the negative forbids ("admins may export" vs "exporting is forbidden";
  // not "exporting is allowed" vs "regular users may not export": a scoped prohibition refines a general
  // permission), or the negative restates all of the positive with more context ("密码加密存储" vs
  // "密码以明文保存在数据库中").
  const coverage = Math.max(
    termSetCoverage(negative.terms, positive.terms, weight),
    termSetCoverage(positive.terms, negative.terms, weight) >= threshold.restated ? 1 : 0,
  );
  if (coverage < threshold.coverage) return undefined;
  return { similarity, coverage, shared: sharedTerms(a.terms, b.terms, weight) };
}

/** Terms both lists share, heaviest first (ties by term). */
export function sharedTerms(a: readonly string[], b: readonly string[], weight: TermWeight): string[] {
  const inB = new Set(b);
  return a.filter((t) => inB.has(t)).sort((x, y) => weight(y) - weight(x) || (x < y ? -1 : x > y ? 1 : 0));
}

/** Evidence that two clauses choose different alternatives of one group. */
export type ExclusiveEvidence = {
  readonly group: ConceptGroup;
  readonly memberA: string;
  readonly memberB: string;
  /** Which side said "only" (none: both assert an attribute). */
  readonly exclusiveSide: "a" | "b" | "none";
  /** Similarity of the rest of the clauses (without the group's members). */
  readonly restSimilarity: number;
};

/**
 * Terms an attribute group implies as its subject: a sign-in method is about logging in, a hosting location about
 * where data is stored or deployed.
 */
const GROUP_SUBJECT_TERMS: Readonly<Record<string, readonly string[]>> = {
  hosting: ["c:store", "c:deploy", "c:data", "c:datacenter"],
  region: ["c:store", "c:deploy", "c:data", "c:datacenter", "c:region"],
  auth: ["c:login", "c:account", "c:password"],
  hours: ["c:agent", "c:availability"],
  database: ["c:database", "c:store"],
};

function restTerms(facts: ClauseFacts, group: ConceptGroup): string[] {
  const members = new Set(group.members.map((m) => `c:${m}`));
  const rest = new Set(facts.terms.filter((t) => !members.has(t)));
  for (const t of GROUP_SUBJECT_TERMS[group.id] ?? []) rest.add(t);
  return [...rest].sort();
}

/**
 * Exclusive alternatives: see the module comment. `threshold` applies to the similarity of the rest of the two
 * clauses (attribute groups add their implied subject terms first, so "must use the client's SSO" and "local
 * accounts only" share "login"); a facet ("only admins may …") needs the same action, so a higher threshold.
 *
 * @example
 * // "Users must log in through the client's SSO" vs "Login is with local accounts only"
 * // → { group: auth, memberA: "sso", memberB: "localaccount", exclusiveSide: "b", … }
 * // "The system supports SSO" vs "The system supports local accounts" → undefined (two capabilities)
 */
export function clauseExclusiveConflict(a: ClauseFacts, b: ClauseFacts, weight: TermWeight, threshold: { attribute: number; facet: number }): ExclusiveEvidence | undefined {
  if (a.polarity < 0 || b.polarity < 0) return undefined;
  const ga = membersByGroup(a);
  const gb = membersByGroup(b);
  let best: ExclusiveEvidence | undefined;
  for (const [id, ea] of ga) {
    const eb = gb.get(id);
    if (eb === undefined) continue;
    const group = ea.group;
    if (clauseScopesDisjoint(a, b, id)) continue;
    let side: "a" | "b" | "none" | undefined;
    let memberA: string | undefined;
    let memberB: string | undefined;
    const outside = (allowed: ReadonlySet<string>, other: ReadonlySet<string>) => [...other].sort().find((m) => !memberCovers(group, allowed, m));
    if (ea.exclusive.size > 0 && !a.conditional) {
      const out = outside(ea.all, eb.all);
      if (out !== undefined) {
        side = "a";
        memberA = [...ea.exclusive].sort()[0];
        memberB = out;
      }
    }
    if (side === undefined && eb.exclusive.size > 0 && !b.conditional) {
      const out = outside(eb.all, ea.all);
      if (out !== undefined) {
        side = "b";
        memberB = [...eb.exclusive].sort()[0];
        memberA = out;
      }
    }
    if (side === undefined && group.kind === "attribute" && !a.capability && !b.capability && !a.conditional && !b.conditional && !membersOverlap(group, ea.all, eb.all)) {
      side = "none";
      memberA = [...ea.all].sort()[0];
      memberB = [...eb.all].sort()[0];
    }
    if (side === undefined || memberA === undefined || memberB === undefined) continue;
    const restA = restTerms(a, group);
    const restB = restTerms(b, group);
    const restSimilarity = termSetSimilarity(restA, restB, weight);
    if (restSimilarity < (group.kind === "attribute" ? threshold.attribute : threshold.facet)) continue;
    if (best === undefined || restSimilarity > best.restSimilarity) best = { group, memberA, memberB, exclusiveSide: side, restSimilarity };
  }
  return best;
}
