/**
 * The lexical baseline for document-level event clustering: TF-IDF vectors
 * (log tf, smoothed idf, stop words dropped), cosine similarity, and
 * single-link agglomeration above a threshold. What a reconciliation
 * pipeline must beat to be worth its extra machinery.
 */
const STOP = new Set(
  'a an the and or but of in on at to for from by with as is was were are be been being has have had it its this that these those he she they we you i his her their our not no said says will would could after before over into than then there which who whom what when where while about also more most up out new one two'.split(' '),
);

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length > 1 && !STOP.has(t));
}

type Vector = Map<string, number>;

export function tfidfVectors(texts: readonly string[]): Vector[] {
  const docs = texts.map(tokenize);
  const df = new Map<string, number>();
  for (const tokens of docs) for (const t of new Set(tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return docs.map((tokens) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    const vector: Vector = new Map();
    let norm = 0;
    for (const [t, count] of tf) {
      const weight = (1 + Math.log(count)) * Math.log((1 + n) / (1 + df.get(t)!) + 1);
      vector.set(t, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of vector) vector.set(t, w / norm);
    return vector;
  });
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
