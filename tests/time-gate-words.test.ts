/**
 * The time gate's word scan (src/extract/time/gate.ts: one regex for all the words,
 * resumed after each match's first character, and `includes` for "+" and "-") must find
 * a group's word exactly where a case-insensitive regex of that group's words (chrono's
 * kind: /i without /u) finds one, on any text.
 */
import { describe, expect, it } from 'vitest';
import { WORD_GROUP_WORDS, wordGroupBit, wordGroups, type WordGroup } from '../src/extract/time/gate.ts';
import { randomInts } from './random-helper.ts';

const escapeRegex = (word: string): string => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const groupRegexes = (Object.keys(WORD_GROUP_WORDS) as WordGroup[]).map((group) => ({
  bit: wordGroupBit(group),
  regex: new RegExp(WORD_GROUP_WORDS[group].map(escapeRegex).join('|'), 'i'),
}));
const byRegex = (text: string): number => groupRegexes.reduce((bits, { bit, regex }) => (regex.test(text) ? bits | bit : bits), 0);

describe('time gate word scan', () => {
  it('finds the words of every group, overlapping, in any case', () => {
    expect(wordGroups('')).toBe(0);
    expect(wordGroups('AFTERNOON')).toBe(byRegex('afternoon'));
    expect(wordGroups('a monthly report') & wordGroupBit('weekday')).not.toBe(0); // "mon" in "monthly"
    expect(wordGroups('a monthly report') & wordGroupBit('endOfMonth')).not.toBe(0);
    expect(wordGroups('from  now') & wordGroupBit('later')).toBe(0);
    expect(wordGroups('From Now') & wordGroupBit('later')).not.toBe(0);
    expect(wordGroups('ſat, wee\u212A') & wordGroupBit('weekday')).toBe(0); // look-alikes of ASCII letters do not count
  });

  it('agrees with a regex per group on random text', () => {
    const words = Object.values(WORD_GROUP_WORDS).flat();
    const noise = ['a', 'e', 'o', 'n', 't', 'h', 's', ' ', '  ', '-', '+', '.', ',', 'ſ', '\u212A', 'İ', 'ı', 'é', '”', '\u00a0', 'x', '5'];
    const random = randomInts(20261121);
    const wrong: string[] = [];
    for (let i = 0; i < 30000; i++) {
      let text = '';
      for (let k = 1 + random(8); k > 0; k--) {
        let piece = random(3) === 0 ? words[random(words.length)]! : noise[random(noise.length)]!;
        if (random(3) === 0) piece = random(2) ? piece.toUpperCase() : piece.slice(0, 1 + random(piece.length)); // cases, cut words
        text += piece;
      }
      if (wordGroups(text) !== byRegex(text)) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });
});
