import type { TClient } from "@jiaofu/contracts";
import type { ClientRow } from "./clients.repository";

export function presentClient(row: ClientRow): TClient {
  return {
    id: row.id,
    name: row.name,
    industry: row.industry,
    website: row.website,
    notes: row.notes,
    projectCount: row.projectCount,
    contactCount: row.contactCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
