/** One way for tests to build an Article from a text, with only what a case cares about. */
import type { Article, ArticleMeta, InputFormat, Span } from '../src/types.ts';

export interface TestArticleOptions {
  id?: string;
  path?: string;
  format?: InputFormat;
  body?: Span;
  meta?: Partial<ArticleMeta>;
}

export function testArticle(text: string, options: TestArticleOptions = {}): Article {
  const id = options.id ?? 'test';
  return {
    id,
    path: options.path ?? `${id}.txt`,
    format: options.format ?? 'text',
    text,
    body: options.body ?? { start: 0, end: text.length },
    origin: { line: 1 },
    sha256: '',
    meta: { outlet: null, published: null, title: null, url: null, timezone: null, language: 'en', ...options.meta },
    inferences: [],
  };
}
