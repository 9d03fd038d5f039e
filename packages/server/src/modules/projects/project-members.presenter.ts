import type { TProjectMember } from "@jiaofu/contracts";
import type { MemberRow } from "./project-members.repository";

export function presentMember(row: MemberRow): TProjectMember {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    workspaceRole: row.workspaceRole,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
