/**
 * Evaluation helpers for quantity extraction: a naive sentence splitter for tests
 * and seed evaluation (the real segmenter lives in src/segment), and a scorer that
 * compares mentions with hand labels.
 *
 * A prediction matches a label when: same source, same kind, spans overlap, and the
 * same interval (min, max, unit; `duration` for durations, `value` for quantities).
 * Predictions inside `ignore` spans (captions, bios, infoboxes) are not scored.
 */
import type { Article, Mention, MentionKind, QuantityValue, Sentence, Span } from '../../types.ts';
import { intervalsEqual } from './interval.ts';

export interface GoldQuantity {
  source: string;
  start: number;
  end: number;
  text: string;
  kind: Extract<MentionKind, 'duration' | 'quantity'>;
  min: number | null;
  max: number | null;
  unit: string;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Predictions that matched no label (for printing). */
  falsePositives: Mention[];
  /** Labels that no prediction matched. */
  misses: GoldQuantity[];
}

const ABBREVIATIONS = /(?:\b\p{L}|\bU\.S|\bMr|\bMrs|\bMs|\bDr|\bSt|\bGen|\bGov|\bSen|\bRep|\bJan|\bFeb|\bAug|\bSept?|\bOct|\bNov|\bDec|\bNo|\bvs|\ba\.m|\bp\.m)\.$/u;

/**
 * Lines, then sentence ends (". " before a capital, digit or quote) that do not
 * follow a common abbreviation. Good enough for tests; not the pipeline's segmenter.
 */
export function naiveSentences(article: Pick<Article, 'text' | 'body'>): Sentence[] {
  const sentences: Sentence[] = [];
  const { text } = article;
  let block = 0;
  const lineRe = /[^\n]+/g;
  lineRe.lastIndex = article.body.start;
  for (let line = lineRe.exec(text); line && line.index < article.body.end; line = lineRe.exec(text)) {
    const lineEnd = Math.min(line.index + line[0].length, article.body.end);
    let start = line.index;
    const endRe = /[.!?]["”’)]*\s+(?=["“‘(]?[\p{Lu}\d])/gu;
    endRe.lastIndex = start;
    const lineText = text.slice(0, lineEnd);
    for (let m = endRe.exec(lineText); m; m = endRe.exec(lineText)) {
      const head = text.slice(start, m.index + 1);
      if (ABBREVIATIONS.test(head)) continue;
      const end = m.index + m[0].trimEnd().length;
      pushTrimmed(sentences, text, start, end, block);
      start = m.index + m[0].length;
    }
    pushTrimmed(sentences, text, start, lineEnd, block);
    block++;
  }
  return sentences;
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number, block: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, index: out.length, block });
}

function intervalOf(m: Mention): QuantityValue | null {
  if (m.kind === 'duration') return m.duration ?? null;
  return typeof m.value === 'string' ? null : m.value;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export function scoreQuantities(predicted: readonly Mention[], gold: readonly GoldQuantity[], ignore: readonly (Span & { source: string })[] = []): Score {
  const scored = predicted.filter((p) => !ignore.some((g) => g.source === p.source && overlaps(g, p)));
  const used = new Set<number>();
  const falsePositives: Mention[] = [];
  let tp = 0;
  for (const p of scored) {
    const interval = intervalOf(p);
    const k = gold.findIndex(
      (g, idx) =>
        !used.has(idx) && g.source === p.source && g.kind === p.kind && overlaps(g, p) && interval !== null && intervalsEqual(g, interval),
    );
    if (k === -1) falsePositives.push(p);
    else {
      used.add(k);
      tp++;
    }
  }
  const misses = gold.filter((_, idx) => !used.has(idx));
  const fp = falsePositives.length;
  const fn = misses.length;
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    falsePositives,
    misses,
  };
}
