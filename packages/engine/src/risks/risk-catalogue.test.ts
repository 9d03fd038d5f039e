import { describe, expect, it } from "vitest";
import { RISK_TEMPLATE_KINDS, riskCatalogue, riskCatalogueKey } from "./risk-catalogue";
import { RISK_CATEGORIES, RISK_STRATEGIES } from "./risk-register";
import { isRiskRating } from "./risk-score";

describe("the default risks", () => {
  it.each(RISK_TEMPLATE_KINDS)("%s: unique ids, valid values, every text in both languages", (kind) => {
    const entries = riskCatalogue(kind);
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^[a-z0-9-]+$/);
      expect(RISK_CATEGORIES).toContain(entry.category);
      expect(RISK_STRATEGIES).toContain(entry.strategy);
      expect(isRiskRating(entry.probability) && isRiskRating(entry.impact)).toBe(true);
      for (const locale of ["en", "zh-CN"] as const) {
        const text = entry.text[locale];
        for (const value of [text.title, text.description, text.responsePlan, text.trigger]) expect(value.trim().length).toBeGreaterThan(0);
        expect(text.title.length).toBeLessThanOrEqual(200);
      }
      // The Chinese text is Chinese, not a copy of the English.
      expect(entry.text["zh-CN"].title).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("keys entries by kind, so the same id in two kinds stays two risks", () => {
    const entry = riskCatalogue("on_premise")[0];
    if (!entry) throw new Error("empty catalogue");
    expect(riskCatalogueKey("on_premise", entry)).toBe(`on_premise/${entry.id}`);
    const keys = RISK_TEMPLATE_KINDS.flatMap((kind) => riskCatalogue(kind).map((e) => riskCatalogueKey(kind, e)));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
