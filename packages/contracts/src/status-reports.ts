import { z } from "zod";
import { ZId, ZIsoDate, ZIsoDateTime } from "./common";

/**
 * Status reports (issue 6; docs/monitoring.md, "Status reports"): a project's report for a period, generated from
 * its data as a draft — overall and per-dimension RAG with the rule that set each colour, progress, earned value,
 * milestones, top risks, open change requests — edited by the team, then published to the client portal, where it
 * never changes again. Exported as PDF and Markdown. A weekly schedule can generate (and publish) it.
 */

export const STATUS_REPORT_RAGS = ["green", "amber", "red"] as const;
export const STATUS_REPORT_DIMENSION_KEYS = ["scope", "schedule", "cost", "quality", "risk"] as const;
export const STATUS_REPORT_STATUSES = ["draft", "published"] as const;

export const ZStatusReportRag = z.enum(STATUS_REPORT_RAGS);

/** One dimension: its colour, the rule that set it (said in the caller's language), the team's note. */
export const ZStatusReportDimension = z
  .object({
    rag: ZStatusReportRag,
    /** The rule's message key (`status_report.rule.*`; `…override` when a person set the colour). */
    ruleKey: z.string(),
    ruleText: z.string(),
    note: z.string(),
    /** The colour the data gave, when a person overrode it; null otherwise. */
    generatedRag: ZStatusReportRag.nullable(),
  })
  .meta({ id: "StatusReportDimension" });

export const ZStatusReportDimensions = z.object({
  scope: ZStatusReportDimension,
  schedule: ZStatusReportDimension,
  cost: ZStatusReportDimension,
  quality: ZStatusReportDimension,
  risk: ZStatusReportDimension,
});

/** The figures as generated. Money is null for client contacts (the team's costs), as everywhere in the portal. */
export const ZStatusReportContent = z
  .object({
    asOf: ZIsoDate,
    currency: z.string(),
    /** The project's progress by effort, % (0–100). */
    percentComplete: z.number(),
    earnedValue: z.object({
      spi: z.number().nullable(),
      cpi: z.number().nullable(),
      bac: z.number().nullable(),
      pv: z.number().nullable(),
      ev: z.number().nullable(),
      ac: z.number().nullable(),
      eac: z.number().nullable(),
      vac: z.number().nullable(),
    }),
    phases: z.array(z.object({ wbsCode: z.string(), name: z.string(), progress: z.number(), finish: ZIsoDate.nullable() })),
    /** Milestones: the forecast finish, the baseline finish and the slip in calendar days (null without a baseline). */
    milestones: z.array(
      z.object({ wbsCode: z.string(), name: z.string(), finish: ZIsoDate.nullable(), baselineFinish: ZIsoDate.nullable(), slipDays: z.number().nullable(), critical: z.boolean(), done: z.boolean() }),
    ),
    /** Milestones finished within the period. */
    completedInPeriod: z.number().int(),
    /** The highest-scored open risks (client contacts: only those shared with the client). */
    topRisks: z.array(z.object({ key: z.string(), title: z.string(), score: z.number().int(), status: z.string(), owner: z.string().nullable() })),
    openChangeRequests: z.array(z.object({ key: z.string(), title: z.string(), status: z.string(), impactDays: z.number().nullable() })),
    defects: z.object({ critical: z.number().int(), major: z.number().int(), openGates: z.number().int() }),
  })
  .meta({ id: "StatusReportContent" });
export type TStatusReportContent = z.infer<typeof ZStatusReportContent>;

export const ZStatusReportPerson = z.object({ id: ZId, name: z.string() }).nullable();

export const ZStatusReportSummary = z
  .object({
    id: ZId,
    key: z.string(),
    projectId: ZId,
    periodFrom: ZIsoDate,
    periodTo: ZIsoDate,
    title: z.string(),
    status: z.enum(STATUS_REPORT_STATUSES),
    overall: ZStatusReportRag,
    generatedBy: z.enum(["person", "schedule"]),
    publishedAt: ZIsoDateTime.nullable(),
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: "StatusReportSummary" });
export type TStatusReportSummary = z.infer<typeof ZStatusReportSummary>;

export const ZStatusReport = ZStatusReportSummary.extend({
  projectCode: z.string(),
  projectName: z.string(),
  dimensions: ZStatusReportDimensions,
  content: ZStatusReportContent,
  summary: z.string(),
  nextSteps: z.string(),
  createdBy: ZStatusReportPerson,
  publishedBy: ZStatusReportPerson,
  createdAt: ZIsoDateTime,
}).meta({ id: "StatusReport" });
export type TStatusReport = z.infer<typeof ZStatusReport>;

export const ZStatusReportList = z.object({ items: z.array(ZStatusReportSummary) }).meta({ id: "StatusReportList" });

/** `POST /projects/:id/status-reports`: the period (at most a year; not after today); the title defaults to "Status report <from> – <to>". */
export const ZGenerateStatusReportRequest = z
  .object({
    periodFrom: ZIsoDate,
    periodTo: ZIsoDate,
    title: z.string().trim().min(1).max(200).optional(),
  })
  .refine((b) => b.periodFrom <= b.periodTo, { message: "end_before_start", path: ["periodTo"] })
  .meta({ id: "GenerateStatusReportRequest" });
export type TGenerateStatusReportRequest = z.input<typeof ZGenerateStatusReportRequest>;

/** An edit of one dimension: the note, and a colour a person sets (null: back to the colour the data gave). */
export const ZStatusReportDimensionEdit = z.object({ note: z.string().max(2000).optional(), rag: ZStatusReportRag.nullable().optional() });

/** `PATCH /status-reports/:id`: a draft only (a published report is immutable: 409). */
export const ZUpdateStatusReportRequest = z
  .object({
    version: z.number().int().positive(),
    title: z.string().trim().min(1).max(200).optional(),
    summary: z.string().max(20_000).optional(),
    nextSteps: z.string().max(20_000).optional(),
    dimensions: z
      .object({
        scope: ZStatusReportDimensionEdit.optional(),
        schedule: ZStatusReportDimensionEdit.optional(),
        cost: ZStatusReportDimensionEdit.optional(),
        quality: ZStatusReportDimensionEdit.optional(),
        risk: ZStatusReportDimensionEdit.optional(),
      })
      .optional(),
  })
  .meta({ id: "UpdateStatusReportRequest" });
export type TUpdateStatusReportRequest = z.input<typeof ZUpdateStatusReportRequest>;

export const ZPublishStatusReportRequest = z.object({ version: z.number().int().positive() }).meta({ id: "PublishStatusReportRequest" });

/** A project's weekly schedule: on `weekday` (1 = Monday … 7 = Sunday) at `time` (HH:MM) in `timeZone`, a report for the past 7 days. */
export const ZStatusReportSchedule = z
  .object({
    projectId: ZId,
    enabled: z.boolean(),
    weekday: z.number().int().min(1).max(7),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    timeZone: z.string(),
    publish: z.boolean(),
    lastRunAt: ZIsoDateTime.nullable(),
    /** 0: no schedule saved yet (the defaults are shown). */
    version: z.number().int(),
  })
  .meta({ id: "StatusReportSchedule" });
export type TStatusReportSchedule = z.infer<typeof ZStatusReportSchedule>;

export const ZUpdateStatusReportScheduleRequest = z
  .object({
    /** The version read (0 when none was saved yet). */
    version: z.number().int().min(0),
    enabled: z.boolean(),
    weekday: z.number().int().min(1).max(7),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    timeZone: z.string().min(1).max(64),
    publish: z.boolean(),
  })
  .meta({ id: "UpdateStatusReportScheduleRequest" });
export type TUpdateStatusReportScheduleRequest = z.input<typeof ZUpdateStatusReportScheduleRequest>;
