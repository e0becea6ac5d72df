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
 * Candidate pairs as index pairs [i, j] with i < j into `mentions`, de-duplicated and
 * sorted, so the output is deterministic whatever the block iteration order.
 */
export function candidatePairs(
  mentions: readonly EventMention[],
  options: BlockingOptions = DEFAULT_BLOCKING,
): [number, number][] {
  const blocks = new Map<string, number[]>();
  mentions.forEach((mention, index) => {
    for (const key of blockKeys(mention)) {
      let block = blocks.get(key);
      if (!block) blocks.set(key, (block = []));
      block.push(index);
    }
  });

  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  for (const key of [...blocks.keys()].sort()) {
    const members = blocks.get(key)!;
    members.sort((x, y) => compareForBlock(mentions[x]!, mentions[y]!) || x - y);
    for (let a = 0; a < members.length; a++) {
      const limit = Math.min(members.length, a + 1 + options.window);
      for (let b = a + 1; b < limit; b++) {
        const i = Math.min(members[a]!, members[b]!);
        const j = Math.max(members[a]!, members[b]!);
        const id = `${i}:${j}`;
        if (seen.has(id)) continue;
        seen.add(id);
        pairs.push([i, j]);
      }
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function compareForBlock(a: EventMention, b: EventMention): number {
  const da = dateOf(a.time) ?? '';
  const db = dateOf(b.time) ?? '';
  return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
