/**
 * Markdown for comments and descriptions: rendered on the server with `marked` (GitHub-flavoured, single line breaks
 * kept) and sanitised with `sanitize-html`, so the HTML we store and send is safe to insert as is.
 *
 * The allow-list is what markdown itself produces, nothing more: paragraphs, headings, lists (and GitHub task-list
 * checkboxes), quotes, code, emphasis, tables, links and images. No `style`, no `class` except a code block's
 * `language-*`, no event handlers, no iframes or forms. Links may point at http(s) and mailto (or be relative);
 * images only at http(s) or relative URLs (so `![](/api/v1/attachments/…/content)` shows an attached picture), never
 * `data:`. Links open in a new tab without handing the page a reference to ours (`rel="noopener noreferrer"`);
 * external images are fetched without a Referer.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const markdown = new Marked({ gfm: true, breaks: true, async: false });

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "ul", "ol", "li", "input",
    "pre", "code", "kbd", "strong", "b", "em", "i", "del", "s", "sup", "sub",
    "a", "img",
    "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    img: ["src", "alt", "title", "referrerpolicy", "loading"],
    code: ["class"],
    ol: ["start"],
    th: ["align"],
    td: ["align"],
    input: ["type", "checked", "disabled"],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  // `//evil.example/x` would inherit our scheme and slip past the scheme check.
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
    img: sanitizeHtml.simpleTransform("img", { referrerpolicy: "no-referrer", loading: "lazy" }),
    // GitHub task lists (`- [x] done`) render a disabled checkbox; no other kind of input survives.
    input: (_tagName, attribs) =>
      attribs.type === "checkbox"
        ? { tagName: "input", attribs: { type: "checkbox", disabled: "", ...("checked" in attribs ? { checked: "" } : {}) } }
        : // A tag name outside the allow-list: sanitize-html drops it.
          { tagName: "dropped-input", attribs: {} },
  },
};

/**
 * Renders markdown to sanitised HTML.
 *
 * @example
 * renderMarkdown("**SSO** via <script>x</script>") // "<p><strong>SSO</strong> via </p>\n"
 */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
