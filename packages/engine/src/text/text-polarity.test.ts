import { describe, expect, it } from "vitest";
import {
  type ClauseFacts,
  clauseExclusiveConflict,
  clauseFactsRead,
  clausePolarityConflict,
  clauseScopesDisjoint,
  termSetCoverage,
  termSetSimilarity,
} from "./text-polarity";
import { textTokenize } from "./text-tokens";

const uniform = () => 1;
const POLARITY = { similarity: 0.5, coverage: 0.7, restated: 0.85 };
const EXCLUSIVE = { attribute: 0.3, facet: 0.6 };

function facts(text: string): ClauseFacts {
  const t = textTokenize(text);
  const all = clauseFactsRead(t.tokens, t.clauseCount);
  expect(all).toHaveLength(1);
  return all[0] as ClauseFacts;
}

describe("clauseFactsRead", () => {
  it.each([
    ["支持导出聊天记录", 1],
    ["禁止导出聊天记录", -1],
    ["不允许导出聊天记录", -1],
    ["Users must not export chat history", -1],
    ["Exporting chat history is forbidden", -1],
    ["Passwords are stored in plain text", -1],
    ["Passwords must not be stored in plain text", 1],
    ["The app requires a permanent internet connection", -1],
    ["The app must support offline mode", 1],
    ["Tickets are closed after 7 days without reply", 1],
    ["用户不得不重新登录", 1],
  ])("%s → polarity %d", (text, polarity) => {
    expect(facts(text).polarity).toBe(polarity);
  });

  it("binds 'only' to the nearest member of a group", () => {
    expect(facts("Only administrators can create group chats").members.map((m) => [m.member, m.exclusive])).toEqual([["admin", true]]);
    expect(facts("Login is with local accounts only").members.map((m) => [m.member, m.exclusive])).toEqual([["localaccount", true]]);
    expect(facts("仅支持本地账号登录").exclusive).toBe(true);
  });

  it("tells capabilities from assertions", () => {
    expect(facts("The system supports SSO").capability).toBe(true);
    expect(facts("Users must log in through the client's SSO").capability).toBe(false);
  });
});

describe("term sets", () => {
  it("weighted cosine and coverage", () => {
    expect(termSetSimilarity(["a", "b"], ["a", "b", "c"], uniform)).toBeCloseTo(2 / Math.sqrt(6));
    expect(termSetCoverage(["a", "b"], ["a", "b", "c"], uniform)).toBe(1);
    expect(termSetCoverage(["a", "b", "c"], ["a"], uniform)).toBeCloseTo(1 / 3);
  });
});

describe("clausePolarityConflict", () => {
  it("支持导出聊天记录 vs 禁止导出聊天记录", () => {
    expect(clausePolarityConflict(facts("支持导出聊天记录"), facts("禁止导出聊天记录"), uniform, POLARITY)).toMatchObject({ similarity: 1, coverage: 1 });
  });

  it("must support offline mode vs requires a permanent connection", () => {
    expect(clausePolarityConflict(facts("The mobile app must support offline mode"), facts("The mobile app requires a permanent internet connection"), uniform, POLARITY)).toBeDefined();
  });

  it("different roles are different subjects: admins can export, users cannot", () => {
    const admins = facts("Administrators can export chat history");
    const users = facts("Regular users cannot export chat history");
    expect(clauseScopesDisjoint(admins, users)).toBe(true);
    expect(clausePolarityConflict(admins, users, uniform, POLARITY)).toBeUndefined();
  });

  it("a prohibition must be covered by the permission: 'no internet data' does not contradict 'answers from the knowledge base'", () => {
    expect(clausePolarityConflict(facts("AI助手基于企业知识库回答问题"), facts("AI助手不得使用外部互联网数据回答问题"), uniform, POLARITY)).toBeUndefined();
    expect(clausePolarityConflict(facts("AI助手可以联网搜索互联网信息来回答问题"), facts("AI助手不得使用外部互联网数据回答问题"), uniform, POLARITY)).toBeDefined();
  });
});

describe("clauseExclusiveConflict", () => {
  it("must use the client's SSO vs local accounts only", () => {
    expect(clauseExclusiveConflict(facts("Users must log in through the client's SSO"), facts("Login is with local accounts only"), uniform, EXCLUSIVE)).toMatchObject({
      memberA: "sso",
      memberB: "localaccount",
      exclusiveSide: "b",
    });
  });

  it("数据必须存储在客户本地机房 vs 数据存储在公有云: two assertions of one attribute", () => {
    expect(clauseExclusiveConflict(facts("数据必须存储在客户本地机房"), facts("数据存储在公有云"), uniform, EXCLUSIVE)).toMatchObject({ exclusiveSide: "none" });
  });

  it("two capabilities coexist: supports SSO, supports local accounts", () => {
    expect(clauseExclusiveConflict(facts("系统支持单点登录"), facts("系统支持本地账号登录"), uniform, EXCLUSIVE)).toBeUndefined();
  });

  it("only admins vs any user, for the same action", () => {
    expect(clauseExclusiveConflict(facts("Only administrators can create group chats"), facts("Any user can create a group chat"), uniform, EXCLUSIVE)).toMatchObject({ memberA: "admin", memberB: "user", exclusiveSide: "a" });
    // A different action: not the same subject.
    expect(clauseExclusiveConflict(facts("Only administrators can create group chats"), facts("Guests can edit messages in group chats"), uniform, EXCLUSIVE)).toBeUndefined();
  });

  it("a member is compatible with its parent: only mobile vs iOS", () => {
    expect(clauseExclusiveConflict(facts("仅支持移动端访问"), facts("支持iOS访问"), uniform, EXCLUSIVE)).toBeUndefined();
    expect(clauseExclusiveConflict(facts("仅支持移动端访问"), facts("支持网页端访问"), uniform, EXCLUSIVE)).toBeDefined();
  });
});
