/**
 * A naive sentence splitter over an article's body: lines, then sentence ends
 * (". " before a capital), skipping common abbreviations. Used by the entity tests
 * and the seed evaluation so they do not depend on the segmenter being finished;
 * the pipeline passes the segmenter's sentences instead.
 */
import type { Article, Sentence } from '../../types.ts';

const LINE = /[^\n]+/g;
const SENTENCE_END = /[.!?]["”’')\]]*\s+(?=["“‘(]?\p{Lu})/gu;
const ABBREVIATION_BEFORE = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Prof|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|No|vs)|\b\p{Lu}|(?:\p{Lu}\.){1,}\p{Lu})$/u;

export function naiveSentences(article: Pick<Article, 'text' | 'body'>): Sentence[] {
  const sentences: Sentence[] = [];
  const body = article.text.slice(article.body.start, article.body.end);
  let block = 0;
  LINE.lastIndex = 0;
  for (let line = LINE.exec(body); line !== null; line = LINE.exec(body), block++) {
    const lineStart = article.body.start + line.index;
    const lineText = line[0];
    let from = 0;
    const push = (to: number): void => {
      const raw = lineText.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed.length > 0) {
        const start = lineStart + from + lead;
        sentences.push({ start, end: start + trimmed.length, index: sentences.length, block });
      }
    };
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(lineText); m !== null; m = SENTENCE_END.exec(lineText)) {
      if (ABBREVIATION_BEFORE.test(lineText.slice(Math.max(0, m.index - 8), m.index))) continue;
      const to = m.index + m[0].trimEnd().length;
      push(to);
      from = m.index + m[0].length;
    }
    push(lineText.length);
  }
  return sentences;
}
