import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient, type TestUser } from "../../../test/harness";
import { auditLog, statusReports } from "../../db/schema";

const NOW = new Date("2026-11-13T09:00:00Z");

let t: TestApp;
let w: Awaited<ReturnType<TestApp["seedWorkspace"]>>;
/** One signed-in client per person (signing in costs an argon2 verification). */
const as = (user: TestUser): Promise<TestClient> => t.signedIn(user);

/** A report of `projectId` written straight to the database (generation is tested in its own module). */
async function report(projectId: string, published: boolean) {
  const [row] = await t.db
    .insert(statusReports)
    .values({
      workspaceId: w.workspace.id,
      projectId,
      number: sql`(select coalesce(max(s.number), 0) + 1 from status_reports s where s.project_id = ${projectId})`,
      periodFrom: "2026-11-02",
      periodTo: "2026-11-08",
      title: "Week 45",
      overall: "green",
      dimensions: {} as never,
      content: {},
      ...(published ? { status: "published" as const, publishedAt: NOW } : {}),
    })
    .returning();
  return (row as { id: string }).id;
}

const url = (id: string) => `/api/v1/status-reports/${id}/satisfaction`;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  w = await t.seedWorkspace();
});
afterAll(() => t.close());

describe("client satisfaction", () => {
  it("lets the project's contacts rate a published report once each, editable, and shows the team every rating with the average", async () => {
    const id = await report(w.projectA.id, true);
    const second = await t.factories.user(w.workspace.id, "client", w.clientA.id);
    await t.factories.member(w.projectA.id, second.id, "client");

    const empty = await (await as(w.contactA)).get(url(id));
    expect(empty.body).toEqual({ statusReportId: id, average: null, count: 0, ratings: [], mine: null, canRate: true });

    const first = await (await as(w.contactA)).put(url(id), { rating: 5, comment: "  Clear report  ", version: 0 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.mine).toMatchObject({ rating: 5, comment: "Clear report", version: 1, userId: w.contactA.id });
    expect((await (await as(second)).put(url(id), { rating: 2, comment: "Late again", version: 0 })).status).toBe(200);

    // A contact sees only their own rating; the team all of them with the average.
    const own = await (await as(second)).get(url(id));
    expect(own.body).toMatchObject({ count: 1, average: 2, canRate: true });
    expect(own.body.ratings.map((r: { userId: string }) => r.userId)).toEqual([second.id]);
    const team = await (await as(w.viewer)).get(url(id));
    expect(team.body).toMatchObject({ count: 2, average: 3.5, mine: null, canRate: false });
    expect(team.body.ratings.map((r: { rating: number }) => r.rating)).toEqual([5, 2]);

    // Editing: with the version read; a stale version answers 409 with the current state.
    const edited = await (await as(w.contactA)).put(url(id), { rating: 4, comment: "", version: 1 });
    expect(edited.body.mine).toMatchObject({ rating: 4, comment: "", version: 2 });
    const stale = await (await as(w.contactA)).put(url(id), { rating: 1, comment: "", version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.details.current.mine).toMatchObject({ rating: 4, version: 2 });
    // A second "first" rating (another tab) is a conflict too, never a second row.
    expect((await (await as(w.contactA)).put(url(id), { rating: 3, comment: "", version: 0 })).status).toBe(409);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "satisfaction_rating"), eq(auditLog.projectId, w.projectA.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "create", "update"]);
  });

  it("refuses bad ratings with field messages", async () => {
    const id = await report(w.projectA.id, true);
    for (const body of [{ rating: 0, version: 0 }, { rating: 6, version: 0 }, { rating: 3.5, version: 0 }, { rating: 3 }, { rating: 3, version: 0, comment: "x".repeat(2001) }]) {
      const res = await (await as(w.contactA)).put(url(id), body, { "accept-language": "en" });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.fields.length).toBeGreaterThan(0);
    }
  });

  it("never lets anyone rate a draft, the team rate at all, or another client's contact see the report", async () => {
    const draft = await report(w.projectA.id, false);
    const published = await report(w.projectA.id, true);
    const ofB = await report(w.projectB.id, true);
    const body = { rating: 3, comment: "", version: 0 };
    // A draft: the contact does not even see it; the team sees it but does not rate.
    expect((await (await as(w.contactA)).put(url(draft), body)).status).toBe(404);
    expect((await (await as(w.contactA)).get(url(draft))).status).toBe(404);
    expect((await (await as(w.pm)).get(url(draft))).body.canRate).toBe(false);
    for (const user of [w.pm, w.dev, w.admin]) expect((await (await as(user)).put(url(published), body)).status, user.email).toBe(403);
    // Client B's contact: A's report does not exist for them, and A's contact cannot reach B's.
    expect((await (await as(w.contactB)).get(url(published))).status).toBe(404);
    expect((await (await as(w.contactB)).put(url(published), body)).status).toBe(404);
    const hijack = await (await as(w.contactA)).put(url(ofB), { ...body, comment: "Hijacked" });
    expect(hijack.status).toBe(404);
    expect(JSON.stringify(hijack.body)).not.toContain("Week 45");
    expect((await (await as(w.outsider)).get(url(published))).status).toBe(404);
    expect((await t.app.inject({ method: "GET", url: url(published) })).statusCode).toBe(401);
  });
});
