/**
 * Escaping for untrusted text (article quotes, titles, outlet names, metadata).
 * Every string that did not come from this code goes through one of these.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in HTML text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/**
 * Markdown inline text that renders as itself: backslash-escapes the characters that
 * start emphasis, code, links and table cells, and turns `<` and entity-like `&` into
 * entities so no HTML tag (or `&lt;` trick) can come through. Newlines become spaces so a
 * quote cannot start a new block (a heading, a list, a table row) mid-report.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // What would open a block at the start of a line: "# ", "- ", "+ ", "1. ", "---".
    .replace(/^(\s*)(#{1,6}(?=\s|$)|[+-](?=[\s-]|$)|\d{1,9}[.)](?=\s|$))/, (_m, space: string, lead: string) =>
      // Digits are not escapable in CommonMark: escape the list marker's `.`/`)` instead.
      /^\d/.test(lead) ? `${space}${lead.slice(0, -1)}\\${lead.slice(-1)}` : `${space}\\${lead}`,
    );
}

/** Text for inside a Markdown code span: backticks cannot close it early. */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
