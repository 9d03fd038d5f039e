// `npm test`: the whole suite.
//  1. every project but e2e, on the embedded PGlite;
//  2. the server integration tests again on a real PostgreSQL: JIAOFU_TEST_POSTGRES_URL if set, otherwise a
//     throw-away cluster started here when PostgreSQL's binaries are installed (Debian: apt-get install postgresql);
//  3. the end-to-end tests in headless Chromium (/usr/bin/chromium or JIAOFU_CHROMIUM) against a built web app.
// A part whose prerequisite is missing is reported as skipped, never silently passed; JIAOFU_TEST_REQUIRE_ALL=1
// (set by .ci/run) turns a missing prerequisite into a failure. Ends with the line "N passed, N failed[, N skipped]".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startThrowawayPostgres } from "./throwaway-postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reportsDir = path.join(root, ".tmp", "test-reports");
fs.rmSync(reportsDir, { recursive: true, force: true });
fs.mkdirSync(reportsDir, { recursive: true });
const requireAll = process.env.JIAOFU_TEST_REQUIRE_ALL === "1";
const extraArgs = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function vitest(label, args, env = {}) {
  const outputFile = path.join(reportsDir, `${label}.json`);
  console.log(`\n▶ ${label}`);
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${outputFile}`, ...args, ...extraArgs],
    { cwd: root, stdio: "inherit", env: { ...process.env, ...env } },
  );
  if (!fs.existsSync(outputFile)) {
    totals.failed += 1;
    problems.push(`${label}: vitest exited with ${result.status} and wrote no report`);
    return;
  }
  const report = JSON.parse(fs.readFileSync(outputFile, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // A file that fails to load counts as a failure even though it ran no test.
  const brokenSuites = report.testResults.filter((suite) => suite.status === "failed" && suite.assertionResults.every((a) => a.status !== "failed"));
  totals.failed += brokenSuites.length;
  for (const suite of brokenSuites) problems.push(`${label}: ${path.relative(root, suite.name)} failed to run: ${suite.message.split("\n")[0]}`);
  if (result.status !== 0 && report.numFailedTests === 0 && brokenSuites.length === 0) {
    totals.failed += 1;
    problems.push(`${label}: vitest exited with ${result.status}`);
  }
}

function missing(what, why) {
  const line = `${what} skipped: ${why}`;
  console.log(`\n⚠ ${line}`);
  if (requireAll) {
    totals.failed += 1;
    problems.push(line);
  } else {
    totals.skipped += 1;
    problems.push(line);
  }
}

// 1. Everything on PGlite.
vitest("pglite", ["--project", "repo", "--project", "engine", "--project", "contracts", "--project", "server", "--project", "cli", "--project", "web"]);

// 2. Server integration tests on PostgreSQL.
let postgres;
try {
  postgres = process.env.JIAOFU_TEST_POSTGRES_URL ? { url: process.env.JIAOFU_TEST_POSTGRES_URL, stop: () => {} } : startThrowawayPostgres();
} catch (error) {
  postgres = undefined;
  missing("PostgreSQL integration tests", error.message);
}
if (postgres) {
  try {
    vitest("postgres", ["--project", "server"], { TEST_DATABASE_URL: postgres.url });
  } finally {
    postgres.stop();
  }
}

// 3. End to end in Chromium.
const chromium = process.env.JIAOFU_CHROMIUM ?? "/usr/bin/chromium";
const hasE2eTests = fs.existsSync(path.join(root, "e2e")) && fs.readdirSync(path.join(root, "e2e")).some((f) => f.endsWith(".test.ts"));
if (!hasE2eTests) {
  console.log("\n(no end-to-end tests yet)");
} else if (!fs.existsSync(chromium)) {
  missing("End-to-end tests", `no Chromium at ${chromium} (Debian: apt-get install chromium)`);
} else {
  const build = spawnSync("npm", ["run", "build", "-w", "@jiaofu/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    totals.failed += 1;
    problems.push("web build failed");
  } else {
    vitest("e2e", ["--project", "e2e"], { JIAOFU_CHROMIUM: chromium });
  }
}

if (problems.length) console.log(`\n${problems.map((p) => `• ${p}`).join("\n")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 ? 1 : 0);
