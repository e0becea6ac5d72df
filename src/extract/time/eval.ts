/**
 * TempEval-3-style scoring of temporal mentions.
 * - Span (relaxed): a system mention matches a gold one when their spans overlap
 *   (same source); each gold and each system mention is matched at most once,
 *   greedily in document order, preferring the largest overlap.
 * - Value: over the matched pairs, those with equal values count; value P/R/F1 use
 *   the same denominators as span P/R/F1 (TempEval-3's "value F1").
 */

export interface ScoredMention {
  source: string;
  start: number;
  end: number;
  text?: string;
  value: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface TemporalScore {
  gold: number;
  system: number;
  matched: number;
  valueCorrect: number;
  span: PRF;
  value: PRF;
  /** Value accuracy on matched pairs. */
  valueAccuracy: number;
  missed: ScoredMention[];
  spurious: ScoredMention[];
  wrongValue: { gold: ScoredMention; system: ScoredMention }[];
}

function prf(correct: number, system: number, gold: number): PRF {
  const precision = system === 0 ? 0 : correct / system;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function overlap(a: ScoredMention, b: ScoredMention): number {
  return a.source === b.source ? Math.min(a.end, b.end) - Math.max(a.start, b.start) : 0;
}

const byPosition = (a: ScoredMention, b: ScoredMention) =>
  a.source.localeCompare(b.source) || a.start - b.start || a.end - b.end;

export function scoreTemporal(gold: readonly ScoredMention[], system: readonly ScoredMention[]): TemporalScore {
  const golds = [...gold].sort(byPosition);
  const systems = [...system].sort(byPosition);
  const used = new Set<number>();
  const missed: ScoredMention[] = [];
  const wrongValue: TemporalScore['wrongValue'] = [];
  let matched = 0;
  let valueCorrect = 0;
  for (const g of golds) {
    let best = -1;
    let bestOverlap = 0;
    systems.forEach((s, i) => {
      if (used.has(i)) return;
      const o = overlap(g, s);
      if (o > bestOverlap) {
        best = i;
        bestOverlap = o;
      }
    });
    if (best < 0) {
      missed.push(g);
      continue;
    }
    used.add(best);
    matched += 1;
    const s = systems[best]!;
    if (s.value === g.value) valueCorrect += 1;
    else wrongValue.push({ gold: g, system: s });
  }
  const spurious = systems.filter((_, i) => !used.has(i));
  return {
    gold: golds.length,
    system: systems.length,
    matched,
    valueCorrect,
    span: prf(matched, systems.length, golds.length),
    value: prf(valueCorrect, systems.length, golds.length),
    valueAccuracy: matched === 0 ? 0 : valueCorrect / matched,
    missed,
    spurious,
    wrongValue,
  };
}
