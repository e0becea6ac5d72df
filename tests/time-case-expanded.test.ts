/**
 * chrono's costliest patterns run case-expanded (src/extract/time/case-expanded.ts): the
 * rewritten regex must find the same match, with the same groups, as chrono's own on
 * any text, and the rewrite must refuse what it is not proven for.
 */
import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import { COSTLY_TO_COMPILE, caseExpanded, caseExpandedSource, withCheapPattern } from '../src/extract/time/case-expanded.ts';
import { randomInts } from './random-helper.ts';

const context = { text: '', option: {}, refDate: new Date(), reference: { instant: new Date() } } as unknown as chrono.ParsingContext;
const costly = chrono.casual.parsers.filter((p) => COSTLY_TO_COMPILE.has(p.constructor.name));

const describeMatch = (m: RegExpExecArray | null): string => (m ? JSON.stringify([m.index, ...m]) : 'none');

describe('case-expanded patterns', () => {
  it('spells out letters outside brackets and escapes, nothing else', () => {
    expect(caseExpandedSource('(\\W|^)ab\\s{0,3}[0-9]+(?=\\W|$)')).toBe('(\\W|^)[aA][bB]\\s{0,3}[0-9]+(?=\\W|$)');
    expect(caseExpandedSource('(?<![a-z])x')).toBeNull(); // a letter in brackets
    expect(caseExpandedSource('\\u0041')).toBeNull();
    expect(caseExpandedSource('(a)\\1')).toBeNull();
    expect(caseExpandedSource('(?<name>a)')).toBeNull();
    expect(caseExpandedSource('é')).toBeNull();
    expect(caseExpandedSource('[\\b]')).toBeNull();
    const noFlag = /ago/;
    expect(caseExpanded(noFlag)).toBe(noFlag);
    expect(caseExpanded(/ago/iu).flags).toBe('iu');
  });

  it('rewrites both costly parsers of chrono and keeps their extraction', () => {
    expect(costly.map((p) => p.constructor.name).sort()).toEqual([...COSTLY_TO_COMPILE].sort());
    for (const parser of costly) {
      const cheap = withCheapPattern(parser);
      expect(cheap).not.toBe(parser);
      expect(withCheapPattern(parser)).toBe(cheap);
      expect(cheap.pattern(context).flags).not.toContain('i');
      expect(cheap.pattern(context).source).toContain('[aA]');
    }
    const other = chrono.casual.parsers.find((p) => p.constructor.name === 'ENWeekdayParser')!;
    expect(withCheapPattern(other)).toBe(other);
  });

  it('matches what chrono matches, with the same groups, on random text', () => {
    // number, unit, offset word and noise pieces, in every case and with look-alike letters
    const numbers = ['a', 'an', 'A', 'AN', 'the', 'The', 'few', 'a few', 'several', 'couple', 'a couple of', 'half', 'half an', 'one', 'ONE', 'Two', 'eleven', '3', '12', '2.5', 'about', 'Around'];
    const units = ['hour', 'HOURS', 'Minutes', 'mins', 'day', 'Days', 'week', 'month', 'Months', 'year', 'yrs', 'qtr', 'mo', 's', 'm', 'h', 'd', 'w', 'y', 'ſ', 'K', '\u212A'];
    const offsets = ['ago', 'AGO', 'Ago', 'before', 'earlier', 'later', 'LATER', 'after', 'from now', 'From Now', 'henceforth', 'forward', 'out', 'and'];
    const noise = [',', ' ', '  ', '\t', '\u00a0', '-', '.', '(', '”', '’', 'İ', 'ı', 'é', 'x', '_', '\n', 'said', 'Mosul'];
    const pieces = [numbers, units, offsets, noise];
    const separators = ['', ' ', ' ', '  ', ',', ', and ', '-', '\u00a0'];
    const random = randomInts(20261121);
    const patterns = costly.map((p) => ({ original: p.pattern(context), cheap: withCheapPattern(p).pattern(context) }));
    const wrong: string[] = [];
    let matched = 0;
    for (let i = 0; i < 40000; i++) {
      let text = '';
      for (let j = random(3), end = j + 1 + random(8); j < end; j++) {
        const kind = random(5) === 0 ? pieces[random(pieces.length)]! : pieces[j % 3]!; // mostly number, unit, offset in turn
        text += kind[random(kind.length)]! + separators[random(separators.length)]!;
      }
      for (const { original, cheap } of patterns) {
        const expected = describeMatch(original.exec(text));
        if (expected !== 'none') matched++;
        if (describeMatch(cheap.exec(text)) !== expected) wrong.push(`${original.source.slice(-40)}: ${JSON.stringify(text)}`);
      }
    }
    expect(matched).toBeGreaterThan(4000);
    expect(wrong).toEqual([]);
  });
});
