/**
 * Keeps the two languages in step and the UI free of hard-coded text:
 * - every key in en.json exists in zh-CN.json and the other way round, with the same {{placeholders}};
 * - no .tsx file has words as JSX text or in user-facing attributes (placeholder, title, aria-label, alt):
 *   those must come from t("…").
 */
import { describe, expect, it } from "vitest";
import ts from "typescript";
import en from "./en.json";
import zhCN from "./zh-CN.json";

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") result.set(path, value);
    else for (const [k, v] of flatten(value, path)) result.set(k, v);
  }
  return result;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? "").sort();
}

const enKeys = flatten(en);
const zhKeys = flatten(zhCN);

describe("translation files", () => {
  it("have the same keys in zh-CN and en", () => {
    const missingInZh = [...enKeys.keys()].filter((key) => !zhKeys.has(key));
    const missingInEn = [...zhKeys.keys()].filter((key) => !enKeys.has(key));
    expect({ missingInZh, missingInEn }).toEqual({ missingInZh: [], missingInEn: [] });
  });

  it("use the same placeholders in both languages", () => {
    const mismatched = [...enKeys.entries()]
      .filter(([key, text]) => zhKeys.has(key) && placeholders(text).join() !== placeholders(zhKeys.get(key) ?? "").join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("have no empty messages", () => {
    const empty = [...enKeys.entries(), ...zhKeys.entries()].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });
});

// Vite inlines every .tsx source as text; this is the whole UI.
const sources = import.meta.glob<string>("../**/*.tsx", { query: "?raw", import: "default", eager: true });
const USER_FACING_ATTRIBUTES = new Set(["placeholder", "title", "aria-label", "alt", "label"]);
/** Letters in any script: Latin words and Chinese characters both count as text a person reads. */
const WORDS = /[\p{L}]{2,}|\p{Script=Han}/u;

type Finding = { file: string; line: number; text: string };

function hardCodedText(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) =>
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim() });
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (WORDS.test(node.initializer.text)) report(node, node.initializer.text);
    }
    // {"Some words"} as a child
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && ts.isJsxElement(node.parent) && WORDS.test(node.expression.text)) {
      report(node, node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function usedKeys(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "t") {
      const [first] = node.arguments;
      if (first && ts.isStringLiteral(first)) {
        findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: first.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

describe("UI source", () => {
  it("is scanned (the glob found the components)", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it("has no hard-coded words in JSX: every string goes through i18n", () => {
    const findings = Object.entries(sources).flatMap(([file, source]) => hardCodedText(file, source));
    expect(findings).toEqual([]);
  });

  it("only uses keys that exist", () => {
    const missing = Object.entries(sources)
      .flatMap(([file, source]) => usedKeys(file, source))
      .filter((finding) => !enKeys.has(finding.text));
    expect(missing).toEqual([]);
  });
});
