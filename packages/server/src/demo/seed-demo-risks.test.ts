import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { auditLog, projects, riskReviews, risks, traceLinks, users } from "../db/schema";
import { createRisksService } from "../modules/risks/risks.service";
import type { Actor } from "../platform/policy";
import { seedDemoIfEmpty } from "./seed-demo";

describe.each([["en" as const], ["zh-CN" as const]])("the demo's risk register (%s)", (locale) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoIfEmpty(database.db, locale);
  });
  afterAll(async () => {
    await database.close();
  });

  const actorOf = async (email: string): Promise<Actor> => {
    const [user] = await database.db.select().from(users).where(eq(users.email, email));
    if (!user) throw new Error(`${email} missing`);
    return { userId: user.id, workspaceId: user.workspaceId, role: user.role, clientId: user.clientId, name: user.name, email: user.email, locale };
  };

  it("has seven risks on the main project with their review history, links and audit rows", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const rows = await database.db.select().from(risks).where(eq(risks.projectId, main?.id ?? "")).orderBy(asc(risks.number));
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows.filter((r) => r.sharedWithClient)).toHaveLength(3);
    expect(rows.filter((r) => r.status === "closed")).toHaveLength(1);
    expect(rows.some((r) => r.status === "monitoring")).toBe(true);
    if (locale === "zh-CN") expect(rows.every((r) => /[\u4e00-\u9fff]/.test(r.title))).toBe(true);
    const reviews = await database.db.select().from(riskReviews).where(eq(riskReviews.projectId, main?.id ?? ""));
    expect(reviews.length).toBe(rows.length + 5);
    for (const row of rows) {
      const audit = await database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "risk"), eq(auditLog.entityId, row.id)));
      expect(audit[0]?.action).toBe("create");
    }
    const links = await database.db.select().from(traceLinks).where(and(eq(traceLinks.projectId, main?.id ?? ""), eq(traceLinks.fromType, "risk")));
    expect(links.length).toBeGreaterThanOrEqual(6);
    expect(links.every((l) => l.kind === "threatens" && l.toType === "requirement")).toBe(true);
  });

  it("shows a real register through the service: an overdue review, a heat map, rising and falling exposure; the client sees the shared ones", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const deps = { database, db: database.db, mailer: null, now: () => new Date() };
    const service = createRisksService(deps);
    const pm = await actorOf("pm@demo.test");
    const page = await service.listRisks(pm, main?.id ?? "", { sort: "-score", limit: 50 });
    expect(page.items).toHaveLength(7);
    expect(page.items.filter((r) => r.reviewOverdue)).toHaveLength(1);
    const map = await service.heatMap(pm, main?.id ?? "", {});
    expect(map.total).toBe(6);
    expect(map.overdue).toBe(1);
    expect(map.exposure.at(-1)?.total).toBeGreaterThan(0);
    expect(map.exposure[0]?.total).toBe(0);

    const contact = await actorOf("client@demo.test");
    const shared = await service.listRisks(contact, main?.id ?? "", { sort: "-score", limit: 50 });
    expect(shared.items).toHaveLength(3);
    expect(shared.items.every((r) => r.sharedWithClient && r.statusReason === null)).toBe(true);
  });
});
