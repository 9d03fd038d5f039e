import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import { seedDemo } from "../demo/seed-demo";
import { verifyPassword } from "../modules/auth/auth.crypto";
import { createAdmin } from "./create-admin";
import type { Database } from "./database";
import { auditLog, users, workspaces } from "./schema";

describe("createAdmin", () => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
  });

  it("creates the workspace and an owner in an empty database", async () => {
    database = await openTestDatabase();
    const created = await createAdmin(database.db, { email: "Boss@Example.COM", name: " Boss ", password: "long enough", workspaceName: "Acme Delivery" });
    expect(created).toMatchObject({ email: "boss@example.com", role: "owner", workspaceName: "Acme Delivery", createdWorkspace: true });
    const [user] = await database.db.select().from(users).where(eq(users.id, created.userId));
    expect(user).toMatchObject({ name: "Boss", role: "owner", clientId: null });
    expect(await verifyPassword(user?.passwordHash ?? "", "long enough")).toBe(true);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.userId));
    expect(audit?.action).toBe("create");
    expect(JSON.stringify(audit?.after)).not.toContain("passwordHash");
  });

  it("adds an admin to the existing workspace", async () => {
    database = await openTestDatabase();
    await seedDemo(database.db, "en");
    const created = await createAdmin(database.db, { email: "ops@example.com", name: "Ops", password: "long enough" });
    expect(created).toMatchObject({ role: "admin", createdWorkspace: false, workspaceName: "CloudTalk" });
    expect(await database.db.select().from(workspaces)).toHaveLength(1);
  });

  it("refuses a taken email and a short password", async () => {
    database = await openTestDatabase();
    await seedDemo(database.db, "en");
    await expect(createAdmin(database.db, { email: "PM@demo.test", name: "X", password: "long enough" })).rejects.toMatchObject({ code: "email_taken" });
    await expect(createAdmin(database.db, { email: "new@example.com", name: "X", password: "short" })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("password") as string,
    });
  });
});
