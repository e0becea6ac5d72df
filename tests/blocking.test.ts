/**
 * Candidate pairs (reconcile/blocking.ts) packed as one number each and decoded back are
 * the pairs the sorted-neighbourhood definition gives, written plainly with tuples.
 */
import { describe, expect, it } from 'vitest';
import { blockKeys, candidatePairs } from '../src/reconcile/blocking.ts';
import { dateOf } from '../src/reconcile/values.ts';
import type { EventMention } from '../src/types.ts';
import { randomInts } from './random-helper.ts';

/** Each mention with the next `window` ones of each of its blocks (date, id, index order); sorted, no repeats. */
function plainPairs(mentions: readonly EventMention[], window: number): [number, number][] {
  const blocks = new Map<string, number[]>();
  mentions.forEach((m, index) => {
    for (const key of blockKeys(m)) blocks.set(key, [...(blocks.get(key) ?? []), index]);
  });
  const order = (x: number, y: number): number => {
    const [dx, dy] = [dateOf(mentions[x]!.time) ?? '', dateOf(mentions[y]!.time) ?? ''];
    if (dx !== dy) return dx < dy ? -1 : 1;
    const [ix, iy] = [mentions[x]!.id, mentions[y]!.id];
    return ix < iy ? -1 : ix > iy ? 1 : x - y;
  };
  const seen = new Set<string>();
  for (const members of blocks.values()) {
    members.sort(order);
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < Math.min(members.length, a + 1 + window); b++) {
        seen.add([Math.min(members[a]!, members[b]!), Math.max(members[a]!, members[b]!)].join(','));
      }
    }
  }
  return [...seen].map((p) => p.split(',').map(Number) as [number, number]).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

describe('candidate pairs', () => {
  it.each([1, 3, 7, 40])('decode to the plain pairs (window %i), in (i, j) order, by forEach and by iterating', (window) => {
    const int = randomInts(100 + window);
    const mentions = Array.from(
      { length: 250 },
      (_, i) =>
        ({
          id: `a${int(90)}:e${i}`,
          type: ['meeting', 'attack', 'phone_call', 'summit'][int(4)],
          participants: int(3) ? [['Ann Lee', 'Bo Ma', 'Cy Ng', 'Di Wu'][int(4)]!] : [],
          time: { timex: `20${24 + int(2)}-0${1 + int(9)}-${String(1 + int(28)).padStart(2, '0')}`, known: { year: true, month: true, day: true }, utc: null, zone: null },
        }) as unknown as EventMention,
    );
    const pairs = candidatePairs(mentions, { window });
    const expected = plainPairs(mentions, window);
    const visited: [number, number][] = [];
    pairs.forEach((i, j, k) => {
      expect(k).toBe(visited.length);
      visited.push([i, j]);
    });
    expect(visited).toEqual(expected);
    expect([...pairs]).toEqual(expected);
    expect(pairs.length).toBe(expected.length);
  });
});
