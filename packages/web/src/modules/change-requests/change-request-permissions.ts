import type { TMe, TProject } from "@jiaofu/contracts";
import { isAdmin, isStaff } from "../auth/session";
import { projectPermissions } from "../projects/project-permissions";

/**
 * What the signed-in person may do with a project's change requests, mirroring `canChangeRequests` /
 * `canChangeRequest` in the server's policy (packages/server/src/platform/policy.ts). The server still decides.
 */
export function changeRequestPermissions(me: TMe, project: Pick<TProject, "myRole" | "clientId">) {
  const staff = isStaff(me);
  const admin = isAdmin(me);
  const role = project.myRole;
  const base = projectPermissions(me, project);
  return {
    /** Draft, edit, submit, withdraw: whoever writes the register. */
    write: staff && (admin || role === "manager" || role === "member"),
    /** Decide as the project manager: the project's managers and workspace admins. */
    decideAsManager: staff && (admin || role === "manager"),
    /** Decide as the client: a contact of the project's client on the project. */
    decideAsClient: me.role === "client" && role === "client" && project.clientId === me.clientId,
    comment: base.comment,
    attach: base.attach,
    readAudit: base.readAudit,
    /** Delete other people's comments (workspace admins). */
    admin,
    /** Delete other people's files (admins and the project's managers). */
    moderate: admin || base.manage,
    meId: me.id,
  };
}
export type ChangeRequestPermissions = ReturnType<typeof changeRequestPermissions>;
