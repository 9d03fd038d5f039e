/**
 * The demo's risk register (docs/risks.md): seven risks of the instant-messaging rollout, assessed over the last
 * weeks — the ADFS tenant mitigated to monitoring, the Suzhou servers' review overdue, a closed vendor risk — three
 * shared with the client contact, each threatening the requirements it names. Written through the risks repository,
 * so keys, review history, trace links and audit rows are what the module writes.
 */
import type { TLocale } from "@jiaofu/contracts";
import type { Tx } from "../db/database";
import type { RequirementRecord } from "../modules/requirements/requirements.repository";
import { createRisksRepository, type RiskValues } from "../modules/risks/risks.repository";
import type { Actor } from "../platform/policy";

type DemoRiskText = { title: string; description: string; responsePlan: string; trigger: string };
type DemoReview = { daysAgo: number; set: Partial<RiskValues>; note: string };
type DemoRisk = {
  text: Record<TLocale, DemoRiskText>;
  category: RiskValues["category"];
  probability: number;
  impact: number;
  strategy: RiskValues["strategy"];
  owner: "pm" | "dev";
  /** The next review, in days from today (negative: overdue). */
  reviewInDays: number | null;
  sharedWithClient: boolean;
  /** Indexes of the demo requirements it threatens (REQ-1 is 0). */
  threatens: number[];
  daysAgo: number;
  /** Later reviews, oldest first; notes in both languages. */
  reviews: (Omit<DemoReview, "note"> & { note: Record<TLocale, string> })[];
  /** Set when the risk was closed, with the reason in both languages. */
  closed?: { daysAgo: number; reason: Record<TLocale, string> };
};

const RISKS: DemoRisk[] = [
  {
    text: {
      en: {
        title: "The ADFS test tenant is not ready in time",
        description: "Single sign-on can only be built and tested against the group's ADFS. The client's IT team has to create a test tenant and the claim rules.",
        responsePlan: "Requested the tenant at kickoff; claim rules agreed in writing with Robert Hughes. Until the tenant exists, the team tests against a local Keycloak with the same claims.",
        trigger: "No test tenant by the end of the month.",
      },
      "zh-CN": {
        title: "ADFS 测试租户未能按时就绪",
        description: "单点登录只能基于集团 ADFS 开发和测试，需要客户 IT 团队创建测试租户和声明规则。",
        responsePlan: "启动会上已提出申请；声明规则已与周建华书面确认。在测试租户就绪前，团队使用声明一致的本地 Keycloak 测试。",
        trigger: "月底前仍未获得测试租户。",
      },
    },
    category: "technical",
    probability: 4,
    impact: 4,
    strategy: "mitigate",
    owner: "dev",
    reviewInDays: 5,
    sharedWithClient: true,
    threatens: [0, 1],
    daysAgo: 20,
    reviews: [
      {
        daysAgo: 9,
        set: { probability: 3, status: "monitoring" },
        note: { en: "Client IT committed to the tenant by the 25th; the Keycloak stand-in works.", "zh-CN": "客户 IT 承诺 25 日前提供测试租户；Keycloak 替代环境已可用。" },
      },
    ],
  },
  {
    text: {
      en: {
        title: "Servers for the Suzhou data centre are delivered late",
        description: "The chat archive must stay in the Suzhou data centre. The group buys the servers through its own procurement, with a six-week lead time.",
        responsePlan: "Sizing signed off; the purchase order is tracked weekly with the client's procurement. If delivery slips, the archive starts on a temporary VM in the same data centre.",
        trigger: "No confirmed delivery date four weeks before installation.",
      },
      "zh-CN": {
        title: "苏州数据中心服务器延迟到货",
        description: "聊天记录必须存放在苏州数据中心。服务器由集团自行采购，交期六周。",
        responsePlan: "配置清单已签字确认；每周与客户采购部门跟踪订单。如交期延误，先在同一数据中心的临时虚拟机上部署归档。",
        trigger: "安装前四周仍未确认交付日期。",
      },
    },
    category: "vendor",
    probability: 3,
    impact: 5,
    strategy: "mitigate",
    owner: "pm",
    reviewInDays: -2,
    sharedWithClient: true,
    threatens: [2],
    daysAgo: 15,
    reviews: [
      {
        daysAgo: 8,
        set: {},
        note: { en: "PO placed; the vendor quotes six weeks. Check again next week.", "zh-CN": "订单已下达，供应商报交期六周。下周再确认。" },
      },
    ],
  },
  {
    text: {
      en: {
        title: "The load test does not reach 5,000 concurrent users",
        description: "The group expects 5,000 people online at shift change. The message gateway has been tested to 3,000 on comparable hardware.",
        responsePlan: "Run a load test on the staging cluster in the second iteration; tune the gateway's connection pool; add a node if needed (budgeted).",
        trigger: "The staging load test levels off below 4,000 users.",
      },
      "zh-CN": {
        title: "压力测试达不到 5000 人同时在线",
        description: "集团预计交接班时有 5000 人同时在线，消息网关在同类硬件上仅测试到 3000 人。",
        responsePlan: "第二个迭代在预发布集群上做压力测试；调优网关连接池；必要时增加节点（已列入预算）。",
        trigger: "预发布环境压测在 4000 人以下即达到瓶颈。",
      },
    },
    category: "technical",
    probability: 3,
    impact: 4,
    strategy: "mitigate",
    owner: "dev",
    reviewInDays: 10,
    sharedWithClient: false,
    threatens: [4],
    daysAgo: 12,
    reviews: [],
  },
  {
    text: {
      en: {
        title: "Internal Audit changes the retention rules after the legal review",
        description: "The legal department has not yet confirmed how long chat records must be kept; Internal Audit assumed five years.",
        responsePlan: "Retention is a setting, not code: the team accepts the risk and keeps the period configurable.",
        trigger: "Legal's opinion differs from five years.",
      },
      "zh-CN": {
        title: "法务审查后审计部调整留存规则",
        description: "法务部尚未确认聊天记录需保存多久，审计部暂按五年考虑。",
        responsePlan: "留存期是配置项而非开发工作：团队接受该风险，并保持留存期可配置。",
        trigger: "法务意见与五年不一致。",
      },
    },
    category: "scope",
    probability: 2,
    impact: 3,
    strategy: "accept",
    owner: "pm",
    reviewInDays: 21,
    sharedWithClient: false,
    threatens: [3],
    daysAgo: 11,
    reviews: [],
  },
  {
    text: {
      en: {
        title: "Plant key users are not available during the peak season",
        description: "Acceptance testing falls in the plants' peak season; shift supervisors are the key users.",
        responsePlan: "Agreed with the plant managers: two supervisors per plant, half a day a week, booked for the whole test phase.",
        trigger: "Two test sessions in a row are cancelled.",
      },
      "zh-CN": {
        title: "旺季期间工厂关键用户无法参与",
        description: "验收测试正值工厂旺季，关键用户是各班组长。",
        responsePlan: "已与厂长约定：每个工厂两名班组长，每周半天，整个测试阶段预先锁定时间。",
        trigger: "连续两次测试安排被取消。",
      },
    },
    category: "resource",
    probability: 4,
    impact: 3,
    strategy: "mitigate",
    owner: "pm",
    reviewInDays: 3,
    sharedWithClient: true,
    threatens: [],
    daysAgo: 18,
    reviews: [
      {
        daysAgo: 4,
        set: {},
        note: { en: "Plant 2 confirmed its supervisors; plant 1 still to confirm.", "zh-CN": "二厂已确认班组长名单，一厂待确认。" },
      },
    ],
  },
  {
    text: {
      en: {
        title: "The MLPS level 3 assessment asks for rework",
        description: "As a system holding employees' communications, the platform must pass an MLPS 2.0 level 3 assessment before go-live.",
        responsePlan: "Install with the group's hardening baseline; book a pre-assessment scan three weeks before acceptance.",
        trigger: "The pre-assessment scan reports high findings.",
      },
      "zh-CN": {
        title: "等保三级测评要求整改",
        description: "平台存储员工通讯内容，上线前需通过等保 2.0 三级测评。",
        responsePlan: "按集团安全加固基线安装；验收前三周安排预测评扫描。",
        trigger: "预测评扫描出现高危问题。",
      },
    },
    category: "security",
    probability: 2,
    impact: 5,
    strategy: "mitigate",
    owner: "pm",
    reviewInDays: 20,
    sharedWithClient: false,
    threatens: [2, 3],
    daysAgo: 10,
    reviews: [],
  },
  {
    text: {
      en: {
        title: "The MDM vendor changes its enrolment API",
        description: "Mobile enrolment calls the MDM vendor's API, which changed twice last year.",
        responsePlan: "Accepted: the integration is a thin adapter, and the vendor announces changes three months ahead.",
        trigger: "The vendor announces a new API version.",
      },
      "zh-CN": {
        title: "MDM 厂商调整设备注册接口",
        description: "移动端注册调用 MDM 厂商接口，该接口去年变更过两次。",
        responsePlan: "接受风险：集成仅为一层薄适配器，且厂商会提前三个月公告变更。",
        trigger: "厂商公告新的接口版本。",
      },
    },
    category: "vendor",
    probability: 3,
    impact: 2,
    strategy: "accept",
    owner: "dev",
    reviewInDays: null,
    sharedWithClient: false,
    threatens: [8],
    daysAgo: 25,
    reviews: [
      {
        daysAgo: 14,
        set: { probability: 2 },
        note: { en: "The vendor confirmed the current API is supported until 2027.", "zh-CN": "厂商确认现有接口支持到 2027 年。" },
      },
    ],
    closed: {
      daysAgo: 5,
      reason: { en: "API support until 2027 is in the vendor's contract: no longer a risk for this project.", "zh-CN": "接口支持到 2027 年已写入厂商合同，对本项目不再构成风险。" },
    },
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Adds the demo's risks to `projectId` (after its requirements), with their reviews, as `pm`. */
export async function seedDemoRisks(
  tx: Tx,
  pm: Actor,
  projectId: string,
  requirements: readonly RequirementRecord[],
  owners: { pm: string; dev: string },
  at: (days: number, hour?: number) => Date,
): Promise<void> {
  const repo = createRisksRepository(tx);
  const locale = pm.locale;
  const reviewDate = (days: number | null) => (days === null ? null : new Date(at(0).getTime() + days * DAY_MS).toISOString().slice(0, 10));
  for (const demo of [...RISKS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const text = demo.text[locale];
    const values: RiskValues = {
      ...text,
      category: demo.category,
      probability: demo.probability,
      impact: demo.impact,
      strategy: demo.strategy,
      ownerId: owners[demo.owner],
      reviewDate: reviewDate(demo.reviewInDays),
      status: "open",
      statusReason: null,
      sharedWithClient: demo.sharedWithClient,
    };
    const requirementIds = demo.threatens.map((index) => {
      const requirement = requirements[index];
      if (!requirement) throw new Error(`demo requirement ${index} missing`);
      return requirement.id;
    });
    const { created } = await repo.create(pm, projectId, [{ values, requirementIds }], at(-demo.daysAgo, 9));
    let row = created[0];
    if (!row) throw new Error("demo risk not created");
    for (const review of demo.reviews) {
      const after = await repo.update(pm, row, row.version, review.set, { note: review.note[locale], nextReviewDate: row.reviewDate, always: true }, Object.keys(review.set).length > 0 ? "update" : "review", at(-review.daysAgo, 16));
      if (!after) throw new Error("demo risk review failed");
      row = after;
    }
    if (demo.closed) {
      const reason = demo.closed.reason[locale];
      const after = await repo.update(pm, row, row.version, { status: "closed", statusReason: reason, reviewDate: null }, { note: reason, nextReviewDate: null, always: true }, "update", at(-demo.closed.daysAgo, 16));
      if (!after) throw new Error("demo risk close failed");
    }
  }
}
