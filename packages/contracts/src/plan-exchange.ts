import { z } from "zod";
import { ZIsoDate } from "./common";

/**
 * Exchanging a plan with other tools (issue 5; docs/planning.md, "Exchange: MS Project, CSV, iCalendar"): Microsoft
 * Project XML (MSPDI) and CSV, out and in, and a subscribable iCalendar feed of the plan's milestones.
 *
 * An import reads the file, says what it would create (counts, warnings, errors — in the caller's language) and, when
 * committed, writes the whole plan in one transaction or nothing at all.
 */

export const PLAN_EXCHANGE_FORMATS = ["mspdi", "csv"] as const;
export type TPlanExchangeFormat = (typeof PLAN_EXCHANGE_FORMATS)[number];

/** At most this many megabytes per imported file (or the server's upload limit, if lower). */
export const PLAN_IMPORT_MAX_MB = 20;
/** At most this many tasks per imported file. */
export const PLAN_IMPORT_MAX_TASKS = 20_000;

/** A query flag as browsers and scripts send it: `true`/`1` or `false`/`0`. */
const ZFlag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((value) => value === "true" || value === "1");

export const ZPlanImportQuery = z
  .object({
    /** `preview`: read the file and say what would happen, writing nothing. `commit`: import it. */
    mode: z.enum(["preview", "commit"]).default("preview"),
    /** Delete the project's current plan (tasks, links, resources, assignments) in the same transaction first. */
    replace: ZFlag,
  });
export type TPlanImportQuery = z.infer<typeof ZPlanImportQuery>;

/** Something the import changes or leaves out (an elapsed lag made working time, a recurring task, …). */
export const ZPlanImportNote = z
  .object({
    /** A stable code (the message key), for programs. */
    code: z.string(),
    /** In the caller's language. */
    message: z.string(),
    /** Where: a task's row or UID ("Task 12"), a CSV cell ("C4"), or null for the file as a whole. */
    at: z.string().nullable(),
  })
  .meta({ id: "PlanImportNote" });
export type TPlanImportNote = z.infer<typeof ZPlanImportNote>;

export const ZPlanImportCounts = z
  .object({
    tasks: z.number().int(),
    summaries: z.number().int(),
    milestones: z.number().int(),
    links: z.number().int(),
    resources: z.number().int(),
    assignments: z.number().int(),
    /** The calendar's own exceptions (days off or worked differently), beyond the holiday sets it follows. */
    calendarExceptions: z.number().int(),
  })
  .meta({ id: "PlanImportCounts" });
export type TPlanImportCounts = z.infer<typeof ZPlanImportCounts>;

/** What an import would do (`committed: false`) or did (`committed: true`). */
export const ZPlanImportOutcome = z
  .object({
    format: z.enum(PLAN_EXCHANGE_FORMATS),
    fileName: z.string(),
    committed: z.boolean(),
    /** Whether the current plan is (or was) deleted first. */
    replace: z.boolean(),
    /** Tasks the project's plan has now: an import into a plan with tasks needs `replace=true`. */
    existingTasks: z.number().int(),
    counts: ZPlanImportCounts,
    /** The project start the file names (MSPDI), and the one the plan is scheduled from after the import. */
    fileStart: ZIsoDate.nullable(),
    planStart: ZIsoDate,
    /** The holiday sets the imported calendar follows (`cn` when the file's exceptions are China's arrangement). */
    holidaySets: z.array(z.string()),
    /** The first tasks of the outline, for the preview: WBS code, name, duration in working days, kind. */
    tasks: z.array(z.object({ wbsCode: z.string(), name: z.string(), durationDays: z.number(), kind: z.enum(["task", "milestone", "summary"]) })),
    warnings: z.array(ZPlanImportNote),
    errors: z.array(ZPlanImportNote),
    canImport: z.boolean(),
    /** After a commit: the plan's finish as rescheduled. */
    finish: ZIsoDate.nullable(),
  })
  .meta({ id: "PlanImportOutcome" });
export type TPlanImportOutcome = z.infer<typeof ZPlanImportOutcome>;

/** The feed's token in its public URL (`/api/v1/feeds/plan/<token>.ics`). */
export const ZPlanFeedTokenParams = z.object({ token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/) });
