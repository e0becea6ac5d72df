/**
 * early-reject.ts: chrono's time-expression parser with the early rejection must give
 * exactly what chrono's own gives, match by match (before any refiner), on random
 * strings of numbers, separators and clock words.
 */
import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import { rejectedByTimeGroups, withEarlyRejection } from '../src/extract/time/early-reject.ts';
import { randomInts } from './random-helper.ts';

type ExecuteParser = (context: chrono.ParsingContext, parser: chrono.Parser) => chrono.ParsingResult[];
const executeParser = (chrono.Chrono as unknown as { executeParser: ExecuteParser }).executeParser;

const describeComponents = (c: chrono.ParsingComponents | null | undefined): unknown => {
  if (!c) return null;
  const raw = c as unknown as { knownValues: object; impliedValues: object };
  return { known: raw.knownValues, implied: raw.impliedValues, tags: [...c.tags()] };
};
const run = (parser: chrono.Parser, text: string, reference: chrono.ParsingReference): string =>
  JSON.stringify(executeParser(new chrono.ParsingContext(text, reference), parser).map((r) => ({ index: r.index, text: r.text, start: describeComponents(r.start), end: describeComponents(r.end) })));

describe('early rejection of numbers that cannot be clock times', () => {
  const original = chrono.casual.parsers.find((p) => p.constructor.name === 'ENTimeExpressionParser')!;
  const wrapped = withEarlyRejection(original);

  it('wraps only the non-strict time-expression parser', () => {
    expect(wrapped).not.toBe(original);
    for (const p of chrono.casual.parsers) if (p !== original) expect(withEarlyRejection(p)).toBe(p);
    const strict = chrono.strict.parsers.find((p) => p.constructor.name === 'ENTimeExpressionParser')!;
    expect(withEarlyRejection(strict)).toBe(strict);
  });

  it('gives chrono’s own matches on random number and clock text', () => {
    const words = [
      '0', '5', '9', '12', '13', '21', '24', '25', '30', '59', '60', '99', '100', '101', '130', '959', '1259', '1300', '2008', '2400', '2460',
      '0930', '7:5', '7:05', '12:75', '21:30', '23.45', '24:00', '25:00', '10:30:75', '10:30:59', '8:00:00.1234', '8:00:00.9999', '1.5',
      'a.m.', 'p.m.', 'am', 'pm', 'a', 'p', 'AM', 'PM', 'at', 'from', 'to', 'until', '-', '–', 'o’clock', 'o clock', 'at night',
      'in the morning', 'in the afternoon', 'T', ':', '/', ',', '.', 'GMT', '+0300', 'people', 'the', 'Ю',
    ];
    const separators = ['', ' ', ' ', '  ', ', ', '-', '.', '/', ':'];
    const references: chrono.ParsingReference[] = [{ instant: new Date(Date.UTC(2019, 2, 14, 9, 30)), timezone: -300 }, { instant: new Date(Date.UTC(2016, 11, 31, 23, 59)) }];
    const random = randomInts(20261122);
    const different: string[] = [];
    let found = 0;
    let rejectedEarly = 0;
    const pattern = original.pattern(new chrono.ParsingContext('', references[0]!));
    for (let i = 0; i < 20000; i++) {
      let text = '';
      for (let k = 1 + random(6); k > 0; k--) text += words[random(words.length)]! + separators[random(separators.length)]!;
      if (random(4) === 0) text = text.toUpperCase();
      for (const reference of references) {
        const expected = run(original, text, reference);
        if (expected !== '[]') found++;
        if (run(wrapped, text, reference) !== expected) different.push(text);
      }
      const first = pattern.exec(text);
      if (first && rejectedByTimeGroups(first)) rejectedEarly++;
    }
    expect(different).toEqual([]);
    expect(found).toBeGreaterThan(10000);
    expect(rejectedEarly).toBeGreaterThan(2000);
  });
});
