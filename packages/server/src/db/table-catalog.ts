/**
 * What the database itself says about Jiaofu's tables: their columns, primary keys, serial sequences and foreign keys,
 * read from `pg_catalog` (the same on PGlite and PostgreSQL). Backup and restore work from this rather than from the
 * Drizzle schema, so a table added by a later migration is backed up without anyone touching this code.
 */
import { sql } from "drizzle-orm";
import type { Db, Tx } from "./database";
import { queryRows } from "./raw-query";

export type ForeignKey = { table: string; columns: string[]; references: string };

export type TableInfo = {
  name: string;
  /** Stored columns in table order (generated columns are left out: they cannot be inserted). */
  columns: string[];
  primaryKey: string[];
  /** Columns filled from a sequence (serial, bigserial, identity), reset after a restore. */
  sequences: { column: string; sequence: string }[];
  /**
   * Foreign-key columns that point at this same table or close a cycle between tables. A restore inserts them as
   * null and sets them once every row is in, so the rows can go in any order.
   */
  deferredColumns: string[];
};

/** Every table in the `public` schema, parents before children (the order to insert in). */
export async function readTableCatalog(db: Db | Tx): Promise<TableInfo[]> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select c.relname::text as name
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname`,
  );
  const columns = await queryRows<{ table: string; column: string }>(
    db,
    sql`select c.relname::text as "table", a.attname::text as "column"
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`,
  );
  const primaryKeys = await queryRows<{ table: string; column: string }>(
    db,
    sql`select c.relname::text as "table", a.attname::text as "column"
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where n.nspname = 'public' and i.indisprimary
        order by c.relname, k.ord`,
  );
  const sequences = await queryRows<{ table: string; column: string; sequence: string }>(
    db,
    sql`select "table", "column", "sequence" from (
          select c.relname::text as "table", a.attname::text as "column", a.attnum,
                 pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as "sequence"
          from pg_attribute a
          join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        ) s
        where "sequence" is not null
        order by "table", attnum`,
  );
  const foreignKeys = await queryRows<{ table: string; references: string; columns: string }>(
    db,
    sql`select src.relname::text as "table", dst.relname::text as "references",
               (select json_agg(a.attname::text order by k.ord)
                from unnest(con.conkey) with ordinality as k(attnum, ord)
                join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum)::text as "columns"
        from pg_constraint con
        join pg_class src on src.oid = con.conrelid
        join pg_class dst on dst.oid = con.confrelid
        join pg_namespace n on n.oid = src.relnamespace
        where con.contype = 'f' and n.nspname = 'public'
        order by src.relname, con.conname`,
  );

  const byTable = <T extends { table: string }>(rows: T[], name: string) => rows.filter((row) => row.table === name);
  const infos = tables.map(({ name }) => ({
    name,
    columns: byTable(columns, name).map((row) => row.column),
    primaryKey: byTable(primaryKeys, name).map((row) => row.column),
    sequences: byTable(sequences, name).map(({ column, sequence }) => ({ column, sequence })),
  }));
  return tablesInInsertOrder(
    infos,
    foreignKeys.map((fk) => ({ table: fk.table, references: fk.references, columns: JSON.parse(fk.columns) as string[] })),
  );
}

/**
 * Orders tables so that every table comes after the tables it references; ties are broken by name, so the order is
 * the same on every run. A foreign key to the table itself, or one that closes a cycle, cannot be satisfied by order
 * alone: its columns become `deferredColumns`.
 *
 * @example
 * // users → workspaces, projects → users, projects → workspaces
 * tablesInInsertOrder([projects, users, workspaces], fks).map((t) => t.name) // ["workspaces", "users", "projects"]
 */
export function tablesInInsertOrder(tables: Omit<TableInfo, "deferredColumns">[], foreignKeys: ForeignKey[]): TableInfo[] {
  const names = new Set(tables.map((t) => t.name));
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const outgoing = (name: string) => foreignKeys.filter((fk) => fk.table === name && names.has(fk.references));
  while (remaining.size > 0) {
    const sorted = [...remaining.keys()].sort();
    const ready = sorted.find((name) => outgoing(name).every((fk) => fk.references === name || done.has(fk.references)));
    // No table is ready: a cycle. Take the first by name and defer its references to tables not yet placed.
    const name = ready ?? sorted[0];
    const table = name === undefined ? undefined : remaining.get(name);
    if (name === undefined || !table) break;
    const deferred = outgoing(name)
      .filter((fk) => fk.references === name || !done.has(fk.references))
      .flatMap((fk) => fk.columns);
    ordered.push({ ...table, deferredColumns: [...new Set(deferred)] });
    remaining.delete(name);
    done.add(name);
  }
  return ordered;
}

/** Quotes an identifier for SQL text (`"audit_log"`). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function countRows(db: Db | Tx, table: string): Promise<number> {
  const [row] = await queryRows<{ count: string }>(db, sql.raw(`select count(*)::text as count from ${quoteIdent(table)}`));
  return Number(row?.count ?? 0);
}
