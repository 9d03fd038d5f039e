import type { TMe, TProject } from "@jiaofu/contracts";
import { isAdmin, isStaff } from "../auth/session";
import { projectPermissions } from "../projects/project-permissions";

/**
 * What the signed-in person may do with a project's risks, mirroring `canRisks` / `canRisk` in the server's policy
 * (packages/server/src/platform/policy.ts). The server still decides.
 */
export function riskPermissions(me: TMe, project: Pick<TProject, "myRole" | "clientId">) {
  const staff = isStaff(me);
  const admin = isAdmin(me);
  const role = project.myRole;
  const base = projectPermissions(me, project);
  const write = staff && (admin || role === "manager" || role === "member");
  return {
    /** Create, edit, review, link requirements, add the default risks, comment and attach files. */
    write,
    /** The team's material: status notes, review notes, comments, files, activity. */
    internal: staff,
    readAudit: base.readAudit,
    /** Delete other people's comments (workspace admins). */
    admin,
    /** Delete other people's files (admins and the project's managers). */
    moderate: admin || base.manage,
    meId: me.id,
  };
}
export type RiskPermissions = ReturnType<typeof riskPermissions>;
