import type { TMe, TProject } from "@jiaofu/contracts";
import { isAdmin, isStaff } from "../auth/session";

/** Mirrors `canPerformance` in the server's policy.ts: the project's managers and the workspace's admins. */
export function performancePermissions(me: TMe, project: Pick<TProject, "myRole">) {
  return { read: isStaff(me) && (isAdmin(me) || project.myRole === "manager") };
}
