import { and, asc, eq } from "drizzle-orm";
import { requirementContentChangedSince } from "@jiaofu/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { auditLog, comments, projects, requirementConfirmations, requirementVersions, requirements, users } from "../db/schema";
import { seedDemoIfEmpty } from "./seed-demo";

describe("the demo's client confirmations", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoIfEmpty(database.db, "zh-CN");
  });
  afterAll(async () => {
    await database.close();
  });

  const mainRegister = async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    return database.db.select().from(requirements).where(eq(requirements.projectId, main?.id ?? "")).orderBy(asc(requirements.number));
  };
  const contactId = async () => (await database.db.select().from(users).where(eq(users.email, "client@demo.test")))[0]?.id;

  it("has every approved requirement approved by the client contact, for the version they were sent, with its move and audit row", async () => {
    const contact = await contactId();
    // Approved, then baselined in BL-1 (seed-demo-baselines.ts): the approval is the version before the baseline's.
    const approved = (await mainRegister()).filter((r) => r.status === "approved" || r.status === "baselined");
    expect(approved.length).toBeGreaterThanOrEqual(2);
    for (const row of approved) {
      const approvedVersion = row.status === "baselined" ? row.version - 1 : row.version;
      const [confirmation, ...more] = await database.db.select().from(requirementConfirmations).where(eq(requirementConfirmations.requirementId, row.id));
      expect(more).toEqual([]);
      expect(confirmation).toMatchObject({ decision: "approved", contactId: contact, requirementVersion: approvedVersion - 1 });
      const [move] = await database.db
        .select()
        .from(requirementVersions)
        .where(and(eq(requirementVersions.requirementId, row.id), eq(requirementVersions.version, approvedVersion)));
      expect([move?.changedById, move?.snapshot.status]).toEqual([contact, "approved"]);
      const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, "confirmation.approved")));
      expect(audit.map((a) => a.actorId)).toEqual([contact]);
    }
  });

  it("has REQ-4 asked about by the contact, answered in its thread, clarified and awaiting the client again", async () => {
    const contact = await contactId();
    const auditSearch = (await mainRegister()).find((r) => r.number === 4);
    expect(auditSearch?.status).toBe("awaiting_client");
    const [question] = await database.db.select().from(requirementConfirmations).where(eq(requirementConfirmations.requirementId, auditSearch?.id ?? ""));
    expect(question).toMatchObject({ decision: "clarification_requested", contactId: contact });
    const thread = await database.db
      .select({ authorId: comments.authorId, body: comments.body, createdAt: comments.createdAt })
      .from(comments)
      .where(and(eq(comments.entityType, "requirement"), eq(comments.entityId, auditSearch?.id ?? "")))
      .orderBy(asc(comments.createdAt));
    expect(thread.map((c) => c.authorId)).toEqual([contact, expect.not.stringMatching(contact ?? "")]);
    expect(thread[0]?.body).toBe(question?.comment);
    const [asked] = await database.db
      .select()
      .from(requirementVersions)
      .where(and(eq(requirementVersions.requirementId, auditSearch?.id ?? ""), eq(requirementVersions.version, question?.requirementVersion ?? 0)));
    const [now] = await database.db
      .select()
      .from(requirementVersions)
      .where(and(eq(requirementVersions.requirementId, auditSearch?.id ?? ""), eq(requirementVersions.version, auditSearch?.version ?? 0)));
    expect(asked && now && requirementContentChangedSince(asked.snapshot, now.snapshot)).toBe(true);
    for (const at of [question?.createdAt, ...thread.map((c) => c.createdAt), auditSearch?.updatedAt]) expect(at?.getTime()).toBeLessThan(Date.now());
  });
});
