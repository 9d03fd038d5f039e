import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "./database";
import { workspaces } from "./schema";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe(`database (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("returns count(*)::int as a JavaScript number", async () => {
    await database.db.insert(workspaces).values([{ name: "a" }, { name: "b" }]);
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(workspaces);
    expect(row?.n).toBe(2);
    expect(typeof row?.n).toBe("number");
  });

  it("delivers NOTIFY payloads to listeners (the fan-out between app nodes)", async () => {
    const received: string[] = [];
    const unlisten = await database.listen("jiaofu_test", (payload) => received.push(payload));
    await database.notify("jiaofu_test", JSON.stringify({ kind: "project.updated", id: "42" }));
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await unlisten();
    expect(received).toEqual(['{"kind":"project.updated","id":"42"}']);
  });

  it("rolls a failed transaction back completely", async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(workspaces);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(workspaces).values({ name: "half-written" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(workspaces);
    expect(after).toEqual(before);
  });
});
