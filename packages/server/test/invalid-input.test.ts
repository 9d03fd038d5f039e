/**
 * Every write route that takes a JSON body, read from the OpenAPI document (so new routes are covered without
 * editing this file): an invalid body gets 400 `validation_failed` with field-level messages in the caller's
 * language, and nothing is written.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./harness";

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;

type Operation = { requestBody?: { content?: Record<string, { schema?: { type?: string; required?: string[]; properties?: Record<string, unknown> } }> } };

beforeAll(async () => {
  t = await createTestApp();
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

/** A body that breaks the schema: `{}` when some field is required, else a wrong type for the first field. */
function invalidBody(schema: { required?: string[]; properties?: Record<string, unknown> }): Record<string, unknown> {
  if (schema.required?.length) return {};
  const [first] = Object.keys(schema.properties ?? {});
  return first ? { [first]: { not: "valid" } } : { unexpected: true };
}

/** Both drivers answer `execute` with `{ rows }`. */
async function query<T>(text: ReturnType<typeof sql.raw>): Promise<T[]> {
  return ((await t.db.execute(text)) as unknown as { rows: T[] }).rows;
}

/** Rows in every table but sessions (signing in writes one). */
async function countRows(): Promise<number> {
  const tables = await query<{ table_name: string }>(
    sql.raw(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions'`),
  );
  let total = 0;
  for (const { table_name } of tables) total += (await query<{ n: number }>(sql.raw(`select count(*)::int as n from "${table_name}"`)))[0]?.n ?? 0;
  return total;
}

describe("invalid input on every JSON write route", () => {
  it("answers 400 with field-level messages and writes nothing", async () => {
    const admin = await t.as(w.admin);
    const doc = (await admin.get("/api/docs/json")).body as { paths: Record<string, Record<string, Operation>> };
    const before = await countRows();
    const checked: string[] = [];
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.startsWith("/api/v1/")) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content?.["application/json"]?.schema;
        if (!schema || !["post", "patch", "put"].includes(method)) continue;
        const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
        const body = invalidBody(schema);
        for (const language of ["en", "zh-CN"] as const) {
          const res = await admin.inject({ method: method.toUpperCase() as "POST", url, payload: body, headers: { "accept-language": language } });
          const fields = res.body?.error?.details?.fields as { path: string; message: string }[] | undefined;
          if (res.status !== 400 || res.body?.error?.code !== "validation_failed" || !fields?.length || fields.some((f) => !f.path.startsWith("body") || !f.message)) {
            problems.push(`${method.toUpperCase()} ${path} [${language}] → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          } else if (language === "zh-CN" && !/[\u4e00-\u9fff]/.test(res.body.error.message)) {
            problems.push(`${method.toUpperCase()} ${path}: message not in Chinese: ${res.body.error.message}`);
          }
        }
        checked.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked.length).toBeGreaterThan(10);
    expect(await countRows()).toBe(before);
  });
});
