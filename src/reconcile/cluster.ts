/**
 * Clustering: union-find over accepted links, strongest first, with a guard against
 * chaining. Each cluster remembers the distinct dates of its mentions; two clusters
 * whose dates contradict (different years, or different days) are never joined, even
 * when a vaguer mention ("in 2018", "the call") links to both.
 */
import type { EventMention } from '../types.ts';
import { dateOf, datesContradict } from './values.ts';

/** A link above the threshold: two mention indexes and the comparison's score. */
export interface Link {
  a: number; // index into mentions
  b: number;
  score: number;
}

/**
 * Links kept as three parallel arrays, not one object each: a dense dump has ~80
 * candidate pairs per dated mention and many score above the threshold (903,645 links
 * at 100k synthetic articles), so a link is three numbers, not an object holding its
 * comparison; objects are made only for the few kept as merge reasons.
 */
export class LinkTable {
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly score: number[] = [];
  add(a: number, b: number, score: number): void {
    this.a.push(a);
    this.b.push(b);
    this.score.push(score);
  }
  get length(): number {
    return this.a.length;
  }
  at(k: number): Link {
    return { a: this.a[k]!, b: this.b[k]!, score: this.score[k]! };
  }
}

export interface ClusterResult {
  /** Groups of mention indexes, each sorted; groups sorted by their first index. */
  clusters: number[][];
  /** Links actually applied: every link that joined two clusters, and some that confirmed one (see keepConfirming). */
  applied: Link[];
}

interface DatedRef {
  date: string;
  zone: string | null;
}

export function clusterMentions(mentions: readonly EventMention[], links: LinkTable): ClusterResult {
  const parent = mentions.map((_, i) => i);
  const dates = mentions.map((m): DatedRef[] => {
    const date = dateOf(m.time);
    return date ? [{ date, zone: m.time?.zone ?? null }] : [];
  });

  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };

  // Strongest first; ties by indexes, so the result does not depend on the input order.
  const order = new Uint32Array(links.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  order.sort((x, y) => links.score[y]! - links.score[x]! || links.a[x]! - links.a[y]! || links.b[x]! - links.b[y]!);
  const applied: Link[] = [];
  const confirming: number[] = []; // link numbers, strongest first
  for (const k of order) {
    const ra = find(links.a[k]!);
    const rb = find(links.b[k]!);
    if (ra === rb) {
      confirming.push(k);
      continue;
    }
    // Two clusters whose dates contradict are never joined (the link is refused).
    if (datesClash(dates[ra]!, dates[rb]!)) continue;
    // The smaller index becomes the root: deterministic and independent of link order.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    dates[root] = mergeDates(dates[root]!, dates[child]!);
    dates[child] = [];
    applied.push(links.at(k));
  }

  const groups = new Map<number, number[]>();
  mentions.forEach((_, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(i);
  });
  const clusters = [...groups.values()].sort((x, y) => x[0]! - y[0]!);
  keepConfirming(confirming, links, applied, mentions, find);
  applied.sort((x, y) => x.a - y.a || x.b - y.b);
  return { clusters, applied };
}

/**
 * Of the links that confirmed a cluster (both ends already in it), a cluster keeps at
 * most as many as joined it: all of them grow with the square of its size (an event of
 * 50 mentions had 680 merge reasons on the 100k synthetic dump). Kept first: links
 * between two sources no kept link connects yet (what a reviewer checks), then the
 * strongest. `confirming` holds link numbers, strongest first; only the links kept become
 * objects, appended to `applied`.
 */
function keepConfirming(
  confirming: readonly number[],
  links: LinkTable,
  applied: Link[],
  mentions: readonly EventMention[],
  find: (i: number) => number,
): void {
  const budget = new Map<number, number>();
  const pairs = new Set<string>();
  const pairOf = (a: number, b: number): string => {
    const [x, y] = [mentions[a]!.source, mentions[b]!.source].sort();
    return `${find(a)}\u0000${x}\u0000${y}`;
  };
  for (const link of applied) {
    budget.set(find(link.a), (budget.get(find(link.a)) ?? 0) + 1);
    pairs.add(pairOf(link.a, link.b));
  }
  const take = (k: number): void => {
    const [a, b] = [links.a[k]!, links.b[k]!];
    const root = find(a);
    const left = budget.get(root) ?? 0;
    if (left === 0) return;
    budget.set(root, left - 1);
    pairs.add(pairOf(a, b));
    applied.push(links.at(k));
  };
  const rest: number[] = [];
  for (const k of confirming) {
    const [a, b] = [links.a[k]!, links.b[k]!];
    const crossSource = mentions[a]!.source !== mentions[b]!.source;
    if (crossSource && !pairs.has(pairOf(a, b))) take(k);
    else rest.push(k);
  }
  for (const k of rest) take(k);
}

function datesClash(a: readonly DatedRef[], b: readonly DatedRef[]): boolean {
  for (const x of a) {
    for (const y of b) {
      const zonesDiffer = Boolean(x.zone && y.zone && x.zone !== y.zone);
      if (datesContradict(x.date, y.date, zonesDiffer)) return true;
    }
  }
  return false;
}

function mergeDates(a: readonly DatedRef[], b: readonly DatedRef[]): DatedRef[] {
  const seen = new Set<string>();
  const out: DatedRef[] = [];
  for (const ref of [...a, ...b]) {
    const key = `${ref.date}|${ref.zone ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}
