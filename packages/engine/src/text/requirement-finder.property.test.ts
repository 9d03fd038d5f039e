/**
 * Properties of the finder over generated registers: requirement-like texts built from zh/en fragments (subjects,
 * numbers with units, modal words, negations, "only", alternatives) plus arbitrary strings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RequirementProposal, type RequirementText, requirementFinderAnalyzeAll } from "./requirement-finder";

const SUBJECTS = ["chat history", "聊天记录", "concurrent users", "并发用户", "audit logs", "审计日志", "response time", "响应时间", "knowledge base", "知识库", "orders", "订单", "tickets", "工单", "group chats", "群聊"];
const VERBS = ["export", "导出", "delete", "删除", "store", "存储", "support", "支持", "view", "查看", "approve", "审批"];
const MODALS = ["must", "shall", "can", "may", "must not", "cannot", "必须", "应", "可以", "不得", "禁止", "不允许", "only", "仅", "只能"];
const QUANTITIES = ["500", "5,000", "2 seconds", "2秒", "3 years", "3年", "99.9%", "100MB", "2 GB", "五千", "at least 300", "不超过5秒", "up to 2,000", "每天", "weekly"];
const ALTERNATIVES = ["SSO", "单点登录", "local accounts", "本地账号", "on-premise", "公有云", "客户本地机房", "public cloud", "offline mode", "permanent connection", "plaintext", "加密", "administrators", "管理员", "users", "普通用户"];

const fragment = fc.oneof(fc.constantFrom(...SUBJECTS), fc.constantFrom(...VERBS), fc.constantFrom(...MODALS), fc.constantFrom(...QUANTITIES), fc.constantFrom(...ALTERNATIVES));
const requirementText = fc.oneof(
  { weight: 4, arbitrary: fc.array(fragment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(" ")) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
);
const register = fc.array(requirementText, { minLength: 0, maxLength: 14 }).map((texts): RequirementText[] => texts.map((text, i) => ({ id: `R${i + 1}`, text })));

/** Proposals without a/b order: "x|y|kind|score" with x < y. */
function unordered(proposals: readonly RequirementProposal[]): string[] {
  return proposals.map((p) => `${p.a < p.b ? `${p.a}|${p.b}` : `${p.b}|${p.a}`}|${p.kind}|${p.score}`).sort();
}

describe("requirementFinderAnalyzeAll properties", () => {
  it("is symmetric in input order: a shuffled register gives the same pairs, kinds and scores", () => {
    fc.assert(
      fc.property(
        register.chain((r) => fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length, maxLength: r.length }))),
        ([r, shuffled]) => {
          expect(unordered(requirementFinderAnalyzeAll(shuffled))).toEqual(unordered(requirementFinderAnalyzeAll(r)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("scores are in [0, 1], no requirement pairs with itself, each unordered pair appears once", () => {
    fc.assert(
      fc.property(register, (r) => {
        const out = requirementFinderAnalyzeAll(r);
        const seen = new Set<string>();
        for (const p of out) {
          expect(p.score).toBeGreaterThanOrEqual(0);
          expect(p.score).toBeLessThanOrEqual(1);
          expect(p.a).not.toBe(p.b);
          const key = p.a < p.b ? `${p.a}|${p.b}` : `${p.b}|${p.a}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          expect(typeof p.reason).toBe("string");
          expect(p.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("identical texts are always proposed as duplicates with score ≥ 0.9", () => {
    fc.assert(
      fc.property(register, requirementText.filter((t) => /[\p{L}\p{N}]/u.test(t)), (r, text) => {
        const withTwins = [...r, { id: "TWIN-A", text }, { id: "TWIN-B", text }];
        const twins = requirementFinderAnalyzeAll(withTwins).find((p) => (p.a === "TWIN-A" && p.b === "TWIN-B") || (p.a === "TWIN-B" && p.b === "TWIN-A"));
        expect(twins?.kind).toBe("duplicate");
        expect(twins?.score ?? 0).toBeGreaterThanOrEqual(0.9);
      }),
      { numRuns: 80 },
    );
  });

  it("is deterministic and sorted by score", () => {
    fc.assert(
      fc.property(register, (r) => {
        const first = requirementFinderAnalyzeAll(r);
        expect(requirementFinderAnalyzeAll(r)).toEqual(first);
        for (let i = 1; i < first.length; i++) expect((first[i - 1]?.score ?? 0) >= (first[i]?.score ?? 0)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
