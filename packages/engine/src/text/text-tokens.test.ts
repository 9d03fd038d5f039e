import { describe, expect, it } from "vitest";
import { type TextToken, dateDayNumber, englishStem, textChineseNumeral, textContentTerms, textNormalize, textTokenize } from "./text-tokens";

/** A compact view of tokens for assertions: terms, markers as <type>, numbers as #value, units as [label]. */
function view(text: string): string[] {
  return textTokenize(text).tokens.map((t: TextToken) => {
    switch (t.kind) {
      case "word":
      case "concept":
        return t.kind === "concept" && t.sign < 0 ? `${t.term}-` : t.term;
      case "number":
        return `#${t.value}`;
      case "date":
        return `@${t.first}..${t.last}`;
      case "unit":
        return `[${t.unit.label}]`;
      case "marker":
        return t.marker.type === "comparator" ? `<${t.marker.op}${t.marker.target ? " target" : ""}>` : `<${t.marker.type}>`;
    }
  });
}

describe("textNormalize", () => {
  it.each([
    ["支持五千名用户", "支持5000名用户"],
    ["支持5千名用户", "支持5000名用户"],
    ["support 5k users", "support 5000 users"],
    ["support 5,000 users", "support 5000 users"],
    ["五百个并发", "500个并发"],
    ["保留三年", "保留3年"],
    ["两周内", "2周内"],
    ["一百零五人", "105人"],
    ["预算五十万元", "预算500000元"],
    ["1.5万条消息", "15000条消息"],
    ["可用性达到百分之九十九点九", "可用性达到99.9%"],
    ["ＳＳＯ　登录，响应时间＜２秒", "sso 登录,响应时间<2秒"],
    ["five thousand users within three days", "5000 users within 3 days"],
    ["one hour", "1 hour"],
    ["半小时内", "30分钟内"],
  ])("%s → %s", (input, expected) => {
    expect(textNormalize(input)).toBe(expected);
  });

  it.each([
    ["统一身份认证", "统一身份认证"],
    ["数据一致", "数据一致"],
    ["千万不要", "千万不要"],
    ["第一次登录", "第一次登录"],
    ["no one can", "no one can"],
    ["two-factor authentication", "two-factor authentication"],
  ])("leaves numerals that are not quantities alone: %s", (input, expected) => {
    expect(textNormalize(input)).toBe(expected);
  });
});

describe("textChineseNumeral", () => {
  it.each([
    ["五千", 5000],
    ["一百零五", 105],
    ["十五", 15],
    ["两千", 2000],
    ["三千万", 30_000_000],
    ["九十九点九", 99.9],
    ["二〇二五", 2025],
  ])("%s = %d", (text, value) => {
    expect(textChineseNumeral(text)).toBe(value);
  });

  it("refuses text that is not a numeral", () => {
    expect(textChineseNumeral("用户")).toBeUndefined();
    expect(textChineseNumeral("")).toBeUndefined();
  });
});

describe("englishStem", () => {
  it.each([
    ["users", "user"],
    ["logged", "log"],
    ["logging", "log"],
    ["stored", "stor"],
    ["store", "stor"],
    ["encrypted", "encrypt"],
    ["histories", "history"],
    ["authentication", "authenticat"],
    ["authenticate", "authenticat"],
    ["access", "access"],
    ["status", "status"],
    ["ios", "ios"],
  ])("%s → %s", (word, stem) => {
    expect(englishStem(word)).toBe(stem);
  });
});

describe("textTokenize", () => {
  it("segments Chinese into words, not single characters, and folds known words onto concepts", () => {
    // 增量 is not in the lexicon: the segmenter keeps it as one word.
    expect(view("每天凌晨自动进行增量备份")).toEqual(["<per>", "c:automatic", "增量", "c:backup"]);
    expect(view("数据必须存储在客户本地机房")).toEqual(["c:data", "<mandate>", "c:store", "c:onprem"]);
  });

  it("folds synonyms and translations: 登录 / 登陆 / log in / sign in", () => {
    for (const text of ["用户登录", "用户登陆", "users log in", "users sign in", "Users signed in"]) expect(textContentTerms(textTokenize(text).tokens)).toEqual(["c:user", "c:login"]);
  });

  it("drops stop words, including the near-universal 系统 / system", () => {
    expect(textContentTerms(textTokenize("The system shall support SSO").tokens)).toEqual(["c:sso"]);
    expect(textContentTerms(textTokenize("系统需要支持单点登录").tokens)).toEqual(["c:sso"]);
  });

  it("keeps negations, modal words and 'only' as markers", () => {
    expect(view("禁止导出聊天记录")).toEqual(["<negation>", "c:export", "c:chathistory"]);
    expect(view("Users must not export chat history")).toEqual(["c:user", "<mandate>", "<negation>", "c:export", "c:chathistory"]);
    expect(view("Login is with local accounts only")).toEqual(["c:login", "c:localaccount", "<exclusive>"]);
    expect(view("仅支持本地账号登录")).toEqual(["<exclusive>", "<capability>", "c:localaccount", "c:login"]);
  });

  it("reads polar concepts with their sign: plaintext is encryption with sign −1", () => {
    expect(view("Passwords are stored in plain text")).toEqual(["c:password", "c:store", "c:encrypt-"]);
    expect(view("The app requires a permanent internet connection")).toEqual(["c:mobile", "<mandate>", "c:offline-"]);
  });

  it("does not read 不同 / 不足 as negations", () => {
    expect(view("不同角色")).toEqual(["不同", "c:role"]);
  });

  it("attaches units to numbers, in both scripts", () => {
    expect(view("响应时间不超过2秒")).toEqual(["c:responsetime", "<<=>", "#2", "[s]"]);
    expect(view("response time under 2 seconds")).toEqual(["c:responsetime", "<<>", "#2", "[s]"]);
    expect(view("单个文件上传不超过100MB")).toEqual(["c:file", "c:upload", "<<=>", "#100", "[MB]"]);
    expect(view("¥500")).toEqual(["#500", "[CNY]"]);
  });

  it("reads a negated comparator as its complement: 不能超过 = ≤, must not be less than = ≥", () => {
    expect(view("不能超过100MB")).toEqual(["<capability>", "<<=>", "#100", "[MB]"]);
    expect(view("must not be less than 99.9%")).toEqual(["<mandate>", "<>=>", "#99.9", "[%]"]);
  });

  it("reads dates as day numbers", () => {
    const day = dateDayNumber(2025, 6, 30);
    expect(view("2025年6月30日前上线")).toEqual([`@${day}..${day}`, "<before>", "c:golive"]);
    expect(view("go live by 30 June 2025")).toEqual(["c:golive", "<before>", `@${day}..${day}`]);
    expect(view("in September 2025")).toEqual([`@${dateDayNumber(2025, 9, 1)}..${dateDayNumber(2025, 9, 30)}`]);
  });

  it("drops clock times: 9:00, 凌晨2点, 2 pm are not quantities", () => {
    expect(view("每天凌晨2点备份")).toEqual(["<per>", "c:backup"]);
    expect(view("下午3点半开会")).toEqual(["下午", "开会"]);
    expect(view("at 2 pm and 9:30")).toEqual([]);
  });

  it("keeps identifiers like ISO 27001 as words, not quantities", () => {
    expect(view("comply with ISO 27001")).toEqual(["comply", "iso27001"]);
  });

  it("splits clauses at sentence punctuation and 'but', and keeps fragments without a predicate in their clause", () => {
    const t = textTokenize("Users can export chat history, as PDF or CSV. Admins cannot delete it.");
    expect(t.clauseCount).toBe(2);
    expect(textTokenize("管理员可以导出，普通用户不能导出").clauseCount).toBe(2);
    expect(textTokenize("Users can export but guests cannot").clauseCount).toBe(2);
  });

  it("makes bigrams only of Chinese words the lexicon does not know", () => {
    expect(textTokenize("每天凌晨自动进行增量备份").bigrams).toEqual(["增量"]);
  });
});

describe("dateDayNumber", () => {
  it("counts days since 1970-01-01", () => {
    expect(dateDayNumber(1970, 1, 1)).toBe(0);
    expect(dateDayNumber(2000, 3, 1)).toBe(11_017);
    expect(dateDayNumber(2025, 6, 30)).toBe(20_269);
  });
});
