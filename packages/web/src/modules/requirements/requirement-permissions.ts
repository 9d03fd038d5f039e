import type { TMe, TProject } from "@jiaofu/contracts";
import { isAdmin, isStaff } from "../auth/session";
import { projectPermissions } from "../projects/project-permissions";

/**
 * What the signed-in person may do in a project's register, mirroring `canRequirements` / `canRequirement` and
 * `canRemoveSavedView` in the server's policy (packages/server/src/platform/policy.ts). The server still decides.
 */
export function requirementPermissions(me: TMe, project: Pick<TProject, "myRole" | "clientId">) {
  const staff = isStaff(me);
  const admin = isAdmin(me);
  const role = project.myRole;
  const base = projectPermissions(me, project);
  return {
    /** Create, edit, move through the workflow, relate, bulk-edit, share a view. */
    write: staff && (admin || role === "manager" || role === "member"),
    /** The team's material: sources, status reasons, saved views, traceability, full history. */
    internal: staff,
    /** Remove a view someone else shared with the team. */
    removeSharedViews: staff && (admin || role === "manager"),
    comment: base.comment,
    attach: base.attach,
    readAudit: base.readAudit,
    /** Delete other people's comments (workspace admins, as on the project). */
    admin,
    /** Delete other people's files (admins and the project's managers, as on the project). */
    moderate: admin || base.manage,
    meId: me.id,
  };
}
export type RequirementPermissions = ReturnType<typeof requirementPermissions>;
