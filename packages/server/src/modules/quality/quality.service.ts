/**
 * Quality checks (docs/monitoring.md, "Quality"): a gate per phase with its checklist and evidence, passed, waived
 * with a reason (managers) or reopened; test cases `TC-n` and their runs (a failed run may raise a defect at once);
 * defects `DEF-n` with their workflow; the weekly defect trend. The phase-close rule itself lives in
 * `phase-close-guard.ts`, called by every change of the plan. Every write runs in one transaction, is version-checked
 * (409 with the current record) and audited.
 */
import {
  DEFECT_SEVERITIES,
  defectIsOpen,
  defectStatusStamps,
  defectTransitionAllowed,
  defectTrend,
  qualityGateCanPass,
  qualityGateDefaultChecklist,
  timeDateInZone,
  type DefectStatus,
} from "@jiaofu/engine";
import type {
  TDecideQualityGateRequest,
  TDefectSeverity,
  TDefectStatus,
  TLocale,
  TQualityPhase,
  TTestRunResult,
} from "@jiaofu/contracts";
import type { AppDeps } from "../../app";
import type { Db, Tx } from "../../db/database";
import { AppError, fieldError, forbidden, notFound, versionConflict } from "../../platform/app-error";
import { recordAudit } from "../../platform/audit";
import { isUniqueViolation } from "../../platform/database-errors";
import { translate } from "../../platform/messages";
import { authorize, canQuality, defectVisibility, isStaff, type Actor, type QualityAction } from "../../platform/policy";
import { loadProjectAccess, requireProjectAccess, type ProjectAccess } from "../../platform/project-access";
import { presentDefect, presentGate, presentTestCase } from "./quality.presenter";
import { createQualityRepository, type DefectRecord, type GateRow, type QualityGateRecord } from "./quality.repository";

/** The zone a defect's raise and close days are taken in: the product's users work on China Standard Time. */
const TREND_TIME_ZONE = "Asia/Shanghai";

type Text = string | undefined;
export type CreateTestCaseInput = { title: string; steps?: Text; expected?: Text; requirementId?: string | null | undefined };
export type UpdateTestCaseInput = Partial<CreateTestCaseInput> & { version: number };
export type CreateDefectInput = {
  title: string;
  description?: Text;
  severity: TDefectSeverity;
  requirementId?: string | null | undefined;
  testCaseId?: string | null | undefined;
  assigneeId?: string | null | undefined;
};
export type UpdateDefectInput = Partial<CreateDefectInput> & { version: number; status?: TDefectStatus | undefined };

const gateFields = (g: QualityGateRecord) => ({ name: g.name, status: g.status, waiverReason: g.waiverReason, version: g.version });
const defectFields = (d: DefectRecord) => ({
  title: d.title,
  description: d.description,
  severity: d.severity,
  status: d.status,
  requirementId: d.requirementId,
  testCaseId: d.testCaseId,
  assigneeId: d.assigneeId,
  version: d.version,
});

export function createQualityService(deps: AppDeps) {
  const repo = createQualityRepository(deps.db);

  async function requireQuality(actor: Actor, projectId: string, action: QualityAction): Promise<ProjectAccess> {
    const access = await requireProjectAccess(deps.db, actor, projectId, "project.read");
    authorize(canQuality(actor, action, access.facts));
    return access;
  }

  /** The gate, if the actor reads quality on its project (404 otherwise); 403 when they may not do `action`. */
  async function requireGate(actor: Actor, id: string, action: QualityAction): Promise<{ gate: GateRow; access: ProjectAccess }> {
    const gate = await repo.gate(actor.workspaceId, id);
    const access = gate && (await loadProjectAccess(deps.db, actor, gate.projectId));
    if (!gate || !access || !canQuality(actor, "quality.read", access.facts)) throw notFound("quality.gate_not_found");
    authorize(canQuality(actor, action, access.facts));
    return { gate, access };
  }

  async function requireTestCase(actor: Actor, id: string, action: QualityAction) {
    const testCase = await repo.testCase(actor.workspaceId, id);
    const access = testCase && (await loadProjectAccess(deps.db, actor, testCase.projectId));
    if (!testCase || !access || !canQuality(actor, "quality.read", access.facts)) throw notFound("quality.test_case_not_found");
    authorize(canQuality(actor, action, access.facts));
    return { testCase, access };
  }

  /** The defect, if the actor sees it: the team every defect, a contact those raised by the client's side. */
  async function requireDefect(actor: Actor, id: string, action: QualityAction | null) {
    const defect = await repo.defect(actor.workspaceId, id);
    const access = defect && (await loadProjectAccess(deps.db, actor, defect.projectId));
    const visibility = access ? defectVisibility(actor, access.facts) : { kind: "none" as const };
    const visible = defect && (visibility.kind === "all" || (visibility.kind === "client_raised" && defect.raisedByClient));
    if (!defect || !access || !visible) throw notFound("quality.defect_not_found");
    if (action) authorize(canQuality(actor, action, access.facts));
    return { defect, access };
  }

  const gateById = async (db: Db | Tx, actor: Actor, id: string) => presentGate((await createQualityRepository(db).gate(actor.workspaceId, id)) as GateRow);
  const testCaseById = async (db: Db | Tx, actor: Actor, id: string) => {
    const row = await createQualityRepository(db).testCase(actor.workspaceId, id);
    if (!row) throw notFound("quality.test_case_not_found");
    return presentTestCase(row);
  };
  const defectById = async (db: Db | Tx, actor: Actor, id: string, internal: boolean) => {
    const row = await createQualityRepository(db).defect(actor.workspaceId, id);
    if (!row) throw notFound("quality.defect_not_found");
    return presentDefect(row, internal);
  };

  async function requireLinks(db: Db | Tx, projectId: string, input: { requirementId?: string | null | undefined; testCaseId?: string | null | undefined; assigneeId?: string | null | undefined }) {
    const r = createQualityRepository(db);
    if (input.requirementId && !(await r.requirementOf(projectId, input.requirementId))) throw fieldError("body.requirementId", "quality.requirement_not_found");
    if (input.testCaseId && !(await r.testCaseOf(projectId, input.testCaseId))) throw fieldError("body.testCaseId", "quality.test_case_not_in_project");
    if (input.assigneeId && !(await r.isProjectWorker(projectId, input.assigneeId))) throw fieldError("body.assigneeId", "quality.assignee_not_team");
  }

  /** Runs `write` on the gate locked, if it is still at `version`; 409 with the gate as it is now otherwise. */
  async function writeGate(actor: Actor, gate: GateRow, version: number, write: (tx: Tx, locked: QualityGateRecord) => Promise<void>) {
    if (gate.version !== version) throw versionConflict(presentGate(gate));
    const stale = await deps.db.transaction(async (tx) => {
      const locked = await createQualityRepository(tx).lockGate(gate.id);
      if (!locked || locked.version !== version) return true;
      await write(tx, locked);
      return false;
    });
    if (stale) throw versionConflict(await gateById(deps.db, actor, gate.id));
    return gateById(deps.db, actor, gate.id);
  }

  async function insertDefect(tx: Tx, actor: Actor, projectId: string, input: CreateDefectInput) {
    const now = deps.now();
    const row = await createQualityRepository(tx).insertDefect({
      workspaceId: actor.workspaceId,
      projectId,
      title: input.title,
      description: input.description ?? "",
      severity: input.severity,
      requirementId: input.requirementId ?? null,
      testCaseId: input.testCaseId ?? null,
      assigneeId: input.assigneeId ?? null,
      reportedById: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, actor.workspaceId, { entityType: "defect", entityId: row.id, projectId, action: "create", after: defectFields(row) });
    return row;
  }

  return {
    /** The plan's phases, each with its gate (null: none yet). */
    listGates: async (actor: Actor, projectId: string): Promise<{ phases: TQualityPhase[] }> => {
      await requireQuality(actor, projectId, "quality.read");
      const [phases, gates] = await Promise.all([repo.phases(projectId), repo.gatesOfProject(projectId)]);
      const byPhase = new Map(gates.map((g) => [g.phaseTaskId, g]));
      return {
        phases: phases.map((p) => {
          const gate = byPhase.get(p.id);
          return { taskId: p.id, wbsCode: p.wbsCode, name: p.name, percentComplete: p.percentComplete ?? 0, gate: gate ? presentGate(gate) : null };
        }),
      };
    },

    /** A gate for a phase, with the given checklist or the default one for the phase's kind (in the request's language). */
    createGate: async (actor: Actor, projectId: string, input: { phaseTaskId: string; name?: Text; items?: string[] | undefined }, locale: TLocale) => {
      const { project } = await requireQuality(actor, projectId, "quality.write");
      const phase = await repo.phase(projectId, input.phaseTaskId);
      if (!phase) throw fieldError("body.phaseTaskId", "quality.phase_not_found");
      if (await repo.gateOfPhase(phase.id)) throw new AppError("conflict", "quality.gate_exists");
      const now = deps.now();
      let gateId: string;
      try {
        gateId = await deps.db.transaction(async (tx) => {
          const gate = await createQualityRepository(tx).insertGate(
            {
              workspaceId: project.workspaceId,
              projectId,
              phaseTaskId: phase.id,
              name: input.name ?? translate(locale, "quality.gate_default_name", { phase: phase.name }),
              createdAt: now,
              updatedAt: now,
            },
            input.items ?? qualityGateDefaultChecklist(phase.name, locale),
          );
          await recordAudit(tx, actor, project.workspaceId, { entityType: "quality_gate", entityId: gate.id, projectId, action: "create", after: { ...gateFields(gate), phaseTaskId: phase.id } });
          return gate.id;
        });
      } catch (error) {
        if (isUniqueViolation(error, "quality_gates_phase_uq")) throw new AppError("conflict", "quality.gate_exists");
        throw error;
      }
      return gateById(deps.db, actor, gateId);
    },

    addGateItem: async (actor: Actor, gateId: string, text: string) => {
      const { gate } = await requireGate(actor, gateId, "quality.write");
      return writeGate(actor, gate, gate.version, async (tx, locked) => {
        if (locked.status !== "open") throw new AppError("conflict", "quality.gate_not_open");
        await createQualityRepository(tx).insertGateItem(locked, text);
        await createQualityRepository(tx).touchGate(locked.id, {}, deps.now());
        await recordAudit(tx, actor, locked.workspaceId, { entityType: "quality_gate", entityId: locked.id, projectId: locked.projectId, action: "item.add", after: { text } });
      });
    },

    /** Ticks or unticks an item and records its evidence (version of the item); the gate must be open. */
    updateGateItem: async (actor: Actor, gateId: string, itemId: string, input: { version: number; done?: boolean | undefined; evidence?: Text; text?: Text }) => {
      const { gate } = await requireGate(actor, gateId, "quality.write");
      const item = gate.items.find((i) => i.id === itemId);
      if (!item) throw notFound("quality.gate_item_not_found");
      if (item.version !== input.version) throw versionConflict(presentGate(gate));
      return writeGate(actor, gate, gate.version, async (tx, locked) => {
        if (locked.status !== "open") throw new AppError("conflict", "quality.gate_not_open");
        const r = createQualityRepository(tx);
        const current = await r.gateItem(locked.id, itemId);
        if (!current) throw notFound("quality.gate_item_not_found");
        const now = deps.now();
        const values: Parameters<typeof r.updateGateItem>[2] = {};
        if (input.text !== undefined) values.text = input.text;
        if (input.evidence !== undefined) values.evidence = input.evidence;
        if (input.done !== undefined && input.done !== current.done) {
          values.done = input.done;
          values.checkedById = input.done ? actor.userId : null;
          values.checkedAt = input.done ? now : null;
        }
        const updated = await r.updateGateItem(itemId, input.version, values);
        if (!updated) throw versionConflict(await gateById(tx, actor, locked.id));
        await r.touchGate(locked.id, {}, now);
        await recordAudit(tx, actor, locked.workspaceId, {
          entityType: "quality_gate",
          entityId: locked.id,
          projectId: locked.projectId,
          action: "item.update",
          before: { itemId, text: current.text, done: current.done, evidence: current.evidence },
          after: { itemId, text: updated.text, done: updated.done, evidence: updated.evidence },
        });
      });
    },

    /** Pass (every item done), waive (managers; a reason is required) or reopen the gate. */
    decideGate: async (actor: Actor, gateId: string, input: TDecideQualityGateRequest) => {
      const { gate, access } = await requireGate(actor, gateId, "quality.write");
      const reason = input.reason?.trim() ?? "";
      if (input.decision === "waive") {
        authorize(canQuality(actor, "quality.waive", access.facts));
        if (reason === "") throw fieldError("body.reason", "quality.waiver_reason_required");
      }
      return writeGate(actor, gate, input.version, async (tx, locked) => {
        const r = createQualityRepository(tx);
        const now = deps.now();
        if (input.decision === "reopen") {
          if (locked.status === "open") return;
          await r.touchGate(locked.id, { status: "open", waiverReason: "", decidedById: null, decidedAt: null }, now);
        } else {
          if (locked.status !== "open") throw new AppError("conflict", "quality.gate_not_open");
          if (input.decision === "pass") {
            const items = (await r.gate(actor.workspaceId, locked.id))?.items ?? [];
            if (!qualityGateCanPass(items)) throw new AppError("conflict", "quality.gate_items_open", { open: items.filter((i) => !i.done).length });
          }
          await r.touchGate(locked.id, { status: input.decision === "pass" ? "passed" : "waived", waiverReason: input.decision === "waive" ? reason : "", decidedById: actor.userId, decidedAt: now }, now);
        }
        await recordAudit(tx, actor, locked.workspaceId, { entityType: "quality_gate", entityId: locked.id, projectId: locked.projectId, action: `decision.${input.decision}`, before: gateFields(locked), after: { decision: input.decision, reason } });
      });
    },

    listTestCases: async (actor: Actor, projectId: string) => {
      await requireQuality(actor, projectId, "quality.read");
      return { items: (await repo.testCases(projectId)).map(presentTestCase) };
    },

    createTestCase: async (actor: Actor, projectId: string, input: CreateTestCaseInput) => {
      const { project } = await requireQuality(actor, projectId, "quality.write");
      await requireLinks(deps.db, projectId, { requirementId: input.requirementId });
      const id = await deps.db.transaction(async (tx) => {
        const now = deps.now();
        const row = await createQualityRepository(tx).insertTestCase({
          workspaceId: project.workspaceId,
          projectId,
          title: input.title,
          steps: input.steps ?? "",
          expected: input.expected ?? "",
          requirementId: input.requirementId ?? null,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, actor, project.workspaceId, { entityType: "test_case", entityId: row.id, projectId, action: "create", after: { title: row.title, requirementId: row.requirementId } });
        return row.id;
      });
      return testCaseById(deps.db, actor, id);
    },

    updateTestCase: async (actor: Actor, id: string, input: UpdateTestCaseInput) => {
      const { testCase } = await requireTestCase(actor, id, "quality.write");
      if (testCase.version !== input.version) throw versionConflict(presentTestCase(testCase));
      await requireLinks(deps.db, testCase.projectId, { requirementId: input.requirementId });
      const values: Parameters<ReturnType<typeof createQualityRepository>["updateTestCase"]>[2] = {};
      if (input.title !== undefined) values.title = input.title;
      if (input.steps !== undefined) values.steps = input.steps;
      if (input.expected !== undefined) values.expected = input.expected;
      if (input.requirementId !== undefined) values.requirementId = input.requirementId;
      const saved = await deps.db.transaction(async (tx) => {
        const row = await createQualityRepository(tx).updateTestCase(id, input.version, values, deps.now());
        if (!row) return false;
        await recordAudit(tx, actor, row.workspaceId, { entityType: "test_case", entityId: id, projectId: row.projectId, action: "update", before: { title: testCase.title, steps: testCase.steps, expected: testCase.expected, requirementId: testCase.requirementId }, after: values });
        return true;
      });
      if (!saved) throw versionConflict(await testCaseById(deps.db, actor, id));
      return testCaseById(deps.db, actor, id);
    },

    deleteTestCase: async (actor: Actor, id: string, version: number) => {
      const { testCase } = await requireTestCase(actor, id, "defects.delete");
      if (testCase.version !== version) throw versionConflict(presentTestCase(testCase));
      const deleted = await deps.db.transaction(async (tx) => {
        const locked = await createQualityRepository(tx).lockTestCase(id);
        if (!locked || locked.version !== version) return false;
        await createQualityRepository(tx).deleteTestCase(id);
        await recordAudit(tx, actor, locked.workspaceId, { entityType: "test_case", entityId: id, projectId: locked.projectId, action: "delete", before: { title: locked.title, number: locked.number } });
        return true;
      });
      if (!deleted) throw versionConflict(await testCaseById(deps.db, actor, id));
    },

    /** Records a run's result; a failed run may raise a defect linked to the test case and its requirement. */
    recordRun: async (actor: Actor, id: string, input: { version: number; result: TTestRunResult; defect?: { title: string; severity: TDefectSeverity; description?: Text } | undefined }) => {
      const { testCase } = await requireTestCase(actor, id, "quality.write");
      if (input.defect && input.result !== "failed") throw fieldError("body.defect", "quality.defect_needs_failed_run");
      if (testCase.version !== input.version) throw versionConflict(presentTestCase(testCase));
      const outcome = await deps.db.transaction(async (tx) => {
        const now = deps.now();
        const row = await createQualityRepository(tx).updateTestCase(id, input.version, { status: input.result, lastRunAt: now, lastRunById: actor.userId }, now);
        if (!row) return null;
        await recordAudit(tx, actor, row.workspaceId, { entityType: "test_case", entityId: id, projectId: row.projectId, action: "run", before: { status: testCase.status }, after: { status: input.result } });
        const defect = input.defect
          ? await insertDefect(tx, actor, row.projectId, { ...input.defect, testCaseId: id, requirementId: row.requirementId })
          : null;
        return { defectId: defect?.id ?? null };
      });
      if (!outcome) throw versionConflict(await testCaseById(deps.db, actor, id));
      return {
        testCase: await testCaseById(deps.db, actor, id),
        defect: outcome.defectId ? await defectById(deps.db, actor, outcome.defectId, true) : null,
      };
    },

    listDefects: async (actor: Actor, projectId: string, filters: { severity?: TDefectSeverity | undefined; status?: TDefectStatus | undefined; testCaseId?: string | undefined }) => {
      const { facts } = await requireProjectAccess(deps.db, actor, projectId, "project.read");
      const visibility = defectVisibility(actor, facts);
      authorize(visibility.kind !== "none");
      const internal = visibility.kind === "all";
      return { items: (await repo.defects(projectId, visibility, filters)).map((row) => presentDefect(row, internal)) };
    },

    getDefect: async (actor: Actor, id: string) => {
      const { defect, access } = await requireDefect(actor, id, null);
      return presentDefect(defect, canQuality(actor, "quality.read", access.facts));
    },

    /** A new defect `DEF-n`, open. A contact raises one with a title, description, severity and requirement only. */
    createDefect: async (actor: Actor, projectId: string, input: CreateDefectInput) => {
      const access = await requireQuality(actor, projectId, "defects.raise");
      const internal = canQuality(actor, "quality.read", access.facts);
      if (!isStaff(actor) && (input.testCaseId || input.assigneeId)) throw forbidden();
      await requireLinks(deps.db, projectId, input);
      const row = await deps.db.transaction((tx) => insertDefect(tx, actor, projectId, input));
      return defectById(deps.db, actor, row.id, internal);
    },

    /** Edits a defect and moves it along its workflow (open → in progress → resolved → closed; rejected; reopen). */
    updateDefect: async (actor: Actor, id: string, input: UpdateDefectInput) => {
      const { defect } = await requireDefect(actor, id, "quality.write");
      if (defect.version !== input.version) throw versionConflict(presentDefect(defect, true));
      if (input.status !== undefined && !defectTransitionAllowed(defect.status as DefectStatus, input.status)) {
        throw new AppError("conflict", "quality.defect_transition", { from: defect.status, to: input.status });
      }
      await requireLinks(deps.db, defect.projectId, input);
      const now = deps.now();
      const values: Parameters<ReturnType<typeof createQualityRepository>["updateDefect"]>[2] = {};
      if (input.title !== undefined) values.title = input.title;
      if (input.description !== undefined) values.description = input.description;
      if (input.severity !== undefined) values.severity = input.severity;
      if (input.requirementId !== undefined) values.requirementId = input.requirementId;
      if (input.testCaseId !== undefined) values.testCaseId = input.testCaseId;
      if (input.assigneeId !== undefined) values.assigneeId = input.assigneeId;
      if (input.status !== undefined && input.status !== defect.status) {
        values.status = input.status;
        Object.assign(values, defectStatusStamps(input.status, defect, now));
      }
      const saved = await deps.db.transaction(async (tx) => {
        const row = await createQualityRepository(tx).updateDefect(id, input.version, values, now);
        if (!row) return false;
        await recordAudit(tx, actor, row.workspaceId, { entityType: "defect", entityId: id, projectId: row.projectId, action: "update", before: defectFields(defect), after: defectFields(row) });
        return true;
      });
      if (!saved) throw versionConflict(await defectById(deps.db, actor, id, true));
      return defectById(deps.db, actor, id, true);
    },

    deleteDefect: async (actor: Actor, id: string, version: number) => {
      const { defect } = await requireDefect(actor, id, "defects.delete");
      if (defect.version !== version) throw versionConflict(presentDefect(defect, true));
      const deleted = await deps.db.transaction(async (tx) => {
        const locked = await createQualityRepository(tx).lockDefect(id);
        if (!locked || locked.version !== version) return false;
        await createQualityRepository(tx).deleteDefect(id);
        await recordAudit(tx, actor, locked.workspaceId, { entityType: "defect", entityId: id, projectId: locked.projectId, action: "delete", before: defectFields(locked) });
        return true;
      });
      if (!deleted) throw versionConflict(await defectById(deps.db, actor, id, true));
    },

    /** Opened, closed (closed or rejected) and open defects per Monday week, and the open ones by severity now. */
    defectTrend: async (actor: Actor, projectId: string, weeks: number) => {
      await requireQuality(actor, projectId, "quality.read");
      const rows = await repo.defectDates(projectId);
      const day = (at: Date) => timeDateInZone(at, TREND_TIME_ZONE);
      const openBySeverity = Object.fromEntries(DEFECT_SEVERITIES.map((s) => [s, 0])) as Record<TDefectSeverity, number>;
      for (const row of rows) if (defectIsOpen(row.status as DefectStatus)) openBySeverity[row.severity] += 1;
      return {
        weeks: defectTrend(
          rows.map((r) => ({ openedOn: day(r.createdAt), closedOn: r.closedAt ? day(r.closedAt) : null })),
          day(deps.now()),
          weeks,
        ),
        openBySeverity,
      };
    },
  };
}
