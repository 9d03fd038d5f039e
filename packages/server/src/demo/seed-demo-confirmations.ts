/**
 * The demo's client confirmations (docs/requirements.md, "Client confirmation"), written through the same repository
 * the API uses, as the client contact: they approved the requirements the demo shows as approved, and asked a
 * question about the audit search (REQ-4), which the manager answered in its thread, clarified and sent back — so it
 * awaits the client again, changed since they asked.
 */
import { eq } from "drizzle-orm";
import type { TLocale } from "@jiaofu/contracts";
import type { Tx } from "../db/database";
import { users } from "../db/schema";
import { createCommentsRepository } from "../modules/comments/comments.repository";
import { createRequirementConfirmationsRepository } from "../modules/requirements/requirement-confirmations.repository";
import { applyRequirementChange, type RequirementRecord } from "../modules/requirements/requirements.repository";
import type { EntityScope } from "../platform/entity-scope";
import { renderMarkdown } from "../platform/markdown";
import type { Actor } from "../platform/policy";

const HOUR_MS = 3_600_000;

type ClarificationText = { question: string; answer: string; description: string; criterion: string };

/** REQ-4's question and answer, and what the manager changed in answer to it (its description and second criterion). */
const CLARIFICATION: Record<TLocale, ClarificationText> = {
  "zh-CN": {
    question: "“导出需审批”是指每次导出都要审批吗？审计部日常抽查的导出量很大，能否只对涉及**高管或薪酬群组**的导出审批？",
    answer: "周经理您好，可以。我们改为：导出涉及高管或薪酬相关群组的聊天记录时需经信息化部经理审批，其他导出只记入审计日志。描述和验收标准已更新，请再确认。",
    description: "审计部可按人员、时间段和关键词检索归档的聊天记录；导出涉及高管或薪酬相关群组的检索结果需经信息化部经理审批，其他导出记入审计日志。",
    criterion: "涉及高管或薪酬群组的导出需审批，审批记录可追溯；其他导出记入审计日志",
  },
  en: {
    question: "Does “exports need an approval” mean every export? Internal Audit exports a lot in routine checks — could only exports touching **executive or payroll groups** need approval?",
    answer: "Hello Mr Zhou — yes. We changed it: exports touching executive or payroll groups need the IT Manager's approval; other exports are only written to the audit log. The description and criteria are updated, please confirm again.",
    description: "Internal Audit can search archived chat records by person, period and keyword; exporting results that touch executive or payroll groups needs the IT Manager's approval, other exports are written to the audit log.",
    criterion: "Exports touching executive or payroll groups need an approval, and approvals are traceable; other exports are written to the audit log",
  },
};

export type DemoConfirmationsInput = {
  pm: Actor;
  contactId: string;
  projectId: string;
  /** The main project's requirements, as seeded: awaiting the client where the demo shows them approved. */
  toApprove: RequirementRecord[];
  /** REQ-4, awaiting the client: the one the contact asks about. */
  toClarify: RequirementRecord;
};

/** The scope of a requirement's comment thread, as the requirement scope resolves it for its project. */
const threadOf = (requirement: RequirementRecord): EntityScope => ({
  entityType: "requirement",
  entityId: requirement.id,
  projectId: requirement.projectId,
  projectFacts: null,
  visible: true,
  allows: { read: true, comment: true, attach: true, "audit.read": false },
});

const hoursAfter = (date: Date, hours: number) => new Date(date.getTime() + hours * HOUR_MS);

export async function seedDemoConfirmations(tx: Tx, input: DemoConfirmationsInput): Promise<void> {
  const [contactRow] = await tx.select().from(users).where(eq(users.id, input.contactId));
  if (!contactRow) throw new Error("demo contact missing");
  const contact: Actor = {
    userId: contactRow.id,
    workspaceId: contactRow.workspaceId,
    role: contactRow.role,
    clientId: contactRow.clientId,
    name: contactRow.name,
    email: contactRow.email,
    locale: contactRow.locale,
  };
  const confirmations = createRequirementConfirmationsRepository(tx);
  const transition = (to: "approved" | "in_analysis" | "awaiting_client", reason: string | null) =>
    ({ action: "transition", set: { status: to, statusReason: reason }, automatic: false }) as const;
  const answer = async (requirement: RequirementRecord, decision: "approved" | "clarification_requested", comment: string, at: Date) => {
    const result = await confirmations.record(
      contact,
      {
        requirementId: requirement.id,
        projectId: input.projectId,
        seenVersion: requirement.version,
        decision,
        comment,
        step: transition(decision === "approved" ? "approved" : "in_analysis", comment || null),
        thread: decision === "clarification_requested" ? threadOf(requirement) : null,
      },
      at,
    );
    if (result.kind !== "ok") throw new Error("demo confirmation failed");
    return result.requirement;
  };

  // The contact read each one the day after it was sent, in the afternoon, and approved it.
  for (const requirement of input.toApprove) await answer(requirement, "approved", "", hoursAfter(requirement.updatedAt, 28));

  const text = CLARIFICATION[input.pm.locale];
  const asked = hoursAfter(input.toClarify.updatedAt, 28);
  const inAnalysis = await answer(input.toClarify, "clarification_requested", text.question, asked);
  const answered = hoursAfter(asked, 19);
  await createCommentsRepository(tx).create(input.pm, threadOf(inAnalysis), { body: text.answer, bodyHtml: renderMarkdown(text.answer) }, answered);
  const criteria = inAnalysis.acceptanceCriteria.map((c, i) => (i === 1 ? { id: c.id, text: text.criterion } : c));
  const edited = await applyRequirementChange(
    tx,
    input.pm,
    { id: inAnalysis.id, expectedVersion: inAnalysis.version, steps: [{ action: "update", set: { description: text.description, acceptanceCriteria: criteria } }] },
    hoursAfter(answered, 1),
  );
  await applyRequirementChange(tx, input.pm, { id: edited.id, expectedVersion: edited.version, steps: [transition("awaiting_client", null)] }, hoursAfter(answered, 4));
}
