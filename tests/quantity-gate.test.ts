/**
 * The quantity sentence gate (src/extract/quantity/gate.ts) reads
 * all-ASCII text with an ASCII regex: it must accept exactly what the Unicode regex
 * accepts, on any text.
 */
import { describe, expect, it } from 'vitest';
import { mayHoldQuantity } from '../src/extract/quantity/gate.ts';
import { NUMBER_MENTION_WORDS } from '../src/extract/quantity/numbers.ts';
import { TIME_UNIT_WORDS } from '../src/extract/quantity/units.ts';

const WORDS = [...NUMBER_MENTION_WORDS, ...Object.keys(TIME_UNIT_WORDS)].sort((a, b) => b.length - a.length).join('|');
const UNICODE_GATE = new RegExp(`\\d|(?:(?<!\\p{L})|(?<=\\.\\p{L}))(?:${WORDS})(?!\\p{L})`, 'iu');

describe('quantity gate', () => {
  it('accepts exactly what the Unicode regex accepts', () => {
    const pieces = [
      'two', 'TWO', 'Two', 'week', 'weeks', 'hr', 'dozen', 'twice', 'one', 'ſix', 'ſecond', 'weeK', 'U.S', '.a', 'é', 'Ü', 'x', 'xx',
      's', ' ', '  ', '-', '.', ',', "'", '’', 'İ', 'ı', 'ǅ', '𝐚', '\u0301', 'a', 'de', 'tens', 'years', '5', 'ten', 'tenth',
    ];
    let state = 20261121;
    const random = (n: number): number => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state % n;
    };
    const wrong: string[] = [];
    let accepted = 0;
    for (let i = 0; i < 30000; i++) {
      let text = '';
      for (let k = 1 + random(5); k > 0; k--) text += pieces[random(pieces.length)]!;
      const expected = UNICODE_GATE.test(text);
      if (expected) accepted++;
      if (mayHoldQuantity(text) !== expected) wrong.push(text);
    }
    expect(accepted).toBeGreaterThan(5000);
    expect(wrong).toEqual([]);
  });
});
