import type { TProject } from "@jiaofu/contracts";
import type { ProjectRow } from "./projects.repository";

export function presentProject(row: ProjectRow): TProject {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    clientId: row.clientId,
    clientName: row.clientName,
    stage: row.stage,
    startDate: row.startDate,
    endDate: row.endDate,
    managerId: row.managerId,
    managerName: row.managerName,
    memberCount: row.memberCount,
    myRole: row.myRole,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
