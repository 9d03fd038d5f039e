/**
 * Project templates for the plan (docs/planning.md, "Project templates"): the WBS an experienced delivery manager
 * starts a kind of project from — phases as summary tasks, tasks with durations in working days, the milestones the
 * client signs (kick-off, design approval, UAT sign-off, go-live), dependencies with their types and lags — plus
 * industry extras that a client's industry adds (security compliance for banks and government, a privacy review
 * for healthcare, ERP and plant-floor integration for manufacturing, the peak-season freeze for retail).
 *
 * Pure data, bilingual. The kinds are the risk catalogue's (`RISK_TEMPLATE_KINDS`): a template also brings that
 * kind's default risks. Keys are stable within a template; industry extras refer to the keys every template shares
 * (`PLAN_TEMPLATE_ANCHORS`).
 */
import { RISK_TEMPLATE_KINDS, type RiskCatalogueEntry, type RiskCatalogueLocale, type RiskTemplateKind } from "../risks/risk-catalogue";

export const PLAN_TEMPLATE_KINDS = RISK_TEMPLATE_KINDS;
export type PlanTemplateKind = RiskTemplateKind;
export type PlanTemplateLocale = RiskCatalogueLocale;
export type PlanTemplateText = Readonly<Record<PlanTemplateLocale, string>>;

export const PLAN_TEMPLATE_INDUSTRIES = ["finance", "government", "healthcare", "manufacturing", "retail"] as const;
export type PlanTemplateIndustry = (typeof PLAN_TEMPLATE_INDUSTRIES)[number];

export type PlanTemplateLinkType = "FS" | "SS" | "FF" | "SF";
/** A predecessor: `[key, type = FS, lag in working days = 0]` (a negative lag is a lead). */
export type PlanTemplateLink = readonly [key: string, type?: PlanTemplateLinkType, lagDays?: number];

/**
 * A row of a template's WBS. A phase (`days` absent) is a summary task; `days: 0` is a milestone. `after` names the
 * predecessors by key; `fixedCost` is in the project's currency (a rough figure the team replaces).
 */
export type PlanTemplateTask = {
  readonly key: string;
  readonly name: PlanTemplateText;
  /** The phase it sits in (absent: a phase at the top). */
  readonly phase?: string;
  readonly days?: number;
  readonly after?: readonly PlanTemplateLink[];
  readonly fixedCost?: number;
};

/** A template: its WBS in outline order. */
export type PlanTemplate = {
  readonly kind: PlanTemplateKind;
  readonly name: PlanTemplateText;
  readonly description: PlanTemplateText;
  readonly tasks: readonly PlanTemplateTask[];
};

/**
 * What an industry adds: tasks (each in a phase, before the phase's row `before` when given, else at its end) with
 * predecessors, the base tasks that must wait for them (`gates`), and risks. Anchors are keys every template has.
 */
export type PlanTemplateExtraTask = PlanTemplateTask & { readonly phase: string; readonly days: number; readonly before?: string; readonly gates?: readonly string[] };
export type PlanTemplateExtra = {
  readonly industry: PlanTemplateIndustry;
  readonly name: PlanTemplateText;
  readonly tasks: readonly PlanTemplateExtraTask[];
  readonly risks: readonly RiskCatalogueEntry[];
};

/** The keys every template has, which industry extras hang on. */
export const PLAN_TEMPLATE_ANCHORS = ["initiation", "design", "build", "testing", "golive", "closure", "requirements", "design-approved", "sit", "uat-signoff", "go-live"] as const;

const t = (en: string, zh: string): PlanTemplateText => ({ en, "zh-CN": zh });

const SAAS_ONBOARDING: PlanTemplate = {
  kind: "saas_onboarding",
  name: t("SaaS onboarding", "SaaS 客户上线"),
  description: t(
    "Bring a client onto our hosted service: workshops, tenant set-up and single sign-on, data migration, acceptance, go-live and a hypercare period.",
    "将客户接入我方托管服务：业务调研、租户开通与单点登录、数据迁移、验收、上线及上线保障期。",
  ),
  tasks: [
    { key: "initiation", name: t("Initiation", "项目启动") },
    { key: "kickoff", phase: "initiation", name: t("Kick-off meeting", "项目启动会"), days: 1 },
    { key: "charter", phase: "initiation", name: t("Project charter and plan agreed", "确认项目章程与计划"), days: 2, after: [["kickoff"]] },
    { key: "kickoff-done", phase: "initiation", name: t("Kick-off complete", "启动完成"), days: 0, after: [["charter"]] },
    { key: "design", name: t("Requirements and configuration design", "需求与配置设计") },
    { key: "requirements", phase: "design", name: t("Business process workshops", "业务流程调研工作坊"), days: 5, after: [["kickoff-done"]] },
    { key: "configuration-design", phase: "design", name: t("Configuration design", "配置方案设计"), days: 3, after: [["requirements"]] },
    { key: "migration-mapping", phase: "design", name: t("Data migration mapping", "数据迁移映射"), days: 3, after: [["requirements", "SS", 2]] },
    { key: "design-approved", phase: "design", name: t("Design approved", "设计方案确认"), days: 0, after: [["configuration-design"], ["migration-mapping"]] },
    { key: "build", name: t("Tenant set-up and integration", "租户开通与集成") },
    { key: "tenant", phase: "build", name: t("Tenant provisioning and base settings", "租户开通与基础配置"), days: 2, after: [["design-approved"]], fixedCost: 12000 },
    { key: "sso", phase: "build", name: t("Single sign-on with the client's identity provider", "与客户身份认证系统单点登录对接"), days: 4, after: [["tenant"]] },
    { key: "configuration", phase: "build", name: t("Configuration", "系统配置"), days: 5, after: [["tenant"]] },
    { key: "migration-trial", phase: "build", name: t("Trial data migration", "数据试迁移"), days: 3, after: [["configuration", "SS", 2]] },
    { key: "testing", name: t("Testing and acceptance", "测试与验收") },
    { key: "sit", phase: "testing", name: t("System integration testing", "系统集成测试"), days: 4, after: [["sso"], ["configuration"], ["migration-trial"]] },
    { key: "key-user-training", phase: "testing", name: t("Key-user training", "关键用户培训"), days: 2, after: [["sit", "SS", 1]] },
    { key: "uat", phase: "testing", name: t("User acceptance testing", "用户验收测试"), days: 5, after: [["sit"], ["key-user-training"]] },
    { key: "uat-signoff", phase: "testing", name: t("UAT sign-off", "UAT 签字确认"), days: 0, after: [["uat"]] },
    { key: "golive", name: t("Go-live", "上线") },
    { key: "end-user-training", phase: "golive", name: t("End-user training", "最终用户培训"), days: 3, after: [["uat-signoff", "FS", -2]] },
    { key: "production-migration", phase: "golive", name: t("Production data migration", "生产数据迁移"), days: 2, after: [["uat-signoff"]] },
    { key: "go-live", phase: "golive", name: t("Go-live", "正式上线"), days: 0, after: [["production-migration"], ["end-user-training"]] },
    { key: "hypercare", phase: "golive", name: t("Hypercare", "上线保障期"), days: 10, after: [["go-live"]] },
    { key: "closure", name: t("Closure", "项目收尾") },
    { key: "handover", phase: "closure", name: t("Handover to customer success", "移交客户成功团队"), days: 2, after: [["hypercare", "FF"]] },
    { key: "closed", phase: "closure", name: t("Project closed", "项目关闭"), days: 0, after: [["handover"]] },
  ],
};

const ON_PREMISE: PlanTemplate = {
  kind: "on_premise",
  name: t("On-premise deployment", "本地化部署"),
  description: t(
    "Install the product in the client's data centre: site survey, hardware and network, installation and integration, performance tests, a rehearsed cutover, trial operation and final acceptance.",
    "在客户机房部署产品：现场调研、硬件与网络、安装与集成、性能测试、切换演练、试运行及终验。",
  ),
  tasks: [
    { key: "initiation", name: t("Initiation", "项目启动") },
    { key: "kickoff", phase: "initiation", name: t("Kick-off meeting", "项目启动会"), days: 1 },
    { key: "site-survey", phase: "initiation", name: t("Site survey and environment requirements", "现场调研与环境需求"), days: 3, after: [["kickoff"]] },
    { key: "kickoff-done", phase: "initiation", name: t("Kick-off complete", "启动完成"), days: 0, after: [["site-survey"]] },
    { key: "design", name: t("Requirements and design", "需求与设计") },
    { key: "requirements", phase: "design", name: t("Requirements workshops", "需求调研"), days: 5, after: [["kickoff-done"]] },
    { key: "architecture", phase: "design", name: t("Deployment architecture design", "部署架构设计"), days: 4, after: [["requirements", "SS", 2]] },
    { key: "hardware-order", phase: "design", name: t("Hardware and network ordered", "硬件与网络设备下单"), days: 1, after: [["architecture"]] },
    { key: "design-approved", phase: "design", name: t("Design approved", "设计方案确认"), days: 0, after: [["requirements"], ["architecture"]] },
    { key: "build", name: t("Infrastructure and installation", "基础设施与安装") },
    { key: "hardware-delivery", phase: "build", name: t("Hardware delivery", "硬件到货"), days: 15, after: [["hardware-order"]], fixedCost: 180000 },
    { key: "network", phase: "build", name: t("Network, firewall rules and remote access", "网络、防火墙策略与远程访问开通"), days: 5, after: [["design-approved"]] },
    { key: "platform", phase: "build", name: t("Operating system, database and middleware", "安装操作系统、数据库与中间件"), days: 3, after: [["hardware-delivery"], ["network"]] },
    { key: "install", phase: "build", name: t("Application installation", "应用安装部署"), days: 3, after: [["platform"]] },
    { key: "integration", phase: "build", name: t("Integration with the client's directory and e-mail", "与客户目录服务和邮件系统集成"), days: 5, after: [["install"]] },
    { key: "testing", name: t("Testing", "测试") },
    { key: "sit", phase: "testing", name: t("System integration testing", "系统集成测试"), days: 5, after: [["integration"]] },
    { key: "performance", phase: "testing", name: t("Performance and failover tests", "性能与容灾切换测试"), days: 3, after: [["sit", "SS", 2]] },
    { key: "uat", phase: "testing", name: t("User acceptance testing", "用户验收测试"), days: 5, after: [["sit"]] },
    { key: "uat-signoff", phase: "testing", name: t("UAT sign-off", "UAT 签字确认"), days: 0, after: [["uat"], ["performance"]] },
    { key: "golive", name: t("Cutover and go-live", "切换与上线") },
    { key: "operations-training", phase: "golive", name: t("Operations team training", "运维团队培训"), days: 3, after: [["uat-signoff", "FS", -2]] },
    { key: "rehearsal", phase: "golive", name: t("Cutover rehearsal", "切换演练"), days: 2, after: [["uat-signoff"]] },
    { key: "cutover", phase: "golive", name: t("Production cutover", "生产切换"), days: 2, after: [["rehearsal", "FS", 2]] },
    { key: "go-live", phase: "golive", name: t("Go-live", "正式上线"), days: 0, after: [["cutover"], ["operations-training"]] },
    { key: "closure", name: t("Acceptance and handover", "验收与移交") },
    { key: "trial-operation", phase: "closure", name: t("Trial operation", "试运行"), days: 20, after: [["go-live"]] },
    { key: "final-acceptance", phase: "closure", name: t("Final acceptance", "终验"), days: 0, after: [["trial-operation"]] },
    { key: "handover", phase: "closure", name: t("Handover to support", "移交运维支持"), days: 2, after: [["final-acceptance"]] },
  ],
};

const MLPS_GRADING: PlanTemplateExtraTask = {
  key: "mlps-grading",
  phase: "design",
  before: "design-approved",
  name: t("Classified protection (MLPS 2.0) grading and filing", "等保 2.0 定级与备案"),
  days: 3,
  after: [["requirements"]],
  gates: ["design-approved"],
};
const MLPS_ASSESSMENT: PlanTemplateExtraTask = {
  key: "mlps-assessment",
  phase: "testing",
  before: "uat-signoff",
  name: t("Classified protection assessment by an accredited agency", "等保测评（第三方测评机构）"),
  days: 10,
  after: [["sit"]],
  gates: ["go-live"],
  fixedCost: 60000,
};
const DATA_RESIDENCY: PlanTemplateExtraTask = {
  key: "data-residency",
  phase: "design",
  before: "design-approved",
  name: t("Data residency and cross-border transfer review", "数据境内存储与出境评估"),
  days: 3,
  after: [["requirements"]],
  gates: ["design-approved"],
};

const MLPS_RISK: RiskCatalogueEntry = {
  id: "mlps-assessment",
  category: "security",
  probability: 3,
  impact: 5,
  strategy: "mitigate",
  text: {
    en: {
      title: "The classified protection assessment finds gaps that block go-live",
      description: "Regulated clients may not go live before the MLPS assessment passes; findings on logging, encryption or access control need rework.",
      responsePlan: "Grade the system in the design phase; run a self-check against the MLPS baseline before the agency arrives; book the agency early.",
      trigger: "The self-check finds high-risk items two weeks before the assessment.",
    },
    "zh-CN": {
      title: "等保测评发现问题导致无法上线",
      description: "受监管客户须通过等保测评后方可上线；日志、加密或访问控制方面的问题需要返工。",
      responsePlan: "设计阶段完成定级；测评机构进场前按等保基线自查；尽早预约测评机构。",
      trigger: "测评前两周自查仍发现高风险项。",
    },
  },
};
const DATA_RESIDENCY_RISK: RiskCatalogueEntry = {
  id: "data-residency",
  category: "security",
  probability: 2,
  impact: 5,
  strategy: "avoid",
  text: {
    en: {
      title: "Personal or financial data would leave mainland China",
      description: "Backups, monitoring or support tooling may copy data to servers abroad, which the client's regulator does not allow without an assessment.",
      responsePlan: "Keep every copy of the data in mainland data centres; list every data flow in the design; get the client's compliance team to sign it off.",
      trigger: "A data flow to a server outside mainland China is found.",
    },
    "zh-CN": {
      title: "个人或金融数据出境",
      description: "备份、监控或运维工具可能把数据复制到境外服务器，未经评估监管不允许。",
      responsePlan: "所有数据副本保存在境内机房；设计中列明全部数据流；由客户合规团队签字确认。",
      trigger: "发现有数据流向境外服务器。",
    },
  },
};

const EXTRAS: readonly PlanTemplateExtra[] = [
  {
    industry: "finance",
    name: t("Finance: classified protection (等保) and data residency", "金融：等保合规与数据境内存储"),
    tasks: [MLPS_GRADING, DATA_RESIDENCY, MLPS_ASSESSMENT],
    risks: [MLPS_RISK, DATA_RESIDENCY_RISK],
  },
  {
    industry: "government",
    name: t("Government: classified protection (等保), data residency and domestic IT stack (信创)", "政务：等保合规、数据境内存储与信创适配"),
    tasks: [
      MLPS_GRADING,
      DATA_RESIDENCY,
      {
        key: "xinchuang",
        phase: "build",
        name: t("Compatibility on the domestic IT stack (信创: Kylin OS, Dameng database)", "信创环境适配（麒麟操作系统、达梦数据库）"),
        days: 5,
        after: [["design-approved"]],
        gates: ["sit"],
      },
      MLPS_ASSESSMENT,
    ],
    risks: [
      MLPS_RISK,
      DATA_RESIDENCY_RISK,
      {
        id: "xinchuang",
        category: "technical",
        probability: 3,
        impact: 4,
        strategy: "mitigate",
        text: {
          en: {
            title: "The product is not yet certified on the client's domestic IT stack",
            description: "Government clients require the domestic operating system and database (信创); drivers, fonts and performance may differ from what we test on.",
            responsePlan: "Get the client's exact versions at kick-off; test on a matching environment during the build; budget time for fixes.",
            trigger: "The compatibility test fails on the client's versions.",
          },
          "zh-CN": {
            title: "产品尚未在客户信创环境完成适配认证",
            description: "政务客户要求使用国产操作系统和数据库，驱动、字体与性能可能与我方测试环境不同。",
            responsePlan: "启动时获取客户确切版本；建设阶段在同版本环境中测试；预留修复时间。",
            trigger: "在客户版本上的适配测试未通过。",
          },
        },
      },
    ],
  },
  {
    industry: "healthcare",
    name: t("Healthcare: personal information protection review", "医疗：个人信息保护评估"),
    tasks: [
      {
        key: "privacy-review",
        phase: "design",
        before: "design-approved",
        name: t("Personal information protection impact assessment (PIPL)", "个人信息保护影响评估"),
        days: 3,
        after: [["requirements"]],
        gates: ["design-approved"],
      },
      {
        key: "test-data-masking",
        phase: "build",
        name: t("Masked patient data for testing", "测试数据脱敏"),
        days: 2,
        after: [["design-approved"]],
        gates: ["sit"],
      },
    ],
    risks: [
      {
        id: "patient-data",
        category: "security",
        probability: 2,
        impact: 5,
        strategy: "avoid",
        text: {
          en: {
            title: "Patient data is exposed during migration or testing",
            description: "Real patient records in test environments or migration files are sensitive personal information under PIPL.",
            responsePlan: "Test with masked data only; encrypt migration files and delete them after the cutover; limit access to named people.",
            trigger: "Unmasked patient data is found outside production.",
          },
          "zh-CN": {
            title: "迁移或测试过程中泄露患者数据",
            description: "测试环境或迁移文件中的真实患者记录属于《个人信息保护法》规定的敏感个人信息。",
            responsePlan: "仅使用脱敏数据测试；迁移文件加密并在切换后删除；仅限指定人员访问。",
            trigger: "在生产环境以外发现未脱敏的患者数据。",
          },
        },
      },
    ],
  },
  {
    industry: "manufacturing",
    name: t("Manufacturing: ERP interface and plant-floor integration", "制造业：ERP 接口与车间系统集成"),
    tasks: [
      {
        key: "erp-interface",
        phase: "build",
        name: t("ERP interface (orders, materials, master data)", "ERP 接口对接（订单、物料、主数据）"),
        days: 5,
        after: [["design-approved"]],
        gates: ["sit"],
      },
      {
        key: "plant-floor",
        phase: "build",
        name: t("Plant-floor integration (MES, workstation terminals)", "车间系统集成（MES、工位终端）"),
        days: 5,
        after: [["erp-interface", "SS", 2]],
        gates: ["sit"],
      },
    ],
    risks: [
      {
        id: "production-disruption",
        category: "technical",
        probability: 3,
        impact: 4,
        strategy: "mitigate",
        text: {
          en: {
            title: "Integration work disrupts the production lines",
            description: "Connecting to the MES and workstation terminals can stop a line; plants allow changes only in planned maintenance windows.",
            responsePlan: "Schedule plant-floor work in the maintenance windows; test against a copy of the MES first; keep the old interface ready to switch back.",
            trigger: "No maintenance window agreed four weeks before the integration.",
          },
          "zh-CN": {
            title: "集成工作影响产线生产",
            description: "对接 MES 和工位终端可能导致产线停线，工厂仅允许在计划检修窗口内变更。",
            responsePlan: "车间工作安排在检修窗口内；先对 MES 副本测试；保留旧接口以便回切。",
            trigger: "集成前四周仍未约定检修窗口。",
          },
        },
      },
    ],
  },
  {
    industry: "retail",
    name: t("Retail: peak-season freeze and store roll-out", "零售：大促封网窗口与门店分批推广"),
    tasks: [
      {
        key: "peak-freeze",
        phase: "design",
        before: "design-approved",
        name: t("Go-live date agreed outside the peak-season change freeze (618, Double 11)", "确认上线日期避开大促封网期（618、双十一）"),
        days: 1,
        after: [["requirements"]],
        gates: ["design-approved"],
      },
      {
        key: "store-rollout",
        phase: "golive",
        name: t("Store roll-out in waves", "门店分批推广"),
        days: 5,
        after: [["go-live"]],
      },
    ],
    risks: [
      {
        id: "peak-season",
        category: "schedule",
        probability: 3,
        impact: 4,
        strategy: "avoid",
        text: {
          en: {
            title: "Go-live falls into the peak-season change freeze",
            description: "Retailers freeze every system change around 618 and Double 11; a slip of a few weeks can push go-live by months.",
            responsePlan: "Plan go-live at least three weeks before the freeze; track the critical path weekly; agree a fallback date after the freeze.",
            trigger: "The critical path slips into the three weeks before the freeze.",
          },
          "zh-CN": {
            title: "上线时间落入大促封网期",
            description: "零售企业在 618 和双十一前后冻结所有系统变更，延误几周可能使上线推迟数月。",
            responsePlan: "上线时间至少安排在封网前三周；每周跟踪关键路径；约定封网后的备选日期。",
            trigger: "关键路径延误进入封网前三周。",
          },
        },
      },
    ],
  },
];

const TEMPLATES: Readonly<Record<PlanTemplateKind, PlanTemplate>> = { saas_onboarding: SAAS_ONBOARDING, on_premise: ON_PREMISE };

/**
 * A template by kind.
 *
 * @example
 * planTemplate("saas_onboarding").tasks[1]?.name.en; // "Kick-off meeting"
 */
export function planTemplate(kind: PlanTemplateKind): PlanTemplate {
  return TEMPLATES[kind];
}

/**
 * What an industry adds to every template.
 *
 * @example
 * planTemplateExtra("retail").tasks.map((task) => task.key); // ["peak-freeze", "store-rollout"]
 */
export function planTemplateExtra(industry: PlanTemplateIndustry): PlanTemplateExtra {
  const extra = EXTRAS.find((e) => e.industry === industry);
  if (!extra) throw new Error(`no template extra for ${industry}`);
  return extra;
}

/**
 * Keywords that place a client's free-text `industry` ("Banking", "城市商业银行", "制造业（汽车零部件）") in an industry.
 * Order matters only for the order extras are listed in; a client may match several (a pharmacy chain: healthcare
 * and retail).
 */
const INDUSTRY_RULES: readonly (readonly [PlanTemplateIndustry, RegExp])[] = [
  ["finance", /financ|bank|insur|securities|brokerage|asset management|fintech|payment|金融|银行|保险|证券|基金|信托|支付|理财/i],
  ["government", /government|public sector|municipal|ministry|state-owned enterprise|政府|政务|机关|事业单位|公共部门|央企|国企/i],
  ["healthcare", /health|hospital|medic|pharma|clinic|医疗|医院|卫生|医药|药业|健康|诊所/i],
  ["manufacturing", /manufactur|factory|plant|automotive|industrial|machinery|electronics|制造|工厂|汽车|工业|机械|电子|零部件/i],
  ["retail", /retail|e-?commerce|store|supermarket|consumer goods|fmcg|零售|电商|商超|超市|门店|连锁|快消/i],
];

/**
 * The industries a client's free-text industry falls in, in `PLAN_TEMPLATE_INDUSTRIES` order; none for an empty or
 * unknown one.
 *
 * @example
 * planTemplateIndustriesOf("制造业（汽车零部件）"); // ["manufacturing"]
 * planTemplateIndustriesOf("医药连锁零售");        // ["healthcare", "retail"]
 * planTemplateIndustriesOf("Legal services");       // []
 */
export function planTemplateIndustriesOf(industry: string): PlanTemplateIndustry[] {
  const text = industry.trim();
  if (!text) return [];
  return INDUSTRY_RULES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
