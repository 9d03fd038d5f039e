import type { TMe, TProject } from "@jiaofu/contracts";
import { isAdmin, isStaff } from "../auth/session";

/**
 * What the signed-in person may do with a project's meetings, mirroring `canMeetings` / `canMeeting` in the server's
 * policy.ts so the UI does not offer what would be refused. The server still checks every request.
 */
export function meetingPermissions(me: TMe, project: Pick<TProject, "myRole">) {
  const admin = isAdmin(me);
  const role = project.myRole;
  const write = isStaff(me) && (admin || role === "manager" || role === "member");
  return { write, share: isStaff(me) && (admin || role === "manager"), createTask: write, internal: isStaff(me) };
}
export type MeetingPermissions = ReturnType<typeof meetingPermissions>;
