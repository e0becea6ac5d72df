/** Seeded generators (mulberry32) for the tests' random cases, so a failure reproduces on every run. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Numbers in [0, 1). */
export function randomFractions(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

/** Integers in [0, n). */
export function randomInts(seed: number): (n: number) => number {
  const next = mulberry32(seed);
  return (n) => next() % n;
}
