import type { TMe, TProject } from "@jiaofu/contracts";
import { isAdmin, isStaff } from "../auth/session";

/**
 * What the signed-in person may do on a project, mirroring the server's policy (packages/server/src/platform/policy.ts)
 * so the UI does not offer what would be refused. The server still checks every request.
 */
export function projectPermissions(me: TMe, project: Pick<TProject, "myRole" | "clientId">) {
  const admin = isAdmin(me);
  const role = project.myRole;
  const contactOnOwn = me.role === "client" && role === "client" && project.clientId === me.clientId;
  const manage = admin || (isStaff(me) && role === "manager");
  return {
    manage,
    comment: admin || role === "manager" || role === "member" || contactOnOwn,
    attach: admin || role === "manager" || role === "member" || contactOnOwn,
    readAudit: isStaff(me),
  };
}
export type ProjectPermissions = ReturnType<typeof projectPermissions>;
