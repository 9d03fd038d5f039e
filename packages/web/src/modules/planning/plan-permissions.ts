import type { TMe, TProject } from "@jiaofu/contracts";
import { isAdmin, isStaff } from "../auth/session";

/**
 * What the signed-in person may do with a project's plan, mirroring `canPlan` in the server's policy.ts: managers,
 * members and admins edit; managers and admins set the calendar; the team links tasks to requirements.
 */
export function planPermissions(me: TMe, project: Pick<TProject, "myRole">) {
  const admin = isAdmin(me);
  const staff = isStaff(me);
  const role = project.myRole;
  return {
    edit: staff && (admin || role === "manager" || role === "member"),
    configure: staff && (admin || role === "manager"),
    internal: staff,
  };
}
export type PlanPermissions = ReturnType<typeof planPermissions>;
