/**
 * The demo workspace, created on first start in demo mode (`JIAOFU_DEMO=1`) or by `jiaofu seed-demo`.
 *
 * The story: 云信智联 / CloudTalk sells an IM + AI assistant cloud service and is rolling it out for 华东制造集团 /
 * Eastern Manufacturing Group (5,000 staff, SSO against the group's ADFS, chat archives kept in the group's own data
 * centre, an AI assistant knowledge base). A pilot for the same client is in support, and a small law firm has a
 * project of its own. Texts follow `JIAOFU_DEMO_LOCALE`; dates are relative to the day of seeding, so the demo always
 * looks current.
 */
import { sql } from "drizzle-orm";
import type { TLocale, TProjectRole, TProjectStage } from "@jiaofu/contracts";
import type { Db, Tx } from "../db/database";
import { clients, comments, projectMembers, projects, users, workspaces } from "../db/schema";
import { hashPassword } from "../modules/auth/auth.crypto";
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
