/**
 * What the "create requirement" dialog starts with when a passage of notes or a free-text answer becomes a
 * requirement: a title from the excerpt's first line, and the excerpt quoted as the description with where it came
 * from (the same defaults the API applies when the fields are left out).
 */

const TITLE_MAX = 80;

/**
 * The first non-blank line of the excerpt, white space collapsed, at most 80 characters (an ellipsis when cut).
 *
 * @example
 * titleFromExcerpt("  系统必须支持\n企业微信单点登录 ")  // "系统必须支持"
 */
export function titleFromExcerpt(excerpt: string): string {
  const firstLine =
    excerpt
      .split(/\r?\n/)
      .map((line) => line.replace(/\s+/g, " ").trim())
      .find((line) => line !== "") ?? "";
  const chars = [...firstLine];
  return chars.length <= TITLE_MAX ? firstLine : `${chars.slice(0, TITLE_MAX - 1).join("")}…`;
}

/**
 * The excerpt as a Markdown quote, then a line naming its origin.
 *
 * @example
 * quoteExcerpt("Needs SSO\nand audit", "Kick-off interview (2025-03-01)")
 * // "> Needs SSO\n> and audit\n\n— Kick-off interview (2025-03-01)"
 */
export function quoteExcerpt(excerpt: string, origin: string): string {
  const quote = excerpt
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join("\n");
  return `${quote}\n\n— ${origin}`;
}
