/** The demo workspace, created on first start in demo mode: the six demo accounts and two clients. */
import { sql } from "drizzle-orm";
import type { TLocale } from "@jiaofu/contracts";
import type { Db } from "../db/database";
import { clients, users, workspaces } from "../db/schema";
import { hashPassword } from "../modules/auth/auth.crypto";

export const DEMO_PASSWORD = "demo1234";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.test", role: "admin", client: null, description: "workspace admin" },
  { email: "pm@demo.test", role: "member", client: null, description: "delivery manager" },
  { email: "dev@demo.test", role: "member", client: null, description: "delivery member" },
  { email: "support@demo.test", role: "member", client: null, description: "support engineer" },
  { email: "client@demo.test", role: "client", client: 0, description: "client contact (first client)" },
  { email: "client2@demo.test", role: "client", client: 1, description: "client contact (second client)" },
] as const;

/** Seeds when the database has no workspace yet; returns whether it did. */
export async function seedDemoIfEmpty(db: Db, locale: TLocale): Promise<boolean> {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(workspaces);
  if (count > 0) return false;
  await seedDemo(db, locale);
  return true;
}

export async function seedDemo(db: Db, locale: TLocale): Promise<void> {
  const zh = locale === "zh-CN";
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name: zh ? "云信智联交付中心" : "CloudTalk Delivery" }).returning();
    if (!workspace) throw new Error("workspace insert failed");
    const clientRows = await tx
      .insert(clients)
      .values([
        { workspaceId: workspace.id, name: zh ? "华东制造集团" : "Eastern Manufacturing Group", industry: zh ? "制造业" : "Manufacturing" },
        { workspaceId: workspace.id, name: zh ? "青禾律师事务所" : "Green Field Law Firm", industry: zh ? "法律服务" : "Legal services" },
      ])
      .returning();
    for (const account of DEMO_ACCOUNTS) {
      await tx.insert(users).values({
        workspaceId: workspace.id,
        email: account.email,
        name: account.email.split("@")[0] ?? account.email,
        passwordHash,
        role: account.role,
        clientId: account.client === null ? null : (clientRows[account.client]?.id ?? null),
        locale,
      });
    }
  });
}
