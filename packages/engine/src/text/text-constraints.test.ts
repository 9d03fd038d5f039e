import { describe, expect, it } from "vitest";
import { type TextConstraint, constraintRelation, textConstraintsExtract } from "./text-constraints";
import { clauseFactsRead } from "./text-polarity";
import { dateDayNumber, textTokenize } from "./text-tokens";

function constraints(text: string): TextConstraint[] {
  const t = textTokenize(text);
  const facts = clauseFactsRead(t.tokens, t.clauseCount);
  return textConstraintsExtract(t.tokens, (c) => (facts.find((f) => f.clause === c)?.negated === true ? -1 : 1));
}

function only(text: string): TextConstraint {
  const all = constraints(text);
  expect(all).toHaveLength(1);
  return all[0] as TextConstraint;
}

const SECOND = 1000;
const DAY = 86_400_000;

describe("textConstraintsExtract", () => {
  it("support 500 concurrent users → subject {concurrent, user}, a target of 500 read as ≥", () => {
    const c = only("The system shall support 500 concurrent users.");
    expect(c).toMatchObject({ dimension: "count", lo: 500, hi: 500, comparator: ">=", stated: "target", display: "500" });
    expect(c.subject).toEqual(["c:concurrent", "c:user"]);
  });

  it("响应时间不超过 2 秒 → subject 响应时间, ≤ 2000 ms", () => {
    const c = only("响应时间不超过 2 秒");
    expect(c).toMatchObject({ dimension: "time", lo: -Infinity, hi: 2 * SECOND, comparator: "<=", stated: "bound", display: "≤ 2 s", subject: ["c:responsetime"] });
  });

  it("99.9% 可用性 → percent", () => {
    expect(only("99.9% 可用性")).toMatchObject({ dimension: "percent", lo: 99.9, hi: 99.9, subject: ["c:availability"] });
    expect(only("Availability shall be at least 99.95%")).toMatchObject({ dimension: "percent", lo: 99.95, hi: Infinity, stated: "bound" });
  });

  it.each([
    ["保留3年", 3 * 365 * DAY],
    ["retained for 180 days", 180 * DAY],
    ["30分钟", 30 * 60 * SECOND],
    ["2 hours", 2 * 3600 * SECOND],
    ["500 ms", 500],
    ["2周", 14 * DAY],
    ["3 business days", 3 * DAY],
  ])("durations in canonical milliseconds: %s", (text, ms) => {
    expect(only(text)).toMatchObject({ dimension: "time", lo: ms, hi: ms });
  });

  it("sizes in MB, 1 GB = 1024 MB", () => {
    expect(only("upload up to 2 GB")).toMatchObject({ dimension: "size", lo: 2048, hi: 2048, stated: "target" });
    expect(only("单个文件不超过100MB")).toMatchObject({ dimension: "size", hi: 100, stated: "bound" });
  });

  it("counts with Chinese classifiers, money with its currency", () => {
    expect(only("支持5000名用户")).toMatchObject({ dimension: "count", lo: 5000, subject: ["c:user"] });
    expect(only("预算不超过50万元")).toMatchObject({ dimension: "money", currency: "CNY", hi: 500_000 });
    expect(only("orders over $1,000")).toMatchObject({ dimension: "money", currency: "USD", lo: 1000, loOpen: true });
  });

  it("limit words state a target, comparators a bound", () => {
    expect(only("群聊人数上限为2000人")).toMatchObject({ lo: 2000, hi: 2000, stated: "target", comparator: "<=" });
    expect(only("群聊人数不超过2000人")).toMatchObject({ lo: -Infinity, hi: 2000, stated: "bound" });
    expect(only("The maximum group size is 500 members")).toMatchObject({ lo: 500, hi: 500, stated: "target" });
  });

  it("comparators written after the number: 500人以上, 2秒以内, 500 or more", () => {
    expect(only("500人以上")).toMatchObject({ lo: 500, hi: Infinity, stated: "bound" });
    expect(only("2秒以内")).toMatchObject({ lo: -Infinity, hi: 2 * SECOND, stated: "bound" });
    expect(only("500 users or more")).toMatchObject({ lo: 500, hi: Infinity, stated: "bound" });
  });

  it("ranges", () => {
    expect(only("2-3秒")).toMatchObject({ dimension: "time", lo: 2 * SECOND, hi: 3 * SECOND, comparator: "range" });
  });

  it("rates: per period, every N, daily", () => {
    expect(only("每秒处理1000条消息")).toMatchObject({ dimension: "rate", lo: 1000, hi: 1000 });
    expect(only("Backups run every night")).toMatchObject({ dimension: "rate", lo: 1 / 86_400 });
    expect(only("每周进行一次全量备份")).toMatchObject({ dimension: "rate", lo: 1 / (7 * 86_400) });
    expect(only("change passwords every 90 days")).toMatchObject({ dimension: "rate", lo: 1 / (90 * 86_400) });
  });

  it("'after N' is a threshold, and covers what comes after it when prohibited", () => {
    expect(only("Chat messages are deleted automatically after 90 days")).toMatchObject({ lo: 90 * DAY, hi: 90 * DAY, stated: "target", subject: ["c:automatic", "c:message", "c:retention"] });
    expect(only("Messages cannot be recalled after 2 minutes")).toMatchObject({ lo: 120 * SECOND, hi: Infinity, loOpen: true });
  });

  it("permanently: an unbounded retention", () => {
    expect(only("聊天记录永久保存")).toMatchObject({ dimension: "time", lo: Infinity, hi: Infinity, subject: ["c:chathistory", "c:retention"] });
  });

  it("dates: deadlines, starts and months", () => {
    expect(only("项目须在2025年6月30日前上线")).toMatchObject({ dimension: "date", lo: -Infinity, hi: dateDayNumber(2025, 6, 30), stated: "bound" });
    expect(only("goes live in September 2025")).toMatchObject({ dimension: "date", lo: dateDayNumber(2025, 9, 1), hi: dateDayNumber(2025, 9, 30), stated: "target" });
  });

  it("binds each number to the words around it when a clause has several", () => {
    const [users, time] = constraints("支持5000个并发用户，响应时间不超过2秒");
    expect(users?.subject).toEqual(["c:concurrent", "c:user"]);
    expect(time?.subject).toEqual(["c:responsetime"]);
  });
});

describe("constraintRelation", () => {
  const c = (text: string) => only(text);
  it("two lower bounds never conflict: the stricter implies the other", () => {
    expect(constraintRelation(c("at least 500 users"), c("at least 300 users"))).toBe("implies");
  });
  it("a lower bound above an upper bound conflicts", () => {
    expect(constraintRelation(c("at least 1000 users"), c("no more than 800 users"))).toBe("disjoint");
  });
  it("two targets that differ conflict; equal targets are equal", () => {
    expect(constraintRelation(c("support 500 users"), c("support 5000 users"))).toBe("disjoint");
    expect(constraintRelation(c("support 500 users"), c("支持500名用户"))).toBe("equal");
  });
  it("a target inside a bound is compatible, outside it conflicts", () => {
    expect(constraintRelation(c("support 500 users"), c("at least 300 users"))).toBe("implies");
    expect(constraintRelation(c("响应时间为5秒"), c("响应时间不超过2秒"))).toBe("disjoint");
  });
  it("units are compared in canonical values: 2 s = 2000 ms, 1 GB = 1024 MB", () => {
    expect(constraintRelation(c("within 2 s"), c("within 2000 ms"))).toBe("equal");
    expect(constraintRelation(c("up to 1 GB"), c("up to 1024 MB"))).toBe("equal");
  });
  it("open and closed ends: ≤ 2 and > 2 do not meet", () => {
    expect(constraintRelation(c("within 2 minutes"), c("more than 2 minutes"))).toBe("disjoint");
    expect(constraintRelation(c("within 2 minutes"), c("at least 2 minutes"))).toBe("overlap");
  });
});
