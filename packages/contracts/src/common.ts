import { z } from "zod";

export const LOCALES = ["zh-CN", "en"] as const;
export type TLocale = (typeof LOCALES)[number];
export const ZLocale = z.enum(LOCALES);

export const ZId = z.uuid();
export const ZIdParams = z.object({ id: ZId });
export const ZIsoDateTime = z.iso.datetime({ offset: true });
/** A calendar date without time, `YYYY-MM-DD`. */
export const ZIsoDate = z.iso.date();

/** Optimistic concurrency: every update names the version it was based on. */
export const ZVersioned = z.object({ version: z.number().int().positive() });

export const ZListQueryBase = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(200).optional(),
});

/** A page of results; `nextCursor` is null on the last page. */
export function zPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type TPage<T> = { items: T[]; nextCursor: string | null };

export const ZOk = z.object({ ok: z.literal(true) });

/**
 * The caller's calendar feed of a project (milestones or meetings): whether they have one, made and last fetched when.
 * A new address is shown once, when it is made (only the token's hash is kept).
 */
export const ZCalendarFeed = z
  .object({ exists: z.boolean(), createdAt: ZIsoDateTime.nullable(), lastUsedAt: ZIsoDateTime.nullable() })
  .meta({ id: "CalendarFeed" });
export type TCalendarFeed = z.infer<typeof ZCalendarFeed>;
export const ZCalendarFeedCreated = ZCalendarFeed.extend({ url: z.string() }).meta({ id: "CalendarFeedCreated" });
export type TCalendarFeedCreated = z.infer<typeof ZCalendarFeedCreated>;
