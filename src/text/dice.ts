/**
 * Dice similarity over character bigrams, exactly as string-similarity's
 * `compareTwoStrings` computes it (whitespace dropped, bigrams counted with
 * multiplicity), for comparing many texts with each other: each text's bigrams are
 * read once into a sorted array of codes, and a pair costs one merge of two arrays.
 * `compareTwoStrings` rebuilds a map of one side's bigram substrings for every pair,
 * which made copy detection among an event's claims (origins.ts) the slowest step of
 * reconciliation on large dumps (up to 300 distinct sentences, ~45k pairs, per event).
 */

export interface BigramProfile {
  /** The text without whitespace, as compared. */
  readonly compact: string;
  /** Its bigrams as numbers (first UTF-16 unit · 65536 + second), sorted. */
  readonly codes: Float64Array;
}

const WHITESPACE = /\s+/g;

export function bigramProfile(text: string): BigramProfile {
  const compact = text.replace(WHITESPACE, '');
  const codes = new Float64Array(Math.max(0, compact.length - 1));
  for (let i = 0; i < codes.length; i++) codes[i] = compact.charCodeAt(i) * 65536 + compact.charCodeAt(i + 1);
  return { compact, codes: codes.sort() };
}

/** The highest Dice two profiles could reach from their sizes alone (every bigram of the smaller shared). */
export function diceBound(a: BigramProfile, b: BigramProfile): number {
  if (a.compact === b.compact) return 1;
  const na = a.codes.length;
  const nb = b.codes.length;
  if (na < 1 || nb < 1) return 0;
  return (2 * Math.min(na, nb)) / (na + nb);
}

/** `compareTwoStrings` of the two profiled texts: the same number, bit for bit. */
export function dice(a: BigramProfile, b: BigramProfile): number {
  if (a.compact === b.compact) return 1;
  if (a.compact.length < 2 || b.compact.length < 2) return 0;
  const x = a.codes;
  const y = b.codes;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i]! === y[j]!) {
      shared++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return (2.0 * shared) / (a.compact.length + b.compact.length - 2);
}
