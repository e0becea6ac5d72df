import stringSimilarity from 'string-similarity';
import { describe, expect, it } from 'vitest';
import { bigramProfile, dice, diceBound } from '../src/text/dice.ts';

/** A small seeded generator, so the random cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('dice', () => {
  const fixed: [string, string][] = [
    ['', ''],
    ['a', 'a'],
    ['a', 'b'],
    ['ab', 'ab '],
    ['the call lasted 90 minutes', 'the call lasted ninety minutes'],
    ['aaaa', 'aa'],
    ['Zelensky said', 'Zelenskyy said'],
    ['東京で会談', '東京での会談'],
    ['  spaced   out  ', 'spacedout'],
  ];

  it.each(fixed)('%j vs %j: as string-similarity', (a, b) => {
    expect(dice(bigramProfile(a), bigramProfile(b))).toBe(stringSimilarity.compareTwoStrings(a, b));
  });

  it('equals compareTwoStrings bit for bit on 5,000 random pairs, and never exceeds its bound', () => {
    const next = random(7);
    const alphabet = 'aab cde\tfé\u00a0gh';
    const text = (): string => Array.from({ length: Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let k = 0; k < 5000; k++) {
      const [a, b] = [text(), text()];
      const [pa, pb] = [bigramProfile(a), bigramProfile(b)];
      expect(dice(pa, pb)).toBe(stringSimilarity.compareTwoStrings(a, b));
      expect(dice(pa, pb)).toBeLessThanOrEqual(diceBound(pa, pb));
    }
  });
});
