import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { clients, comments, projectMembers, projects, users } from "../db/schema";
import { verifyPassword } from "../modules/auth/auth.crypto";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty } from "./seed-demo";

describe.each([["zh-CN" as const], ["en" as const]])("the demo workspace (%s)", (locale) => {
  let database: Database;
  let seededFirst = false;
  let seededSecond = true;

  beforeAll(async () => {
    database = await openTestDatabase();
    seededFirst = await seedDemoIfEmpty(database.db, locale);
    seededSecond = await seedDemoIfEmpty(database.db, locale);
  });
  afterAll(async () => {
    await database.close();
  });

  it("is seeded once", () => {
    expect(seededFirst).toBe(true);
    expect(seededSecond).toBe(false);
  });

  it("has the six accounts with their roles, titles, client links and the demo password", async () => {
    const rows = await database.db.select().from(users);
    const clientRows = await database.db.select().from(clients).orderBy(clients.createdAt);
    expect(rows.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    for (const account of DEMO_ACCOUNTS) {
      const user = rows.find((u) => u.email === account.email);
      expect(user?.role, account.email).toBe(account.role);
      expect(user?.clientId ?? null, account.email).toBe(account.client === null ? null : clientRows[account.client]?.id);
      expect(user?.locale).toBe(locale);
      expect(user?.name).not.toContain("@");
    }
    const byEmail = (email: string) => rows.find((u) => u.email === email);
    expect(byEmail("pm@demo.test")?.title).toMatch(locale === "zh-CN" ? /交付经理/ : /Delivery Manager/);
    expect(byEmail("support@demo.test")?.title).toMatch(locale === "zh-CN" ? /支持/ : /Support/);
    if (locale === "zh-CN") expect(byEmail("pm@demo.test")?.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    expect(await verifyPassword(byEmail("client@demo.test")?.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
  });

  it("has the main engagement, a pilot in support for the same client, and a project for the second client", async () => {
    const rows = await database.db.select().from(projects);
    const pm = (await database.db.select().from(users).where(eq(users.email, "pm@demo.test")))[0];
    const main = rows.find((p) => p.code === "HDMG-IM");
    const pilot = rows.find((p) => p.code === "HDMG-PILOT");
    expect(rows).toHaveLength(3);
    expect(["requirements", "planning"]).toContain(main?.stage);
    expect(main?.managerId).toBe(pm?.id);
    expect(main?.startDate && main.endDate && main.startDate < main.endDate).toBe(true);
    expect(main?.description).toMatch(/5,000/);
    expect(pilot?.stage).toBe("support");
    expect(pilot?.clientId).toBe(main?.clientId);
    expect(rows.find((p) => p.clientId !== main?.clientId)).toBeDefined();
  });

  it("makes client contacts members of their own client's projects only, with the client role", async () => {
    const contacts = await database.db.select().from(users).where(eq(users.role, "client"));
    expect(contacts).toHaveLength(2);
    for (const contact of contacts) {
      const memberships = await database.db
        .select({ role: projectMembers.role, clientId: projects.clientId })
        .from(projectMembers)
        .innerJoin(projects, eq(projects.id, projectMembers.projectId))
        .where(eq(projectMembers.userId, contact.id));
      const own = await database.db.select().from(projects).where(eq(projects.clientId, contact.clientId ?? ""));
      expect(memberships.length).toBe(own.length);
      for (const membership of memberships) {
        expect(membership.role).toBe("client");
        expect(membership.clientId).toBe(contact.clientId);
      }
    }
  });

  it("gives the main project a manager, a member, a viewer and the client contact", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const members = await database.db
      .select({ email: users.email, role: projectMembers.role })
      .from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId))
      .where(eq(projectMembers.projectId, main?.id ?? ""));
    expect(Object.fromEntries(members.map((m) => [m.email, m.role]))).toEqual({
      "pm@demo.test": "manager",
      "dev@demo.test": "member",
      "support@demo.test": "viewer",
      "client@demo.test": "client",
    });
  });

  it("has markdown comments on the main project by the manager and the client contact, rendered to safe HTML", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const rows = await database.db
      .select({ body: comments.body, bodyHtml: comments.bodyHtml, email: users.email })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(and(eq(comments.entityType, "project"), eq(comments.entityId, main?.id ?? "")))
      .orderBy(comments.createdAt);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.email))).toEqual(new Set(["pm@demo.test", "client@demo.test"]));
    expect(rows[0]?.bodyHtml).toContain("<h2>");
    expect(rows.some((r) => r.bodyHtml.includes("<strong>"))).toBe(true);
    expect(rows.every((r) => !r.bodyHtml.includes("<script"))).toBe(true);
  });
});
