import type { TMe, TProject } from "@jiaofu/contracts";
import { isAdmin, isStaff } from "../auth/session";

/**
 * Who runs elicitation on a project, mirroring `canCreateElicitationSession` / `canQuestionnaire` in the server's
 * policy: the project's managers and members, and admins. Viewers read sessions, questionnaires and results.
 */
export function canRunElicitation(me: Pick<TMe, "role">, project: Pick<TProject, "myRole">): boolean {
  return isStaff(me) && (isAdmin(me) || project.myRole === "manager" || project.myRole === "member");
}
