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
 * The pairs are bucketed by their smaller index (counted, then filled: two passes over the
 * sorted blocks), each bucket sorted and de-duplicated in place, so a pair is one 32-bit
 * partner index in a typed array: at 300k synthetic articles ~33M pairs before
 * de-duplication. Until then each pair was a number (i · n + j) in one Float64Array sorted
 * whole (twice the bytes, and a sort of every pair: n log n where the buckets of at most a
 * few windows are linear); a Set of "i:j" strings or an array of tuples before that cost
 * gigabytes and most of the run's GC time.
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
  const sorted = [...blocks.values()];
  blocks.clear();
  for (const members of sorted) members.sort((x, y) => compareForBlock(mentions, dates, x, y));
  // Each pair of a window, as (smaller index, larger index).
  const eachWindowPair = (visit: (i: number, j: number) => void): void => {
    for (const members of sorted) {
      for (let a = 0; a < members.length; a++) {
        const limit = Math.min(members.length, a + 1 + options.window);
        const x = members[a]!;
        for (let b = a + 1; b < limit; b++) {
          const y = members[b]!;
          if (x < y) visit(x, y);
          else visit(y, x);
        }
      }
    }
  };
  // starts[i] … starts[i + 1]: the bucket of pairs whose smaller index is i.
  const starts = new Int32Array(n + 1);
  eachWindowPair((i) => starts[i + 1]!++);
  for (let i = 0; i < n; i++) starts[i + 1]! += starts[i]!;
  const partners = new Int32Array(starts[n]!);
  const next = starts.slice(0, n);
  eachWindowPair((i, j) => {
    partners[next[i]!++] = j;
  });
  // Each bucket sorted (insertion sort: a bucket holds a few windows at most) and de-duplicated,
  // moved down over the room the duplicates left.
  let unique = 0;
  for (let i = 0; i < n; i++) {
    const [from, to] = [starts[i]!, starts[i + 1]!];
    for (let k = from + 1; k < to; k++) {
      const value = partners[k]!;
      let at = k - 1;
      while (at >= from && partners[at]! > value) {
        partners[at + 1] = partners[at]!;
        at--;
      }
      partners[at + 1] = value;
    }
    starts[i] = unique;
    for (let k = from; k < to; k++) if (k === from || partners[k] !== partners[k - 1]) partners[unique++] = partners[k]!;
  }
  starts[n] = unique;
  const pairs = partners.subarray(0, unique); // a view: a copy would be one more large allocation
  // The one place a pair is read; the iterator is built on it.
  function forEach(visit: (i: number, j: number, k: number) => void): void {
    for (let i = 0; i < n; i++) for (let k = starts[i]!; k < starts[i + 1]!; k++) visit(i, pairs[k]!, k);
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
