import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { auditLog, changeRequestItems, changeRequests, projects, requirements, users } from "../db/schema";
import { createChangeRequestsService } from "../modules/change-requests/change-requests.service";
import type { Actor } from "../platform/policy";
import { seedDemoIfEmpty } from "./seed-demo";

describe.each([["en" as const], ["zh-CN" as const]])("the demo's change request (%s)", (locale) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoIfEmpty(database.db, locale);
  });
  afterAll(async () => {
    await database.close();
  });

  it("has CR-1 on the main project, submitted and approved by the manager, awaiting the client; approving it applies it", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const [cr, ...more] = await database.db.select().from(changeRequests).where(eq(changeRequests.projectId, main?.id ?? ""));
    expect(more).toEqual([]);
    expect(cr).toMatchObject({ number: 1, status: "submitted", managerDecision: "approved", clientDecision: null, currency: "CNY" });
    const items = await database.db.select().from(changeRequestItems).where(eq(changeRequestItems.changeRequestId, cr?.id ?? ""));
    expect(items.map((i) => i.action).sort()).toEqual(["add", "modify"]);
    const [target] = await database.db.select().from(requirements).where(eq(requirements.id, items.find((i) => i.action === "modify")?.requirementId ?? ""));
    expect(target?.status).toBe("baselined");
    const audit = await database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "change_request"), eq(auditLog.entityId, cr?.id ?? "")));
    expect(audit.map((a) => a.action)).toEqual(["create", "submit", "decide.manager"]);

    // The client contact's approval in the portal applies it: the demo is ready for that click.
    const [contact] = await database.db.select().from(users).where(eq(users.email, "client@demo.test"));
    if (!contact || !cr) throw new Error("demo rows missing");
    const actor: Actor = { userId: contact.id, workspaceId: contact.workspaceId, role: contact.role, clientId: contact.clientId, name: contact.name, email: contact.email, locale };
    const service = createChangeRequestsService({ database, db: database.db, mailer: null, now: () => new Date() });
    const applied = await service.decideChangeRequest(actor, cr.id, { decision: "approved", comment: "", version: cr.version });
    expect(applied).toMatchObject({ status: "approved", resultingBaseline: { key: "BL-2" } });
  });
});
