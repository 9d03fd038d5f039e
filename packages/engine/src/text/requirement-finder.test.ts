/**
 * The finder: worked examples, then precision and recall on the labelled sets. The tuning set
 * (requirement-pairs.fixture.ts) is what the thresholds were tuned on; the hold-out set
 * (requirement-pairs.holdout.fixture.ts) was written after tuning ended and never tuned on. Both are measured in two
 * modes: "set" — all texts of the set in one corpus, as `jiaofu requirements-analyze` reads a register — and "pair" —
 * each pair alone. The numbers are printed and recorded in packages/engine/README.md.
 */
import { describe, expect, it } from "vitest";
import { type RequirementProposal, requirementFinderAnalyzeAll, requirementFinderCreate, requirementFinderPropose } from "./requirement-finder";
import { type LabelledRequirementPair, REQUIREMENT_PAIRS } from "./requirement-pairs.fixture";
import { REQUIREMENT_PAIRS_HOLDOUT } from "./requirement-pairs.holdout.fixture";

function pair(a: string, b: string): RequirementProposal[] {
  return requirementFinderAnalyzeAll([
    { id: "A", text: a },
    { id: "B", text: b },
  ]);
}

describe("requirementFinderAnalyzeAll: worked examples", () => {
  it("500 vs 5,000 concurrent users: a numeric conflict naming the subject and the numbers", () => {
    const [p, ...rest] = pair("The platform must support 500 concurrent users.", "The platform must support 5,000 concurrent users.");
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ a: "A", b: "B", kind: "conflict", reasonKey: "requirementFinder.conflict.numeric", reasonParams: { valueA: "500", valueB: "5000" } });
    expect(p?.reason).toBe("same subject 'concurrent users', incompatible numbers 500 vs 5000");
    expect(p?.score).toBeGreaterThan(0.8);
  });

  it("must use the client's SSO vs local accounts only: exclusive alternatives", () => {
    expect(pair("Users must use the client's SSO.", "Local accounts only.")[0]).toMatchObject({ kind: "conflict", reasonKey: "requirementFinder.conflict.exclusive", reasonParams: { group: "auth" } });
  });

  it("数据必须存储在客户本地机房 vs 数据存储在公有云", () => {
    expect(pair("数据必须存储在客户本地机房。", "数据存储在公有云。")[0]).toMatchObject({ kind: "conflict", reasonKey: "requirementFinder.conflict.exclusive" });
  });

  it("must support offline mode vs requires a permanent connection", () => {
    expect(pair("The app must support offline mode.", "The app requires a permanent connection.")[0]).toMatchObject({ kind: "conflict", reasonKey: "requirementFinder.conflict.polarity" });
  });

  it("支持导出聊天记录 vs 禁止导出聊天记录", () => {
    const [p] = pair("支持导出聊天记录", "禁止导出聊天记录");
    expect(p).toMatchObject({ kind: "conflict", reasonKey: "requirementFinder.conflict.polarity" });
    expect(p?.reason).toContain("导出聊天记录");
  });

  it("a conflict is not also a duplicate, however similar the wording", () => {
    const all = pair("系统需支持500个并发用户。", "系统需支持5000个并发用户。");
    expect(all.map((p) => p.kind)).toEqual(["conflict"]);
  });

  it("paraphrases and translations are duplicates", () => {
    expect(pair("Administrators can export the chat history.", "Chat history must be exportable by administrators.")[0]).toMatchObject({ kind: "duplicate" });
    expect(pair("聊天记录必须可以导出。", "Chat history must be exportable.")[0]).toMatchObject({ kind: "duplicate" });
  });

  it("identical texts are duplicates with score 1", () => {
    expect(pair("系统", "系统")[0]).toMatchObject({ kind: "duplicate", score: 1, reasonKey: "requirementFinder.duplicate.identical" });
  });

  it("two lower bounds are compatible: the stricter implies the other (logical bounds policy)", () => {
    const [p] = pair("The platform must handle at least 500 concurrent users.", "The platform must handle at least 300 concurrent users.");
    expect(p).toMatchObject({ kind: "duplicate", reasonKey: "requirementFinder.duplicate.implied" });
  });

  it("the strict bounds policy makes any two values on one subject a conflict", () => {
    const texts = [
      { id: "A", text: "The platform must handle at least 500 concurrent users." },
      { id: "B", text: "The platform must handle at least 300 concurrent users." },
    ];
    expect(requirementFinderAnalyzeAll(texts, { boundsPolicy: "strict" })[0]).toMatchObject({ kind: "conflict" });
  });

  it("different roles are not a conflict", () => {
    expect(pair("Administrators can export chat history.", "Regular users cannot export chat history.")).toEqual([]);
  });

  it("sorts by score, then conflict before duplicate, then ids", () => {
    const out = requirementFinderAnalyzeAll([
      { id: "R1", text: "Users must log in through the client's SSO." },
      { id: "R2", text: "Login is with local accounts only." },
      { id: "R3", text: "Administrators can export the chat history." },
      { id: "R4", text: "Chat history must be exportable by administrators." },
      { id: "R5", text: "Administrators can export the chat history." },
    ]);
    expect(out.map((p) => `${p.a}-${p.b}:${p.kind}`)).toEqual(["R3-R5:duplicate", "R3-R4:duplicate", "R4-R5:duplicate", "R1-R2:conflict"]);
    for (let i = 1; i < out.length; i++) expect((out[i - 1]?.score ?? 0) >= (out[i]?.score ?? 0)).toBe(true);
  });
});

describe("requirementFinderPropose", () => {
  const index = requirementFinderCreate([
    { id: "R1", text: "The platform must handle 500 concurrent users." },
    { id: "R2", text: "数据必须存储在客户本地机房。" },
    { id: "R3", text: "支持导出聊天记录" },
    { id: "R4", text: "Invoices are generated automatically at month end." },
  ]);

  it("checks one new requirement against the index; the new requirement is a", () => {
    expect(requirementFinderPropose(index, { id: "NEW", text: "The platform must handle 5,000 concurrent users." })).toEqual([
      expect.objectContaining({ a: "NEW", b: "R1", kind: "conflict" }),
    ]);
    expect(requirementFinderPropose(index, { id: "NEW", text: "禁止导出聊天记录" })).toEqual([expect.objectContaining({ a: "NEW", b: "R3", kind: "conflict" })]);
    expect(requirementFinderPropose(index, { id: "NEW", text: "Customers can pay by credit card." })).toEqual([]);
  });

  it("skips the corpus entry with the same id (re-checking an edited requirement)", () => {
    expect(requirementFinderPropose(index, { id: "R1", text: "The platform must handle 500 concurrent users." })).toEqual([]);
  });
});

type Counts = { tp: number; fp: number; fn: number };
type Measured = { duplicate: Counts; conflict: Counts; accuracy: number; misses: string[] };

const pairKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

/** Precision/recall per kind over the labelled pairs (a pair with no proposal is predicted "unrelated"). */
function measure(pairs: readonly LabelledRequirementPair[], mode: "set" | "pair"): Measured {
  const predicted = new Map<string, RequirementProposal>();
  if (mode === "set") {
    const texts = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
    const byId = new Map(texts.map((t, i) => [`T${i}`, t]));
    for (const p of requirementFinderAnalyzeAll(texts.map((text, i) => ({ id: `T${i}`, text })))) predicted.set(pairKey(byId.get(p.a) ?? "", byId.get(p.b) ?? ""), p);
  } else {
    for (const p of pairs) {
      const [first] = pair(p.a, p.b);
      if (first !== undefined) predicted.set(pairKey(p.a, p.b), first);
    }
  }
  const counts = { duplicate: { tp: 0, fp: 0, fn: 0 }, conflict: { tp: 0, fp: 0, fn: 0 } };
  let correct = 0;
  const misses: string[] = [];
  for (const p of pairs) {
    const got = predicted.get(pairKey(p.a, p.b))?.kind ?? "unrelated";
    if (got === p.label) correct++;
    else misses.push(`[${p.lang}] ${p.label} → ${got}: ${p.a} | ${p.b}`);
    for (const kind of ["duplicate", "conflict"] as const) {
      if (got === kind && p.label === kind) counts[kind].tp++;
      else if (got === kind) counts[kind].fp++;
      else if (p.label === kind) counts[kind].fn++;
    }
  }
  return { ...counts, accuracy: correct / pairs.length, misses };
}

const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

function report(name: string, pairs: readonly LabelledRequirementPair[], m: Measured): void {
  const langs = ["zh", "en", "mixed"].map((l) => `${l} ${pairs.filter((p) => p.lang === l).length}`).join(", ");
  const fmt = (c: Counts) => `precision ${precision(c).toFixed(3)} recall ${recall(c).toFixed(3)} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
  console.log(`${name}: ${pairs.length} pairs (${langs}); duplicate ${fmt(m.duplicate)}; conflict ${fmt(m.conflict)}; accuracy ${m.accuracy.toFixed(3)}${m.misses.length > 0 ? `\n  misses:\n  ${m.misses.join("\n  ")}` : ""}`);
}

describe("labelled sets", () => {
  it("the tuning set has at least 80 pairs, ≥ 30 Chinese, ≥ 30 English, some mixed, all three labels", () => {
    expect(REQUIREMENT_PAIRS.length).toBeGreaterThanOrEqual(80);
    expect(REQUIREMENT_PAIRS.filter((p) => p.lang === "zh").length).toBeGreaterThanOrEqual(30);
    expect(REQUIREMENT_PAIRS.filter((p) => p.lang === "en").length).toBeGreaterThanOrEqual(30);
    expect(REQUIREMENT_PAIRS.filter((p) => p.lang === "mixed").length).toBeGreaterThan(0);
    expect(new Set(REQUIREMENT_PAIRS.map((p) => p.label))).toEqual(new Set(["duplicate", "conflict", "unrelated"]));
    expect(REQUIREMENT_PAIRS_HOLDOUT.length).toBeGreaterThanOrEqual(20);
  });

  // Thresholds set after measurement, a little below the measured values (README, "Requirement finder").
  it.each([
    ["tuning set", "set", REQUIREMENT_PAIRS, { duplicate: [0.95, 0.95], conflict: [0.95, 0.9] }],
    ["tuning set", "pair", REQUIREMENT_PAIRS, { duplicate: [0.9, 0.95], conflict: [0.95, 0.9] }],
    ["hold-out set", "set", REQUIREMENT_PAIRS_HOLDOUT, { duplicate: [0.8, 0.75], conflict: [0.9, 0.7] }],
    ["hold-out set", "pair", REQUIREMENT_PAIRS_HOLDOUT, { duplicate: [0.85, 0.95], conflict: [0.9, 0.7] }],
  ] as const)("%s, %s mode: precision and recall per kind", (name, mode, pairs, floor) => {
    const m = measure(pairs, mode);
    report(`${name} (${mode} mode)`, pairs, m);
    expect(precision(m.duplicate)).toBeGreaterThanOrEqual(floor.duplicate[0]);
    expect(recall(m.duplicate)).toBeGreaterThanOrEqual(floor.duplicate[1]);
    expect(precision(m.conflict)).toBeGreaterThanOrEqual(floor.conflict[0]);
    expect(recall(m.conflict)).toBeGreaterThanOrEqual(floor.conflict[1]);
  });
});
