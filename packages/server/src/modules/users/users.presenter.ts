import type { TUser } from "@jiaofu/contracts";
import type { UserRow } from "./users.repository";

export function presentUser(row: UserRow): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    title: row.title,
    clientId: row.clientId,
    locale: row.locale,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
