import { z } from "zod";
import { ZId, ZIsoDateTime, ZListQueryBase, ZLocale, ZVersioned } from "./common";
import { ZWorkspaceRole } from "./auth";

export const ZUser = z
  .object({
    id: ZId,
    email: z.string(),
    name: z.string(),
    role: ZWorkspaceRole,
    title: z.string(),
    clientId: ZId.nullable(),
    locale: ZLocale,
    active: z.boolean(),
    /** What an hour of the person's time costs (approved time is costed at it when no plan resource rate applies); null for readers who may not see costs. */
    costPerHour: z.number().nullable(),
    createdAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "User" });
export type TUser = z.infer<typeof ZUser>;

export const ZListUsersQuery = ZListQueryBase.extend({
  role: ZWorkspaceRole.optional(),
  clientId: ZId.optional(),
  sort: z.enum(["name", "-name", "email", "-email", "createdAt", "-createdAt"]).default("name"),
});

export const ZCreateUserRequest = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  role: ZWorkspaceRole,
  title: z.string().trim().max(120).default(""),
  /** Required when role is `client`, forbidden otherwise. */
  clientId: ZId.nullable().default(null),
  password: z.string().min(8).max(200),
  locale: ZLocale.default("zh-CN"),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = ZVersioned.extend({
  name: z.string().trim().min(1).max(120).optional(),
  role: ZWorkspaceRole.optional(),
  title: z.string().trim().max(120).optional(),
  active: z.boolean().optional(),
  /** Owners and admins only. */
  costPerHour: z.number().min(0).max(1_000_000).optional(),
});
