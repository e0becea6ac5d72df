/**
 * Qualifiers ("more than", "nearly", "between … and …") and how they turn a stated
 * number X into an interval. Intervals are inclusive; null = unbounded.
 *
 * | words                                              | qualifier   | interval                |
 * |----------------------------------------------------|-------------|-------------------------|
 * | (none)                                             | exact       | [X, X]                  |
 * | about, around, approximately, roughly, some,       | about       | [0.9·X, 1.1·X]          |
 * |   an estimated, estimated, or so (after)           |             |                         |
 * | nearly, almost, close to, just under, just shy of  | about       | [0.85·X, X]             |
 * | more than, over, in excess of, upwards of,         | more-than   | [X, null]               |
 * |   well over, just over, or more (after)            |             |                         |
 * | at least, no fewer/less than                       | at-least    | [X, null]               |
 * | less than, fewer than, under, below                | less-than   | [0, X]  (null for %)    |
 * | up to, at most, no more than, as many as, or less  | at-most     | [0, X]  (null for %)    |
 * | between X and Y, from X to Y, X to Y, X-Y, X or Y  | range       | [X, Y]                  |
 * | dozens/hundreds/thousands of (vague plurals)       | about       | [2·unit, 10·unit − 1]   |
 *
 * "more than" keeps X itself (not X + ε): downstream agreement must not turn
 * "more than two hours" vs "two hours" into a conflict over an endpoint.
 * Approximate bounds are rounded outward to the precision the number was written
 * with (0.9 × 24 → 21, 1.1 × 24 → 27), so rounding never narrows an interval.
 */
import type { Qualifier } from '../../types.ts';
import type { Token } from './tokens.ts';

export type QualifierWord = 'about' | 'nearly' | 'more-than' | 'at-least' | 'less-than' | 'at-most' | 'between' | 'from';

/** Multi-word entries first so "more than" wins over a bare "more". */
const QUALIFIER_PHRASES: readonly [string[], QualifierWord][] = [
  [['just', 'shy', 'of'], 'nearly'],
  [['in', 'excess', 'of'], 'more-than'],
  [['no', 'fewer', 'than'], 'at-least'],
  [['no', 'less', 'than'], 'at-least'],
  [['no', 'more', 'than'], 'at-most'],
  [['not', 'more', 'than'], 'at-most'],
  [['as', 'many', 'as'], 'at-most'],
  [['as', 'much', 'as'], 'at-most'],
  [['a', 'little', 'over'], 'more-than'],
  [['a', 'little', 'more', 'than'], 'more-than'],
  [['slightly', 'more', 'than'], 'more-than'],
  [['more', 'than'], 'more-than'],
  [['just', 'over'], 'more-than'],
  [['well', 'over'], 'more-than'],
  [['upwards', 'of'], 'more-than'],
  [['at', 'least'], 'at-least'],
  [['less', 'than'], 'less-than'],
  [['fewer', 'than'], 'less-than'],
  [['just', 'under'], 'nearly'],
  [['up', 'to'], 'at-most'],
  [['at', 'most'], 'at-most'],
  [['close', 'to'], 'nearly'],
  [['an', 'estimated'], 'about'],
  [['over'], 'more-than'],
  [['under'], 'less-than'],
  [['below'], 'less-than'],
  [['nearly'], 'nearly'],
  [['almost'], 'nearly'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['approximately'], 'about'],
  [['approx'], 'about'],
  [['roughly'], 'about'],
  [['some'], 'about'],
  [['estimated'], 'about'],
  [['between'], 'between'],
  [['from'], 'from'],
];

export interface QualifierMatch {
  word: QualifierWord;
  /** Token index after the qualifier. */
  end: number;
}

/** The phrases grouped by first word, in table order: one map lookup per token instead of a scan of the table. */
const PHRASES_BY_FIRST_WORD: ReadonlyMap<string, readonly [string[], QualifierWord][]> = (() => {
  const byFirst = new Map<string, [string[], QualifierWord][]>();
  for (const phrase of QUALIFIER_PHRASES) {
    const first = phrase[0][0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), phrase]);
  }
  return byFirst;
})();

/** Can a qualifier start with this (lowercased) word? */
export function startsQualifier(lower: string): boolean {
  return PHRASES_BY_FIRST_WORD.has(lower);
}

export function matchQualifier(tokens: readonly Token[], i: number): QualifierMatch | null {
  const first = tokens[i];
  const candidates = first && PHRASES_BY_FIRST_WORD.get(first.lower);
  if (!candidates) return null;
  for (const [words, word] of candidates) {
    let ok = true;
    for (let k = 1; k < words.length; k++) {
      if (tokens[i + k]?.lower !== words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { word, end: i + words.length };
  }
  return null;
}

/** Qualifiers written after the quantity: "two hours or more", "20 or so". */
export function matchTrailingQualifier(tokens: readonly Token[], i: number): QualifierMatch | null {
  if (tokens[i]?.lower !== 'or') return null;
  const w = tokens[i + 1]?.lower;
  if (w === 'more' || w === 'longer') return { word: 'more-than', end: i + 2 };
  if (w === 'so') return { word: 'about', end: i + 2 };
  if (w === 'less' || w === 'fewer' || w === 'shorter') return { word: 'at-most', end: i + 2 };
  return null;
}

export function floorTo(x: number, step: number): number {
  return roundClean(Math.floor(x / step + 1e-9) * step);
}
export function ceilTo(x: number, step: number): number {
  return roundClean(Math.ceil(x / step - 1e-9) * step);
}
/** Removes float noise (0.1 + 0.2) without changing meaningful digits. */
function roundClean(x: number): number {
  return Number(x.toPrecision(12));
}

export interface Bounds {
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
}

/**
 * Applies a qualifier to the stated interval [low, high] (equal for a single number).
 * `floor` is the lower bound used for less-than/at-most (0 for non-negative units,
 * null where negative values make sense, like percentages).
 */
export function applyQualifier(
  word: QualifierWord | null,
  low: number,
  high: number,
  step: number,
  floor: number | null,
): Bounds {
  switch (word) {
    case null:
      return { min: low, max: high, qualifier: low === high ? 'exact' : 'range' };
    case 'about':
      return { min: floorTo(low * 0.9, step), max: ceilTo(high * 1.1, step), qualifier: 'about' };
    case 'nearly':
      return { min: floorTo(low * 0.85, step), max: high, qualifier: 'about' };
    case 'more-than':
      return { min: low, max: null, qualifier: 'more-than' };
    case 'at-least':
      return { min: low, max: null, qualifier: 'at-least' };
    case 'less-than':
      return { min: floor, max: high, qualifier: 'less-than' };
    case 'at-most':
      return { min: floor, max: high, qualifier: 'at-most' };
    case 'between':
    case 'from':
      return { min: low, max: high, qualifier: 'range' };
  }
}
