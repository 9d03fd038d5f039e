/**
 * The conflict and duplicate finder for requirement registers in zh-CN and English.
 *
 * `requirementFinderCreate(corpus)` analyses every requirement (tokens, clauses, polarity, constraints) and builds
 * an index: TF-IDF weights over content terms, concepts, Chinese character bigrams and quantities, and an inverted
 * index used for candidate blocking, so a new requirement is compared with the few requirements that share its
 * rarer terms instead of with all of them. `requirementFinderPropose(index, requirement)` checks one requirement
 * against the index; `requirementFinderAnalyzeAll(requirements)` proposes for a whole set, each unordered pair at
 * most once.
 *
 * A pair is proposed as a
 * - `conflict` when a clause of each speaks of the same subject and they cannot both hold: numbers that are
 *   incompatible (`text-constraints.ts`), opposite polarity, or exclusive alternatives (`text-polarity.ts`);
 * - `duplicate` when, without a conflict, their weighted cosine similarity reaches the threshold and nothing says
 *   they differ in scope (admins vs users) or polarity. A conflict is never also reported as a duplicate.
 *
 * Scores are in [0, 1], rounded to 3 decimals; output is sorted by score (highest first), then by the ids, so it is
 * deterministic and independent of the input order.
 */
import type { ConceptGroup } from "./text-lexicon";
import {
  type ClauseFacts,
  type TermWeight,
  clauseExclusiveConflict,
  clauseFactsRead,
  clausePolarityConflict,
  clauseScopesDisjoint,
  SCOPE_TERMS,
  sharedTerms,
  termSetSimilarity,
} from "./text-polarity";
import { CONSTRAINT_GENERIC_SUBJECTS, type TextConstraint, constraintRelation, constraintsComparable, textConstraintsExtract } from "./text-constraints";
import { textTokenize } from "./text-tokens";

/** A requirement as the finder reads it. Ids must be unique within a corpus. */
export type RequirementText = { readonly id: string; readonly text: string };

export type RequirementProposalKind = "duplicate" | "conflict";

/** Message keys of proposal reasons, for the UI to localise with `reasonParams`. */
export type RequirementReasonKey =
  | "requirementFinder.duplicate.identical"
  | "requirementFinder.duplicate.similar"
  | "requirementFinder.duplicate.implied"
  | "requirementFinder.conflict.numeric"
  | "requirementFinder.conflict.polarity"
  | "requirementFinder.conflict.exclusive";

/** A score in [0, 1]. */
export type ProposalScore = number & { readonly __brand: "ProposalScore" };

/** One proposal: `a` and `b` are requirement ids (in `propose`, `a` is the requirement being checked). */
export type RequirementProposal = {
  readonly a: string;
  readonly b: string;
  readonly kind: RequirementProposalKind;
  readonly score: ProposalScore;
  /** A short English explanation naming the evidence. */
  readonly reason: string;
  readonly reasonKey: RequirementReasonKey;
  readonly reasonParams: Readonly<Record<string, string | number>>;
};

/**
 * How two explicit bounds in the same direction relate ("≥ 500" and "≥ 300"; "≤ 2 s" and "≤ 5 s"):
 * `logical` (default) — compatible, the stricter implies the other, so the pair is a duplicate candidate;
 * `strict` — any two different values on the same subject conflict.
 */
export type RequirementBoundsPolicy = "logical" | "strict";

export type RequirementFinderOptions = {
  /** Cosine similarity from which a pair is a duplicate (default 0.5). */
  readonly duplicateThreshold?: number;
  readonly boundsPolicy?: RequirementBoundsPolicy;
  /** Candidates examined per requirement (default 40). */
  readonly maxCandidates?: number;
};

/** Index of a term in the finder's vocabulary. */
export type TextTermId = number & { readonly __brand: "TextTermId" };

type Analysis = {
  readonly id: string;
  readonly key: string;
  readonly clauses: readonly ClauseFacts[];
  readonly constraints: readonly TextConstraint[];
  /** term → kind-weighted term frequency. */
  readonly features: ReadonlyMap<string, number>;
  /** Blocking-only terms (groups of alternatives the requirement takes a side in). */
  readonly blocking: readonly string[];
  /** Members named per group, over the whole text. */
  readonly scope: ReadonlyMap<string, { readonly group: ConceptGroup; readonly members: ReadonlySet<string> }>;
};

type SparseVector = { readonly ids: Int32Array; readonly weights: Float64Array };

/** The finder's index over a corpus (treat as opaque). */
export type RequirementFinderIndex = {
  readonly analyses: readonly Analysis[];
  readonly vectors: readonly SparseVector[];
  readonly vocabulary: ReadonlyMap<string, TextTermId>;
  readonly idf: Float64Array;
  readonly idfUnseen: number;
  /** Postings: documents of term t are postDoc[postStart[t] .. postStart[t + 1]). */
  readonly postStart: Int32Array;
  readonly postDoc: Int32Array;
  readonly postWeight: Float64Array;
  /** Blocking-only postings. */
  readonly blockPostings: ReadonlyMap<string, readonly number[]>;
  /** Documents by normalised text: identical texts are always candidates of each other. */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  readonly dfCap: number;
  readonly options: Required<RequirementFinderOptions>;
};

const DEFAULTS: Required<RequirementFinderOptions> = { duplicateThreshold: 0.5, boundsPolicy: "logical", maxCandidates: 40 };
/** Subject similarity from which two constraints bind the same subject. */
const NUMERIC_SUBJECT_THRESHOLD = 0.5;
/** Clause similarity and coverage of the negative clause from which opposite polarity is a conflict. */
const POLARITY_THRESHOLD = { similarity: 0.5, coverage: 0.7, restated: 0.85 };
/** Similarity of the rest of two clauses from which different alternatives conflict. */
const EXCLUSIVE_REST_THRESHOLD = { attribute: 0.3, facet: 0.6 };
/** Partial cosine from which a blocked document is a candidate. */
const CANDIDATE_MIN = 0.04;
const BIGRAM_FACTOR = 0.5;
const IDF_PRIOR = 3;
const IDF_PRIOR_DOCUMENTS = 20;
const QUANTITY_FACTOR = 0.5;

function termFactor(term: string): number {
  if (term.startsWith("b:")) return BIGRAM_FACTOR;
  if (term.startsWith("q:")) return QUANTITY_FACTOR;
  return 1;
}

function analyse(r: RequirementText): Analysis {
  const tokens = textTokenize(r.text);
  const clauses = clauseFactsRead(tokens.tokens, tokens.clauseCount);
  const prohibited = new Map(clauses.map((c) => [c.clause, c.negated] as const));
  const constraints = textConstraintsExtract(tokens.tokens, (c) => (prohibited.get(c) === true ? -1 : 1));
  const features = new Map<string, number>();
  const add = (term: string, amount = 1) => features.set(term, (features.get(term) ?? 0) + amount);
  for (const t of tokens.tokens) if (t.kind === "word" || t.kind === "concept") add(t.term);
  for (const bigram of tokens.bigrams) add(`b:${bigram}`);
  for (const c of constraints) add(`q:${c.dimension}:${Number.isFinite(c.lo) ? c.lo : c.hi}`);
  const blocking = new Set<string>();
  const scope = new Map<string, { group: ConceptGroup; members: Set<string> }>();
  for (const clause of clauses) {
    for (const m of clause.members) {
      if (m.group.kind === "attribute" || m.exclusive) blocking.add(`g:${m.group.id}`);
      const entry = scope.get(m.group.id) ?? { group: m.group, members: new Set<string>() };
      entry.members.add(m.member);
      scope.set(m.group.id, entry);
    }
  }
  const key = tokens.normalized.replace(/[\s.,;:!?'"()[\]{}]+/g, " ").trim();
  return { id: r.id, key, clauses, constraints, features, blocking: [...blocking].sort(), scope };
}

/**
 * Inverse document frequency, smoothed towards a prior as if `IDF_PRIOR_DOCUMENTS` more documents had been seen
 * with every term at `IDF_PRIOR`: in a corpus of two requirements frequencies say nothing, in one of thousands they
 * say almost everything.
 */
function idfOf(n: number, df: number): number {
  const raw = Math.log((n + 1) / (df + 0.5)) + 1;
  return (n * raw + IDF_PRIOR_DOCUMENTS * IDF_PRIOR) / (n + IDF_PRIOR_DOCUMENTS);
}

/**
 * Builds the finder's index over a corpus of requirements.
 *
 * @example
 * const index = requirementFinderCreate([
 *   { id: "R1", text: "The platform must handle 500 concurrent users." },
 *   { id: "R2", text: "数据必须存储在客户本地机房。" },
 * ]);
 * requirementFinderPropose(index, { id: "NEW", text: "The platform must handle 5,000 concurrent users." })
 * // [{ a: "NEW", b: "R1", kind: "conflict", score: 0.95,
 * //    reason: "same subject 'handle concurrent users', incompatible numbers 5000 vs 500", … }]
 */
export function requirementFinderCreate(corpus: readonly RequirementText[], options: RequirementFinderOptions = {}): RequirementFinderIndex {
  const analyses = corpus.map(analyse);
  const df = new Map<string, number>();
  for (const a of analyses) for (const term of a.features.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  // Term ids in sorted term order: the same corpus in any order gives the same ids (and the same float sums).
  const terms = [...df.keys()].sort();
  const vocabulary = new Map<string, TextTermId>(terms.map((t, i) => [t, i as TextTermId]));
  const n = analyses.length;
  const idf = new Float64Array(terms.length);
  terms.forEach((t, i) => (idf[i] = idfOf(n, df.get(t) ?? 0)));
  const idfUnseen = idfOf(n, 0);
  const vectors = analyses.map((a) => vectorOf(a, vocabulary, idf, idfUnseen));
  // Postings in CSR form.
  const counts = new Int32Array(terms.length + 1);
  for (const v of vectors) for (const id of v.ids) counts[id + 1] = (counts[id + 1] ?? 0) + 1;
  const postStart = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) postStart[t + 1] = (postStart[t] ?? 0) + (counts[t + 1] ?? 0);
  const fill = postStart.slice(0, terms.length);
  const total = postStart[terms.length] ?? 0;
  const postDoc = new Int32Array(total);
  const postWeight = new Float64Array(total);
  vectors.forEach((v, d) => {
    for (let k = 0; k < v.ids.length; k++) {
      const t = v.ids[k] ?? 0;
      const at = fill[t] ?? 0;
      postDoc[at] = d;
      postWeight[at] = v.weights[k] ?? 0;
      fill[t] = at + 1;
    }
  });
  const byKey = new Map<string, number[]>();
  analyses.forEach((a, d) => {
    if (a.key === "") return;
    const list = byKey.get(a.key) ?? [];
    list.push(d);
    byKey.set(a.key, list);
  });
  const blockPostings = new Map<string, number[]>();
  analyses.forEach((a, d) => {
    for (const b of a.blocking) {
      const list = blockPostings.get(b) ?? [];
      list.push(d);
      blockPostings.set(b, list);
    }
  });
  return {
    analyses,
    vectors,
    vocabulary,
    idf,
    idfUnseen,
    postStart,
    postDoc,
    postWeight,
    blockPostings,
    byKey,
    dfCap: Math.max(200, Math.ceil(n * 0.05)),
    options: { ...DEFAULTS, ...options },
  };
}

/** The L2-normalised TF-IDF vector of an analysis; unseen terms count in the norm only. */
function vectorOf(a: Analysis, vocabulary: ReadonlyMap<string, TextTermId>, idf: Float64Array, idfUnseen: number): SparseVector {
  const entries: [number, number][] = [];
  let norm = 0;
  for (const [term, tf] of a.features) {
    const id = vocabulary.get(term);
    const w = termFactor(term) * (1 + Math.log(tf)) * (id === undefined ? idfUnseen : (idf[id] ?? idfUnseen));
    norm += w * w;
    if (id !== undefined) entries.push([id, w]);
  }
  entries.sort((x, y) => x[0] - y[0]);
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return { ids: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1] * scale) };
}

function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) {
      dot += (a.weights[i] ?? 0) * (b.weights[j] ?? 0);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return Math.min(1, Math.max(0, dot));
}

function termWeightOf(index: RequirementFinderIndex): TermWeight {
  return (term) => {
    const id = index.vocabulary.get(term);
    return id === undefined ? index.idfUnseen : (index.idf[id] ?? index.idfUnseen);
  };
}

/**
 * Candidate documents for a vector: documents sharing terms whose document frequency is at most the cap, ranked by
 * the partial dot product, plus documents taking a side in the same group of alternatives.
 */
function candidatesOf(index: RequirementFinderIndex, analysis: Analysis, vector: SparseVector, self: number, scratch: Float64Array, touched: number[]): number[] {
  touched.length = 0;
  const blocking = analysis.blocking;
  const identical = analysis.key === "" ? [] : (index.byKey.get(analysis.key) ?? []).filter((d) => d !== self);
  for (let k = 0; k < vector.ids.length; k++) {
    const t = vector.ids[k] ?? 0;
    const from = index.postStart[t] ?? 0;
    const to = index.postStart[t + 1] ?? 0;
    if (to - from > index.dfCap) continue;
    const wq = vector.weights[k] ?? 0;
    for (let p = from; p < to; p++) {
      const d = index.postDoc[p] ?? 0;
      if (d === self) continue;
      if (scratch[d] === 0) touched.push(d);
      scratch[d] = (scratch[d] ?? 0) + wq * (index.postWeight[p] ?? 0);
    }
  }
  for (const b of blocking) {
    const list = index.blockPostings.get(b) ?? [];
    if (list.length > index.dfCap) continue;
    for (const d of list) {
      if (d === self) continue;
      if (scratch[d] === 0) touched.push(d);
      scratch[d] = (scratch[d] ?? 0) + CANDIDATE_MIN;
    }
  }
  // Bounded top-K selection (score desc, id asc): no sort of every touched document.
  const k = index.options.maxCandidates;
  const ids = index.analyses;
  const better = (x: number, y: number) => {
    const sx = scratch[x] ?? 0;
    const sy = scratch[y] ?? 0;
    return sx > sy || (sx === sy && compareIds(ids[x]?.id ?? "", ids[y]?.id ?? "") < 0);
  };
  const best: number[] = [];
  for (const d of touched) {
    if ((scratch[d] ?? 0) < CANDIDATE_MIN) continue;
    if (best.length === k) {
      if (!better(d, best[k - 1] ?? d)) continue;
      best[k - 1] = d;
    } else best.push(d);
    for (let pos = best.length - 1; pos > 0 && better(best[pos] ?? 0, best[pos - 1] ?? 0); pos--) {
      const swap = best[pos - 1] ?? 0;
      best[pos - 1] = best[pos] ?? 0;
      best[pos] = swap;
    }
  }
  for (const d of touched) scratch[d] = 0;
  if (identical.length === 0) return best;
  return [...identical, ...best.filter((d) => !identical.includes(d))];
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

type Verdict = { kind: RequirementProposalKind; score: number; reasonKey: RequirementReasonKey; reason: string; params: Record<string, string | number> };

/** Shows the (up to 4) heaviest terms by their surfaces in the first text, in its order: "concurrent users", "导出聊天记录". */
function subjectText(terms: readonly string[], facts: readonly ClauseFacts[]): string {
  const order = new Map<string, number>();
  for (const c of facts) for (const t of c.surfaces.keys()) if (!order.has(t)) order.set(t, order.size);
  const chosen = terms.slice(0, 4).sort((x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity));
  const surfaces: string[] = [];
  for (const t of chosen) {
    let s: string | undefined;
    for (const c of facts) s ??= c.surfaces.get(t);
    s ??= t.replace(/^c:/, "");
    if (!surfaces.includes(s)) surfaces.push(s);
  }
  return surfaces.reduce((out, s) => (out === "" ? s : /[a-z0-9]$/i.test(out) && /^[a-z0-9]/i.test(s) ? `${out} ${s}` : `${out}${/[\u4e00-\u9fff]$/.test(out) && /^[\u4e00-\u9fff]/.test(s) ? "" : " "}${s}`), "");
}

function round3(x: number): ProposalScore {
  return (Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000) as ProposalScore;
}

function clauseOf(a: Analysis, clause: number): ClauseFacts | undefined {
  return a.clauses.find((c) => c.clause === clause);
}

function docScopesDisjoint(a: Analysis, b: Analysis): string | undefined {
  for (const [id, ea] of a.scope) {
    const eb = b.scope.get(id);
    if (eb === undefined) continue;
    const group = ea.group;
    const covers = (set: ReadonlySet<string>, m: string) => set.has(m) || set.has(group.parents?.[m] ?? "");
    if (![...ea.members].some((m) => covers(eb.members, m)) && ![...eb.members].some((m) => covers(ea.members, m))) return id;
  }
  return undefined;
}

/** Compares two analysed requirements: a conflict verdict, a duplicate verdict, or none. Symmetric in a and b. */
function judge(a: Analysis, b: Analysis, va: SparseVector, vb: SparseVector, weight: TermWeight, options: Required<RequirementFinderOptions>): Verdict | undefined {
  if (a.key !== "" && a.key === b.key) {
    return { kind: "duplicate", score: 1, reasonKey: "requirementFinder.duplicate.identical", reason: "identical text", params: {} };
  }
  let conflict: Verdict | undefined;
  const better = (v: Verdict) => {
    if (conflict === undefined || v.score > conflict.score) conflict = v;
  };
  let implied: { subject: string; a: string; b: string } | undefined;
  /** Clause pairs whose numbers cover different ranges (complementary statements, not opposites). */
  const complementary = new Set<string>();

  // Scope members (roles, platforms, …) are compared by scope, not by similarity; generic kinds weigh half.
  const subjectWeight: TermWeight = (t) => (CONSTRAINT_GENERIC_SUBJECTS.has(t) ? 0.5 : SCOPE_TERMS.has(t) ? 0 : 1) * weight(t);
  // Numbers on the same subject.
  for (const ca of a.constraints) {
    for (const cb of b.constraints) {
      if (!constraintsComparable(ca, cb)) continue;
      const fa = clauseOf(a, ca.clause);
      const fb = clauseOf(b, cb.clause);
      if (fa === undefined || fb === undefined || clauseScopesDisjoint(fa, fb)) continue;
      const similarity = termSetSimilarity(ca.subject, cb.subject, subjectWeight);
      if (similarity < NUMERIC_SUBJECT_THRESHOLD) continue;
      const relation = constraintRelation(ca, cb);
      // Numbers are allowed or forbidden by a prohibition ("cannot … after 2 minutes"), not by "without".
      const samePolarity = fa.negated === fb.negated;
      if (!samePolarity && relation === "disjoint") complementary.add(`${ca.clause}:${cb.clause}`);
      const strictDiffers = options.boundsPolicy === "strict" && relation !== "equal";
      const incompatible = samePolarity ? relation === "disjoint" || strictDiffers : relation !== "disjoint";
      const subject = subjectText(sharedTerms(ca.subject, cb.subject, weight), a.clauses);
      if (incompatible) {
        const verb = samePolarity ? "incompatible numbers" : "allowed and forbidden for the same values";
        better({
          kind: "conflict",
          score: 0.55 + 0.4 * similarity,
          reasonKey: "requirementFinder.conflict.numeric",
          reason: `same subject '${subject}', ${verb} ${ca.display} vs ${cb.display}`,
          params: { subject, valueA: ca.display, valueB: cb.display, samePolarity: samePolarity ? 1 : 0 },
        });
      } else if (relation === "implies" && samePolarity) implied ??= { subject, a: ca.display, b: cb.display };
    }
  }

  // Polarity and exclusive alternatives, clause by clause.
  let oppositeWithoutConflict = false;
  for (const fa of a.clauses) {
    for (const fb of b.clauses) {
      const hasA = a.constraints.some((c) => c.clause === fa.clause);
      const hasB = b.constraints.some((c) => c.clause === fb.clause);
      const polarity = clausePolarityConflict(fa, fb, weight, POLARITY_THRESHOLD);
      if (polarity !== undefined) {
        // Complementary ranges ("can within 2 minutes" / "cannot after 2 minutes") say one thing twice; a general
        // permission with a restricted prohibition is a refinement; a general prohibition against any permitted
        // range is a contradiction.
        const generalProhibition = (!hasA && fa.polarity < 0) || (!hasB && fb.polarity < 0);
        if (complementary.has(`${fa.clause}:${fb.clause}`)) continue;
        if (hasA !== hasB && !generalProhibition) oppositeWithoutConflict = true;
        else if (!hasA || !hasB) {
          const subject = subjectText(polarity.shared, a.clauses);
          const word = (p: number) => (p > 0 ? "affirmed" : "negated");
          better({
            kind: "conflict",
            score: 0.5 + 0.25 * polarity.similarity + 0.2 * polarity.coverage,
            reasonKey: "requirementFinder.conflict.polarity",
            reason: `same subject '${subject}', opposite polarity: ${word(fa.polarity)} vs ${word(fb.polarity)}`,
            params: { subject, polarityA: fa.polarity, polarityB: fb.polarity },
          });
        }
      } else if (fa.polarity !== fb.polarity && termSetSimilarity(fa.terms, fb.terms, weight, fb.termSet) >= POLARITY_THRESHOLD.similarity) oppositeWithoutConflict = true;
      const exclusive = clauseExclusiveConflict(fa, fb, weight, EXCLUSIVE_REST_THRESHOLD);
      if (exclusive !== undefined) {
        const surfaceA = fa.members.find((m) => m.member === exclusive.memberA)?.surface ?? exclusive.memberA;
        const surfaceB = fb.members.find((m) => m.member === exclusive.memberB)?.surface ?? exclusive.memberB;
        const onlyA = exclusive.exclusiveSide === "a" ? " (only)" : "";
        const onlyB = exclusive.exclusiveSide === "b" ? " (only)" : "";
        better({
          kind: "conflict",
          score: 0.55 + 0.4 * exclusive.restSimilarity,
          reasonKey: "requirementFinder.conflict.exclusive",
          reason: `exclusive alternatives for ${exclusive.group.label}: '${surfaceA}'${onlyA} vs '${surfaceB}'${onlyB}`,
          params: { group: exclusive.group.id, memberA: surfaceA, memberB: surfaceB, exclusiveSide: exclusive.exclusiveSide },
        });
      }
    }
  }
  if (conflict !== undefined) return conflict;

  // Duplicates: similar wording, same scope, same polarity.
  let similarity = cosine(va, vb);
  if (docScopesDisjoint(a, b) !== undefined || oppositeWithoutConflict) similarity *= 0.5;
  if (similarity < options.duplicateThreshold) return undefined;
  const allA = [...new Set(a.clauses.flatMap((c) => c.terms))].sort();
  const allB = [...new Set(b.clauses.flatMap((c) => c.terms))].sort();
  const shared = subjectText(sharedTerms(allA, allB, weight), a.clauses);
  if (implied !== undefined) {
    return {
      kind: "duplicate",
      score: similarity,
      reasonKey: "requirementFinder.duplicate.implied",
      reason: `same subject '${implied.subject}', compatible numbers ${implied.a} vs ${implied.b}: the stricter implies the other`,
      params: { subject: implied.subject, valueA: implied.a, valueB: implied.b, similarity: round3(similarity) },
    };
  }
  return {
    kind: "duplicate",
    score: similarity,
    reasonKey: "requirementFinder.duplicate.similar",
    reason: `similar wording (similarity ${round3(similarity).toFixed(2)}), shared: ${shared === "" ? "–" : shared}`,
    params: { similarity: round3(similarity), shared },
  };
}

function proposalOf(aId: string, bId: string, v: Verdict): RequirementProposal {
  const score = round3(v.kind === "duplicate" && v.reasonKey !== "requirementFinder.duplicate.identical" ? Math.min(v.score, 0.99) : Math.min(v.score, v.kind === "conflict" ? 0.99 : 1));
  return { a: aId, b: bId, kind: v.kind, score, reason: v.reason, reasonKey: v.reasonKey, reasonParams: v.params };
}

function sortProposals(list: RequirementProposal[]): RequirementProposal[] {
  return list.sort((x, y) => y.score - x.score || (x.kind === y.kind ? 0 : x.kind === "conflict" ? -1 : 1) || compareIds(x.a, y.a) || compareIds(x.b, y.b));
}

/**
 * Proposes duplicates and conflicts between one requirement and the indexed corpus, highest score first. The
 * requirement is `a` of every proposal; a corpus entry with the same id is skipped (re-checking an edited
 * requirement).
 *
 * @example
 * requirementFinderPropose(index, { id: "R9", text: "禁止导出聊天记录" })
 * // [{ a: "R9", b: "R3", kind: "conflict", reason: "same subject '导出聊天记录', opposite polarity: …", … }]  (R3: "支持导出聊天记录")
 */
export function requirementFinderPropose(index: RequirementFinderIndex, requirement: RequirementText): RequirementProposal[] {
  const analysis = analyse(requirement);
  const vector = vectorOf(analysis, index.vocabulary, index.idf, index.idfUnseen);
  const weight = termWeightOf(index);
  const self = index.analyses.findIndex((a) => a.id === requirement.id);
  const scratch = new Float64Array(index.analyses.length);
  const out: RequirementProposal[] = [];
  for (const d of candidatesOf(index, analysis, vector, self, scratch, [])) {
    const other = index.analyses[d];
    const ov = index.vectors[d];
    if (other === undefined || ov === undefined) continue;
    const verdict = judge(analysis, other, vector, ov, weight, index.options);
    if (verdict !== undefined) out.push(proposalOf(requirement.id, other.id, verdict));
  }
  return sortProposals(out);
}

/**
 * All duplicate and conflict proposals within a set of requirements, highest score first, each unordered pair at
 * most once (and never both kinds). `a` is the requirement that comes first in the input.
 *
 * @example
 * requirementFinderAnalyzeAll([
 *   { id: "R1", text: "Users must log in through the client's SSO." },
 *   { id: "R2", text: "Login is with local accounts only." },
 *   { id: "R3", text: "Administrators can export the chat history." },
 *   { id: "R4", text: "Chat history must be exportable by administrators." },
 * ])
 * // [{ a: "R3", b: "R4", kind: "duplicate", … }, { a: "R1", b: "R2", kind: "conflict",
 * //    reason: "exclusive alternatives for sign-in method: 'SSO' vs 'local accounts' (only)", … }]  (order by score)
 */
export function requirementFinderAnalyzeAll(requirements: readonly RequirementText[], options: RequirementFinderOptions = {}): RequirementProposal[] {
  const index = requirementFinderCreate(requirements, options);
  const weight = termWeightOf(index);
  const n = index.analyses.length;
  const scratch = new Float64Array(n);
  const touched: number[] = [];
  const candidates = index.analyses.map((a, i) => {
    const v = index.vectors[i];
    return v === undefined ? [] : candidatesOf(index, a, v, i, scratch, touched);
  });
  const out: RequirementProposal[] = [];
  for (let i = 0; i < n; i++) {
    for (const j of candidates[i] ?? []) {
      // Each unordered pair once: from the lower index, or from the higher when the lower did not pick it.
      if (j < i && (candidates[j] ?? []).includes(i)) continue;
      const [x, y] = i < j ? [i, j] : [j, i];
      const ax = index.analyses[x];
      const ay = index.analyses[y];
      const vx = index.vectors[x];
      const vy = index.vectors[y];
      if (ax === undefined || ay === undefined || vx === undefined || vy === undefined) continue;
      const verdict = judge(ax, ay, vx, vy, weight, index.options);
      if (verdict !== undefined) out.push(proposalOf(ax.id, ay.id, verdict));
    }
  }
  return sortProposals(out);
}
