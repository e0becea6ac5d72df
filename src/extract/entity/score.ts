/**
 * Scorer for entity mentions against hand labels: a prediction matches a label
 * when their spans overlap and the kinds agree (one-to-one, earliest first).
 * Canonical accuracy is measured over matched pairs only.
 */
import type { Mention, Span } from '../../types.ts';

export interface GoldEntity extends Span {
  source: string;
  text: string;
  kind: 'person' | 'place' | 'organization';
  canonical: string;
}

/** A labelled stretch of one source: predictions outside it are not scored. */
export interface LabelledRegion extends Span {
  source: string;
}

export interface EntityScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Matched pairs whose predicted value equals the label's canonical name. */
  canonicalCorrect: number;
  canonicalAccuracy: number;
  /** Unmatched predictions and labels, for reading what went wrong. */
  spurious: Mention[];
  missed: GoldEntity[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export function scoreEntities(predicted: readonly Mention[], gold: readonly GoldEntity[], regions: readonly LabelledRegion[]): EntityScore {
  const inRegion = (m: { source: string } & Span): boolean => regions.some((r) => r.source === m.source && overlaps(r, m));
  const predictions = predicted
    .filter((m) => (m.kind === 'person' || m.kind === 'place' || m.kind === 'organization') && inRegion(m))
    .sort((a, b) => a.source.localeCompare(b.source) || a.start - b.start);
  const labels = [...gold].sort((a, b) => a.source.localeCompare(b.source) || a.start - b.start);
  const used = new Set<number>();
  const missed: GoldEntity[] = [];
  let truePositives = 0;
  let canonicalCorrect = 0;
  for (const label of labels) {
    const index = predictions.findIndex((p, i) => !used.has(i) && p.source === label.source && p.kind === label.kind && overlaps(p, label));
    if (index === -1) {
      missed.push(label);
      continue;
    }
    used.add(index);
    truePositives++;
    if (predictions[index]!.value === label.canonical) canonicalCorrect++;
  }
  const spurious = predictions.filter((_, i) => !used.has(i));
  const precision = ratio(truePositives, predictions.length);
  const recall = ratio(truePositives, labels.length);
  return {
    truePositives,
    falsePositives: spurious.length,
    falseNegatives: missed.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    canonicalCorrect,
    canonicalAccuracy: ratio(canonicalCorrect, truePositives),
    spurious,
    missed,
  };
}
