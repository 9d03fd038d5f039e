/**
 * `createAdmin`: the operator's way in (`jiaofu create-admin`). Creates an owner or admin account, and the workspace
 * when the installation has none yet. Runs outside the HTTP app, so it checks its own input and writes the audit
 * entry itself, in the same transaction as the rows.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ZLocale, type TLocale } from "@jiaofu/contracts";
import type { Db } from "./database";
import { users, workspaces } from "./schema";
import { hashPassword } from "../modules/auth/auth.crypto";
import { recordAudit } from "../platform/audit";

export const ZCreateAdminInput = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  password: z.string().min(8, "must be at least 8 characters").max(200),
  title: z.string().trim().max(120).default(""),
  locale: ZLocale.default("zh-CN"),
  /** Default: owner when this creates the workspace, admin otherwise. */
  role: z.enum(["owner", "admin"]).optional(),
  /** Used only when there is no workspace yet. */
  workspaceName: z.string().trim().min(1).max(120).default("Jiaofu"),
});
export type TCreateAdminInput = z.input<typeof ZCreateAdminInput>;

export type CreateAdminErrorCode = "invalid_input" | "email_taken";

export class CreateAdminError extends Error {
  constructor(
    readonly code: CreateAdminErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CreateAdminError";
  }
}

export type CreatedAdmin = {
  userId: string;
  email: string;
  role: "owner" | "admin";
  workspaceId: string;
  workspaceName: string;
  createdWorkspace: boolean;
};

export async function createAdmin(db: Db, input: TCreateAdminInput): Promise<CreatedAdmin> {
  const parsed = ZCreateAdminInput.safeParse(input);
  if (!parsed.success) {
    throw new CreateAdminError(
      "invalid_input",
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
    );
  }
  const values = parsed.data;
  const email = values.email.toLowerCase();
  const passwordHash = await hashPassword(values.password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) throw new CreateAdminError("email_taken", `A user with the email ${email} already exists.`);
    // The installation holds one workspace (sign-in needs only the email); take the oldest if there are more.
    let [workspace] = await tx.select().from(workspaces).orderBy(workspaces.createdAt).limit(1);
    const createdWorkspace = !workspace;
    if (!workspace) {
      [workspace] = await tx.insert(workspaces).values({ name: values.workspaceName }).returning();
      if (!workspace) throw new Error("workspace insert failed");
    }
    const role = values.role ?? (createdWorkspace ? "owner" : "admin");
    const [user] = await tx
      .insert(users)
      .values({
        workspaceId: workspace.id,
        email,
        name: values.name,
        title: values.title,
        passwordHash,
        role,
        clientId: null,
        locale: values.locale satisfies TLocale,
      })
      .returning();
    if (!user) throw new Error("user insert failed");
    await recordAudit(tx, null, workspace.id, { entityType: "user", entityId: user.id, action: "create", after: { ...user, source: "cli" } });
    return { userId: user.id, email, role, workspaceId: workspace.id, workspaceName: workspace.name, createdWorkspace };
  });
}

