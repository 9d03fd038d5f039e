import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { planTaskAssignees, projects, users } from "../db/schema";
import { createMeetingsService } from "../modules/meetings/meetings.service";
import { createPlanningService } from "../modules/planning/planning.service";
import type { Actor } from "../platform/policy";
import type { Config } from "../config";
import { seedDemoIfEmpty } from "./seed-demo";

describe.each([["en" as const], ["zh-CN" as const]])("the demo's meetings (%s)", (locale) => {
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

  it("has a held kick-off whose action items are plan tasks, a weekly series with a held occurrence, and a shared client review", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const [pmRow] = await database.db.select().from(users).where(eq(users.id, main?.managerId ?? ""));
    const deps = { database, db: database.db, mailer: null, now: () => new Date() };
    const service = createMeetingsService(deps, {} as Config);
    const pm = await actorOf(pmRow?.email ?? "");
    const list = await service.list(pm, main?.id ?? "", {});
    const kinds = list.occurrences.filter((o) => !o.virtual).map((o) => [o.key, o.kind, o.status]);
    expect(kinds).toEqual([
      ["MTG-1", "kickoff", "held"],
      ["MTG-2", "weekly_status", "scheduled"],
      ["MTG-3", "weekly_status", "held"],
      ["MTG-4", "client_review", "held"],
    ]);
    expect(list.series).toHaveLength(1);
    expect(list.series[0]?.nextOccurrences.length).toBe(5);

    const kickoff = await service.get(pm, list.occurrences[0]?.meetingId ?? "");
    expect(kickoff.minutesHtml).toContain("<h2>");
    expect(kickoff.attendees.every((a) => a.attended)).toBe(true);
    const actions = kickoff.items.filter((i) => i.kind === "action");
    expect(actions).toHaveLength(2);
    const plan = await createPlanningService(deps).getPlan(pm, main?.id ?? "");
    for (const action of actions) {
      const task = plan.tasks.find((t) => t.id === action.taskId);
      expect(task).toMatchObject({ name: action.text, ownerId: action.ownerId, deadline: action.dueDate });
      expect(task?.schedule.start).toBeTruthy();
      const assignees = await database.db.select().from(planTaskAssignees).where(eq(planTaskAssignees.taskId, action.taskId ?? ""));
      expect(assignees.map((a) => a.userId)).toEqual([action.ownerId]);
    }

    const contact = await actorOf("client@demo.test");
    const seen = await service.list(contact, main?.id ?? "", {});
    expect(seen.occurrences.map((o) => o.key)).toEqual(["MTG-4"]);
    const review = await service.get(contact, seen.occurrences[0]?.meetingId ?? "");
    expect(review.minutes.length).toBeGreaterThan(20);
    expect(review.items.map((i) => i.kind)).toEqual(["decision"]);
  });
});
