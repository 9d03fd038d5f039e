import { defectKey, defectNextStatuses, requirementKey, testCaseKey, type DefectStatus } from "@jiaofu/engine";
import type { TDefect, TQualityGate, TTestCase } from "@jiaofu/contracts";
import type { DefectRow, GateRow, RequirementRef, TestCaseRow } from "./quality.repository";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const requirementOf = (r: RequirementRef | null) => (r ? { id: r.id, key: requirementKey(r.number), title: r.title } : null);

export function presentGate(row: GateRow): TQualityGate {
  return {
    id: row.id,
    projectId: row.projectId,
    phaseTaskId: row.phaseTaskId,
    name: row.name,
    status: row.status,
    waiverReason: row.waiverReason,
    decidedById: row.decidedById,
    decidedByName: row.decidedByName,
    decidedAt: iso(row.decidedAt),
    items: row.items.map((item) => ({
      id: item.id,
      position: item.position,
      text: item.text,
      done: item.done,
      evidence: item.evidence,
      checkedById: item.checkedById,
      checkedByName: item.checkedByName,
      checkedAt: iso(item.checkedAt),
      version: item.version,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentTestCase(row: TestCaseRow): TTestCase {
  return {
    id: row.id,
    projectId: row.projectId,
    number: row.number,
    key: testCaseKey(row.number),
    title: row.title,
    steps: row.steps,
    expected: row.expected,
    requirement: requirementOf(row.requirement),
    status: row.status,
    lastRunAt: iso(row.lastRunAt),
    lastRunById: row.lastRunById,
    lastRunByName: row.lastRunByName,
    openDefects: row.openDefects,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/**
 * A defect for a reader. `internal` false (a client contact): the assignee and the test case are the team's working
 * material and come back null, and there is no next status (a contact reads, the team moves the defect).
 */
export function presentDefect(row: DefectRow, internal: boolean): TDefect {
  return {
    id: row.id,
    projectId: row.projectId,
    number: row.number,
    key: defectKey(row.number),
    title: row.title,
    description: row.description,
    severity: row.severity,
    status: row.status,
    nextStatuses: internal ? [...defectNextStatuses(row.status as DefectStatus)] : [],
    requirement: requirementOf(row.requirement),
    testCase: internal && row.testCase ? { id: row.testCase.id, key: testCaseKey(row.testCase.number), title: row.testCase.title } : null,
    assigneeId: internal ? row.assigneeId : null,
    assigneeName: internal ? row.assigneeName : null,
    reportedById: row.reportedById,
    reportedByName: row.reportedByName,
    raisedByClient: row.raisedByClient,
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
