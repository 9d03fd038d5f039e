/**
 * `jiaofu requirements-analyze --input FILE.json [--output OUT.json]`: the conflict and duplicate finder over a
 * requirement register, the same engine code the app runs (`requirementFinderAnalyzeAll` in @jiaofu/engine).
 *
 * - input: `{"requirements":[{"id":"R1","text":"…"}, …]}` — zh-CN and English mixed, up to 10,000 items (more
 *   work, only slower); ids are unique non-empty strings, texts are strings;
 * - output: `{"proposals":[{"a":"R1","b":"R7","kind":"duplicate","score":0.93,"reason":"…"}, …]}`, highest score
 *   first; `a` and `b` are ids as given (`a` is the one that comes first in the input), `kind` is `duplicate` or
 *   `conflict`, `score` is in [0, 1], `reason` names the evidence. On stdout, or in `--output` (then stdout gets a
 *   one-line summary);
 * - exit 0 on success; 1 with one line on stderr saying what is wrong and where (unreadable file, not JSON, no
 *   `requirements` array, an item without a string id or text, a duplicate id).
 */
import fs from "node:fs";
import { requirementFinderAnalyzeAll, type RequirementProposal, type RequirementText } from "@jiaofu/engine";

export type RequirementsAnalyzeOptions = {
  /** Path of the register (JSON). */
  input: string;
  /** Where to write the proposals (JSON); stdout when omitted. */
  output?: string;
};

/** Where the command writes: each call receives whole lines, each ending in "\n" (wire to process.stdout.write). */
export type RequirementsAnalyzeIo = {
  stdout(text: string): void;
  stderr(text: string): void;
};

/** Exit statuses of `jiaofu requirements-analyze`. */
export const REQUIREMENTS_ANALYZE_EXIT = { ok: 0, invalidInput: 1 } as const;

/**
 * Runs `jiaofu requirements-analyze` and resolves to its exit status.
 *
 * @example
 * // register.json: {"requirements":[{"id":"R1","text":"系统需支持500个并发用户"},{"id":"R2","text":"The system must support 5,000 concurrent users."}]}
 * await runRequirementsAnalyzeCommand({ input: "register.json" }, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
 * // stdout: {"proposals":[
 * //         {"a":"R1","b":"R2","kind":"conflict","score":0.95,"reason":"same subject '并发用户', incompatible numbers 500 vs 5000"}
 * //         ]}
 * // resolves to 0
 */
export async function runRequirementsAnalyzeCommand(opts: RequirementsAnalyzeOptions, io: RequirementsAnalyzeIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`error: ${message}\n`);
    return REQUIREMENTS_ANALYZE_EXIT.invalidInput;
  };

  const register = await readRegister(opts.input);
  if (typeof register === "string") return fail(register);

  const proposals = requirementFinderAnalyzeAll(register);
  const document = proposalsDocument(proposals);
  if (opts.output === undefined) {
    io.stdout(document);
    return REQUIREMENTS_ANALYZE_EXIT.ok;
  }
  try {
    await fs.promises.writeFile(opts.output, document, "utf8");
  } catch (error) {
    return fail(`cannot write ${opts.output}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const conflicts = proposals.filter((p) => p.kind === "conflict").length;
  io.stdout(`${register.length} requirements, ${proposals.length} proposals (${conflicts} conflicts, ${proposals.length - conflicts} duplicates) written to ${opts.output}\n`);
  return REQUIREMENTS_ANALYZE_EXIT.ok;
}

/** Reads and validates the register, or says what is wrong and where. */
async function readRegister(file: string): Promise<RequirementText[] | string> {
  let document: unknown;
  try {
    document = JSON.parse(await fs.promises.readFile(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return error instanceof SyntaxError ? `${file} is not valid JSON: ${reason}` : `cannot read ${file}: ${reason}`;
  }
  if (typeof document !== "object" || document === null || Array.isArray(document) || !("requirements" in document)) {
    return `${file}: expected an object with a "requirements" array, e.g. {"requirements":[{"id":"R1","text":"…"}]}`;
  }
  const items: unknown = document.requirements;
  if (!Array.isArray(items)) return `${file}: "requirements" must be an array, got ${describe(items)}`;
  const out: RequirementText[] = [];
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    const where = `${file}: requirements[${i}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) return `${where} must be an object {"id","text"}, got ${describe(item)}`;
    const id: unknown = "id" in item ? item.id : undefined;
    const text: unknown = "text" in item ? item.text : undefined;
    if (typeof id !== "string" || id === "") return `${where}.id must be a non-empty string, got ${describe(id)}`;
    if (typeof text !== "string") return `${where}.text must be a string, got ${describe(text)} (id ${JSON.stringify(id)})`;
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) return `${where}.id ${JSON.stringify(id)} duplicates requirements[${earlier}].id`;
    firstIndex.set(id, i);
    out.push({ id, text });
  }
  return out;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}` : `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}

/** The output document: one proposal per line, so a large result stays readable and diffable. */
function proposalsDocument(proposals: readonly RequirementProposal[]): string {
  if (proposals.length === 0) return `{"proposals":[]}\n`;
  const lines = proposals.map((p) => JSON.stringify({ a: p.a, b: p.b, kind: p.kind, score: p.score, reason: p.reason }));
  return `{"proposals":[\n${lines.join(",\n")}\n]}\n`;
}
