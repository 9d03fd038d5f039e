import { describe, expect, it } from "vitest";
import { openDatabase } from "./database";
import { listAppliedMigrations, migrateWithReport, readMigrations } from "./migrations";

describe("migrateWithReport", () => {
  it("applies every migration to a fresh database, then reports it up to date", async () => {
    const database = await openDatabase({ kind: "pglite", dataDir: undefined });
    try {
      const migrations = readMigrations();
      expect(await listAppliedMigrations(database.db)).toEqual([]);
      const first = await migrateWithReport(database);
      expect(first.applied.map((m) => m.tag)).toEqual(migrations.map((m) => m.tag));
      expect(first.alreadyApplied).toBe(0);
      // Recorded exactly as Drizzle's migrator records them.
      expect(await listAppliedMigrations(database.db)).toEqual(migrations.map((m) => ({ createdAt: m.createdAt, hash: m.hash })));
      const second = await migrateWithReport(database);
      expect(second).toEqual({ applied: [], alreadyApplied: migrations.length, unknown: [] });
    } finally {
      await database.close();
    }
  });
});
