import { and, eq, inArray } from "drizzle-orm";
import { questionnaireValidateAnswers, requirementFinderAnalyzeAll } from "@jiaofu/engine";
import type { TQuestionnaireDefinition } from "@jiaofu/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import {
  clients,
  comments,
  elicitationPassageRequirements,
  elicitationPassages,
  elicitationSessionParticipants,
  elicitationSessions,
  projectMembers,
  projects,
  questionnaireResponses,
  questionnaires,
  requirementRelations,
  requirementSources,
  requirementVersions,
  requirements,
  users,
} from "../db/schema";
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

  const mainProject = async () => (await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM")))[0];

  it("gives the main project a requirements register with unique keys, a mix of types and statuses, and a version each", async () => {
    const main = await mainProject();
    const rows = await database.db.select().from(requirements).where(eq(requirements.projectId, main?.id ?? ""));
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const numbers = rows.map((r) => r.number).sort((a, b) => a - b);
    expect(numbers).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.type)).size).toBeGreaterThanOrEqual(4);
    // The approved ones were baselined since (BL-1, seed-demo-baselines.ts).
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["draft", "in_analysis", "awaiting_client", "baselined"]));
    for (const row of rows) {
      expect(row.clientSharedAt !== null, `REQ-${row.number}`).toBe(["awaiting_client", "baselined"].includes(row.status));
      expect(row.ownerId, `REQ-${row.number}`).not.toBeNull();
      expect(row.acceptanceCriteria.length, `REQ-${row.number}`).toBeGreaterThan(0);
      const versions = await database.db.select().from(requirementVersions).where(eq(requirementVersions.requirementId, row.id));
      expect(versions.map((v) => v.version).sort((a, b) => a - b)).toEqual(Array.from({ length: row.version }, (_, i) => i + 1));
      expect(versions.find((v) => v.version === row.version)?.snapshot.status).toBe(row.status);
    }
    const relations = await database.db.select().from(requirementRelations).where(eq(requirementRelations.projectId, main?.id ?? ""));
    expect(relations.map((r) => r.kind)).toEqual(["depends_on"]);
  });

  it("has requirements the finder flags as a conflict and as a duplicate", async () => {
    const main = await mainProject();
    const rows = await database.db.select().from(requirements).where(eq(requirements.projectId, main?.id ?? ""));
    const proposals = requirementFinderAnalyzeAll(rows.map((r) => ({ id: r.id, text: `${r.title}\n${r.description}` })));
    expect(proposals.some((p) => p.kind === "conflict")).toBe(true);
    expect(proposals.some((p) => p.kind === "duplicate")).toBe(true);
  });

  it("has an interview with the client contact and the manager whose passage became a requirement, with its source", async () => {
    const main = await mainProject();
    const [session] = await database.db.select().from(elicitationSessions).where(eq(elicitationSessions.projectId, main?.id ?? ""));
    expect(session?.kind).toBe("interview");
    const participants = await database.db
      .select({ email: users.email })
      .from(elicitationSessionParticipants)
      .innerJoin(users, eq(users.id, elicitationSessionParticipants.userId))
      .where(eq(elicitationSessionParticipants.sessionId, session?.id ?? ""));
    expect(participants.map((p) => p.email)).toEqual(expect.arrayContaining(["client@demo.test", "pm@demo.test"]));
    const [passage] = await database.db.select().from(elicitationPassages).where(eq(elicitationPassages.sessionId, session?.id ?? ""));
    expect(session?.notes.slice(passage?.startOffset, passage?.endOffset)).toBe(passage?.excerpt);
    const links = await database.db.select().from(elicitationPassageRequirements).where(eq(elicitationPassageRequirements.passageId, passage?.id ?? ""));
    expect(links).toHaveLength(1);
    const [requirement] = await database.db.select().from(requirements).where(inArray(requirements.id, links.map((l) => l.requirementId)));
    expect(requirement?.projectId).toBe(main?.id);
    const sources = await database.db.select().from(requirementSources).where(eq(requirementSources.requirementId, requirement?.id ?? ""));
    expect(sources).toEqual([expect.objectContaining({ kind: "session_passage", sessionId: session?.id, passageId: passage?.id, excerpt: passage?.excerpt })]);
  });

  it("has a questionnaire open in the portal with a rating, an NPS and a free-text question, and a valid response", async () => {
    const main = await mainProject();
    const [questionnaire] = await database.db.select().from(questionnaires).where(eq(questionnaires.projectId, main?.id ?? ""));
    expect(questionnaire).toMatchObject({ status: "open", audiencePortal: true });
    const definition = questionnaire?.definition as TQuestionnaireDefinition;
    expect(definition.sections.flatMap((s) => s.questions.map((q) => q.kind))).toEqual(["rating", "nps", "free_text"]);
    const responses = await database.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, questionnaire?.id ?? ""));
    expect(responses.length).toBeGreaterThanOrEqual(1);
    for (const response of responses) expect(questionnaireValidateAnswers(definition, response.answers).ok).toBe(true);
  });
});
