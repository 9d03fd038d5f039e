import { z } from "zod";
import { ZId, ZIsoDateTime, ZListQueryBase, ZVersioned } from "./common";

export const ZClient = z
  .object({
    id: ZId,
    name: z.string(),
    industry: z.string(),
    website: z.string(),
    notes: z.string(),
    projectCount: z.number().int(),
    contactCount: z.number().int(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "Client" });
export type TClient = z.infer<typeof ZClient>;

export const ZListClientsQuery = ZListQueryBase.extend({
  sort: z.enum(["name", "-name", "createdAt", "-createdAt"]).default("name"),
});

export const ZCreateClientRequest = z.object({
  name: z.string().trim().min(1).max(200),
  industry: z.string().trim().max(120).default(""),
  website: z.string().trim().max(300).default(""),
  notes: z.string().max(10_000).default(""),
});
export type TCreateClientRequest = z.infer<typeof ZCreateClientRequest>;

export const ZUpdateClientRequest = ZVersioned.extend({
  name: z.string().trim().min(1).max(200).optional(),
  industry: z.string().trim().max(120).optional(),
  website: z.string().trim().max(300).optional(),
  notes: z.string().max(10_000).optional(),
});
export type TUpdateClientRequest = z.infer<typeof ZUpdateClientRequest>;
