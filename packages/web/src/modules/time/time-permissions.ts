import type { TMe, TProject } from "@jiaofu/contracts";
import { isAdmin, isStaff } from "../auth/session";

/**
 * What the signed-in person may do with a project's time, mirroring `canTime` in the server's policy.ts: its managers
 * and members log time; managers and admins decide timesheets; staff who read the project see the actual cost.
 */
export function timePermissions(me: TMe, project: Pick<TProject, "myRole">) {
  const staff = isStaff(me);
  const role = project.myRole;
  return {
    log: staff && (role === "manager" || role === "member"),
    approve: staff && (isAdmin(me) || role === "manager"),
    readCost: staff,
  };
}
