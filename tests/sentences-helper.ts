/**
 * Sentences for extractor tests, from the pipeline's own segmenter: every sentence of
 * the body (boilerplate included, so table tests can feed any line they like).
 */
import { segment } from '../src/segment/index.ts';
import type { Article, Sentence } from '../src/types.ts';

export function bodySentences(article: Pick<Article, 'text' | 'body'> & Partial<Article>): Sentence[] {
  const full: Article = {
    id: article.id ?? 'test',
    path: article.path ?? 'test.txt',
    format: article.format ?? 'text',
    text: article.text,
    body: article.body,
    origin: article.origin ?? { line: 1 },
    sha256: article.sha256 ?? '',
    meta: article.meta ?? { outlet: null, published: null, title: null, url: null, timezone: null, language: null },
    inferences: article.inferences ?? [],
  };
  return segment(full).sentences;
}
