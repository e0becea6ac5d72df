/**
 * Blocking: which pairs of event mentions are worth comparing at all.
 *
 * A mention goes into two kinds of block: its type family + year, and its sorted
 * participants. Inside a block mentions are sorted by date (sorted-neighbourhood
 * method) and each is compared only with the next `window` ones, so the number of
 * pairs grows linearly with the dump, never all-pairs. Undated mentions are not
 * blocked here: they are attached afterwards under stricter rules (see index.ts).
 */
import type { EventMention } from '../types.ts';
import { dateOf, typeFamily, yearOf } from './values.ts';

export interface BlockingOptions {
  /** How many following mentions (in date order) each mention is compared with, per block. */
  window: number;
}

export const DEFAULT_BLOCKING: BlockingOptions = { window: 40 };

/** The block keys of a dated mention. */
export function blockKeys(mention: EventMention): string[] {
  const date = dateOf(mention.time);
  const keys = [`type:${typeFamily(mention.type)}:${yearOf(date) ?? '?'}`];
  if (mention.participants.length > 0) keys.push(`who:${participantsKey(mention.participants)}`);
  return keys;
}

export function participantsKey(participants: readonly string[]): string {
  return [...new Set(participants)].sort().join('|');
}

/**
 * Candidate pairs: how many, and each as [i, j] with i < j, in (i, j) order. Iterating
 * makes a tuple per pair (for tests and small inputs); forEach is the tuple-free way.
 */
export interface CandidatePairs extends Iterable<[number, number]> {
  readonly length: number;
  /** Each pair in the same order, with its position k (0 … length − 1), without a tuple per pair. */
  forEach(visit: (i: number, j: number, k: number) => void): void;
}

/**
 * Candidate pairs as index pairs [i, j] with i < j into `mentions`, de-duplicated and
 * sorted, so the output is deterministic whatever the block iteration order.
 * Each pair is one number (i · n + j) in a typed array, sorted natively and
 * de-duplicated in place: at 100k articles there are ~10M pairs, and a Set of
 * "i:j" strings or an array of tuples cost gigabytes and most of the run's GC time.
 */
export function candidatePairs(
  mentions: readonly EventMention[],
  options: BlockingOptions = DEFAULT_BLOCKING,
): CandidatePairs {
  const blocks = new Map<string, number[]>();
  mentions.forEach((mention, index) => {
    for (const key of blockKeys(mention)) {
      let block = blocks.get(key);
      if (!block) blocks.set(key, (block = []));
      block.push(index);
    }
  });

  const n = mentions.length;
  const dates = mentions.map((m) => dateOf(m.time) ?? '');
  let total = 0;
  for (const members of blocks.values()) {
    const size = members.length;
    total += size * Math.min(options.window, Math.max(0, size - 1)); // an upper bound
  }
  let codes = new Float64Array(total);
  let count = 0;
  for (const members of blocks.values()) {
    members.sort((x, y) => compareForBlock(mentions, dates, x, y));
    for (let a = 0; a < members.length; a++) {
      const limit = Math.min(members.length, a + 1 + options.window);
      for (let b = a + 1; b < limit; b++) {
        const x = members[a]!;
        const y = members[b]!;
        codes[count++] = x < y ? x * n + y : y * n + x;
      }
    }
  }
  codes = codes.subarray(0, count).sort();
  let unique = 0;
  for (let k = 0; k < count; k++) if (k === 0 || codes[k] !== codes[k - 1]) codes[unique++] = codes[k]!;
  const pairs = codes.subarray(0, unique);
  // The one place a pair is decoded; the iterator is built on it.
  function forEach(visit: (i: number, j: number, k: number) => void): void {
    for (let k = 0; k < pairs.length; k++) {
      const code = pairs[k]!;
      const i = Math.floor(code / n);
      visit(i, code - i * n, k);
    }
  }
  return {
    length: unique,
    forEach,
    [Symbol.iterator]() {
      const all: [number, number][] = [];
      forEach((i, j) => all.push([i, j]));
      return all[Symbol.iterator]();
    },
  };
}

/** Date order inside a block; ties by id, then by index (the same order whatever the input order). */
function compareForBlock(mentions: readonly EventMention[], dates: readonly string[], x: number, y: number): number {
  const da = dates[x]!;
  const db = dates[y]!;
  if (da !== db) return da < db ? -1 : 1;
  const ia = mentions[x]!.id;
  const ib = mentions[y]!.id;
  return ia < ib ? -1 : ia > ib ? 1 : x - y;
}
