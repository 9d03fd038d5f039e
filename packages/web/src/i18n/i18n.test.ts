/**
 * Keeps the two languages in step and the UI free of hard-coded text:
 * - every pair of translation files (`en.json` / `zh-CN.json`, and each feature's `<name>.en.json` /
 *   `<name>.zh-CN.json`) has the same keys, with the same {{placeholders}};
 * - no two files define the same top-level namespace (they are merged into one resource per language);
 * - no .tsx file has words as JSX text or in user-facing attributes (placeholder, title, aria-label, alt):
 *   those must come from t("…").
 */
import { describe, expect, it } from "vitest";
import ts from "typescript";

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

/** Every translation file beside this test, by file name: `en.json`, `zh-CN.json`, `elicitation.en.json`, … */
const files = Object.fromEntries(
  Object.entries(import.meta.glob<Messages>("./*.json", { import: "default", eager: true })).map(([path, messages]) => [
    path.replace(/^\.\//, ""),
    messages,
  ]),
);

/** The pairs: `""` for en.json / zh-CN.json, else the feature name before `.en.json`. */
const pairs = [
  ...new Set(
    Object.keys(files)
      .map((name) => /^(?:(.+)\.)?(?:en|zh-CN)\.json$/.exec(name))
      .filter((match) => match !== null)
      .map((match) => match[1] ?? ""),
  ),
].map((feature) => {
  const prefix = feature ? `${feature}.` : "";
  return { feature: feature || "(main)", en: files[`${prefix}en.json`] ?? {}, zh: files[`${prefix}zh-CN.json`] ?? {} };
});

/** All keys of each language, as the app merges them. */
const enKeys = new Map(pairs.flatMap((pair) => [...flatten(pair.en)]));

describe.each(pairs)("translation files $feature", ({ en, zh }) => {
  const enPairKeys = flatten(en);
  const zhPairKeys = flatten(zh);

  it("have the same keys in zh-CN and en", () => {
    const missingInZh = [...enPairKeys.keys()].filter((key) => !zhPairKeys.has(key));
    const missingInEn = [...zhPairKeys.keys()].filter((key) => !enPairKeys.has(key));
    expect({ missingInZh, missingInEn }).toEqual({ missingInZh: [], missingInEn: [] });
  });

  it("use the same placeholders in both languages", () => {
    const mismatched = [...enPairKeys.entries()]
      .filter(([key, text]) => zhPairKeys.has(key) && placeholders(text).join() !== placeholders(zhPairKeys.get(key) ?? "").join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("have no empty messages", () => {
    const empty = [...enPairKeys.entries(), ...zhPairKeys.entries()].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });
});

describe("translation namespaces", () => {
  it("finds the main pair", () => {
    expect(pairs.map((pair) => pair.feature)).toContain("(main)");
  });

  it("are each defined by one pair only (the files are merged shallowly)", () => {
    const owners = new Map<string, string[]>();
    for (const pair of pairs) for (const key of Object.keys(pair.en)) owners.set(key, [...(owners.get(key) ?? []), pair.feature]);
    const shared = [...owners.entries()].filter(([, features]) => features.length > 1);
    expect(shared).toEqual([]);
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
