/**
 * The requirement finder against a generated register (default 10,000 requirements, zh-CN and English):
 *
 *   tsx bench/requirement-finder.bench.ts [--size N] [--checks K] [--seed S] [--json]
 *
 * Prints index build ms, the median time to check ONE new requirement against the index (over K different new
 * requirements), requirementFinderAnalyzeAll ms for the whole register, the proposals it made, and heap used.
 * Numbers only: a benchmark never fails on time.
 *
 * The register is generated deterministically from templates × subjects × numbers with a seeded integer PRNG
 * (mulberry32), so runs are comparable. Each requirement also carries one or two words from a vocabulary of
 * generated project terms, as real registers have a long tail of rare words.
 */
import {
  requirementFinderAnalyzeAll,
  requirementFinderCreate,
  requirementFinderPropose,
  type RequirementText,
} from "../src/text/index";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const size = option("--size", 10_000);
const checks = option("--checks", 50);
const seed = option("--seed", 1);

/** mulberry32: a 32-bit integer PRNG; the same seed gives the same register. */
function prng(s: number): () => number {
  let state = s >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const EN_MODULES = ["chat", "knowledge base", "ticket center", "order service", "invoice module", "inventory module", "report center", "mobile app", "web portal", "admin console", "payment service", "search service", "notification service", "audit service", "file service", "AI assistant", "helpdesk", "warehouse module", "CRM module", "approval workflow"];
const ZH_MODULES = ["聊天模块", "知识库", "工单中心", "订单服务", "发票模块", "库存模块", "报表中心", "移动端", "门户网站", "管理后台", "支付服务", "搜索服务", "通知服务", "审计服务", "文件服务", "AI助手", "服务台", "仓储模块", "客户管理模块", "审批流程"];
const EN_OBJECTS = ["chat history", "audit logs", "tickets", "orders", "invoices", "attachments", "contacts", "reports", "knowledge articles", "messages", "group chats", "user accounts", "purchase orders", "refund requests", "customer records", "backups", "notifications", "dashboards"];
const ZH_OBJECTS = ["聊天记录", "审计日志", "工单", "订单", "发票", "附件", "通讯录", "报表", "知识文章", "消息", "群聊", "用户账号", "采购单", "退款申请", "客户档案", "备份", "通知", "仪表盘"];
const EN_ACTIONS = ["export", "delete", "edit", "view", "download", "share", "archive", "approve", "search", "print"];
const ZH_ACTIONS = ["导出", "删除", "编辑", "查看", "下载", "分享", "归档", "审批", "搜索", "打印"];
const EN_ROLES = ["Administrators", "Users", "Guests", "Managers"];
const ZH_ROLES = ["管理员", "普通用户", "访客", "经理"];
const SYLLABLES = ["ka", "lo", "mi", "ter", "zen", "ro", "va", "qui", "dor", "sel", "fin", "bar", "tek", "nova", "pul", "xen"];
const HAN = "云海星河山川风雷光影金木水火土天地日月春夏秋冬东南西北红黄蓝绿青紫白黑";

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** Generates `n` requirements (ids R1…Rn), roughly half Chinese, half English. */
export function generateRegister(n: number, s: number): RequirementText[] {
  const rand = prng(s);
  const enTerms = Array.from({ length: 400 }, () => `${pick(rand, SYLLABLES)}${pick(rand, SYLLABLES)}${pick(rand, SYLLABLES)}`);
  const zhTerms = Array.from({ length: 400 }, () => `${pick(rand, [...HAN])}${pick(rand, [...HAN])}`);
  const out: RequirementText[] = [];
  for (let i = 1; i <= n; i++) {
    const zh = rand() < 0.5;
    const template = Math.floor(rand() * 9);
    const num = pick(rand, [50, 100, 200, 300, 500, 1000, 2000, 5000, 10000]);
    const sec = pick(rand, [1, 2, 3, 5, 10, 30]);
    const days = pick(rand, [7, 30, 90, 180, 365, 1095]);
    const pct = pick(rand, [99, 99.5, 99.9, 99.95, 99.99]);
    let text: string;
    if (zh) {
      const [m, o, a, r] = [pick(rand, ZH_MODULES), pick(rand, ZH_OBJECTS), pick(rand, ZH_ACTIONS), pick(rand, ZH_ROLES)];
      const term = pick(rand, zhTerms);
      text = [
        `${m}需支持${num}个并发用户（${term}项目）。`,
        `${r}可以在${m}中${a}${o}，适用于${term}。`,
        `${r}不允许${a}${o}（${term}）。`,
        `${m}的响应时间不超过${sec}秒，${term}场景。`,
        `${o}保留${days}天后自动删除，${term}。`,
        `${m}可用性不低于${pct}%，${term}。`,
        `仅${r}可以${a}${m}中的${o}，${term}。`,
        `${m}的数据必须存储在${pick(rand, ["客户本地机房", "公有云", "中国境内", "私有云"])}，${term}。`,
        `${m}每天${pick(rand, ["备份", "同步", "汇总"])}一次${o}，${term}。`,
      ][template] as string;
    } else {
      const [m, o, a, r] = [pick(rand, EN_MODULES), pick(rand, EN_OBJECTS), pick(rand, EN_ACTIONS), pick(rand, EN_ROLES)];
      const term = pick(rand, enTerms);
      text = [
        `The ${m} must support ${num} concurrent users for ${term}.`,
        `${r} can ${a} ${o} in the ${m} (${term}).`,
        `${r} must not ${a} ${o} in ${term}.`,
        `The ${m} response time must not exceed ${sec} seconds for ${term}.`,
        `${o} are deleted after ${days} days in the ${m} (${term}).`,
        `The ${m} must be available ${pct}% of the time for ${term}.`,
        `Only ${r.toLowerCase()} can ${a} ${o} in the ${m} (${term}).`,
        `${m} data must be stored ${pick(rand, ["on-premise", "in the public cloud", "in China", "in the EU"])} (${term}).`,
        `The ${m} ${pick(rand, ["backs up", "syncs", "summarises"])} ${o} ${pick(rand, ["daily", "weekly", "every hour"])} for ${term}.`,
      ][template] as string;
    }
    out.push({ id: `R${i}`, text });
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const register = generateRegister(size, seed);
const fresh = generateRegister(size + checks, seed + 1).slice(size).map((r, i) => ({ id: `NEW${i + 1}`, text: r.text }));

const t0 = performance.now();
const index = requirementFinderCreate(register);
const buildMs = performance.now() - t0;

const checkTimes: number[] = [];
let checkProposals = 0;
for (const r of fresh) {
  const started = performance.now();
  checkProposals += requirementFinderPropose(index, r).length;
  checkTimes.push(performance.now() - started);
}
const heapAfterIndexMb = process.memoryUsage().heapUsed / 1024 / 1024;

const t1 = performance.now();
const proposals = requirementFinderAnalyzeAll(register);
const analyzeMs = performance.now() - t1;
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

const row = {
  size,
  buildMs: Math.round(buildMs),
  checkOneMedianMs: Number(median(checkTimes).toFixed(2)),
  checkOneMaxMs: Number(Math.max(...checkTimes).toFixed(2)),
  checkProposalsPerRequirement: Number((checkProposals / Math.max(1, fresh.length)).toFixed(1)),
  analyzeAllMs: Math.round(analyzeMs),
  proposals: proposals.length,
  conflicts: proposals.filter((p) => p.kind === "conflict").length,
  heapAfterIndexMb: Math.round(heapAfterIndexMb),
  heapUsedMb: Math.round(heapMb),
};
if (args.includes("--json")) console.log(JSON.stringify(row));
else {
  console.log(`requirement finder — ${size} generated requirements (seed ${seed}), Node ${process.version}\n`);
  console.log("| N | index build ms | check one new requirement, median of " + checks + " (max) ms | analyzeAll ms | proposals (conflicts) | heap after index MB | heap used MB |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  console.log(`| ${row.size} | ${row.buildMs} | ${row.checkOneMedianMs} (${row.checkOneMaxMs}) | ${row.analyzeAllMs} | ${row.proposals} (${row.conflicts}) | ${row.heapAfterIndexMb} | ${row.heapUsedMb} |`);
}
