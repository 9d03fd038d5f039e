import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders the markdown people write: headings, lists, task lists, code, tables, quotes, emphasis", () => {
    const html = renderMarkdown(
      "# 需求\n\n- [x] done\n- [ ] todo\n\n```ts\nconst a = 1 < 2;\n```\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n> quoted\n\n**bold** *em* ~~gone~~ `x`\n\n3. three",
    );
    expect(html).toContain("<h1>需求</h1>");
    expect(html).toContain('<li><input type="checkbox" disabled checked /> done</li>');
    expect(html).toContain('<pre><code class="language-ts">const a = 1 &lt; 2;');
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<strong>bold</strong> <em>em</em> <del>gone</del> <code>x</code>");
    expect(html).toContain('<ol start="3">');
  });

  it("keeps single line breaks", () => {
    expect(renderMarkdown("line 1\nline 2")).toBe("<p>line 1<br />line 2</p>\n");
  });

  it("opens http(s) and mailto links in a new tab without a reference back to us", () => {
    const html = renderMarkdown('[docs](https://example.com "Docs") <mailto:pm@example.com>');
    expect(html).toContain('<a href="https://example.com" title="Docs" rel="noopener noreferrer nofollow" target="_blank">docs</a>');
    expect(html).toContain('href="mailto:pm@example.com"');
  });

  it("keeps http(s) and relative images, fetched without a referrer", () => {
    const html = renderMarkdown("![shot](https://example.com/a.png) ![file](/api/v1/attachments/abc/content)");
    expect(html).toContain('<img src="https://example.com/a.png" alt="shot" referrerpolicy="no-referrer" loading="lazy" />');
    expect(html).toContain('src="/api/v1/attachments/abc/content"');
  });

  it.each([
    ["a script tag", "hi <script>alert(1)</script>", ["<script", "alert(1)"]],
    ["a script in an SVG", '<svg onload="alert(1)"><script>alert(2)</script></svg>', ["<svg", "onload", "alert"]],
    ["an onerror attribute", "<img src=x onerror=alert(1)>", ["onerror", "alert"]],
    ["an onclick on a link", '<a href="https://e.com" onclick="alert(1)">x</a>', ["onclick", "alert"]],
    ["a javascript: link", "[click](javascript:alert(1))", ["javascript:", "alert"]],
    ["a mixed-case javascript: link", '<a href="JaVaScRiPt:alert(1)">x</a>', ["javascript", "alert"]],
    ["an entity-encoded javascript: link", '<a href="&#106;avascript:alert(1)">x</a>', ["avascript", "alert"]],
    ["a data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", ["data:"]],
    ["a data: link", '<a href="data:text/html,<script>alert(1)</script>">x</a>', ["data:", "<script"]],
    ["a vbscript: link", "[x](vbscript:msgbox(1))", ["vbscript"]],
    ["a protocol-relative link", "[x](//evil.example/a)", ["evil.example"]],
    ["a style attribute", '<p style="background:url(javascript:alert(1))">x</p>', ["style", "javascript"]],
    ["a class attribute", '<p class="admin-only">x</p>', ["class"]],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', ["<iframe", "evil"]],
    ["a form with a text input", '<form action="https://evil.example"><input type="text" name="password"></form>', ["<form", "<input", "password", "evil"]],
    ["a style element", "<style>body{display:none}</style>", ["<style", "display"]],
    ["an object and an embed", '<object data="x.swf"></object><embed src="x.swf">', ["<object", "<embed"]],
    ["a meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example">', ["<meta", "evil"]],
  ])("removes %s", (_name, source, forbidden) => {
    const html = renderMarkdown(source).toLowerCase();
    for (const bad of forbidden) expect(html).not.toContain(bad.toLowerCase());
  });
});
