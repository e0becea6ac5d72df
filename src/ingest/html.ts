import { Readability } from '@mozilla/readability';
// linkedom rather than jsdom or a browser: it is small and fast, builds a DOM good
// enough for Readability (querySelector, childNodes, textContent) and runs no scripts.
import { parseHTML } from 'linkedom';
import type { ArticleMeta, Problem } from '../types.ts';
import { problem, type ArticleDraft, type FileReadResult } from './draft.ts';
import { normalizePublished, metaString } from './meta.ts';

/**
 * `.html`: the main article text is extracted with Readability, one block element
 * (paragraph, heading, list item, table row…) per line, so later stages see
 * paragraphs as lines. Metadata comes from the page (Open Graph, JSON-LD, <time>,
 * <link rel=canonical>, <html lang>), read before Readability rewrites the DOM.
 */

/** Structural DOM subset used here (linkedom's types are not the DOM lib's). */
interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  localName?: string;
  tagName?: string;
  getAttribute?(name: string): string | null;
}
interface DomDocument {
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
  documentElement: DomNode | null;
  body: DomNode | null;
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul',
]);
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'button', 'select']);

function tagOf(node: DomNode): string {
  return (node.localName ?? node.tagName ?? '').toLowerCase();
}

/**
 * Text of a DOM subtree with one line per block element: whitespace inside a block
 * collapses to single spaces (as a browser renders it), `<br>` breaks the line,
 * empty lines are dropped. Iterative, so deep markup cannot overflow the stack.
 */
export function blockText(root: DomNode): string {
  const lines: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    const line = current.join('').replace(/\s+/g, ' ').trim();
    if (line !== '') lines.push(line);
    current = [];
  };
  // Stack of nodes to enter, and markers to close a block after its children.
  const stack: (DomNode | { close: true })[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('close' in item) {
      flush();
      continue;
    }
    if (item.nodeType === 3) {
      current.push(item.textContent ?? '');
      continue;
    }
    if (item.nodeType !== 1 && item.nodeType !== 9 && item.nodeType !== 11) continue;
    const tag = tagOf(item);
    if (SKIPPED_TAGS.has(tag)) continue;
    if (tag === 'br') {
      flush();
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push({ close: true });
    }
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return lines.join('\n');
}

type JsonLdNode = Record<string, unknown>;

/** JSON-LD objects on the page, flattened out of arrays and `@graph`; broken blocks are skipped. */
function jsonLdNodes(document: DomDocument): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      nodes.push(value as JsonLdNode);
      const graph = (value as JsonLdNode)['@graph'];
      if (graph !== undefined) visit(graph);
    }
  };
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? ''));
    } catch {
      // a broken JSON-LD block is common on the web and says nothing about the article
    }
  }
  return nodes;
}

function typeNames(node: JsonLdNode): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (typeof value === 'string') return metaString(value);
  if (typeof value === 'object' && value !== null) return metaString((value as JsonLdNode).name);
  return null;
}

function urlOf(value: unknown): string | null {
  if (typeof value === 'string') return metaString(value);
  if (typeof value === 'object' && value !== null) return metaString((value as JsonLdNode)['@id'] ?? (value as JsonLdNode).url);
  return null;
}

/** Page metadata; `rawPublished` is the first date found, even if it did not validate. */
export function pageMetadata(document: DomDocument): { meta: Partial<ArticleMeta>; rawPublished: string | null } {
  const attr = (selector: string, name: string): string | null =>
    metaString(document.querySelector(selector)?.getAttribute?.(name) ?? null);
  const content = (selector: string): string | null => attr(selector, 'content');
  const ld = jsonLdNodes(document);
  const article = ld.find((n) => typeNames(n).some((t) => /Article|BlogPosting|Report/.test(t))) ?? ld.find((n) => 'datePublished' in n);
  const publisherNode = ld.find((n) => typeNames(n).includes('NewsMediaOrganization')) ?? null;
  const first = (...values: (string | null | undefined)[]): string | null => values.find((v) => v != null && v !== '') ?? null;

  const rawPublished = first(
    content('meta[property="article:published_time"]'),
    article ? metaString(article.datePublished) : null,
    content('meta[itemprop="datePublished"]'),
    content('meta[name="date"]'),
    attr('time[datetime]', 'datetime'),
  );
  const meta: Partial<ArticleMeta> = {};
  const outlet = first(
    content('meta[property="og:site_name"]'),
    content('meta[name="application-name"]'),
    article ? nameOf(article.publisher) : null,
    publisherNode ? nameOf(publisherNode) : null,
  );
  const title = first(
    content('meta[property="og:title"]'),
    metaString(document.querySelector('title')?.textContent ?? null),
    article ? metaString(article.headline) : null,
  );
  const url = first(
    attr('link[rel="canonical"]', 'href'),
    content('meta[property="og:url"]'),
    article ? urlOf(article.url) ?? urlOf(article.mainEntityOfPage) : null,
  );
  const language = metaString(document.documentElement?.getAttribute?.('lang') ?? null);
  if (outlet) meta.outlet = outlet;
  if (title) meta.title = title.replace(/\s+/g, ' ');
  if (url) meta.url = url;
  if (language) meta.language = language;
  if (rawPublished) {
    const iso = normalizePublished(rawPublished);
    if (iso) meta.published = iso;
  }
  return { meta, rawPublished };
}

export function readHtmlFile(path: string, html: string, idStem: string): FileReadResult {
  const problems: Problem[] = [];
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const { meta, rawPublished } = pageMetadata(document);
  if (rawPublished && !meta.published) {
    problems.push(problem(path, null, 'warning', `page metadata has an unreadable publication date "${rawPublished}"; ignored`));
  }

  let text = '';
  try {
    // Readability mutates the DOM, which is why metadata is read first.
    const article = new Readability(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
    if (article?.content) text = blockText(article.content);
    if (!meta.title && article?.title) meta.title = metaString(article.title) ?? undefined;
    if (!meta.outlet && article?.siteName) meta.outlet = metaString(article.siteName) ?? undefined;
  } catch {
    // Readability gives up on some documents: the body text below is the fallback.
  }
  if (text === '') {
    // Readability may have stripped the DOM before giving up: start again from the page.
    const fresh = (parseHTML(html) as unknown as { document: DomDocument }).document;
    if (fresh.body) text = blockText(fresh.body);
  }
  if (text === '') {
    problems.push(problem(path, null, 'error', 'no article text found'));
    return { drafts: [], problems };
  }
  for (const key of Object.keys(meta) as (keyof ArticleMeta)[]) if (meta[key] === undefined) delete meta[key];
  const draft: ArticleDraft = {
    recordId: null,
    idStem,
    path,
    format: 'html',
    text,
    body: { start: 0, end: text.length },
    origin: { line: 1 },
    meta,
    seq: 0,
    recordLine: null,
  };
  return { drafts: [draft], problems };
}
