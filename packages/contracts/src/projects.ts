import { z } from "zod";
import { ZId, ZIsoDate, ZIsoDateTime, ZListQueryBase, ZVersioned } from "./common";
import { HEALTH_BANDS } from "./performance";

/** Where an engagement is in the delivery life cycle; each stage has its area in the app. */
export const PROJECT_STAGES = ["requirements", "planning", "execution", "delivery", "support", "closed"] as const;
export type TProjectStage = (typeof PROJECT_STAGES)[number];
export const ZProjectStage = z.enum(PROJECT_STAGES);

export const PROJECT_ROLES = ["manager", "member", "viewer", "client"] as const;
export type TProjectRole = (typeof PROJECT_ROLES)[number];
export const ZProjectRole = z.enum(PROJECT_ROLES);

export const ZProject = z
  .object({
    id: ZId,
    code: z.string(),
    name: z.string(),
    description: z.string(),
    clientId: ZId,
    clientName: z.string(),
    stage: ZProjectStage,
    startDate: ZIsoDate.nullable(),
    endDate: ZIsoDate.nullable(),
    managerId: ZId.nullable(),
    managerName: z.string().nullable(),
    memberCount: z.number().int(),
    /** The caller's own role on the project, null for workspace admins who are not members. */
    myRole: ZProjectRole.nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "Project" });
export type TProject = z.infer<typeof ZProject>;

/**
 * A row of the project list: the project and, for those who may read it (its managers, owners and admins), its health
 * score and band (docs/monitoring.md, "Health score"); null for everyone else.
 */
export const ZProjectListItem = ZProject.extend({
  health: z.object({ score: z.number().int().nullable(), band: z.enum(HEALTH_BANDS).nullable() }).nullable(),
}).meta({ id: "ProjectListItem" });
export type TProjectListItem = z.infer<typeof ZProjectListItem>;

export const ZListProjectsQuery = ZListQueryBase.extend({
  clientId: ZId.optional(),
  stage: ZProjectStage.optional(),
  sort: z.enum(["code", "-code", "name", "-name", "startDate", "-startDate", "updatedAt", "-updatedAt"]).default("code"),
});

const ZProjectCode = z
  .string()
  .trim()
  .min(2)
  .max(20)
  .regex(/^[A-Z][A-Z0-9-]*$/, { message: "code_format" });

const ZDateRange = { startDate: ZIsoDate.nullable(), endDate: ZIsoDate.nullable() };

export const ZCreateProjectRequest = z
  .object({
    code: ZProjectCode,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(20_000).default(""),
    clientId: ZId,
    stage: ZProjectStage.default("requirements"),
    startDate: ZDateRange.startDate.default(null),
    endDate: ZDateRange.endDate.default(null),
    managerId: ZId.nullable().default(null),
  })
  .refine((p) => !p.startDate || !p.endDate || p.startDate <= p.endDate, {
    message: "end_before_start",
    path: ["endDate"],
  });
export type TCreateProjectRequest = z.infer<typeof ZCreateProjectRequest>;

export const ZUpdateProjectRequest = ZVersioned.extend({
  code: ZProjectCode.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(20_000).optional(),
  stage: ZProjectStage.optional(),
  startDate: ZIsoDate.nullable().optional(),
  endDate: ZIsoDate.nullable().optional(),
  managerId: ZId.nullable().optional(),
}).refine((p) => !p.startDate || !p.endDate || p.startDate <= p.endDate, {
  message: "end_before_start",
  path: ["endDate"],
});
export type TUpdateProjectRequest = z.infer<typeof ZUpdateProjectRequest>;

export const ZProjectMember = z
  .object({
    userId: ZId,
    name: z.string(),
    email: z.string(),
    workspaceRole: z.string(),
    role: ZProjectRole,
    createdAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "ProjectMember" });
export type TProjectMember = z.infer<typeof ZProjectMember>;

export const ZProjectMemberParams = z.object({ id: ZId, userId: ZId });
export const ZAddProjectMemberRequest = z.object({ userId: ZId, role: ZProjectRole });
export const ZUpdateProjectMemberRequest = ZVersioned.extend({ role: ZProjectRole });
