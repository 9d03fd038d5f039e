/**
 * The test projects. `scripts/test.mjs` runs them all on PGlite, then the `server` project again with
 * TEST_DATABASE_URL pointing at a real PostgreSQL, then `e2e` in Chromium, and prints the totals line CI reads.
 */
import { defineConfig } from "vitest/config";

const serverTests = ["packages/server/src/**/*.test.ts", "packages/server/test/**/*.test.ts"];

export default defineConfig({
  test: {
    projects: [
      { test: { name: "repo", include: ["test/**/*.test.ts"] } },
      { test: { name: "engine", include: ["packages/engine/src/**/*.test.ts"] } },
      { test: { name: "contracts", include: ["packages/contracts/src/**/*.test.ts"] } },
      {
        test: {
          name: "server",
          include: serverTests,
          globalSetup: ["packages/server/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: "cli", include: ["packages/cli/src/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: "web", include: ["packages/web/src/**/*.test.ts"] } },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
