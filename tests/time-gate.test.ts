/**
 * The pre-chrono gate (src/extract/time/gate.ts) may only skip text that no parser
 * of the news chrono can match: checked on tricky phrases and on many random
 * strings built from the words, one-letter units and separators the parsers react to.
 */
import { describe, expect, it } from 'vitest';
import type * as chrono from 'chrono-node';
import { createGatedNewsChrono, createNewsChrono } from '../src/extract/time/chrono-config.ts';
import { mayHoldTime } from '../src/extract/time/gate.ts';
import { randomInts } from './random-helper.ts';

const newsParsers = createNewsChrono().parsers;
const parserPatterns: RegExp[] = (() => {
  const context = { text: '', option: {}, refDate: new Date(), reference: { instant: new Date() } } as unknown as chrono.ParsingContext;
  return newsParsers.map((parser) => {
    const pattern = parser.pattern(context);
    return new RegExp(pattern.source, pattern.flags.replace('g', ''));
  });
})();
const anyParserMatches = (text: string): boolean => parserPatterns.some((p) => p.test(text));
const gatedChrono = createGatedNewsChrono();
/**
 * Parsers whose pattern matches `text` but which the per-sentence chrono leaves out. A
 * parser finds something only if its pattern matches the whole text (its first scan),
 * so this must be empty.
 */
const leftOut = (text: string): string[] => {
  const kept = gatedChrono(text)?.parsers ?? [];
  return newsParsers.filter((p, i) => parserPatterns[i]!.test(text) && !kept.includes(p)).map((p) => `${p.constructor.name} ${newsParsers.indexOf(p)}`);
};

describe('time gate', () => {
  it.each([
    'for them', 'they later said', 'in a D.C. court', 'it lasts.', 'the ones before', 'May first', 'first of May',
    'MAROF/', 'on Sunday', 'sundaythisweek', 'every day', 'end of the month', 'last night', 'this morning', 'half an hour later',
    'a couple of days ago', 'within a few hours', 'next two weeks', '+2 days', 'at 1300 GMT', 'in 2017',
  ])('passes what a parser matches: %s', (text) => {
    expect(anyParserMatches(text)).toBe(true);
    expect(mayHoldTime(text)).toBe(true);
    expect(leftOut(text)).toEqual([]);
  });

  it.each(['The talks were held behind closed doors.', 'Sunni leaders met their rivals.', 'He said nothing about the monthly report.'])(
    'skips text no parser matches: %s',
    (text) => {
      expect(anyParserMatches(text)).toBe(false);
      expect(mayHoldTime(text)).toBe(false);
      expect(gatedChrono(text)).toBeNull();
    },
  );

  it('never skips a random string a parser matches', () => {
    const words = [
      'the', 'them', 'they', 'thes', 'a', 'an', 'few', 'a few', 'several', 'couple', 'couple of', 'of', 'half', 'half an', 'one', 'ones',
      'ten', 'tens', 'two', 'sixes', 'in', 'for', 'within', 'this', 'last', 'past', 'next', 'after', 'after this', 'ago', 'later', 'out',
      'before', 'earlier', 'forward', 'from now', 'henceforth', 's', 'm', 'h', 'd', 'w', 'y', 'mo', 'yr', 'qtr', 'mon', 'sun', 'sat',
      'wed', 'thurs', 'may', 'mar', 'sept', 'first', 'second', 'fifth', 'fourth', 'twenty', 'twenty first', 'thirty', 'on', 'week',
      'weekend', 'month', 'end', 'day', 'every', 'each', 'night', 'last night', 'noon', 'now', 'today', 'tmr', 'morning', 'this week',
      'of this week', 'end of the month', 'about', 'around', 'roughly', 'just', '~', '+', '-', '（', 'and', ',', '.', '(', ')', '/',
      'U.S.', 'D.C.', 'told', 'said', 'x', '5', '12', '2019', '1300', 'GMT', 'st', 'th', 'am', 'p.m.', ':', '30',
    ];
    const separators = ['', ' ', '  ', '-', ',', '.', '/', ' ,'];
    const random = randomInts(20251121);
    const missed: string[] = [];
    let matched = 0;
    for (let i = 0; i < 20000; i++) {
      let text = '';
      for (let k = 1 + random(6); k > 0; k--) text += words[random(words.length)]! + separators[random(separators.length)]!;
      if (random(2)) text = text.toUpperCase();
      if (!anyParserMatches(text)) continue;
      matched++;
      if (!mayHoldTime(text)) missed.push(text);
      for (const parser of leftOut(text)) missed.push(`${parser}: ${text}`);
    }
    expect(matched).toBeGreaterThan(10000);
    expect(missed).toEqual([]);
  });
});
