import { z } from "zod";
import { DEFECT_SEVERITIES, DEFECT_STATUSES, TEST_RUN_RESULTS } from "@jiaofu/engine";
import { ZId, ZIsoDate, ZIsoDateTime, ZVersioned } from "./common";

/**
 * Quality checks (docs/monitoring.md, "Quality"): a quality gate per phase (a checklist with evidence; a phase cannot
 * be closed while its gate is open unless the gate is waived with a reason), test cases `TC-n` with their last run,
 * defects `DEF-n` with severity and workflow, and the weekly defect trend.
 */
export { DEFECT_SEVERITIES, DEFECT_STATUSES, TEST_RUN_RESULTS };
export const ZDefectSeverity = z.enum(DEFECT_SEVERITIES);
export const ZDefectStatus = z.enum(DEFECT_STATUSES);
export const ZTestRunResult = z.enum(TEST_RUN_RESULTS);
export const ZTestCaseStatus = z.enum(["not_run", ...TEST_RUN_RESULTS]);
export const ZQualityGateStatus = z.enum(["open", "passed", "waived"]);
export type TDefectSeverity = z.infer<typeof ZDefectSeverity>;
export type TDefectStatus = z.infer<typeof ZDefectStatus>;
export type TTestRunResult = z.infer<typeof ZTestRunResult>;
export type TTestCaseStatus = z.infer<typeof ZTestCaseStatus>;
export type TQualityGateStatus = z.infer<typeof ZQualityGateStatus>;

const ZTitle = z.string().trim().min(1).max(200);
const ZLongText = z.string().max(20_000);
const ZChecklistText = z.string().trim().min(1).max(500);
/** Evidence for a checklist item: a note or a link (files go through the gate's attachments). */
const ZEvidence = z.string().trim().max(2000);

/** A requirement as a quality record names it. */
export const ZQualityRequirementRef = z.object({ id: ZId, key: z.string(), title: z.string() });

export const ZQualityGateItem = z.object({
  id: ZId,
  position: z.number().int(),
  text: z.string(),
  done: z.boolean(),
  evidence: z.string(),
  checkedById: ZId.nullable(),
  checkedByName: z.string().nullable(),
  checkedAt: ZIsoDateTime.nullable(),
  version: z.number().int(),
});

export const ZQualityGate = z.object({
  id: ZId,
  projectId: ZId,
  phaseTaskId: ZId,
  name: z.string(),
  status: ZQualityGateStatus,
  waiverReason: z.string(),
  decidedById: ZId.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: ZIsoDateTime.nullable(),
  items: z.array(ZQualityGateItem),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  version: z.number().int(),
});
export type TQualityGate = z.output<typeof ZQualityGate>;

/** A phase of the plan (a top-level task) and its gate, if it has one. */
export const ZQualityPhase = z.object({
  taskId: ZId,
  wbsCode: z.string(),
  name: z.string(),
  /** The phase's progress by effort, 0–100. */
  percentComplete: z.number(),
  gate: ZQualityGate.nullable(),
});
export const ZQualityGates = z.object({ phases: z.array(ZQualityPhase) });
export type TQualityPhase = z.output<typeof ZQualityPhase>;

export const ZCreateQualityGateRequest = z.object({
  phaseTaskId: ZId,
  /** Default: "Quality gate: <phase>" in the caller's language. */
  name: ZTitle.optional(),
  /** Default: the checklist that fits the phase's name (requirements, design, build, test, deploy or generic). */
  items: z.array(ZChecklistText).min(1).max(50).optional(),
});

export const ZUpdateQualityGateItemRequest = ZVersioned.extend({
  done: z.boolean().optional(),
  evidence: ZEvidence.optional(),
  text: ZChecklistText.optional(),
});

export const ZAddQualityGateItemRequest = z.object({ text: ZChecklistText });

/** pass: every item done; waive: a manager lets the phase close with the gate unmet, saying why; reopen: back to open. */
export const ZDecideQualityGateRequest = ZVersioned.extend({
  decision: z.enum(["pass", "waive", "reopen"]),
  reason: z.string().trim().max(2000).optional(),
});
export type TDecideQualityGateRequest = z.input<typeof ZDecideQualityGateRequest>;

export const ZQualityGateItemParams = z.object({ id: ZId, itemId: ZId });

export const ZTestCase = z.object({
  id: ZId,
  projectId: ZId,
  number: z.number().int(),
  /** `TC-<number>`. */
  key: z.string(),
  title: z.string(),
  steps: z.string(),
  expected: z.string(),
  requirement: ZQualityRequirementRef.nullable(),
  status: ZTestCaseStatus,
  lastRunAt: ZIsoDateTime.nullable(),
  lastRunById: ZId.nullable(),
  lastRunByName: z.string().nullable(),
  /** Defects raised against this test case that are still open. */
  openDefects: z.number().int(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  version: z.number().int(),
});
export type TTestCase = z.output<typeof ZTestCase>;
export const ZTestCaseList = z.object({ items: z.array(ZTestCase) });

export const ZCreateTestCaseRequest = z.object({
  title: ZTitle,
  steps: ZLongText.optional(),
  expected: ZLongText.optional(),
  requirementId: ZId.nullable().optional(),
});
export const ZUpdateTestCaseRequest = ZVersioned.extend({
  title: ZTitle.optional(),
  steps: ZLongText.optional(),
  expected: ZLongText.optional(),
  requirementId: ZId.nullable().optional(),
});
export const ZDeleteQualityRecordQuery = z.object({ version: z.coerce.number().int().positive() });

/** A run's result; a failed run may raise a defect linked to the test case (and its requirement) at once. */
export const ZRecordTestRunRequest = ZVersioned.extend({
  result: ZTestRunResult,
  defect: z.object({ title: ZTitle, severity: ZDefectSeverity, description: ZLongText.optional() }).optional(),
});

export const ZDefect = z.object({
  id: ZId,
  projectId: ZId,
  number: z.number().int(),
  /** `DEF-<number>`. */
  key: z.string(),
  title: z.string(),
  description: z.string(),
  severity: ZDefectSeverity,
  status: ZDefectStatus,
  /** Where the status may go next (empty for a reader who may not change it). */
  nextStatuses: z.array(ZDefectStatus),
  requirement: ZQualityRequirementRef.nullable(),
  /** Null for client contacts: the team's test material. */
  testCase: z.object({ id: ZId, key: z.string(), title: z.string() }).nullable(),
  /** Null for client contacts. */
  assigneeId: ZId.nullable(),
  assigneeName: z.string().nullable(),
  reportedById: ZId.nullable(),
  reportedByName: z.string().nullable(),
  /** Raised by a contact of the client (shown in the portal). */
  raisedByClient: z.boolean(),
  resolvedAt: ZIsoDateTime.nullable(),
  closedAt: ZIsoDateTime.nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  version: z.number().int(),
});
export type TDefect = z.output<typeof ZDefect>;

export const ZListDefectsQuery = z.object({
  severity: ZDefectSeverity.optional(),
  status: ZDefectStatus.optional(),
  testCaseId: ZId.optional(),
});
export const ZDefectList = z.object({ items: z.array(ZDefect) });

export const ZCreateDefectRequest = z.object({
  title: ZTitle,
  description: ZLongText.optional(),
  severity: ZDefectSeverity,
  requirementId: ZId.nullable().optional(),
  /** Team only. */
  testCaseId: ZId.nullable().optional(),
  /** Team only: a manager or member of the project. */
  assigneeId: ZId.nullable().optional(),
});
export const ZUpdateDefectRequest = ZVersioned.extend({
  title: ZTitle.optional(),
  description: ZLongText.optional(),
  severity: ZDefectSeverity.optional(),
  status: ZDefectStatus.optional(),
  requirementId: ZId.nullable().optional(),
  testCaseId: ZId.nullable().optional(),
  assigneeId: ZId.nullable().optional(),
});

export const ZTestRunOutcome = z.object({ testCase: ZTestCase, defect: ZDefect.nullable() });

export const ZDefectTrendQuery = z.object({ weeks: z.coerce.number().int().min(1).max(52).default(12) });
export const ZDefectTrend = z.object({
  weeks: z.array(z.object({ weekStart: ZIsoDate, opened: z.number().int(), closed: z.number().int(), open: z.number().int() })),
  /** Open defects now, by severity. */
  openBySeverity: z.record(ZDefectSeverity, z.number().int()),
});
