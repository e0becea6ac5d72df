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
 * Links kept as three parallel typed arrays, not one object each: a dense dump has ~80
 * candidate pairs per dated mention and many score above the threshold (903,645 links
 * at 100k synthetic articles, ~4.9× that at 300k), so a link is 16 bytes (two 32-bit
 * indexes and a double), not an object holding its comparison, nor three boxed array
 * slots (24 bytes, plus the slack of a growing JS array); objects are made only for
 * the few links kept as merge reasons.
 */
export class LinkTable {
  private as: Int32Array;
  private bs: Int32Array;
  private scores: Float64Array;
  private count = 0;
  /**
   * `capacity`: the links it will hold, when the caller knows (scoreCandidates counts them
   * first). Growing by copies on a large heap cost more than the copies: big typed arrays
   * allocated one after another while the heap is large set off full collections of the whole
   * heap (at 300k synthetic articles, 4 of 1.2–1.6 s each while links were added; 1 since),
   * so a table of known size is allocated once.
   */
  constructor(capacity = 1024) {
    const size = Math.max(1, capacity);
    this.as = new Int32Array(size);
    this.bs = new Int32Array(size);
    this.scores = new Float64Array(size);
  }
  add(a: number, b: number, score: number): void {
    if (this.count === this.as.length) this.grow();
    this.as[this.count] = a;
    this.bs[this.count] = b;
    this.scores[this.count] = score;
    this.count++;
  }
  get length(): number {
    return this.count;
  }
  a(k: number): number {
    return this.as[k]!;
  }
  b(k: number): number {
    return this.bs[k]!;
  }
  score(k: number): number {
    return this.scores[k]!;
  }
  at(k: number): Link {
    return { a: this.as[k]!, b: this.bs[k]!, score: this.scores[k]! };
  }
  /** 1.5× growth: the copy is transient, and a doubling would leave up to half of a large table unused. */
  private grow(): void {
    const size = Math.ceil(this.as.length * 1.5);
    const grown = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => (fresh.set(old), fresh);
    this.as = grown(this.as, new Int32Array(size));
    this.bs = grown(this.bs, new Int32Array(size));
    this.scores = grown(this.scores, new Float64Array(size));
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
  const order = strongestFirst(links);
  const applied: Link[] = [];
  const confirming = new Uint8Array(links.length); // 1: link k confirmed a cluster (a byte per link, not a list)
  for (const k of order) {
    const ra = find(links.a(k));
    const rb = find(links.b(k));
    if (ra === rb) {
      confirming[k] = 1;
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
  keepConfirming(order, confirming, links, applied, mentions, find);
  applied.sort((x, y) => x.a - y.a || x.b - y.b);
  return { clusters, applied };
}

/**
 * Of the links that confirmed a cluster (both ends already in it), a cluster keeps at
 * most as many as joined it: all of them grow with the square of its size (an event of
 * 50 mentions had 680 merge reasons on the 100k synthetic dump). Kept first: links
 * between two sources no kept link connects yet (what a reviewer checks), then the
 * strongest. `order` is every link number, strongest first; `confirming` flags those that
 * confirmed a cluster. Only the links kept become objects, appended to `applied`.
 */
function keepConfirming(
  order: Uint32Array,
  confirming: Uint8Array,
  links: LinkTable,
  applied: Link[],
  mentions: readonly EventMention[],
  find: (i: number) => number,
): void {
  // Sources as numbers, so a pair of them is a number (no string per confirming link).
  const sourceIndex = new Map<string, number>();
  const sourceOf = new Int32Array(mentions.length);
  mentions.forEach((m, i) => {
    let s = sourceIndex.get(m.source);
    if (s === undefined) sourceIndex.set(m.source, (s = sourceIndex.size));
    sourceOf[i] = s;
  });
  const sources = sourceIndex.size;
  // Per root (cluster), the unordered source pairs its kept links connect.
  const pairs = new Map<number, Set<number>>();
  const pairKey = (a: number, b: number): number => Math.min(sourceOf[a]!, sourceOf[b]!) * sources + Math.max(sourceOf[a]!, sourceOf[b]!);
  const hasPair = (root: number, a: number, b: number): boolean => pairs.get(root)?.has(pairKey(a, b)) ?? false;
  const addPair = (root: number, a: number, b: number): void => {
    let set = pairs.get(root);
    if (!set) pairs.set(root, (set = new Set()));
    set.add(pairKey(a, b));
  };
  const budget = new Int32Array(mentions.length); // per root
  for (const link of applied) {
    const root = find(link.a);
    budget[root]!++;
    addPair(root, link.a, link.b);
  }
  const take = (k: number, root: number): void => {
    if (budget[root] === 0) return;
    budget[root]!--;
    addPair(root, links.a(k), links.b(k));
    applied.push(links.at(k));
  };
  const FIRST_PASS = 2; // tried in the first pass, so not again in the second
  for (const k of order) {
    if (confirming[k] !== 1) continue;
    const [a, b] = [links.a(k), links.b(k)];
    const root = find(a);
    // A cluster with no budget left takes nothing in either pass (budgets only shrink): skipped at once.
    if (budget[root] === 0) continue;
    if (sourceOf[a] !== sourceOf[b] && !hasPair(root, a, b)) {
      confirming[k] = FIRST_PASS;
      take(k, root);
    }
  }
  for (const k of order) if (confirming[k] === 1) take(k, find(links.a(k)));
}

/**
 * Link numbers, strongest first, ties by indexes (a, then b). Candidate pairs come in
 * index order (blocking.ts), so a table usually holds its links that way already: then a
 * stable counting sort over the few distinct scores gives that order in linear time (a
 * comparison sort of a million links was a third of the clustering); any other table is
 * sorted by comparison.
 */
function strongestFirst(links: LinkTable): Uint32Array {
  const order = new Uint32Array(links.length);
  let inIndexOrder = true;
  let halves = true; // every score a whole number of halves in ±HALVES_RANGE / 2 (compare.ts's weights are)
  for (let k = 0; k < links.length; k++) {
    const score = links.score(k);
    if (Number.isNaN(score) || (k > 0 && (links.a(k - 1) > links.a(k) || (links.a(k - 1) === links.a(k) && links.b(k - 1) >= links.b(k))))) {
      inIndexOrder = false;
      break;
    }
    const twice = score * 2;
    if (twice !== Math.trunc(twice) || twice < -HALVES_RANGE || twice >= HALVES_RANGE) halves = false;
  }
  if (!inIndexOrder) {
    for (let k = 0; k < order.length; k++) order[k] = k;
    return order.sort((x, y) => links.score(y) - links.score(x) || links.a(x) - links.a(y) || links.b(x) - links.b(y));
  }
  // Each distinct score's first slot, strongest first; links of one score keep their (index) order.
  // Scores of whole halves are counted in an array indexed by the halves (a Map look-up per link was a
  // third of this), any others in a Map: the same order either way.
  if (halves) {
    const next = new Int32Array(2 * HALVES_RANGE);
    for (let k = 0; k < links.length; k++) next[links.score(k) * 2 + HALVES_RANGE]!++;
    let slot = 0;
    for (let h = 2 * HALVES_RANGE - 1; h >= 0; h--) {
      const count = next[h]!;
      next[h] = slot;
      slot += count;
    }
    for (let k = 0; k < links.length; k++) order[next[links.score(k) * 2 + HALVES_RANGE]!++] = k;
    return order;
  }
  const counts = new Map<number, number>();
  for (let k = 0; k < links.length; k++) counts.set(links.score(k), (counts.get(links.score(k)) ?? 0) + 1);
  const next = new Map<number, number>();
  let slot = 0;
  for (const score of [...counts.keys()].sort((x, y) => y - x)) {
    next.set(score, slot);
    slot += counts.get(score)!;
  }
  for (let k = 0; k < links.length; k++) {
    const score = links.score(k);
    const at = next.get(score)!;
    order[at] = k;
    next.set(score, at + 1);
  }
  return order;
}
/** strongestFirst counts scores of whole halves in [−HALVES_RANGE / 2, HALVES_RANGE / 2) in an array. */
const HALVES_RANGE = 256;

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
