/**
 * Block building: spans of the article body with a structural kind.
 *
 * Plain text: one block per non-empty line (news dumps put one paragraph per
 * line). Markdown: remark-parse gives the structure and exact offsets, but
 * paragraphs whose single newlines are really paragraph breaks (and lists that
 * swallow the following lines by lazy continuation) are split back into lines.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Parent, Root } from 'mdast';
import type { BlockKind, Span } from '../types.ts';
import { lineSpans, trimSpan } from './spans.ts';

/** A block before classification. `content` is the part sentences come from (no list marker, no `==`). */
export interface DraftBlock extends Span {
  content: Span;
  /** null: a plain line, classified later from its text and neighbours. */
  kind: BlockKind | null;
  /** A heading's level; undefined for other blocks and guessed headings. */
  level: number | undefined;
  /** Marked-up structure (wiki `==`, Markdown `#`, Markdown list) rather than a guess. */
  explicit: boolean;
}

/**
 * Every draft is made here, so all have one shape (the same fields in the same order): the
 * code that reads them stays monomorphic, which spares V8 recompiling it as new shapes turn up.
 */
function draft(span: Span, content: Span, kind: BlockKind | null, level: number | undefined, explicit: boolean): DraftBlock {
  return { start: span.start, end: span.end, content, kind, level, explicit };
}

const WIKI_HEADING = /^(={1,6})(?!=)(.*?[^=\s].*?)(?<!=)\1$/;
const ATX_HEADING = /^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?$/;
const LIST_ITEM = /^(?:[-*+•‣◦▪–]|\d{1,3}[.)])[ \t]+(?=\S)/;

/** First characters a marked-up line can start with (`=`, `#`, a bullet, a digit); other lines skip the regexes. */
const MARKUP_START = /^[=#\-*+•‣◦▪–\d]/;

/** Recognizes wiki/ATX headings and list items on one trimmed line; other lines stay unclassified. */
export function draftFromLine(text: string, line: Span): DraftBlock {
  if (!MARKUP_START.test(text[line.start] ?? '')) {
    return draft(line, { start: line.start, end: line.end }, null, undefined, false);
  }
  const raw = text.slice(line.start, line.end);
  const wiki = WIKI_HEADING.exec(raw);
  if (wiki) {
    const markLength = wiki[1]!.length;
    const content = trimSpan(text, line.start + markLength, line.end - markLength);
    if (content) return draft(line, content, 'heading', markLength, true);
  }
  const atx = ATX_HEADING.exec(raw);
  if (atx) {
    const contentStart = line.start + atx[0].indexOf(atx[2]!, atx[1]!.length);
    const content = trimSpan(text, contentStart, contentStart + atx[2]!.length);
    if (content) return draft(line, content, 'heading', atx[1]!.length, true);
  }
  const bullet = LIST_ITEM.exec(raw);
  if (bullet) {
    const content = trimSpan(text, line.start + bullet[0].length, line.end);
    if (content) return draft(line, content, 'list-item', undefined, false);
  }
  return draft(line, { start: line.start, end: line.end }, null, undefined, false);
}

export function plainTextDrafts(text: string, body: Span): DraftBlock[] {
  return lineSpans(text, body.start, body.end).map((line) => draftFromLine(text, line));
}

const TERMINAL = /[.!?:;…"”’')\]]$/;
const STARTS_UPPER = /^[\p{Lu}\p{N}"“‘'(\[]/u;

/**
 * Judges whether the single newlines in a Markdown paragraph are paragraph breaks
 * (one paragraph per line, as scraped news is) rather than hard wrapping. Wrapped
 * prose has lines of at most ~80 characters that mostly break mid-sentence before
 * a lowercase word; a break after closing punctuation or before a capital votes
 * for a paragraph break.
 */
export function linesAreParagraphs(text: string, lines: Span[]): boolean {
  if (lines.length < 2) return false;
  let votes = 0;
  for (const [i, line] of lines.entries()) {
    if (line.end - line.start > 100) return true;
    const next = lines[i + 1];
    if (!next) break;
    if (TERMINAL.test(text.slice(line.end - 1, line.end)) || STARTS_UPPER.test(text.slice(next.start, next.start + 1))) votes++;
  }
  return votes / (lines.length - 1) >= 0.5;
}

function spanOf(node: Nodes, offset: number): Span | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start: start + offset, end: end + offset };
}

export function markdownDrafts(text: string, body: Span): DraftBlock[] {
  const source = text.slice(body.start, body.end);
  const tree: Root = unified().use(remarkParse).parse(source);
  const drafts: DraftBlock[] = [];
  const offset = body.start;

  const pushLines = (span: Span): void => {
    for (const line of lineSpans(text, span.start, span.end)) drafts.push(draftFromLine(text, line));
  };
  const pushParagraph = (span: Span): void => {
    const lines = lineSpans(text, span.start, span.end);
    // A one-line paragraph gets the plain-line reading too: remark leaves `== Section ==` as text.
    if (lines.length === 1 || linesAreParagraphs(text, lines)) {
      pushLines(span);
      return;
    }
    const trimmed = trimSpan(text, span.start, span.end);
    if (trimmed) drafts.push(draft(trimmed, trimmed, 'paragraph', undefined, false));
  };

  const visitChildren = (parent: Parent): void => {
    for (const child of parent.children) visit(child as Nodes);
  };

  const visit = (node: Nodes): void => {
    const span = spanOf(node, offset);
    switch (node.type) {
      case 'heading': {
        if (!span) return;
        const first = node.children[0];
        const last = node.children[node.children.length - 1];
        const inner = first && last ? { start: spanOf(first, offset)!.start, end: spanOf(last, offset)!.end } : span;
        const content = trimSpan(text, inner.start, inner.end) ?? trimSpan(text, span.start, span.end);
        const whole = trimSpan(text, span.start, span.end);
        if (content && whole) drafts.push(draft(whole, content, 'heading', node.depth, true));
        return;
      }
      case 'paragraph':
        if (span) pushParagraph(span);
        return;
      case 'list':
        for (const item of node.children) visitListItem(item);
        return;
      case 'code':
      case 'html':
        // Indented "code" in a news dump is nearly always indented prose.
        if (span) pushLines(span);
        return;
      case 'table':
        for (const row of node.children) {
          const rowSpan = spanOf(row, offset);
          if (rowSpan) pushLines(rowSpan);
        }
        return;
      case 'thematicBreak':
      case 'definition':
      case 'yaml':
        return;
      default:
        if ('children' in node) visitChildren(node as Parent);
        else if (span) pushLines(span);
    }
  };

  const visitListItem = (item: Nodes & { type: 'listItem' }): void => {
    const itemSpan = spanOf(item, offset);
    const [first, ...rest] = item.children;
    if (!itemSpan || !first) return;
    const firstSpan = spanOf(first, offset);
    if (first.type === 'paragraph' && firstSpan) {
      const lines = lineSpans(text, firstSpan.start, firstSpan.end);
      const split = linesAreParagraphs(text, lines);
      const own = split ? lines[0]! : trimSpan(text, firstSpan.start, firstSpan.end)!;
      const whole = trimSpan(text, itemSpan.start, own.end);
      if (whole) drafts.push(draft(whole, own, 'list-item', undefined, true));
      // Lazy continuation lines that are really the article's next paragraphs.
      if (split) for (const line of lines.slice(1)) drafts.push(draftFromLine(text, line));
    } else {
      visit(first);
    }
    for (const child of rest) visit(child);
  };

  visitChildren(tree);
  return drafts;
}
