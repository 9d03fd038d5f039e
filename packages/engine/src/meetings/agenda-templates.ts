/**
 * The agenda a new meeting starts with, per kind and language: markdown headings with the points a seasoned
 * delivery manager covers, and prompts (in list items) the organiser replaces with the meeting's own content.
 */
import type { MeetingKind } from "./meeting-kinds";

export type AgendaLocale = "zh-CN" | "en";

const TEMPLATES: Record<MeetingKind, Record<AgendaLocale, string>> = {
  kickoff: {
    en: `## 1. Introductions and roles (10 min)
- Who is who: sponsor, project manager, key users, delivery team
- Decision makers and escalation path on both sides

## 2. Goals and success criteria (15 min)
- Business goals the project serves
- How we will know it worked (measurable acceptance criteria)

## 3. Scope (15 min)
- In scope / out of scope
- Assumptions and dependencies on the client (data, environments, people)

## 4. Plan and milestones (15 min)
- Phases, key milestones and the go-live date
- What the client must deliver, and by when

## 5. Ways of working (10 min)
- Meeting rhythm (weekly status, client reviews), reporting, tools
- Change requests: how they are raised and approved

## 6. Risks and open questions (10 min)

## 7. Next steps and action items (5 min)
`,
    "zh-CN": `## 1. 介绍与角色（10 分钟）
- 双方人员：项目发起人、项目经理、关键用户、交付团队
- 双方的决策人与升级路径

## 2. 目标与成功标准（15 分钟）
- 项目服务的业务目标
- 如何判断项目成功（可衡量的验收标准）

## 3. 范围（15 分钟）
- 范围内 / 范围外
- 假设条件与对客户的依赖（数据、环境、人员）

## 4. 计划与里程碑（15 分钟）
- 阶段划分、关键里程碑与上线日期
- 客户需要提供的内容及时间

## 5. 协作方式（10 分钟）
- 会议节奏（周例会、客户评审）、汇报方式、工具
- 变更请求：如何提出、如何审批

## 6. 风险与待决问题（10 分钟）

## 7. 下一步与行动项（5 分钟）
`,
  },
  weekly_status: {
    en: `## 1. Action items from last week (5 min)
- Done / not done, and why

## 2. Progress against the plan (10 min)
- Completed this week
- Planned for next week
- Milestones: on track or slipping (by how much)

## 3. Issues and blockers (10 min)
- What is blocked, who can unblock it, by when

## 4. Risks (5 min)
- New risks, changed ratings, triggers that fired

## 5. Scope and change requests (5 min)

## 6. Action items and decisions (5 min)
`,
    "zh-CN": `## 1. 上周行动项回顾（5 分钟）
- 已完成 / 未完成及原因

## 2. 计划进展（10 分钟）
- 本周完成
- 下周计划
- 里程碑：按计划还是延误（延误多少）

## 3. 问题与阻碍（10 分钟）
- 哪些工作受阻、谁能解决、何时解决

## 4. 风险（5 分钟）
- 新增风险、评级变化、已触发的风险

## 5. 范围与变更请求（5 分钟）

## 6. 行动项与决定（5 分钟）
`,
  },
  client_review: {
    en: `## 1. Purpose of the review (5 min)
- Deliverables under review and the acceptance criteria they are checked against

## 2. Demonstration (20 min)
- Walk through each deliverable with the client's key users

## 3. Feedback (15 min)
- What works, what must change before acceptance, what is a new request (a change request)

## 4. Status and next milestones (10 min)
- Progress, schedule, open risks the client should know about

## 5. Decisions and sign-off (5 min)
- Accepted / accepted with conditions / not accepted

## 6. Action items (5 min)
`,
    "zh-CN": `## 1. 评审目的（5 分钟）
- 本次评审的交付物及其验收标准

## 2. 演示（20 分钟）
- 与客户关键用户逐项走查交付物

## 3. 反馈（15 分钟）
- 认可的内容、验收前必须修改的内容、属于新需求的内容（走变更请求）

## 4. 状态与后续里程碑（10 分钟）
- 进度、计划、客户需要了解的风险

## 5. 决定与签字确认（5 分钟）
- 通过 / 有条件通过 / 不通过

## 6. 行动项（5 分钟）
`,
  },
  ad_hoc: {
    en: `## Purpose
- Why we meet and what we need to decide

## Discussion
-

## Decisions

## Action items
`,
    "zh-CN": `## 会议目的
- 为什么开会，需要做出什么决定

## 讨论
-

## 决定

## 行动项
`,
  },
};

/**
 * The agenda a new meeting of `kind` starts with, in `locale`.
 *
 * @example
 * meetingAgendaTemplate("weekly_status", "en").startsWith("## 1. Action items from last week"); // true
 */
export function meetingAgendaTemplate(kind: MeetingKind, locale: AgendaLocale): string {
  return TEMPLATES[kind][locale];
}
