/**
 * Quality checks (docs/monitoring.md, "Quality"): the keys of test cases and defects, the defect workflow, the
 * default checklist of a phase's quality gate, and the weekly defect trend. Pure: the caller passes dates in.
 */
import { timeAddDays, timeWeekStart } from "../time/time-week";

/** `TC-3`: a project's third test case. */
export const testCaseKey = (number: number): string => `TC-${number}`;
/** `DEF-3`: a project's third defect. */
export const defectKey = (number: number): string => `DEF-${number}`;

export const DEFECT_SEVERITIES = ["critical", "major", "minor", "trivial"] as const;
export type DefectSeverity = (typeof DEFECT_SEVERITIES)[number];
export const DEFECT_STATUSES = ["open", "in_progress", "resolved", "closed", "rejected"] as const;
export type DefectStatus = (typeof DEFECT_STATUSES)[number];
export const TEST_RUN_RESULTS = ["passed", "failed", "blocked"] as const;
export type TestRunResult = (typeof TEST_RUN_RESULTS)[number];

/**
 * Where a defect may go from each status: open → in progress → resolved → closed; open, in progress and resolved
 * may be rejected (not a defect, a duplicate); resolved, closed and rejected may be reopened (back to open);
 * resolved may go back to in progress when the fix does not hold.
 */
const DEFECT_TRANSITIONS: Record<DefectStatus, readonly DefectStatus[]> = {
  open: ["in_progress", "resolved", "rejected"],
  in_progress: ["open", "resolved", "rejected"],
  resolved: ["in_progress", "closed", "open", "rejected"],
  closed: ["open"],
  rejected: ["open"],
};

/** Whether a defect may move from `from` to `to` (staying put is always allowed). */
export function defectTransitionAllowed(from: DefectStatus, to: DefectStatus): boolean {
  return from === to || DEFECT_TRANSITIONS[from].includes(to);
}

/** The statuses a defect in `from` may move to, in workflow order. */
export const defectNextStatuses = (from: DefectStatus): readonly DefectStatus[] => DEFECT_TRANSITIONS[from];

/** Whether a defect in `status` still needs work (it counts as open in the trend). */
export const defectIsOpen = (status: DefectStatus): boolean => status === "open" || status === "in_progress" || status === "resolved";

/**
 * The dates a status change stamps: resolving stamps `resolvedAt`; closing or rejecting stamps `closedAt` (the
 * defect leaves the open count); reopening clears both.
 */
export function defectStatusStamps(
  to: DefectStatus,
  current: { resolvedAt: Date | null; closedAt: Date | null },
  now: Date,
): { resolvedAt: Date | null; closedAt: Date | null } {
  switch (to) {
    case "open":
    case "in_progress":
      return { resolvedAt: null, closedAt: null };
    case "resolved":
      return { resolvedAt: current.resolvedAt ?? now, closedAt: null };
    case "closed":
    case "rejected":
      return { resolvedAt: current.resolvedAt, closedAt: current.closedAt ?? now };
  }
}

/** One defect as the trend sees it: the day it was raised and the day it was closed or rejected (null: still open). */
export type DefectTrendInput = { openedOn: string; closedOn: string | null };
/** One Monday week of the trend: raised in the week, closed in the week, and open at the week's end (Sunday). */
export type DefectTrendWeek = { weekStart: string; opened: number; closed: number; open: number };

/**
 * The defect trend over the `weeks` Monday weeks ending with the week of `today`.
 *
 * @example
 * // Raised Mon 3 Mar and Wed 12 Mar, the first closed Thu 13 Mar 2025:
 * defectTrend([{ openedOn: "2025-03-03", closedOn: "2025-03-13" }, { openedOn: "2025-03-12", closedOn: null }], "2025-03-14", 2);
 * // [{ weekStart: "2025-03-03", opened: 1, closed: 0, open: 1 }, { weekStart: "2025-03-10", opened: 1, closed: 1, open: 1 }]
 */
export function defectTrend(defects: readonly DefectTrendInput[], today: string, weeks: number): DefectTrendWeek[] {
  const lastWeek = timeWeekStart(today);
  const result: DefectTrendWeek[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const weekStart = timeAddDays(lastWeek, -7 * i);
    const weekEnd = timeAddDays(weekStart, 6);
    let opened = 0;
    let closed = 0;
    let open = 0;
    for (const d of defects) {
      if (d.openedOn >= weekStart && d.openedOn <= weekEnd) opened++;
      if (d.closedOn !== null && d.closedOn >= weekStart && d.closedOn <= weekEnd) closed++;
      if (d.openedOn <= weekEnd && (d.closedOn === null || d.closedOn > weekEnd)) open++;
    }
    result.push({ weekStart, opened, closed, open });
  }
  return result;
}

/** Which checklist a phase's gate starts with, from the phase's name. */
export type QualityGateKind = "requirements" | "design" | "build" | "test" | "deploy" | "generic";

const KIND_WORDS: readonly [QualityGateKind, RegExp][] = [
  ["requirements", /requirement|scope|analysis|discovery|需求|调研|范围|分析/i],
  ["design", /design|architecture|设计|架构|方案/i],
  ["test", /test|qa|uat|acceptance|verification|测试|验收|验证/i],
  ["deploy", /deploy|release|go-live|go live|launch|rollout|cutover|上线|部署|发布|切换|交付/i],
  ["build", /build|develop|implement|config|integration|开发|实施|配置|集成|构建/i],
];

/** The kind of checklist that fits a phase called `name` (generic when no word matches). */
export function qualityGateKindOf(name: string): QualityGateKind {
  for (const [kind, words] of KIND_WORDS) if (words.test(name)) return kind;
  return "generic";
}

type Bilingual = { en: string; "zh-CN": string };

const CHECKLISTS: Record<QualityGateKind, readonly Bilingual[]> = {
  requirements: [
    { en: "Requirements reviewed and confirmed by the client", "zh-CN": "需求已评审并经客户确认" },
    { en: "Scope baseline saved", "zh-CN": "范围基线已保存" },
    { en: "Acceptance criteria written for every requirement", "zh-CN": "每条需求均已编写验收标准" },
    { en: "Open questions resolved or logged as risks", "zh-CN": "待定问题已解决或登记为风险" },
  ],
  design: [
    { en: "Solution design reviewed", "zh-CN": "解决方案设计已评审" },
    { en: "Every requirement traced to the design", "zh-CN": "每条需求均可追溯到设计" },
    { en: "Security and data protection checked", "zh-CN": "已检查安全与数据保护" },
    { en: "Design signed off by the client", "zh-CN": "设计已获客户签字确认" },
  ],
  build: [
    { en: "Code or configuration reviewed", "zh-CN": "代码或配置已评审" },
    { en: "Unit and integration tests pass", "zh-CN": "单元测试和集成测试通过" },
    { en: "No open critical or major defects", "zh-CN": "无未关闭的致命或严重缺陷" },
    { en: "Documentation updated", "zh-CN": "文档已更新" },
  ],
  test: [
    { en: "Test cases cover every requirement", "zh-CN": "测试用例覆盖全部需求" },
    { en: "All test cases run; failures have defects", "zh-CN": "全部测试用例已执行，失败项已登记缺陷" },
    { en: "No open critical or major defects", "zh-CN": "无未关闭的致命或严重缺陷" },
    { en: "User acceptance signed by the client", "zh-CN": "客户已签署用户验收" },
  ],
  deploy: [
    { en: "Deployment checklist rehearsed", "zh-CN": "部署检查单已演练" },
    { en: "Rollback plan ready", "zh-CN": "回滚方案已就绪" },
    { en: "Data migration verified", "zh-CN": "数据迁移已验证" },
    { en: "Go-live approved by the client", "zh-CN": "上线已获客户批准" },
  ],
  generic: [
    { en: "Deliverables of the phase complete", "zh-CN": "本阶段交付物已完成" },
    { en: "Deliverables reviewed", "zh-CN": "交付物已评审" },
    { en: "Open issues and risks recorded", "zh-CN": "遗留问题和风险已记录" },
    { en: "Phase signed off", "zh-CN": "阶段已签字确认" },
  ],
};

/** The default checklist of a gate for a phase called `name`, in `locale`. */
export function qualityGateDefaultChecklist(name: string, locale: "en" | "zh-CN"): string[] {
  return CHECKLISTS[qualityGateKindOf(name)].map((item) => item[locale]);
}

/** A gate can be passed when it has at least one item and every item is done. */
export const qualityGateCanPass = (items: readonly { done: boolean }[]): boolean => items.length > 0 && items.every((i) => i.done);
