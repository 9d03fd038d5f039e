import { defineConfig } from "vitest/config";

// These tests spawn `jiaofu` processes (each opens PGlite): generous timeouts, and files one at a time so two
// processes never compete for the same machine's cores more than needed.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
