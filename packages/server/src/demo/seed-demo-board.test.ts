import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-database";
import type { Database } from "../db/database";
import { projects, users } from "../db/schema";
import { createBoardService } from "../modules/board/board.service";
import type { Actor } from "../platform/policy";
import { seedDemoIfEmpty } from "./seed-demo";

describe.each([["en" as const], ["zh-CN" as const]])("the demo's task board (%s)", (locale) => {
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

  it("has the workflow with WIP limits and the plan's tasks spread across it, with assignees and checklists", async () => {
    const [main] = await database.db.select().from(projects).where(eq(projects.code, "HDMG-IM"));
    const [pmRow] = await database.db.select().from(users).where(eq(users.id, main?.managerId ?? ""));
    const service = createBoardService({ database, db: database.db, mailer: null, now: () => new Date() });
    const board = await service.getBoard(await actorOf(pmRow?.email ?? ""), main?.id ?? "");
    const names = locale === "en" ? ["To do", "In progress", "In review", "Done"] : ["待办", "进行中", "评审中", "已完成"];
    expect(board.workflow.statuses.map((s) => [s.name, s.wipLimit])).toEqual([
      [names[0], null],
      [names[1], 3],
      [names[2], 2],
      [names[3], null],
    ]);
    const inColumn = (i: number) => board.cards.filter((c) => c.statusId === board.workflow.statuses[i]?.id).map((c) => c.wbsCode);
    expect(inColumn(3)).toEqual(["1.1", "1.2"]);
    expect(inColumn(2)).toEqual(["2.1"]);
    expect(inColumn(1)).toEqual(["2.2", "2.3"]);
    expect(inColumn(0).length).toBeGreaterThan(8);
    expect(board.cards.every((c) => c.assigneeIds.length > 0)).toBe(true);
    expect(board.cards.find((c) => c.wbsCode === "2.1")).toMatchObject({ checklistDone: 2, checklistTotal: 3, estimateHours: 40, remainingHours: 8 });
    expect(board.cards.filter((c) => c.statusId === board.workflow.statuses[3]?.id).every((c) => c.percentComplete === 100)).toBe(true);
    expect(board.phases).toHaveLength(6);
  });
});
