/**
 * Tokenising zh-CN and English requirement texts.
 *
 * 1. `textNormalize`: NFKC (full-width → half-width), punctuation, lower case, and numbers written for quantities
 *    turned into digits: 五千 / 5千 / 5k / 5,000 → 5000, 百分之九十九点九 → 99.9%, three days → 3 days.
 * 2. `textTokenize`: a scanner over the normalised text. Chinese runs are matched against the lexicon (longest
 *    first) and the rest is segmented into words with `Intl.Segmenter("zh", {granularity: "word"})`; English words
 *    are stemmed lightly and matched against the lexicon's phrases ("sign in" → concept `login`). Numbers carry
 *    their units ("2秒" → 2 × 1000 ms) and dates become day numbers. Negations, modal words, "only" and
 *    comparators are kept as marker tokens, not dropped: polarity and constraints are read from them.
 *
 * Tokens know their clause (split at sentence punctuation and "but"/"但是"; a fragment without a modal word,
 * negation or number joins the clause before it, so "export chat history, as PDF or CSV" stays one clause).
 */
import {
  type ComparatorOp,
  CURRENCY_SYMBOLS,
  HAN_UNITS,
  LATIN_UNITS,
  type LexiconEmission,
  type QuantityUnit,
  SYMBOL_COMPARATORS,
  type TextMarker,
  lexiconPhrases,
} from "./text-lexicon";

type TokenPlace = {
  /** The text the token stands for, as written (after normalisation, case kept). */
  readonly surface: string;
  /** Offset of the token in the normalised text. */
  readonly start: number;
  readonly clause: number;
};

/** One token of a requirement text. Terms of concepts start with "c:"; words are stems (en) or segments (zh). */
export type TextToken =
  | (TokenPlace & { readonly kind: "word"; readonly term: string; readonly script: "latin" | "han" })
  | (TokenPlace & { readonly kind: "concept"; readonly term: string; readonly concept: string; readonly sign: 1 | -1 })
  | (TokenPlace & { readonly kind: "number"; readonly value: number })
  | (TokenPlace & { readonly kind: "date"; readonly first: number; readonly last: number })
  | (TokenPlace & { readonly kind: "unit"; readonly unit: QuantityUnit })
  | (TokenPlace & { readonly kind: "marker"; readonly marker: TextMarker });

/** The tokens of one text. */
export type TextTokens = {
  /** `textNormalize(text)`. */
  readonly normalized: string;
  readonly tokens: readonly TextToken[];
  /** Character bigrams of runs of Chinese words the lexicon does not know, for fuzzy matching. */
  readonly bigrams: readonly string[];
  readonly clauseCount: number;
};

// ── Normalisation ────────────────────────────────────────────────────────────────────────────────────────────

const HAN_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const HAN_BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/**
 * The value of a Chinese numeral, or undefined when the text is not one.
 *
 * @example
 * textChineseNumeral("五千") // 5000
 * textChineseNumeral("一百零五") // 105
 * textChineseNumeral("十五") // 15
 * textChineseNumeral("三千万") // 30000000
 * textChineseNumeral("九十九点九") // 99.9
 * textChineseNumeral("二〇二五") // 2025 (digit by digit)
 */
export function textChineseNumeral(text: string): number | undefined {
  const [whole = "", fraction] = text.split("点");
  if (whole === "" || [...whole].some((ch) => HAN_DIGITS[ch] === undefined && HAN_SMALL_UNITS[ch] === undefined && HAN_BIG_UNITS[ch] === undefined)) return undefined;
  let value: number;
  if ([...whole].every((ch) => HAN_DIGITS[ch] !== undefined) && whole.length > 1) {
    value = Number([...whole].map((ch) => HAN_DIGITS[ch]).join(""));
  } else {
    let total = 0;
    let section = 0;
    let digit: number | undefined;
    for (const ch of whole) {
      const d = HAN_DIGITS[ch];
      const small = HAN_SMALL_UNITS[ch];
      const big = HAN_BIG_UNITS[ch];
      if (d !== undefined) digit = d;
      else if (small !== undefined) {
        section += (digit ?? 1) * small;
        digit = undefined;
      } else if (big !== undefined) {
        total += (section + (digit ?? 0)) * big;
        section = 0;
        digit = undefined;
      }
    }
    value = total + section + (digit ?? 0);
  }
  if (fraction === undefined) return value;
  if (fraction === "" || [...fraction].some((ch) => HAN_DIGITS[ch] === undefined)) return undefined;
  return Number(`${value}.${[...fraction].map((ch) => HAN_DIGITS[ch]).join("")}`);
}

/** Words after which a Chinese numeral is a quantity ("三天", "两周", "一次"), besides the units. */
const HAN_CLASSIFIERS = ["种", "类", "层", "步", "轮", "遍", "批", "组", "节", "段", "行", "字", "页", "屏", "季度", "万", "千", "百", "元", "倍", "个", "名"];
const hanQuantityFollowers = (() => {
  const words = [...HAN_UNITS.keys(), ...HAN_CLASSIFIERS].sort((a, b) => b.length - a.length);
  return new RegExp(`^(?:${words.map(escapeRegExp).join("|")}|\\s*(?:%|[a-z]))`, "i");
})();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

const EN_NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const EN_NUMBER_SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };
const EN_NUMBER_WORD = `(?:${[...Object.keys(EN_NUMBER_WORDS), ...Object.keys(EN_NUMBER_SCALES)].join("|")})`;
const EN_NUMBER_RUN = new RegExp(`\\b${EN_NUMBER_WORD}(?:(?:\\s+|-)${EN_NUMBER_WORD})*\\b(?!-[a-z])`, "gi");
const EN_UNIT_AFTER = /^\s+(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|business days?|working days?|[kmgt]b|percent|%)\b/i;

function englishNumberValue(run: string): number | undefined {
  let total = 0;
  let current = 0;
  for (const w of run.toLowerCase().split(/[\s-]+/)) {
    const small = EN_NUMBER_WORDS[w];
    const scale = EN_NUMBER_SCALES[w];
    if (small !== undefined) current += small;
    else if (scale === 100) current = (current === 0 ? 1 : current) * 100;
    else if (scale !== undefined) {
      total += (current === 0 ? 1 : current) * scale;
      current = 0;
    } else return undefined;
  }
  return total + current;
}

/**
 * Normalises a requirement text for analysis, keeping letter case (the tokenizer reads case to tell identifiers
 * like "ISO 27001" from quantities). `textNormalize` is this, lower-cased.
 */
export function textNormalizeKeepCase(text: string): string {
  let s = text.normalize("NFKC");
  s = s
    .replace(/[。．]/g, ". ")
    .replace(/[【】「」『』《》〈〉“”"]/g, " ")
    .replace(/[‘’`´]/g, "'")
    .replace(/[—–―−]/g, "-")
    .replace(/[×＊]/g, "x")
    .replace(/[·•]/g, " ")
    .replace(/\u3000/g, " ");
  // Around-the-clock written as numbers is a concept, not two quantities.
  s = s
    .replace(/7\s*[x*]\s*24(?:\s*(?:小时|h|hours?))?|24\s*[x*/]\s*7|24\s*(?:小时|hours?)\s*(?:a\s+day,?\s*)?(?:x\s*)?7\s*(?:天|days?)(?:\s+a\s+week)?/gi, " 24x7 ")
    .replace(/全年\s*365\s*天/g, "全年无休");
  // "四个9" / "four nines" availability.
  s = s
    .replace(/([二三四五六七八九2-9])\s*个\s*9/g, (_all, n: string) => `${nines(Number(n) || (HAN_DIGITS[n] ?? 0))}%`)
    .replace(/\b(two|three|four|five|six)\s+nines\b/gi, (_all, n: string) => `${nines(EN_NUMBER_WORDS[n.toLowerCase()] ?? 0)}%`);
  // Half units.
  s = s
    .replace(/半个?小时/g, "30分钟")
    .replace(/半年/g, "6个月")
    .replace(/half\s+(?:an\s+)?hour/gi, "30 minutes")
    .replace(/half\s+a\s+year/gi, "6 months");
  // 百分之九十九点九 → 99.9%
  s = s.replace(/百分之([零〇一二两三四五六七八九十百点\d.]+)/g, (all, num: string) => {
    const value = /^[\d.]+$/.test(num) ? Number(num) : textChineseNumeral(num);
    return value === undefined || Number.isNaN(value) ? all : `${value}%`;
  });
  // Chinese numerals standing for quantities.
  s = s.replace(/[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?/g, (run: string, offset: number, whole: string) => {
    if (whole[offset - 1] === "第") return run;
    const first = run[0] ?? "";
    if (HAN_DIGITS[first] === undefined && first !== "十") return run;
    const after = whole.slice(offset + run.length);
    const hasMultiplier = /[十百千万亿点]/.test(run);
    if (!(hanQuantityFollowers.test(after) || (hasMultiplier && run.length >= 2))) return run;
    const value = textChineseNumeral(run);
    return value === undefined ? run : String(value);
  });
  // 5千 / 1.5万 / 3千万 / 5k / 5,000
  s = s.replace(/(\d+(?:\.\d+)?)\s*(千万|百万|十万|万|千|亿)/g, (_all, num: string, mult: string) => {
    const factor = [...mult].reduce((f, ch) => f * (HAN_SMALL_UNITS[ch] ?? HAN_BIG_UNITS[ch] ?? 1), 1);
    return String(roundNumber(Number(num) * factor));
  });
  s = s.replace(/\b(\d+(?:\.\d+)?)\s?k\b/gi, (_all, num: string) => String(roundNumber(Number(num) * 1000)));
  s = s.replace(/\b\d{1,3}(?:,\d{3})+(?![\d])/g, (num) => num.replace(/,/g, ""));
  // English number words: "five thousand" → 5000; a lone "one" only before a unit ("one hour").
  s = s.replace(EN_NUMBER_RUN, (run: string, offset: number, whole: string) => {
    const value = englishNumberValue(run);
    if (value === undefined) return run;
    if (/^one$/i.test(run) && !EN_UNIT_AFTER.test(whole.slice(offset + run.length))) return run;
    return String(value);
  });
  return s;
}

/** 3 → 99.9, 4 → 99.99: availability written as a count of nines. */
function nines(count: number): string {
  return count < 2 ? "0" : `99${count > 2 ? `.${"9".repeat(count - 2)}` : ""}`;
}

function roundNumber(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Normalises a requirement text: NFKC (full-width letters, digits and punctuation → half-width), lower case,
 * numbers that stand for quantities as digits.
 *
 * @example
 * textNormalize("支持五千名用户，响应时间不超过２秒") // "支持5000名用户,响应时间不超过2秒"
 * textNormalize("Support 5,000 users or 10K messages") // "support 5000 users or 10000 messages"
 * textNormalize("可用性达到百分之九十九点九") // "可用性达到99.9%"
 */
export function textNormalize(text: string): string {
  return textNormalizeKeepCase(text).toLowerCase();
}

// ── English stemming ─────────────────────────────────────────────────────────────────────────────────────────

function undouble(word: string): string {
  const last = word[word.length - 1] ?? "";
  return word.length > 3 && last === word[word.length - 2] && !"lsz".includes(last) && !"aeiou".includes(last) ? word.slice(0, -1) : word;
}

/**
 * A light English stemmer: plurals, -ing, -ed, -ation and a final -e, so inflections meet ("users" → "user",
 * "logged" / "logging" → "log", "stored" / "store" → "stor"). Lower-case input.
 *
 * @example
 * englishStem("messages") // "messag"
 * englishStem("encrypted") // "encrypt"
 * englishStem("authentication") // "authenticat"   (and "authenticate" → "authenticat")
 */
export function englishStem(input: string): string {
  let w = input.endsWith("'s") ? input.slice(0, -2) : input;
  if (w.length <= 3) return w;
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.length > 4 ? `${w.slice(0, -3)}y` : w.slice(0, -1);
  else if (w.endsWith("s") && !/(?:ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 5 && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length > 4 && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.endsWith("ational")) w = `${w.slice(0, -7)}ate`;
  else if (w.endsWith("ization")) w = `${w.slice(0, -7)}ize`;
  else if (w.endsWith("ation") && w.length > 7) w = `${w.slice(0, -5)}ate`;
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}

// ── Compiled lexicon ─────────────────────────────────────────────────────────────────────────────────────────

type TrieNode = { readonly next: Map<string, TrieNode>; emit?: readonly LexiconEmission[] };
type CompiledLexicon = {
  readonly trie: TrieNode;
  readonly han: ReadonlyMap<string, readonly LexiconEmission[]>;
  /** For each first character, the lengths of Chinese phrases starting with it, longest first. */
  readonly hanLengths: ReadonlyMap<string, readonly number[]>;
  readonly hanUnitsByLength: readonly (readonly [string, QuantityUnit])[];
};

let compiled: CompiledLexicon | undefined;

function splitLatinWords(phrase: string): string[] {
  return phrase.toLowerCase().split(/[\s-]+/).filter((w) => w !== "");
}

function lexicon(): CompiledLexicon {
  if (compiled !== undefined) return compiled;
  const trie: TrieNode = { next: new Map() };
  const han = new Map<string, readonly LexiconEmission[]>();
  for (const { phrase, script, emit } of lexiconPhrases()) {
    if (script === "han") {
      han.set(phrase, emit);
      continue;
    }
    let node = trie;
    for (const w of splitLatinWords(phrase).map(englishStem)) {
      let child = node.next.get(w);
      if (child === undefined) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    node.emit = emit;
  }
  const lengths = new Map<string, number[]>();
  for (const phrase of han.keys()) {
    const first = phrase[0] ?? "";
    const list = lengths.get(first) ?? [];
    if (!list.includes(phrase.length)) list.push(phrase.length);
    lengths.set(first, list);
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);
  const hanUnitsByLength = [...HAN_UNITS.entries()].sort((a, b) => b[0].length - a[0].length);
  compiled = { trie, han, hanLengths: lengths, hanUnitsByLength };
  return compiled;
}

let segmenter: Intl.Segmenter | undefined;
function hanSegments(text: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike === true) out.push(s.segment);
  return out;
}

// ── Scanner ──────────────────────────────────────────────────────────────────────────────────────────────────

type Piece =
  | { readonly t: "latin"; readonly text: string; readonly upper: boolean; start: number; readonly end: number }
  | { t: "han"; text: string; start: number; readonly end: number }
  | { readonly t: "num"; readonly value: number; readonly start: number; readonly end: number }
  | { readonly t: "date"; readonly first: number; readonly last: number; readonly start: number; readonly end: number }
  | { readonly t: "sym"; readonly text: string; readonly start: number; readonly end: number }
  | { readonly t: "break"; readonly start: number; readonly end: number };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (pure arithmetic).
 *
 * @example
 * dateDayNumber(1970, 1, 1) // 0
 * dateDayNumber(2025, 6, 30) // 20269
 */
export function dateDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function monthDays(year: number, month: number): number {
  return dateDayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dateDayNumber(year, month, 1);
}

const plausibleYear = (y: number) => y >= 1970 && y <= 2200;

type DateMatch = { first: number; last: number; length: number };

const DATE_PATTERNS: readonly { readonly re: RegExp; readonly read: (m: RegExpExecArray) => { first: number; last: number } | undefined }[] = [
  {
    re: /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/y,
    read: (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (!plausibleYear(y) || mo < 1 || mo > 12 || d < 1 || d > monthDays(y, mo)) return undefined;
      const day = dateDayNumber(y, mo, d);
      return { first: day, last: day };
    },
  },
  {
    re: /(\d{4})\s*年\s*(?:第\s*)?([1-4一二三四])\s*季度/y,
    read: (m) => {
      const y = Number(m[1]);
      const q = Number(m[2]) || (HAN_DIGITS[m[2] ?? ""] ?? 0);
      if (!plausibleYear(y) || q < 1 || q > 4) return undefined;
      return { first: dateDayNumber(y, q * 3 - 2, 1), last: dateDayNumber(y, q * 3, monthDays(y, q * 3)) };
    },
  },
  {
    re: /(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?(底|末|初|中)?/y,
    read: (m) => {
      const [y, mo] = [Number(m[1]), Number(m[2])];
      if (!plausibleYear(y) || mo < 1 || mo > 12) return undefined;
      const last = monthDays(y, mo);
      const range = m[3] === "底" || m[3] === "末" ? [last - 9, last] : m[3] === "初" ? [1, 10] : m[3] === "中" ? [11, 20] : [1, last];
      return { first: dateDayNumber(y, mo, range[0] ?? 1), last: dateDayNumber(y, mo, range[1] ?? last) };
    },
  },
  {
    re: /(\d{4})\s*年\s*(底|末|初|上半年|下半年)?(?![\d个])/y,
    read: (m) => {
      const y = Number(m[1]);
      if (!plausibleYear(y)) return undefined;
      const [a, b] = m[2] === "底" || m[2] === "末" ? [[12, 1], [12, 31]] : m[2] === "初" ? [[1, 1], [1, 31]] : m[2] === "上半年" ? [[1, 1], [6, 30]] : m[2] === "下半年" ? [[7, 1], [12, 31]] : [[1, 1], [12, 31]];
      return { first: dateDayNumber(y, a?.[0] ?? 1, a?.[1] ?? 1), last: dateDayNumber(y, b?.[0] ?? 12, b?.[1] ?? 31) };
    },
  },
  {
    re: new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})`, "iy"),
    read: (m) => exactDate(Number(m[3]), m[2] ?? "", Number(m[1])),
  },
  {
    re: new RegExp(`${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, "iy"),
    read: (m) => exactDate(Number(m[3]), m[1] ?? "", Number(m[2])),
  },
  {
    re: new RegExp(`(?:(end|beginning|start|middle|mid)\\s+(?:of\\s+)?)?${MONTH}\\.?,?\\s+(\\d{4})`, "iy"),
    read: (m) => {
      const y = Number(m[3]);
      const mo = MONTHS[(m[2] ?? "").toLowerCase()];
      if (mo === undefined || !plausibleYear(y)) return undefined;
      const last = monthDays(y, mo);
      const part = (m[1] ?? "").toLowerCase();
      const [a, b] = part === "end" ? [last - 9, last] : part === "beginning" || part === "start" ? [1, 10] : part === "middle" || part === "mid" ? [11, 20] : [1, last];
      return { first: dateDayNumber(y, mo, a), last: dateDayNumber(y, mo, b) };
    },
  },
  {
    re: /q([1-4])\s*(?:of\s+)?(\d{4})|(\d{4})\s*q([1-4])/iy,
    read: (m) => {
      const q = Number(m[1] ?? m[4]);
      const y = Number(m[2] ?? m[3]);
      if (!plausibleYear(y)) return undefined;
      return { first: dateDayNumber(y, q * 3 - 2, 1), last: dateDayNumber(y, q * 3, monthDays(y, q * 3)) };
    },
  },
  {
    re: /(?:(end|beginning|start|middle)\s+of\s+)(\d{4})\b/iy,
    read: (m) => {
      const y = Number(m[2]);
      if (!plausibleYear(y)) return undefined;
      const part = (m[1] ?? "").toLowerCase();
      return part === "end" ? { first: dateDayNumber(y, 12, 1), last: dateDayNumber(y, 12, 31) } : part === "middle" ? { first: dateDayNumber(y, 6, 1), last: dateDayNumber(y, 7, 31) } : { first: dateDayNumber(y, 1, 1), last: dateDayNumber(y, 1, 31) };
    },
  },
];

function exactDate(year: number, monthName: string, day: number): { first: number; last: number } | undefined {
  const mo = MONTHS[monthName.toLowerCase()];
  if (mo === undefined || !plausibleYear(year) || day < 1 || day > monthDays(year, mo)) return undefined;
  const d = dateDayNumber(year, mo, day);
  return { first: d, last: d };
}

function matchDate(text: string, at: number): DateMatch | undefined {
  for (const { re, read } of DATE_PATTERNS) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) continue;
    const value = read(m);
    if (value !== undefined) return { ...value, length: m[0].length };
  }
  return undefined;
}

const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/y;
const LATIN_WORD = /[a-z][a-z0-9]*(?:'[a-z]+)?/iy;
const NUMBER = /\d+(?:\.\d+)?/y;
const CLOCK = /\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\b\.?|\d{1,2}\s*[点時](?:\s*\d{1,2}\s*分|半|钟|整)?/iy;
const BREAK_CHARS = new Set([".", ",", ";", "!", "?", "\n", "\r", "；", "！", "？", "，"]);
const SYMBOLS = ["≥", "≤", ">=", "<=", ">", "<", "=", "≈", "~", "%", "$", "¥", "€", "-", "/", "+", "@", "&"];

function scan(text: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (/\s/.test(ch) && ch !== "\n") {
      i++;
      continue;
    }
    if (/[0-9a-z]/i.test(ch) && (i === 0 || !/[0-9a-z]/i.test(text[i - 1] ?? ""))) {
      const date = matchDate(text, i);
      if (date !== undefined) {
        pieces.push({ t: "date", first: date.first, last: date.last, start: i, end: i + date.length });
        i += date.length;
        continue;
      }
    }
    if (/[0-9]/.test(ch)) {
      if (text.startsWith("24x7", i)) {
        pieces.push({ t: "latin", text: "24x7", upper: false, start: i, end: i + 4 });
        i += 4;
        continue;
      }
      // A clock time ("9:00", "18:30") is not a quantity.
      CLOCK.lastIndex = i;
      const clock = CLOCK.exec(text);
      if (clock !== null) {
        i += clock[0].length;
        continue;
      }
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      const raw = m?.[0] ?? ch;
      pieces.push({ t: "num", value: Number(raw), start: i, end: i + raw.length });
      i += raw.length;
      continue;
    }
    if (/[a-z]/i.test(ch)) {
      LATIN_WORD.lastIndex = i;
      const raw = LATIN_WORD.exec(text)?.[0] ?? ch;
      pieces.push({ t: "latin", text: raw.toLowerCase(), upper: /[A-Z]/.test(raw), start: i, end: i + raw.length });
      i += raw.length;
      continue;
    }
    if (HAN_CHAR.test(ch)) {
      HAN_RUN.lastIndex = i;
      const raw = HAN_RUN.exec(text)?.[0] ?? ch;
      pieces.push({ t: "han", text: raw, start: i, end: i + raw.length });
      i += raw.length;
      continue;
    }
    if (BREAK_CHARS.has(ch)) {
      pieces.push({ t: "break", start: i, end: i + 1 });
      i++;
      continue;
    }
    const sym = SYMBOLS.find((s) => text.startsWith(s, i));
    if (sym !== undefined) {
      pieces.push({ t: "sym", text: sym, start: i, end: i + sym.length });
      i += sym.length;
      continue;
    }
    i++;
  }
  return pieces;
}

// ── Token assembly ───────────────────────────────────────────────────────────────────────────────────────────

type Builder = {
  readonly text: string;
  readonly tokens: TextToken[];
  readonly bigrams: string[];
  clause: number;
  /** Han content characters of the current stretch, for bigrams. */
  stretch: string;
};

function flushStretch(b: Builder): void {
  for (let k = 0; k + 1 < b.stretch.length; k++) b.bigrams.push(b.stretch.slice(k, k + 2));
  b.stretch = "";
}

function emitAll(b: Builder, emit: readonly LexiconEmission[], surface: string, start: number, script: "latin" | "han"): void {
  let plainWord = false;
  for (const e of emit) {
    switch (e.kind) {
      case "concept":
        b.tokens.push({ kind: "concept", term: `c:${e.concept}`, concept: e.concept, sign: e.sign, surface, start, clause: b.clause });
        break;
      case "marker":
        if (e.marker.type === "clauseBreak") b.clause++;
        else b.tokens.push({ kind: "marker", marker: e.marker, surface, start, clause: b.clause });
        break;
      case "word":
        b.tokens.push({ kind: "word", term: e.term, script, surface, start, clause: b.clause });
        plainWord = true;
        break;
      case "stop":
        break;
    }
  }
  // Bigrams only over words the lexicon does not know: known words already meet through their concept.
  if (script === "han") {
    if (plainWord) b.stretch += surface;
    else flushStretch(b);
  }
}

function processLatinRun(b: Builder, words: readonly Extract<Piece, { t: "latin" }>[]): void {
  const { trie } = lexicon();
  const stems = words.map((w) => englishStem(w.text));
  let i = 0;
  while (i < words.length) {
    let node: TrieNode | undefined = trie;
    let best: { length: number; emit: readonly LexiconEmission[] } | undefined;
    for (let k = i; k < words.length && node !== undefined; k++) {
      node = node.next.get(stems[k] ?? "");
      if (node?.emit !== undefined) best = { length: k - i + 1, emit: node.emit };
    }
    const first = words[i];
    if (first === undefined) break;
    if (best !== undefined) {
      const last = words[i + best.length - 1] ?? first;
      emitAll(b, best.emit, b.text.slice(first.start, last.end), first.start, "latin");
      i += best.length;
      continue;
    }
    const stem = stems[i] ?? first.text;
    if (stem.length > 1 || /\d/.test(stem)) b.tokens.push({ kind: "word", term: stem, script: "latin", surface: b.text.slice(first.start, first.end), start: first.start, clause: b.clause });
    i++;
  }
}

function processHanGap(b: Builder, gap: string, start: number): void {
  const { han } = lexicon();
  let offset = start;
  for (const seg of hanSegments(gap)) {
    const at = b.text.indexOf(seg, offset);
    const segStart = at < 0 ? offset : at;
    offset = segStart + seg.length;
    const entry = han.get(seg);
    if (entry !== undefined) {
      emitAll(b, entry, seg, segStart, "han");
    } else if (seg.startsWith("不")) {
      emitAll(b, [{ kind: "marker", marker: { type: "negation" } }], "不", segStart, "han");
      const rest = seg.slice(1);
      if (rest !== "") {
        const restEntry = han.get(rest);
        emitAll(b, restEntry ?? [{ kind: "word", term: rest }], rest, segStart + 1, "han");
      }
    } else {
      emitAll(b, [{ kind: "word", term: seg }], seg, segStart, "han");
    }
  }
}

function processHanRun(b: Builder, run: string, start: number): void {
  const { han, hanLengths } = lexicon();
  let pos = 0;
  let gapStart = 0;
  while (pos < run.length) {
    let matched = 0;
    for (const len of hanLengths.get(run[pos] ?? "") ?? []) {
      if (len < 2 || pos + len > run.length) continue;
      const entry = han.get(run.slice(pos, pos + len));
      if (entry !== undefined) {
        if (gapStart < pos) processHanGap(b, run.slice(gapStart, pos), start + gapStart);
        emitAll(b, entry, run.slice(pos, pos + len), start + pos, "han");
        matched = len;
        break;
      }
    }
    if (matched > 0) {
      pos += matched;
      gapStart = pos;
    } else pos++;
  }
  if (gapStart < run.length) processHanGap(b, run.slice(gapStart), start + gapStart);
  flushStretch(b);
}

/** Reads a unit right after a number; consumes it from `pieces` (splitting a Chinese run) and returns it. */
function takeUnit(pieces: Piece[], at: number): { unit: QuantityUnit; surface: string; start: number; consumed: number } | undefined {
  const next = pieces[at];
  if (next === undefined) return undefined;
  if (next.t === "sym" && next.text === "%") return { unit: { dimension: "percent", factor: 1, label: "%" }, surface: "%", start: next.start, consumed: 1 };
  if (next.t === "latin") {
    const second = pieces[at + 1];
    if (second?.t === "latin") {
      const two = LATIN_UNITS.get(`${next.text} ${second.text}`);
      if (two !== undefined) return { unit: two, surface: `${next.text} ${second.text}`, start: next.start, consumed: 2 };
    }
    const one = LATIN_UNITS.get(next.text);
    if (one !== undefined) return { unit: one, surface: next.text, start: next.start, consumed: 1 };
    return undefined;
  }
  if (next.t === "han") {
    for (const [w, unit] of lexicon().hanUnitsByLength) {
      if (!next.text.startsWith(w)) continue;
      if (w === next.text) return { unit, surface: w, start: next.start, consumed: 1 };
      // Split the Chinese run: the unit is consumed, the rest stays.
      next.text = next.text.slice(w.length);
      const start = next.start;
      next.start += w.length;
      return { unit, surface: w, start, consumed: 0 };
    }
  }
  return undefined;
}

/** Time units after "/" ("1000次/秒", "100 msg/s") make a rate period. */
function periodAfterSlash(pieces: readonly Piece[], at: number): { seconds: number; consumed: number } | undefined {
  const next = pieces[at];
  if (next === undefined) return undefined;
  const unit = next.t === "latin" ? LATIN_UNITS.get(next.text) : next.t === "han" ? HAN_UNITS.get(next.text.slice(0, next.text.startsWith("分钟") ? 2 : 1)) : undefined;
  if (unit?.dimension !== "time") return undefined;
  return { seconds: unit.factor / 1000, consumed: 1 };
}

function hasPredicate(tokens: readonly TextToken[]): boolean {
  return tokens.some(
    (t) =>
      t.kind === "number" ||
      t.kind === "date" ||
      (t.kind === "concept" && t.sign < 0) ||
      (t.kind === "marker" && (t.marker.type === "negation" || t.marker.type === "exclusive" || t.marker.type === "capability" || t.marker.type === "mandate" || t.marker.type === "forever")),
  );
}

/** Joins fragments without a predicate to the clause before them and renumbers clauses 0, 1, 2, … */
function mergeClauses(tokens: readonly TextToken[]): { tokens: TextToken[]; count: number } {
  const byClause = new Map<number, TextToken[]>();
  for (const t of tokens) {
    const list = byClause.get(t.clause) ?? [];
    list.push(t);
    byClause.set(t.clause, list);
  }
  const order = [...byClause.keys()].sort((a, b) => a - b);
  const target = new Map<number, number>();
  let current = -1;
  for (const raw of order) {
    const own = byClause.get(raw) ?? [];
    if (current < 0 || hasPredicate(own)) current++;
    target.set(raw, current);
  }
  // A leading fragment without predicate belongs to the first clause with one.
  return { tokens: tokens.map((t) => ({ ...t, clause: Math.max(0, target.get(t.clause) ?? 0) })), count: Math.max(current + 1, tokens.length > 0 ? 1 : 0) };
}

/**
 * Tokenises a requirement text (see the module comment).
 *
 * @example
 * textTokenize("响应时间不超过2秒").tokens.map((t) => t.kind === "number" ? t.value : t.kind === "marker" ? t.marker.type : t.kind === "unit" ? t.unit.label : t.term)
 * // ["c:responsetime", "comparator", 2, "s"]
 * textTokenize("Users must not export chat history").tokens
 * // word-ish: c:user, marker mandate, marker negation, c:export, c:chathistory
 */
export function textTokenize(text: string): TextTokens {
  const keepCase = textNormalizeKeepCase(text);
  const normalized = keepCase.toLowerCase();
  const pieces = scan(keepCase);
  const b: Builder = { text: keepCase, tokens: [], bigrams: [], clause: 0, stretch: "" };
  let i = 0;
  while (i < pieces.length) {
    const p = pieces[i];
    if (p === undefined) break;
    switch (p.t) {
      case "break":
        flushStretch(b);
        b.clause++;
        i++;
        break;
      case "latin": {
        const run: Extract<Piece, { t: "latin" }>[] = [p];
        let k = i + 1;
        for (;;) {
          const next = pieces[k];
          if (next?.t === "latin") {
            run.push(next);
            k++;
          } else if (next?.t === "sym" && (next.text === "-" || next.text === "&") && pieces[k + 1]?.t === "latin") k++;
          else break;
        }
        processLatinRun(b, run);
        i = k;
        break;
      }
      case "han":
        processHanRun(b, p.text, p.start);
        i++;
        break;
      case "date":
        flushStretch(b);
        b.tokens.push({ kind: "date", first: p.first, last: p.last, surface: keepCase.slice(p.start, p.end), start: p.start, clause: b.clause });
        i++;
        break;
      case "num": {
        flushStretch(b);
        const before = pieces[i - 1];
        const currency = before?.t === "sym" && before.end === p.start ? CURRENCY_SYMBOLS.get(before.text) : undefined;
        b.tokens.push({ kind: "number", value: p.value, surface: keepCase.slice(p.start, p.end), start: p.start, clause: b.clause });
        i++;
        const unit = takeUnit(pieces, i);
        if (unit !== undefined) {
          b.tokens.push({ kind: "unit", unit: unit.unit, surface: unit.surface, start: unit.start, clause: b.clause });
          if (unit.unit.concept !== undefined) b.tokens.push({ kind: "concept", term: `c:${unit.unit.concept}`, concept: unit.unit.concept, sign: 1, surface: unit.surface, start: unit.start, clause: b.clause });
          i += unit.consumed;
        } else if (currency !== undefined) {
          b.tokens.push({ kind: "unit", unit: currency, surface: before?.t === "sym" ? before.text : "", start: before?.start ?? p.start, clause: b.clause });
        }
        break;
      }
      case "sym": {
        flushStretch(b);
        const op = SYMBOL_COMPARATORS.get(p.text);
        const prev = pieces[i - 1];
        const next = pieces[i + 1];
        if (op !== undefined) b.tokens.push({ kind: "marker", marker: { type: "comparator", op, target: false, after: false }, surface: p.text, start: p.start, clause: b.clause });
        else if ((p.text === "~" || p.text === "-") && (prev?.t === "num" || b.tokens[b.tokens.length - 1]?.kind === "unit") && next?.t === "num") b.tokens.push({ kind: "marker", marker: { type: "range" }, surface: p.text, start: p.start, clause: b.clause });
        else if (p.text === "+" && prev?.t === "num") b.tokens.push({ kind: "marker", marker: { type: "comparator", op: ">=", target: false, after: true }, surface: "+", start: p.start, clause: b.clause });
        else if (p.text === "@") b.tokens.push({ kind: "concept", term: "c:mention", concept: "mention", sign: 1, surface: "@", start: p.start, clause: b.clause });
        else if (p.text === "/") {
          const period = periodAfterSlash(pieces, i + 1);
          if (period !== undefined) {
            b.tokens.push({ kind: "marker", marker: { type: "per", seconds: period.seconds }, surface: "/", start: p.start, clause: b.clause });
            const unitPiece = pieces[i + 1];
            if (unitPiece?.t === "han") {
              const w = unitPiece.text.startsWith("分钟") ? 2 : 1;
              unitPiece.text = unitPiece.text.slice(w);
              unitPiece.start += w;
              if (unitPiece.text === "") i++;
            } else i++;
          }
        }
        i++;
        break;
      }
    }
  }
  flushStretch(b);
  const merged = mergeClauses(negatedComparators(identifiers(b.tokens)));
  return { normalized, tokens: merged.tokens, bigrams: b.bigrams, clauseCount: merged.count };
}

/**
 * "ISO 27001", "Java 17": a capitalised word that is not in the lexicon followed by a bare number is an identifier,
 * not a quantity; both become one word ("iso27001").
 */
function identifiers(tokens: readonly TextToken[]): TextToken[] {
  const out: TextToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined) continue;
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (
      t.kind === "number" &&
      prev?.kind === "word" &&
      prev.script === "latin" &&
      /[A-Z]/.test(prev.surface) &&
      prev.start + prev.surface.length >= t.start - 1 &&
      next?.kind !== "unit"
    ) {
      out[out.length - 1] = { ...prev, term: `${prev.term}${t.surface}`, surface: `${prev.surface} ${t.surface}` };
      continue;
    }
    out.push(t);
  }
  return out;
}

const COMPLEMENT: Readonly<Record<ComparatorOp, ComparatorOp>> = { ">=": "<", ">": "<=", "<=": ">", "<": ">=", "=": "=", "~": "~" };

/**
 * A negated comparator is the complementary comparator, not a negation of the statement: "不能超过 100MB" = "≤ 100MB",
 * "must not be less than 99.9%" = "≥ 99.9%". The negation (and a modal word between) is dropped when a number follows.
 */
function negatedComparators(tokens: readonly TextToken[]): TextToken[] {
  const out: TextToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined) continue;
    if (t.kind === "marker" && t.marker.type === "negation") {
      let k = i + 1;
      while (tokens[k]?.kind === "marker" && ["capability", "mandate"].includes((tokens[k] as Extract<TextToken, { kind: "marker" }>).marker.type) && k < i + 3) k++;
      const c = tokens[k];
      const after = tokens[k + 1];
      if (c?.kind === "marker" && c.marker.type === "comparator" && !c.marker.after && (after?.kind === "number" || after?.kind === "date")) {
        for (let m = i + 1; m < k; m++) {
          const modal = tokens[m];
          if (modal !== undefined) out.push(modal);
        }
        out.push({ ...c, marker: { type: "comparator", op: COMPLEMENT[c.marker.op], target: false, after: false } });
        i = k;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** The content terms of tokens (words and concepts), in order. */
export function textContentTerms(tokens: readonly TextToken[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (t.kind === "word" || t.kind === "concept") out.push(t.term);
  return out;
}
