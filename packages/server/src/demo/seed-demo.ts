/**
 * The demo workspace, created on first start in demo mode (`JIAOFU_DEMO=1`) or by `jiaofu seed-demo`.
 *
 * The story: 云信智联 / CloudTalk sells an IM + AI assistant cloud service and is rolling it out for 华东制造集团 /
 * Eastern Manufacturing Group (5,000 staff, SSO against the group's ADFS, chat archives kept in the group's own data
 * centre, an AI assistant knowledge base). A pilot for the same client is in support, and a small law firm has a
 * project of its own. Texts follow `JIAOFU_DEMO_LOCALE`; dates are relative to the day of seeding, so the demo always
 * looks current.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { questionnaireDefinitionProblems, questionnaireValidateAnswers, type RequirementStatus } from "@jiaofu/engine";
import type { TLocale, TProjectRole, TProjectStage, TQuestionnaireDefinition } from "@jiaofu/contracts";
import type { Db, Tx } from "../db/database";
import {
  clients,
  comments,
  elicitationPassageRequirements,
  elicitationPassages,
  elicitationSessionParticipants,
  elicitationSessions,
  projectMembers,
  projects,
  questionnaireParticipations,
  questionnaireResponses,
  questionnaires,
  requirementRelations,
  users,
  workspaces,
} from "../db/schema";
import { hashPassword } from "../modules/auth/auth.crypto";
import { descriptionFromExcerpt, titleFromExcerpt } from "../modules/elicitation/requirement-sources";
import { contactKey } from "../modules/questionnaires/public-link";
import { createRequirementsRepository, type RequirementRecord, type RequirementStep } from "../modules/requirements/requirements.repository";
import { seedDemoConfirmations } from "./seed-demo-confirmations";
import { seedDemoBaseline } from "./seed-demo-baselines";
import { seedDemoChangeRequest } from "./seed-demo-change-requests";
import { seedDemoRisks } from "./seed-demo-risks";
import { seedDemoPrioritisation } from "./seed-demo-prioritisation";
import { seedDemoPlan } from "./seed-demo-plan";
import { seedDemoBoard } from "./seed-demo-board";
import { seedDemoTime } from "./seed-demo-time";
import { seedDemoMonitoring } from "./seed-demo-monitoring";
import { seedDemoMeetings } from "./seed-demo-meetings";
import { seedDemoQuality } from "./seed-demo-quality";
import { seedDemoStatusReports } from "./seed-demo-status-reports";
import { seedDemoNotifications } from "./seed-demo-notifications";
import { seedDemoPerformance } from "./seed-demo-performance";
import type { Actor } from "../platform/policy";
import { recordAudit } from "../platform/audit";
import { renderMarkdown } from "../platform/markdown";

export const DEMO_PASSWORD = "demo1234";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.test", role: "admin", client: null, description: "workspace admin" },
  { email: "pm@demo.test", role: "member", client: null, description: "delivery manager" },
  { email: "dev@demo.test", role: "member", client: null, description: "delivery member" },
  { email: "support@demo.test", role: "member", client: null, description: "support engineer" },
  { email: "client@demo.test", role: "client", client: 0, description: "client contact (first client)" },
  { email: "client2@demo.test", role: "client", client: 1, description: "client contact (second client)" },
] as const;

type AccountKey = "admin" | "pm" | "dev" | "support" | "client" | "client2";
type ProjectKey = "main" | "pilot" | "law";

type DemoText = {
  workspace: string;
  people: Record<AccountKey, { name: string; title: string }>;
  clients: [DemoClient, DemoClient];
  projects: Record<ProjectKey, { name: string; description: string }>;
  /** Comments on the main project, oldest first, `daysAgo` before seeding. */
  mainComments: { author: AccountKey; daysAgo: number; body: string }[];
  lawComments: { author: AccountKey; daysAgo: number; body: string }[];
  /** The main project's requirements REQ-1…, in key order (the session's passage becomes the last one). */
  requirements: DemoRequirement[];
  session: DemoSession;
  questionnaire: DemoQuestionnaire;
};
type DemoRequirement = {
  title: string;
  description: string;
  type: RequirementRecord["type"];
  /** Where it got to: draft, then each step of the workflow in turn. */
  status: "draft" | "in_analysis" | "awaiting_client" | "approved";
  moscow: NonNullable<RequirementRecord["moscow"]>;
  clientPriority: number | null;
  owner: "pm" | "dev";
  tags: string[];
  criteria: string[];
  daysAgo: number;
};
/** An interview; `passage` (a substring of `notes`) became the last requirement, with `passageRequirement`'s fields. */
type DemoSession = {
  title: string;
  location: string;
  guests: string[];
  agenda: string;
  notes: string;
  passage: string;
  passageRequirement: Pick<DemoRequirement, "type" | "moscow" | "owner" | "tags" | "criteria">;
};
type DemoQuestionnaire = {
  title: string;
  intro: string;
  section: string;
  rating: { text: string; low: string; high: string };
  nps: { text: string; low: string; high: string };
  freeText: string;
  /** The client contact's answers: rating, NPS, free text. */
  answer: [number, number, string];
};
type DemoClient = { name: string; industry: string; website: string; notes: string };

const ZH: DemoText = {
  workspace: "云信智联",
  people: {
    admin: { name: "王敏", title: "交付中心总监" },
    pm: { name: "李强", title: "交付经理" },
    dev: { name: "陈晓东", title: "实施工程师" },
    support: { name: "赵丽", title: "技术支持工程师" },
    client: { name: "周建华", title: "信息化部经理" },
    client2: { name: "刘婷", title: "行政与 IT 主管" },
  },
  clients: [
    {
      name: "华东制造集团",
      industry: "制造业（汽车零部件）",
      website: "https://www.hdmg.example",
      notes:
        "员工约 5,000 人，总部苏州，生产基地在苏州、无锡、合肥。统一身份认证使用 AD + ADFS。" +
        "信息安全要求：聊天记录必须存放在集团自有的苏州数据中心，保留 5 年。",
    },
    {
      name: "青禾律师事务所",
      industry: "法律服务",
      website: "https://www.qinghe-law.example",
      notes: "合伙人 12 人，员工约 60 人。对客户资料保密要求极高，所有数据不得出境；希望用 AI 助手检索合同范本。",
    },
  ],
  projects: {
    main: {
      name: "企业即时通讯与 AI 助手平台建设",
      description: [
        "为华东制造集团 5,000 名员工上线云信智联企业 IM 与 AI 助手。",
        "",
        "**范围**",
        "- 单点登录：对接集团 ADFS（SAML 2.0），离职账号自动停用",
        "- 聊天记录本地化存储：归档服务部署在苏州数据中心，保留 5 年，支持合规审计检索",
        "- AI 助手知识库：导入人事制度、设备操作手册与质量体系文件（约 3,200 份），按 AD 安全组控制可见范围",
        "- 移动端：iOS / Android，接入集团 MDM",
        "",
        "**里程碑**：需求确认 → 方案设计 → 两个基地扩面试点 → 全员上线",
      ].join("\n"),
    },
    pilot: {
      name: "苏州基地 IM 试点（200 人）",
      description:
        "苏州基地两个车间与质量部共 200 人的 IM 试点，已上线并转入运维支持。\n\n遗留事项：厂区 Wi-Fi 下离线消息推送偶有延迟，已提交厂商排查。",
    },
    law: {
      name: "律所安全聊天与 AI 合同助手",
      description:
        "为青禾律师事务所 60 名员工部署安全聊天与 AI 合同助手。\n\n- 合同范本库约 800 份\n- AI 回答必须标注出处\n- 全部数据存放在境内机房",
    },
  },
  mainComments: [
    {
      author: "pm",
      daysAgo: 13,
      body: [
        "## 启动会纪要",
        "参会：周建华、李强、陈晓东、赵丽",
        "",
        "1. 范围以合同附件一为准，**5,000 个账号**分两批开通",
        "2. SSO 采用 SAML 2.0 对接集团 ADFS，测试环境由集团信息化部在下周五前提供",
        "3. 聊天归档部署在苏州数据中心，需集团提供 2 台虚拟机（16 核 / 64 GB，存储 10 TB）",
        "",
        "**待办**",
        "- [ ] 提供 ADFS 元数据与测试账号（周建华）",
        "- [ ] 提交归档服务器配置清单（陈晓东）",
        "- [x] 建立双周例会（李强）",
      ].join("\n"),
    },
    {
      author: "client",
      daysAgo: 10,
      body: [
        "ADFS 测试环境已准备好，元数据地址已发到李经理邮箱。",
        "",
        "另外确认两点：",
        "1. 聊天记录需要**保存 5 年**，审计部要能按人员和关键词检索；",
        "2. AI 助手知识库里，涉及薪酬的制度文件**不能**对一线员工可见，需要按部门控制权限。",
      ].join("\n"),
    },
    {
      author: "pm",
      daysAgo: 9,
      body: [
        "收到，谢谢周经理！",
        "",
        "- 归档检索：按人员、时间段、关键词检索是标准功能，导出需审批，会写进需求规格",
        "- 知识库权限：按 **AD 安全组** 控制文档可见范围，薪酬类文件只对人力资源与管理层开放",
        "",
        "需求规格初稿预计下周三发出，请安排审计部一起评审。",
      ].join("\n"),
    },
    {
      author: "client",
      daysAgo: 3,
      body: "需求规格初稿已阅。审计部补充一条：**离职员工的聊天记录**也要保留满 5 年后再删除，请在下一版中体现。",
    },
  ],
  lawComments: [
    {
      author: "pm",
      daysAgo: 5,
      body: "合同范本第一批（312 份）已导入测试环境，请刘主管安排两位律师试用 AI 检索，并反馈出处标注是否清楚。",
    },
  ],
  requirements: [
    {
      title: "通过集团 ADFS 单点登录",
      description: "员工使用域账号经集团 ADFS（SAML 2.0）单点登录桌面端、移动端和网页端，IM 不另设密码。",
      type: "security",
      status: "approved",
      moscow: "must",
      clientPriority: 1,
      owner: "dev",
      tags: ["SSO", "安全"],
      criteria: ["域账号可在桌面端、移动端、网页端单点登录", "ADFS 不可用时给出明确提示，不回退到本地密码"],
      daysAgo: 12,
    },
    {
      title: "离职账号自动停用",
      description: "AD 账号停用后 15 分钟内，IM 账号同步停用并踢出所有在线会话。",
      type: "security",
      status: "approved",
      moscow: "must",
      clientPriority: 1,
      owner: "dev",
      tags: ["SSO", "账号生命周期"],
      criteria: ["AD 停用后 15 分钟内无法再登录", "已登录的设备被强制下线"],
      daysAgo: 12,
    },
    {
      title: "聊天记录存放在苏州数据中心",
      description: "所有聊天记录和附件归档到集团苏州数据中心的归档服务器，**保留 5 年**，不得存放在公有云。",
      type: "compliance",
      status: "approved",
      moscow: "must",
      clientPriority: 1,
      owner: "pm",
      tags: ["归档", "合规"],
      criteria: ["归档服务器部署在苏州数据中心", "聊天记录与附件保留 5 年后才可删除"],
      daysAgo: 11,
    },
    {
      title: "审计部按人员和关键词检索聊天记录",
      description: "审计部可按人员、时间段和关键词检索归档的聊天记录；导出检索结果需经信息化部经理审批。",
      type: "compliance",
      status: "awaiting_client",
      moscow: "must",
      clientPriority: 2,
      owner: "pm",
      tags: ["归档", "审计"],
      criteria: ["按人员 + 时间段 + 关键词检索，10 秒内返回结果", "导出需审批，审批记录可追溯"],
      daysAgo: 9,
    },
    {
      title: "系统必须支持 5000 名用户同时在线",
      description: "全员上线后，5000 名员工同时在线时，消息端到端延迟不超过 1 秒。",
      type: "performance",
      status: "in_analysis",
      moscow: "must",
      clientPriority: 2,
      owner: "dev",
      tags: ["性能", "容量"],
      criteria: ["压测 5000 个在线连接，消息延迟 P95 ≤ 1 秒"],
      daysAgo: 8,
    },
    {
      title: "系统最多支持 500 名用户同时在线",
      description: "按苏州基地试点规模估算服务器配置：系统最多支持 500 名用户同时在线。",
      type: "performance",
      status: "draft",
      moscow: "should",
      clientPriority: null,
      owner: "dev",
      tags: ["性能", "容量"],
      criteria: ["按试点规模出具服务器配置清单"],
      daysAgo: 7,
    },
    {
      title: "知识库文档按 AD 安全组控制可见范围",
      description: "AI 助手只检索提问人所在 AD 安全组有权查看的文档；**薪酬类制度文件**只对人力资源部和管理层可见。",
      type: "security",
      status: "awaiting_client",
      moscow: "must",
      clientPriority: 1,
      owner: "pm",
      tags: ["AI 助手", "权限"],
      criteria: ["一线员工提问薪酬问题时，回答不引用薪酬制度文件", "安全组变更后 1 小时内生效"],
      daysAgo: 9,
    },
    {
      title: "AI 助手知识库文档的可见范围按 AD 安全组控制",
      description: "AI 助手只能检索提问人所在 AD 安全组有权查看的知识库文档，不得引用无权查看的文档。",
      type: "security",
      status: "draft",
      moscow: "must",
      clientPriority: null,
      owner: "dev",
      tags: ["AI 助手"],
      criteria: ["回答中不出现无权查看的文档"],
      daysAgo: 5,
    },
    {
      title: "移动端接入集团 MDM",
      description: "iOS 与 Android 客户端通过集团 MDM 分发，禁止截屏，设备丢失时可远程清除企业数据。",
      type: "functional",
      status: "in_analysis",
      moscow: "should",
      clientPriority: 3,
      owner: "dev",
      tags: ["移动端", "安全"],
      criteria: ["客户端可通过 MDM 安装和升级", "远程清除后本地聊天缓存被删除"],
      daysAgo: 6,
    },
  ],
  session: {
    title: "审计部访谈：聊天记录留存与检索",
    location: "苏州总部 3 楼第二会议室",
    guests: ["孙悦（审计部经理）"],
    agenda: "1. 聊天记录留存期限与范围\n2. 审计检索与导出流程\n3. 离职员工数据处理",
    notes: [
      "## 访谈记录",
      "",
      "**留存**：审计部确认聊天记录和附件保留 5 年，删除需经审计部书面同意。",
      "",
      "**检索**：常用场景是按人员和时间段调取记录，关键词检索用于专项审计；导出需信息化部经理审批。",
      "",
      "**离职员工**：离职员工的聊天记录也要保留满 5 年后再删除，不能随账号停用一起清理。",
      "",
      "**待确认**：是否需要对群聊中的外部联系人做单独标记（审计部内部讨论后答复）。",
    ].join("\n"),
    passage: "离职员工的聊天记录也要保留满 5 年后再删除，不能随账号停用一起清理。",
    passageRequirement: {
      type: "compliance",
      moscow: "must",
      owner: "pm",
      tags: ["归档", "合规", "账号生命周期"],
      criteria: ["账号停用后聊天记录仍可被审计检索", "离职满 5 年前不会被自动清理"],
    },
  },
  questionnaire: {
    title: "需求阶段满意度调查",
    intro: "感谢参与需求确认！请花 2 分钟告诉我们这一阶段的感受，帮助我们改进后续交付。",
    section: "需求阶段",
    rating: { text: "您对需求调研与沟通的整体满意度如何？", low: "很不满意", high: "非常满意" },
    nps: { text: "您有多大可能向同行推荐云信智联的交付团队？", low: "不可能", high: "非常可能" },
    freeText: "还有哪些需要我们改进的地方？",
    answer: [4, 9, "需求规格写得很清楚。希望下一阶段每周同步一次进度，并提前告知需要集团配合的事项。"],
  },
};

const EN: DemoText = {
  workspace: "CloudTalk",
  people: {
    admin: { name: "Emily Carter", title: "Head of Delivery" },
    pm: { name: "Daniel Brooks", title: "Delivery Manager" },
    dev: { name: "Priya Nair", title: "Implementation Engineer" },
    support: { name: "Marcus Lee", title: "Support Engineer" },
    client: { name: "Robert Hughes", title: "IT Manager" },
    client2: { name: "Sarah Mitchell", title: "Office & IT Lead" },
  },
  clients: [
    {
      name: "Eastern Manufacturing Group",
      industry: "Manufacturing (automotive parts)",
      website: "https://www.emg.example",
      notes:
        "About 5,000 employees; head office in Suzhou, plants in Suzhou, Wuxi and Hefei. Single sign-on through AD + ADFS. " +
        "Security policy: chat archives must stay in the group's own Suzhou data centre and be kept for 5 years.",
    },
    {
      name: "Greenfield Law LLP",
      industry: "Legal services",
      website: "https://www.greenfield-law.example",
      notes: "12 partners, about 60 staff. Strict confidentiality: no data may leave the country. Wants an AI assistant to search contract templates.",
    },
  ],
  projects: {
    main: {
      name: "Enterprise IM and AI assistant rollout",
      description: [
        "Roll out CloudTalk enterprise IM and the AI assistant to Eastern Manufacturing Group's 5,000 employees.",
        "",
        "**Scope**",
        "- Single sign-on with the group's ADFS (SAML 2.0); leavers are disabled automatically",
        "- On-premises chat archive in the Suzhou data centre, kept 5 years, searchable for compliance audits",
        "- AI assistant knowledge base: HR policies, equipment manuals and quality documents (about 3,200 files), visibility by AD security group",
        "- Mobile apps for iOS and Android, enrolled in the group's MDM",
        "",
        "**Milestones**: requirements sign-off → solution design → pilot at two plants → company-wide launch",
      ].join("\n"),
    },
    pilot: {
      name: "Suzhou plant IM pilot (200 users)",
      description:
        "IM pilot for two workshops and the quality department in Suzhou (200 users); live and now in support.\n\nOpen item: offline push notifications are sometimes late on the plant Wi-Fi; raised with the vendor.",
    },
    law: {
      name: "Secure chat and AI contract assistant",
      description:
        "Secure chat and an AI contract assistant for Greenfield Law's 60 staff.\n\n- About 800 contract templates\n- Every AI answer cites its source\n- All data hosted in-country",
    },
  },
  mainComments: [
    {
      author: "pm",
      daysAgo: 13,
      body: [
        "## Kick-off notes",
        "Attendees: Robert Hughes, Daniel Brooks, Priya Nair, Marcus Lee",
        "",
        "1. Scope as in Annex 1 of the contract: **5,000 accounts**, opened in two waves",
        "2. SSO with the group's ADFS over SAML 2.0; IT provides a test environment by next Friday",
        "3. The chat archive runs in the Suzhou data centre on 2 VMs provided by the group (16 cores / 64 GB, 10 TB storage)",
        "",
        "**Actions**",
        "- [ ] Send ADFS metadata and test accounts (Robert)",
        "- [ ] Send the archive server specification (Priya)",
        "- [x] Set up a fortnightly status meeting (Daniel)",
      ].join("\n"),
    },
    {
      author: "client",
      daysAgo: 10,
      body: [
        "The ADFS test environment is ready; I've emailed the metadata URL to Daniel.",
        "",
        "Two things to confirm:",
        "1. Chat records must be **kept for 5 years**, and Internal Audit must be able to search them by person and keyword.",
        "2. Pay-related policies in the AI knowledge base must **not** be visible to shop-floor staff: access has to follow departments.",
      ].join("\n"),
    },
    {
      author: "pm",
      daysAgo: 9,
      body: [
        "Thanks, Robert!",
        "",
        "- Archive search by person, period and keyword is standard; exports need an approval. This goes into the requirements spec.",
        "- Knowledge base visibility follows **AD security groups**; pay policies are visible to HR and management only.",
        "",
        "The first draft of the spec goes out next Wednesday. Could Internal Audit join the review?",
      ].join("\n"),
    },
    {
      author: "client",
      daysAgo: 3,
      body: "We've read the draft spec. Internal Audit adds one point: **leavers' chat records** must also be kept for the full 5 years before deletion. Please include it in the next version.",
    },
  ],
  lawComments: [
    {
      author: "pm",
      daysAgo: 5,
      body: "The first batch of contract templates (312) is in the test environment. Sarah, could two of your lawyers try the AI search and tell us whether the source citations are clear?",
    },
  ],
  requirements: [
    {
      title: "Single sign-on through the group's ADFS",
      description: "Staff sign in to the desktop, mobile and web apps with their domain account through the group's ADFS (SAML 2.0); the IM has no password of its own.",
      type: "security",
      status: "approved",
      moscow: "must",
      clientPriority: 1,
      owner: "dev",
      tags: ["SSO", "security"],
      criteria: ["Domain accounts sign in on desktop, mobile and web", "When ADFS is down the apps say so and never fall back to a local password"],
      daysAgo: 12,
    },
    {
      title: "Disable leavers' accounts automatically",
      description: "Within 15 minutes of an AD account being disabled, the IM account is disabled and all its sessions are signed out.",
      type: "security",
      status: "approved",
      moscow: "must",
      clientPriority: 1,
      owner: "dev",
      tags: ["SSO", "account lifecycle"],
      criteria: ["No sign-in is possible 15 minutes after the AD account is disabled", "Devices already signed in are signed out"],
      daysAgo: 12,
    },
    {
      title: "Chat archive in the Suzhou data centre",
      description: "All chat records and attachments are archived on servers in the group's Suzhou data centre and **kept for 5 years**; never in a public cloud.",
      type: "compliance",
      status: "approved",
      moscow: "must",
      clientPriority: 1,
      owner: "pm",
      tags: ["archive", "compliance"],
      criteria: ["The archive servers run in the Suzhou data centre", "Chat records and attachments can only be deleted after 5 years"],
      daysAgo: 11,
    },
    {
      title: "Internal Audit searches chat records by person and keyword",
      description: "Internal Audit can search archived chat records by person, period and keyword; exporting results needs the IT Manager's approval.",
      type: "compliance",
      status: "awaiting_client",
      moscow: "must",
      clientPriority: 2,
      owner: "pm",
      tags: ["archive", "audit"],
      criteria: ["A search by person + period + keyword returns within 10 seconds", "Exports need an approval, and approvals are traceable"],
      daysAgo: 9,
    },
    {
      title: "The system must support 5000 concurrent users",
      description: "After the company-wide launch, with 5000 employees online at once, end-to-end message latency stays under 1 second.",
      type: "performance",
      status: "in_analysis",
      moscow: "must",
      clientPriority: 2,
      owner: "dev",
      tags: ["performance", "capacity"],
      criteria: ["Load test with 5000 connections online: message latency P95 ≤ 1 second"],
      daysAgo: 8,
    },
    {
      title: "The system supports at most 500 concurrent users",
      description: "Server sizing follows the Suzhou pilot: the system supports at most 500 concurrent users.",
      type: "performance",
      status: "draft",
      moscow: "should",
      clientPriority: null,
      owner: "dev",
      tags: ["performance", "capacity"],
      criteria: ["A server specification sized on the pilot"],
      daysAgo: 7,
    },
    {
      title: "Knowledge base visibility follows AD security groups",
      description: "The AI assistant only searches documents the asker's AD security groups may read; **pay policies** are visible to HR and management only.",
      type: "security",
      status: "awaiting_client",
      moscow: "must",
      clientPriority: 1,
      owner: "pm",
      tags: ["AI assistant", "permissions"],
      criteria: ["When shop-floor staff ask about pay, answers never cite the pay policies", "Security group changes apply within 1 hour"],
      daysAgo: 9,
    },
    {
      title: "AI assistant documents are visible by AD security group",
      description: "Visibility of knowledge base documents follows AD security groups; the AI assistant never cites a document the asker may not read.",
      type: "security",
      status: "draft",
      moscow: "must",
      clientPriority: null,
      owner: "dev",
      tags: ["AI assistant"],
      criteria: ["Answers never show a document the asker may not read"],
      daysAgo: 5,
    },
    {
      title: "Mobile apps enrolled in the group MDM",
      description: "iOS and Android apps are distributed through the group's MDM; screenshots are blocked and company data can be wiped remotely.",
      type: "functional",
      status: "in_analysis",
      moscow: "should",
      clientPriority: 3,
      owner: "dev",
      tags: ["mobile", "security"],
      criteria: ["The apps install and update through the MDM", "A remote wipe deletes the local chat cache"],
      daysAgo: 6,
    },
  ],
  session: {
    title: "Internal Audit interview: chat retention and search",
    location: "Suzhou head office, meeting room 3B",
    guests: ["Helen Zhang (Internal Audit Manager)"],
    agenda: "1. Retention period and scope of chat records\n2. Audit search and export\n3. Leavers' data",
    notes: [
      "## Interview notes",
      "",
      "**Retention**: Internal Audit confirms chat records and attachments are kept for 5 years; deletion needs Internal Audit's written consent.",
      "",
      "**Search**: usually records of one person over a period; keyword search for special audits. Exports need the IT Manager's approval.",
      "",
      "**Leavers**: leavers' chat records must also be kept for the full 5 years before deletion, not purged when the account is disabled.",
      "",
      "**Open**: whether external contacts in group chats need a separate marker (Internal Audit will reply after discussing it).",
    ].join("\n"),
    passage: "leavers' chat records must also be kept for the full 5 years before deletion, not purged when the account is disabled.",
    passageRequirement: {
      type: "compliance",
      moscow: "must",
      owner: "pm",
      tags: ["archive", "compliance", "account lifecycle"],
      criteria: ["Chat records stay searchable for audit after the account is disabled", "Nothing is purged before 5 years after leaving"],
    },
  },
  questionnaire: {
    title: "Requirements stage satisfaction survey",
    intro: "Thank you for taking part in the requirements review! Two minutes of your feedback helps us improve the next stages.",
    section: "Requirements stage",
    rating: { text: "How satisfied are you with the requirements workshops and communication overall?", low: "Very dissatisfied", high: "Very satisfied" },
    nps: { text: "How likely are you to recommend CloudTalk's delivery team to a peer?", low: "Not at all likely", high: "Extremely likely" },
    freeText: "What could we do better?",
    answer: [4, 9, "The requirements spec is very clear. In the next stage we'd like a weekly progress update and earlier notice of what the group's IT needs to provide."],
  },
};

const ACCOUNT_KEYS: Record<(typeof DEMO_ACCOUNTS)[number]["email"], AccountKey> = {
  "admin@demo.test": "admin",
  "pm@demo.test": "pm",
  "dev@demo.test": "dev",
  "support@demo.test": "support",
  "client@demo.test": "client",
  "client2@demo.test": "client2",
};

type DemoProject = {
  key: ProjectKey;
  code: string;
  client: 0 | 1;
  stage: TProjectStage;
  /** Start and end, in days from the day of seeding. */
  startDay: number;
  endDay: number;
  members: [AccountKey, TProjectRole][];
};

const PROJECTS: DemoProject[] = [
  {
    key: "main",
    code: "HDMG-IM",
    client: 0,
    stage: "requirements",
    startDay: -14,
    endDay: 166,
    members: [["pm", "manager"], ["dev", "member"], ["support", "viewer"], ["client", "client"]],
  },
  {
    key: "pilot",
    code: "HDMG-PILOT",
    client: 0,
    stage: "support",
    startDay: -210,
    endDay: -60,
    members: [["pm", "manager"], ["support", "member"], ["dev", "viewer"], ["client", "client"]],
  },
  {
    key: "law",
    code: "LAW-AI",
    client: 1,
    stage: "execution",
    startDay: -45,
    endDay: 40,
    members: [["pm", "manager"], ["dev", "member"], ["client2", "client"]],
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `now` plus `days`, in UTC. */
function isoDay(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Seeds when the database has no workspace yet; returns whether it did. */
export async function seedDemoIfEmpty(db: Db, locale: TLocale, now: Date = new Date()): Promise<boolean> {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(workspaces);
  if (count > 0) return false;
  await seedDemo(db, locale, now);
  return true;
}

/** Creates the demo workspace in one transaction (see the file comment for the story). */
export async function seedDemo(db: Db, locale: TLocale, now: Date = new Date()): Promise<void> {
  const text = locale === "zh-CN" ? ZH : EN;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = (days: number, hour = 10) => {
    const date = new Date(now.getTime() + days * DAY_MS);
    date.setUTCHours(hour, 0, 0, 0);
    return date;
  };
  await db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name: text.workspace, createdAt: at(-240) }).returning();
    if (!workspace) throw new Error("workspace insert failed");
    const clientRows = await tx
      .insert(clients)
      .values(text.clients.map((client, index) => ({ workspaceId: workspace.id, ...client, createdAt: at(index === 0 ? -220 : -60) })))
      .returning();

    const userIds = new Map<AccountKey, string>();
    for (const account of DEMO_ACCOUNTS) {
      const key = ACCOUNT_KEYS[account.email];
      const clientId = account.client === null ? null : (clientRows[account.client]?.id ?? null);
      const [user] = await tx
        .insert(users)
        .values({
          workspaceId: workspace.id,
          email: account.email,
          name: text.people[key].name,
          title: text.people[key].title,
          passwordHash,
          role: account.role,
          clientId,
          locale,
          createdAt: at(-230),
        })
        .returning({ id: users.id });
      if (!user) throw new Error("user insert failed");
      userIds.set(key, user.id);
    }
    const userId = (key: AccountKey) => {
      const id = userIds.get(key);
      if (!id) throw new Error(`demo user ${key} missing`);
      return id;
    };
    const admin = { userId: userId("admin"), workspaceId: workspace.id };

    const projectIds = new Map<ProjectKey, string>();
    for (const demo of PROJECTS) {
      const client = clientRows[demo.client];
      if (!client) throw new Error("demo client missing");
      const [project] = await tx
        .insert(projects)
        .values({
          workspaceId: workspace.id,
          clientId: client.id,
          code: demo.code,
          name: text.projects[demo.key].name,
          description: text.projects[demo.key].description,
          stage: demo.stage,
          startDate: isoDay(now, demo.startDay),
          endDate: isoDay(now, demo.endDay),
          managerId: userId("pm"),
          createdAt: at(demo.startDay - 7),
          updatedAt: at(demo.startDay - 7),
        })
        .returning();
      if (!project) throw new Error("project insert failed");
      projectIds.set(demo.key, project.id);
      await tx
        .insert(projectMembers)
        .values(demo.members.map(([key, role]) => ({ projectId: project.id, userId: userId(key), role, createdAt: at(demo.startDay - 7) })));
      await recordAudit(tx, admin, workspace.id, { entityType: "project", entityId: project.id, projectId: project.id, action: "create", after: project });
    }

    await insertComments(tx, workspace.id, projectIds.get("main"), text.mainComments, userId, at);
    await insertComments(tx, workspace.id, projectIds.get("law"), text.lawComments, userId, at);

    const mainId = projectIds.get("main");
    if (!mainId) throw new Error("demo project missing");
    const pm: Actor = { userId: userId("pm"), workspaceId: workspace.id, role: "member", clientId: null, name: text.people.pm.name, email: "pm@demo.test", locale };
    await insertRequirementsStage(tx, pm, mainId, text, userId, at);
  });
}

async function insertComments(
  tx: Tx,
  workspaceId: string,
  projectId: string | undefined,
  items: DemoText["mainComments"],
  userId: (key: AccountKey) => string,
  at: (days: number, hour?: number) => Date,
): Promise<void> {
  if (!projectId) throw new Error("demo project missing");
  for (const [index, item] of items.entries()) {
    const createdAt = at(-item.daysAgo, 9 + index);
    const [comment] = await tx
      .insert(comments)
      .values({
        workspaceId,
        entityType: "project",
        entityId: projectId,
        authorId: userId(item.author),
        body: item.body,
        bodyHtml: renderMarkdown(item.body),
        createdAt,
        updatedAt: createdAt,
      })
      .returning();
    if (!comment) throw new Error("comment insert failed");
    await recordAudit(tx, { userId: comment.authorId, workspaceId }, workspaceId, {
      entityType: "comment",
      entityId: comment.id,
      projectId,
      action: "create",
      after: comment,
    });
  }
}

/** The workflow from draft to each status the demo uses, one transition per step. */
const STATUS_PATH: Record<DemoRequirement["status"], RequirementStatus[]> = {
  draft: [],
  in_analysis: ["in_analysis"],
  awaiting_client: ["in_analysis", "awaiting_client"],
  // The client contact approves them in the portal (seed-demo-confirmations.ts).
  approved: ["in_analysis", "awaiting_client"],
};

/**
 * The main project's requirements stage: the register (through the requirements repository, so keys, versions,
 * `client_shared_at` and audit rows are written as the module writes them), an interview whose passage became the
 * last requirement, a `depends_on` relation, and a satisfaction questionnaire open in the portal with the client
 * contact's response. The rows mirror the elicitation and questionnaire repositories, which open their own
 * transactions on the database handle and so cannot run inside this one.
 */
async function insertRequirementsStage(
  tx: Tx,
  pm: Actor,
  projectId: string,
  text: DemoText,
  userId: (key: AccountKey) => string,
  at: (days: number, hour?: number) => Date,
): Promise<void> {
  const register = createRequirementsRepository(tx);
  const criteria = (items: string[]) => items.map((t) => ({ id: randomUUID(), text: t }));

  /** Moves a requirement through `steps`, one version each, a day apart from `fromDay`. */
  const walk = async (row: RequirementRecord, steps: RequirementStep[], fromDay: number) => {
    let current = row;
    for (const [i, step] of steps.entries()) {
      const result = await register.apply(pm, [{ id: current.id, expectedVersion: current.version, steps: [step] }], at(Math.min(fromDay + i + 1, 0), 11));
      if (result.kind !== "ok" || !result.rows[0]) throw new Error("demo requirement change failed");
      current = result.rows[0];
    }
    return current;
  };
  const transitions = (status: DemoRequirement["status"]): RequirementStep[] =>
    STATUS_PATH[status].map((to) => ({ action: "transition", set: { status: to, statusReason: null }, automatic: false }));

  const rows: RequirementRecord[] = [];
  for (const item of text.requirements) {
    const created = await register.create(
      pm,
      projectId,
      {
        title: item.title,
        description: item.description,
        type: item.type,
        ownerId: userId(item.owner),
        tags: item.tags,
        acceptanceCriteria: criteria(item.criteria),
        moscow: item.moscow,
        clientPriority: item.clientPriority,
      },
      [{ kind: "contact", contactId: userId("client"), excerpt: "" }],
      at(-item.daysAgo, 9),
    );
    rows.push(await walk(created, transitions(item.status), -item.daysAgo));
  }
  // The team scores them by weighted criteria (before the client's confirmations, which name the version they saw).
  rows.splice(0, rows.length, ...(await seedDemoPrioritisation(tx, pm, projectId, rows, at(-13, 10))));
  // The client contact approves those shown approved, and asks about REQ-4 (the audit search): clarified, it awaits them again.
  const auditSearch = rows[3];
  if (!auditSearch) throw new Error("demo requirements missing");
  await seedDemoConfirmations(tx, { pm, contactId: userId("client"), projectId, toApprove: rows.filter((_, i) => text.requirements[i]?.status === "approved"), toClarify: auditSearch });
  // With the approved scope agreed, the manager took baseline BL-1.
  await seedDemoBaseline(tx, pm, projectId, at(-6, 15));
  // After BL-1 the client's security team asked for more: CR-1, approved by the manager, awaits the client.
  await seedDemoChangeRequest(tx, pm, projectId, at);
  // The risk register the team keeps alongside: seven risks, three shared with the client, some threatening requirements.
  await seedDemoRisks(tx, pm, projectId, rows, { pm: userId("pm"), dev: userId("dev") }, at);

  // The plan: a WBS of six phases with milestones and links, scheduled on China's calendar, tasks traced to requirements.
  await seedDemoPlan(tx, pm, projectId, rows, { pm: userId("pm"), dev: userId("dev") }, at);
  // The task board: the workflow with WIP limits and the plan's tasks across it, with assignees and checklists.
  await seedDemoBoard(tx, pm, projectId, { pm: userId("pm"), dev: userId("dev") }, at(-12, 9));
  // Four weeks of time on the plan's tasks: three approved (the actual cost), the developer's last week awaiting the manager.
  await seedDemoTime(tx, pm, projectId, { pm: userId("pm"), dev: userId("dev") }, at(0));
  // The plan baseline PB-1 and four weeks of progress snapshots: the S-curve, burndown and milestone trend have a history.
  await seedDemoMonitoring(tx, pm, projectId, at(0));
  // Meetings: the kick-off (held; its action items became tasks), the weekly status series and a client review shared with the client.
  await seedDemoMeetings(tx, pm, projectId, { pm: userId("pm"), dev: userId("dev"), client: userId("client") }, at(0));
  // Quality: the first phase's gate passed, the second's open; a dozen test cases and seven defects over five weeks.
  await seedDemoQuality(tx, pm, projectId, rows, { pm: userId("pm"), dev: userId("dev"), client: userId("client") }, at);
  // Status reports generated from all of the above: last week's published (the client reads it in the portal), this week's draft.
  await seedDemoStatusReports(tx, pm, projectId, at(0));
  // Unread notifications from the above: the developer's assignments and a task due soon, the report for the client.
  await seedDemoNotifications(tx, pm, projectId, { pm: userId("pm"), dev: userId("dev"), client: userId("client") });
  // Performance: the kick-off tasks completed (one a day late) with estimates and time, the client's rating of last week's report.
  await seedDemoPerformance(tx, pm, projectId, { pm: userId("pm"), client: userId("client") });

  // REQ-2 (leavers disabled) depends on REQ-1 (single sign-on), as the relations repository writes it.
  const [sso, leavers] = rows;
  if (!sso || !leavers) throw new Error("demo requirements missing");
  const [relation] = await tx
    .insert(requirementRelations)
    .values({ workspaceId: pm.workspaceId, projectId, fromId: leavers.id, toId: sso.id, kind: "depends_on", status: null, createdById: pm.userId, createdAt: at(-11), updatedAt: at(-11) })
    .returning();
  if (!relation) throw new Error("relation insert failed");
  for (const entityId of [relation.fromId, relation.toId]) {
    await recordAudit(tx, pm, pm.workspaceId, { entityType: "requirement", entityId, projectId, action: "relation.add", after: relation });
  }

  await insertInterview(tx, pm, projectId, text.session, userId, at, register, walk, criteria);
  await insertQuestionnaire(tx, pm, projectId, text.questionnaire, userId, at);
}

/** The interview (as `createElicitationRepository().create`) and its passage made into a requirement (as `createRequirementFromPassage`). */
async function insertInterview(
  tx: Tx,
  pm: Actor,
  projectId: string,
  demo: DemoSession,
  userId: (key: AccountKey) => string,
  at: (days: number, hour?: number) => Date,
  register: ReturnType<typeof createRequirementsRepository>,
  walk: (row: RequirementRecord, steps: RequirementStep[], fromDay: number) => Promise<RequirementRecord>,
  criteria: (items: string[]) => { id: string; text: string }[],
): Promise<void> {
  const participantIds = [userId("client"), userId("pm"), userId("dev")];
  const [session] = await tx
    .insert(elicitationSessions)
    .values({
      workspaceId: pm.workspaceId,
      projectId,
      kind: "interview",
      title: demo.title,
      startsAt: at(-4, 6),
      endsAt: at(-4, 7),
      location: demo.location,
      guests: demo.guests,
      agenda: demo.agenda,
      notes: demo.notes,
      createdById: pm.userId,
      createdAt: at(-5, 8),
      updatedAt: at(-4, 8),
    })
    .returning();
  if (!session) throw new Error("session insert failed");
  await tx.insert(elicitationSessionParticipants).values(participantIds.map((id) => ({ sessionId: session.id, userId: id, createdAt: at(-5, 8) })));
  await recordAudit(tx, pm, pm.workspaceId, { entityType: "elicitation_session", entityId: session.id, projectId, action: "create", after: { ...session, participantIds } });

  const start = demo.notes.indexOf(demo.passage);
  if (start < 0) throw new Error("demo passage not in the notes");
  const end = start + demo.passage.length;
  const [passage] = await tx
    .insert(elicitationPassages)
    .values({ sessionId: session.id, startOffset: start, endOffset: end, excerpt: demo.passage, createdById: pm.userId, createdAt: at(-3, 9), updatedAt: at(-3, 9) })
    .returning();
  if (!passage) throw new Error("passage insert failed");
  await recordAudit(tx, pm, pm.workspaceId, { entityType: "elicitation_session", entityId: session.id, projectId, action: "passage.create", after: passage });

  const created = await register.create(
    pm,
    projectId,
    {
      title: titleFromExcerpt(demo.passage),
      description: descriptionFromExcerpt(demo.passage, `${session.title} (${session.startsAt.toISOString().slice(0, 10)})`),
      type: demo.passageRequirement.type,
      ownerId: null,
      tags: [],
      acceptanceCriteria: [],
      moscow: null,
      clientPriority: null,
    },
    [{ kind: "session_passage", sessionId: session.id, passageId: passage.id, excerpt: demo.passage, startOffset: start, endOffset: end }],
    at(-3, 9),
  );
  const [link] = await tx
    .insert(elicitationPassageRequirements)
    .values({ passageId: passage.id, requirementId: created.id, createdById: pm.userId, createdAt: at(-3, 9) })
    .returning();
  await recordAudit(tx, pm, pm.workspaceId, { entityType: "elicitation_session", entityId: session.id, projectId, action: "passage.requirement", after: link });
  // The manager then filled in owner, priority, tags and acceptance criteria (a second version).
  const { owner, moscow, tags } = demo.passageRequirement;
  await walk(created, [{ action: "update", set: { ownerId: userId(owner), moscow, tags, acceptanceCriteria: criteria(demo.passageRequirement.criteria) } }], -3);
}

/** A questionnaire for the client portal, published (as create + update), and the client contact's response (as `submitResponse`). */
async function insertQuestionnaire(
  tx: Tx,
  pm: Actor,
  projectId: string,
  demo: DemoQuestionnaire,
  userId: (key: AccountKey) => string,
  at: (days: number, hour?: number) => Date,
): Promise<void> {
  const ids = { section: randomUUID(), rating: randomUUID(), nps: randomUUID(), freeText: randomUUID() };
  const definition: TQuestionnaireDefinition = {
    sections: [
      {
        id: ids.section,
        title: demo.section,
        description: "",
        questions: [
          { id: ids.rating, kind: "rating", text: demo.rating.text, description: "", required: true, lowLabel: demo.rating.low, highLabel: demo.rating.high },
          { id: ids.nps, kind: "nps", text: demo.nps.text, description: "", required: true, lowLabel: demo.nps.low, highLabel: demo.nps.high },
          { id: ids.freeText, kind: "free_text", text: demo.freeText, description: "", required: false },
        ],
      },
    ],
  };
  if (questionnaireDefinitionProblems(definition).length > 0) throw new Error("demo questionnaire definition invalid");
  const [draft] = await tx
    .insert(questionnaires)
    .values({
      workspaceId: pm.workspaceId,
      projectId,
      title: demo.title,
      intro: demo.intro,
      definition,
      status: "draft",
      audiencePortal: true,
      audiencePublic: false,
      anonymous: false,
      onePerRespondent: true,
      closesAt: at(10, 16),
      createdById: pm.userId,
      createdAt: at(-3, 14),
      updatedAt: at(-3, 14),
    })
    .returning();
  if (!draft) throw new Error("questionnaire insert failed");
  const auditable = ({ publicToken: _token, publicTokenHash: _hash, ...rest }: typeof draft) => ({ ...rest, hasPublicLink: false });
  await recordAudit(tx, pm, pm.workspaceId, { entityType: "questionnaire", entityId: draft.id, projectId, action: "create", after: auditable(draft) });
  const [open] = await tx
    .update(questionnaires)
    .set({ status: "open", opensAt: at(-2, 9), updatedAt: at(-2, 9), version: draft.version + 1 })
    .where(sql`${questionnaires.id} = ${draft.id}`)
    .returning();
  if (!open) throw new Error("questionnaire publish failed");
  await recordAudit(tx, pm, pm.workspaceId, { entityType: "questionnaire", entityId: draft.id, projectId, action: "update", before: auditable(draft), after: auditable(open) });

  const [rating, nps, freeText] = demo.answer;
  const validation = questionnaireValidateAnswers(definition, { [ids.rating]: rating, [ids.nps]: nps, [ids.freeText]: freeText });
  if (!validation.ok) throw new Error(`demo questionnaire answers invalid: ${JSON.stringify(validation.problems)}`);
  const client = userId("client");
  await tx.insert(questionnaireParticipations).values({ questionnaireId: open.id, respondentKey: contactKey(client) });
  const [response] = await tx
    .insert(questionnaireResponses)
    .values({
      questionnaireId: open.id,
      channel: "portal",
      respondentId: client,
      respondentName: null,
      answers: validation.answers as Record<string, string | string[] | number>,
      submittedAt: at(-1, 8),
    })
    .returning();
  if (!response) throw new Error("response insert failed");
  await recordAudit(tx, { userId: client, workspaceId: pm.workspaceId }, pm.workspaceId, {
    entityType: "questionnaire",
    entityId: open.id,
    projectId,
    action: "response.submit",
    after: { responseId: response.id, channel: response.channel, respondentId: response.respondentId, respondentName: response.respondentName, answers: response.answers },
  });
}
