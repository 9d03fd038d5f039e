/**
 * The small bilingual lexicon of the text analysis: stop words, marker words (negation, exclusivity, modality,
 * comparators, rates), concepts that fold synonyms and translations onto one term (登录 / 登陆 / log in / sign in →
 * `login`), concepts with a sign (plaintext = encryption with sign −1), groups of mutually exclusive alternatives
 * (on-premise vs public cloud) and measurement units.
 *
 * This is domain knowledge about requirement texts, not a list of test answers: every entry is a general word or
 * phrase of requirement writing in zh-CN or English. The methods (polarity on a shared subject, numeric
 * incompatibility on a shared subject) work without it; the lexicon only lets different words meet.
 *
 * English phrases are written as plain text and matched on stemmed words (see `englishStem`), so inflections need
 * no entries; `[a|an]` marks optional words and `(x|y)` alternatives. Chinese phrases are matched on the text
 * itself, longest first.
 */

/** How a comparator or limit word binds a number. */
export type ComparatorOp = ">=" | ">" | "<=" | "<" | "=" | "~";

/** A marker: a word that says something about the statement rather than its subject. */
export type TextMarker =
  | { readonly type: "negation" }
  /** "without", "无": negates a part ("closed after 7 days without reply"), not the statement: no effect on polarity. */
  | { readonly type: "privative" }
  | { readonly type: "exclusive" }
  | { readonly type: "capability" }
  | { readonly type: "mandate" }
  | { readonly type: "conditional" }
  | { readonly type: "clauseBreak" }
  /**
   * A comparator. `target: true` for limit words ("maximum", "上限", "up to"): they state the value of a limit,
   * which is then a target (two maxima that differ conflict), not a bound on measured values.
   * `after: true` when it follows the number ("500 or more", "2秒以内").
   */
  | { readonly type: "comparator"; readonly op: ComparatorOp; readonly target: boolean; readonly after: boolean }
  /** "per day", "每天", "daily": a period of `seconds`. */
  | { readonly type: "per"; readonly seconds: number }
  /** "every", "每", "每隔" before a number and a time unit. */
  | { readonly type: "every" }
  /** "to", "至", "~" between two numbers. */
  | { readonly type: "range" }
  /** "after", "后", "之后": after a duration or a date. */
  | { readonly type: "after" }
  /** "before", "前", "之前": before a date. */
  | { readonly type: "before" }
  /** "permanently", "永久": an unbounded duration. */
  | { readonly type: "forever" };

/** What one lexicon phrase contributes to the token stream. */
export type LexiconEmission =
  | { readonly kind: "concept"; readonly concept: string; readonly sign: 1 | -1 }
  | { readonly kind: "marker"; readonly marker: TextMarker }
  | { readonly kind: "word"; readonly term: string }
  | { readonly kind: "stop" };

/** A measurement dimension; values are held in the canonical unit named beside each. */
export type QuantityDimension =
  | "time" // milliseconds
  | "size" // megabytes (1 GB = 1024 MB)
  | "percent" // percent
  | "count" // items
  | "money" // currency units, compared only within one currency
  | "rate" // events per second
  | "date"; // days since 1970-01-01

/** A unit: its dimension and the factor to the canonical unit (2 s → 2 × 1000 ms). */
export type QuantityUnit = {
  readonly dimension: QuantityDimension;
  readonly factor: number;
  /** Label used when a value is shown back ("s", "GB", "%"). */
  readonly label: string;
  readonly currency?: string;
  /** The unit is also a noun of the subject (人 → user). */
  readonly concept?: string;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const time = (factor: number, label: string): QuantityUnit => ({ dimension: "time", factor, label });
const size = (factor: number, label: string): QuantityUnit => ({ dimension: "size", factor, label });
const money = (currency: string): QuantityUnit => ({ dimension: "money", factor: 1, label: currency, currency });
const count = (label: string, concept?: string): QuantityUnit => (concept === undefined ? { dimension: "count", factor: 1, label } : { dimension: "count", factor: 1, label, concept });

/** Units written after a number in Latin script, by lower-case word (stemmed forms are looked up too). */
export const LATIN_UNITS: ReadonlyMap<string, QuantityUnit> = new Map<string, QuantityUnit>([
  ...["ms", "msec", "millisecond", "milliseconds"].map((w) => [w, time(1, "ms")] as const),
  ...["s", "sec", "secs", "second", "seconds"].map((w) => [w, time(SECOND, "s")] as const),
  ...["min", "mins", "minute", "minutes"].map((w) => [w, time(MINUTE, "min")] as const),
  ...["h", "hr", "hrs", "hour", "hours"].map((w) => [w, time(HOUR, "h")] as const),
  ...["d", "day", "days", "business day", "business days", "working day", "working days", "calendar day", "calendar days"].map((w) => [w, time(DAY, "days")] as const),
  ...["week", "weeks", "wk", "wks"].map((w) => [w, time(7 * DAY, "weeks")] as const),
  ...["month", "months"].map((w) => [w, time(30 * DAY, "months")] as const),
  ...["year", "years", "yr", "yrs"].map((w) => [w, time(365 * DAY, "years")] as const),
  ...["kb", "kib"].map((w) => [w, size(1 / 1024, "KB")] as const),
  ...["mb", "mib", "megabyte", "megabytes"].map((w) => [w, size(1, "MB")] as const),
  ...["gb", "gib", "gigabyte", "gigabytes"].map((w) => [w, size(1024, "GB")] as const),
  ...["tb", "tib", "terabyte", "terabytes"].map((w) => [w, size(1024 * 1024, "TB")] as const),
  ...["pb", "petabyte", "petabytes"].map((w) => [w, size(1024 * 1024 * 1024, "PB")] as const),
  ["percent", { dimension: "percent", factor: 1, label: "%" }],
  ...["cny", "rmb", "yuan"].map((w) => [w, money("CNY")] as const),
  ...["usd", "dollar", "dollars"].map((w) => [w, money("USD")] as const),
  ...["eur", "euro", "euros"].map((w) => [w, money("EUR")] as const),
  ...["qps", "tps", "rps", "rpm"].map((w) => [w, { dimension: "rate", factor: w === "rpm" ? 1 / 60 : 1, label: w.toUpperCase() }] as const),
]);

/** Units written right after a number in Chinese (longest first when matched). */
export const HAN_UNITS: ReadonlyMap<string, QuantityUnit> = new Map<string, QuantityUnit>([
  ["毫秒", time(1, "ms")],
  ...["秒钟", "秒"].map((w) => [w, time(SECOND, "s")] as const),
  ...["分钟"].map((w) => [w, time(MINUTE, "min")] as const),
  ...["个小时", "小时", "个钟头", "钟头"].map((w) => [w, time(HOUR, "h")] as const),
  ...["个工作日", "工作日", "个自然日", "自然日", "天", "日"].map((w) => [w, time(DAY, "days")] as const),
  ...["个星期", "星期", "周"].map((w) => [w, time(7 * DAY, "weeks")] as const),
  ...["个月"].map((w) => [w, time(30 * DAY, "months")] as const),
  ...["年"].map((w) => [w, time(365 * DAY, "years")] as const),
  ["兆", size(1, "MB")],
  ...["元人民币", "元", "块钱", "块"].map((w) => [w, money("CNY")] as const),
  ["美元", money("USD")],
  ["欧元", money("EUR")],
  ...["人", "名用户", "位用户", "个用户"].map((w) => [w, count(w, "user")] as const),
  ...["个", "名", "位", "条", "次", "台", "件", "项", "份", "张", "篇", "家", "套", "路", "级", "倍", "笔", "单"].map((w) => [w, count(w)] as const),
]);

/** Currency symbols written before a number. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, QuantityUnit> = new Map([
  ["¥", money("CNY")],
  ["$", money("USD")],
  ["€", money("EUR")],
]);

/** Symbols that compare: "≥ 500", "<2s". */
export const SYMBOL_COMPARATORS: ReadonlyMap<string, ComparatorOp> = new Map<string, ComparatorOp>([
  ["≥", ">="],
  [">=", ">="],
  ["≤", "<="],
  ["<=", "<="],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
  ["≈", "~"],
]);

// ── Emission helpers ─────────────────────────────────────────────────────────────────────────────────────────
const NEG: LexiconEmission = { kind: "marker", marker: { type: "negation" } };
const PRIV: LexiconEmission = { kind: "marker", marker: { type: "privative" } };
const EXC: LexiconEmission = { kind: "marker", marker: { type: "exclusive" } };
const CAP: LexiconEmission = { kind: "marker", marker: { type: "capability" } };
const MAN: LexiconEmission = { kind: "marker", marker: { type: "mandate" } };
const COND: LexiconEmission = { kind: "marker", marker: { type: "conditional" } };
const BREAK: LexiconEmission = { kind: "marker", marker: { type: "clauseBreak" } };
const STOP: LexiconEmission = { kind: "stop" };
const RANGE: LexiconEmission = { kind: "marker", marker: { type: "range" } };
const AFTER: LexiconEmission = { kind: "marker", marker: { type: "after" } };
const BEFORE: LexiconEmission = { kind: "marker", marker: { type: "before" } };
const FOREVER: LexiconEmission = { kind: "marker", marker: { type: "forever" } };
const EVERY: LexiconEmission = { kind: "marker", marker: { type: "every" } };
const cmp = (op: ComparatorOp, opts: { target?: boolean; after?: boolean } = {}): LexiconEmission => ({
  kind: "marker",
  marker: { type: "comparator", op, target: opts.target ?? false, after: opts.after ?? false },
});
const per = (seconds: number): LexiconEmission => ({ kind: "marker", marker: { type: "per", seconds } });
const concept = (id: string, sign: 1 | -1 = 1): LexiconEmission => ({ kind: "concept", concept: id, sign });
const word = (term: string): LexiconEmission => ({ kind: "word", term });

/** One lexicon row: the phrases (English and Chinese) and what they emit. */
type LexiconRow = { readonly en?: readonly string[]; readonly zh?: readonly string[]; readonly emit: readonly LexiconEmission[] };

const S_DAY = 86_400;

// ── Markers ──────────────────────────────────────────────────────────────────────────────────────────────────
const MARKER_ROWS: readonly LexiconRow[] = [
  { en: ["without", "lacking"], zh: ["无", "不带", "缺少"], emit: [PRIV] },
  { en: ["not", "no", "never", "neither", "nor", "forbid", "forbidden", "prohibit", "prohibited", "disallow", "disallowed", "deny", "denied", "refuse", "ban", "banned", "not allowed", "not permitted", "not possible", "discontinue", "discontinued", "drop support for", "no longer"], zh: ["禁止", "严禁", "杜绝", "没有", "切勿", "勿", "拒绝", "并不", "不再", "不予", "无法", "未能", "停止支持", "不再支持", "停止提供", "取消支持"], emit: [NEG] },
  { en: ["cannot", "can't", "couldn't", "unable to", "not able to", "may not"], zh: ["不能", "不能够", "不可", "不可以", "不允许", "不准", "不支持", "不会", "不开放"], emit: [NEG, CAP] },
  { zh: ["不提供"], emit: [NEG] },
  { en: ["mustn't", "shouldn't", "shan't", "won't", "don't", "doesn't", "isn't", "aren't", "wasn't", "weren't", "didn't", "need not", "needn't", "do not need to", "does not need to", "not required", "not necessary"], zh: ["不得", "不应", "不应该", "不应当", "不要", "不需要", "不需", "不必", "不用", "无需", "无须", "不宜"], emit: [NEG, MAN] },
  { zh: ["不得不", "一定要", "必需", "必须", "务必", "须", "应当", "应该", "应", "需要", "需", "要求", "强制", "确保", "保证", "一律"], en: ["must", "shall", "should", "need", "needs to", "need to", "have to", "has to", "required to", "is required to", "are required to", "require", "required", "requirement", "ensure", "enforce", "will", "is to", "are to"], emit: [MAN] },
  { en: ["can", "could", "may", "might", "able", "be able to", "support", "supported", "allow", "allowed", "permit", "permitted", "let", "lets", "capable of", "compatible with"], zh: ["支持", "允许", "可以", "能够", "能", "可", "具备", "兼容", "开放"], emit: [CAP] },
  { en: ["only", "exclusively", "solely", "nothing but", "the only", "only be", "can only", "may only"], zh: ["仅", "只", "只能", "仅能", "仅限", "只限", "只有", "唯一", "统一", "仅仅", "单一"], emit: [EXC] },
  { zh: ["仅支持", "只支持", "仅允许", "只允许", "仅提供", "只提供", "仅可", "只可"], emit: [EXC, CAP] },
  { en: ["if", "unless", "when", "whenever", "in case", "provided that"], zh: ["如果", "若", "除非", "一旦", "只要", "假如", "倘若"], emit: [COND] },
  { en: ["but", "however", "whereas", "although", "though", "yet", "except that"], zh: ["但", "但是", "然而", "不过", "否则", "而是"], emit: [BREAK] },
  // comparators before the number
  { en: ["at least", "no less than", "not less than", "no fewer than", "not fewer than", "a minimum of", "minimum of", "as many as", "or more than"], zh: ["至少", "最少", "不少于", "不低于", "不小于", "不短于", "起码", "达到", "不早于"], emit: [cmp(">=")] },
  { en: ["more than", "greater than", "over", "above", "exceed", "exceeding", "in excess of", "longer than", "higher than", "later than"], zh: ["大于", "高于", "超过", "多于", "超出", "长于", "晚于"], emit: [cmp(">")] },
  { en: ["at most", "no more than", "not more than", "not exceed", "not to exceed", "no longer than", "not longer than", "no later than", "not later than", "no higher than", "not higher than", "within", "inside", "maximum of at most"], zh: ["不超过", "不超出", "不大于", "不高于", "不多于", "不长于", "不晚于", "最多不超过", "控制在", "小于等于"], emit: [cmp("<=")] },
  { en: ["less than", "fewer than", "under", "below", "shorter than", "lower than", "faster than", "earlier than"], zh: ["小于", "低于", "少于", "短于", "早于"], emit: [cmp("<")] },
  { en: ["up to", "maximum", "max", "a maximum of", "the maximum", "limit", "limited to", "upper limit", "cap", "capped at", "ceiling"], zh: ["最多", "最大", "最高", "上限", "上限为", "封顶", "高达", "最长", "最大值"], emit: [cmp("<=", { target: true })] },
  { en: ["minimum", "min", "lower limit", "floor"], zh: ["下限", "下限为", "最小值", "最低"], emit: [cmp(">=", { target: true })] },
  { en: ["about", "around", "approximately", "roughly", "circa", "approx"], zh: ["约", "大约", "大概", "左右", "上下"], emit: [cmp("~")] },
  { en: ["exactly", "precisely"], zh: ["恰好", "正好"], emit: [cmp("=")] },
  // comparators after the number ("500 or more", "2秒以内")
  { en: ["or more", "or above", "and above", "or higher", "or greater", "and up", "or longer", "or later"], zh: ["以上", "及以上", "或以上", "以上的", "起", "或更多", "以后"], emit: [cmp(">=", { after: true })] },
  { en: ["or less", "or fewer", "or below", "and below", "or lower", "or shorter", "or earlier"], zh: ["以下", "及以下", "或以下", "以内", "之内", "内", "以下的", "以内的"], emit: [cmp("<=", { after: true })] },
  { en: ["to"], zh: ["至", "到"], emit: [RANGE] },
  { en: ["after", "later", "since", "from", "starting"], zh: ["后", "之后", "过后"], emit: [AFTER] },
  { en: ["before", "by", "until", "till", "prior to", "ahead of", "deadline"], zh: ["前", "之前", "以前", "截止", "截至"], emit: [BEFORE] },
  { en: ["forever", "permanently", "indefinitely", "permanent", "without time limit", "for ever", "for good"], zh: ["永久", "永远", "长期", "无限期", "不限期", "永久性"], emit: [FOREVER] },
  { en: ["every", "each"], zh: ["每", "每隔", "每个"], emit: [EVERY] },
  // periods
  { en: ["per second", "a second", "each second", "every second", "per sec"], zh: ["每秒", "每秒钟"], emit: [per(1)] },
  { en: ["per minute", "a minute", "each minute", "every minute", "per min"], zh: ["每分钟", "每分"], emit: [per(60)] },
  { en: ["per hour", "an hour", "a hour", "each hour", "every hour", "hourly"], zh: ["每小时", "每个小时", "每时"], emit: [per(3600)] },
  { en: ["per day", "a day", "each day", "every day", "daily", "nightly", "every night", "each night", "every morning", "a night"], zh: ["每天", "每日", "每晚", "每天晚上", "每天凌晨", "每日凌晨", "每夜", "天天"], emit: [per(S_DAY)] },
  { en: ["per week", "a week", "each week", "every week", "weekly"], zh: ["每周", "每星期", "每个星期", "每礼拜"], emit: [per(7 * S_DAY)] },
  { en: ["per month", "a month", "each month", "every month", "monthly"], zh: ["每月", "每个月"], emit: [per(30 * S_DAY)] },
  { en: ["per quarter", "each quarter", "every quarter", "quarterly"], zh: ["每季度", "每个季度"], emit: [per(91 * S_DAY)] },
  { en: ["per year", "a year", "each year", "every year", "yearly", "annually", "annual"], zh: ["每年", "每一年"], emit: [per(365 * S_DAY)] },
];

// ── Stop words ───────────────────────────────────────────────────────────────────────────────────────────────
/**
 * Words that carry no subject in requirement texts. 系统 / system / 平台 / platform are here on purpose: they are
 * near-universal in requirements ("the system shall …") and would make every pair look alike.
 */
const STOP_EN = [
  "the", "a", "an", "and", "of", "in", "on", "at", "for", "with", "as", "or", "be", "is", "are", "was", "were", "been",
  "being", "it", "its", "this", "that", "these", "those", "which", "who", "whom", "whose", "there", "their", "they", "them",
  "any", "all", "some", "such", "via", "into", "onto", "than", "then", "so", "also", "too", "other", "our", "we", "us", "you",
  "your", "i", "my", "me", "he", "she", "his", "her", "system", "systems", "application", "platform", "solution", "software", "tool",
  "feature", "features", "functionality", "function", "capability", "ability", "use", "using", "used", "utilize", "through",
  "based", "etc", "e.g", "i.e", "has", "have", "had", "do", "does", "did", "done", "make", "makes", "made", "get", "gets", "got",
  "both", "either", "per", "same", "own", "into", "upon", "about", "within", "whether", "what", "how", "where", "why", "one",
  "ones", "someone", "anyone", "everyone", "anything", "everything", "something", "always", "just", "even", "still", "very",
  "more", "most", "less", "least", "much", "many", "few", "well", "here", "now", "again", "once", "twice", "shall", "would",
  "go", "goes", "going", "out", "up", "down", "off", "need", "needs", "item", "items", "way", "ways", "new", "existing",
  "given", "each", "every", "kind", "type", "thing", "things", "part", "order to", "in order to", "so that", "able to",
  "there is", "there are", "it is", "via the", "provide", "provided", "offer", "time", "service", "run", "complete", "completed",
  "finish", "finished", "take place", "take", "taken", "perform",
  "performed", "execute", "executed", "conduct", "conducted", "happen", "occur", "carry out", "done", "single", "number of", "amount of", "a number of",
  "the number of", "total", "overall", "whole", "access",
];
const STOP_ZH = [
  "的", "了", "和", "与", "及", "以及", "或", "或者", "在", "是", "为", "对", "于", "将", "把", "被", "由", "从", "向",
  "并", "且", "并且", "而且", "其", "该", "此", "这", "那", "这些", "那些", "所有", "全部", "全体", "每个", "各", "各个", "各种", "等", "等等", "中",
  "上", "下", "时", "之", "以", "进行", "实现", "具有", "相关", "对应", "相应", "通过", "使用", "采用", "基于", "利用", "系统", "平台",
  "功能", "模块", "能力", "情况", "方式", "方面", "需求", "项目", "一个", "我们", "我", "你", "他", "她", "它", "他们", "即",
  "也", "还", "又", "都", "均", "就", "则", "会", "已", "已经", "做到", "满足", "之间", "其中", "以便", "以及其", "有", "有人",
  "所", "着", "过", "给", "让", "使", "得", "地", "去", "来", "用", "个", "名", "位", "次", "条", "时候", "可能", "如何", "怎样", "什么",
  "不断", "不仅", "不论", "不管", "不少", "一些", "某些", "任何", "任意", "本", "其他", "其它", "以上所有", "能否", "是否",
  "一次", "每一次", "每一个", "时间", "时长", "耗时", "用时", "完成", "才能", "才", "方可", "方能", "形式", "方式下", "情况下", "后台", "界面上", "里", "当中", "端", "提供", "服务", "按", "按照", "经过", "经", "执行", "单个", "数量", "个数", "总数", "整体", "给出", "注明", "标明",
];

// ── Concepts ─────────────────────────────────────────────────────────────────────────────────────────────────
/**
 * Concepts: synonyms and translations that fold onto one term. A negative `sign` marks the opposite of the
 * concept (plaintext = encryption with sign −1), so "stored in plaintext" and "not encrypted" agree.
 */
const CONCEPT_ROWS: readonly { readonly id: string; readonly sign?: -1; readonly en?: readonly string[]; readonly zh?: readonly string[] }[] = [
  // identity and access
  { id: "login", en: ["log in", "login", "log on", "logon", "sign in", "signin", "sign on"], zh: ["登录", "登陆", "登入", "登錄", "签到登录"] },
  { id: "logout", en: ["log out", "logout", "sign out", "signout", "log off"], zh: ["退出登录", "登出", "注销登录", "自动退出", "退出"] },
  { id: "sso", en: ["sso", "single sign on", "saml", "oidc", "openid connect", "ldap", "active directory", "azure ad", "entra id", "identity provider", "idp", "corporate identity", "corporate credential", "company credential", "enterprise identity", "cas", "federated login", "corporate directory"], zh: ["单点登录", "统一身份认证", "统一认证", "统一身份", "统一登录", "域账号", "域账户", "域帐号", "AD域", "身份提供商", "企业身份认证"] },
  { id: "localaccount", en: ["local account", "local user account", "local login", "local credential", "local user", "username and password", "user name and password", "email and password", "password login", "built in account", "separate account", "standalone account", "own account"], zh: ["本地账号", "本地帐号", "本地账户", "本地帐户", "本地用户", "用户名密码", "用户名和密码", "账号密码", "帐号密码", "账号和密码", "独立账号", "独立账户", "独立帐号", "内置账号", "密码登录"] },
  { id: "mfa", en: ["mfa", "2fa", "two factor", "two factor authentication", "multi factor", "multi factor authentication", "second factor", "otp", "one time password", "two step verification"], zh: ["双因素", "双因素认证", "多因素", "多因素认证", "二次验证", "双重认证", "动态口令", "两步验证"] },
  { id: "password", en: ["password", "passcode", "passphrase"], zh: ["密码", "口令"] },
  { id: "account", en: ["account"], zh: ["账号", "帐号", "账户", "帐户"] },
  { id: "admin", en: ["admin", "administrator", "sysadmin", "super admin", "system administrator", "it admin", "administrative", "admin user"], zh: ["管理员", "系统管理员", "超级管理员", "管理者", "后台管理员", "管理人员"] },
  { id: "user", en: ["user", "end user", "regular user", "ordinary user", "normal user", "employee", "staff", "staff member", "people", "person", "member", "colleague"], zh: ["用户", "使用者", "终端用户", "普通用户", "员工", "职员", "成员", "同事", "人员", "群成员", "人数", "用户数", "用户量"] },
  { id: "guest", en: ["guest", "external user", "external contact", "visitor", "external guest", "external partner"], zh: ["访客", "游客", "外部用户", "外部联系人", "来宾", "外部人员"] },
  { id: "permission", en: ["permission", "access right", "privilege", "access control", "authorization", "authorisation", "entitlement"], zh: ["权限", "授权", "访问控制"] },
  { id: "role", en: ["role"], zh: ["角色"] },
  { id: "session", en: ["session"], zh: ["会话"] },
  { id: "timeout", en: ["timeout", "time out", "expire", "expiry", "expiration", "inactivity", "idle", "idle timeout", "session timeout"], zh: ["超时", "无操作", "闲置", "空闲", "过期", "失效"] },
  // hosting and data residency
  { id: "onprem", en: ["on premise", "on premises", "on prem", "onprem", "self hosted", "self host", "customer data center", "customer's data center", "client data center", "client's data center", "own data center", "private cloud", "private deployment", "local deployment", "on site", "customer premises", "in house server", "customer's own server", "customer server", "customer's server"], zh: ["本地部署", "私有化部署", "私有化", "私有部署", "私有云", "本地机房", "客户机房", "自有机房", "客户本地", "本地服务器", "本地数据中心", "客户数据中心", "内部服务器", "自建机房", "本地化部署", "客户本地机房", "客户自己的服务器", "客户服务器"] },
  { id: "publiccloud", en: ["public cloud", "cloud", "saas", "cloud hosted", "aws", "azure", "gcp", "google cloud", "alibaba cloud", "aliyun", "tencent cloud", "huawei cloud", "vendor cloud", "vendor's cloud", "vendor's public cloud", "multi tenant", "hosted service"], zh: ["公有云", "公共云", "云端", "云上", "云服务", "云部署", "阿里云", "腾讯云", "华为云", "多租户", "云平台", "云存储", "SaaS"] },
  { id: "cn", en: ["china", "mainland china", "in china", "within china", "inside china", "chinese mainland", "domestic"], zh: ["中国境内", "境内", "国内", "中国大陆", "大陆境内", "中国"] },
  { id: "overseas", en: ["overseas", "abroad", "outside china", "foreign", "offshore", "cross border", "leave china", "leave the country", "transferred abroad"], zh: ["境外", "海外", "国外", "跨境", "出境", "传输出境"] },
  { id: "eu", en: ["eu", "europe", "european union", "frankfurt"], zh: ["欧盟", "欧洲"] },
  { id: "us", en: ["usa", "united states", "america", "us east", "us west"], zh: ["美国"] },
  { id: "sg", en: ["singapore"], zh: ["新加坡"] },
  { id: "hk", en: ["hong kong", "hongkong"], zh: ["香港"] },
  { id: "region", en: ["region", "data region", "location", "residency", "data residency"], zh: ["地域", "区域", "节点", "数据驻留"] },
  { id: "datacenter", en: ["data center", "data centre", "datacenter", "server room", "machine room"], zh: ["机房", "数据中心", "服务器"] },
  { id: "deploy", en: ["deploy", "deployment", "host", "hosting", "hosted", "install", "installation"], zh: ["部署", "托管", "安装"] },
  { id: "store", en: ["store", "storage", "save", "persist", "hold", "stay", "reside", "house"], zh: ["存储", "存放", "储存", "存在", "落地", "存"] },
  { id: "store", en: ["retain", "retention", "keep", "preserve", "archive", "archiving", "kept"], zh: ["保留", "保存", "留存", "存留", "归档", "存档"] },
  { id: "delete", en: ["delete", "deletion", "remove", "removal", "purge", "erase", "wipe", "destroy", "clean up", "clear"], zh: ["删除", "清除", "清理", "销毁", "清空", "移除", "删掉"] },
  { id: "data", en: ["data", "information"], zh: ["数据", "资料", "信息"] },
  // connectivity and security
  { id: "offline", en: ["offline", "offline mode", "without network", "without internet", "without connectivity", "without a connection", "no network", "no connection", "disconnected"], zh: ["离线", "断网", "无网络", "脱机", "离线模式", "无网"] },
  { id: "offline", sign: -1, en: ["permanent connection", "permanent internet connection", "permanent network connection", "constant connection", "constant internet connection", "constantly connected", "always online", "always connected", "always on connection", "continuous connection", "continuous connectivity", "online only", "requires internet", "require internet", "require connection", "require internet connection", "require network connection", "requires network", "must be online", "must be connected", "connected at all times", "online at all times", "stay online", "stays online", "permanently online", "permanently connected", "only work online", "work only online", "only available online", "only online", "only usable online"], zh: ["必须联网", "需要联网", "需联网", "须联网", "始终在线", "保持在线", "实时联网", "持续联网", "永久在线", "一直在线", "全程联网", "保持网络连接", "必须在线", "需在线", "始终联网", "一直联网", "保持联网", "在线才能使用", "联网才能使用", "联网使用", "必须连网", "始终连网", "仅支持在线", "只能在线", "仅在线", "只能联网使用", "仅能在线使用"] },
  { id: "online", en: ["online", "connected", "connection", "connectivity", "network connection", "internet connection"], zh: ["在线", "联网", "网络连接", "连网"] },
  { id: "internet", en: ["internet", "public internet", "web search", "external internet", "world wide web"], zh: ["互联网", "公网", "外网", "联网搜索", "外部互联网", "因特网"] },
  { id: "intranet", en: ["intranet", "internal network", "private network", "lan", "corporate network", "vpn"], zh: ["内网", "局域网", "专网", "内部网络", "企业内网"] },
  { id: "encrypt", en: ["encrypt", "encryption", "encrypted", "cipher", "ciphertext", "tls", "https", "ssl", "end to end encryption", "e2ee"], zh: ["加密", "加密存储", "加密传输", "密文", "端到端加密"] },
  { id: "encrypt", sign: -1, en: ["plaintext", "plain text", "clear text", "cleartext", "unencrypted", "non encrypted", "in the clear"], zh: ["明文", "未加密", "非加密"] },
  { id: "anonymous", en: ["anonymous", "anonymously", "anonymized", "anonymised", "anonymity", "without name"], zh: ["匿名", "匿名化", "不记名"] },
  { id: "anonymous", sign: -1, en: ["real name", "identified", "named", "non anonymous", "with name", "with their name", "respondent name", "respondent's name", "show the name"], zh: ["实名", "实名制", "记名", "署名"] },
  { id: "edit", en: ["edit", "modify", "change", "alter", "editable", "amend"], zh: ["编辑", "修改", "更改", "改动", "可编辑"] },
  { id: "edit", sign: -1, en: ["read only", "readonly", "view only", "view-only"], zh: ["只读", "仅查看", "仅可查看", "只能查看", "仅浏览", "只可查看"] },
  { id: "show", en: ["show", "display", "visible", "shown", "displayed", "see", "seen", "view", "viewable"], zh: ["显示", "展示", "可见", "查看", "看到", "看见"] },
  { id: "show", sign: -1, en: ["hide", "hidden", "invisible", "conceal", "concealed"], zh: ["隐藏", "不可见", "屏蔽"] },
  { id: "enable", en: ["enable", "enabled", "turn on", "turned on", "switch on", "switched on", "activate", "activated", "on by default"], zh: ["启用", "开启", "打开", "激活", "默认开启"] },
  { id: "enable", sign: -1, en: ["disable", "disabled", "turn off", "turned off", "switch off", "switched off", "deactivate", "deactivated", "off by default"], zh: ["禁用", "关闭", "停用", "默认关闭"] },
  { id: "mandatory", en: ["mandatory", "compulsory", "obligatory", "required field"], zh: ["必填", "必选", "强制开启", "必填项", "必须开启"] },
  { id: "mandatory", sign: -1, en: ["optional", "opt in", "voluntary"], zh: ["选填", "可选", "非必填", "非必须", "可选项", "自愿"] },
  { id: "automatic", en: ["automatic", "automatically", "auto", "automated"], zh: ["自动", "自动化", "自动地"] },
  { id: "manual", en: ["manual", "manually", "by hand"], zh: ["手动", "人工", "手工"] },
  { id: "audit", en: ["audit", "audit log", "audit trail", "auditing"], zh: ["审计", "审计日志", "审计记录", "操作日志"] },
  { id: "log", en: ["log", "logging", "logged"], zh: ["日志", "记录日志"] },
  { id: "record", en: ["record", "recorded", "write", "written", "track", "tracked"], zh: ["记录", "写入", "留痕"] },
  { id: "backup", en: ["backup", "back up", "backed up", "snapshot"], zh: ["备份", "快照"] },
  { id: "restore", en: ["restore", "recovery", "recover", "disaster recovery"], zh: ["恢复", "还原", "容灾"] },
  { id: "watermark", en: ["watermark"], zh: ["水印"] },
  { id: "screenshot", en: ["screenshot", "screen capture", "screen recording"], zh: ["截图", "截屏", "录屏"] },
  { id: "compliance", en: ["compliance", "compliant", "regulation", "regulatory"], zh: ["合规", "监管", "法规"] },
  { id: "mlps", en: ["mlps", "multi level protection scheme", "classified protection", "djcp"], zh: ["等保", "等级保护", "等保测评", "网络安全等级保护"] },
  // messaging
  { id: "chathistory", en: ["chat history", "chat log", "chat record", "message history", "conversation history", "chat transcript", "conversation log", "message record", "message log", "chat archive", "conversation record", "conversation content", "chat content", "message content", "historical message"], zh: ["聊天记录", "消息记录", "会话记录", "聊天历史", "历史消息", "对话记录", "聊天内容", "会话内容", "消息历史", "历史记录", "对话内容", "消息内容", "聊天消息记录"] },
  { id: "message", en: ["message", "msg", "chat message", "im message"], zh: ["消息", "群消息", "即时消息"] },
  { id: "chat", en: ["chat", "conversation", "instant messaging", "im"], zh: ["聊天", "对话", "即时通讯", "通讯"] },
  { id: "groupchat", en: ["group chat", "group", "chat group", "group conversation", "channel", "chat room"], zh: ["群聊", "群组", "群", "讨论组", "群聊天"] },
  { id: "mention", en: ["mention", "mentioned", "at mention", "@mention", "@"], zh: ["@", "提及", "提到", "艾特"] },
  { id: "recall", en: ["recall", "unsend", "retract", "withdraw"], zh: ["撤回", "撤销发送"] },
  { id: "readreceipt", en: ["read receipt"], zh: ["已读回执", "已读状态", "已读"] },
  { id: "forward", en: ["forward"], zh: ["转发"] },
  { id: "copy", en: ["copy", "copy paste"], zh: ["复制", "拷贝"] },
  { id: "contacts", en: ["contact list", "contacts", "address book", "directory"], zh: ["通讯录", "联系人", "通讯簿", "组织架构"] },
  { id: "file", en: ["file", "attachment", "attached file"], zh: ["文件", "附件"] },
  { id: "document", en: ["document", "doc", "article", "docs"], zh: ["文档", "文章", "资料文档"] },
  { id: "export", en: ["export", "exportable", "exporting"], zh: ["导出", "导出数据"] },
  { id: "import", en: ["import"], zh: ["导入"] },
  { id: "upload", en: ["upload"], zh: ["上传"] },
  { id: "download", en: ["download"], zh: ["下载"] },
  { id: "send", en: ["send", "sent", "deliver", "go out", "dispatch"], zh: ["发送", "送达", "下发", "发出"] },
  { id: "receive", en: ["receive", "get notified"], zh: ["收到", "接收"] },
  { id: "search", en: ["search", "find", "look up", "lookup", "keyword search", "full text search"], zh: ["搜索", "检索", "查找", "查询", "搜寻"] },
  { id: "keyword", en: ["keyword", "key word", "search term"], zh: ["关键词", "关键字"] },
  { id: "notify", en: ["notification", "notify", "notified", "alert", "reminder", "remind"], zh: ["通知", "提醒", "告警", "提示", "消息提醒"] },
  { id: "push", en: ["push notification", "push"], zh: ["推送", "推送通知", "消息推送"] },
  { id: "email", en: ["email", "e mail", "mail"], zh: ["邮件", "电子邮件", "邮箱"] },
  { id: "sms", en: ["sms", "text message", "short message"], zh: ["短信", "短消息", "手机短信"] },
  { id: "wecom", en: ["wecom", "wechat work", "enterprise wechat"], zh: ["企业微信", "企微"] },
  { id: "dingtalk", en: ["dingtalk", "ding talk"], zh: ["钉钉"] },
  { id: "feishu", en: ["feishu", "lark"], zh: ["飞书"] },
  { id: "wechat", en: ["wechat"], zh: ["微信"] },
  { id: "qrcode", en: ["qr code", "scan", "qr"], zh: ["扫码", "二维码", "扫一扫"] },
  // AI assistant and knowledge base
  { id: "knowledgebase", en: ["knowledge base", "kb", "knowledge", "faq", "wiki", "knowledge article"], zh: ["知识库", "知识", "常见问题", "知识文档"] },
  { id: "assistant", en: ["ai assistant", "assistant", "chatbot", "chat bot", "bot", "copilot", "ai", "llm", "large language model", "gpt", "virtual assistant", "ai agent"], zh: ["AI助手", "智能助手", "助手", "机器人", "大模型", "大语言模型", "人工智能", "智能客服", "AI"] },
  { id: "answer", en: ["answer", "reply", "response to question"], zh: ["回答", "答复", "回复", "答案", "作答"] },
  { id: "question", en: ["question", "ask", "query", "prompt"], zh: ["问题", "提问", "询问", "问"] },
  { id: "source", en: ["source", "citation", "reference", "cite", "source document", "provenance"], zh: ["来源", "出处", "引用", "引文", "参考来源"] },
  { id: "model", en: ["model", "training", "train"], zh: ["模型", "训练"] },
  // quality attributes
  { id: "firstresponse", en: ["first response", "first response time", "initial response", "initial response time", "first reply", "time to first response"], zh: ["首次响应", "首次响应时间", "首响", "首次回复"] },
  { id: "responsetime", en: ["response time", "latency", "respond", "responsiveness", "returned", "reply time"], zh: ["响应时间", "响应", "延迟", "时延", "响应速度", "返回"] },
  { id: "loadtime", en: ["load time", "page load", "loading time", "load", "page load time"], zh: ["加载", "加载时间", "打开时间", "打开速度", "加载速度"] },
  { id: "availability", en: ["availability", "uptime", "available", "sla", "service level"], zh: ["可用性", "可用率", "在线率", "可用", "SLA", "服务可用性"] },
  { id: "concurrent", en: ["concurrent", "concurrently", "simultaneous", "simultaneously", "at the same time", "parallel", "at once"], zh: ["并发", "同时在线", "并发数"] },
  { id: "rpo", en: ["rpo", "recovery point objective", "data loss"], zh: ["RPO", "恢复点目标", "数据丢失"] },
  { id: "rto", en: ["rto", "recovery time objective", "recovery time", "time to recover"], zh: ["RTO", "恢复时间目标", "恢复时间"] },
  { id: "peak", en: ["peak", "at peak", "peak time", "peak hours", "maximum load"], zh: ["峰值", "高峰", "高峰期", "峰值时段"] },
  { id: "average", en: ["average", "on average", "typical", "normal load", "mean"], zh: ["平均", "日均", "平时", "平均值", "常态"] },
  { id: "performance", en: ["performance", "throughput", "speed", "fast"], zh: ["性能", "吞吐量", "速度"] },
  { id: "size", en: ["size", "file size", "capacity", "quota", "volume"], zh: ["大小", "容量", "配额", "体积", "规模"] },
  { id: "ui", en: ["user interface", "ui", "interface", "screen", "page", "web page", "frontend", "front end"], zh: ["界面", "页面", "用户界面", "网页", "前端", "页"] },
  { id: "language", en: ["language", "locale", "localization", "localisation"], zh: ["语言", "多语言", "语种"] },
  { id: "chinese", en: ["chinese", "simplified chinese", "traditional chinese", "mandarin"], zh: ["中文", "简体中文", "繁体中文", "汉语", "中文版"] },
  { id: "english", en: ["english"], zh: ["英文", "英语", "英文版"] },
  // platforms and environments
  { id: "mobile", en: ["mobile", "mobile app", "phone", "smartphone", "handset", "mobile device", "mobile client", "app"], zh: ["移动端", "手机", "移动设备", "手机端", "移动应用", "APP", "App", "app", "移动客户端", "手机App"] },
  { id: "ios", en: ["ios", "iphone", "ipad"], zh: ["苹果手机", "苹果"] },
  { id: "android", en: ["android"], zh: ["安卓"] },
  { id: "desktop", en: ["desktop", "pc", "desktop client", "desktop app", "laptop", "computer"], zh: ["桌面端", "电脑", "电脑端", "PC端", "PC", "桌面客户端", "电脑客户端"] },
  { id: "windows", en: ["windows"], zh: ["视窗"] },
  { id: "macos", en: ["macos", "mac", "os x", "mac os"], zh: ["苹果电脑"] },
  { id: "linux", en: ["linux", "ubuntu", "centos", "kylin", "uos"], zh: ["麒麟", "统信", "国产操作系统"] },
  { id: "web", en: ["web", "browser", "web client", "web portal", "website", "web app", "web browser"], zh: ["网页端", "浏览器", "Web端", "web端", "网页版", "门户网站"] },
  { id: "production", en: ["production", "prod", "live environment", "production environment"], zh: ["生产环境", "正式环境"] },
  { id: "testenv", en: ["test environment", "testing environment", "staging", "uat", "sandbox", "development environment", "dev environment", "test system"], zh: ["测试环境", "预发布环境", "沙箱", "开发环境", "测试系统", "预生产环境"] },
  { id: "businesshours", en: ["business hours", "working hours", "office hours", "business days only", "weekdays", "workday"], zh: ["工作时间", "工作日", "上班时间", "工作时段", "办公时间"] },
  { id: "allday", en: ["24x7", "around the clock", "round the clock", "all day every day", "any time"], zh: ["24x7", "全天候", "全天", "全年无休", "随时"] },
  { id: "mysql", en: ["mysql", "mariadb"], zh: [] },
  { id: "postgresql", en: ["postgresql", "postgres", "postgre"], zh: [] },
  { id: "oracle", en: ["oracle"], zh: ["甲骨文"] },
  { id: "sqlserver", en: ["sql server", "mssql"], zh: [] },
  { id: "dameng", en: ["dameng", "dm8"], zh: ["达梦"] },
  { id: "kingbase", en: ["kingbase", "kingbasees"], zh: ["人大金仓", "金仓"] },
  { id: "database", en: ["database", "db"], zh: ["数据库"] },
  // business domains: helpdesk, e-commerce, ERP
  { id: "customer", en: ["customer", "client", "shopper", "buyer", "consumer"], zh: ["客户", "顾客", "买家", "消费者", "甲方"] },
  { id: "company", en: ["company", "corporate", "enterprise", "organization", "organisation", "organizational", "business"], zh: ["企业", "公司", "组织", "单位"] },
  { id: "ticket", en: ["ticket", "case", "support request", "support ticket", "service request", "incident"], zh: ["工单", "服务请求", "事件单"] },
  { id: "agent", en: ["agent", "support agent", "service agent", "helpdesk agent", "support staff", "customer service"], zh: ["坐席", "客服人员", "客服", "客服坐席", "服务人员"] },
  { id: "assign", en: ["assign", "route", "dispatch", "allocate", "distribute"], zh: ["分配", "派给", "分派", "派单", "指派", "流转"] },
  { id: "order", en: ["order"], zh: ["订单", "单据"] },
  { id: "purchase", en: ["purchase", "procurement", "buy"], zh: ["采购", "购买"] },
  { id: "invoice", en: ["invoice", "bill"], zh: ["发票", "账单"] },
  { id: "payment", en: ["payment", "pay", "paid", "checkout"], zh: ["支付", "付款", "结算", "缴费"] },
  { id: "refund", en: ["refund"], zh: ["退款"] },
  { id: "handle", en: ["handle", "handled", "process", "processed", "deal with", "resolve", "resolved", "settle"], zh: ["处理", "办理", "受理", "解决", "处置"] },
  { id: "request", en: ["request", "requested", "application for"], zh: ["申请", "请求"] },
  { id: "cny", en: ["cny", "rmb", "renminbi", "chinese yuan", "yuan"], zh: ["人民币"] },
  { id: "usd", en: ["usd", "us dollar", "us dollars", "dollar", "dollars"], zh: ["美元", "美金"] },
  { id: "eur", en: ["eur", "euro", "euros"], zh: ["欧元"] },
  { id: "close", en: ["close", "closed", "closure", "auto close", "auto closed"], zh: ["关闭工单", "关单", "结单", "自动关闭", "自动关单"] },
  { id: "inventory", en: ["inventory", "stock", "stock level"], zh: ["库存"] },
  { id: "warehouse", en: ["warehouse"], zh: ["仓库"] },
  { id: "shipping", en: ["shipping", "delivery", "ship", "shipment", "logistics", "dispatch status"], zh: ["物流", "发货", "配送", "快递", "运输"] },
  { id: "status", en: ["status", "progress", "state"], zh: ["状态", "进度"] },
  { id: "track", en: ["track", "follow", "monitor"], zh: ["跟踪", "追踪", "监控"] },
  { id: "approve", en: ["approve", "approval", "approved", "sign off", "authorize"], zh: ["审批", "审核", "批准", "核准", "同意"] },
  { id: "manager", en: ["manager", "supervisor", "head"], zh: ["经理", "主管", "负责人", "领导"] },
  { id: "finance", en: ["finance", "financial", "accounting"], zh: ["财务", "会计"] },
  { id: "report", en: ["report", "reporting", "dashboard"], zh: ["报表", "报告", "仪表盘"] },
  { id: "golive", en: ["go live", "go-live", "launch", "release", "rollout", "cut over", "cutover", "live"], zh: ["上线", "发布", "投产", "正式上线", "切换上线"] },
  { id: "budget", en: ["budget", "cost", "price", "fee"], zh: ["预算", "成本", "费用", "价格"] },
  { id: "questionnaire", en: ["questionnaire", "survey", "form"], zh: ["问卷", "调查", "调查问卷", "表单"] },
  { id: "response", en: ["submission", "respondent", "filled in"], zh: ["填写", "答卷", "作答记录"] },
  { id: "create", en: ["create", "set up", "add"], zh: ["创建", "新建", "建立", "新增", "添加"] },
  { id: "integrate", en: ["integrate", "integration", "connect", "interface with", "coexist", "keep the existing", "work with"], zh: ["集成", "对接", "打通", "兼容现有", "保留现有"] },
  { id: "integrate", sign: -1, en: ["replace", "replacement", "decommission", "retire", "sunset", "phase out", "switch off the existing", "migrate away from"], zh: ["替换", "取代", "替代", "下线", "淘汰", "停用现有"] },
];

/** Groups of alternatives: members are concept ids; see `ConceptGroup`. */
export type ConceptGroupKind = "attribute" | "facet";

/**
 * A group of concepts that are alternatives to each other.
 *
 * - `attribute`: the subject has one value (data sits on-premise OR in a public cloud). Two statements that assert
 *   different members as facts or obligations conflict; two that merely offer capabilities ("supports …") do not.
 * - `facet`: members scope a statement (admins vs users, iOS vs web, test vs production). Different members make
 *   different subjects, so they never conflict — unless one side says "only" (only admins may …).
 *
 * `parents` nests members (iOS is a mobile platform): a member is compatible with its parent.
 */
export type ConceptGroup = {
  readonly id: string;
  readonly kind: ConceptGroupKind;
  readonly label: string;
  readonly members: readonly string[];
  readonly parents?: Readonly<Record<string, string>>;
};

export const CONCEPT_GROUPS: readonly ConceptGroup[] = [
  { id: "hosting", kind: "attribute", label: "hosting location", members: ["onprem", "publiccloud"] },
  { id: "region", kind: "attribute", label: "data region", members: ["cn", "overseas", "eu", "us", "sg", "hk"], parents: { eu: "overseas", us: "overseas", sg: "overseas", hk: "overseas" } },
  { id: "auth", kind: "attribute", label: "sign-in method", members: ["sso", "localaccount"] },
  { id: "hours", kind: "attribute", label: "service hours", members: ["businesshours", "allday"] },
  { id: "currency", kind: "attribute", label: "currency", members: ["cny", "usd", "eur"] },
  { id: "database", kind: "attribute", label: "database", members: ["mysql", "postgresql", "oracle", "sqlserver", "dameng", "kingbase"] },
  { id: "network", kind: "facet", label: "network", members: ["internet", "intranet"] },
  // "automatic": the system itself acts, not a person ("deleted automatically" vs "users may not delete").
  { id: "role", kind: "facet", label: "actor", members: ["admin", "user", "guest", "automatic"] },
  { id: "platform", kind: "facet", label: "platform", members: ["mobile", "desktop", "web", "ios", "android", "windows", "macos", "linux"], parents: { ios: "mobile", android: "mobile", windows: "desktop", macos: "desktop", linux: "desktop" } },
  { id: "environment", kind: "facet", label: "environment", members: ["production", "testenv"] },
  { id: "language", kind: "facet", label: "language", members: ["chinese", "english"] },
  { id: "channel", kind: "facet", label: "channel", members: ["email", "sms", "push", "wecom", "dingtalk", "feishu", "wechat"] },
  { id: "trigger", kind: "facet", label: "trigger", members: ["automatic", "manual"] },
  { id: "load", kind: "facet", label: "load level", members: ["peak", "average"] },
];

/** The groups a concept is a member of ("automatic" is both an actor and a trigger). */
export const CONCEPT_GROUPS_OF: ReadonlyMap<string, readonly ConceptGroup[]> = (() => {
  const out = new Map<string, ConceptGroup[]>();
  for (const g of CONCEPT_GROUPS) for (const m of g.members) out.set(m, [...(out.get(m) ?? []), g]);
  return out;
})();

/** Stop words, markers and concepts in one list, for the tokenizer to compile. */
export type LexiconPhrase = { readonly phrase: string; readonly script: "latin" | "han"; readonly emit: readonly LexiconEmission[] };

/** Expands `[a|an] x (y|z)` into every phrase it stands for. */
export function lexiconExpandPhrase(pattern: string): string[] {
  let results = [""];
  for (const part of pattern.split(" ")) {
    const optional = part.startsWith("[") && part.endsWith("]");
    const choice = part.startsWith("(") && part.endsWith(")");
    const options = optional || choice ? part.slice(1, -1).split("|") : [part];
    const next: string[] = [];
    for (const prefix of results) {
      if (optional) next.push(prefix);
      for (const option of options) next.push(prefix === "" ? option : `${prefix} ${option}`);
    }
    results = next;
  }
  return results.map((r) => r.trim()).filter((r) => r !== "");
}

/** Every lexicon phrase with its emissions; later rows win over earlier ones for the same phrase. */
export function lexiconPhrases(): LexiconPhrase[] {
  const out: LexiconPhrase[] = [];
  // A phrase is matched in one script; mixed ones ("AI助手") are met through their parts ("AI" and "助手").
  const push = (phrase: string, emit: readonly LexiconEmission[]) => {
    const han = /[\u3400-\u9fff]/.test(phrase);
    if (han && /[a-z]/i.test(phrase)) return;
    out.push({ phrase, script: han ? "han" : "latin", emit });
  };
  const add = (row: LexiconRow) => {
    for (const en of row.en ?? []) for (const phrase of lexiconExpandPhrase(en)) push(phrase, row.emit);
    for (const zh of row.zh ?? []) push(zh, row.emit);
  };
  add({ en: STOP_EN, zh: STOP_ZH, emit: [STOP] });
  for (const row of CONCEPT_ROWS) add({ ...row, emit: [concept(row.id, row.sign ?? 1)] });
  for (const row of MARKER_ROWS) add(row);
  // Words starting with 不 that are not negations: dropped as stop words, or kept as words (不同 "different").
  add({ zh: ["不久", "不便", "不时", "不如", "不然", "不止", "不光"], emit: [STOP] });
  for (const w of ["不同", "不足", "不一致", "不良", "不限", "不定期"]) out.push({ phrase: w, script: "han", emit: [word(w)] });
  return out;
}
