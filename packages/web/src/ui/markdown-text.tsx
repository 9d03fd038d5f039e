import type { ReactNode } from "react";

/**
 * Renders a small, safe subset of Markdown (paragraphs, line breaks, `-`/`1.` lists, `#` headings, **bold**,
 * `code` and http(s) links) as React elements. Nothing is injected as HTML, so no sanitising is needed. Used for
 * text the API returns as plain Markdown (project descriptions); comments come pre-rendered from the server.
 */
export function MarkdownText({ text }: { text: string }) {
  return <div className="prose">{markdownBlocks(text)}</div>;
}

type Block =
  | { kind: "p"; lines: string[] }
  | { kind: "h"; text: string }
  | { kind: "ul" | "ol"; items: string[] };

/** `parseBlocks("a\nb\n\n- x\n- y")` → a paragraph of two lines, then a list of two items. */
export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const last = blocks.at(-1);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const heading = /^\s*#{1,6}\s+(.*)$/.exec(line);
    if (line.trim() === "") {
      blocks.push({ kind: "p", lines: [] });
    } else if (bullet) {
      if (last?.kind === "ul") last.items.push(bullet[1] ?? "");
      else blocks.push({ kind: "ul", items: [bullet[1] ?? ""] });
    } else if (numbered) {
      if (last?.kind === "ol") last.items.push(numbered[1] ?? "");
      else blocks.push({ kind: "ol", items: [numbered[1] ?? ""] });
    } else if (heading) {
      blocks.push({ kind: "h", text: heading[1] ?? "" });
    } else if (last?.kind === "p") {
      last.lines.push(line);
    } else {
      blocks.push({ kind: "p", lines: [line] });
    }
  }
  return blocks.filter((block) => block.kind !== "p" || block.lines.length > 0);
}

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\(https?:\/\/[^\s)]+\))/g;

function inline(text: string): ReactNode[] {
  return text.split(INLINE).map((part, index) => {
    if (part.startsWith("**") && part.endsWith("**") && part.length > 4) return <strong key={index}>{part.slice(2, -2)}</strong>;
    if (part.startsWith("`") && part.endsWith("`") && part.length > 2) return <code key={index}>{part.slice(1, -1)}</code>;
    const link = /^\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)$/.exec(part);
    if (link) {
      return (
        <a key={index} href={link[2]} target="_blank" rel="noopener noreferrer">
          {link[1]}
        </a>
      );
    }
    return part;
  });
}

function markdownBlocks(text: string): ReactNode[] {
  return parseBlocks(text).map((block, index) => {
    switch (block.kind) {
      case "h":
        return <h4 key={index}>{inline(block.text)}</h4>;
      case "ul":
        return (
          <ul key={index}>
            {block.items.map((item, i) => (
              <li key={i}>{inline(item)}</li>
            ))}
          </ul>
        );
      case "ol":
        return (
          <ol key={index}>
            {block.items.map((item, i) => (
              <li key={i}>{inline(item)}</li>
            ))}
          </ol>
        );
      case "p":
        return (
          <p key={index}>
            {block.lines.map((line, i) => (
              <span key={i}>
                {i > 0 ? <br /> : null}
                {inline(line)}
              </span>
            ))}
          </p>
        );
    }
  });
}
