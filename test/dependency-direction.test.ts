/**
 * The architecture rule from STYLE.md as a test: dependencies point one way, engine ← contracts ← server/web/cli.
 * The engine is pure: it imports no Node built-in that does I/O and nothing of ours.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? "");
}

const allowed: Record<string, string[]> = {
  engine: [],
  contracts: ["@jiaofu/engine"],
  server: ["@jiaofu/engine", "@jiaofu/contracts"],
  web: ["@jiaofu/engine", "@jiaofu/contracts"],
  cli: ["@jiaofu/engine", "@jiaofu/contracts", "@jiaofu/server"],
};

describe("dependency direction", () => {
  for (const [pkg, mayImport] of Object.entries(allowed)) {
    it(`${pkg} imports only ${mayImport.join(", ") || "nothing of ours"}`, () => {
      const offenders: string[] = [];
      for (const file of sourceFiles(path.join(root, "packages", pkg, "src"))) {
        for (const spec of importsOf(file)) {
          if (spec.startsWith("@jiaofu/") && !mayImport.includes(spec.split("/").slice(0, 2).join("/"))) offenders.push(`${path.relative(root, file)} → ${spec}`);
          if (spec.startsWith("..") && !path.resolve(path.dirname(file), spec).startsWith(path.join(root, "packages", pkg))) offenders.push(`${path.relative(root, file)} → ${spec}`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }

  it("keeps the engine free of I/O", () => {
    const io = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|dns|tls|worker_threads|cluster)$/;
    const offenders = sourceFiles(path.join(root, "packages/engine/src"))
      .filter((file) => !file.endsWith(".test.ts"))
      .flatMap((file) => importsOf(file).filter((spec) => io.test(spec) || (!spec.startsWith(".") && !spec.startsWith("node:"))).map((spec) => `${path.relative(root, file)} → ${spec}`));
    expect(offenders).toEqual([]);
  });
});
