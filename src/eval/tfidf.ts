/**
 * The lexical baseline for document-level event clustering: TF-IDF vectors
 * (log tf, smoothed idf, stop words dropped), cosine similarity, and
 * single-link agglomeration above a threshold. What a reconciliation
 * pipeline must beat to be worth its extra machinery. The story step's packed
 * lead vectors (reconcile/lead-vectors.ts) use the same tokens (termCounts) and
 * weights (tfidfWeight), so their cosines are these, bit for bit.
 */
const STOP = new Set(
  'a an the and or but of in on at to for from by with as is was were are be been being has have had it its this that these those he she they we you i his her their our not no said says will would could after before over into than then there which who whom what when where while about also more most up out new one two'.split(' '),
);

export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  // Plain text (most news) needs no Unicode classes: its letters and digits, lower-cased, are [a-z0-9].
  const words = PLAIN.test(lower) ? lower.match(/[a-z0-9]+/g) : lower.match(/[\p{L}\p{N}]+/gu);
  return (words ?? []).filter((t) => t.length > 1 && !STOP.has(t));
}

/** ASCII and typographic punctuation (no-break space, dashes, curly quotes, ellipsis, guillemets, bullets): no letter or digit beyond ASCII. */
const PLAIN = /^[\x00-\x7f\u00a0\u00ab\u00b7\u00bb\u2010-\u2015\u2018-\u201f\u2022\u2026]*$/;

type Vector = Map<string, number>;

export function tfidfVectors(texts: readonly string[]): Vector[] {
  // Each text's term counts, in the order its terms first occur; the map becomes its vector in place
  // (no token list, distinct-term set or second map per text: a dump of 100k leads made millions).
  const docs = texts.map(termCounts);
  const df = new Map<string, number>();
  for (const tf of docs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return docs.map((vector) => {
    let norm = 0;
    for (const [t, count] of vector) {
      const weight = tfidfWeight(count, df.get(t)!, n);
      vector.set(t, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of vector) vector.set(t, w / norm);
    return vector;
  });
}

/**
 * A term's weight before normalisation: log tf times smoothed idf (`documents` in the set,
 * `documentFrequency` of them holding the term). One expression for every vector built
 * here and in reconcile/lead-vectors.ts, so their cosines are the same numbers.
 */
export function tfidfWeight(count: number, documentFrequency: number, documents: number): number {
  return (1 + Math.log(count)) * Math.log((1 + documents) / (1 + documentFrequency) + 1);
}

/** How often each token of `tokenize(text)` occurs, in first-occurrence order. */
export function termCounts(text: string): Map<string, number> {
  const lower = text.toLowerCase();
  const words = PLAIN.test(lower) ? /[a-z0-9]+/g : /[\p{L}\p{N}]+/gu;
  const tf = new Map<string, number>();
  for (let m = words.exec(lower); m !== null; m = words.exec(lower)) {
    const t = m[0];
    if (t.length > 1 && !STOP.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
  }
  return tf;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

/** Cluster labels (the smallest member index of each cluster) by single-link above `threshold`. */
export function clusterBySimilarity(texts: readonly string[], threshold: number): number[] {
  const vectors = tfidfVectors(texts);
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (cosine(vectors[i]!, vectors[j]!) >= threshold) {
        const [a, b] = [find(i), find(j)];
        parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  return texts.map((_, i) => find(i));
}
