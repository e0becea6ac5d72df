/**
 * Sentences for extractor tests, from the pipeline's own segmenter: every sentence of
 * the body (boilerplate included, so table tests can feed any line they like).
 */
import { segment } from '../src/segment/index.ts';
import type { Article, Sentence } from '../src/types.ts';

export function bodySentences(article: Article): Sentence[] {
  return segment(article).sentences;
}
