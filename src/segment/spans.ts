import type { Span } from '../types.ts';

/**
 * Whitespace that never belongs at a span's edge: JS `\s` (which covers \r, \n,
 * tabs, NBSP and \uFEFF) plus zero-width characters that scrapes leave behind.
 */
export function isEdgeSpace(code: number): boolean {
  return isRegexSpace(code) || code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060;
}

/** The span with edge whitespace removed, or null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isEdgeSpace(text.charCodeAt(start))) start++;
  while (end > start && isEdgeSpace(text.charCodeAt(end - 1))) end--;
  return start < end ? { start, end } : null;
}

/** Non-empty trimmed lines of `text[start, end)`, each a span into `text` (\n, \r\n and lone \r end lines). */
export function lineSpans(text: string, start: number, end: number): Span[] {
  const lines: Span[] = [];
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    const code = i < end ? text.charCodeAt(i) : -1;
    if (code === 0x0a || code === 0x0d || code === -1) {
      const span = trimSpan(text, lineStart, i);
      if (span) lines.push(span);
      lineStart = i + 1;
    }
  }
  return lines;
}

/** Is the code unit JS regex whitespace (`\s`)? */
export function isRegexSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** How many runs of non-whitespace the text holds: what `text.match(/\S+/g).length` counts, without a regex or an array. */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isRegexSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
