/**
 * `jiaofu create-admin`: create an owner or admin account, and the workspace if there is none. The password comes from
 * --password, or is asked for (twice, hidden) when stdin is a terminal.
 */
import { createAdmin as createAdminAccount, migrateWithReport } from "@jiaofu/server";
import type { TLocale } from "@jiaofu/contracts";
import { CliError } from "../cli-error";
import { describeDatabase, withDatabase } from "../open-database";
import { promptNewPassword } from "../prompt-password";
import { describeMigrationReport } from "./migrate-database";

export type CreateAdminOptions = {
  email: string;
  name: string;
  password?: string;
  title?: string;
  role?: "owner" | "admin";
  locale?: TLocale;
  workspaceName?: string;
};

export async function createAdmin(options: CreateAdminOptions): Promise<number> {
  const password = options.password ?? (await promptNewPassword());
  if (password.length < 8) throw new CliError("The password must be at least 8 characters.");
  return withDatabase("create-admin", async (database, config) => {
    const report = await migrateWithReport(database);
    if (report.applied.length > 0) console.log(describeMigrationReport(report, describeDatabase(config)));
    const created = await createAdminAccount(database.db, {
      email: options.email,
      name: options.name,
      password,
      title: options.title,
      role: options.role,
      locale: options.locale ?? config.JIAOFU_DEMO_LOCALE,
      workspaceName: options.workspaceName,
    });
    const workspace = created.createdWorkspace ? `the new workspace "${created.workspaceName}"` : `the workspace "${created.workspaceName}"`;
    console.log(`Created ${created.role} ${created.email} in ${workspace}.`);
    return 0;
  });
}
