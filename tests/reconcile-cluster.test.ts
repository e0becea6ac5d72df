/**
 * Clustering keeps its merge reasons linear in the cluster's size: every joining link,
 * and at most as many confirming ones, those between sources not yet connected first.
 */
import { describe, expect, it } from 'vitest';
import { clusterMentions, LinkTable, type Link } from '../src/reconcile/cluster.ts';
import type { EventMention } from '../src/types.ts';

const mentionIn = (source: string, i: number): EventMention => ({ id: `${source}:e${i}`, source, time: null }) as unknown as EventMention;
const link = (a: number, b: number, score: number): Link => ({ a, b, score });
const table = (links: readonly Link[]): LinkTable => {
  const t = new LinkTable();
  for (const l of links) t.add(l.a, l.b, l.score);
  return t;
};

describe('clusterMentions: merge reasons', () => {
  it('keeps every joining link and at most as many confirming ones on a complete graph', () => {
    const mentions = Array.from({ length: 30 }, (_, i) => mentionIn(`s${i % 10}`, i));
    const links: Link[] = [];
    for (let a = 0; a < 30; a++) for (let b = a + 1; b < 30; b++) links.push(link(a, b, 5 + ((a * 7 + b) % 5)));
    const result = clusterMentions(mentions, table(links));
    expect(result.clusters).toEqual([Array.from({ length: 30 }, (_, i) => i)]);
    expect(result.applied.length).toBe(2 * 29); // 29 joins + 29 of the 406 confirming links
    expect(result.applied).toEqual([...result.applied].sort((x, y) => x.a - y.a || x.b - y.b));
  });

  it('prefers a confirming link between two sources no kept link connects', () => {
    // Four joins from a0 (to a1, a2, b3, c4), then six confirming links for a budget of four:
    // b3–c4 is the weakest but the only one between two sources no join connects.
    const mentions = [mentionIn('a', 0), mentionIn('a', 1), mentionIn('a', 2), mentionIn('b', 3), mentionIn('c', 4)];
    const joins = [link(0, 1, 10), link(0, 2, 10), link(0, 3, 10), link(0, 4, 10)];
    const confirms = [link(1, 2, 9.8), link(1, 3, 9.7), link(2, 3, 9.6), link(1, 4, 9.5), link(2, 4, 9.4), link(3, 4, 5)];
    const kept = clusterMentions(mentions, table([...joins, ...confirms])).applied.map((l) => `${l.a}-${l.b}`);
    expect(kept).toEqual(['0-1', '0-2', '0-3', '0-4', '1-2', '1-3', '2-3', '3-4']);
  });
});

describe('clusterMentions: order', () => {
  it('gives the same clusters and kept links whatever the order of the links', () => {
    const mentions = Array.from({ length: 12 }, (_, i) => mentionIn(`s${i % 4}`, i));
    const links: Link[] = [];
    for (let a = 0; a < 12; a++) for (let b = a + 1; b < 12; b++) if ((a + b) % 3 !== 0) links.push(link(a, b, 4 + ((a * b) % 4)));
    const forward = clusterMentions(mentions, table(links));
    const backward = clusterMentions(mentions, table([...links].reverse()));
    expect(backward).toEqual(forward);
  });
});
