/**
 * Compact TF-IDF vectors for the story step (stories.ts): the same weights and cosines as
 * eval/tfidf.ts's `tfidfVectors` and `cosine`, held as numbers instead of a Map of words
 * per lead. On a big dump the maps were most of what the story step held: every lead had
 * its own copy of each of its words as a key and a boxed number per weight.
 *
 * - Words are ids of one vocabulary (`Vocabulary`), shared by every lead of a run.
 * - `PackedVectors`: one set's vectors packed in three typed arrays (term ids and weights in
 *   first-occurrence order, each vector's positions sorted by id for look-ups), 16 bytes a
 *   term instead of a map entry, a word and a heap number: the leads' TF-IDF vectors
 *   (`PackedVectors.tfidf`) and the summed leads of the groups several articles report
 *   (`PackedVectors.sums`).
 * - `SummedVector`: a story's summed leads, growing as stories join (an open-addressing
 *   table of positions in typed arrays, not a Map); until a story is joined it reads its
 *   packed vector (`DocVector`), and only the few stories joined get one of these.
 *
 * Cosines are summed in the same order as `cosine` (the smaller vector's first-occurrence
 * order, the second argument when both are as long), so every comparison with a threshold
 * gives the same answer.
 */
import { tfidfWeight } from '../eval/tfidf.ts';

/** A growable list of 32-bit integers. */
export class IntList {
  data = new Int32Array(64);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = x;
  }

  /** Half as much room again (not twice: a dump's lead words fill the biggest of these lists). */
  private grow(): void {
    const data = new Int32Array(Math.ceil(this.data.length * 1.5));
    data.set(this.data);
    this.data = data;
  }
}

/** Strings numbered in order of first sight (words, names): each is held once however many leads use it. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];

  get size(): number {
    return this.words.length;
  }

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }
}

/** Term ids and counts of documents, in each document's first-occurrence order (a slice of two pools). */
export interface TermCountSource {
  ids: Int32Array;
  counts: Int32Array;
  /** Each document's range in `ids` / `counts`. */
  from: readonly number[];
  to: readonly number[];
}

/** What a cosine reads of a vector: its terms in first-occurrence order, and a weight by term id. */
export interface TermWeights {
  readonly size: number;
  idAt(k: number): number;
  weightAt(k: number): number;
  /** The term's weight, 0 when absent. */
  weightOf(id: number): number;
}

/**
 * Vectors packed in three typed arrays: vector d's terms are at [start[d], start[d + 1]) in
 * first-occurrence order; `byId` holds the same range's positions sorted by term id, for
 * look-ups by binary search. Read-only once built.
 */
export class PackedVectors {
  readonly length: number;
  private readonly start: Int32Array;
  private readonly ids: Int32Array;
  private readonly weights: Float64Array;
  private readonly byId: Int32Array;

  constructor(start: Int32Array, ids: Int32Array, weights: Float64Array) {
    this.length = start.length - 1;
    this.start = start;
    this.ids = ids;
    this.weights = weights;
    this.byId = new Int32Array(ids.length);
    const order: number[] = [];
    for (let d = 0; d < this.length; d++) {
      const base = start[d]!;
      const size = start[d + 1]! - base;
      order.length = size;
      for (let k = 0; k < size; k++) order[k] = k;
      order.sort((x, y) => ids[base + x]! - ids[base + y]!);
      for (let k = 0; k < size; k++) this.byId[base + k] = order[k]!;
    }
  }

  /**
   * The TF-IDF vectors of a set of documents (idf over the set), as eval/tfidf.ts's
   * `tfidfVectors`: each weight, the norm summed in first-occurrence order, then each weight
   * over the norm. `df`: documents of the set holding each term id.
   */
  static tfidf(source: TermCountSource, vocabularySize: number): { vectors: PackedVectors; df: Int32Array } {
    const n = source.from.length;
    const start = new Int32Array(n + 1);
    for (let d = 0; d < n; d++) start[d + 1] = start[d]! + source.to[d]! - source.from[d]!;
    const ids = new Int32Array(start[n]!);
    const weights = new Float64Array(start[n]!);
    const df = new Int32Array(vocabularySize);
    for (let d = 0; d < n; d++) for (let k = source.from[d]!; k < source.to[d]!; k++) df[source.ids[k]!]!++;
    for (let d = 0; d < n; d++) {
      const [base, size, from] = [start[d]!, start[d + 1]! - start[d]!, source.from[d]!];
      let norm = 0;
      for (let k = 0; k < size; k++) {
        const id = source.ids[from + k]!;
        const weight = tfidfWeight(source.counts[from + k]!, df[id]!, n);
        ids[base + k] = id;
        weights[base + k] = weight;
        norm += weight * weight;
      }
      norm = Math.sqrt(norm) || 1;
      for (let k = 0; k < size; k++) weights[base + k] = weights[base + k]! / norm;
    }
    return { vectors: new PackedVectors(start, ids, weights), df };
  }

  /**
   * The sum of each list of `vectors`' documents, added in list order as into an empty
   * Map (a term's place is its first addition; each addition is `before + weight`).
   */
  static sums(vectors: PackedVectors, lists: readonly (readonly number[])[], vocabularySize: number): PackedVectors {
    const start = new Int32Array(lists.length + 1);
    const ids = new IntList();
    let weights = new Float64Array(64);
    // Term id → its position in the current sum + 1 (0: not in it yet); reset after each sum.
    const at = new Int32Array(vocabularySize);
    lists.forEach((list, s) => {
      const base = ids.length;
      for (const d of list) {
        for (let k = 0; k < vectors.sizeOf(d); k++) {
          const id = vectors.idAt(d, k);
          const w = vectors.weightAt(d, k);
          const p = at[id]!;
          if (p !== 0) {
            weights[p - 1] = weights[p - 1]! + w;
            continue;
          }
          if (ids.length === weights.length) {
            const grown = new Float64Array(2 * weights.length);
            grown.set(weights);
            weights = grown;
          }
          weights[ids.length] = 0 + w;
          ids.push(id);
          at[id] = ids.length;
        }
      }
      for (let k = base; k < ids.length; k++) at[ids.data[k]!] = 0;
      start[s + 1] = ids.length;
    });
    return new PackedVectors(start, ids.data.slice(0, ids.length), weights.slice(0, ids.length));
  }

  /** Terms of document d. */
  sizeOf(d: number): number {
    return this.start[d + 1]! - this.start[d]!;
  }

  /** The k-th term id of document d (first-occurrence order). */
  idAt(d: number, k: number): number {
    return this.ids[this.start[d]! + k]!;
  }

  weightAt(d: number, k: number): number {
    return this.weights[this.start[d]! + k]!;
  }

  /** The weight of term `id` in document d, 0 when absent. */
  weightOf(d: number, id: number): number {
    const base = this.start[d]!;
    let lo = 0;
    let hi = this.start[d + 1]! - base - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = base + this.byId[base + mid]!;
      const x = this.ids[k]!;
      if (x === id) return this.weights[k]!;
      if (x < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Cosine of documents d and e, summed exactly as eval/tfidf.ts's `cosine` of their vectors. */
  cosine(d: number, e: number): number {
    const [small, large] = this.sizeOf(d) < this.sizeOf(e) ? [d, e] : [e, d];
    const base = this.start[small]!;
    const end = this.start[small + 1]!;
    let dot = 0;
    for (let k = base; k < end; k++) dot += this.weights[k]! * this.weightOf(large, this.ids[k]!);
    return dot;
  }

  /** Document d as a TermWeights (for sums and cosines with them). */
  vector(d: number): DocVector {
    return new DocVector(this, d);
  }
}

/** One vector of a PackedVectors, read-only. */
export class DocVector implements TermWeights {
  readonly size: number;

  constructor(
    private readonly set: PackedVectors,
    private readonly d: number,
  ) {
    this.size = set.sizeOf(d);
  }

  idAt(k: number): number {
    return this.set.idAt(this.d, k);
  }

  weightAt(k: number): number {
    return this.set.weightAt(this.d, k);
  }

  weightOf(id: number): number {
    return this.set.weightOf(this.d, id);
  }
}

/**
 * A sum of vectors, terms in order of first addition (as a Map's entries were): a term
 * added again keeps its place and adds to its weight. Term ids are found through an
 * open-addressing table of positions (two 32-bit numbers a slot, at most half full).
 */
export class SummedVector implements TermWeights {
  size = 0;
  private ids: Int32Array;
  private weights: Float64Array;
  /** Slot s: term id + 1 at 2s (0: empty), its position at 2s + 1. */
  private table: Int32Array;
  /** 32 − log2 of the table's slots: a term's first slot is the top bits of its Fibonacci hash. */
  private shift: number;

  constructor(capacity = 8) {
    let bits = 4;
    while (1 << bits < 2 * capacity) bits++;
    this.ids = new Int32Array(1 << (bits - 1));
    this.weights = new Float64Array(1 << (bits - 1));
    this.table = new Int32Array(2 << bits);
    this.shift = 32 - bits;
  }

  /** A copy of `vector` (a sum starting at 0 with `vector` added: the same weights). */
  static of(vector: TermWeights): SummedVector {
    const sum = new SummedVector(vector.size);
    for (let k = 0; k < vector.size; k++) sum.add(vector.idAt(k), vector.weightAt(k));
    return sum;
  }

  idAt(k: number): number {
    return this.ids[k]!;
  }

  weightAt(k: number): number {
    return this.weights[k]!;
  }

  weightOf(id: number): number {
    const k = this.find(id);
    return k === -1 ? 0 : this.weights[k]!;
  }

  /** Adds `weight` to term `id`; returns the weight it had (0 when new). */
  add(id: number, weight: number): number {
    const mask = this.table.length / 2 - 1;
    let s = Math.imul(id, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const key = this.table[2 * s]!;
      if (key === 0) break;
      if (key === id + 1) {
        const k = this.table[2 * s + 1]!;
        const before = this.weights[k]!;
        this.weights[k] = before + weight;
        return before;
      }
      s = (s + 1) & mask;
    }
    if (this.size === this.ids.length) {
      this.grow();
      return this.add(id, weight);
    }
    const k = this.size++;
    this.table[2 * s] = id + 1;
    this.table[2 * s + 1] = k;
    this.ids[k] = id;
    this.weights[k] = 0 + weight;
    return 0;
  }

  /** The position of term `id`, -1 when absent. */
  private find(id: number): number {
    const mask = this.table.length / 2 - 1;
    for (let s = Math.imul(id, 0x9e3779b1) >>> this.shift; ; s = (s + 1) & mask) {
      const key = this.table[2 * s]!;
      if (key === id + 1) return this.table[2 * s + 1]!;
      if (key === 0) return -1;
    }
  }

  /** Twice the room: the terms keep their positions, the table is rebuilt. */
  private grow(): void {
    const ids = new Int32Array(2 * this.ids.length);
    ids.set(this.ids);
    const weights = new Float64Array(2 * this.weights.length);
    weights.set(this.weights);
    this.ids = ids;
    this.weights = weights;
    const slots = 2 * ids.length;
    this.table = new Int32Array(2 * slots);
    this.shift--;
    const mask = slots - 1;
    for (let k = 0; k < this.size; k++) {
      let s = Math.imul(ids[k]!, 0x9e3779b1) >>> this.shift;
      while (this.table[2 * s] !== 0) s = (s + 1) & mask;
      this.table[2 * s] = ids[k]! + 1;
      this.table[2 * s + 1] = k;
    }
  }
}

/** Cosine (dot product) of two vectors, summed exactly as eval/tfidf.ts's `cosine` of the same vectors as maps. */
export function cosineOf(a: TermWeights, b: TermWeights): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (let k = 0; k < small.size; k++) dot += small.weightAt(k) * large.weightOf(small.idAt(k));
  return dot;
}

/** The squared norm, summed in first-occurrence order (as over a Map's values). */
export function squaredNorm(v: TermWeights): number {
  let norm2 = 0;
  for (let k = 0; k < v.size; k++) norm2 += v.weightAt(k) * v.weightAt(k);
  return norm2;
}
