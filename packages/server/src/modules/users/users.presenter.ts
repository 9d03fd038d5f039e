import type { TUser } from "@jiaofu/contracts";
import type { UserRow } from "./users.repository";

/** `showCost`: whether the reader may see the person's cost per hour (`user.read_cost`); else it is null. */
export function presentUser(row: UserRow, showCost = false): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    title: row.title,
    clientId: row.clientId,
    locale: row.locale,
    active: row.active,
    costPerHour: showCost ? row.costPerHour : null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
