import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTITY_TYPES } from "@jiaofu/contracts";
import { createTestApp, type TestApp } from "../../test/harness";
import { hasEntityScope, registerEntityScope } from "./entity-scope";

let t: TestApp;

beforeAll(async () => {
  // Building the app imports every module, so every module's scope resolver is registered.
  t = await createTestApp();
});
afterAll(() => t.close());

describe("entity scopes", () => {
  it.each(ENTITY_TYPES)("has a resolver for %s", (entityType) => {
    expect(hasEntityScope(entityType)).toBe(true);
  });

  it("refuses to register an entity type twice", () => {
    expect(() => registerEntityScope("project", { notFoundKey: "not_found", resolve: async () => undefined })).toThrow(/twice/);
  });

  it.each(ENTITY_TYPES)("documents the comments, attachments and audit routes of %s in the OpenAPI document", async (entityType) => {
    const res = await t.anonymous().get("/api/docs/json");
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths as object);
    for (const suffix of ["comments", "attachments", "audit"]) expect(paths).toContain(`/api/v1/${entityType}s/{entityId}/${suffix}`);
    expect(paths).toEqual(expect.arrayContaining(["/api/v1/comments/{id}", "/api/v1/attachments/{id}", "/api/v1/attachments/{id}/content"]));
  });
});
