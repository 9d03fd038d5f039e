/**
 * Default risks per kind of project: what experienced delivery managers put in a new register before the first
 * workshop, so a project starts from the usual suspects rather than a blank page. A project template names its kind;
 * "Add default risks" inserts the kind's entries, each remembering its `id` so adding them again skips those
 * already there. Every text is in both of the product's languages.
 */
import type { RiskCategory, RiskStrategy } from "./risk-register";
import type { RiskRating } from "./risk-score";

export const RISK_TEMPLATE_KINDS = ["saas_onboarding", "on_premise"] as const;
export type RiskTemplateKind = (typeof RISK_TEMPLATE_KINDS)[number];

export type RiskCatalogueLocale = "en" | "zh-CN";

export type RiskCatalogueText = { title: string; description: string; responsePlan: string; trigger: string };

/** One default risk: a stable id (unique within its kind), its first assessment and response, and its text. */
export type RiskCatalogueEntry = {
  id: string;
  category: RiskCategory;
  probability: RiskRating;
  impact: RiskRating;
  strategy: RiskStrategy;
  text: Record<RiskCatalogueLocale, RiskCatalogueText>;
};

const SAAS_ONBOARDING: readonly RiskCatalogueEntry[] = [
  {
    id: "legacy-data-quality",
    category: "technical",
    probability: 4,
    impact: 4,
    strategy: "mitigate",
    text: {
      en: {
        title: "Legacy data is incomplete or inconsistent",
        description: "Records exported from the old system have gaps, duplicates and free-text fields that do not map to the new data model.",
        responsePlan: "Profile the export in the first week; the client owns cleansing with a named data steward; run a trial migration and reconcile counts before the cutover is planned.",
        trigger: "The trial migration rejects more than 2% of records.",
      },
      "zh-CN": {
        title: "历史数据不完整或不一致",
        description: "从旧系统导出的数据存在缺失、重复，以及无法对应到新数据模型的自由文本字段。",
        responsePlan: "第一周完成数据剖析；由客户指定数据负责人完成清洗；在计划切换前进行试迁移并核对数量。",
        trigger: "试迁移被拒绝的记录超过 2%。",
      },
    },
  },
  {
    id: "sso-integration",
    category: "technical",
    probability: 3,
    impact: 4,
    strategy: "mitigate",
    text: {
      en: {
        title: "Single sign-on with the client's identity provider is delayed",
        description: "Go-live depends on signing in through the client's identity provider (ADFS, Azure AD, WeCom), which their IT team must configure.",
        responsePlan: "Ask for a test tenant at kickoff; agree the claims and group mapping in writing; keep local accounts for key users as a fallback.",
        trigger: "No test tenant two weeks after kickoff.",
      },
      "zh-CN": {
        title: "与客户身份认证系统的单点登录对接延误",
        description: "上线依赖通过客户的身份认证系统（ADFS、Azure AD、企业微信）登录，需由客户 IT 团队配置。",
        responsePlan: "启动会上申请测试租户；书面确认声明与用户组映射；为关键用户保留本地账号作为后备。",
        trigger: "启动两周后仍未获得测试租户。",
      },
    },
  },
  {
    id: "key-user-availability",
    category: "resource",
    probability: 4,
    impact: 3,
    strategy: "mitigate",
    text: {
      en: {
        title: "Client key users are not available for workshops and acceptance testing",
        description: "Key users do the configuration workshops and acceptance tests on top of their daily work, and their managers do not free their time.",
        responsePlan: "Agree the key users' time with their managers in the project charter; book workshops for the whole phase at kickoff; escalate to the sponsor after two cancellations.",
        trigger: "Two workshops in a row are postponed.",
      },
      "zh-CN": {
        title: "客户关键用户无法参加研讨会和验收测试",
        description: "关键用户需在日常工作之外参加配置研讨会和验收测试，其上级未为其安排时间。",
        responsePlan: "在项目章程中与其上级确认关键用户投入时间；启动时预订整个阶段的研讨会；两次取消后上报项目发起人。",
        trigger: "连续两次研讨会被推迟。",
      },
    },
  },
  {
    id: "user-adoption",
    category: "stakeholder",
    probability: 3,
    impact: 4,
    strategy: "mitigate",
    text: {
      en: {
        title: "End users keep working the old way after go-live",
        description: "Without visible support from their managers, staff keep using spreadsheets and chat groups, and the subscription does not pay off.",
        responsePlan: "Name a champion per department; train in short role-based sessions; switch off the old tools on an agreed date; report weekly active users to the sponsor.",
        trigger: "Fewer than 60% of licensed users are active two weeks after go-live.",
      },
      "zh-CN": {
        title: "上线后最终用户仍沿用旧的工作方式",
        description: "缺少上级的明确支持，员工继续使用表格和聊天群，订阅投入无法产生回报。",
        responsePlan: "每个部门指定一名推广负责人；按角色开展简短培训；在约定日期停用旧工具；每周向发起人报告活跃用户数。",
        trigger: "上线两周后活跃用户不足已授权用户的 60%。",
      },
    },
  },
  {
    id: "customisation-requests",
    category: "scope",
    probability: 3,
    impact: 3,
    strategy: "avoid",
    text: {
      en: {
        title: "Requests for customisation beyond configuration",
        description: "Departments ask for the product to work like the old system, which needs custom development the subscription does not include.",
        responsePlan: "Run fit-gap workshops against the standard product; anything that needs code goes through a change request with its cost; prefer process changes over custom code.",
        trigger: "A requirement cannot be met by configuration.",
      },
      "zh-CN": {
        title: "超出配置范围的定制需求",
        description: "各部门要求产品按旧系统的方式运作，需要订阅范围之外的定制开发。",
        responsePlan: "对照标准产品开展差异分析研讨会；需要开发的内容一律走变更请求并注明成本；优先调整流程而非定制开发。",
        trigger: "出现无法通过配置满足的需求。",
      },
    },
  },
  {
    id: "security-review",
    category: "security",
    probability: 2,
    impact: 5,
    strategy: "mitigate",
    text: {
      en: {
        title: "The client's security or data residency review blocks go-live",
        description: "The client's security team reviews where data is stored, encryption and access control (MLPS 2.0 for systems in China) late in the project.",
        responsePlan: "Send the security questionnaire and data-flow diagram in the first month; book the review before the design freeze; keep the hosting region's certifications at hand.",
        trigger: "The security questionnaire is not signed off by the design freeze.",
      },
      "zh-CN": {
        title: "客户安全或数据驻留审查阻碍上线",
        description: "客户安全团队在项目后期才审查数据存储位置、加密与访问控制（境内系统需符合等保 2.0）。",
        responsePlan: "第一个月内提交安全问卷和数据流图；在设计冻结前安排评审；备好所用云区域的资质证明。",
        trigger: "设计冻结时安全问卷仍未签字确认。",
      },
    },
  },
];

const ON_PREMISE: readonly RiskCatalogueEntry[] = [
  {
    id: "hardware-delivery",
    category: "vendor",
    probability: 3,
    impact: 4,
    strategy: "mitigate",
    text: {
      en: {
        title: "Servers are delivered late or below specification",
        description: "The client buys the hardware through its own procurement; lead times and substitutions are outside the team's control.",
        responsePlan: "Have the sizing signed off in the first month; track the purchase order weekly; check the delivered hardware against the specification on arrival.",
        trigger: "No confirmed delivery date four weeks before the installation window.",
      },
      "zh-CN": {
        title: "服务器延迟交付或配置不达标",
        description: "硬件由客户自行采购，交期和替代型号不在团队控制之内。",
        responsePlan: "第一个月内签字确认配置清单；每周跟踪采购订单；到货时对照规格验收。",
        trigger: "安装窗口前四周仍未确认交付日期。",
      },
    },
  },
  {
    id: "environment-access",
    category: "resource",
    probability: 4,
    impact: 3,
    strategy: "mitigate",
    text: {
      en: {
        title: "Access to the client's network and servers comes late",
        description: "VPN accounts, server logins and firewall changes each need a ticket and an approval on the client's side.",
        responsePlan: "Send the full access list with the kickoff minutes; name the client's network contact; plan remote work only after a successful test login.",
        trigger: "No working access one week before the installation window.",
      },
      "zh-CN": {
        title: "客户网络和服务器访问权限迟迟未开通",
        description: "VPN 账号、服务器登录和防火墙变更都需要在客户侧提交工单并审批。",
        responsePlan: "随启动会纪要发送完整的权限清单；明确客户网络对接人；测试登录成功后再安排远程工作。",
        trigger: "安装窗口前一周仍无可用的访问权限。",
      },
    },
  },
  {
    id: "platform-compatibility",
    category: "technical",
    probability: 3,
    impact: 4,
    strategy: "mitigate",
    text: {
      en: {
        title: "The client's operating system or database is not a supported version",
        description: "The client standardises on its own platform (for example a domestic OS such as Kylin or UOS and a domestic database), which the product has not been certified on.",
        responsePlan: "Survey the target environment before sizing; run the installer on a copy of the client's image early; agree any certification work as a change.",
        trigger: "The environment survey shows a version outside the support matrix.",
      },
      "zh-CN": {
        title: "客户的操作系统或数据库版本不在支持范围内",
        description: "客户统一使用自有平台（例如麒麟、统信等国产操作系统和国产数据库），产品尚未在其上完成适配认证。",
        responsePlan: "定配前完成目标环境调研；尽早在客户镜像副本上试装；如需适配认证，按变更处理。",
        trigger: "环境调研发现版本不在支持矩阵内。",
      },
    },
  },
  {
    id: "security-hardening",
    category: "security",
    probability: 3,
    impact: 3,
    strategy: "mitigate",
    text: {
      en: {
        title: "Security hardening or the MLPS assessment requires rework",
        description: "The client's baseline (password policy, ports, audit logging) or the MLPS 2.0 assessment finds settings that must change after installation.",
        responsePlan: "Get the client's hardening baseline before installation; install with it applied; book a pre-assessment scan before acceptance.",
        trigger: "The pre-assessment scan reports high findings.",
      },
      "zh-CN": {
        title: "安全加固或等保测评需要返工",
        description: "客户的安全基线（口令策略、端口、审计日志）或等保 2.0 测评发现安装后必须调整的配置。",
        responsePlan: "安装前获取客户的加固基线并按其安装；验收前安排预测评扫描。",
        trigger: "预测评扫描出现高危问题。",
      },
    },
  },
  {
    id: "cutover-window",
    category: "schedule",
    probability: 2,
    impact: 5,
    strategy: "mitigate",
    text: {
      en: {
        title: "The cutover window is too short for migration and rollback",
        description: "The client allows one weekend of downtime; migration, verification and a possible rollback must all fit in it.",
        responsePlan: "Rehearse the cutover on a copy of production data; time every step; agree the go/no-go criteria and the rollback point with the client in writing.",
        trigger: "The rehearsal takes more than 70% of the window.",
      },
      "zh-CN": {
        title: "切换窗口不足以完成迁移和回退",
        description: "客户只允许一个周末的停机时间，迁移、验证以及可能的回退都必须在窗口内完成。",
        responsePlan: "用生产数据副本演练切换并记录每一步耗时；与客户书面确认上线判定标准和回退点。",
        trigger: "演练耗时超过窗口的 70%。",
      },
    },
  },
  {
    id: "operations-handover",
    category: "stakeholder",
    probability: 3,
    impact: 3,
    strategy: "transfer",
    text: {
      en: {
        title: "The client's operations team is not ready to run the system",
        description: "After acceptance the client's own team monitors, backs up and upgrades the system, but nobody has been trained.",
        responsePlan: "Train the operations team during installation; hand over the runbook; offer a maintenance contract so incidents after handover go to our support desk.",
        trigger: "No operations contact named one month before acceptance.",
      },
      "zh-CN": {
        title: "客户运维团队尚未具备运行系统的能力",
        description: "验收后由客户团队负责监控、备份和升级，但尚无人接受过培训。",
        responsePlan: "安装期间培训运维团队；移交运维手册；提供维保合同，移交后的故障由我方支持中心处理。",
        trigger: "验收前一个月仍未指定运维对接人。",
      },
    },
  },
];

const CATALOGUE: Readonly<Record<RiskTemplateKind, readonly RiskCatalogueEntry[]>> = { saas_onboarding: SAAS_ONBOARDING, on_premise: ON_PREMISE };

/**
 * The default risks of a kind of project, in the order a register lists them.
 *
 * @example
 * riskCatalogue("on_premise").map((entry) => entry.id); // ["hardware-delivery", "environment-access", …]
 */
export function riskCatalogue(kind: RiskTemplateKind): readonly RiskCatalogueEntry[] {
  return CATALOGUE[kind];
}

/**
 * The key a default risk keeps in the register (`on_premise/cutover-window`), so adding the defaults twice adds each
 * one once.
 */
export function riskCatalogueKey(kind: RiskTemplateKind, entry: Pick<RiskCatalogueEntry, "id">): string {
  return `${kind}/${entry.id}`;
}
