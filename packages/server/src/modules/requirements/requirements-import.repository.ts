import { and, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/database";
import { projectMembers, projects, requirementSources, requirementVersions, requirements, users } from "../../db/schema";
import { recordAudits } from "../../platform/audit";
import type { Actor } from "../../platform/policy";
import { requirementSnapshotOf, type RequirementValues } from "./requirements.repository";
import type { OwnerCandidate } from "./requirements-import.validate";

/** One requirement to create: its values and the `document` source naming the file and row. */
export type ImportInsert = { values: RequirementValues; sourceLabel: string };

/** What the checks read inside the import's transaction. */
export type ImportSnapshot = { owners: OwnerCandidate[]; existingNumbers: Set<number> };

/** Rows per INSERT statement: well under PostgreSQL's 65,535 bind parameters for every table written. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export function createRequirementsImportRepository(db: Db) {
  /** Active delivery staff on the project, and the workspace's owners and admins (as `isProjectStaff` decides). */
  const ownerCandidates = (q: Db | Tx, workspaceId: string, projectId: string): Promise<OwnerCandidate[]> =>
    q
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .leftJoin(projectMembers, and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, users.id)))
      .where(
        and(
          eq(users.workspaceId, workspaceId),
          eq(users.active, true),
          ne(users.role, "client"),
          or(inArray(users.role, ["owner", "admin"]), and(isNotNull(projectMembers.role), ne(projectMembers.role, "client"))),
        ),
      );

  const existingNumbers = async (q: Db | Tx, projectId: string) =>
    new Set((await q.select({ number: requirements.number }).from(requirements).where(eq(requirements.projectId, projectId))).map((r) => r.number));

  const snapshot = async (q: Db | Tx, workspaceId: string, projectId: string): Promise<ImportSnapshot> => ({
    owners: await ownerCandidates(q, workspaceId, projectId),
    existingNumbers: await existingNumbers(q, projectId),
  });

  return {
    /** For the preview: the same facts the import reads, outside a transaction. */
    snapshot: (workspaceId: string, projectId: string) => snapshot(db, workspaceId, projectId),

    /**
     * The import, all or nothing. The project row is locked first (as every creation does), so keys are allocated
     * one after the other; then `check` runs on the facts as they are inside the transaction (a person removed from
     * the team meanwhile is no longer an owner) and returns the rows to create — or throws, and nothing is written.
     * Each requirement gets version 1, its source and its `create` audit row, like one made in the register.
     */
    importRequirements: (actor: Actor, projectId: string, check: (facts: ImportSnapshot) => ImportInsert[], now: Date) =>
      db.transaction(async (tx) => {
        await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
        const inserts = check(await snapshot(tx, actor.workspaceId, projectId));
        const [next] = await tx
          .select({
            number: sql<number>`coalesce(max(${requirements.number}), 0)::int`,
            rank: sql<number>`coalesce(max(${requirements.rank}), 0)::float8`,
          })
          .from(requirements)
          .where(eq(requirements.projectId, projectId));
        const firstNumber = Number(next?.number ?? 0) + 1;
        const firstRank = Number(next?.rank ?? 0) + 1;
        const created: (typeof requirements.$inferSelect)[] = [];
        for (const [c, part] of chunks(inserts).entries()) {
          const rows = await tx
            .insert(requirements)
            .values(
              part.map((item, i) => ({
                ...item.values,
                workspaceId: actor.workspaceId,
                projectId,
                number: firstNumber + c * CHUNK + i,
                rank: firstRank + c * CHUNK + i,
                createdById: actor.userId,
                createdAt: now,
                updatedAt: now,
              })),
            )
            .returning();
          created.push(...rows.sort((a, b) => a.number - b.number));
        }
        const sources = created.map((row, i) => ({ kind: "document" as const, label: inserts[i]?.sourceLabel ?? "", excerpt: "", requirementId: row.id, position: 0, createdAt: now }));
        for (const part of chunks(created)) {
          await tx.insert(requirementVersions).values(
            part.map((row) => ({ requirementId: row.id, version: row.version, action: "create" as const, snapshot: requirementSnapshotOf(row), changedById: actor.userId, changedAt: now })),
          );
        }
        for (const part of chunks(sources)) await tx.insert(requirementSources).values(part);
        for (const part of chunks(created.map((row, i) => ({ row, source: sources[i] })))) {
          await recordAudits(
            tx,
            actor,
            actor.workspaceId,
            part.map(({ row, source }) => ({
              entityType: "requirement",
              entityId: row.id,
              projectId,
              action: "create",
              after: { ...row, sources: source ? [{ kind: source.kind, label: source.label, excerpt: source.excerpt }] : [] },
            })),
          );
        }
        return created;
      }),
  };
}
