/**
 * Evaluation of quantity extraction: a scorer that compares mentions with hand labels.
 *
 * A prediction matches a label when: same source, same kind, spans overlap, and the
 * same interval (min, max, unit; `duration` for durations, `value` for quantities).
 * Predictions inside `ignore` spans (captions, bios, infoboxes) are not scored.
 */
import type { Mention, MentionKind, QuantityValue, Span } from '../../types.ts';
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
