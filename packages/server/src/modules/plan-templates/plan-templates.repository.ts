/**
 * The only Drizzle code of project templates: the client's industry, whether the plan is empty, and the bulk insert
 * of a template's tasks and dependencies (the planning module reschedules them afterwards).
 */
import { eq, max, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { clients, planDependencies, planTasks } from "../../db/schema";

/** Rows per insert statement (about 15 parameters a task), so a template never makes a statement too large. */
const CHUNK = 1000;

export function createPlanTemplatesRepository(db: Db | Tx) {
  return {
    clientIndustry: async (clientId: string): Promise<string> => {
      const [row] = await db.select({ industry: clients.industry }).from(clients).where(eq(clients.id, clientId));
      return row?.industry ?? "";
    },

    taskCount: async (projectId: string): Promise<number> => {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(planTasks).where(eq(planTasks.projectId, projectId));
      return row?.n ?? 0;
    },

    insertTasks: async (rows: readonly (typeof planTasks.$inferInsert)[]) => {
      for (let start = 0; start < rows.length; start += CHUNK) await db.insert(planTasks).values(rows.slice(start, start + CHUNK));
    },

    insertDependencies: async (rows: readonly (typeof planDependencies.$inferInsert)[]) => {
      for (let start = 0; start < rows.length; start += CHUNK) await db.insert(planDependencies).values(rows.slice(start, start + CHUNK));
    },

    /** The plan's last finish date, once scheduled. */
    finish: async (projectId: string): Promise<string | null> => {
      const [row] = await db.select({ finish: max(planTasks.calcFinish) }).from(planTasks).where(eq(planTasks.projectId, projectId));
      return row?.finish ?? null;
    },
  };
}
