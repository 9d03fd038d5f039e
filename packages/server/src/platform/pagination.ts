/**
 * Keyset (cursor) pagination. The cursor is an opaque base64url of the last row's sort value and id, so pages
 * stay stable while rows are added, and deep pages cost the same as the first.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { AppError } from "./app-error";

export type SortSpec = { key: string; expr: SQLWrapper; desc: boolean };

/** `parseSort("-name", {name: users.name})` → order by name descending. */
export function parseSort(sort: string, columns: Record<string, SQLWrapper>): SortSpec {
  const desc = sort.startsWith("-");
  const key = desc ? sort.slice(1) : sort;
  const expr = columns[key];
  if (!expr) throw new AppError("validation_failed", "validation_failed", {}, { fields: [{ path: "querystring.sort", messageKey: "field.invalid" }] });
  return { key, expr, desc };
}

type CursorValue = { v: string | number | null; id: string };

export function encodeCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** Reads a cursor made by `encodeCursor`; a tampered one is a 400 on `querystring.cursor`. */
export function decodeCursor(cursor: string): CursorValue {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorValue;
    if (typeof value.id !== "string") throw new Error("bad cursor");
    return value;
  } catch {
    throw new AppError("validation_failed", "validation_failed", {}, { fields: [{ path: "querystring.cursor", messageKey: "field.invalid" }] });
  }
}

/** The where-clause for rows after the cursor, in the sort's direction (ties broken by id). */
export function afterCursor(sort: SortSpec, idColumn: SQLWrapper, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const { v, id } = decodeCursor(cursor);
  return sort.desc
    ? sql`(${sort.expr}, ${idColumn}) < (${v}, ${id}::uuid)`
    : sql`(${sort.expr}, ${idColumn}) > (${v}, ${id}::uuid)`;
}

export function orderBy(sort: SortSpec, idColumn: SQLWrapper): SQL[] {
  return sort.desc ? [sql`${sort.expr} desc`, sql`${idColumn} desc`] : [sql`${sort.expr} asc`, sql`${idColumn} asc`];
}

/**
 * Given `limit + 1` rows fetched, returns the page and the cursor of the next one.
 * `sortValue` reads the sort key of a row as it compares in SQL (dates as ISO strings).
 */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
  sortValue: (row: T) => string | number | null,
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1] as T;
  return { items, nextCursor: encodeCursor({ v: sortValue(last), id: last.id }) };
}

