import { z } from "zod";
import { ZId, ZIsoDateTime, ZLocale } from "./common";

export const WORKSPACE_ROLES = ["owner", "admin", "member", "client"] as const;
export type TWorkspaceRole = (typeof WORKSPACE_ROLES)[number];
export const ZWorkspaceRole = z.enum(WORKSPACE_ROLES);

export const ZSignInRequest = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

export const ZMe = z
  .object({
    id: ZId,
    email: z.string(),
    name: z.string(),
    role: ZWorkspaceRole,
    clientId: ZId.nullable(),
    clientName: z.string().nullable(),
    locale: ZLocale,
    workspace: z.object({ id: ZId, name: z.string() }),
  })
  .meta({ id: "Me" });
export type TMe = z.infer<typeof ZMe>;

export const ZSignInResponse = z.object({ user: ZMe, csrfToken: z.string() });

export const ZUpdateMeRequest = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  locale: ZLocale.optional(),
});

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(200),
});

export const ZRequestPasswordResetRequest = z.object({ email: z.email().max(254) });
export const ZCompletePasswordResetRequest = z.object({
  token: z.string().min(20).max(200),
  newPassword: z.string().min(8).max(200),
});
/** Created by an admin for a user when no SMTP server is configured. */
export const ZPasswordResetLink = z.object({ url: z.string(), expiresAt: ZIsoDateTime });

export const ZApiToken = z
  .object({
    id: ZId,
    name: z.string(),
    prefix: z.string(),
    createdAt: ZIsoDateTime,
    lastUsedAt: ZIsoDateTime.nullable(),
    expiresAt: ZIsoDateTime.nullable(),
  })
  .meta({ id: "ApiToken" });
export type TApiToken = z.infer<typeof ZApiToken>;
export const ZCreateApiTokenRequest = z.object({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
/** The secret is shown once, at creation. */
export const ZCreatedApiToken = ZApiToken.extend({ token: z.string() });
